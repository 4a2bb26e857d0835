"""What a write changed, as small frozen records the app broadcasts to the screens."""

from __future__ import annotations

from dataclasses import dataclass

from reader.reading.model import Progress


@dataclass(frozen=True, kw_only=True)
class Change:
    """Something in the reader's data changed; `notice` is what to tell the user, if anything."""

    notice: str | None = None


@dataclass(frozen=True, kw_only=True)
class HighlightsChanged(Change):
    """Highlights of these articles were added, edited, moved or deleted."""

    article_ids: frozenset[str] = frozenset()
    focus: str | None = None
    """A highlight to put the cursor on (the one just edited), if any."""


@dataclass(frozen=True, kw_only=True)
class WordsChanged(Change):
    """Saved words were added, edited or deleted."""

    word_ids: frozenset[str] = frozenset()
    focus: str | None = None
    """A word to put the cursor on, if any."""


@dataclass(frozen=True, kw_only=True)
class StoreReopened(Change):
    """The notes store was opened again (after restoring its backup): everything may differ."""

    read_only: bool
    """True when the reopened store still cannot be written."""


@dataclass(frozen=True, kw_only=True)
class TermsChanged(Change):
    """A glossary term (the user's own definition, used in every lookup) was added or changed."""

    word: str


@dataclass(frozen=True, kw_only=True)
class ProgressChanged(Change):
    """The reading position of one article was saved."""

    article_id: str
    progress: Progress


@dataclass(frozen=True, kw_only=True)
class LibraryChanged(Change):
    """The library was read (again): issues may have come or gone."""


@dataclass(frozen=True, kw_only=True)
class Exported(Change):
    """Notes were written to a Markdown file."""

    path: str


@dataclass(frozen=True, kw_only=True)
class StatusesChanged(Change):
    """Word statuses changed (a key, the panel, "mark the rest known", a review, an undo)."""

    change: object
    """The `reader.learning.changes.WordStatusChanged` (typed loosely: reading does not import
    learning at start-up)."""

    @property
    def words(self) -> frozenset[str]:
        """The words whose status changed."""
        return self.change.words  # type: ignore[attr-defined, no-any-return]


@dataclass(frozen=True, kw_only=True)
class CardRated(StatusesChanged):
    """A review card was rated; the word's learning status may have changed with it."""

    word: str
    rating: int
    """1 Again .. 4 Easy."""
    requeued: object | None = None
    """The card again (a `reader.learning.review.DueCard`) when it comes back this sitting."""
    summary: object | None = None
    """The sitting's `SessionSummary` once no card is left (None while cards remain)."""


@dataclass(frozen=True, kw_only=True)
class RatingUndone(StatusesChanged):
    """The last rating of a review sitting was taken back (`word` is shown again)."""

    word: str


@dataclass(frozen=True, kw_only=True)
class RatingFailed(Change):
    """A rating could not be saved: the card goes to the end of the sitting to be rated again."""

    word: str
