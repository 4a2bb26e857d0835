"""The library: bundled seeds plus the user's imported issues, parsed and looked up by id."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reader.corpus.decode import MAX_BYTES, read_issue_text
from reader.corpus.model import Article, Issue
from reader.corpus.parse import parse_issue
from reader.corpus.pdf.store import PAGE_SUFFIX, issue_id_of, load_pdf_page
from reader.errors import InputError
from reader.paths import library_dir, seeds_dir


def issue_sources(home: Path) -> list[Path]:
    """Every issue file of the library: bundled seeds first, then imported ones."""
    files = sorted(seeds_dir().glob("*.txt"))
    lib = library_dir(home)
    if lib.is_dir():
        files += sorted(lib.glob("*.txt"))
        files += sorted(lib.glob("*" + PAGE_SUFFIX))  # pages of imported PDFs
    return files


def load_file(path: Path) -> Issue:
    """Read, decode and parse one issue file (InputError on a bad file)."""
    if path.name.endswith(PAGE_SUFFIX):
        return load_pdf_page(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: the file is too large ({size} bytes; at most {MAX_BYTES})")
        data = path.read_bytes()
    except IsADirectoryError as exc:
        raise InputError(f"{path}: is a folder, not a file") from exc
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except PermissionError as exc:
        raise InputError(f"{path}: permission denied") from exc
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
    parsed = load_file(path)  # refuses bad files before anything is written
    if not any(a.kind == "article" and a.paragraphs for a in parsed.articles):
        raise InputError(
            f"{path}: no articles found (is it a Chinese newspaper page in a supported encoding?)"
        )
    text = read_issue_text(path.read_bytes(), str(path))
    lib = library_dir(home)
    lib.mkdir(parents=True, exist_ok=True)
    stem = _safe_stem(path.stem)
    taken = {issue_id_of(p) for p in issue_sources(home)}
    data = text.encode("utf-8")
    candidate, n = stem, 1
    while True:
        target = lib / f"{candidate}.txt"
        if target.exists() and target.read_bytes() == data:
            raise InputError(f"{path}: already in the library as {candidate}")
        if candidate not in taken and not target.exists():
            break
        n += 1
        candidate = f"{stem}-{n}"
    tmp = target.with_suffix(".tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.link(tmp, target)  # fails rather than replaces if the name appeared meanwhile
    tmp.unlink()
    _parse_cached.cache_clear()
    return load_file(target), target


def _safe_stem(stem: str) -> str:
    """A file stem with only safe characters; a hash when nothing safe is left."""
    cleaned = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in stem).strip("._")
    return cleaned[:80] or hashlib.sha1(stem.encode()).hexdigest()[:12]
