"""The data model of the corpus: an Issue (one printed page) holds Articles."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

UNKNOWN_PAPER = "Unknown paper"
"""What the CLI and the app call a page whose masthead names no paper."""


@dataclass(frozen=True)
class Article:
    """One article (or photo item) reconstructed from a page."""

    id: str
    """Stable id: issue id + short hash of the start of the body."""
    issue_id: str
    kind: str
    """`"article"` or `"photo"`."""
    title: str
    title_derived: bool = False
    """True when the page has no headline and the title comes from the first sentence."""
    kicker: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    dateline: str | None = None
    continued_from: str | None = None
    paragraphs: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    headings: tuple[int, ...] = ()
    """Indices of paragraphs that are section headings inside the body."""
    continued_to: str | None = None
    """Where the article goes on (`下转第二版`), when the page says so."""

    @property
    def text(self) -> str:
        """The body as the language layer sees it: paragraphs joined by newlines."""
        return "\n".join(self.paragraphs)

    @property
    def length(self) -> int:
        """How long the item is, as every listing shows it: characters without whitespace.

        The body's paragraphs; for a photo item, its captions. Line breaks and spaces are
        not counted, so the figure does not depend on how the text was wrapped or joined.
        """
        parts = self.captions if self.kind == "photo" and not self.paragraphs else self.paragraphs
        return sum(1 for part in parts for ch in part if not ch.isspace())

    @property
    def label(self) -> str:
        """The item as listings name it: its title, or `Photo: ` and its caption's start."""
        return f"Photo: {self.title}" if self.kind == "photo" else self.title

    @property
    def length_label(self) -> str:
        """The length as listings print it: `1,234 chars`."""
        return f"{self.length:,} chars"

    def paragraph_starts(self) -> list[int]:
        """Character offset in `text` where each paragraph begins."""
        starts, pos = [], 0
        for para in self.paragraphs:
            starts.append(pos)
            pos += len(para) + 1
        return starts

    def to_json(self) -> dict[str, Any]:
        """The JSON shape of `reader articles --json`."""
        return {
            "id": self.id,
            "kind": self.kind,
            "kicker": self.kicker,
            "title": self.title,
            "title_derived": self.title_derived,
            "subtitle": self.subtitle,
            "byline": self.byline,
            "dateline": self.dateline,
            "continued_from": self.continued_from,
            "paragraphs": list(self.paragraphs),
            "captions": list(self.captions),
            "headings": list(self.headings),
            "continued_to": self.continued_to,
        }


@dataclass(frozen=True)
class Issue:
    """One newspaper page: metadata plus its articles in reading order."""

    id: str
    """The source file's stem."""
    source: str
    paper: str | None = None
    date: str | None = None
    """ISO date `YYYY-MM-DD` when known."""
    date_inferred: bool = False
    page: int | None = None
    section: str | None = None
    articles: tuple[Article, ...] = field(default_factory=tuple)
    furniture: tuple[str, ...] = ()
    """Page text that belongs to no article: mastheads, banners, ads, page notes."""
    counts: tuple[int, int] | None = field(default=None, compare=False, repr=False)
    """(articles, photo items) as the index holds them, for an issue listed before its
    articles are read; an issue that carries its articles counts them instead."""

    @property
    def paper_label(self) -> str:
        """The paper's name as listings print it; `Unknown paper` when the page names none."""
        return self.paper or UNKNOWN_PAPER

    @property
    def article_count(self) -> int:
        """How many articles the page holds: photo items (a caption, no body) are not counted."""
        if not self.articles and self.counts is not None:
            return self.counts[0]
        return sum(1 for a in self.articles if a.kind != "photo")

    @property
    def photo_count(self) -> int:
        """How many photo items the page holds."""
        if not self.articles and self.counts is not None:
            return self.counts[1]
        return sum(1 for a in self.articles if a.kind == "photo")

    def article(self, article_id: str) -> Article | None:
        """Return the article with this id, or None."""
        for art in self.articles:
            if art.id == article_id:
                return art
        return None

    def to_json(self) -> dict[str, Any]:
        """The JSON shape of `reader articles --json`."""
        return {
            "id": self.id,
            "source": self.source,
            "paper": self.paper,
            "date": self.date,
            "date_inferred": self.date_inferred,
            "page": self.page,
            "section": self.section,
            "articles": [a.to_json() for a in self.articles],
            "furniture": list(self.furniture),
        }
