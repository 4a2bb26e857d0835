"""One writer at a time: a non-blocking flock on a side file, freed when the process dies."""

from __future__ import annotations

import errno
import fcntl
import os
import stat
from pathlib import Path

from reader.notes.errors import StoreError, StoreLockedError


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
        # O_NOFOLLOW: a lock file replaced by a symlink must not lead the pid write (or the
        # lock) to whatever file it points at.
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK,
                         0o600)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise StoreError(f"{self.path} is a symbolic link; remove it (Dubao makes "
                                 "its own lock file)") from None
            raise
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode) or st.st_nlink != 1:
                # A FIFO, a device or a hard link to another file: never write into it.
                raise StoreError(f"{self.path} is not a plain lock file; remove it (Dubao "
                                 "makes its own)")
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
        if st.st_uid != os.geteuid():
            self._fd = fd  # someone else's file: lock it, but write nothing into it
            return
        try:
            # The file is ours (a plain file with one name, in our folder): the pid is a hint
            # for the "in use" message; failing to write it costs nothing.
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        except OSError:
            pass
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
