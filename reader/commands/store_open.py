"""Opening the notes for a command that writes, starting a new file when the old one was set
aside with no backup to restore (as the message promises), so the command's change is kept."""

from __future__ import annotations

from pathlib import Path

from reader.commands.export import tell
from reader.notes.errors import CorruptStoreError
from reader.notes.store import NotesStore


def open_for_writing(home: Path) -> NotesStore:
    """The writable store of `home`. A damaged file set aside with no usable backup is told on
    stderr and the new file started; with a backup the user chooses (the error stands)."""
    try:
        return NotesStore.open(home)
    except CorruptStoreError as exc:
        if exc.backup is not None or exc.moved_to is None:
            raise
        tell(f"reader: {exc}")
        return NotesStore.open(home)
