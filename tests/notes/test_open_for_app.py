"""`NotesStore.open_for_app`: read-only means locked, unwritable or waiting for a restore."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO

from reader.notes.store import NotesStore

TEXT = "今天天气很好，我们去公园散步。明天可能会下雨，记得带伞。"


def with_notes(home: Path) -> None:
    """Two highlights, opened twice so that the backup holds them too."""
    with NotesStore.open(home) as s:
        s.add_highlight("i1", "i1-a", TEXT, 0, 2, note="一")
        s.add_highlight("i1", "i1-a", TEXT, 7, 9)
    NotesStore.open(home).close()


def test_notices_never_make_the_store_read_only(isolated_home):
    with_notes(isolated_home)
    stray = isolated_home / "notes.json.tmp-4242-deadbeef"
    stray.write_text("{}")  # what a kill -9 inside a save leaves
    store = NotesStore.open_for_app(isolated_home)
    try:
        assert any("interrupted save" in n for n in store.notices)
        assert not store.read_only and store.read_only_reason is None
        store.add_highlight("i1", "i1-a", TEXT, 3, 5)
    finally:
        store.close()


def test_a_locked_store_is_read_only_and_shows_the_notes(isolated_home):
    with_notes(isolated_home)
    with NotesStore.open(isolated_home):
        store = NotesStore.open_for_app(isolated_home)
        assert store.read_only and "Another Dubao" in (store.read_only_reason or "")
        assert len(store.highlights()) == 2


def test_damaged_file_with_a_backup_shows_the_backup_read_only_until_restored(isolated_home):
    with_notes(isolated_home)
    notes = isolated_home / "notes.json"
    notes.write_bytes(notes.read_bytes()[:60])  # damaged
    store = NotesStore.open_for_app(isolated_home)
    assert store.read_only and store.backup is not None
    reason = store.read_only_reason or ""
    assert "Nothing can be saved until the backup is restored" in reason
    assert "a new file will be started" not in reason
    assert len(store.highlights()) == 2  # what can be read is shown
    store.close()
    again = NotesStore.open_for_app(isolated_home)  # the next start says the same
    assert again.read_only and "restore" in (again.read_only_reason or "")
    restored, message = NotesStore.restore_and_open(isolated_home)  # the app's action
    try:
        assert "Restored" in message
        assert not restored.read_only and len(restored.highlights()) == 2
        restored.add_highlight("i1", "i1-a", TEXT, 3, 5)
    finally:
        restored.close()
    assert list(isolated_home.glob("notes.json.corrupt-*"))  # the damaged file is kept


def test_damaged_file_without_a_backup_starts_the_new_file_as_promised(isolated_home):
    notes = isolated_home / "notes.json"
    notes.write_bytes(b'{"meta": {"1": {"schema_version": 2}}, "highlights": {"1": ')
    store = NotesStore.open_for_app(isolated_home)
    try:
        assert not store.read_only
        assert any("a new file will be started" in n for n in store.notices)
        store.add_highlight("i1", "i1-a", TEXT, 0, 2)
    finally:
        store.close()
    assert len(json.loads(notes.read_text())["highlights"]) == 1
    (aside,) = isolated_home.glob("notes.json.corrupt-*")
    assert aside.read_bytes().startswith(b'{"meta"')


def test_unreadable_notes_file_gives_an_empty_read_only_store(isolated_home):
    (isolated_home / "notes.json").mkdir()
    store = NotesStore.open_for_app(isolated_home)
    assert store.read_only and store.highlights() == []
    assert "nothing can be saved" in (store.read_only_reason or "")


PROBE = """
import json, sys
from pathlib import Path
from reader.notes.store import NotesStore
s = NotesStore.open_for_app(Path(sys.argv[1]))
print(json.dumps({"read_only": s.read_only, "reason": s.read_only_reason,
                  "highlights": len(s.highlights())}))
"""


def unprivileged(cmd: list[str]) -> list[str]:
    """Run without the root powers that ignore permission bits (as a normal user runs)."""
    if os.geteuid() != 0:
        return cmd
    setpriv = shutil.which("setpriv")
    assert setpriv, "root without setpriv cannot test permissions"
    return [setpriv, "--inh-caps=-all",
            "--bounding-set=-dac_override,-dac_read_search,-fowner", "--", *cmd]


def test_a_folder_that_cannot_be_written_shows_the_notes_read_only(isolated_home):
    with_notes(isolated_home)
    isolated_home.chmod(0o555)
    try:
        out = subprocess.run(unprivileged([sys.executable, "-c", PROBE, str(isolated_home)]),
                             cwd=REPO, capture_output=True, text=True, timeout=60,
                             env={**os.environ, "PYTHONPATH": str(REPO)})
    finally:
        isolated_home.chmod(0o755)
    assert out.returncode == 0, out.stderr
    state = json.loads(out.stdout)
    assert state["read_only"] and state["highlights"] == 2
    assert "Permission denied" in state["reason"]
