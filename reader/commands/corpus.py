"""`reader issues`, `articles`, `show` and `import`: the corpus from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.markup import escape
from rich.table import Table

from reader.commands.output import message, print_json, stdout
from reader.corpus.library import (
    expand_paths,
    find_article,
    import_file,
    load_file,
    load_library,
)
from reader.corpus.model import Article, Issue
from reader.errors import InputError
from reader.notes.locations import parse_location
from reader.paths import reader_home


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
    p.set_defaults(func=run_articles)

    p = subparsers.add_parser(
        "show", parents=[common], help="print an article (or one paragraph: `ID ¶3`) as text"
    )
    p.add_argument(
        "location", nargs="+", metavar="ARTICLE_ID",
        help="article ids (or unique prefixes), or one location such as `ID ¶3`, `ID#p3`, `ID:3`",
    )
    p.set_defaults(func=run_show)

    p = subparsers.add_parser("import", parents=[common], help="add issue files to the library")
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
    for raw in args.files:
        try:
            issue, target = import_file(home, Path(raw))
        except InputError as exc:
            message(f"reader: {exc}")
            failed += 1
            continue
        message(f"imported {raw} as {issue.id} ({len(issue.articles)} articles) -> {target}")
    return 2 if failed else 0
