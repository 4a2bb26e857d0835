"""One writer at a time: a non-blocking flock on a side file, freed when the process dies."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from reader.notes.errors import StoreLockedError


class StoreLock:
    """An exclusive lock on `<notes file>.lock`, held until `release()` or process exit."""

    def __init__(self, notes_file: Path) -> None:
        self.notes_file = notes_file
        """The notes file this lock guards."""
        self.path = notes_file.with_name(notes_file.name + ".lock")
        """The side file that carries the lock (never deleted: unlinking races)."""
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise StoreLockedError at once; never waits."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            # flock (not fcntl/lockf) locks the open file description, so a second open in
            # this same process conflicts too, and the kernel frees it when the process dies.
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_pid(fd)
            os.close(fd)
            raise StoreLockedError(self.notes_file, holder) from None
        except BaseException:
            os.close(fd)
            raise
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd

    def release(self) -> None:
        """Free the lock (idempotent)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._fd is not None


def _read_pid(fd: int) -> int | None:
    """The pid the holder wrote into the lock file, if readable."""
    try:
        raw = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        return int(raw) if raw.isdigit() else None
    except OSError:
        return None
