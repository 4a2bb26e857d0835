"""Every highlight of the library grouped by issue and article, and searched (no Textual)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.corpus.model import Issue

if TYPE_CHECKING:
    from reader.notes.model import Highlight


@dataclass(frozen=True)
class NoteEntry:
    """One highlight as the notes screen lists it."""

    highlight: Highlight
    start: int
    """Where it is in the article's current text (-1: not found, or the article is gone)."""

    @property
    def orphan(self) -> bool:
        """True when the passage is no longer found."""
        return self.start < 0


@dataclass
class ArticleNotes:
    """The highlights of one article, in reading order."""

    article_id: str
    title: str
    entries: list[NoteEntry] = field(default_factory=list)


@dataclass
class IssueNotes:
    """The annotated articles of one issue, in reading order."""

    issue_id: str
    label: str
    """Paper, date and page, as a heading."""
    articles: list[ArticleNotes] = field(default_factory=list)


def issue_label(issue: Issue) -> str:
    """`人民日报 · 2024-06-04 · page 3` (parts that are unknown are left out)."""
    bits = [issue.paper_label, issue.date or ""]
    if issue.page is not None:
        bits.append(f"page {issue.page}")
    return " · ".join(b for b in bits if b)


def group_notes(highlights: Iterable[Highlight], library: list[Issue]) -> list[IssueNotes]:
    """Highlights grouped by issue (library order) and article (reading order).

    Each highlight is placed in its article's current text; those whose article is not in
    the library any more come last, under the issue id they were made in.
    """
    from reader.notes.anchoring import reanchor

    by_article: dict[str, list[Highlight]] = {}
    for h in highlights:
        by_article.setdefault(h.article_id, []).append(h)
    out: list[IssueNotes] = []
    for issue in library:
        group = IssueNotes(issue.id, issue_label(issue))
        for art in issue.articles:
            found = by_article.pop(art.id, None)
            if not found:
                continue
            placed = reanchor(found, art.text, None, art.id)
            entries = [NoteEntry(p.highlight, p.start) for p in placed]
            entries.sort(key=lambda e: (e.orphan, e.start, e.highlight.created))
            group.articles.append(ArticleNotes(art.id, art.title, entries))
        if group.articles:
            out.append(group)
    lost: dict[str, IssueNotes] = {}
    for article_id, found in by_article.items():
        issue_id = found[0].issue_id
        group = lost.setdefault(issue_id, IssueNotes(issue_id, f"{issue_id} (not in the library)"))
        entries = [NoteEntry(h, -1) for h in sorted(found, key=lambda h: h.start)]
        group.articles.append(ArticleNotes(article_id, f"Article {article_id}", entries))
    return out + list(lost.values())


def matches(h: Highlight, query: str) -> bool:
    """True when the query is in the quote or the note (case-insensitive)."""
    q = query.casefold().strip()
    return not q or q in h.quote.casefold() or q in (h.note or "").casefold()


def filter_notes(groups: list[IssueNotes], query: str) -> list[IssueNotes]:
    """The groups keeping only the highlights that match the query (empty groups dropped)."""
    out = []
    for group in groups:
        articles = []
        for art in group.articles:
            entries = [e for e in art.entries if matches(e.highlight, query)]
            if entries:
                articles.append(ArticleNotes(art.article_id, art.title, entries))
        if articles:
            out.append(IssueNotes(group.issue_id, group.label, articles))
    return out
