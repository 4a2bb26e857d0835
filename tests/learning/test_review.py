"""FSRS review of saved words: fixed-clock scheduling, round-trips, undo, known never due."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Card, Rating, Scheduler

from reader.cli import main
from reader.errors import InputError
from reader.learning.review import Reviewer, card_id_for
from reader.learning.settings import get_setting, set_setting
from reader.learning.status import Status
from reader.learning.vocabulary import Vocabulary
from reader.notes.store import NotesStore

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def _save(store, *words):
    for w in words:
        store.save_word(w, "pīnyīn", f"gloss of {w}", f"句子里有{w}。", "a1", "i1")


def test_new_card_rated_good_is_due_at_fsrs_default_interval(isolated_home):
    expected, _ = Scheduler(enable_fuzzing=False).review_card(
        Card(card_id=1, due=T0), Rating.Good, review_datetime=T0)
    with NotesStore.open(isolated_home) as store:
        _save(store, "振兴")
        reviewer = Reviewer(store, Scheduler(enable_fuzzing=False))
        assert [c.word.word for c in reviewer.due(T0)] == ["振兴"]
        done = reviewer.rate("振兴", 3, T0)
        assert done.due == expected.due == T0 + Scheduler().learning_steps[1]
        assert done.before is None
        assert reviewer.due(T0 + timedelta(minutes=9)) == []
        assert [c.word.word for c in reviewer.due(T0 + timedelta(minutes=10))] == ["振兴"]
    # The card round-trips through the notes file and keeps being scheduled from it.
    with NotesStore.open(isolated_home) as store:
        reviewer = Reviewer(store, Scheduler(enable_fuzzing=False))
        card = reviewer.card("振兴")
        assert card["card_id"] == card_id_for("振兴")
        assert datetime.fromisoformat(card["due"]) == expected.due
        t1 = T0 + timedelta(minutes=10)
        second = reviewer.rate("振兴", 3, t1)
        again, _ = Scheduler(enable_fuzzing=False).review_card(expected, Rating.Good,
                                                               review_datetime=t1)
        assert second.due == again.due and second.due - t1 >= timedelta(days=1)
        assert reviewer.stats(t1).reviewed_today == 2


def test_known_and_ignored_words_are_never_due(isolated_home):
    with NotesStore.open(isolated_home) as store:
        _save(store, "发展", "口岸", "吉林")
        vocab = Vocabulary(store)
        vocab.set_status("发展", Status.KNOWN)
        vocab.set_status("吉林", Status.IGNORED)
        reviewer = Reviewer(store)
        assert [c.word.word for c in reviewer.due(T0)] == ["口岸"]
        assert reviewer.stats(T0).cards == 1


def test_undo_restores_card_log_and_status(isolated_home):
    with NotesStore.open(isolated_home) as store:
        _save(store, "口岸")
        reviewer = Reviewer(store, Scheduler(enable_fuzzing=False))
        first = reviewer.rate("口岸", 3, T0)
        after_first = reviewer.card("口岸")
        second = reviewer.rate("口岸", 1, T0 + timedelta(minutes=10))
        assert second.before == after_first
        undone = reviewer.undo(second)
        assert undone.word == "口岸" and reviewer.card("口岸") == after_first
        assert len(store.keyed_docs("reviews")) == 1
        reviewer.undo(first)
        assert reviewer.card("口岸") is None and store.keyed_docs("reviews") == {}
        assert Vocabulary(store).status("口岸") is Status.NEW


def test_rating_sets_learning_level_and_known_only_when_allowed(isolated_home):
    with NotesStore.open(isolated_home) as store:
        _save(store, "口岸", "振兴")
        reviewer = Reviewer(store, Scheduler(enable_fuzzing=False, learning_steps=()))
        done = reviewer.rate("口岸", 3, T0)  # no learning steps: straight to review
        assert done.status.changes[0].before is Status.NEW
        assert Vocabulary(store).status("口岸").learning
        assert get_setting(store, "review_long_interval_known") is False
        t = T0
        for _ in range(6):
            t = reviewer.rate("口岸", 4, t).due
        assert t - T0 > timedelta(days=120)
        assert Vocabulary(store).status("口岸") is Status.LEARNING_4  # default: never known
        set_setting(store, "review_long_interval_known", True)
        t = T0
        for _ in range(6):
            t = reviewer.rate("振兴", 4, t).due
        assert Vocabulary(store).status("振兴") is Status.KNOWN
        far = t + timedelta(days=36500)
        assert [c.word.word for c in reviewer.due(far)] == ["口岸"]


def test_bad_ratings_and_words(isolated_home):
    with NotesStore.open(isolated_home) as store:
        _save(store, "口岸")
        reviewer = Reviewer(store)
        with pytest.raises(InputError):
            reviewer.rate("口岸", 5, T0)
        with pytest.raises(InputError):
            reviewer.rate("没有", 3, T0)
        with pytest.raises(InputError):
            set_setting(store, "review_long_interval_known", "sometimes")


def test_review_cli_due_and_stats(isolated_home, capsys):
    with NotesStore.open(isolated_home) as store:
        _save(store, "口岸", "振兴")
        Reviewer(store).rate("振兴", 3)
    assert main(["review", "--due", "--json"]) == 0
    due = json.loads(capsys.readouterr().out)
    assert [d["word"] for d in due] == ["口岸"] and due[0]["new"] is True
    assert due[0]["cloze"] == "句子里有＿＿。"
    assert main(["review", "--stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert (stats["cards"], stats["new"], stats["reviewed_today"]) == (2, 1, 1)
    assert main(["review"]) == 2  # the review screen: it needs a terminal
    assert "not a terminal" in capsys.readouterr().err
