"""The library: bundled seeds plus the user's imported issues, listed and looked up by id.

Pages are parsed once and kept in the library index (reader.index); this module keeps the
page files and the index in step and answers from the index.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reader.corpus.decode import (
    STREAM_NAMES,
    check_line_lengths,
    read_input_file,
    read_issue_text,
    read_limited,
)
from reader.corpus.model import Article, Issue
from reader.corpus.pdf.store import PAGE_SUFFIX, issue_id_of, load_pdf_page
from reader.errors import InputError, ReaderError
from reader.paths import library_dir, seeds_dir

REMOVED_DIR = "removed"
"""Folder of the home where removed pages are moved (never deleted)."""


def issue_sources(home: Path) -> list[Path]:
    """Every issue file of the library: bundled seeds first, then imported ones."""
    return [p for p, _seed in _sources(home)]


def _own_pages(lib: Path) -> list[Path]:
    """The imported text pages and PDF page records of a library folder (regular files only:
    a FIFO or device named like a page would hang or flood every read)."""
    if not lib.is_dir():
        return []
    files = sorted(p for p in lib.glob("*.txt") if p.is_file())
    return files + sorted(p for p in lib.glob("*" + PAGE_SUFFIX) if p.is_file())


def _read(path: Path) -> str:
    """The decoded text of a page file, read once through the size-limited reader."""
    return read_issue_text(read_input_file(path), str(path))


def parse_path(path: Path) -> tuple[Issue, str]:
    """Read, decode and parse one issue file; return the issue and its decoded text.

    A PDF page record (kept beside its PDF) is already parsed; its text is the record's JSON.
    """
    if path.name.endswith(PAGE_SUFFIX):
        issue = load_pdf_page(path)
        return issue, json.dumps(issue.to_json(), ensure_ascii=False, sort_keys=True)
    text = _read(path)
    return _parse_cached(path.stem, str(path), text), text


def load_file(path: Path) -> Issue:
    """Read, decode and parse one issue file (InputError on a bad file)."""
    return parse_path(path)[0]


@lru_cache(maxsize=64)
def _parse_cached(issue_id: str, source: str, text: str) -> Issue:
    """Parse text once per process; the same text always gives the same Issue."""
    from reader.corpus.parse import parse_issue  # listing from the index needs no parser

    return parse_issue(text, issue_id=issue_id, source=source)


def _sources(home: Path) -> list[tuple[Path, bool]]:
    seeds = sorted(seeds_dir().glob("*.txt"))
    own = _own_pages(library_dir(home))
    return [(p, True) for p in seeds] + [(p, False) for p in own]


@contextmanager
def open_index(home: Path, progress: object = None) -> Iterator[sqlite3.Connection]:
    """The library index of `home`, in step with the page files (parsing what changed)."""
    from reader.index.db import open_db
    from reader.index.pages import sync

    conn = open_db(home)
    try:
        try:
            sync(conn, _sources(home), progress)  # type: ignore[arg-type]
        except sqlite3.DatabaseError:
            # Damage that the open-time check did not reach: start again from the pages.
            conn.close()
            from reader.index.db import discard_index, index_path

            discard_index(index_path(home))
            conn = open_db(home)
            sync(conn, _sources(home), progress)  # type: ignore[arg-type]
        try:
            yield conn
        except sqlite3.DatabaseError as exc:
            # Damage found only now (deep in the search index): reset it for the next run.
            conn.close()
            from reader.index.db import discard_index, index_path

            discard_index(index_path(home))
            raise ReaderError(f"the library index was damaged ({exc}); it has been reset: "
                              "run the command again") from exc
    finally:
        conn.close()


@contextmanager
def _index_as_is(home: Path) -> Iterator[sqlite3.Connection]:
    """The library index without bringing it in step with the files first."""
    from reader.index.db import open_db

    conn = open_db(home)
    try:
        yield conn
    finally:
        conn.close()


def load_library(home: Path, progress: object = None) -> list[Issue]:
    """Every issue of the library, sorted by date (undated last), then id."""
    from reader.index.pages import load_issues

    with open_index(home, progress) as conn:
        return load_issues(conn)


def library_pages(home: Path) -> tuple[list[Issue], dict[str, int]]:
    """The issues the index holds now (no check of the files), and their article counts.

    The quickest listing, for a first screen; `library_summaries` then checks the files.
    """
    from reader.index.db import open_db
    from reader.index.pages import load_pages

    conn = open_db(home)
    try:
        return load_pages(conn)
    except sqlite3.DatabaseError:
        return [], {}
    finally:
        conn.close()


def library_summaries(
    home: Path, progress: object = None
) -> tuple[list[Issue], dict[str, int]]:
    """The library without article text (for listing), and each article's length."""
    from reader.index.pages import load_summaries

    with open_index(home, progress) as conn:
        return load_summaries(conn)


def issue_rows(home: Path, progress: object = None) -> list[dict[str, object]]:
    """Each issue's metadata, article count and photo count (photo items are not articles),
    without loading any article text."""
    from reader.index.pages import page_rows

    with open_index(home, progress) as conn:
        return [
            {"id": r["issue_id"], "paper": r["paper"], "date": r["date"],
             "date_inferred": bool(r["date_inferred"]), "page": r["page"],
             "section": r["section"], "articles": r["n_articles"], "photos": r["n_photos"]}
            for r in page_rows(conn)
        ]


def expand_paths(paths: list[str]) -> list[Path]:
    """Turn files, folders and glob patterns given on the command line into issue files."""
    import glob

    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out += sorted(x for x in p.glob("*.txt") if x.is_file())
        elif not p.exists() and glob.has_magic(raw):
            out += sorted(Path(x) for x in glob.glob(raw, recursive=True) if Path(x).is_file())
        else:
            out.append(p)
    return out


@dataclass(frozen=True)
class Found:
    """An article and the issue it belongs to."""

    issue: Issue
    article: Article


def find_article(home: Path, article_id: str, *, check_files: bool = True) -> Found:
    """Find an article by id (or a unique prefix of it); InputError when there is none.

    `check_files=False` answers from the index as it is, without looking at every page file
    (for the app, which has just listed the library and must not stat 3,000 files on a key).
    """
    from reader.index.pages import load_issues, pages_with_article

    with (open_index(home) if check_files else _index_as_is(home)) as conn:
        hits = pages_with_article(conn, article_id)
        if len(hits) == 1:
            art_id, page_id = hits[0]
            issue = load_issues(conn, [page_id])[0]
            art = issue.article(art_id)
            if art is not None:
                return Found(issue, art)
    if hits:
        raise InputError(f"article id {article_id!r} is ambiguous ({len(hits)} articles)")
    raise InputError(f"no article with id {article_id!r} (see `reader articles`)")


def find_issue(home: Path, issue_id: str) -> Issue:
    """Find an issue by id; InputError when there is none."""
    from reader.index.pages import load_issues

    with open_index(home) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM pages WHERE issue_id = ?", (issue_id,))]
        if ids:
            return load_issues(conn, ids[:1])[0]
    raise InputError(f"no issue with id {issue_id!r} (see `reader issues`)")


def import_file(
    home: Path, path: Path, conn: sqlite3.Connection | None = None
) -> tuple[Issue, Path]:
    """Copy one issue file into the library as sanitised UTF-8; never overwrite another.

    Returns the parsed issue and where it was stored. A text already in the library (by
    content hash, under any name) is refused; a different text under a name that is taken
    gets a numbered name.
    """
    if conn is None:
        with open_index(home) as own:
            return import_file(home, path, own)
    from reader.index.pages import content_hash, store_page, transaction

    text = _read(path)  # read once (standard input cannot be read twice); refuses bad files
    check_line_lengths(text, str(path))  # before parsing: a huge line is slow to parse
    digest = content_hash(text)
    same = conn.execute("SELECT issue_id FROM pages WHERE hash = ?", (digest,)).fetchone()
    if same is not None:
        raise InputError(f"{path}: already in the library as {same[0]} (same content)")
    lib = library_dir(home)
    stem = _safe_stem("stdin" if str(path) in STREAM_NAMES else path.stem)
    taken = {r[0] for r in conn.execute("SELECT issue_id FROM pages")}
    taken |= {issue_id_of(p) for p in _own_pages(lib)}
    data = text.encode("utf-8")
    candidate, n = stem, 1
    while True:
        target = lib / f"{candidate}.txt"
        if target.exists() and _same_bytes(target, data):
            raise InputError(f"{path}: already in the library as {candidate}")
        if candidate not in taken and not target.exists():
            break
        n += 1
        candidate = f"{stem}-{n}"
    # Parsed under the name it will have, once; a page without articles is refused unwritten.
    issue = _parse_cached(target.stem, str(target), text)
    if not any(a.kind == "article" and a.paragraphs for a in issue.articles):
        raise InputError(
            f"{path}: no articles found (is it a Chinese newspaper page in a supported encoding?)"
        )
    _write_new(lib, target, data)
    st = target.stat()
    with transaction(conn):
        store_page(conn, target, False, st.st_size, st.st_mtime_ns, digest, issue)
    return issue, target


def remove_issue(home: Path, issue_id: str) -> Path:
    """Take an imported page out of the library by moving its file aside; return where to."""
    from reader.index.pages import delete_page, transaction

    with open_index(home) as conn:
        row = conn.execute("SELECT id, path, seed FROM pages WHERE issue_id = ?",
                           (issue_id,)).fetchone()
        if row is None:
            raise InputError(f"no issue with id {issue_id!r} (see `reader issues`)")
        if row[2]:
            raise InputError(f"{issue_id} is a bundled page; only imported pages can be removed")
        source = Path(row[1])
        aside = home / REMOVED_DIR
        aside.mkdir(parents=True, exist_ok=True)
        target, n = aside / source.name, 1
        while target.exists():
            n += 1
            target = aside / f"{source.stem}-{n}{source.suffix}"
        os.link(source, target)  # fails rather than replaces; the page is kept until linked
        source.unlink()
        with transaction(conn):
            delete_page(conn, row[0])
    return target


def _same_bytes(path: Path, data: bytes) -> bool:
    """True when `path` is a regular file holding exactly `data`."""
    try:
        return read_limited(path, len(data)) == data
    except OSError:
        return False


def _write_new(lib: Path, target: Path, data: bytes) -> None:
    """Write a new library file durably; never replace one, never leave a temp file behind."""
    tmp = lib / f".{target.stem}.{os.getpid()}-{secrets.token_hex(4)}.tmp"
    try:
        lib.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                     0o644)
    except OSError as exc:
        raise ReaderError(f"cannot import into {lib}: {exc.strerror or exc}; nothing was "
                          "imported") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.link(tmp, target)  # fails rather than replaces if the name appeared meanwhile
    except FileExistsError:
        raise ReaderError(f"cannot import into {lib}: {target.name} appeared meanwhile; "
                          "try again") from None
    except OSError as exc:
        raise ReaderError(f"cannot import into {lib}: {exc.strerror or exc}; nothing was "
                          "imported") from None
    finally:
        tmp.unlink(missing_ok=True)


def _safe_stem(stem: str) -> str:
    """A file stem with only safe characters; a hash when nothing safe is left."""
    cleaned = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in stem).strip("._")
    return cleaned[:80] or hashlib.sha1(stem.encode()).hexdigest()[:12]
