"""One sitting of review: the queue, the card shown, ratings with undo, and the summary."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from reader.learning.changes import CardReviewed, ReviewUndone
from reader.learning.review import DueCard, Reviewer


@dataclass(frozen=True)
class SessionSummary:
    """What the end of a sitting shows."""

    reviewed: int
    again: int
    next_due: datetime | None
    """When the next card is due after this sitting (None: no cards left at all)."""


def _utc_now() -> datetime:
    return datetime.now(UTC)


class ReviewSession:
    """Due cards one at a time; `rate` moves on, `undo` takes back the last rating."""

    def __init__(self, reviewer: Reviewer, clock: Callable[[], datetime] = _utc_now,
                 limit: int | None = None) -> None:
        self.reviewer = reviewer
        """The scheduler and store the ratings go to."""
        self.clock = clock
        """Gives the current time (a fixed clock in tests)."""
        self._queue: list[DueCard] = reviewer.due(clock(), limit)
        self._done: list[tuple[CardReviewed, DueCard, bool]] = []

    @property
    def current(self) -> DueCard | None:
        """The card to show, None when the sitting is over."""
        return self._queue[0] if self._queue else None

    @property
    def remaining(self) -> int:
        """Cards still to show (cards rated Again, shown once more, included)."""
        return len(self._queue)

    def rate(self, rating: int) -> CardReviewed:
        """Rate the current card (1 again .. 4 easy) and move to the next one."""
        card = self.current
        if card is None:
            raise IndexError("no card to rate: the review is over")
        now = self.clock()
        reviewed = self.reviewer.rate(card.word.word, rating, now)
        self._queue.pop(0)
        # Again means "ask me again in this sitting"; Hard/Good/Easy put the card at its next
        # due time, so it comes back only if that is now (else the sitting would never end).
        again = rating == 1 or reviewed.due <= now
        if again:
            self._queue.append(DueCard(card.word, reviewed.due, False))
        self._done.append((reviewed, card, again))
        return reviewed

    @property
    def last_rated(self) -> str | None:
        """The word of the last rating `undo` would take back (None: nothing rated)."""
        return self._done[-1][1].word.word if self._done else None

    def defer(self) -> DueCard | None:
        """Move the current card to the end of the sitting (its rating could not be saved)."""
        if not self._queue:
            return None
        card = self._queue.pop(0)
        self._queue.append(card)
        return card

    def queue(self) -> list[DueCard]:
        """The cards still to show, current first (a copy)."""
        return list(self._queue)

    def undo(self) -> ReviewUndone | None:
        """Take back the last rating and show that card again; None when nothing was rated."""
        if not self._done:
            return None
        reviewed, card, requeued = self._done.pop()
        undone = self.reviewer.undo(reviewed)
        if requeued:
            # The re-shown copy is the last one queued for this word.
            for i in range(len(self._queue) - 1, -1, -1):
                if self._queue[i].word.word == card.word.word:
                    del self._queue[i]
                    break
        self._queue.insert(0, card)
        return undone

    def summary(self) -> SessionSummary:
        """Reviewed cards (ratings given), how many were Again, and the next due time."""
        done = [r for r, _c, _a in self._done]
        later = [c.due for c in self.reviewer.due(datetime.max.replace(tzinfo=UTC))
                 if not c.new]
        return SessionSummary(len(done), sum(r.rating == 1 for r in done),
                              min(later) if later else None)
