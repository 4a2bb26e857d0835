"""Keeping the index in step with the page files: parse what is new or changed, drop the gone."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader.corpus.model import Article, Issue
from reader.index.db import parser_version
from reader.index.grams import index_terms

Progress = Callable[[int, int], None]
"""Called with (pages done, pages to parse) while pages are (re-)parsed."""


def content_hash(text: str) -> str:
    """The content hash of a page's decoded text (duplicates are found by it)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class SyncReport:
    """What one pass over the page files did."""

    parsed: int = 0
    removed: int = 0
    refused: list[tuple[Path, str]] = field(default_factory=list)


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def sync(conn: sqlite3.Connection, sources: Iterable[tuple[Path, bool]],
         progress: Progress | None = None) -> SyncReport:
    """Bring the index in line with `(path, is_seed)` files: parse new, changed or stale pages."""
    from reader.corpus.library import parse_path

    report = SyncReport()
    version = parser_version()
    known = {row[0]: row[1:] for row in conn.execute(
        "SELECT path, id, size, mtime_ns, parser, hash FROM pages")}
    todo: list[tuple[Path, bool, tuple | None, int, int]] = []
    seen: set[str] = set()
    for path, seed in sources:
        key = str(path)
        seen.add(key)
        try:
            st = path.stat()
        except OSError:
            continue
        row = known.get(key)
        if row is not None and row[1] == st.st_size and row[2] == st.st_mtime_ns \
                and row[3] == version:
            continue
        todo.append((path, seed, row, st.st_size, st.st_mtime_ns))
    gone = [row[0] for key, row in known.items() if key not in seen]
    if gone:
        with _transaction(conn):
            for page_id in gone:
                delete_page(conn, page_id)
        report.removed = len(gone)
    for done, (path, seed, row, size, mtime) in enumerate(todo):
        if progress is not None:
            progress(done, len(todo))
        try:
            issue, text = parse_path(path)
        except Exception as exc:  # a bad file in the library is reported, never fatal
            report.refused.append((path, str(exc)))
            if row is not None:
                with _transaction(conn):
                    delete_page(conn, row[0])
            continue
        digest = content_hash(text)
        with _transaction(conn):
            if row is not None and row[4] == digest and row[3] == version:
                conn.execute("UPDATE pages SET size = ?, mtime_ns = ? WHERE id = ?",
                             (size, mtime, row[0]))
                continue
            if row is not None:
                delete_page(conn, row[0])
            store_page(conn, path, seed, size, mtime, digest, issue)
        report.parsed += 1
    if progress is not None and todo:
        progress(len(todo), len(todo))
    return report


class _transaction:
    """BEGIN IMMEDIATE ... COMMIT (ROLLBACK on error) on an autocommit connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *_: object) -> None:
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")


def transaction(conn: sqlite3.Connection) -> _transaction:
    """A write transaction taken at once (so two writers never deadlock)."""
    return _transaction(conn)


def store_page(conn: sqlite3.Connection, path: Path, seed: bool, size: int, mtime: int,
               digest: str, issue: Issue) -> int:
    """Insert one parsed page with its articles and their search terms; return its row id."""
    cur = conn.execute(
        "INSERT INTO pages (path, issue_id, seed, size, mtime_ns, hash, parser, paper, date,"
        " date_inferred, page, section, n_articles, furniture)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (str(path), issue.id, int(seed), size, mtime, digest, parser_version(), issue.paper,
         issue.date, int(issue.date_inferred), issue.page, issue.section, len(issue.articles),
         _dumps(list(issue.furniture))))
    page_id = int(cur.lastrowid or 0)
    for n, art in enumerate(issue.articles):
        cur = conn.execute(
            "INSERT INTO articles (id, page_id, ord, kind, title, title_derived, kicker,"
            " subtitle, byline, dateline, continued_from, chars)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (art.id, page_id, n, art.kind, art.title, int(art.title_derived), art.kicker,
             art.subtitle, art.byline, art.dateline, art.continued_from, art.length))
        conn.execute("INSERT INTO texts VALUES (?, ?, ?, ?)",
                     (cur.lastrowid, _dumps(list(art.paragraphs)), _dumps(list(art.captions)),
                      _dumps(list(art.headings))))
        conn.execute("INSERT INTO grams (rowid, terms) VALUES (?, ?)",
                     (cur.lastrowid, index_terms(art.text)))
    return page_id


def delete_page(conn: sqlite3.Connection, page_id: int) -> None:
    """Remove a page, its articles and their search terms (inside a transaction)."""
    rows = conn.execute("SELECT a.rowid, t.paragraphs FROM articles a JOIN texts t"
                        " ON t.rowid = a.rowid WHERE a.page_id = ?", (page_id,)).fetchall()
    for rowid, paragraphs in rows:
        # A contentless FTS5 table forgets a row only when told its original terms.
        conn.execute("INSERT INTO grams (grams, rowid, terms) VALUES ('delete', ?, ?)",
                     (rowid, index_terms("\n".join(json.loads(paragraphs)))))
    conn.execute("DELETE FROM texts WHERE rowid IN"
                 " (SELECT rowid FROM articles WHERE page_id = ?)", (page_id,))
    conn.execute("DELETE FROM articles WHERE page_id = ?", (page_id,))
    conn.execute("DELETE FROM pages WHERE id = ?", (page_id,))


_ISSUE_COLS = ("id, issue_id, path, paper, date, date_inferred, page, section,"
               " (SELECT count(*) FROM articles a WHERE a.page_id = pages.id"
               "  AND a.kind != 'photo') AS n_articles,"
               " (SELECT count(*) FROM articles a WHERE a.page_id = pages.id"
               "  AND a.kind = 'photo') AS n_photos")
"""A page's metadata; its counts of articles and photo items (photos are not articles)."""
_ORDER = " ORDER BY date IS NULL, date, issue_id"


def page_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every page's metadata row in library order (date, undated last, then id)."""
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(f"SELECT {_ISSUE_COLS}, furniture FROM pages{_ORDER}").fetchall()
    finally:
        conn.row_factory = None


def _article(row: sqlite3.Row | tuple, issue_id: str) -> Article:
    (art_id, kind, title, derived, kicker, subtitle, byline, dateline, cont,
     paragraphs, captions, headings) = row
    return Article(
        id=art_id, issue_id=issue_id, kind=kind, title=title, title_derived=bool(derived),
        kicker=kicker, subtitle=subtitle, byline=byline, dateline=dateline,
        continued_from=cont, paragraphs=tuple(json.loads(paragraphs)),
        captions=tuple(json.loads(captions)), headings=tuple(json.loads(headings)))


_ART_COLS = ("a.id, a.kind, a.title, a.title_derived, a.kicker, a.subtitle, a.byline,"
             " a.dateline, a.continued_from, t.paragraphs, t.captions, t.headings")
_ART_FROM = " FROM articles a JOIN texts t ON t.rowid = a.rowid"


def _issue(row: sqlite3.Row, articles: tuple[Article, ...]) -> Issue:
    return Issue(id=row["issue_id"], source=row["path"], paper=row["paper"], date=row["date"],
                 date_inferred=bool(row["date_inferred"]), page=row["page"],
                 section=row["section"], articles=articles,
                 furniture=tuple(json.loads(row["furniture"])),
                 counts=(row["n_articles"], row["n_photos"]))


def load_issues(conn: sqlite3.Connection, page_ids: list[int] | None = None) -> list[Issue]:
    """Whole issues (articles with text) from the index, in library order."""
    rows = page_rows(conn)
    if page_ids is not None:
        wanted = set(page_ids)
        rows = [r for r in rows if r["id"] in wanted]
    by_page: dict[int, list[Article]] = {}
    issue_of = {r["id"]: r["issue_id"] for r in rows}
    query = f"SELECT a.page_id, {_ART_COLS}{_ART_FROM} ORDER BY a.page_id, a.ord"
    params: tuple = ()
    if page_ids is not None and len(page_ids) == 1:
        query = f"SELECT a.page_id, {_ART_COLS}{_ART_FROM} WHERE a.page_id = ? ORDER BY a.ord"
        params = (page_ids[0],)
    for row in conn.execute(query, params):
        issue_id = issue_of.get(row[0])
        if issue_id is not None:
            by_page.setdefault(row[0], []).append(_article(row[1:], issue_id))
    return [_issue(r, tuple(by_page.get(r["id"], ()))) for r in rows]


def pages_with_article(conn: sqlite3.Connection, prefix: str) -> list[tuple[str, int]]:
    """(article id, page row id) of articles whose id is or starts with `prefix`."""
    exact = conn.execute("SELECT id, page_id FROM articles WHERE id = ?", (prefix,)).fetchall()
    if exact:
        return exact
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1) if prefix else "\uffff"
    return conn.execute("SELECT id, page_id FROM articles WHERE id >= ? AND id < ?",
                        (prefix, upper)).fetchall()


def load_summaries(conn: sqlite3.Connection) -> tuple[list[Issue], dict[str, int]]:
    """Issues whose articles carry no text (titles, bylines...), and each article's length.

    Enough to list a year of pages in a fraction of the time the whole text takes to load.
    """
    rows = page_rows(conn)
    issue_of = {r["id"]: r["issue_id"] for r in rows}
    by_page: dict[int, list[Article]] = {}
    chars: dict[str, int] = {}
    for (page_id, art_id, kind, title, derived, kicker, subtitle, byline, dateline, cont,
         n) in conn.execute(
            "SELECT page_id, id, kind, title, title_derived, kicker, subtitle, byline, dateline,"
            " continued_from, chars FROM articles ORDER BY page_id, ord"):
        issue_id = issue_of.get(page_id)
        if issue_id is None:
            continue
        by_page.setdefault(page_id, []).append(Article(
            id=art_id, issue_id=issue_id, kind=kind, title=title, title_derived=bool(derived),
            kicker=kicker, subtitle=subtitle, byline=byline, dateline=dateline,
            continued_from=cont))
        chars[art_id] = n
    return [_issue(r, tuple(by_page.get(r["id"], ()))) for r in rows], chars


def load_pages(conn: sqlite3.Connection) -> tuple[list[Issue], dict[str, int]]:
    """Issues without their articles, and each issue's article count: the quickest listing."""
    conn.row_factory = sqlite3.Row
    try:
        rows = conn.execute(f"SELECT {_ISSUE_COLS} FROM pages{_ORDER}").fetchall()
    finally:
        conn.row_factory = None
    issues = [Issue(id=r["issue_id"], source=r["path"], paper=r["paper"], date=r["date"],
                    date_inferred=bool(r["date_inferred"]), page=r["page"],
                    section=r["section"], counts=(r["n_articles"], r["n_photos"]))
              for r in rows]
    return issues, {i.id: i.article_count for i in issues}
