"""The notes journal: single changes appended and fsynced, folded into notes.json, never lost."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from reader.notes import journal
from reader.notes.store import NotesStore

TEXT = "今天天气很好，我们去公园散步。明天可能会下雨，记得带伞。" * 3


def copy_home(src: Path, dst: Path) -> Path:
    """The files of a home as a crash would leave them (the lock is not copied)."""
    dst.mkdir()
    for p in src.iterdir():
        if not p.name.endswith(".lock"):
            shutil.copy2(p, dst / p.name)
    return dst


def test_a_change_goes_to_the_journal_and_is_folded_in_on_close(isolated_home):
    store = NotesStore.open(isolated_home)
    notes = isolated_home / "notes.json"
    before = notes.read_bytes()
    h = store.add_highlight("i1", "i1-a", TEXT, 0, 4, note="一")
    store.update_note(h.id, "二")
    assert notes.read_bytes() == before  # not rewritten: appended to the journal
    assert (isolated_home / "notes.json.journal").exists()
    with NotesStore.open(isolated_home, read_only=True) as reader:  # readers replay it
        assert [x.note for x in reader.highlights()] == ["二"]
    store.close()
    assert not (isolated_home / "notes.json.journal").exists()
    (doc,) = json.loads(notes.read_text(encoding="utf-8"))["highlights"].values()
    assert doc["note"] == "二"


def test_a_journal_left_by_a_crash_is_replayed_and_folded_in(isolated_home, tmp_path):
    store = NotesStore.open(isolated_home)
    kept = [store.add_highlight("i1", "i1-a", TEXT, i, i + 3) for i in range(0, 30, 5)]
    store.delete_highlight(kept[0].id)
    crashed = copy_home(isolated_home, tmp_path / "crashed")
    store.close()
    with NotesStore.open(crashed) as again:
        assert again.highlights() == kept[1:]
        assert again.notices == []
    assert not (crashed / "notes.json.journal").exists()
    bak = json.loads((crashed / "notes.json.bak").read_text(encoding="utf-8"))
    assert len(bak["highlights"]) == 5  # the backup holds the journal's changes too


def test_a_torn_last_record_is_skipped_quietly(isolated_home, tmp_path):
    store = NotesStore.open(isolated_home)
    h = store.add_highlight("i1", "i1-a", TEXT, 0, 4)
    crashed = copy_home(isolated_home, tmp_path / "crashed")
    store.close()
    record = journal.change_record("highlights", {"9": {"id": "h-x"}})
    with (crashed / "notes.json.journal").open("ab") as fh:
        fh.write(record[: len(record) // 2])  # a kill -9 in the middle of an append
    with NotesStore.open(crashed) as again:
        assert again.highlights() == [h] and again.notices == []


def test_a_damaged_record_is_skipped_said_and_kept(isolated_home, tmp_path):
    store = NotesStore.open(isolated_home)
    a = store.add_highlight("i1", "i1-a", TEXT, 0, 4)
    b = store.add_highlight("i1", "i1-a", TEXT, 5, 9)
    c = store.add_highlight("i1", "i1-a", TEXT, 10, 14)
    crashed = copy_home(isolated_home, tmp_path / "crashed")
    store.close()
    jpath = crashed / "notes.json.journal"
    lines = jpath.read_bytes().split(b"\n")
    lines[3] = lines[3].replace(b"i1-a", b"i1-b")  # b's record: a flipped byte
    jpath.write_bytes(b"\n".join(lines))
    with NotesStore.open(crashed) as again:
        assert again.highlights() == [a, c] and b not in again.highlights()
        assert any("1 damaged change" in n for n in again.notices)
    assert list(crashed.glob("notes.json.journal.damaged-*"))


def test_a_journal_of_a_replaced_file_is_not_applied(isolated_home, tmp_path):
    store = NotesStore.open(isolated_home)
    store.add_highlight("i1", "i1-a", TEXT, 0, 4)
    crashed = copy_home(isolated_home, tmp_path / "crashed")
    store.close()
    with NotesStore.open(tmp_path / "other") as other:  # someone copies another file in
        other.add_highlight("i2", "i2-a", TEXT, 1, 3)
    shutil.copy2(tmp_path / "other" / "notes.json", crashed / "notes.json")
    with NotesStore.open(crashed) as again:
        assert [h.issue_id for h in again.highlights()] == ["i2"]
        assert any("were not applied" in n for n in again.notices)
    assert list(crashed.glob("notes.json.journal.unmatched-*"))


def test_a_crash_between_rewrite_and_journal_removal_is_silent(isolated_home, tmp_path):
    store = NotesStore.open(isolated_home)
    h = store.add_highlight("i1", "i1-a", TEXT, 0, 4)
    stale = (isolated_home / "notes.json.journal").read_bytes()
    store.close()  # rewrites notes.json with the change, removes the journal
    (isolated_home / "notes.json.journal").write_bytes(stale)  # as if the removal was lost
    with NotesStore.open(isolated_home) as again:
        assert again.highlights() == [h] and again.notices == []
    assert not list(isolated_home.glob("notes.json.journal*"))


def test_the_journal_is_folded_in_when_it_grows(isolated_home):
    store = NotesStore.open(isolated_home)
    store._storage.journal_limit = 2000
    notes = isolated_home / "notes.json"
    sizes = set()
    for i in range(12):
        store.add_highlight("i1", "i1-a", TEXT, i, i + 4, note="长" * 100)
        sizes.add(notes.stat().st_size)
    assert len(sizes) > 1  # the file was rewritten on the way
    jpath = isolated_home / "notes.json.journal"
    assert not jpath.exists() or jpath.stat().st_size <= 2000
    with NotesStore.open(isolated_home, read_only=True) as reader:
        assert len(reader.highlights()) == 12
    store.close()


def test_restoring_the_backup_takes_the_journal_along_with_the_replaced_file(isolated_home):
    with NotesStore.open(isolated_home) as s:
        s.add_highlight("i1", "i1-a", TEXT, 0, 4)
    NotesStore.open(isolated_home).close()  # the backup holds one highlight
    store = NotesStore.open(isolated_home)
    store.add_highlight("i1", "i1-a", TEXT, 5, 9)
    store._storage._journal_fd, fd = None, store._storage._journal_fd  # a crashed writer
    store._lock.release()
    os.close(fd)
    _bak, moved = NotesStore.restore_backup(isolated_home)
    assert moved is not None and moved.with_name(moved.name + ".journal").exists()
    with NotesStore.open(isolated_home) as again:
        assert len(again.highlights()) == 1 and again.notices == []


def test_after_a_rewrite_fails_past_its_rename_nothing_acknowledged_is_lost(
        isolated_home, monkeypatch):
    import errno

    import reader.notes.durable_storage as durable_storage
    from reader.notes.errors import StoreWriteError

    store = NotesStore.open(isolated_home)
    a = store.add_highlight("i1", "i1-a", TEXT, 0, 4)  # journalled
    store._storage.journal_limit = 0
    # The rewrite renames the new file in, then fails to sync the folder (open #2).
    real_open, calls = os.open, []

    def open_failing_second(*args, **kwargs):
        calls.append(args)
        if len(calls) == 2:
            raise OSError(errno.EIO, "I/O")
        return real_open(*args, **kwargs)

    monkeypatch.setattr(durable_storage.os, "open", open_failing_second)
    try:
        store.add_highlight("i1", "i1-a", TEXT, 5, 9)
    except StoreWriteError:
        pass
    monkeypatch.undo()
    store._storage.journal_limit = None
    c = store.add_highlight("i1", "i1-a", TEXT, 10, 14)  # acknowledged after the failure
    expected = store.highlights()
    assert a in expected and c in expected
    crashed = copy_home(isolated_home, isolated_home.parent / "crashed")
    store.close()
    with NotesStore.open(crashed) as again:
        assert again.highlights() == expected
