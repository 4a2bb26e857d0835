"""A failed save (disk full, permission, I/O error) keeps the old file and reports failure."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import REPO

import reader.notes.durable_storage as durable_storage
from reader.notes.errors import StoreWriteError
from reader.notes.store import NotesStore

TEXT = "今天天气很好，我们去公园散步。明天可能会下雨，记得带伞。" * 3


class FailingOs:
    """The os module, except that one function fails on its n-th call."""

    def __init__(self, name: str, exc: OSError, nth: int = 1) -> None:
        self._name, self._exc, self._left = name, exc, nth

    def __getattr__(self, attr: str):
        real = getattr(os, attr)
        if attr != self._name:
            return real

        def failing(*args, **kwargs):
            self._left -= 1
            if self._left == 0:
                raise self._exc
            return real(*args, **kwargs)

        return failing


# (os function, which call fails): the steps of one atomic rewrite of the file, in order.
STEPS = {
    "create-temp": ("open", 1),
    "write": ("write", 1),
    "fsync-file": ("fsync", 1),
    "rename": ("replace", 1),
}
# The steps of one append to the journal (the usual way a change is saved).
JOURNAL_STEPS = {"append": ("write", 1), "fsync-journal": ("fsync", 1)}


def temp_files(home: Path) -> list[Path]:
    return list(home.glob("*.tmp-*"))


@pytest.mark.parametrize(("mode", "step"), [("rewrite", s) for s in sorted(STEPS)]
                         + [("journal", s) for s in sorted(JOURNAL_STEPS)])
@pytest.mark.parametrize("error", [errno.ENOSPC, errno.EACCES, errno.EIO])
def test_failure_before_rename_keeps_old_file_and_memory(isolated_home, monkeypatch, mode,
                                                         step, error):
    store = NotesStore.open(isolated_home)
    if mode == "rewrite":
        store._storage.journal_limit = 0  # every change rewrites the whole file
    keep = store.add_highlight("i1", "i1-a", TEXT, 0, 4, note="before")
    notes = isolated_home / "notes.json"
    journal = isolated_home / "notes.json.journal"
    before = (notes.read_bytes(), journal.read_bytes() if journal.exists() else None)

    name, nth = (STEPS if mode == "rewrite" else JOURNAL_STEPS)[step]
    monkeypatch.setattr(durable_storage, "os", FailingOs(name, OSError(error, os.strerror(error)),
                                                         nth))
    with pytest.raises(StoreWriteError, match="the change was not saved") as err:
        store.add_highlight("i1", "i1-a", TEXT, 5, 9)
    assert os.strerror(error) in str(err.value)
    monkeypatch.setattr(durable_storage, "os", FailingOs(name, OSError(error, "again"), nth))
    with pytest.raises(StoreWriteError):
        store.update_note(keep.id, "changed in place, then failed")  # TinyDB mutates in place
    monkeypatch.undo()

    assert (notes.read_bytes(), journal.read_bytes() if journal.exists() else None) == before
    assert temp_files(isolated_home) == []
    assert store.highlights() == [keep]  # memory went back to what the file holds
    with NotesStore.open(isolated_home, read_only=True) as again:
        assert again.highlights() == [keep]  # and so does a reader
    later = store.add_highlight("i1", "i1-a", TEXT, 10, 14)  # and saving works again
    store.close()
    with NotesStore.open(isolated_home, read_only=True) as again:
        assert again.highlights() == sorted([keep, later], key=lambda h: h.start)


def test_failure_creating_the_journal_keeps_the_file_and_memory(isolated_home, monkeypatch):
    store = NotesStore.open(isolated_home)
    before = (isolated_home / "notes.json").read_bytes()
    monkeypatch.setattr(durable_storage, "os", FailingOs("open", OSError(errno.EACCES, "no"), 1))
    with pytest.raises(StoreWriteError):
        store.add_highlight("i1", "i1-a", TEXT, 5, 9)
    monkeypatch.undo()
    assert store.highlights() == []
    assert (isolated_home / "notes.json").read_bytes() == before
    assert not (isolated_home / "notes.json.journal").exists()
    store.add_highlight("i1", "i1-a", TEXT, 5, 9)
    store.close()


def test_failure_syncing_the_folder_is_reported(isolated_home, monkeypatch):
    store = NotesStore.open(isolated_home)
    store._storage.journal_limit = 0  # every change rewrites the whole file
    store.add_highlight("i1", "i1-a", TEXT, 0, 4)
    # open #1 creates the temp file, open #2 opens the folder for its fsync.
    monkeypatch.setattr(durable_storage, "os", FailingOs("open", OSError(errno.EIO, "I/O"), 2))
    with pytest.raises(StoreWriteError):
        store.add_highlight("i1", "i1-a", TEXT, 5, 9)
    monkeypatch.undo()
    # The rename happened, so the file holds the change; memory agrees with the file.
    with NotesStore.open(isolated_home, read_only=True) as again:
        assert again.highlights() == store.highlights()
    store.close()


def test_disk_full_on_a_real_small_filesystem(tmp_path):
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        home = mount / "home"
        store = NotesStore.open(home)
        for i in range(20):
            store.add_highlight("i1", "i1-a", TEXT, i, i + 4, note="笔记" * 50)
        notes = home / "notes.json"
        stat = os.statvfs(mount)
        filler = mount / "filler"
        filler.write_bytes(b"x" * (stat.f_bavail * stat.f_frsize - 4096))
        failed = None
        for i in range(100):
            before, count = notes.read_bytes(), len(store.highlights())
            try:
                store.add_highlight("i1", "i1-a", TEXT, i, i + 5, note="满" * 500)
            except StoreWriteError as exc:
                failed = exc
                break
        assert failed is not None and "No space left on device" in str(failed)
        assert notes.read_bytes() == before and len(store.highlights()) == count
        saved = store.highlights()
        assert temp_files(home) == []
        filler.unlink()
        store.add_highlight("i1", "i1-a", TEXT, 1, 3)
        store.close()
        with NotesStore.open(home, read_only=True) as again:
            assert len(again.highlights()) == len(saved) + 1
    finally:
        subprocess.run(["umount", str(mount)], check=False)


FSIZE_CHILD = textwrap.dedent("""
    import resource, signal, sys
    from pathlib import Path
    from reader.notes.store import NotesStore
    from reader.notes.errors import StoreWriteError
    home = Path(sys.argv[1])
    store = NotesStore.open(home)
    size = (home / "notes.json").stat().st_size
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of being killed
    resource.setrlimit(resource.RLIMIT_FSIZE, (size + 200, resource.RLIM_INFINITY))
    text = "今天天气很好，我们去公园散步。" * 20
    try:
        store.add_highlight("i1", "i1-a", text, 0, 4, note="长" * 400)
    except StoreWriteError as exc:
        print("refused:", exc)
    print("count:", len(store.highlights()))
""")


def test_file_size_limit_refuses_the_write(isolated_home):
    with NotesStore.open(isolated_home) as s:
        s.add_highlight("i1", "i1-a", TEXT, 0, 4, note="keep me")
    notes = isolated_home / "notes.json"
    before = notes.read_bytes()
    out = subprocess.run([sys.executable, "-c", FSIZE_CHILD, str(isolated_home)], cwd=REPO,
                         capture_output=True, text=True, env={**os.environ, "PYTHONPATH": "."})
    assert "refused: could not save notes" in out.stdout, out.stderr
    assert "count: 1" in out.stdout
    assert notes.read_bytes() == before


def test_stray_temp_files_are_removed_at_start(isolated_home):
    NotesStore.open(isolated_home).close()
    strays = [isolated_home / "notes.json.tmp-999-deadbeef",
              isolated_home / "notes.json.bak.tmp-999-cafebabe"]
    for p in strays:
        p.write_bytes(b'{"half": ')
    unrelated = isolated_home / "notes.json.corrupt-20240101T000000Z"
    unrelated.write_bytes(b"keep")
    with NotesStore.open(isolated_home) as s:
        assert len([n for n in s.notices if "interrupted save" in n]) == 2
    assert not any(p.exists() for p in strays)
    assert unrelated.read_bytes() == b"keep"
