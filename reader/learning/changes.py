"""Change records the learning services return; the session passes them to subscribers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reader.learning.status import Status


@dataclass(frozen=True)
class StatusChange:
    """One word's status before and after a change."""

    word: str
    before: Status
    after: Status


@dataclass(frozen=True)
class WordStatusChanged:
    """Statuses of some words changed (one key press, a panel choice, an import, an undo)."""

    changes: tuple[StatusChange, ...]

    @property
    def words(self) -> frozenset[str]:
        """The words whose status changed (re-score and re-mark what shows them)."""
        return frozenset(c.word for c in self.changes)

    def inverse(self) -> WordStatusChanged:
        """The change that undoes this one."""
        return WordStatusChanged(tuple(StatusChange(c.word, c.after, c.before)
                                       for c in reversed(self.changes)))

    def __bool__(self) -> bool:
        return bool(self.changes)


@dataclass(frozen=True)
class CardReviewed:
    """A card was rated; `before` is the stored card before (None: it was a new card)."""

    word: str
    rating: int
    """1 Again, 2 Hard, 3 Good, 4 Easy (FSRS's numbering)."""
    due: datetime
    """When the card is due next."""
    review_id: str
    before: dict[str, object] | None
    status: WordStatusChanged
    """The word's status change the rating caused (often empty)."""


@dataclass(frozen=True)
class ReviewUndone:
    """The last rating of `word` was taken back; the card is as it was."""

    word: str
    status: WordStatusChanged


@dataclass(frozen=True)
class SettingChanged:
    """A learning setting changed (pinyin mode, long interval -> known, ...)."""

    key: str
    value: object


def apply_to(statuses: dict[str, Status], change: WordStatusChanged) -> dict[str, Status]:
    """Update a snapshot of statuses in place with a change (cheaper than re-reading them)."""
    for c in change.changes:
        if c.after is Status.NEW:
            statuses.pop(c.word, None)
        else:
            statuses[c.word] = c.after
    return statuses
