"""`reader` (no arguments) and `reader open ARTICLE_ID`: start the Textual app."""

from __future__ import annotations

import argparse

from reader.paths import reader_home


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the `open` sub-command."""
    p = subparsers.add_parser("open", parents=[common], help="open the reading app")
    p.add_argument("article_id", nargs="?", help="open straight on this article")
    p.set_defaults(func=run_open)


def run_open(args: argparse.Namespace) -> int:
    """Start the app on the library, or on one article."""
    # Imported here so that the other commands start without loading Textual.
    from reader.tui.app import ReaderApp

    app = ReaderApp(home=reader_home(args.home), article_id=args.article_id)
    app.run()
    return int(app.return_code or 0)
