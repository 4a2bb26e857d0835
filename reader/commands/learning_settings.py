"""`reader settings [KEY [on|off]]`: the learning settings kept in the notes file."""

from __future__ import annotations

import argparse

from reader.commands.export import tell
from reader.commands.store_open import open_for_writing
from reader.errors import InputError
from reader.paths import reader_home

_WORDS = {"on": True, "off": False, "true": True, "false": False, "yes": True, "no": False}
"""How a switch may be written on the command line."""

_HELP = {
    "review_long_interval_known": "a review card reaching a long interval marks its word known",
    "annotate_keeps_status": "highlighting or saving a word leaves its status alone "
                             "(off: it becomes learning)",
}
"""What each setting does, for the listing."""


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add `settings`."""
    p = subparsers.add_parser("settings", parents=[common],
                              help="show or change the learning settings (on/off)")
    p.add_argument("key", nargs="?", metavar="KEY", help="the setting to show or change")
    p.add_argument("value", nargs="?", metavar="on|off", help="its new value")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run_settings)


def run_settings(args: argparse.Namespace) -> int:
    """List the settings, show one, or set one (on/off)."""
    from reader.commands.output import print_json, stdout
    from reader.corpus.decode import printable
    from reader.learning.settings import DEFAULTS, get_setting, set_setting
    from reader.notes.store import NotesStore

    if args.key is not None and args.key not in DEFAULTS:
        raise InputError(f"unknown setting {printable(args.key)!r}; "
                         f"choose one of {', '.join(DEFAULTS)}")
    home = reader_home(args.home)
    if args.value is not None:
        value = _WORDS.get(args.value.lower())
        if value is None:
            raise InputError(f"bad value {printable(args.value)!r} for {args.key}; "
                             "write on or off")
        with open_for_writing(home) as store:
            set_setting(store, args.key, value)
        tell(f"{args.key} is {'on' if value else 'off'}")
        return 0
    keys = [args.key] if args.key else list(DEFAULTS)
    with NotesStore.open(home, read_only=True) as store:
        values = {k: bool(get_setting(store, k)) for k in keys}
    if args.json:
        print_json(values)
        return 0
    for k, v in values.items():
        stdout.print(f"{k:28} {'on' if v else 'off':4} {_HELP[k]}", markup=False,
                     highlight=False)
    return 0
