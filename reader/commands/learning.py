"""`reader known import|export`, `reader digest`, `reader review`, `reader stats`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.errors import InputError
from reader.paths import reader_home


def tell(text: str) -> None:
    """A plain message on stderr: no markup, no wrapping."""
    sys.stderr.write(text.replace("\n", " ") + "\n")


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the learning sub-commands."""
    p = subparsers.add_parser("known", parents=[common],
                              help="import or export the words you know")
    sub = p.add_subparsers(dest="known_command", metavar="ACTION", required=True)
    imp = sub.add_parser("import", parents=[common],
                         help="mark words known: HSK levels, a word list, Anki TSV or .apkg")
    imp.add_argument("file", nargs="?", metavar="FILE",
                     help="plain list, Anki TSV, .apkg, LingQ or Lute CSV, or our TSV export")
    imp.add_argument("--hsk", metavar="LEVELS", help="HSK 3.0 levels, like 1-4")
    imp.add_argument("--status", default="known", metavar="STATUS",
                     help="status to give (default: known; also learning-1..4, ignored)")
    imp.add_argument("--force", action="store_true",
                     help="also change words that already have another status")
    imp.set_defaults(func=run_known_import)
    exp = sub.add_parser("export", parents=[common], help="write your word statuses")
    exp.add_argument("--format", choices=("tsv", "lingq", "lute"), default="tsv",
                     help="tsv (default), lingq or lute CSV")
    exp.add_argument("--all", action="store_true",
                     help="learning and ignored words too (default: known words only)")
    exp.add_argument("--out", metavar="PATH", help="file to write (default: stdout)")
    exp.add_argument("--force", action="store_true", help="overwrite an existing --out file")
    exp.set_defaults(func=run_known_export)


def run_known_import(args: argparse.Namespace) -> int:
    """Mark the words of HSK levels or of a file with a status; print the counts."""
    from reader.learning.status import Status, parse_status
    from reader.learning.vocabulary import Vocabulary
    from reader.learning.word_files import hsk_words, parse_levels, read_word_file
    from reader.notes.store import NotesStore

    if bool(args.hsk) == bool(args.file):
        raise InputError("give either --hsk LEVELS or a FILE to import")
    try:
        status = parse_status(args.status)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    if status is Status.NEW:
        raise InputError("import cannot set words back to new")
    skipped = 0
    if args.hsk:
        words = hsk_words(parse_levels(args.hsk))
        wanted = dict.fromkeys(words, status)
        source = f"HSK {args.hsk}"
    else:
        listing = read_word_file(Path(args.file).expanduser())
        skipped = listing.skipped
        wanted = {w: (listing.statuses or {}).get(w, status) for w in listing.words}
        source = args.file
    with NotesStore.open(reader_home(args.home)) as store:
        vocabulary = Vocabulary(store)
        before = vocabulary.statuses()
        change = vocabulary.apply(wanted, overwrite=args.force)
    same = sum(1 for w, s in wanted.items() if before.get(w) is s)
    kept = len(wanted) - len(change.changes) - same
    by_status: dict[str, int] = {}
    for c in change.changes:
        by_status[c.after.label] = by_status.get(c.after.label, 0) + 1
    done = ", ".join(f"{n} {label}" for label, n in sorted(by_status.items())) or "nothing new"
    parts = [f"{source}: {len(wanted)} word(s) read; marked {done}"]
    if same:
        parts.append(f"{same} already had that status")
    if kept:
        parts.append(f"{kept} kept their own status (use --force to change them)")
    if skipped:
        parts.append(f"{skipped} line(s) without a Chinese word skipped")
    tell("; ".join(parts))
    return 0


def run_known_export(args: argparse.Namespace) -> int:
    """Write the known words (or all statuses) as TSV, LingQ CSV or Lute CSV."""
    from reader.commands.export import _write
    from reader.learning.status import Status
    from reader.learning.vocabulary import Vocabulary
    from reader.learning.word_files import export_statuses
    from reader.notes.store import NotesStore

    with NotesStore.open(reader_home(args.home), read_only=True) as store:
        statuses = Vocabulary(store).statuses()
    only = None if args.all else (Status.KNOWN,)
    text = export_statuses(statuses, args.format, only)
    ext = "tsv" if args.format == "tsv" else "csv"
    path = _write(args.out, text, args.force, f"dubao-known.{ext}")
    count = sum(1 for s in statuses.values() if only is None or s in only)
    if path is not None:
        tell(f"wrote {count} word(s) to {path}")
    return 0



