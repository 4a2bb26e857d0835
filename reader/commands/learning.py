"""`reader known import|export`, `reader digest`, `reader review`, `reader stats`."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.commands.export import tell
from reader.commands.output import plural
from reader.commands.store_open import open_for_writing
from reader.errors import InputError
from reader.paths import reader_home


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
    st = sub.add_parser("set", parents=[common], help="give words a status")
    st.add_argument("words", nargs="+", metavar="WORD")
    st.add_argument("--status", default="known", metavar="STATUS",
                    help="known (default), learning-1..4, ignored or new")
    st.set_defaults(func=run_known_set)
    exp = sub.add_parser("export", parents=[common], help="write your word statuses")
    exp.add_argument("--format", choices=("tsv", "lingq", "lute"), default="tsv",
                     help="tsv (default), lingq or lute CSV")
    exp.add_argument("--all", action="store_true",
                     help="learning and ignored words too (default: known words only)")
    exp.add_argument("--out", metavar="PATH", help="file to write (default: stdout)")
    exp.add_argument("--force", action="store_true", help="overwrite an existing --out file")
    exp.set_defaults(func=run_known_export)
    register_more(subparsers, common)


def run_known_import(args: argparse.Namespace) -> int:
    """Mark the words of HSK levels or of a file with a status; print the counts."""
    from reader.learning.status import Status, parse_status
    from reader.learning.vocabulary import Vocabulary
    from reader.learning.word_files import hsk_words, parse_levels, read_word_file

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
    with open_for_writing(reader_home(args.home)) as store:
        vocabulary = Vocabulary(store)
        before = vocabulary.statuses()
        change = vocabulary.apply(wanted, overwrite=args.force)
    same = sum(1 for w, s in wanted.items() if before.get(w) is s)
    kept = len(wanted) - len(change.changes) - same
    by_status: dict[str, int] = {}
    for c in change.changes:
        by_status[c.after.label] = by_status.get(c.after.label, 0) + 1
    done = ", ".join(f"{n:,} {label}" for label, n in sorted(by_status.items())) or "nothing new"
    parts = [f"{source}: {plural(len(wanted), 'word')} read; marked {done}"]
    if same:
        parts.append(f"{same} already had that status")
    if kept:
        parts.append(f"{kept} kept their own status (use --force to change them)")
    if skipped:
        parts.append(f"{plural(skipped, 'line')} without a Chinese word skipped")
    tell("; ".join(parts))
    return 0


def run_known_set(args: argparse.Namespace) -> int:
    """Set the status of the given words."""
    from reader.learning.status import parse_status
    from reader.learning.vocabulary import Vocabulary

    try:
        status = parse_status(args.status)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    with open_for_writing(reader_home(args.home)) as store:
        change = Vocabulary(store).set_status(args.words, status)
    tell(f"{plural(len(change.changes), 'word')} now {status.label}; "
         f"{len(set(args.words)) - len(change.changes)} already were")
    return 0


def run_known_export(args: argparse.Namespace) -> int:
    """Write the known words (or all statuses) as TSV, LingQ CSV or Lute CSV."""
    from reader.commands.export import write_output
    from reader.learning.status import Status
    from reader.learning.vocabulary import Vocabulary
    from reader.learning.word_files import export_statuses
    from reader.notes.store import NotesStore

    with NotesStore.open(reader_home(args.home), read_only=True) as store:
        statuses = Vocabulary(store).statuses()
    only = None if args.all else (Status.KNOWN,)
    text = export_statuses(statuses, args.format, only)
    ext = "tsv" if args.format == "tsv" else "csv"
    path = write_output(args.out, text, args.force, f"dubao-known.{ext}")
    count = sum(1 for s in statuses.values() if only is None or s in only)
    if path is not None:
        tell(f"wrote {plural(count, 'word')} to {path}")
    return 0





def register_more(subparsers: argparse._SubParsersAction,
                  common: argparse.ArgumentParser) -> None:
    """Add `digest`, `review` and `stats`."""
    p = subparsers.add_parser("digest", parents=[common],
                              help="the new words of an issue, most frequent first")
    p.add_argument("issue_id", metavar="ISSUE_ID")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="at most N words")
    p.add_argument("--learning", action="store_true", help="list learning words too")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run_digest)

    p = subparsers.add_parser("review", parents=[common],
                              help="review the saved words that are due (FSRS) in the app; "
                                   "--due lists them, --stats counts")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--due", action="store_true", help="list the cards due now")
    which.add_argument("--stats", action="store_true", help="counts of cards and reviews")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run_review)

    p = subparsers.add_parser("stats", parents=[common],
                              help="words known over time, words read, articles finished")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run_stats)


def run_digest(args: argparse.Namespace) -> int:
    """Print the new words of an issue with pinyin, HSK band, gloss and first sentence."""
    from rich.markup import escape
    from rich.table import Table

    from reader.commands.output import print_json, stdout
    from reader.corpus.library import find_issue
    from reader.language.hsk import hsk_label
    from reader.learning.digest import digest
    from reader.learning.vocabulary import Vocabulary
    from reader.notes.store import NotesStore

    home = reader_home(args.home)
    if args.limit is not None and args.limit < 1:
        raise InputError("--limit must be 1 or more")
    issue = find_issue(home, args.issue_id)
    with NotesStore.open(home, read_only=True) as store:
        statuses = Vocabulary(store).statuses()
    words = digest(issue, statuses, include_learning=args.learning, limit=args.limit)
    if args.json:
        print_json({"issue_id": issue.id, "words": [w.to_json() for w in words]})
        return 0
    if not words:
        tell(f"issue {issue.id} has no new words")
        return 0
    table = Table(title=f"New words of {issue.id}", title_justify="left")
    for col in ("#", "Word", "Pinyin", "HSK", "Gloss", "First sentence"):
        table.add_column(col)
    for w in words:
        table.add_row(str(w.count), escape(w.word), escape(w.pinyin), hsk_label(w.hsk),
                      escape(w.gloss), escape(w.sentence))
    stdout.print(table)
    return 0


def run_review(args: argparse.Namespace) -> int:
    """List due cards or print review statistics."""
    from rich.markup import escape
    from rich.table import Table

    from reader.commands.output import print_json, stdout
    from reader.language.spelling import display_pinyin
    from reader.learning.review import Reviewer
    from reader.notes.store import NotesStore

    if not (args.due or args.stats):
        from reader.commands.app import check_terminal, make_app, start_app

        home = reader_home(args.home)
        check_terminal()
        return start_app(make_app(home, review=True))
    with NotesStore.open(reader_home(args.home), read_only=True) as store:
        reviewer = Reviewer(store)
        if args.stats:
            stats = reviewer.stats()
            if args.json:
                print_json(stats.to_json())
            else:
                nxt = stats.next_due.strftime("%Y-%m-%d %H:%M UTC") if stats.next_due else "-"
                stdout.print(f"{plural(stats.cards, 'card')}, {stats.new} new; "
                             f"due now {stats.due_now}, today {stats.due_today}; "
                             f"reviewed today {stats.reviewed_today} "
                             f"({stats.again_today} again); next due {nxt}", markup=False)
            return 0
        due = reviewer.due()
    if args.json:
        print_json([c.to_json() for c in due])
        return 0
    if not due:
        tell("nothing is due for review")
        return 0
    table = Table(title=f"{plural(len(due), 'card')} due", title_justify="left")
    for col in ("Word", "Pinyin", "Definition", "Due"):
        table.add_column(col)
    for c in due:
        table.add_row(escape(c.word.word), escape(display_pinyin(c.word.word, c.word.pinyin)),
                      escape(c.word.definition),
                      "new" if c.new else c.due.strftime("%Y-%m-%d %H:%M"))
    stdout.print(table)
    return 0


def run_stats(args: argparse.Namespace) -> int:
    """Print words known over time, words read per day and articles finished."""
    from reader.commands.output import print_json, stdout
    from reader.corpus.library import load_library
    from reader.learning.stats import learning_stats, reading_totals
    from reader.notes.store import NotesStore

    home = reader_home(args.home)
    with NotesStore.open(home, read_only=True) as store:
        docs = store.keyed_docs("statuses")
        progress = store.all_progress()
    articles = ({a.id: a for i in load_library(home) for a in i.articles} if progress else {})
    stats = learning_stats(docs, progress, articles)
    if args.json:
        print_json(stats.to_json())
        return 0
    lines = [f"known {stats.known}, learning {stats.learning}, ignored {stats.ignored}; "
             f"{reading_totals(stats)}"]
    width = 40
    for title, series in (("Words known", stats.known_by_day),
                          ("Words read per day", stats.read_by_day),
                          ("Articles finished per day", stats.finished_by_day)):
        if not series:
            continue
        top = max(v for _d, v in series) or 1
        lines.append(title)
        lines += [f"  {d}  {'█' * max(1, round(v / top * width))} {v}" for d, v in series]
    for line in lines:
        stdout.print(line, markup=False)
    return 0


def run_export_apkg(args: argparse.Namespace) -> int:
    """`reader export-words --format apkg`: saved words as an Anki package with stable ids."""
    import os

    from reader.corpus.decode import printable
    from reader.corpus.library import load_library
    from reader.learning.anki_deck import APKG_FILE, apkg_bytes, article_infos, write_apkg
    from reader.notes.store import NotesStore

    if not args.out or args.out == "-":
        raise InputError("an Anki package is a binary file: give --out PATH")
    target = Path(args.out).expanduser()
    if target.is_dir() or args.out.endswith(("/", os.sep)):
        target = target / APKG_FILE
    if target.exists() and not args.force:
        raise InputError(f"{printable(target)} already exists; use --force to overwrite it")
    home = reader_home(args.home)
    with NotesStore.open(home, read_only=True) as store:
        words = store.words()
    articles = article_infos(load_library(home)) if words else {}
    path = write_apkg(target, apkg_bytes(words, articles), overwrite=args.force)
    tell(f"wrote {plural(len(words), 'word')} to {path}")
    return 0
