"""The review screen's queue: ratings move on at once; answers, failures and undo keep it true."""

from __future__ import annotations

from datetime import UTC, datetime

from reader.learning.changes import WordStatusChanged
from reader.learning.review import DueCard
from reader.notes.model import SavedWord
from reader.reading.changes import CardRated, RatingFailed, RatingUndone
from reader.tui.review_queue import ReviewQueue

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def card(word: str) -> DueCard:
    return DueCard(SavedWord(f"w-{word}", word, "", "", f"有{word}。", "a", "i"), NOW, True)


def rated_change(word: str, rating: int, requeued: DueCard | None = None) -> CardRated:
    return CardRated(change=WordStatusChanged(()), word=word, rating=rating, requeued=requeued)


def words(q: ReviewQueue) -> list[str]:
    return [c.word.word for c in q.cards]


def test_a_card_rated_again_joins_the_end_at_once() -> None:
    q = ReviewQueue([card("甲"), card("乙")])
    first = q.rate(1)
    assert words(q) == ["乙", "甲"] and q.again == 1 and list(q.pending) == [first]
    q.answered(first, False, rated_change("甲", 1, requeued=card("甲")))
    assert words(q) == ["乙", "甲"] and not q.pending  # the saved rating agrees: one copy
    back = q.undo()  # the re-shown copy goes, the card is current again
    assert back is first and words(q) == ["甲", "乙"] and q.again == 0
    q.answered(first, True, RatingUndone(change=WordStatusChanged(()), word="甲"))
    assert not q.pending and not q.rated


def test_a_rating_that_could_not_be_saved_puts_its_card_back() -> None:
    q = ReviewQueue([card("甲"), card("乙")])
    first = q.rate(3)
    q.answered(first, False, RatingFailed(word="甲", notice="disk full"))
    assert words(q) == ["乙", "甲"] and not q.rated
    second = q.rate(2)
    q.answered(second, False, None)  # the write raised: reported by the pipeline
    assert words(q) == ["甲", "乙"] and not q.rated and not q.pending


def test_undo_before_the_rating_is_back_and_the_summary() -> None:
    q = ReviewQueue([card("甲")])
    first = q.rate(3)
    q.undo()  # the rating's answer has not come: no copy to remove yet
    assert words(q) == ["甲"] and len(q.pending) == 2
    q.answered(first, False, rated_change("甲", 3, requeued=card("甲")))
    assert words(q) == ["甲"]  # the undone rating's copy is not shown
    q.answered(first, True, RatingUndone(change=WordStatusChanged(()), word="甲"))
    assert not q.pending and q.summary is None
    q.skip()
    assert q.current is None and q.skipped == 1


def test_good_puts_a_card_out_of_the_sitting_unless_the_saved_rating_brings_it_back() -> None:
    q = ReviewQueue([card("甲"), card("乙"), card("丙")])
    first = q.rate(3)
    assert words(q) == ["乙", "丙"]  # "2 to review": only what will be shown
    q.answered(first, False, rated_change("甲", 3))
    assert words(q) == ["乙", "丙"]
    second = q.rate(3)
    q.answered(second, False, rated_change("乙", 3, requeued=card("乙")))  # due now after all
    assert words(q) == ["丙", "乙"]
    third = q.rate(1)
    q.answered(third, False, rated_change("丙", 1))  # the sitting did not bring it back
    assert words(q) == ["乙"]


def test_an_again_rating_that_could_not_be_saved_leaves_one_copy() -> None:
    q = ReviewQueue([card("甲"), card("乙")])
    first = q.rate(1)
    q.answered(first, False, RatingFailed(word="甲", notice="disk full"))
    assert words(q) == ["乙", "甲"] and not q.rated and q.again == 0
