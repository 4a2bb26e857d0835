"""Opening the index file: schema, version checks, and rebuilding a damaged or foreign file."""

from __future__ import annotations

import hashlib
import sqlite3
from functools import lru_cache
from pathlib import Path

SCHEMA_VERSION = 3
"""Bump when the tables change; an index of another version is rebuilt from the pages."""

INDEX_NAME = "library-index.sqlite3"

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE pages (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    issue_id TEXT NOT NULL,
    seed INTEGER NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    hash TEXT NOT NULL,
    parser TEXT NOT NULL,
    paper TEXT, date TEXT, date_inferred INTEGER NOT NULL, page INTEGER, section TEXT,
    n_articles INTEGER NOT NULL,
    furniture TEXT NOT NULL
);
CREATE INDEX pages_hash ON pages(hash);
CREATE INDEX pages_issue ON pages(issue_id);
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    kind TEXT NOT NULL, title TEXT NOT NULL, title_derived INTEGER NOT NULL,
    kicker TEXT, subtitle TEXT, byline TEXT, dateline TEXT, continued_from TEXT,
    chars INTEGER NOT NULL,
    hsk TEXT,
    words TEXT
);
-- The text apart from the metadata: listing a year of pages reads only small rows.
CREATE TABLE texts (
    rowid INTEGER PRIMARY KEY,
    paragraphs TEXT NOT NULL, captions TEXT NOT NULL, headings TEXT NOT NULL
);
CREATE INDEX articles_id ON articles(id);
CREATE INDEX articles_page ON articles(page_id);
CREATE VIRTUAL TABLE grams USING fts5(terms, content='', tokenize='ascii');
"""


class IndexDamaged(Exception):
    """The index file cannot be used as it is (it is rebuilt)."""


@lru_cache(maxsize=1)
def parser_version() -> str:
    """A stamp of the parser's source: any change to it re-parses every page."""
    import reader.corpus as corpus

    h = hashlib.sha1()
    folder = Path(corpus.__file__).parent
    for path in sorted(folder.glob("*.py")):
        if path.name != "library.py":
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def index_path(home: Path) -> Path:
    """Where the library index of a home folder lives."""
    return home / INDEX_NAME


def _connect(target: str) -> sqlite3.Connection:
    conn = sqlite3.connect(target, timeout=30, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _check(conn: sqlite3.Connection) -> None:
    """Raise IndexDamaged unless this is a readable index of our schema version."""
    try:
        rows = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        conn.execute("SELECT count(*) FROM pages").fetchone()
        conn.execute("SELECT max(rowid) FROM articles").fetchone()
    except sqlite3.DatabaseError as exc:
        raise IndexDamaged(str(exc)) from exc
    if rows.get("schema") != str(SCHEMA_VERSION) or rows.get("app") != "dubao-library":
        raise IndexDamaged(f"schema {rows.get('schema')!r}, expected {SCHEMA_VERSION}")


def _create(conn: sqlite3.Connection) -> None:
    conn.executescript(_SCHEMA)
    conn.executemany("INSERT INTO meta VALUES (?, ?)",
                     [("schema", str(SCHEMA_VERSION)), ("app", "dubao-library")])


def open_db(home: Path) -> sqlite3.Connection:
    """Open (creating or rebuilding as needed) the index of `home`.

    A file that is not a readable index of this schema is deleted (it is derived data, never
    the only copy of anything) and an empty index takes its place.
    When the home cannot be written the index lives in memory for this run.
    """
    path = index_path(home)
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError:
        conn = _connect(":memory:")
        _create(conn)
        return conn
    for _attempt in range(2):
        try:
            conn = _connect(str(path))
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")  # derived data: rebuilt, not fsynced
        except sqlite3.DatabaseError:
            discard_index(path)
            continue
        try:
            _check(conn)
            return conn
        except IndexDamaged:
            fresh = _is_empty(conn)
            if fresh:
                try:
                    _create(conn)
                    return conn
                except sqlite3.DatabaseError:  # a full or read-only disk: in memory instead
                    conn.close()
                    discard_index(path)
                    break
            conn.close()
            discard_index(path)
    conn = _connect(":memory:")
    _create(conn)
    return conn


def _is_empty(conn: sqlite3.Connection) -> bool:
    try:
        return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    except sqlite3.DatabaseError:
        return False


def discard_index(path: Path) -> None:
    """Delete an unusable index (with its WAL and shared-memory files): it is derived data."""
    for suffix in ("-wal", "-shm", ""):
        try:
            Path(str(path) + suffix).unlink(missing_ok=True)
        except OSError:
            pass
