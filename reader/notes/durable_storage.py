"""A TinyDB storage that keeps the state in memory and writes every change atomically."""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from pathlib import Path
from typing import Any

from tinydb.storages import Storage
from tinydb.table import Table

from reader.notes import journal
from reader.notes.errors import ReadOnlyError, StoreError, StoreWriteError

Tables = dict[str, dict[str, dict[str, Any]]]
"""TinyDB's whole-database shape: table name -> document id (str) -> document."""

TEMP_MARK = ".tmp-"
"""Temp files are `<name>.tmp-<pid>-<hex>` in the same folder, so a crash leaves them findable."""

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


JOURNAL_MIN_BYTES = 1 << 20
"""The journal may always grow to 1 MiB (more: half the notes file) before a rewrite."""


def _write_all(fd: int, data: bytes) -> None:
    """os.write until every byte is written."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


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
        self._base: str | None = None  # journal.base_id of the file, learnt when needed
        self._journal_fd: int | None = None
        self._journal_size = 0
        self._journal_broken = False  # an append failed and could not be undone
        self.journal_limit: int | None = None
        """Bytes the journal may hold before the file is rewritten (None: the larger of
        JOURNAL_MIN_BYTES and half the file; 0: rewrite the file on every change)."""

    def write_changes(self, table: str, doc_ids: Iterable[str]) -> None:
        """Save the changed documents of one table (already changed in memory) durably.

        Appends one record to the journal and fsyncs it (see `reader.notes.journal`); when
        the journal has grown past half the notes file, rewrites the file instead. On
        failure the last saved state is restored in memory and StoreWriteError raised.
        """
        if self.read_only:
            raise ReadOnlyError(self.path)
        self._table_cache.pop(table, None)  # changed in place: its cached bytes are stale
        docs = self._tables.get(table, {})
        record = journal.change_record(table, {i: docs.get(i) for i in doc_ids})
        limit = self.journal_limit
        if limit is None:
            limit = max(JOURNAL_MIN_BYTES, (self._base_size() or 0) // 2)
        if self._journal_broken or self._journal_size + len(record) > limit:
            self.write(self._tables)
            return
        try:
            self._append(record)
        except OSError as exc:
            self._fail(exc)

    def _base_size(self) -> int | None:
        """Size of the notes file as last written (None before it is known)."""
        return int(self._base.split("-")[0]) if self._base else None

    def _append(self, record: bytes) -> None:
        """Append and fsync one record, creating the journal (with its header) first."""
        if self._journal_fd is None:
            from reader.corpus.decode import read_limited

            if self._base is None:
                self._base = journal.base_id(read_limited(self.path, 1 << 30))
            jpath = journal.journal_path(self.path)
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND | os.O_NOFOLLOW
            # We hold the lock and have no journal open: one on disk is stale (its changes
            # are in the file, see `reader.notes.store_file._replay`).
            jpath.unlink(missing_ok=True)
            fd = os.open(jpath, flags, 0o600)
            try:
                head = journal.header(self._base)
                _write_all(fd, head)
                os.fsync(fd)
                fsync_dir(self.path.parent)
            except BaseException:
                os.close(fd)
                jpath.unlink(missing_ok=True)
                raise
            self._journal_fd, self._journal_size = fd, len(head)
        try:
            _write_all(self._journal_fd, record)
            os.fsync(self._journal_fd)
        except BaseException:
            try:  # take back a partial record so that nothing follows it
                os.ftruncate(self._journal_fd, self._journal_size)
            except OSError:
                self._journal_broken = True
            raise
        self._journal_size += len(record)

    def _fail(self, exc: OSError) -> None:
        """After a failed save: memory goes back to what the disk holds; one-line error."""
        self._recover()
        reason = exc.strerror or str(exc)
        raise StoreWriteError(
            f"could not save notes to {self.path}: {reason}; the change was not saved"
        ) from exc

    def _drop_journal(self) -> None:
        """The notes file now holds everything: close and remove the journal."""
        if self._journal_fd is not None:
            os.close(self._journal_fd)
            self._journal_fd = None
        jpath = journal.journal_path(self.path)
        if jpath.exists():
            jpath.unlink()
            fsync_dir(self.path.parent)
        self._journal_size, self._journal_broken = 0, False

    def close(self) -> None:
        """Fold the journal into the notes file (best effort: the journal is durable too)."""
        if self._journal_fd is not None and not self.read_only:
            try:
                self.write(self._tables)
            except StoreError:
                pass
        if self._journal_fd is not None:
            os.close(self._journal_fd)
            self._journal_fd = None

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
            self._base = journal.base_id(payload)
            self._drop_journal()
        except OSError as exc:
            self._forget_journal()
            self._fail(exc)
        except BaseException:
            # TinyDB updates documents in place before calling write(), so memory may
            # already hold the change: go back to what the file holds.
            self._forget_journal()
            self._recover()
            raise
        self._tables = data

    def _forget_journal(self) -> None:
        """After a failed rewrite the file may be the old or the new one: append nothing to
        the open journal (its header may name the other) until a rewrite succeeds."""
        if self._journal_fd is not None:
            os.close(self._journal_fd)
            self._journal_fd = None
        self._base = None
        self._journal_broken = True

    def live_table(self, name: str) -> dict[str, dict[str, Any]]:
        """The in-memory documents of a table (created if missing), to change in place and
        then save with `write_changes`."""
        return self._tables.setdefault(name, {})

    def recover(self) -> None:
        """Reset memory to the file's content (after a failed or abandoned change)."""
        self._recover()

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


class _ChangeView(MutableMapping[int, dict[str, Any]]):
    """A table's documents by int id, as TinyDB's updaters expect, noting what they touch."""

    def __init__(self, raw: dict[str, dict[str, Any]]) -> None:
        self.raw = raw
        self.touched: list[str] = []

    def __getitem__(self, doc_id: int) -> dict[str, Any]:
        key = str(doc_id)
        doc = self.raw[key]
        self.touched.append(key)  # updaters change the document they fetch in place
        return doc

    def __setitem__(self, doc_id: int, doc: dict[str, Any]) -> None:
        self.raw[str(doc_id)] = doc
        self.touched.append(str(doc_id))

    def __delitem__(self, doc_id: int) -> None:
        del self.raw[str(doc_id)]
        self.touched.append(str(doc_id))

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self.raw

    def __iter__(self) -> Iterator[int]:
        return (int(k) for k in list(self.raw))

    def __len__(self) -> int:
        return len(self.raw)


class JournalTable(Table):
    """A TinyDB table whose writes save only the documents they change.

    TinyDB's own `_update_table` rebuilds the whole table dict twice and hands the storage
    the whole database on every write (87 ms per insert at 50,000 highlights, in memory
    alone); this one changes the documents in place and journals just those.
    """

    def _update_table(self, updater: Callable[[dict[int, Any]], None]) -> None:
        storage = self._storage
        if not isinstance(storage, DurableStorage):  # pragma: no cover - not used so
            super()._update_table(updater)
            return
        if storage.read_only:  # before anything changes in memory
            raise ReadOnlyError(storage.path)
        view = _ChangeView(storage.live_table(self.name))
        try:
            updater(view)  # type: ignore[arg-type]
        except BaseException:
            storage.recover()  # an updater that failed half-way leaves nothing behind
            raise
        storage.write_changes(self.name, dict.fromkeys(view.touched))
        self.clear_cache()
