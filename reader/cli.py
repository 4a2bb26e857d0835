"""The `reader` command: parses arguments and hands each sub-command to its module."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from reader import __version__
from reader.errors import ReaderError

# Each module adds its sub-commands with `register(subparsers, common)`; the handler it sets
# as `func` receives the parsed namespace and returns an exit status.
COMMAND_MODULES = (
    "reader.commands.app",
    "reader.commands.corpus",
    "reader.commands.language",
    "reader.commands.notes",
    "reader.commands.export",
    "reader.commands.bench",
    "reader.commands.learning",
    "reader.commands.learning_settings",
)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one line on stderr with exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        """Print a one-line usage error and exit 2."""
        sys.stderr.write(f"reader: error: {message} (see `{self.prog} --help`)\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    """Build the full argument parser with every sub-command."""
    import importlib

    home_help = "data folder (default: $READER_HOME or the user data dir)"
    # `--home` works before or after the sub-command; the sub-command's copy must not
    # reset a value given before it, hence SUPPRESS.
    common = _Parser(add_help=False)
    common.add_argument("--home", metavar="DIR", default=argparse.SUPPRESS, help=home_help)
    parser = _Parser(
        prog="reader",
        description="Dubao (读报): read and annotate Chinese newspapers in the terminal.",
    )
    parser.add_argument("--home", metavar="DIR", default=None, help=home_help)
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `reader` command and return its exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.command = "open"
        args.article_id = None
        from reader.commands.app import run_open

        args.func = run_open
    try:
        return int(args.func(args) or 0)
    except ReaderError as exc:
        sys.stderr.write(f"reader: {exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:
        # A file error no command foresaw (a full disk, a folder without permission): one
        # line, exit 1; the commands remove their own temp files before this point.
        where = f"{exc.filename}: " if exc.filename else ""
        sys.stderr.write(f"reader: {where}{exc.strerror or exc}\n")
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
