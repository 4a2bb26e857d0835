"""A review sitting for the app: the FSRS session behind the store lock, its writes as Changes.

The review screen shows cards at once and sends each rating here through the edit pipeline,
so the write runs off the UI thread, in order, after the ratings asked before it. Every method
may block (the store, the language layer): call them from workers only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from reader.reading.changes import CardRated, Change, RatingFailed, RatingUndone
from reader.reading.model import issue_label

if TYPE_CHECKING:
    from reader.learning.review import DueCard
    from reader.learning.review_session import ReviewSession, SessionSummary
    from reader.notes.model import SavedWord
    from reader.reading.session import ReadingSession


def utc_now() -> datetime:
    """The time ratings are given at (the app's default clock)."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class Source:
    """Where a saved word was met: its article's title, the issue, and the place in the text."""

    title: str
    label: str
    """The issue as every screen names it (`人民日报 · 2024-06-04 · page 3`)."""
    offset: int | None
    """Where the word's sentence stands in the article (None: not found in its text)."""


class ReviewSitting:
    """One sitting of review over the session's store; its writes return reading Changes."""

    def __init__(self, session: ReadingSession, review: ReviewSession | None,
                 next_due: datetime | None, read_only: bool) -> None:
        self.session = session
        """The app's session (its store lock guards every store call)."""
        self.review = review
        """The FSRS sitting (None when the notes could not be opened)."""
        self.next_due = next_due
        """When the next card not due now is due (for an empty queue)."""
        self.read_only = read_only
        """True when ratings cannot be saved: cards are shown, not rated."""

    @classmethod
    def open(cls, session: ReadingSession,
             clock: Callable[[], datetime] = utc_now) -> ReviewSitting:
        """The cards due at `clock()` (known and ignored words are never among them)."""
        from reader.learning.review import Reviewer
        from reader.learning.review_session import ReviewSession

        store = session.readable_store()
        if store is None:
            return cls(session, None, None, True)
        with session.store_lock:
            review = ReviewSession(Reviewer(store), clock)
            next_due = None if review.current else review.reviewer.stats(clock()).next_due
        return cls(session, review, next_due, session.read_only)

    def queue(self) -> list[DueCard]:
        """The cards to show, current first."""
        return self.review.queue() if self.review else []

    def sources(self, words: list[SavedWord]) -> dict[str, Source]:
        """Article title, issue and offset of each word's sentence, by word id."""
        from reader.reading.words import source_offset

        wanted = {w.article_id for w in words}
        found = {a.id: (a, i) for i in self.session.loaded_library().issues
                 for a in i.articles if a.id in wanted}
        out = {}
        for w in words:
            if w.article_id in found:
                art, issue = found[w.article_id]
                out[w.id] = Source(art.title, issue_label(issue), source_offset(art.text, w))
            else:
                out[w.id] = Source("(not in the library)", "", None)
        return out

    def rate(self, word: str, rating: int) -> Change:
        """Rate the current card, which must be `word`'s (the screen showed it)."""
        review = self._writable_review()
        with self.session.store_lock:
            if review.current is None or review.current.word.word != word:
                return RatingFailed(word=word, notice=f"{word} is not the card being reviewed.")
            try:
                reviewed = review.rate(rating)
            except Exception as exc:  # the card comes back at the end: the rating is not lost
                review.defer()
                return RatingFailed(word=word, notice=f"The rating of {word} could not be "
                                                      f"saved ({exc}); it comes back later.")
            queue = review.queue()
            requeued = queue[-1] if queue and queue[-1].word.word == word else None
            summary = review.summary() if review.current is None else None
        status = self.session.learning.absorb(reviewed.status)
        return CardRated(change=status.change, word=word, rating=rating, requeued=requeued,
                         summary=summary)

    def undo(self, word: str) -> Change:
        """Take back the last rating, which must be `word`'s (the screen's last one)."""
        review = self._writable_review()
        with self.session.store_lock:
            if review.last_rated != word:
                return Change()  # that rating was never saved: nothing to take back
            undone = review.undo()
        assert undone is not None
        status = self.session.learning.absorb(undone.status)
        return RatingUndone(change=status.change, word=word,
                            notice=f"Undone: the rating of {word}.")

    def summary(self) -> SessionSummary | None:
        """Reviewed, Again and the next due time of this sitting."""
        if self.review is None:
            return None
        with self.session.store_lock:
            return self.review.summary()

    def _writable_review(self) -> ReviewSession:
        """The sitting, or `Refused` with the session's sentence when nothing can be saved."""
        self.session.writable_store()
        if self.review is None:
            raise RuntimeError("no review sitting")
        return self.review


def sentence_pinyin(sentence: str) -> str:
    """The sentence's reading word by word (GB/T 16159), for the front's hint."""
    from reader.notes.quote_pinyin import pinyin_line

    return pinyin_line(sentence) if sentence else ""
