"""A TinyDB storage that keeps the state in memory and writes every change atomically."""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from reader.notes.errors import ReadOnlyError, StoreWriteError

Tables = dict[str, dict[str, dict[str, Any]]]
"""TinyDB's whole-database shape: table name -> document id (str) -> document."""

TEMP_MARK = ".tmp-"
"""Temp files are `<name>.tmp-<pid>-<hex>` in the same folder, so a crash leaves them findable."""

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries to disk so a rename in it survives a power cut."""
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def probe_writable(folder: Path) -> None:
    """Raise the OSError a save would meet when files cannot be created in `folder`."""
    probe = folder / f".{TEMP_MARK.strip('.-')}-probe-{os.getpid()}-{secrets.token_hex(4)}"
    fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    os.close(fd)
    probe.unlink()


def atomic_write(path: Path, payload: bytes) -> None:
    """Replace `path` with `payload` so that a crash leaves either the old or the new file.

    Writes a temp file in the same folder, fsyncs it, renames it over `path` and fsyncs the
    folder. On any failure the temp file is removed and the OSError propagates; the old
    file is untouched unless the failure came after the rename (only the folder sync).
    """
    tmp = path.with_name(f"{path.name}{TEMP_MARK}{os.getpid()}-{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        try:
            view = memoryview(payload)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise
    fsync_dir(path.parent)


def remove_stray_temps(path: Path) -> list[Path]:
    """Delete temp files a crashed writer left next to `path`; return what was removed."""
    removed = []
    for stray in path.parent.glob(f"{path.name}{TEMP_MARK}*"):
        try:
            stray.unlink()
            removed.append(stray)
        except OSError:
            pass
    return removed


class DurableStorage(Storage):
    """TinyDB storage: reads come from memory, each write goes through to disk atomically.

    This process is the only writer (the store holds a lock), so the parsed state can stay
    in memory: TinyDB calls `read()` before every operation, and re-parsing the file each
    time would cost ~100 ms at 10,000 documents. Serialised documents are cached and reused
    while unchanged, so one change costs one compare per document, not one dump.
    """

    def __init__(
        self,
        path: Path,
        tables: Tables,
        reload: Callable[[], Tables],
        read_only: bool = False,
    ) -> None:
        super().__init__()
        self.path = path
        """The notes file written through."""
        self.read_only = read_only
        """When True every write raises ReadOnlyError."""
        self._tables = tables
        self._reload = reload
        self._doc_cache: dict[str, dict[str, tuple[dict[str, Any], bytes]]] = {}
        self._table_cache: dict[str, tuple[dict[str, Any], bytes]] = {}

    def read(self) -> Tables:
        """The in-memory state; a shallow copy so a failed write cannot leak into it."""
        return dict(self._tables)

    def write(self, data: Tables) -> None:
        """Serialise and durably replace the file; on failure restore the last saved state."""
        if self.read_only:
            raise ReadOnlyError(self.path)
        try:
            payload = self.serialize(data)
            atomic_write(self.path, payload)
        except OSError as exc:
            self._recover()
            reason = exc.strerror or str(exc)
            raise StoreWriteError(
                f"could not save notes to {self.path}: {reason}; the change was not saved"
            ) from exc
        except BaseException:
            # TinyDB updates documents in place before calling write(), so memory may
            # already hold the change: go back to what the file holds.
            self._recover()
            raise
        self._tables = data

    def _recover(self) -> None:
        """Reset memory to the file's content after a failed write."""
        self._doc_cache.clear()
        self._table_cache.clear()
        self._tables = self._reload()

    def serialize(self, data: Tables) -> bytes:
        """TinyDB's JSON for `data`, reusing cached bytes of unchanged tables and documents."""
        parts = []
        for name, table in data.items():
            cached = self._table_cache.get(name)
            if cached is not None and cached[0] is table and table is self._tables.get(name):
                # TinyDB builds a new dict for the table it changes; any other table object
                # is the very one last written, documents included.
                body = cached[1]
            else:
                body = self._serialize_table(name, table)
                self._table_cache[name] = (table, body)
            parts.append(_dumps(name).encode("utf-8") + b":" + body)
        return b"{" + b",".join(parts) + b"}"

    def _serialize_table(self, name: str, table: dict[str, Any]) -> bytes:
        """One table as JSON bytes, with a per-document cache checked by equality."""
        old = self._doc_cache.get(name, {})
        new: dict[str, tuple[dict[str, Any], bytes]] = {}
        for doc_id, doc in table.items():
            hit = old.get(doc_id)
            if hit is None or hit[0] != doc:
                # A snapshot, not the live dict: TinyDB mutates documents in place.
                text = _dumps(doc)
                snapshot = dict(doc)
                if any(isinstance(v, list | dict) for v in snapshot.values()):
                    snapshot = json.loads(text)  # nested values need a deep copy
                hit = (snapshot, f"{_dumps(doc_id)}:{text}".encode())
            new[doc_id] = hit
        self._doc_cache[name] = new
        return b"{" + b",".join([hit[1] for hit in new.values()]) + b"}"
