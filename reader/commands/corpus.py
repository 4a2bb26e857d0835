"""`reader issues`, `articles`, `show` and `import`: the corpus from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.markup import escape
from rich.table import Table

from reader.commands.output import message, print_json, stdout
from reader.corpus.explain import explain_json, format_explain, read_page
from reader.corpus.library import (
    expand_paths,
    find_article,
    import_file,
    issue_sources,
    load_file,
    load_library,
)
from reader.corpus.model import Article, Issue
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
        "import", parents=[common], help="add issue files (text pages or PDFs) to the library"
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=run_import)


def _issue_row(issue: Issue) -> dict[str, object]:
    return {
        "id": issue.id,
        "paper": issue.paper,
        "date": issue.date,
        "date_inferred": issue.date_inferred,
        "page": issue.page,
        "section": issue.section,
        "articles": len(issue.articles),
    }


def run_issues(args: argparse.Namespace) -> int:
    """List the library's issues."""
    issues = load_library(reader_home(args.home))
    if args.json:
        print_json([_issue_row(i) for i in issues])
        return 0
    table = Table(title="Library", caption="* date inferred from the text")
    for col in ("paper", "date", "page", "section", "articles"):
        table.add_column(col, no_wrap=col in ("date", "page", "articles"))
    table.add_column("id", no_wrap=True, style="dim")
    for i in issues:
        date = (i.date or "?") + ("*" if i.date_inferred else "")
        table.add_row(escape(i.paper_label), date, str(i.page or "?"), escape(i.section or ""),
                      str(len(i.articles)), i.id)
    stdout.print(table)
    return 0


def run_articles(args: argparse.Namespace) -> int:
    """Parse files (or the library) and list issues with their articles."""
    if getattr(args, "explain", False):
        return run_explain(args)
    if args.paths:
        files = expand_paths(args.paths)
        if not files:
            raise InputError("no issue files found in the given paths")
        issues = [load_file(p) for p in files]
    else:
        issues = load_library(reader_home(args.home))
    if args.json:
        print_json([i.to_json() for i in issues])
        return 0
    for issue in issues:
        date = (issue.date or "undated") + (" (inferred)" if issue.date_inferred else "")
        stdout.print(
            f"[bold]{escape(issue.paper_label)}[/] · {date} · "
            f"page {issue.page or '?'}"
            f"{' · ' + escape(issue.section) if issue.section else ''}  [dim]{escape(issue.id)}[/]"
        )
        for art in issue.articles:
            title = escape(art.title) + (" [dim](derived)[/]" if art.title_derived else "")
            kind = "📷 " if art.kind == "photo" else ""
            stdout.print(f"  {kind}{title}  [dim]{escape(art.id)} · {art.length_label}[/]")
        stdout.print()
    return 0


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


def run_import(args: argparse.Namespace) -> int:
    """Import issue files into the library; each bad file is reported and exits 2."""
    home = reader_home(args.home)
    failed = 0
    files: list[str] = []
    for raw in args.files:
        found = [str(p) for p in expand_paths([raw])]
        if Path(raw).is_dir():
            found += [str(p) for p in sorted(Path(raw).glob("*.pdf")) if p.is_file()]
        if Path(raw).is_dir() and not found:
            message(f"reader: {raw}: a folder with no .txt or .pdf pages")
            failed += 1
        files += found
    for raw in files:
        if is_pdf(Path(raw)) or raw.lower().endswith(".pdf"):
            failed += _import_pdf(home, raw)
            continue
        try:
            issue, target = import_file(home, Path(raw))
        except InputError as exc:
            message(f"reader: {exc}")
            failed += 1
            continue
        message(f"imported {raw} as {issue.id} ({len(issue.articles)} articles) -> {target}")
    return 2 if failed else 0


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
        message(f"imported {raw} page as {page.issue.id} ({len(page.issue.articles)} articles)"
                f" -> {page.stored} (original kept as {page.pdf.name})")
    return 0
