"""Entry point so that `python -m reader` behaves like the `reader` command."""

from reader.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
