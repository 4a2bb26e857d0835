"""`reader export` (highlights and notes as Markdown) and `reader export-words` (Anki TSV)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from reader.corpus.decode import printable
from reader.corpus.library import find_article, find_issue, load_library
from reader.errors import InputError
from reader.notes.export import build_context, load_template, render
from reader.notes.export_words import export_words
from reader.notes.filenames import ExportExistsError, export_filename, write_export
from reader.notes.store import NotesStore
from reader.paths import reader_home


def tell(text: str) -> None:
    """A plain message on stderr: no markup, no wrapping, no control sequences (file names
    in it may hold anything)."""
    sys.stderr.write(printable(text) + "\n")


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the export sub-commands."""
    p = subparsers.add_parser("export", parents=[common],
                              help="write highlights and notes as Markdown")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--article", metavar="ID", help="only this article")
    which.add_argument("--issue", metavar="ID", help="only this issue")
    p.add_argument("--out", metavar="PATH",
                   help="file to write, or a folder to write a named file into (default: stdout)")
    p.add_argument("--force", action="store_true", help="overwrite an existing --out file")
    p.add_argument("--pinyin", action="store_true", help="add a pinyin line under each quote")
    p.add_argument("--template", metavar="FILE",
                   help="a Jinja2 template (copy reader/notes/templates/notes.md.j2)")
    p.set_defaults(func=run_export)

    p = subparsers.add_parser("export-words", parents=[common],
                              help="write saved words for Anki (TSV or CSV)")
    p.add_argument("--format", choices=("tsv", "csv", "apkg"), default="tsv",
                   help="default: tsv; apkg writes an Anki package (needs --out)")
    p.add_argument("--out", metavar="PATH", help="file to write (default: stdout)")
    p.add_argument("--force", action="store_true", help="overwrite an existing --out file")
    p.set_defaults(func=run_export_words)


def write_output(out: str | None, text: str, force: bool, default_name: str) -> Path | None:
    """Print to stdout, or write a file (a folder gets `default_name`); never overwrite unasked."""
    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return None
    if out == "-":
        return write_output(None, text, force, default_name)
    target = Path(out).expanduser()
    try:
        # `notes/` names a folder even before it exists.
        if target.is_dir() or out.endswith(("/", os.sep)):
            return write_export(target, default_name, text, overwrite=force)
        if target.exists() and not target.is_file():
            raise InputError(f"{printable(target)} is not a regular file; give a file or "
                             "folder to write to")
        if target.exists() and not force:
            raise ExportExistsError(target)
        return write_export(target.parent if str(target.parent) else Path("."), target.name,
                            text, overwrite=force)
    except ExportExistsError as exc:
        # The CLI's way to "allow overwriting" is a flag: name it.
        raise InputError(f"{printable(exc.path)} already exists; use --force to overwrite "
                         "it") from None


def run_export(args: argparse.Namespace) -> int:
    """Export highlights (all, one article or one issue) as Markdown."""
    home = reader_home(args.home)
    template = load_template(Path(args.template)) if args.template else None
    with NotesStore.open(home, read_only=True) as store:
        if args.article:
            try:
                article_id = find_article(home, args.article).article.id
            except InputError:
                article_id = args.article
            highlights = store.highlights(article_id=article_id)
            if not highlights:
                find_article(home, args.article)  # an unknown id is an error, not an empty file
        elif args.issue:
            highlights = store.highlights(issue_id=args.issue)
            if not highlights:
                find_issue(home, args.issue)
        else:
            highlights = store.highlights()
        words = store.words()
    library = load_library(home)
    context = build_context(highlights, words, library, pinyin=args.pinyin)
    text = render(context, template)
    meta = context["meta"]
    name = export_filename(meta.get("paper"), meta.get("issue_date"), meta["title"])
    path = write_output(args.out, text, args.force, name)
    counts = context["counts"]
    if not highlights:
        tell("no highlights to export yet")
    if path is not None:
        tell(f"wrote {counts['highlights']} highlight(s), {counts['orphans']} orphaned, "
                f"to {path}")
    return 0


def run_export_words(args: argparse.Namespace) -> int:
    """Export the saved words as an Anki-ready TSV (or CSV)."""
    home = reader_home(args.home)
    if args.format == "apkg":
        from reader.commands.learning import run_export_apkg

        return run_export_apkg(args)
    with NotesStore.open(home, read_only=True) as store:
        words = store.words()
    titles = {a.id: a.title for i in load_library(home) for a in i.articles} if words else {}
    text = export_words(words, titles, args.format)
    path = write_output(args.out, text, args.force, f"dubao-words.{args.format}")
    if path is not None:
        tell(f"wrote {len(words)} word(s) to {path}")
    return 0
