"""A review sitting on a fixed clock: order, re-shown learning cards, undo, summary."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fsrs import Scheduler

from reader.learning.review import Reviewer
from reader.learning.review_session import ReviewSession
from reader.notes.store import NotesStore


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_sitting_by_ratings_with_undo_and_summary(isolated_home):
    clock = Clock()
    with NotesStore.open(isolated_home) as store:
        for w in ("口岸", "振兴"):
            store.save_word(w, "x", "gloss", f"有{w}。", "a", "i")
        session = ReviewSession(Reviewer(store, Scheduler(enable_fuzzing=False)), clock)
        first = session.current.word.word
        second = ({"口岸", "振兴"} - {first}).pop()
        assert session.remaining == 2
        session.rate(1)  # Again: due in a minute, shown again in this sitting
        assert [session.current.word.word, session.remaining] == [second, 2]
        undone = session.undo()
        assert undone.word == first and session.current.word.word == first
        assert session.remaining == 2 and Reviewer(store).card(first) is None
        session.rate(4)  # Easy on a new card: out of this sitting
        session.rate(1)  # Again: shown once more at the end of this sitting
        assert [session.current.word.word, session.remaining] == [second, 1]
        session.rate(3)  # Good: due in 10 minutes, after now, so not in this sitting
        assert session.current is None
        with pytest.raises(IndexError):
            session.rate(3)
        summary = session.summary()
        assert (summary.reviewed, summary.again) == (3, 1)
        assert summary.next_due is not None and summary.next_due > clock.now


def test_good_on_every_new_card_ends_the_sitting_on_a_fixed_clock(isolated_home):
    clock = Clock()
    with NotesStore.open(isolated_home) as store:
        for w in ("口岸", "振兴", "文化"):
            store.save_word(w, "x", "gloss", f"有{w}。", "a", "i")
        session = ReviewSession(Reviewer(store, Scheduler(enable_fuzzing=False)), clock)
        shown = []
        while session.current is not None and len(shown) < 10:
            shown.append(session.current.word.word)
            reviewed = session.rate(3)
            assert reviewed.due > clock.now  # the learning step is later, not now
        assert sorted(shown) == sorted(["口岸", "振兴", "文化"])  # each once, then the end
        assert session.summary().reviewed == 3
