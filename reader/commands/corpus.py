"""`reader issues`, `articles`, `show`, `import`, `remove` and `search`: the corpus from the CLI."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from rich.markup import escape

from reader.commands.output import message, plural, print_json, stdout
from reader.corpus.explain import explain_json, format_explain, read_page
from reader.corpus.library import (
    expand_paths,
    find_article,
    import_file,
    issue_rows,
    issue_sources,
    load_file,
    load_library,
    open_index,
    remove_issue,
)
from reader.corpus.model import UNKNOWN_PAPER, Article, Issue
from reader.corpus.pdf.store import import_pdf, is_pdf, issue_id_of
from reader.errors import InputError
from reader.notes.locations import parse_location
from reader.paths import library_dir, reader_home


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the corpus sub-commands."""
    p = subparsers.add_parser("issues", parents=[common], help="list the library's issues")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run_issues)

    p = subparsers.add_parser(
        "articles", parents=[common], help="parse issue files and list their articles"
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: library)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument(
        "--explain", action="store_true",
        help="print, per block of each file, what the parser took it for and why",
    )
    p.set_defaults(func=run_articles)

    p = subparsers.add_parser(
        "show", parents=[common], help="print an article (or one paragraph: `ID ¶3`) as text"
    )
    p.add_argument(
        "location", nargs="+", metavar="ARTICLE_ID",
        help="article ids (or unique prefixes), or one location such as `ID ¶3`, `ID#p3`, `ID:3`",
    )
    p.set_defaults(func=run_show)

    p = subparsers.add_parser(
        "import", parents=[common],
        help="add pages to the library: text pages or PDFs, files, folders or globs",
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=run_import)

    p = subparsers.add_parser(
        "remove", parents=[common],
        help="take imported issues out of the library (the files are moved aside, not deleted)",
    )
    p.add_argument("issue_ids", nargs="+", metavar="ISSUE_ID")
    p.set_defaults(func=run_remove)

    p = subparsers.add_parser(
        "search", parents=[common],
        help="search every article: characters, or the pinyin of whole words (kuajing, kuàjìng)",
    )
    p.add_argument("query", nargs="*", metavar="QUERY")
    p.add_argument("--saved", action="store_true",
                   help="look for every word you saved and every passage you highlighted")
    p.add_argument("--limit", type=int, default=50, help="most articles listed (default 50)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run_search)


def index_progress() -> Callable[[int, int], None]:
    """A progress bar on stderr while many pages are (re-)parsed into the index."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from reader.commands.output import stderr

    state: dict[str, Progress] = {}

    def report(done: int, total: int) -> None:
        if total < 20 or not stderr.is_terminal:
            return
        bar = state.get("bar")
        if bar is None:
            bar = state["bar"] = Progress(TextColumn("indexing the library"), BarColumn(),
                                          MofNCompleteColumn(), console=stderr, transient=True)
            bar.start()
            state["task"] = bar.add_task("index", total=total)  # type: ignore[assignment]
        bar.update(state["task"], completed=done)  # type: ignore[arg-type]
        if done >= total:
            bar.stop()

    return report


def counted(issue: Issue) -> str:
    """`3 articles`, or `1 article, 4 photos` (photo items are not counted as articles)."""
    photos = issue.photo_count
    return plural(issue.article_count, "article") + (
        f", {plural(photos, 'photo')}" if photos else "")


def run_issues(args: argparse.Namespace) -> int:
    """List the library's issues (from the index: no page is parsed)."""
    rows = issue_rows(reader_home(args.home), index_progress())
    if args.json:
        print_json(rows)
        return 0
    header = ("paper", "date", "page", "section", "articles", "photos", "id")
    lines = [header] + [(
        str(r["paper"] or UNKNOWN_PAPER),
        str(r["date"] or "?") + ("*" if r["date_inferred"] else ""),
        str(r["page"] or "?"), str(r["section"] or ""), str(r["articles"]), str(r["photos"]),
        str(r["id"]),
    ) for r in rows]
    print_columns(lines, right={2, 4, 5})
    message(f"{plural(len(rows), 'issue')}; * date inferred from the text")
    return 0


def print_columns(lines: list[tuple[str, ...]], right: set[int] = frozenset()) -> None:  # type: ignore[assignment]
    """Print rows as plain aligned columns (CJK counts two cells); no markup is read.

    A rich Table takes seconds for a year of pages; this takes milliseconds.
    """
    from rich.cells import cell_len

    widths = [max(cell_len(row[k]) for row in lines) for k in range(len(lines[0]))]
    out = []
    for row in lines:
        cells = []
        for k, value in enumerate(row):
            pad = " " * (widths[k] - cell_len(value))
            cells.append(pad + value if k in right else value + pad)
        out.append("  ".join(cells).rstrip())
    sys.stdout.write("\n".join(out) + "\n")
    sys.stdout.flush()


def run_articles(args: argparse.Namespace) -> int:
    """Parse files (or the library) and list issues with their articles."""
    if getattr(args, "explain", False):
        return run_explain(args)
    if args.paths:
        files = expand_paths(args.paths)
        if not files:
            raise InputError("no issue files found in the given paths")
        issues = [load_file(p) for p in files]
        scores = None
    else:
        from reader.reading.difficulty import library_scores

        home = reader_home(args.home)
        issues = load_library(home, index_progress())
        scores = library_scores(home, (a for i in issues for a in i.articles))
    if args.json:
        print_json([_with_scores(i.to_json(), scores) for i in issues])
        return 0
    for issue in issues:
        date = (issue.date or "undated") + (" (inferred)" if issue.date_inferred else "")
        stdout.print(
            f"[bold]{escape(issue.paper_label)}[/] · {date} · "
            f"page {issue.page or '?'}"
            f"{' · ' + escape(issue.section) if issue.section else ''}  [dim]{escape(issue.id)}[/]"
        )
        for art in issue.articles:
            derived = art.title_derived and art.kind != "photo"  # a caption's start, as said
            title = escape(art.label) + (" [dim](derived)[/]" if derived else "")
            known = ("" if art.kind == "photo"
                     else _known_label(scores.get(art.id) if scores is not None else None))
            stdout.print(f"  {title}  [dim]{escape(art.id)} · {art.length_label}{known}[/]")
        stdout.print()
    return 0


def _with_scores(issue: dict, scores: dict | None) -> dict:
    """An issue's JSON with `known_share` and `new_words` per article (null outside the
    library, where no statuses or counts apply)."""
    for art in issue["articles"]:
        score = scores.get(art["id"]) if scores is not None else None
        art["known_share"] = None
        art["new_words"] = None
        if score is not None:
            share = score.known_share
            art["known_share"] = None if share is None else round(share, 4)
            art["new_words"] = score.new_words
    return issue


def _known_label(score: object) -> str:
    """` · 87% known, 23 new` for the human listing (empty without running words)."""
    share = getattr(score, "known_share", None)
    if share is None:
        return ""
    return f" · {share * 100:.0f}% known, {score.new_words} new"  # type: ignore[attr-defined]


def run_explain(args: argparse.Namespace) -> int:
    """`articles --explain FILE…`: why each page split the way it did."""
    if not args.paths:
        raise InputError("--explain needs one or more issue files")
    files = expand_paths(args.paths)
    if not files:
        raise InputError("no issue files found in the given paths")
    pages = [(p, read_page(p)) for p in files]
    if args.json:
        print_json([{"source": str(p), "blocks": explain_json(t)} for p, t in pages])
        return 0
    for path, text in pages:
        print(f"{path}\n{format_explain(text)}\n")
    return 0


def format_article(art: Article) -> str:
    """The article as clean text: headline block, dateline and byline, paragraphs, captions.

    Section headings inside the body stand on their own line, unindented and marked `■`.
    """
    out: list[str] = []
    if art.kicker:
        out.append(art.kicker)
    out.append(art.title)
    if art.subtitle:
        out.append(f"——{art.subtitle}")
    meta = [x for x in (art.dateline, art.byline) if x]
    if meta:
        out.append(" ".join(meta))
    if art.continued_from:
        out.append(f"（{art.continued_from}）")
    out.append("")
    for k, para in enumerate(art.paragraphs):
        if k in art.headings:
            out += ["", f"■ {para}"]
        else:
            out.append("　　" + para)
    for cap in art.captions:
        out.append(f"[Photo] {cap}")
    return "\n".join(out)


def run_show(args: argparse.Namespace) -> int:
    """Print articles as clean text, or the one paragraph a location (`ID ¶3`) names."""
    words = args.location
    if len(words) == 2 and words[1].startswith(("¶", "#p", ":")):
        words = [" ".join(words)]
    home = reader_home(args.home)
    chunks = []
    for word in words:
        location = parse_location(word)
        found = find_article(home, location.article_id)
        art = found.article
        if location.paragraph is None:
            chunks.append(format_article(art))
            continue
        if location.paragraph > len(art.paragraphs):
            raise InputError(
                f"{art.id} has {len(art.paragraphs)} paragraphs, not {location.paragraph}"
            )
        para = art.paragraphs[location.paragraph - 1]
        chunks.append(f"{art.title} ¶{location.paragraph}\n\n{para}")
    print("\n\n\n".join(chunks))
    return 0


def import_files(raw: list[str]) -> tuple[list[Path], list[str]]:
    """The files an import names (folders and globs expanded), and arguments that name none."""
    files: list[Path] = []
    empty: list[str] = []
    for arg in raw:
        found = expand_paths([arg])
        if Path(arg).is_dir():  # a folder of PDFs: each PDF is read by its layout
            found += sorted(p for p in Path(arg).glob("*.pdf") if p.is_file())
        if not found:
            where = "folder" if Path(arg).is_dir() else "pattern"
            empty.append(f"{arg}: no .txt or .pdf pages in this {where}")
        files += found
    return files, empty


def run_import(args: argparse.Namespace) -> int:
    """Import issue files into the library in one pass; a summary says what happened.

    Duplicates (same content under any name) are skipped; bad files are refused with their
    reason and make the exit status 2.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from reader.commands.output import stderr

    home = reader_home(args.home)
    files, empty = import_files(args.files)
    refused: list[str] = list(empty)
    duplicates: list[str] = []
    imported = pdf_refused = 0
    with open_index(home, index_progress()) as conn, Progress(
        TextColumn("importing"), BarColumn(), MofNCompleteColumn(), console=stderr,
        transient=True, disable=not stderr.is_terminal or len(files) < 2,
    ) as bar:
        task = bar.add_task("import", total=len(files))
        for path in files:
            if is_pdf(path) or path.suffix.lower() == ".pdf":
                bar.stop()  # the PDF reader prints its own progress, page by page
                if _import_pdf(home, str(path)):  # it said why, in one line
                    pdf_refused += 1
                else:
                    imported += 1
                bar.advance(task)
                continue
            try:
                issue, target = import_file(home, path, conn)
            except InputError as exc:
                (duplicates if "already in the library" in str(exc) else refused).append(str(exc))
                bar.advance(task)
                continue
            imported += 1
            bar.advance(task)
            if len(files) <= 10:
                message(f"imported {path} as {issue.id} "
                        f"({counted(issue)}) -> {target}")
    for line in duplicates if len(files) <= 10 else []:
        message(f"skipped: {line}")
    for line in refused:
        message(f"reader: {line}")
    if len(files) != 1:  # one file: its own line says it all (errors stay one line)
        message(f"{plural(imported, 'page')} imported, {plural(len(duplicates), 'duplicate')} "
                f"skipped, {len(refused) + pdf_refused:,} refused")
    return 2 if refused or pdf_refused else 0


def run_remove(args: argparse.Namespace) -> int:
    """Take imported pages out of the library; their files go to the home's `removed/`."""
    home = reader_home(args.home)
    for issue_id in args.issue_ids:
        target = remove_issue(home, issue_id)
        message(f"removed {issue_id}; the page was moved to {target}")
    return 0


def _saved_texts(home: Path) -> list[str]:
    """The user's saved words and highlighted passages (read-only: another app may run)."""
    from reader.notes.store import NotesStore
    from reader.paths import notes_path

    if not notes_path(home).exists():
        return []
    store = NotesStore.open(home, read_only=True)
    try:
        return [w.word for w in store.words()] + [h.quote for h in store.highlights()]
    finally:
        store.close()


def run_search(args: argparse.Namespace) -> int:
    """Search the text of every article; list the sentence of each article's first match."""
    from reader.index.search import search, search_words

    query = " ".join(args.query).strip()
    if not query and not args.saved:
        raise InputError("the search query is empty (or use --saved)")
    if args.limit < 1:
        raise InputError("--limit must be at least 1")
    home = reader_home(args.home)
    words = _saved_texts(home) if args.saved else []
    if args.saved and not words:
        message("no saved words or highlights yet")
        return 0
    if query and args.saved:
        words = [w for w in words if query in w]
    with open_index(home, index_progress()) as conn:
        if args.saved:
            results = search_words(conn, words, args.limit, query=query or "saved words")
        else:
            results = search(conn, query, args.limit)
    if args.json:
        print_json({"query": results.query, "words": list(results.words),
                    "total": results.total, "hits": [h.to_json() for h in results.hits]})
        return 0
    if not results.total:
        message(f"nothing found for “{query}”")
        return 0
    for hit in results.hits:
        a, b = hit.mark
        s = hit.sentence.replace("\n", " ")
        stdout.print(
            f"[bold]{escape(hit.title)}[/]  [dim]{escape(hit.paper or UNKNOWN_PAPER)} · "
            f"{hit.date or 'undated'} · {escape(hit.article_id)} @{hit.offset}[/]"
        )
        stdout.print(f"  {escape(s[:a])}[reverse]{escape(s[a:b])}[/]{escape(s[b:])}")
    shown = len(results.hits)
    more = f" (showing {shown})" if shown < results.total else ""
    message(f"{plural(results.total, 'article')} found{more}")


def _import_pdf(home: Path, raw: str) -> int:
    """Import one PDF, page by page with progress on stderr; 1 when it was refused."""
    def progress(done: int, total: int) -> None:
        if total > 1:
            message(f"{raw}: read page {done}/{total}")

    taken = {issue_id_of(p) for p in issue_sources(home)}
    try:
        pages, skipped = import_pdf(Path(raw), library_dir(home), taken, progress)
    except InputError as exc:
        message(f"reader: {exc}")
        return 1
    for s in skipped:
        message(f"{raw}: page {s.page} skipped: {s.reason}")
    for page in pages:
        message(f"imported {raw} page as {page.issue.id} ({counted(page.issue)})"
                f" -> {page.stored} (original kept as {page.pdf.name})")
    return 0
