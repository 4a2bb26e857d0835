"""Worker failures become notifications: one place, for the app and every screen.

Textual's `Worker.StateChanged` does not bubble, so a screen's workers report to the screen
only; each screen mixes this in and hands the failure to the app's handler.
"""

from __future__ import annotations

from textual.dom import DOMNode
from textual.worker import Worker, WorkerState


class ReportsWorkerErrors:
    """Mixin for screens: a failed worker is shown to the user instead of passing silently."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Pass failures to the app (which says what went wrong)."""
        if event.state == WorkerState.ERROR:
            node: DOMNode = self  # type: ignore[assignment]
            node.app.on_worker_state_changed(event)  # type: ignore[attr-defined]
