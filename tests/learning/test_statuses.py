"""Word statuses in the notes file: schema v3, migration with backup, change records."""

from __future__ import annotations

import json

import pytest

from reader.errors import InputError
from reader.learning.changes import WordStatusChanged
from reader.learning.status import Status, parse_status, status_after_annotation
from reader.learning.vocabulary import Vocabulary
from reader.notes.errors import NewerSchemaError
from reader.notes.schema import SCHEMA_VERSION
from reader.notes.store import NotesStore

V2 = {
    "meta": {"1": {"schema_version": 2, "created": "2025-01-01T08:00:00+00:00"}},
    "highlights": {},
    "words": {"1": {"id": "w-00000001", "word": "公园", "pinyin": "gōngyuán",
                    "definition": "park", "sentence": "我们去公园散步。", "article_id": "a",
                    "issue_id": "i", "traditional": "公園", "hsk": 2, "note": None,
                    "created": "2025-01-01T08:01:00+00:00",
                    "updated": "2025-01-01T08:01:00+00:00"}},
    "progress": {}, "glossary": {},
}


def test_status_round_trips_and_returns_change_records(isolated_home):
    with NotesStore.open(isolated_home) as store:
        vocab = Vocabulary(store)
        assert vocab.status("公园") is Status.NEW
        change = vocab.set_status(["公园", "散步"], Status.KNOWN)
        assert isinstance(change, WordStatusChanged)
        assert change.words == {"公园", "散步"}
        assert [(c.before, c.after) for c in change.changes] == [(Status.NEW, Status.KNOWN)] * 2
        # Setting the same status again changes nothing and says so.
        assert not vocab.set_status("公园", Status.KNOWN)
        second = vocab.set_status("公园", Status.LEARNING_2)
        assert second.changes[0].before is Status.KNOWN
    with NotesStore.open(isolated_home) as store:
        vocab = Vocabulary(store)
        assert vocab.statuses() == {"公园": Status.LEARNING_2, "散步": Status.KNOWN}
        undone = vocab.undo(second)
        assert undone.words == {"公园"} and vocab.status("公园") is Status.KNOWN
        vocab.undo(change)
        assert vocab.statuses() == {}


def test_bulk_status_is_one_write(isolated_home, monkeypatch):
    with NotesStore.open(isolated_home) as store:
        writes = []
        # A save is either a whole-file write or one journal record.
        for name in ("write", "write_changes"):
            real = getattr(store._storage, name)
            monkeypatch.setattr(store._storage, name,
                                lambda *a, _real=real: (writes.append(1), _real(*a)))
        Vocabulary(store).set_status([f"词{i}" for i in range(500)], Status.KNOWN)
        assert len(writes) == 1


def test_import_does_not_demote_without_overwrite(isolated_home):
    with NotesStore.open(isolated_home) as store:
        vocab = Vocabulary(store)
        vocab.set_status("经济", Status.IGNORED)
        change = vocab.set_status(["经济", "发展"], Status.KNOWN, overwrite=False)
        assert change.words == {"发展"} and vocab.status("经济") is Status.IGNORED


def test_annotation_rule():
    assert status_after_annotation(Status.NEW) is Status.LEARNING_1
    assert status_after_annotation(Status.NEW, keep=True) is None
    for kept in (Status.KNOWN, Status.IGNORED, Status.LEARNING_3):
        assert status_after_annotation(kept) is None


def test_saved_and_highlighted_words_become_learning(isolated_home):
    with NotesStore.open(isolated_home) as store:
        vocab = Vocabulary(store)
        vocab.set_status("发展", Status.KNOWN)
        change = vocab.note_annotated(["发展", "振兴", " "])
        assert change.words == {"振兴"} and vocab.status("振兴") is Status.LEARNING_1
        assert not vocab.note_annotated(["口岸"], keep=True)


def test_parse_status():
    assert parse_status("k") is Status.KNOWN and parse_status("learning 3") is Status.LEARNING_3
    assert parse_status("2") is Status.LEARNING_2 and Status.LEARNING_2.level == 2
    with pytest.raises(ValueError, match="unknown word status"):
        parse_status("sort of")


def test_empty_word_is_refused(isolated_home):
    with NotesStore.open(isolated_home) as store, pytest.raises(InputError):
        Vocabulary(store).set_status(" ", Status.KNOWN)


def test_v2_file_is_backed_up_then_migrated(isolated_home):
    notes = isolated_home / "notes.json"
    original = json.dumps(V2, ensure_ascii=False).encode()
    notes.write_bytes(original)
    with NotesStore.open(isolated_home) as store:
        assert any("from format 2 to 3" in n for n in store.notices)
        assert [w.word for w in store.words()] == ["公园"]
        Vocabulary(store).set_status("公园", Status.LEARNING_1)
    (kept,) = isolated_home.glob("notes.json.v2-*")
    assert kept.read_bytes() == original
    data = json.loads(notes.read_text(encoding="utf-8"))
    assert data["meta"]["1"]["schema_version"] == SCHEMA_VERSION == 3
    assert {"statuses", "cards", "reviews", "settings"} <= set(data)
    assert [d["status"] for d in data["statuses"].values()] == ["learning-1"]


def test_newer_schema_is_refused_untouched(isolated_home):
    notes = isolated_home / "notes.json"
    newer = json.dumps({**V2, "meta": {"1": {"schema_version": 4}}}).encode()
    notes.write_bytes(newer)
    with pytest.raises(NewerSchemaError, match="newer Dubao"):
        NotesStore.open(isolated_home)
    assert notes.read_bytes() == newer


def test_bad_status_record_is_a_corrupt_file(isolated_home):
    from reader.notes.errors import CorruptStoreError

    with NotesStore.open(isolated_home) as store:
        Vocabulary(store).set_status("公园", Status.KNOWN)
    notes = isolated_home / "notes.json"
    data = json.loads(notes.read_text(encoding="utf-8"))
    del data["statuses"]["1"]["status"]
    notes.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CorruptStoreError):
        NotesStore.open(isolated_home)


def test_setting_can_keep_statuses_on_annotation(isolated_home):
    from reader.learning.settings import set_setting

    with NotesStore.open(isolated_home) as store:
        set_setting(store, "annotate_keeps_status", True)
        assert not Vocabulary(store).note_annotated(["振兴"])
        set_setting(store, "annotate_keeps_status", False)
        assert Vocabulary(store).note_annotated(["振兴"]).words == {"振兴"}


def test_words_in_a_highlight():
    from reader.language import tokenize
    from reader.learning.scoring import words_in_span

    text = "吉林省推动经济发展。"
    start = text.index("推动")
    assert words_in_span(tokenize(text), 0, start + 6) == ("推动", "经济", "发展")


def test_known_set_cli(isolated_home, capsys):
    from reader.cli import main

    assert main(["known", "set", "振兴", "口岸", "--status", "learning-2"]) == 0
    assert "2 words now learning 2" in capsys.readouterr().err
    with NotesStore.open(isolated_home, read_only=True) as store:
        assert Vocabulary(store).status("口岸") is Status.LEARNING_2
    assert main(["known", "set", "振兴", "--status", "bogus"]) == 2


def test_read_only_store_refuses_status_writes(isolated_home):
    from reader.notes.errors import ReadOnlyError

    with NotesStore.open(isolated_home) as store:
        Vocabulary(store).set_status("公园", Status.KNOWN)
    with NotesStore.open(isolated_home, read_only=True) as store:
        vocab = Vocabulary(store)
        assert vocab.status("公园") is Status.KNOWN
        with pytest.raises(ReadOnlyError):
            vocab.set_status("公园", Status.NEW)
        assert vocab.status("公园") is Status.KNOWN


def test_store_refuses_learning_documents_the_schema_would_reject(isolated_home):
    from reader.notes.schema import ShapeError

    with NotesStore.open(isolated_home) as store:
        with pytest.raises(ShapeError):
            store.put_keyed("statuses", {"公园": {"status": "known"}})  # no `updated`
        assert store.keyed_docs("statuses") == {}
    NotesStore.open(isolated_home).close()  # the file still opens
