"""Opening the notes file safely: backups, corrupt files set aside, migrations, restore."""

from __future__ import annotations

import time
from pathlib import Path

from reader.corpus.decode import read_limited
from reader.notes import journal
from reader.notes.durable_storage import Tables, atomic_write, fsync_dir, remove_stray_temps
from reader.notes.errors import CorruptStoreError, NewerSchemaError, StoreError
from reader.notes.schema import (
    FIELDS,
    SCHEMA_VERSION,
    ShapeError,
    check_fields,
    describe,
    document_count,
    empty_tables,
    migrate,
    parse_bytes,
    schema_version,
)

MAX_NOTES_BYTES = 1 << 30
"""Largest notes file read (1 GiB; 50,000 highlights take about 25 MB)."""

RESTORE_HINT = "run `reader notes --restore-backup` to restore it"
"""How the CLI restores the backup; the UI offers the same through `restore_backup`."""


def backup_path(path: Path) -> Path:
    """The last good copy, refreshed after each successful load: `notes.json.bak`."""
    return path.with_name(path.name + ".bak")


def aside_path(path: Path, label: str) -> Path:
    """A fresh name like `notes.json.corrupt-20250101T120000Z` that does not exist yet."""
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    candidate = path.with_name(f"{path.name}.{label}-{stamp}")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.{label}-{stamp}-{n}")
    return candidate


def encode(tables: Tables) -> bytes:
    """Serialise tables the way the storage does (compact UTF-8 JSON)."""
    import json

    return json.dumps(tables, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def read_tables(path: Path) -> tuple[bytes, Tables, int]:
    """Read and parse a notes file: (raw bytes, tables, schema version); ShapeError if bad."""
    raw = read_limited(path, MAX_NOTES_BYTES)
    tables = parse_bytes(raw)
    return raw, tables, schema_version(tables)


def _replay(path: Path, raw: bytes, tables: Tables, notices: list[str] | None) -> bool:
    """Apply the journal of `path` (read as `raw`) to `tables`; True when there was one.

    A writer passes `notices`: a journal that belongs to another content of the file (it
    was replaced, or restored) or holds damaged records is then kept aside and said so; a
    reader only skips what does not apply.
    """
    jpath = journal.journal_path(path)
    try:
        jraw = read_limited(jpath, MAX_NOTES_BYTES)
    except FileNotFoundError:
        return False
    parsed = journal.parse(jraw)
    if parsed.base != journal.base_id(raw):
        # Either a crash fell between a rewrite and the journal's removal (the file then
        # holds every change already), or the file was replaced under the journal.
        if notices is not None and journal.changes_anything(tables, parsed.records):
            target = aside_path(jpath, "unmatched")
            jpath.rename(target)
            notices.append(f"{jpath.name} held changes made to another {path.name}; they "
                           f"were not applied and are kept in {target.name}")
        return True
    journal.apply(tables, parsed.records)
    damaged = parsed.bad - parsed.torn_tail
    if notices is not None and damaged:
        target = aside_path(jpath, "damaged")
        jpath.rename(target)
        notices.append(f"{damaged} damaged change(s) in {jpath.name} were skipped; the "
                       f"journal is kept as {target.name}")
    return True


def _fold_journal(path: Path, tables: Tables) -> bytes:
    """Rewrite the notes file with the journal's changes in it, then drop the journal."""
    raw = encode(tables)
    atomic_write(path, raw)
    journal.journal_path(path).unlink(missing_ok=True)
    fsync_dir(path.parent)
    return raw


def _backup_info(path: Path) -> tuple[Path, Tables] | None:
    """The backup and its tables when it exists and is readable in a known version."""
    bak = backup_path(path)
    try:
        _raw, tables, version = read_tables(bak)
        if version > SCHEMA_VERSION:
            return None
        if version:
            tables = migrate(tables, version)
    except (OSError, ShapeError):
        return None
    return bak, tables


def backup_tables(path: Path) -> Tables | None:
    """The backup's tables (migrated to the current format), or None when unusable."""
    info = _backup_info(path)
    return None if info is None else info[1]


def _offer_backup(path: Path) -> tuple[str, Path | None]:
    """The sentence offering the backup, and its path (or a note that there is none)."""
    info = _backup_info(path)
    if info is None or not document_count(info[1]):
        return "there is no usable backup", None
    bak, tables = info
    saved = time.strftime("%Y-%m-%d %H:%M", time.localtime(bak.stat().st_mtime))
    return f"the backup {bak.name} ({describe(tables)}, saved {saved}) is kept: {RESTORE_HINT}", bak


def _set_aside(path: Path, reason: str) -> CorruptStoreError:
    """Move an unusable file aside (never overwrite it) and build the error to raise."""
    target = aside_path(path, "corrupt")
    path.rename(target)
    jpath = journal.journal_path(path)
    if jpath.exists():  # the journal belongs with the file it extends
        jpath.rename(target.with_name(target.name + ".journal"))
    offer, bak = _offer_backup(path)
    start = "" if bak is not None else " and a new file will be started"
    return CorruptStoreError(
        f"{path} could not be read ({reason}); it was moved to {target.name}{start}; {offer}",
        moved_to=target,
        backup=bak,
    )


def load_for_writing(path: Path, now: str) -> tuple[Tables, list[str]]:
    """Load (or create) the notes file for the single writer, who holds the lock.

    Returns the tables and notices for the user. Raises CorruptStoreError after moving an
    unusable file aside, NewerSchemaError for a file from a newer Dubao.
    """
    notices: list[str] = []
    path.parent.mkdir(parents=True, exist_ok=True)
    for stray in remove_stray_temps(path) + remove_stray_temps(backup_path(path)):
        notices.append(f"removed {stray.name}, left by an interrupted save")
    if not path.exists():
        return _create(path, now, notices), notices
    try:
        raw, tables, version = read_tables(path)
        had_journal = _replay(path, raw, tables, notices)
    except ShapeError as exc:
        raise _set_aside(path, str(exc)) from None
    except OSError as exc:
        raise StoreError(f"cannot read {exc.filename or path}: {exc.strerror or exc}") from exc
    if version == 0:
        info = _backup_info(path)
        if info is not None and document_count(info[1]):
            raise _set_aside(path, "the file is empty but notes existed")
        return _create(path, now, notices), notices
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"{path} was written by a newer Dubao (format {version}; this one knows up to "
            f"{SCHEMA_VERSION}); update Dubao to open it. Nothing was changed"
        )
    if version < SCHEMA_VERSION:
        keep = aside_path(path, f"v{version}")
        atomic_write(keep, encode(tables) if had_journal else raw)
        try:
            tables = migrate(tables, version)
        except ShapeError as exc:
            raise _set_aside(path, f"format {version}: {exc}") from None
        raw = encode(tables)
        atomic_write(path, raw)
        notices.append(f"notes upgraded from format {version} to {SCHEMA_VERSION}; "
                       f"the old file is kept as {keep.name}")
    else:
        try:
            check_fields(tables, FIELDS)
        except ShapeError as exc:
            raise _set_aside(path, str(exc)) from None
    if had_journal:
        raw = _fold_journal(path, tables)
    _refresh_backup(path, raw, notices)
    return tables, notices


def _create(path: Path, now: str, notices: list[str]) -> Tables:
    """Start a new notes file, unless a backup still holds the user's notes."""
    info = _backup_info(path)
    bak = backup_path(path)
    if info is not None and document_count(info[1]):
        raise CorruptStoreError(
            f"{path} is missing but {bak.name} holds {describe(info[1])}; {RESTORE_HINT}, "
            f"or move {bak.name} away to start afresh",
            backup=bak,
        )
    if info is None and bak.exists():
        target = aside_path(bak, "corrupt")
        bak.rename(target)
        notices.append(f"the unreadable backup was moved to {target.name}")
    tables = empty_tables(now)
    raw = encode(tables)
    atomic_write(path, raw)
    _refresh_backup(path, raw, notices)
    return tables


def _refresh_backup(path: Path, raw: bytes, notices: list[str]) -> None:
    """Write the just-loaded content as the backup; a failure only costs a notice."""
    try:
        atomic_write(backup_path(path), raw)
    except OSError as exc:
        notices.append(f"could not refresh {backup_path(path).name}: {exc.strerror or exc}")


def load_read_only(path: Path, now: str) -> Tables:
    """Load the notes without the lock and without writing anything (for a second window)."""
    if not path.exists():
        return empty_tables(now)
    try:
        raw, tables, version = read_tables(path)
        _replay(path, raw, tables, None)
        if version == 0:
            return empty_tables(now)
        if version > SCHEMA_VERSION:
            raise NewerSchemaError(
                f"{path} was written by a newer Dubao (format {version}); update Dubao"
            )
        return migrate(tables, version)
    except ShapeError as exc:
        raise CorruptStoreError(
            f"{path} could not be read ({exc}); open the notes normally to set it aside"
        ) from None
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror or exc}") from exc


def reload_tables(path: Path) -> Tables:
    """Re-read the file after a failed write (it holds the last saved state)."""
    try:
        raw, tables, version = read_tables(path)
        _replay(path, raw, tables, None)
        return migrate(tables, version) if version else tables
    except (OSError, ShapeError) as exc:
        raise StoreError(f"cannot re-read {path} after a failed save: {exc}") from exc


def restore_backup(path: Path) -> tuple[Path, Path | None]:
    """Put the backup back as the notes file; the current file, if any, is moved aside.

    The caller holds the lock. Returns (backup used, where the replaced file went).
    """
    info = _backup_info(path)
    bak = backup_path(path)
    if info is None:
        raise StoreError(f"there is no usable backup {bak.name} to restore")
    moved = None
    if path.exists():
        moved = aside_path(path, "before-restore")
        path.rename(moved)
    jpath = journal.journal_path(path)
    if jpath.exists():  # it extends the replaced file, not the backup
        jpath.rename(aside_path(jpath, "before-restore") if moved is None
                     else moved.with_name(moved.name + ".journal"))
    atomic_write(path, read_limited(bak, MAX_NOTES_BYTES))
    return bak, moved
