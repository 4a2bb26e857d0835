"""Unreadable notes files are set aside (never overwritten), backups offered; migrations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.notes.errors import CorruptStoreError, NewerSchemaError
from reader.notes.model import UserTerm
from reader.notes.store import NotesStore

TEXT = "今天天气很好，我们去公园散步。明天可能会下雨，记得带伞。"


def make_notes(home: Path) -> tuple[bytes, list[str]]:
    """A store with two highlights and a word, opened twice so the backup holds them."""
    with NotesStore.open(home) as s:
        ids = [s.add_highlight("i1", "i1-a", TEXT, 0, 2, note="一").id,
               s.add_highlight("i1", "i1-a", TEXT, 7, 9).id]
        s.save_word("公园", "gōng yuán", "park", TEXT, "i1-a", "i1")
    NotesStore.open(home).close()  # a successful load refreshes notes.json.bak
    return (home / "notes.json").read_bytes(), ids


def corrupt_variants(good: bytes) -> dict[str, bytes]:
    half = len(good) // 2
    return {
        "truncated": good[:half],
        "trailing-garbage": good + b"\n}garbage",
        "nul-bytes": good[:half] + b"\x00" * 64 + good[half:],
        "nul-filled": b"\x00" * len(good),
        "invalid-utf8": good.replace("公园".encode(), b"\xff\xfe\xfd", 1),
        "json-list": b"[]",
        "json-null": b"null",
        "zero-bytes": b"",
        "blanks": b"  \n",
        "empty-object": b"{}",
        "wrong-shape": json.dumps({"meta": {"1": {"schema_version": 2}},
                                   "highlights": [1, 2]}).encode(),
        "missing-field": good.replace(b'"quote"', b'"quota"'),
        "no-meta": json.dumps({"highlights": {}}).encode(),
    }


@pytest.mark.parametrize("case", sorted(corrupt_variants(b"{}")))
def test_corrupt_file_is_moved_aside_and_backup_restores(isolated_home, case):
    good, ids = make_notes(isolated_home)
    notes = isolated_home / "notes.json"
    bad = corrupt_variants(good)[case]
    notes.write_bytes(bad)

    with pytest.raises(CorruptStoreError) as err:
        NotesStore.open(isolated_home)
    msg = str(err.value)
    assert "\n" not in msg
    assert "reader notes --restore-backup" in msg and "2 highlights" in msg
    aside = err.value.moved_to
    assert aside is not None and aside.name.startswith("notes.json.corrupt-")
    assert aside.read_bytes() == bad  # the unreadable file is kept byte for byte
    assert not notes.exists()
    assert err.value.backup == isolated_home / "notes.json.bak"

    # Until the user decides, a new empty file must not replace the notes.
    with pytest.raises(CorruptStoreError, match="is missing but notes.json.bak holds"):
        NotesStore.open(isolated_home)
    assert not notes.exists()

    NotesStore.restore_backup(isolated_home)
    with NotesStore.open(isolated_home) as s:
        assert sorted(h.id for h in s.highlights()) == sorted(ids)
        assert [w.word for w in s.words()] == ["公园"]


def test_corrupt_file_without_backup_is_still_kept(isolated_home):
    notes = isolated_home / "notes.json"
    notes.write_bytes(b"\x00\x00\x00")
    with pytest.raises(CorruptStoreError, match="there is no usable backup"):
        NotesStore.open(isolated_home)
    assert list(isolated_home.glob("notes.json.corrupt-*"))[0].read_bytes() == b"\x00\x00\x00"
    with NotesStore.open(isolated_home) as s:  # nothing to protect any more: start afresh
        assert s.highlights() == []


def test_bom_file_loads_with_all_notes(isolated_home):
    good, ids = make_notes(isolated_home)
    notes = isolated_home / "notes.json"
    notes.write_bytes(b"\xef\xbb\xbf" + good)
    with NotesStore.open(isolated_home) as s:
        assert sorted(h.id for h in s.highlights()) == sorted(ids)
        s.add_highlight("i1", "i1-a", TEXT, 10, 12)
    assert not notes.read_bytes().startswith(b"\xef\xbb\xbf")
    assert not list(isolated_home.glob("notes.json.corrupt-*"))


def test_empty_object_without_notes_before_is_a_fresh_store(isolated_home):
    (isolated_home / "notes.json").write_bytes(b"{}")
    with NotesStore.open(isolated_home) as s:
        s.add_highlight("i1", "i1-a", TEXT, 0, 2)
    data = json.loads((isolated_home / "notes.json").read_text(encoding="utf-8"))
    assert data["meta"]["1"]["schema_version"] == 3 and len(data["highlights"]) == 1


def test_read_only_open_of_corrupt_file_leaves_it_in_place(isolated_home):
    make_notes(isolated_home)
    notes = isolated_home / "notes.json"
    notes.write_bytes(b"{broken")
    with pytest.raises(CorruptStoreError, match="open the notes normally"):
        NotesStore.open(isolated_home, read_only=True)
    assert notes.read_bytes() == b"{broken"


def test_newer_schema_is_refused_and_untouched(isolated_home):
    good, _ = make_notes(isolated_home)
    data = json.loads(good)
    data["meta"]["1"]["schema_version"] = 99
    notes = isolated_home / "notes.json"
    newer = json.dumps(data).encode()
    notes.write_bytes(newer)
    with pytest.raises(NewerSchemaError, match="newer Dubao"):
        NotesStore.open(isolated_home)
    with pytest.raises(NewerSchemaError):
        NotesStore.open(isolated_home, read_only=True)
    assert notes.read_bytes() == newer
    assert not list(isolated_home.glob("notes.json.corrupt-*"))


V1 = {
    "meta": {"1": {"schema_version": 1, "created": "2024-03-01T08:00:00+00:00"}},
    "highlights": {
        "1": {"issue_id": "i1", "article_id": "i1-a", "start": 7, "end": 9, "text": "我们",
              "color": "blue", "note": "旧笔记", "created": "2024-03-01T08:01:00+00:00"},
        "3": {"issue_id": "i1", "article_id": "i1-a", "start": 0, "end": 2, "text": "今天",
              "color": "yellow", "note": None, "created": "2024-03-01T08:02:00+00:00"},
    },
    "words": {"1": {"word": "公园", "pinyin": "gōng yuán", "definition": "park",
                    "sentence": "我们去公园散步。", "article_id": "i1-a", "issue_id": "i1",
                    "created": "2024-03-01T08:03:00+00:00"}},
    "progress": {"1": {"article_id": "i1-a", "offset": 12, "read": False}},
}


def test_migration_from_v1_backs_up_first_and_upgrades(isolated_home):
    notes = isolated_home / "notes.json"
    original = json.dumps(V1, ensure_ascii=False).encode()
    notes.write_bytes(original)

    with NotesStore.open(isolated_home) as s:
        hs = s.highlights()
        assert [(h.quote, h.note, h.color) for h in hs] == [
            ("今天", None, "yellow"), ("我们", "旧笔记", "blue")]
        assert all(h.id.startswith("h-") and h.updated == h.created for h in hs)
        (w,) = s.words()
        assert (w.word, w.note, w.id[:2]) == ("公园", None, "w-")
        assert s.get_progress("i1-a").offset == 12
        assert any("upgraded from format 1 to 3" in n for n in s.notices)
        # Re-anchoring works on migrated highlights, which have no stored context.
        (p,) = s.reanchor([hs[1]], "插入" + TEXT)
        assert (p.method, TEXT.index("我们") + 2) == ("moved", p.start)
        s.put_term(UserTerm("两会", "liǎng huì", ("Two Sessions",)))

    (kept,) = isolated_home.glob("notes.json.v1-*")
    assert kept.read_bytes() == original
    data = json.loads(notes.read_text(encoding="utf-8"))
    assert data["meta"]["1"]["schema_version"] == 3
    assert "text" not in data["highlights"]["1"] and data["highlights"]["1"]["quote"] == "我们"


def test_read_only_open_of_v1_migrates_in_memory_only(isolated_home):
    notes = isolated_home / "notes.json"
    original = json.dumps(V1, ensure_ascii=False).encode()
    notes.write_bytes(original)
    with NotesStore.open(isolated_home, read_only=True) as s:
        assert len(s.highlights()) == 2
    assert notes.read_bytes() == original


def test_broken_v1_file_is_set_aside(isolated_home):
    broken = json.loads(json.dumps(V1))
    del broken["highlights"]["1"]["text"]
    (isolated_home / "notes.json").write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(CorruptStoreError, match="format 1"):
        NotesStore.open(isolated_home)
    assert list(isolated_home.glob("notes.json.corrupt-*"))
