"""Errors of the notes store, each a one-line message the CLI and the UI can show as is."""

from __future__ import annotations

import errno
from pathlib import Path

from reader.errors import InputError, ReaderError


class StoreError(ReaderError):
    """Any failure of the notes store; exit status 1."""


NOT_WRITABLE = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})
"""errno values that mean "this folder cannot be written" (not a full disk or an I/O error)."""


class StoreNotWritableError(StoreError):
    """The notes folder is read-only or not ours to write: the notes can only be read."""


class StoreLockedError(StoreError):
    """Another running Dubao holds the store; this one may open it read-only."""

    def __init__(self, path: Path, holder_pid: int | None) -> None:
        who = f" (process {holder_pid})" if holder_pid else ""
        super().__init__(
            f"{path} is in use by another running Dubao{who}; close it first, "
            "or open the notes read-only"
        )
        self.path = path
        """The notes file that is locked."""
        self.holder_pid = holder_pid
        """Process id written by the holder of the lock, when known."""


class ReadOnlyError(StoreError):
    """A write was attempted on a store opened read-only."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is open read-only here; nothing was changed")


class StoreWriteError(StoreError):
    """Saving failed (disk full, permission, I/O error); the last saved state is kept."""


class CorruptStoreError(StoreError):
    """The notes file cannot be used as it is; it was set aside, never overwritten."""

    def __init__(
        self, message: str, moved_to: Path | None = None, backup: Path | None = None
    ) -> None:
        super().__init__(message)
        self.moved_to = moved_to
        """Where the unreadable file was moved (None when it was left in place)."""
        self.backup = backup
        """The last good backup that can be restored, when there is one."""


class NewerSchemaError(StoreError):
    """The file was written by a newer Dubao whose format this one does not know."""


class UnknownIdError(InputError):
    """No highlight, word or glossary term has this id; exit status 2."""


__all__ = [
    "CorruptStoreError",
    "InputError",
    "NewerSchemaError",
    "ReadOnlyError",
    "StoreError",
    "StoreLockedError",
    "StoreNotWritableError",
    "StoreWriteError",
    "UnknownIdError",
]
