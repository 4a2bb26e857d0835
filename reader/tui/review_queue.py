"""The review screen's cards: a rating moves on at once, its write is confirmed (or not) later.

The screen rates and undoes here first and sends the write to the edit pipeline; the answers
come back in order. A card rated Again joins the end of the queue at once, as the sitting does
(so "N to review" counts what will be shown); Hard, Good and Easy put it out of the sitting
unless the saved rating says otherwise. A rating that could not be saved puts its card back
at the end, so no rating is lost without the card being asked again.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.learning.review import DueCard
from reader.reading.changes import CardRated, Change, RatingFailed

if TYPE_CHECKING:
    from reader.learning.review_session import SessionSummary


@dataclass(eq=False)
class Rated:
    """A rating given on the screen (its write may still be on its way)."""

    card: DueCard
    rating: int
    """1 Again .. 4 Easy."""
    requeued: DueCard | None = None
    """The card again, when it comes back in this sitting (rated Again, or due now)."""


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
        card = self.cards.pop(0)
        rated = Rated(card, rating)
        if rating == 1:  # the sitting asks it again at the end, as ReviewSession does
            rated.requeued = DueCard(card.word, card.due, False)
            self.cards.append(rated.requeued)
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
            if rated in self.rated:
                self._follow(rated, change.requeued)  # type: ignore[arg-type]
        elif not undo and (change is None or isinstance(change, RatingFailed)):
            if rated in self.rated:  # not saved: the card comes back to be rated again
                self.rated.remove(rated)
                self.again -= rated.rating == 1
                if rated.requeued is not None:
                    self._drop_last(rated.card.word.word)
                    rated.requeued = None
                self.cards.append(rated.card)

    def _follow(self, rated: Rated, requeued: DueCard | None) -> None:
        """Make the screen's copy agree with the sitting's: it comes back, or it does not."""
        if requeued is not None and rated.requeued is None:
            rated.requeued = requeued
            self.cards.append(requeued)
        elif requeued is None and rated.requeued is not None:
            self._drop_last(rated.card.word.word)
            rated.requeued = None

    def _drop_last(self, word: str) -> None:
        """Remove the re-shown copy of a card whose rating is taken back."""
        for i in range(len(self.cards) - 1, -1, -1):
            if self.cards[i].word.word == word:
                del self.cards[i]
                return
