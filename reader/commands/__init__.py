"""Sub-command handlers of the `reader` CLI, one module per area of the core."""
