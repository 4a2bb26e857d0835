"""The library: bundled seeds plus the user's imported issues, parsed and looked up by id."""

from __future__ import annotations

import hashlib
import os
import secrets
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
from reader.corpus.parse import parse_issue
from reader.corpus.pdf.store import PAGE_SUFFIX, issue_id_of, load_pdf_page
from reader.errors import InputError, ReaderError
from reader.paths import library_dir, seeds_dir


def issue_sources(home: Path) -> list[Path]:
    """Every issue file of the library: bundled seeds first, then imported ones."""
    files = sorted(seeds_dir().glob("*.txt"))
    lib = library_dir(home)
    if lib.is_dir():
        # Only regular files: a FIFO or device named *.txt would hang or flood every read.
        files += sorted(p for p in lib.glob("*.txt") if p.is_file())
        files += sorted(p for p in lib.glob("*" + PAGE_SUFFIX) if p.is_file())  # PDF pages
    return files


def load_file(path: Path) -> Issue:
    """Read, decode and parse one issue file (InputError on a bad file)."""
    if path.name.endswith(PAGE_SUFFIX):
        return load_pdf_page(path)
    return parse_bytes(path, read_input_file(path))


def parse_bytes(path: Path, data: bytes) -> Issue:
    """Decode and parse the bytes read from `path` (InputError when they are no page)."""
    return _parse_cached(path.stem, str(path), read_issue_text(data, str(path)))


@lru_cache(maxsize=64)
def _parse_cached(issue_id: str, source: str, text: str) -> Issue:
    """Parse text once per process; the same text always gives the same Issue."""
    return parse_issue(text, issue_id=issue_id, source=source)


def load_library(home: Path) -> list[Issue]:
    """Parse every issue of the library, sorted by date (undated last), then id."""
    issues = [load_file(p) for p in issue_sources(home)]
    return sorted(issues, key=lambda i: (i.date is None, i.date or "", i.id))


def expand_paths(paths: list[str]) -> list[Path]:
    """Turn files and folders given on the command line into a list of issue files."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out += sorted(x for x in p.glob("*.txt") if x.is_file())
        else:
            out.append(p)
    return out


@dataclass(frozen=True)
class Found:
    """An article and the issue it belongs to."""

    issue: Issue
    article: Article


def find_article(home: Path, article_id: str) -> Found:
    """Find an article by id (or a unique prefix of it); InputError when there is none."""
    matches: list[Found] = []
    for issue in load_library(home):
        for art in issue.articles:
            if art.id == article_id:
                return Found(issue, art)
            if art.id.startswith(article_id):
                matches.append(Found(issue, art))
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise InputError(f"article id {article_id!r} is ambiguous ({len(matches)} articles)")
    raise InputError(f"no article with id {article_id!r} (see `reader articles`)")


def find_issue(home: Path, issue_id: str) -> Issue:
    """Find an issue by id; InputError when there is none."""
    for issue in load_library(home):
        if issue.id == issue_id:
            return issue
    raise InputError(f"no issue with id {issue_id!r} (see `reader issues`)")


def import_file(home: Path, path: Path) -> tuple[Issue, Path]:
    """Copy one issue file into the library as sanitised UTF-8; never overwrite another.

    Returns the parsed issue and where it was stored. Importing the same text again is a
    no-op; a different text under a name that is taken gets a numbered name.
    """
    data = read_input_file(path)  # read once: standard input cannot be read twice
    text = read_issue_text(data, str(path))
    check_line_lengths(text, str(path))  # before parsing: a huge line is slow to parse
    parsed = parse_bytes(path, data)  # refuses bad files before anything is written
    if not any(a.kind == "article" and a.paragraphs for a in parsed.articles):
        raise InputError(
            f"{path}: no articles found (is it a Chinese newspaper page in a supported encoding?)"
        )
    lib = library_dir(home)
    stem = _safe_stem("stdin" if str(path) in STREAM_NAMES else path.stem)
    taken = {issue_id_of(p) for p in issue_sources(home)}
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
    _write_new(lib, target, data)
    _parse_cached.cache_clear()
    return load_file(target), target


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
