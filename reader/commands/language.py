"""`reader segment`, `reader lookup` and `reader glossary`: the language layer from the shell."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from reader.commands.output import message, print_json, stdout
from reader.corpus.decode import decode_bytes, read_stdin, sanitize
from reader.errors import InputError
from reader.language import (
    LookupResult,
    UserTermStore,
    lookup,
    make_term,
    set_user_terms,
    tokenize,
)
from reader.language.hsk import hsk_text
from reader.language.model import Token
from reader.language.sandhi import spoken_tones
from reader.language.spelling import term_pinyin, token_pinyin
from reader.language.tones import readable_definition
from reader.paths import reader_home

MAX_SEGMENT_CHARS = 100_000
"""Longest text `reader segment` takes: about fifteen printed pages (a page is ~7,000)."""

MAX_WORD_CHARS = 100
"""Longest word `reader lookup` takes; the longest dictionary headwords are about 20."""

TONE_STYLES = {1: "red", 2: "green", 3: "blue", 4: "magenta", 5: "dim"}
"""Colours of the four tones and the neutral tone in readable output."""


@contextmanager
def user_store(home_arg: str | None, write: bool = False) -> Iterator[UserTermStore]:
    """The user's glossary, kept in the notes store (read-only unless `write`)."""
    from reader.notes.store import NotesStore

    store = NotesStore.open(reader_home(home_arg), read_only=not write)
    try:
        yield store
    finally:
        store.close()


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the language sub-commands."""
    p = subparsers.add_parser("segment", parents=[common],
                              help="split Chinese text into words with pinyin")
    p.add_argument("text", nargs="?", metavar="TEXT", help="text (default: read stdin)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--spoken", action="store_true",
                   help="spoken tones of 一 and 不 (yí gè, bú shì) instead of dictionary tones")
    p.add_argument("--explain", action="store_true",
                   help="say where each word's reading came from (user, glossary, pinned, "
                        "dictionary, model and its confidence)")
    p.set_defaults(func=run_segment)

    p = subparsers.add_parser("lookup", parents=[common], help="look words up")
    p.add_argument("words", nargs="*", metavar="WORD")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--coverage", action="store_true",
                   help="report how many distinct words of the library have an entry")
    p.add_argument("--audit", action="store_true",
                   help="list corpus words where pypinyin disagrees with CC-CEDICT")
    p.set_defaults(func=run_lookup)

    p = subparsers.add_parser("glossary", parents=[common],
                              help="manage your glossary terms (first in every lookup)")
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    for name, helptext in (("add", "add a term"), ("edit", "change a term")):
        q = sub.add_parser(name, parents=[common], help=helptext)
        q.add_argument("word", metavar="WORD")
        q.add_argument("definitions", nargs="*" if name == "edit" else "+",
                       metavar="DEFINITION")
        q.add_argument("--pinyin", default="", help="reading, e.g. 'fēi yí' or 'fei1 yi2'")
        q.add_argument("--kind", default=None, help="label such as institution or place")
        q.set_defaults(func=run_glossary_put, replace=name == "edit")
    q = sub.add_parser("delete", parents=[common], help="delete a term")
    q.add_argument("word", metavar="WORD")
    q.set_defaults(func=run_glossary_delete)
    q = sub.add_parser("list", parents=[common], help="list your glossary terms")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(func=run_glossary_list)


def _load_user_terms(args: argparse.Namespace) -> None:
    with user_store(args.home) as store:
        set_user_terms(store)


def run_segment(args: argparse.Namespace) -> int:
    """Segment TEXT (or stdin) and print tokens with offsets and pinyin."""
    if args.text is not None:
        text = args.text
        if any("\ud800" <= ch <= "\udfff" for ch in text):
            raise InputError("TEXT is not valid UTF-8")
    else:
        data = read_stdin()
        if not data.strip():
            raise InputError("no text to segment (give TEXT or pipe it on stdin)")
        # Offsets must point into the input, so it is decoded but not cleaned.
        text = decode_bytes(data, "stdin")
    if not text.strip():
        raise InputError("no text to segment (give TEXT or pipe it on stdin)")
    if len(text) > MAX_SEGMENT_CHARS:
        raise InputError(f"the text is too long to segment ({len(text)} characters; at most "
                         f"{MAX_SEGMENT_CHARS})")
    _load_user_terms(args)
    if args.explain:
        return _explain(text, args)
    tokens = tokenize(text)
    if args.spoken:
        tokens = spoken_tones(tokens)
    if args.json:
        print_json([{"text": t.text, "start": t.start, "end": t.end, "pinyin": t.pinyin}
                    for t in tokens])
        return 0
    # One Text per input line, printed as it is done: memory stays that of one line.
    line = Text()
    for tok in tokens:
        if tok.is_han:
            line.append(tok.text, style="bold")
            line.append("(")
            _append_word(line, tok)
            line.append(") ")
        elif "\n" in tok.text:
            stdout.print(line)
            line = Text()
        elif not tok.text.isspace():
            line.append(tok.text + " ")
    if line.plain:
        stdout.print(line)
    return 0


def _append_word(line: Text, tok: Token) -> None:
    """A word's GB/T 16159 pinyin, each syllable in its tone colour."""
    written = token_pinyin(tok)
    pos = 0
    for syl in (s for s in tok.syllables if s.marks):
        found = written.lower().find(syl.marks, pos)
        if found < 0:  # pragma: no cover - the written form holds every syllable
            line.append(written[pos:])
            return
        line.append(written[pos:found])
        line.append(written[found:found + len(syl.marks)], style=TONE_STYLES.get(syl.tone, ""))
        pos = found + len(syl.marks)
    line.append(written[pos:])


def _sources(chars: list[str]) -> str:
    """Per-character sources said once when they agree (`dictionary`), else per character."""
    return chars[0] if len(set(chars)) == 1 else " + ".join(chars)


def _explain(text: str, args: argparse.Namespace) -> int:
    """Print each Han word with its reading and where that reading came from."""
    from reader.language.segmenter import segment

    trace: dict[int, list[str]] = {}
    tokens = segment(text, trace)
    rows = [{"text": t.text, "start": t.start, "end": t.end, "pinyin": t.pinyin,
             "sources": trace.get(i, [])} for i, t in enumerate(tokens) if t.is_han]
    if args.json:
        print_json(rows)
        return 0
    table = Table(box=None, show_header=True, pad_edge=False)
    for col in ("word", "pinyin", "source"):
        table.add_column(col)
    for row, tok in zip(rows, (t for t in tokens if t.is_han), strict=True):
        table.add_row(Text(str(row["text"])), Text(token_pinyin(tok)),
                      Text(_sources(list(row["sources"]))))  # type: ignore[call-overload]
    stdout.print(table)
    return 0


def lookup_json(result: LookupResult) -> dict[str, object]:
    """The JSON shape of `reader lookup --json`, fixed by the issue."""
    return {
        "word": result.word, "pinyin": result.pinyin, "hsk": result.hsk,
        "entries": [{"source": e.source, "simplified": e.simplified,
                     "traditional": e.traditional, "pinyin": e.pinyin,
                     "definitions": list(e.definitions)} for e in result.entries],
        "components": [{"text": c.text, "pinyin": c.pinyin, "definitions": list(c.definitions)}
                       for c in result.components],
        "name": result.name,
    }


def _panel(result: LookupResult) -> Panel:
    body = Text()
    # A Text title: the word is shown as typed, never parsed as markup.
    title = Text(f"{result.word}  {result.pinyin}")
    if result.hsk:
        title.append(f"  · {hsk_text(result.hsk)}")
    if result.name:
        body.append("Person's name\n", style="bold yellow")
    if result.number:
        body.append(result.number + "\n", style="cyan")
    for e in result.entries:
        forms = e.simplified if e.traditional == e.simplified else \
            f"{e.simplified} ({e.traditional})"
        body.append(f"[{e.source}] ", style="dim")
        body.append(f"{forms} {e.pinyin}", style="bold")
        if e.kind:
            body.append(f"  {e.kind}", style="italic")
        body.append("\n  " + "; ".join(readable_definition(d) for d in e.definitions) + "\n")
        if e.classifiers:
            body.append("  measure words: " + ", ".join(e.classifiers) + "\n", style="dim")
        for ref in e.see_also:
            body.append(f"  → {ref}\n", style="dim")
    if result.components:
        body.append("Not in the dictionaries; its parts:\n", style="italic")
        for c in result.components:
            body.append(f"  {c.text} {c.pinyin}", style="bold")
            gloss = "; ".join(readable_definition(d) for d in c.definitions)
            body.append(": " + (gloss or "no entry") + "\n")
    body.rstrip()
    return Panel(body if body.plain else Text("No entry.", style="dim"), title=title,
                 title_align="left")


def run_lookup(args: argparse.Namespace) -> int:
    """Look words up, or report corpus coverage or pinyin disagreements."""
    if args.coverage or args.audit:
        return _run_audit(args)
    if any("\ud800" <= ch <= "\udfff" for w in args.words for ch in w):
        raise InputError("WORD is not valid UTF-8")
    # Escape sequences in an argument must not reach the terminal (nor markup the title).
    words = [sanitize(w).strip() for w in args.words if sanitize(w).strip()]
    if not words:
        raise InputError("give at least one WORD to look up (or --coverage / --audit)")
    for w in words:
        if len(w) > MAX_WORD_CHARS:
            raise InputError(f"a word to look up has at most {MAX_WORD_CHARS} characters "
                             f"(this one has {len(w)})")
    _load_user_terms(args)
    results = [lookup(w) for w in words]
    if args.json:
        print_json([lookup_json(r) for r in results])
        return 0
    for r in results:
        stdout.print(_panel(r), soft_wrap=False)
    return 0


def _run_audit(args: argparse.Namespace) -> int:
    from reader.language.audit import corpus_texts, coverage, pinyin_disagreements

    _load_user_terms(args)
    texts = corpus_texts(reader_home(args.home))
    report: dict[str, object] = {}
    if args.coverage:
        report["coverage"] = coverage(texts).to_json()
        report["coverage_bare_jieba"] = coverage(texts, bare_jieba=True).to_json()
    if args.audit:
        checked, found = pinyin_disagreements(texts)
        report["pinyin"] = {"checked": checked, "disagreements": [d.to_json() for d in found]}
    if args.json:
        print_json(report)
        return 0
    for key in ("coverage", "coverage_bare_jieba"):
        cov = report.get(key)
        if isinstance(cov, dict):
            label = "our tokens" if key == "coverage" else "bare jieba tokens"
            stdout.print(f"[bold]{label}[/]: {cov['distinct_han_tokens']} distinct Han tokens; "
                         f"whole-word entry {cov['with_entry_share']:.1%} "
                         f"(CC-CEDICT alone {cov['with_cedict_share']:.1%}); "
                         f"explained {cov['explained_share']:.1%}")
            if cov["unexplained"]:
                stdout.print("  unexplained: " + " ".join(cov["unexplained"]))  # type: ignore
    pinyin = report.get("pinyin")
    if isinstance(pinyin, dict):
        table = Table(title=f"pypinyin vs CC-CEDICT over {pinyin['checked']} corpus words")
        for col in ("word", "pypinyin", "CC-CEDICT", "ours", "ok"):
            table.add_column(col)
        for d in pinyin["disagreements"]:
            table.add_row(escape(d["word"]), escape(d["pypinyin"]),
                          escape(" / ".join(d["cedict"])), escape(d["ours"]),
                          "[green]yes[/]" if d["ours_matches_cedict"] else "[red]no[/]")
        stdout.print(table)
    return 0


def run_glossary_put(args: argparse.Namespace) -> int:
    """Add a term, or edit an existing one (keeping what is not given)."""
    with user_store(args.home, write=True) as store:
        return _put_term(store, args)


def _put_term(store: UserTermStore, args: argparse.Namespace) -> int:
    """Add or edit one term in an open store."""
    existing = {t.word: t for t in store.user_terms()}
    word = args.word.strip()
    old = existing.get(word)
    if args.replace and old is None:
        raise InputError(f"no term {word!r} in your glossary terms (use `reader glossary add`)")
    if not args.replace and old is not None:
        raise InputError(f"{word!r} is already in your glossary terms (use `reader glossary edit`)")
    definitions = args.definitions or (list(old.definitions) if old else [])
    pinyin = args.pinyin or (old.pinyin if old else "")
    from reader.language.readings import word_reading

    default = " ".join(r for r in word_reading(word) if r)
    term = make_term(word, pinyin, definitions, args.kind or (old.kind if old else None),
                     default_reading=default)
    store.put_term(term)
    message(f"{'updated' if old else 'added'} {term.word} "
            f"{term_pinyin(term.word, term.pinyin, term.kind)}")
    return 0


def run_glossary_delete(args: argparse.Namespace) -> int:
    """Delete a term."""
    with user_store(args.home, write=True) as store:
        deleted = store.delete_term(args.word.strip())
    if not deleted:
        raise InputError(f"no term {args.word!r} in your glossary terms")
    message(f"deleted {args.word}")
    return 0


def run_glossary_list(args: argparse.Namespace) -> int:
    """List the user's terms."""
    with user_store(args.home) as store:
        terms = store.user_terms()
    if args.json:
        print_json([t.to_json() for t in terms])
        return 0
    if not terms:
        message("no glossary terms yet; add one with `reader glossary add WORD DEFINITION`")
        return 0
    table = Table(title="Glossary terms")
    for col in ("word", "pinyin", "kind", "definitions"):
        table.add_column(col)
    for t in terms:
        table.add_row(escape(t.word), escape(term_pinyin(t.word, t.pinyin, t.kind)),
                      escape(t.kind or ""),
                      escape("; ".join(t.definitions)))
    stdout.print(table)
    return 0
