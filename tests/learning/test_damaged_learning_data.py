"""Hand-edited or damaged learning records (a card's due date, a status value) never crash
a command: an unreadable card is reviewed as new, an unreadable status counts as new."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from reader.cli import main
from reader.learning.review import Reviewer
from reader.learning.vocabulary import Vocabulary
from reader.notes.store import NotesStore

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def _edit(home, table: str, **fields) -> None:
    """Change every document of a table in notes.json, as a user with an editor would."""
    path = home / "notes.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    for doc in data[table].values():
        doc.update(fields)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _two_cards(home) -> None:
    with NotesStore.open(home) as store:
        for w in ("振兴", "开放"):
            store.save_word(w, "pīnyīn", "gloss", f"句子里有{w}。", "a1", "i1")
            Reviewer(store).rate(w, 3, T0)


def test_a_card_with_a_bad_due_date_is_reviewed_as_new(isolated_home, capsys):
    _two_cards(isolated_home)
    for due in ("garbage", "2026-03-01T09:00:00"):  # not a date; a date without a zone
        _edit(isolated_home, "cards", due=due)
        assert main(["review", "--due", "--json"]) == 0
        cards = json.loads(capsys.readouterr().out)
        assert sorted(c["word"] for c in cards) == ["开放", "振兴"]
        assert all(c["new"] for c in cards)
        assert main(["review", "--stats", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["due_now"] == 2
        with NotesStore.open(isolated_home) as store:
            done = Reviewer(store).rate("振兴", 3, T0)  # starts the card afresh
            assert done.due > T0
        _two_cards(isolated_home)


def test_an_unknown_status_value_counts_as_new(isolated_home, capsys):
    assert main(["known", "set", "你好", "学习"]) == 0
    _edit(isolated_home, "statuses", status="knwon")
    with NotesStore.open(isolated_home) as store:
        vocabulary = Vocabulary(store)
        assert vocabulary.statuses() == {}
        assert vocabulary.status("你好") == "new"
    assert main(["known", "export", "--all"]) == 0
    assert main(["stats"]) == 0
    assert main(["known", "set", "你好"]) == 0
    with NotesStore.open(isolated_home, read_only=True) as store:
        assert Vocabulary(store).statuses() == {"你好": "known"}
