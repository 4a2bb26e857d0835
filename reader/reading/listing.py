"""Every highlight of the library grouped by issue and article, and searched (no Textual)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.corpus.model import Issue
from reader.reading.model import issue_label
from reader.reading.placement import home_article, place_issue

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


def group_notes(highlights: Iterable[Highlight], library: list[Issue]) -> list[IssueNotes]:
    """Highlights grouped by issue (library order) and article (reading order).

    Each highlight is placed by the same rule as in the article (`place_issue`), so one that
    moved to another article is listed there; those whose issue or article is not in the
    library any more come last, under the issue id they were made in.
    """
    by_issue: dict[str, list[Highlight]] = {}
    for h in highlights:
        by_issue.setdefault(h.issue_id, []).append(h)
    out: list[IssueNotes] = []
    lost: dict[str, IssueNotes] = {}
    for issue in library:
        found = by_issue.pop(issue.id, None)
        if not found:
            continue
        by_article: dict[str, list[NoteEntry]] = {}
        for p in place_issue(found, issue):
            home = home_article(p) or p.highlight.article_id
            by_article.setdefault(home, []).append(NoteEntry(p.highlight, p.start))
        group = IssueNotes(issue.id, issue_label(issue))
        for art in issue.articles:
            entries = by_article.pop(art.id, None)
            if entries:
                entries.sort(key=lambda e: (e.orphan, e.start, e.highlight.created))
                group.articles.append(ArticleNotes(art.id, art.title, entries))
        if group.articles:
            out.append(group)
        for article_id, entries in by_article.items():
            _lost(lost, issue.id, article_id, entries)
    for issue_id, found in by_issue.items():
        by_article = {}
        for h in found:
            by_article.setdefault(h.article_id, []).append(NoteEntry(h, -1))
        for article_id, entries in by_article.items():
            _lost(lost, issue_id, article_id, entries)
    return out + list(lost.values())


def _lost(lost: dict[str, IssueNotes], issue_id: str, article_id: str,
          entries: list[NoteEntry]) -> None:
    """File highlights whose article is not in the library under their issue id."""
    group = lost.setdefault(issue_id, IssueNotes(issue_id, f"{issue_id} (not in the library)"))
    entries = [NoteEntry(e.highlight, -1) for e in entries]
    entries.sort(key=lambda e: e.highlight.start)
    group.articles.append(ArticleNotes(article_id, f"Article {article_id}", entries))


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


Row = tuple[str, str] | NoteEntry
"""A row of the notes list: a heading as (`issue` or `article`, text), or a highlight."""


@dataclass
class FlatListing:
    """The groups as the rows of one list, with the highlights by id."""

    rows: list[Row] = field(default_factory=list)
    entries: dict[str, NoteEntry] = field(default_factory=dict)
    """Highlight id -> entry, for every highlight listed."""
    row_of: dict[str, int] = field(default_factory=dict)
    """Highlight id -> its row."""


def flatten(groups: list[IssueNotes]) -> FlatListing:
    """Rows for a list: each issue's heading, each article's title, then its highlights."""
    out = FlatListing()
    for group in groups:
        out.rows.append(("issue", group.label))
        for art in group.articles:
            out.rows.append(("article", art.title))
            for entry in art.entries:
                out.entries[entry.highlight.id] = entry
                out.row_of[entry.highlight.id] = len(out.rows)
                out.rows.append(entry)
    return out


def count(groups: list[IssueNotes]) -> int:
    """Highlights in the groups."""
    return sum(len(a.entries) for g in groups for a in g.articles)


@dataclass
class Listing:
    """Every highlight of the library, grouped and flattened once (the notes screen's data)."""

    groups: list[IssueNotes]
    flat: FlatListing
    total: int

    def matching(self, query: str) -> FlatListing:
        """The rows of the highlights that match a search (all of them for an empty one)."""
        return flatten(filter_notes(self.groups, query)) if query.strip() else self.flat


def build_listing(highlights: Iterable[Highlight], library: list[Issue]) -> Listing:
    """Group, place and flatten every highlight (see `group_notes`)."""
    groups = group_notes(highlights, library)
    return Listing(groups, flatten(groups), count(groups))
