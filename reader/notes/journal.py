"""The notes journal: single-document changes appended to `notes.json.journal` between rewrites.

Rewriting the whole notes file on every change costs time in proportion to the notes
(144 ms at 50,000 highlights), so a change is appended to a side file instead and fsynced;
the notes file is rewritten (and the journal removed) when the journal grows past half the
file, when the store is closed and when it is opened for writing. The journal is a storage
detail: the notes file keeps TinyDB's format and a file without a journal reads as before.

Format: lines, each `<crc32 hex> <compact JSON>`. The first record names the notes file it
extends (`{"base": "<size>-<crc32>"}`); every other record holds whole documents, `{"t":
{table: {doc_id: document or null}}}` (null: removed). Each record starts with a newline,
so a record torn by a crash can never join the next one, and replay skips any line whose
checksum fails: such a record was never acknowledged (the write returns after the fsync).
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Tables = dict[str, dict[str, dict[str, Any]]]

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def journal_path(path: Path) -> Path:
    """The journal of the notes file `path`: `notes.json.journal`."""
    return path.with_name(path.name + ".journal")


def base_id(raw: bytes) -> str:
    """Names one content of the notes file (size and CRC-32), to tie a journal to it."""
    return f"{len(raw)}-{zlib.crc32(raw):08x}"


def frame(obj: dict[str, Any]) -> bytes:
    """One record: a newline, the CRC-32 of the JSON, a space, the JSON."""
    body = _dumps(obj).encode("utf-8")
    return b"\n%08x %s" % (zlib.crc32(body), body)


def header(base: str) -> bytes:
    """The first record of a journal extending the notes file named by `base`."""
    return frame({"base": base})


def change_record(table: str, docs: dict[str, dict[str, Any] | None]) -> bytes:
    """A record setting (or, with None, removing) whole documents of one table."""
    return frame({"t": {table: docs}})


@dataclass
class Journal:
    """A parsed journal: the base it extends, its change records, lines that failed."""

    base: str | None = None
    records: list[dict[str, dict[str, Any]]] = field(default_factory=list)
    bad: int = 0
    """Lines with a wrong checksum or shape (a torn last record, or damage)."""
    torn_tail: bool = False
    """The last line is one of the bad ones: a write that a crash cut short."""


def parse(raw: bytes) -> Journal:
    """Parse a journal's bytes, keeping every record whose checksum and shape are right."""
    out = Journal()
    for line in raw.split(b"\n"):
        if not line:
            continue
        out.torn_tail = False
        crc, _, body = line.partition(b" ")
        try:
            if int(crc, 16) != zlib.crc32(body):
                raise ValueError("checksum")
            obj = json.loads(body)
        except (ValueError, RecursionError):
            out.bad += 1
            out.torn_tail = True
            continue
        if out.base is None and isinstance(obj, dict) and isinstance(obj.get("base"), str):
            out.base = obj["base"]
        elif _is_change(obj) and out.base is not None:
            out.records.append(obj["t"])
        else:
            out.bad += 1
    return out


def _is_change(obj: object) -> bool:
    """True for `{"t": {table: {digits: dict or None}}}`."""
    if not isinstance(obj, dict) or not isinstance(obj.get("t"), dict):
        return False
    return all(
        isinstance(docs, dict) and all(
            isinstance(k, str) and k.isdigit() and (v is None or isinstance(v, dict))
            for k, v in docs.items())
        for docs in obj["t"].values())


def apply(tables: Tables, records: list[dict[str, dict[str, Any]]]) -> None:
    """Replay change records onto tables, in order (idempotent: records hold whole docs)."""
    for record in records:
        for name, docs in record.items():
            table = tables.setdefault(name, {})
            for doc_id, doc in docs.items():
                if doc is None:
                    table.pop(doc_id, None)
                else:
                    table[doc_id] = doc


def changes_anything(tables: Tables, records: list[dict[str, dict[str, Any]]]) -> bool:
    """Would replaying `records` change `tables`? (False: the file already holds them.)"""
    final: dict[tuple[str, str], dict[str, Any] | None] = {}
    for record in records:
        for name, docs in record.items():
            for doc_id, doc in docs.items():
                final[(name, doc_id)] = doc
    return any(tables.get(name, {}).get(doc_id) != doc for (name, doc_id), doc in final.items())
