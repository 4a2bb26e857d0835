"""The session's one undo history: any change kind pushes a step; undo and redo run it."""

from __future__ import annotations

from pathlib import Path

from reader.learning.status import Status
from reader.reading.changes import StatusesChanged
from reader.reading.session import ReadingSession


def _session(home: Path) -> ReadingSession:
    session = ReadingSession(home)
    session.open_store()
    return session


def test_a_status_change_undoes_and_redoes_and_survives_a_reopen(tmp_path: Path) -> None:
    session = _session(tmp_path)
    changed = session.learning.set_status("经济", Status.KNOWN)
    assert isinstance(changed, StatusesChanged) and changed.words == {"经济"}
    undone = session.undo()
    assert isinstance(undone, StatusesChanged)
    assert undone.notice is not None and undone.notice.startswith("Undone: 经济 marked known")
    assert session.learning.status("经济") is Status.NEW
    session.redo()
    assert session.learning.status("经济") is Status.KNOWN
    session.close()
    again = _session(tmp_path)
    assert again.learning.status("经济") is Status.KNOWN
    assert again.undo().notice == "Nothing to undo."


def test_a_new_change_forgets_what_could_be_redone(tmp_path: Path) -> None:
    session = _session(tmp_path)
    session.learning.set_status("经济", Status.KNOWN)
    session.undo()
    session.learning.set_status("社会", Status.IGNORED)
    assert session.redo().notice == "Nothing to redo."
    assert session.learning.status("经济") is Status.NEW
