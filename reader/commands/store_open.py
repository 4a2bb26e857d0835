"""Opening the notes for a command that writes: what the store had to say goes to stderr."""

from __future__ import annotations

from pathlib import Path

from reader.commands.export import tell
from reader.notes.opening import open_or_start_afresh
from reader.notes.store import NotesStore


def open_for_writing(home: Path) -> NotesStore:
    """The writable store of `home` (a damaged file with no backup: set aside, the new file
    started, and the user told on stderr, so the command's change is kept)."""
    store = open_or_start_afresh(NotesStore, home)
    for notice in store.notices:
        tell(f"reader: {notice}")
    return store
