"""`reader` (no arguments) and `reader open ARTICLE_ID`: start the Textual app."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import InputError
from reader.paths import reader_home

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the `open` sub-command."""
    p = subparsers.add_parser("open", parents=[common], help="open the reading app")
    p.add_argument("article_id", nargs="?", help="open straight on this article")
    p.set_defaults(func=run_open)


def check_terminal() -> None:
    """InputError unless stdin and stdout are both a terminal (the app cannot run otherwise)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        # Without a terminal Textual would start anyway, never see a key and spin.
        raise InputError(
            "not a terminal: the reading app needs stdin and stdout on a terminal "
            "(in scripts use the other commands, see `reader --help`)"
        )


def run_open(args: argparse.Namespace) -> int:
    """Start the app on the library, or on one article (checked before the app starts)."""
    home = reader_home(args.home)
    article_id = args.article_id
    if article_id is not None:
        from reader.corpus.library import find_article

        article_id = find_article(home, article_id).article.id  # unknown id: one line, exit 2
    check_terminal()
    return start_app(make_app(home, article_id))


def make_app(home: Path, article_id: str | None = None, *, review: bool = False) -> ReaderApp:
    """The app `reader`, `reader open` and `reader review` start (tests drive the same one)."""
    # Imported here so that the other commands start without loading Textual.
    from reader.tui.app import ReaderApp

    return ReaderApp(home=home, article_id=article_id, review=review)


def start_app(app: ReaderApp) -> int:
    """Run the app in the terminal; its exit status."""
    app.run()
    return int(app.return_code or 0)
