"""The notes file's format: parsing, shape checks per schema version, and migrations."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable

from reader.notes.durable_storage import Tables

SCHEMA_VERSION = 3
"""The format this code writes. Version 1 is the prototype format (see `migrate_1_to_2`);
version 3 adds word statuses, review cards, the review log and settings (`migrate_2_to_3`)."""

TABLES = ("meta", "highlights", "words", "progress", "glossary", "statuses", "cards", "reviews",
          "settings")
"""Tables of the current format; unknown tables are kept as they are."""

_STR = (str,)
_OPT_STR = (str, type(None))
_INT = (int,)
_OPT_INT = (int, type(None))

FIELDS: dict[str, dict[str, tuple[type, ...]]] = {
    "meta": {"schema_version": _INT},
    "highlights": {
        "id": _STR, "issue_id": _STR, "article_id": _STR, "start": _INT, "end": _INT,
        "quote": _STR, "prefix": _STR, "suffix": _STR, "color": _STR, "note": _OPT_STR,
        "created": _STR, "updated": _STR,
    },
    "words": {
        "id": _STR, "word": _STR, "pinyin": _STR, "definition": _STR, "sentence": _STR,
        "article_id": _STR, "issue_id": _STR, "traditional": _OPT_STR, "hsk": _OPT_INT,
        "note": _OPT_STR, "created": _STR, "updated": _STR,
    },
    "progress": {"article_id": _STR, "offset": _INT, "read": (bool,), "updated": _STR},
    "glossary": {
        "word": _STR, "pinyin": _STR, "definitions": (list,), "kind": _OPT_STR,
        "created": _STR, "updated": _STR,
    },
}

LEARNING_FIELDS: dict[str, dict[str, tuple[type, ...]]] = {
    "statuses": {"word": _STR, "status": _STR, "updated": _STR},
    "cards": {
        "word": _STR, "card_id": _INT, "state": _INT, "step": _OPT_INT,
        "stability": (float, int, type(None)), "difficulty": (float, int, type(None)),
        "due": _STR, "last_review": _OPT_STR, "updated": _STR,
    },
    "reviews": {"id": _STR, "word": _STR, "rating": _INT, "reviewed": _STR},
    "settings": {"key": _STR, "updated": _STR},
}
"""Tables added by version 3 (reader.learning owns their meaning)."""

V2_FIELDS = dict(FIELDS)
"""The version 2 format: the tables before the learning ones."""

FIELDS = {**FIELDS, **LEARNING_FIELDS}
"""Required fields and their types per table in the current format."""

V1_FIELDS: dict[str, dict[str, tuple[type, ...]]] = {
    "meta": {"schema_version": _INT},
    "highlights": {
        "issue_id": _STR, "article_id": _STR, "start": _INT, "end": _INT, "text": _STR,
        "color": _STR, "note": _OPT_STR, "created": _STR,
    },
    "words": {
        "word": _STR, "pinyin": _STR, "definition": _STR, "sentence": _STR,
        "article_id": _STR, "issue_id": _STR, "created": _STR,
    },
    "progress": {"article_id": _STR, "offset": _INT, "read": (bool,)},
}
"""The version 1 format, kept to check a file before migrating it."""


class ShapeError(ValueError):
    """The file's content is not a notes database (the message says why, in a few words)."""


def parse_bytes(raw: bytes) -> Tables:
    """Decode and parse the file's bytes into TinyDB tables, or raise ShapeError."""
    if not raw.strip():
        raise ShapeError("the file is empty" if not raw else "the file holds only blanks")
    try:
        # utf-8-sig: a BOM added by an editor does not make the data unreadable.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ShapeError(f"the file is not UTF-8 text (bad byte at {exc.start})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ShapeError(f"the file is not valid JSON ({exc.msg}, line {exc.lineno})") from None
    except RecursionError:
        raise ShapeError("the file nests JSON too deeply to be a notes database") from None
    except (ValueError, OverflowError, MemoryError) as exc:
        # e.g. a number with more digits than Python converts: any parse failure means
        # the file is damaged, never a crash.
        raise ShapeError(f"the file is not valid JSON ({str(exc)[:80]})") from None
    if not isinstance(data, dict):
        raise ShapeError(f"the file holds a JSON {type(data).__name__}, not a notes database")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise ShapeError(f"table {name!r} is not a JSON object")
        for doc_id, doc in table.items():
            if not doc_id.isdigit() or not isinstance(doc, dict):
                raise ShapeError(f"table {name!r} has a malformed entry {doc_id!r}")
    return data


def schema_version(tables: Tables) -> int:
    """The file's schema version; 0 for an empty TinyDB file (`{}`)."""
    if not tables:
        return 0
    meta = tables.get("meta")
    if not meta:
        raise ShapeError("the file has no `meta` table with a schema version")
    doc = next(iter(meta.values()))
    version = doc.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ShapeError("the `meta` table has no valid schema_version")
    return version


def check_fields(tables: Tables, fields: dict[str, dict[str, tuple[type, ...]]]) -> None:
    """Raise ShapeError when a document lacks a required field or has a wrong type."""
    for name, required in fields.items():
        for doc_id, doc in tables.get(name, {}).items():
            for key, types in required.items():
                value = doc.get(key, _MISSING)
                if value is _MISSING:
                    raise ShapeError(f"{name} entry {doc_id} has no {key!r}")
                if not isinstance(value, types) or (
                    isinstance(value, bool) and bool not in types
                ):
                    raise ShapeError(f"{name} entry {doc_id} has a bad {key!r}")


_MISSING = object()


def new_id(prefix: str) -> str:
    """A fresh record id like `h-1a2b3c4d` (32 random bits; collisions are re-drawn)."""
    return f"{prefix}-{secrets.token_hex(4)}"


def empty_tables(created: str) -> Tables:
    """The content of a brand-new notes file."""
    tables: Tables = {name: {} for name in TABLES}
    tables["meta"] = {"1": {"schema_version": SCHEMA_VERSION, "created": created}}
    return tables


def migrate_1_to_2(tables: Tables) -> Tables:
    """v1 -> v2: `text` becomes `quote` with (empty) context, records get ids and `updated`.

    Version 1 kept no context around a quote; re-anchoring then relies on the offsets and
    the quote alone until the highlight is saved again.
    """
    out: Tables = {k: v for k, v in tables.items() if k not in ("highlights", "words")}
    out["highlights"] = {}
    for doc_id, doc in tables.get("highlights", {}).items():
        new = {k: v for k, v in doc.items() if k != "text"}
        new.update(
            id=new_id("h"), quote=doc["text"], prefix="", suffix="",
            updated=doc["created"],
        )
        out["highlights"][doc_id] = new
    out["words"] = {}
    for doc_id, doc in tables.get("words", {}).items():
        new = dict(doc)
        new.update(id=new_id("w"), traditional=None, hsk=None, note=None,
                   updated=doc["created"])
        out["words"][doc_id] = new
    out["progress"] = {
        doc_id: {**doc, "updated": doc.get("updated", "")}
        for doc_id, doc in tables.get("progress", {}).items()
    }
    out.setdefault("glossary", {})
    meta_id = next(iter(out["meta"]))
    out["meta"] = {meta_id: {**out["meta"][meta_id], "schema_version": 2}}
    return out


def migrate_2_to_3(tables: Tables) -> Tables:
    """v2 -> v3: empty tables for word statuses, review cards, the review log and settings."""
    out: Tables = dict(tables)
    for name in LEARNING_FIELDS:
        out.setdefault(name, {})
    meta_id = next(iter(out["meta"]))
    out["meta"] = {meta_id: {**out["meta"][meta_id], "schema_version": 3}}
    return out


MIGRATIONS: dict[int, tuple[dict[str, dict[str, tuple[type, ...]]], Callable[[Tables], Tables]]]
MIGRATIONS = {1: (V1_FIELDS, migrate_1_to_2), 2: (V2_FIELDS, migrate_2_to_3)}
"""From-version -> (the fields that version requires, the step to the next version)."""


def migrate(tables: Tables, version: int) -> Tables:
    """Bring tables of an older `version` up to SCHEMA_VERSION, checking each step."""
    while version < SCHEMA_VERSION:
        fields, step = MIGRATIONS[version]
        check_fields(tables, fields)
        tables = step(tables)
        version += 1
    check_fields(tables, FIELDS)
    return tables


def document_count(tables: Tables) -> int:
    """How many user records (all tables but meta) the tables hold."""
    return sum(len(t) for name, t in tables.items() if name != "meta")


def describe(tables: Tables) -> str:
    """A short summary like `12 highlights, 3 words` for messages."""
    parts = []
    for name in ("highlights", "words", "glossary"):
        n = len(tables.get(name, {}))
        if n:
            parts.append(f"{n} {name if n != 1 else name.rstrip('s')}")
    return ", ".join(parts) or "no notes"

