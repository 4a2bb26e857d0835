"""`reader annotate`, `notes`, `words`, `note-edit` and `forget`: the notes from the shell."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.markup import escape
from rich.table import Table

from reader.commands.output import print_json, stdout
from reader.commands.store_open import open_for_writing
from reader.corpus.library import find_article, find_issue, load_library
from reader.corpus.model import Article, Issue
from reader.errors import InputError
from reader.language.spelling import display_pinyin
from reader.notes.anchoring import place
from reader.notes.model import COLORS, Highlight, SavedWord
from reader.notes.store import NotesStore
from reader.paths import reader_home

COLOR_STYLES = {"yellow": "yellow", "green": "green", "blue": "blue", "pink": "hot_pink",
                "purple": "medium_purple"}
"""Rich styles for the highlight colour names in terminal listings."""


def tell(text: str) -> None:
    """A plain message on stderr: no markup, no wrapping (paths and quotes stay intact)."""
    sys.stderr.write(text + "\n")


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the notes sub-commands."""
    p = subparsers.add_parser("annotate", parents=[common], help="highlight a quote of an article")
    p.add_argument("article_id", metavar="ARTICLE_ID")
    p.add_argument("--quote", required=True, metavar="TEXT", help="the exact text to highlight")
    p.add_argument("--occurrence", type=int, default=1, metavar="N",
                   help="which occurrence of the quote (default: 1, the first)")
    p.add_argument("--note", metavar="TEXT", help="a note on the highlight")
    p.add_argument("--color", default="yellow", choices=COLORS, metavar="NAME",
                   help=f"highlight colour: {', '.join(COLORS)} (default: yellow)")
    p.set_defaults(func=run_annotate)

    p = subparsers.add_parser("notes", parents=[common], help="list highlights and notes")
    p.add_argument("--json", action="store_true", help="print JSON")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--article", metavar="ID", help="only this article's highlights")
    which.add_argument("--issue", metavar="ID", help="only this issue's highlights")
    which.add_argument("--restore-backup", action="store_true",
                       help="put notes.json.bak back as the notes file (the current one is "
                            "kept aside)")
    p.set_defaults(func=run_notes)

    p = subparsers.add_parser("words", parents=[common], help="list saved words")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run_words)

    p = subparsers.add_parser("note-edit", parents=[common],
                              help="change the note of a highlight or saved word")
    p.add_argument("id", metavar="ID", help="a highlight (h-...) or saved word (w-...) id")
    p.add_argument("text", metavar="TEXT", help="the new note (empty to clear it)")
    p.set_defaults(func=run_note_edit)

    p = subparsers.add_parser("forget", parents=[common],
                              help="delete a highlight or a saved word")
    p.add_argument("id", metavar="ID", help="an id from `reader notes` or `reader words`")
    p.set_defaults(func=run_forget)


def _home(args: argparse.Namespace) -> Path:
    return reader_home(args.home)


def run_annotate(args: argparse.Namespace) -> int:
    """Highlight the N-th occurrence of a quote in an article and print the new id."""
    home = _home(args)
    found = find_article(home, args.article_id)
    text = found.article.text
    quote = args.quote
    if not quote.strip():
        raise InputError("the quote is empty")
    if args.occurrence < 1:
        raise InputError("--occurrence counts from 1")
    starts, i = [], text.find(quote)
    while i >= 0:
        starts.append(i)
        i = text.find(quote, i + 1)
    if not starts:
        raise InputError(f"the quote is not in article {found.article.id}")
    if args.occurrence > len(starts):
        raise InputError(
            f"the quote occurs {len(starts)} time(s) in article {found.article.id}, "
            f"not {args.occurrence}"
        )
    start = starts[args.occurrence - 1]
    with open_for_writing(home) as store:
        h = store.add_highlight(found.issue.id, found.article.id, text, start,
                                start + len(quote), color=args.color, note=args.note)
        _note_annotated(store, found.article, start, start + len(quote))
    print(h.id)
    return 0


def _note_annotated(store: NotesStore, article: Article, start: int, end: int) -> None:
    """The highlight's new words become learning, as in the app (`ReadingSession.add_highlight`)."""
    from reader.language import tokenize
    from reader.learning.vocabulary import Vocabulary
    from reader.reading.annotated import highlight_words

    Vocabulary(store).note_annotated(highlight_words(tokenize(article.text), article, start, end))


def _resolve_article(home: Path, article_id: str) -> str:
    """The full id of an existing article (unique prefix allowed), else the id as given."""
    try:
        return find_article(home, article_id).article.id
    except InputError:
        return article_id  # highlights of an article that no longer parses the same


def highlight_json(h: Highlight, title: str | None, orphan: bool = False) -> dict[str, object]:
    """The JSON object of one highlight in `reader notes --json`."""
    return {
        "id": h.id, "issue_id": h.issue_id, "article_id": h.article_id,
        "article_title": title, "quote": h.quote, "note": h.note, "color": h.color,
        "start": h.start, "end": h.end, "prefix": h.prefix, "suffix": h.suffix,
        "created": h.created, "updated": h.updated, "orphan": orphan,
    }


ORPHAN_MARK = "(not in the text now)"
"""How a highlight whose quote is no longer in the library's text is marked (as in the app)."""


def orphan_ids(highlights: list[Highlight], library: list[Issue]) -> set[str]:
    """Ids of the highlights that cannot be placed in today's text of their issue."""
    issues = {i.id: i for i in library}
    lost = set()
    for h in highlights:
        issue = issues.get(h.issue_id)
        if issue is None:
            lost.add(h.id)
            continue
        own = issue.article(h.article_id)
        texts = {a.id: a.text for a in issue.articles}
        if place(h, own.text if own else "", texts, article_id=h.article_id).orphan:
            lost.add(h.id)
    return lost


def run_notes(args: argparse.Namespace) -> int:
    """List highlights with their notes (or restore the backup)."""
    home = _home(args)
    if args.restore_backup:
        bak, moved = NotesStore.restore_backup(home)
        aside = f"; the previous file was moved to {moved.name}" if moved else ""
        tell(f"restored the notes from {bak.name}{aside}")
        return 0
    article_id = _resolve_article(home, args.article) if args.article else None
    with NotesStore.open(home, read_only=True) as store:
        items = store.highlights(article_id=article_id, issue_id=args.issue)
    if not items and args.issue:
        find_issue(home, args.issue)  # an unknown issue id is an error, not an empty list
    if not items and args.article and article_id == args.article:
        find_article(home, args.article)
    library = load_library(home) if items else []
    titles = {a.id: a.title for i in library for a in i.articles}
    lost = orphan_ids(items, library)
    if args.json:
        print_json([highlight_json(h, titles.get(h.article_id), h.id in lost) for h in items])
        return 0
    if not items:
        tell("no highlights yet (add one with `reader annotate` or in the app)")
        return 0
    current = None
    for h in items:
        if h.article_id != current:
            current = h.article_id
            title = titles.get(h.article_id, "(article no longer in the library)")
            stdout.print(f"\n[bold]{escape(title)}[/]  [dim]{h.article_id}[/]")
        style = COLOR_STYLES.get(h.color, "white")
        mark = f"  [italic dim]{ORPHAN_MARK}[/]" if h.id in lost else ""
        # Continuation lines keep the indent of the first, so the listing stays readable.
        quote = escape(h.quote).replace("\n", "\n" + " " * (len(h.id) + 5))
        stdout.print(f"  [dim]{h.id}[/] [{style}]▌[/] {quote}{mark}")
        if h.note:
            stdout.print("      [italic]" + escape(h.note).replace("\n", "\n      ") + "[/]")
    return 0


def word_json(w: SavedWord) -> dict[str, object]:
    """The JSON object of one saved word in `reader words --json`."""
    return {
        "id": w.id, "word": w.word, "traditional": w.traditional, "pinyin": w.pinyin,
        "definition": w.definition, "hsk": w.hsk, "sentence": w.sentence, "note": w.note,
        "article_id": w.article_id, "issue_id": w.issue_id, "created": w.created,
        "updated": w.updated,
    }


def run_words(args: argparse.Namespace) -> int:
    """List the saved words."""
    with NotesStore.open(_home(args), read_only=True) as store:
        items = store.words()
    if args.json:
        print_json([word_json(w) for w in items])
        return 0
    if not items:
        tell("no saved words yet (save one from the word panel in the app)")
        return 0
    table = Table(title="Saved words")
    for col in ("id", "word", "pinyin", "definition", "note"):
        table.add_column(col)
    for w in items:
        table.add_row(w.id, w.word, escape(display_pinyin(w.word, w.pinyin)), escape(w.definition),
                      escape(w.note or ""))
    stdout.print(table)
    return 0


def run_note_edit(args: argparse.Namespace) -> int:
    """Change (or clear) the note of a highlight or a saved word."""
    with open_for_writing(_home(args)) as store:
        if args.id.startswith("h-"):
            store.update_note(args.id, args.text)
        elif args.id.startswith("w-"):
            store.update_word(args.id, note=args.text)
        else:
            raise InputError(f"{args.id!r} is not a highlight (h-...) or saved word (w-...) id")
    tell(f"{'cleared' if not args.text.strip() else 'updated'} the note of {args.id}")
    return 0


def run_forget(args: argparse.Namespace) -> int:
    """Delete a highlight, saved word or glossary term by id."""
    with open_for_writing(_home(args)) as store:
        if args.id.startswith("h-"):
            what = f"highlight “{store.delete_highlight(args.id).quote}”"
        elif args.id.startswith("w-"):
            what = f"saved word {store.delete_word(args.id).word}"
        else:
            raise InputError(f"{args.id!r} is not a highlight (h-...) or saved word (w-...) id")
    tell(f"deleted {what}")
    return 0
