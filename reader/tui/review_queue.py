"""The review screen's cards: a rating moves on at once, its write is confirmed (or not) later.

The screen rates and undoes here first and sends the write to the edit pipeline; the answers
come back in order. A card the scheduler brings back in the same sitting joins the end of the
queue once its rating is saved; a rating that could not be saved puts its card back at the
end, so no rating is lost without the card being asked again.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.reading.changes import CardRated, Change, RatingFailed

if TYPE_CHECKING:
    from reader.learning.review import DueCard
    from reader.learning.review_session import SessionSummary


@dataclass(eq=False)
class Rated:
    """A rating given on the screen (its write may still be on its way)."""

    card: DueCard
    rating: int
    """1 Again .. 4 Easy."""
    requeued: DueCard | None = None
    """The card again, when the scheduler brings it back in this sitting (once saved)."""


class ReviewQueue:
    """The cards still to show (current first), the ratings that stand, the writes in flight."""

    def __init__(self, cards: list[DueCard] | None = None) -> None:
        self.cards: list[DueCard] = list(cards or [])
        """The cards still to show, current first."""
        self.rated: list[Rated] = []
        """Ratings of this sitting that stand (undo takes the last one back)."""
        self.pending: deque[Rated] = deque()
        """Ratings and undos sent and not yet answered, oldest first."""
        self.again = 0
        """Ratings that stand that were Again."""
        self.summary: SessionSummary | None = None
        """The sitting's summary, from the write that ended it (None while cards remain)."""
        self.skipped = 0
        """Cards passed over without a rating (read-only)."""

    @property
    def current(self) -> DueCard | None:
        """The card to show, None when there is none."""
        return self.cards[0] if self.cards else None

    def rate(self, rating: int) -> Rated:
        """Rate the current card and move on; the caller sends the write."""
        rated = Rated(self.cards.pop(0), rating)
        self.rated.append(rated)
        self.again += rating == 1
        self.pending.append(rated)
        return rated

    def undo(self) -> Rated | None:
        """Take back the last rating: its card is current again; the caller sends the undo."""
        if not self.rated:
            return None
        rated = self.rated.pop()
        self.again -= rated.rating == 1
        if rated.requeued is not None:
            self._drop_last(rated.card.word.word)
        self.cards.insert(0, rated.card)
        self.summary = None
        self.pending.append(rated)
        return rated

    def skip(self) -> None:
        """Pass over the current card (nothing is rated)."""
        if self.cards:
            self.cards.pop(0)
            self.skipped += 1

    def answered(self, rated: Rated, undo: bool, change: Change | None) -> None:
        """A write came back (`change` None: it failed and was reported)."""
        if self.pending and self.pending[0] is rated:
            self.pending.popleft()
        if isinstance(change, CardRated):
            self.summary = change.summary  # type: ignore[assignment]
            if change.requeued is not None and rated in self.rated:
                rated.requeued = change.requeued  # type: ignore[assignment]
                self.cards.append(rated.requeued)
        elif not undo and (change is None or isinstance(change, RatingFailed)):
            if rated in self.rated:  # not saved: the card comes back to be rated again
                self.rated.remove(rated)
                self.again -= rated.rating == 1
                self.cards.append(rated.card)

    def _drop_last(self, word: str) -> None:
        """Remove the re-shown copy of a card whose rating is taken back."""
        for i in range(len(self.cards) - 1, -1, -1):
            if self.cards[i].word.word == word:
                del self.cards[i]
                return
