"""Opening the notes for an interactive session: writable when possible, else read-only.

Read-only means exactly one of: another Dubao holds the lock, the folder cannot be written,
or the file is damaged (or missing) while a backup still holds the user's notes, so that
nothing can be saved until the backup is restored or moved away. Notices (a leftover temp
file, a backup that could not be refreshed) never make a store read-only.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reader.notes import store_file
from reader.notes.errors import (
    CorruptStoreError,
    StoreError,
    StoreLockedError,
    StoreNotWritableError,
)
from reader.notes.model import now_iso
from reader.notes.schema import empty_tables
from reader.paths import notes_path

if TYPE_CHECKING:
    from reader.notes.store import NotesStore

LOCKED = "Another Dubao is running: this one is read-only."
"""The reason shown when another instance holds the lock."""


def open_for_app(cls: type[NotesStore], home: Path) -> NotesStore:
    """The store of `home`, writable when it can be; never raises a StoreError."""
    try:
        return open_or_start_afresh(cls, home)
    except StoreLockedError:
        return _read_only(cls, home, LOCKED)
    except StoreNotWritableError as exc:
        return _read_only(cls, home, f"{exc}; the notes are shown read-only")
    except CorruptStoreError as exc:
        if exc.backup is None:  # the second open failed too
            return _empty(cls, home, str(exc))
        info = store_file.backup_tables(notes_path(home))
        reason = (f"{exc}. Nothing can be saved until the backup is restored or moved "
                  "away; the notes shown are the backup's, read-only")
        if info is None:
            return _empty(cls, home, str(exc))
        return cls(notes_path(home), info, None, True, [], reason=reason, backup=exc.backup)
    except StoreError as exc:
        return _read_only(cls, home, f"{exc}; nothing can be saved")


def open_or_start_afresh(cls: type[NotesStore], home: Path) -> NotesStore:
    """The writable store; a damaged file set aside with no backup holding notes starts the
    new file, as the message says (that message first in `notices`). With a backup the
    CorruptStoreError stands: the user chooses to restore it or move it away."""
    try:
        return cls.open(home)
    except CorruptStoreError as exc:
        if exc.backup is not None or exc.moved_to is None:
            raise
        store = cls.open(home)
        store.notices.insert(0, str(exc))
        return store


def _read_only(cls: type[NotesStore], home: Path, reason: str) -> NotesStore:
    """What can be read of the notes, read-only, with the reason edits are off."""
    try:
        store = cls.open(home, read_only=True)
    except StoreError as exc:
        return _empty(cls, home, f"{reason} ({exc})")
    store.read_only_reason = reason
    return store


def _empty(cls: type[NotesStore], home: Path, reason: str) -> NotesStore:
    """An empty read-only store: nothing could be read, nothing will be written."""
    return cls(notes_path(home), empty_tables(now_iso()), None, True, [], reason=reason)


def restore_and_open(cls: type[NotesStore], home: Path) -> tuple[NotesStore, str]:
    """Put the backup back (taking the lock), then open as `open_for_app` does."""
    bak, moved = cls.restore_backup(home)
    message = f"Restored the notes from {bak.name}"
    if moved is not None:
        message += f"; the file it replaced is kept as {moved.name}"
    return open_for_app(cls, home), message
