"""Keep imported PDFs in the library: the original file beside one JSON record per page.

The record holds the Issue as extracted plus the extractor's version and the PDF's hash, so
a better extractor can re-read the kept original later. Nothing in the library is replaced.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.corpus.decode import printable, read_input_file
from reader.corpus.model import Article, Issue
from reader.corpus.pdf.document import open_pdf
from reader.corpus.pdf.page import has_text_layer, read_page
from reader.errors import InputError, ReaderError

EXTRACTOR_VERSION = 1
"""Bump when extraction changes, so that stored pages can be told apart and re-read."""
PAGE_SUFFIX = ".pdfpage.json"
"""A stored PDF page: `<issue id>.pdfpage.json` beside `<stem>.pdf` in the library."""
RECORD_FORMAT = "dubao-pdf-page"

Progress = Callable[[int, int], None]
"""Called with (pages read, pages in the file) while a PDF is read."""


@dataclass(frozen=True)
class ImportedPage:
    """One page of an imported PDF: its Issue, its stored record and the kept original."""

    issue: Issue
    stored: Path
    pdf: Path


@dataclass(frozen=True)
class Skipped:
    """A page that was not imported, and why."""

    page: int
    reason: str


def is_pdf(path: Path) -> bool:
    """True when the file starts like a PDF (whatever its name); False for non-regular files."""
    try:
        # A FIFO or stdin must not be opened here: the open or read would block, or eat input.
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as fh:
            return b"%PDF-" in fh.read(1024)
    except OSError:
        return False


def issue_id_of(path: Path) -> str:
    """The issue id a library file stands for: its stem, less the page-record suffix."""
    name = path.name
    return name[: -len(PAGE_SUFFIX)] if name.endswith(PAGE_SUFFIX) else path.stem


def import_pdf(
    path: Path, library: Path, taken: set[str] | None = None, progress: Progress | None = None
) -> tuple[list[ImportedPage], list[Skipped]]:
    """Read every page of a PDF and store it in `library`; InputError when nothing is usable.

    `taken` are issue ids already used (the bundled seeds, text pages); the library folder's
    own files are checked as well. The same PDF twice is refused; a new PDF whose name is
    taken gets a numbered name. Nothing is written until every page has been read.
    """
    name = printable(path)
    data = _read(path)
    digest = hashlib.sha256(data).hexdigest()
    library.mkdir(parents=True, exist_ok=True)
    for kept in library.glob("*.pdf"):
        if kept.stat().st_size == len(data) and _sha256(kept) == digest:
            raise InputError(f"{name}: already in the library as {kept.stem}")
    with open_pdf(path, data) as pdf:
        total = pdf.page_count
        stem = _free_stem(_safe_stem(path.stem), library, total, set(taken or ()))
        issues: list[tuple[int, Issue]] = []
        skipped: list[Skipped] = []
        scans = 0
        for index in range(total):
            content = pdf.page(index)
            number = index + 1
            issue_id = stem if total == 1 else f"{stem}-p{number}"
            if not has_text_layer(content):
                scans += 1
                why = ("its fonts map glyphs to no text" if content.unmapped
                       else "no text layer (a scan?)")
                skipped.append(Skipped(number, why))
            else:
                issue = read_page(content, issue_id, f"{stem}.pdf#page={number}")
                if any(a.kind == "article" for a in issue.articles):
                    issues.append((number, issue))
                else:
                    skipped.append(Skipped(number, "no articles found"))
            if progress:
                progress(number, total)
    if scans == total:
        if any(s.reason.startswith("its fonts") for s in skipped):
            raise InputError(f"{name}: the PDF's fonts map glyphs to no text; it cannot be read")
        raise InputError(f"{name}: the PDF has no text layer (a scan?); OCR is not supported")
    if not issues:
        raise InputError(f"{name}: no articles found on any page")
    return _write(library, stem, data, digest, issues, total), skipped


def load_pdf_page(path: Path) -> Issue:
    """Read a stored page record back into an Issue; InputError when it is damaged."""
    name = printable(path)
    try:
        # Through the size-limited reader: a FIFO or a huge file must not hang or flood us.
        record = json.loads(read_input_file(path).decode("utf-8"))
        if record.get("format") != RECORD_FORMAT:
            raise ValueError("not a page record")
        return issue_from_json(record["issue"])
    except FileNotFoundError as exc:
        raise InputError(f"{name}: no such file") from exc
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"{name}: damaged PDF page record ({type(exc).__name__})") from exc


def issue_from_json(data: dict[str, Any]) -> Issue:
    """The Issue of `Issue.to_json()`, rebuilt."""
    issue_id = str(data["id"])
    articles = tuple(
        Article(
            id=str(a["id"]),
            issue_id=issue_id,
            kind=str(a["kind"]),
            title=str(a["title"]),
            title_derived=bool(a.get("title_derived", False)),
            kicker=a.get("kicker"),
            subtitle=a.get("subtitle"),
            byline=a.get("byline"),
            dateline=a.get("dateline"),
            continued_from=a.get("continued_from"),
            paragraphs=tuple(str(p) for p in a.get("paragraphs", ())),
            captions=tuple(str(c) for c in a.get("captions", ())),
            headings=tuple(int(h) for h in a.get("headings", ())),
        )
        for a in data["articles"]
    )
    return Issue(
        id=issue_id,
        source=str(data.get("source", "")),
        paper=data.get("paper"),
        date=data.get("date"),
        date_inferred=bool(data.get("date_inferred", False)),
        page=data.get("page"),
        section=data.get("section"),
        articles=articles,
        furniture=tuple(str(f) for f in data.get("furniture", ())),
    )


def _read(path: Path) -> bytes:
    """The PDF's bytes through the size-limited reader (a FIFO or a device never blocks)."""
    from reader.corpus.pdf.document import MAX_PDF_BYTES

    return read_input_file(path, MAX_PDF_BYTES)


def _sha256(path: Path) -> str:
    """SHA-256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _safe_stem(stem: str) -> str:
    """A file stem with only safe characters; a hash when nothing safe is left."""
    cleaned = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in stem).strip("._")
    return cleaned[:80] or hashlib.sha1(stem.encode()).hexdigest()[:12]


def _free_stem(stem: str, library: Path, pages: int, taken: set[str]) -> str:
    """`stem`, or `stem-2`, `stem-3`...: the first whose PDF and page ids are all free."""
    taken = taken | {issue_id_of(p) for p in library.iterdir()}
    candidate, n = stem, 1
    while True:
        ids = [candidate] if pages == 1 else [f"{candidate}-p{k}" for k in range(1, pages + 1)]
        if candidate not in taken and not any(i in taken for i in ids):
            return candidate
        n += 1
        candidate = f"{stem}-{n}"


def _write(
    library: Path, stem: str, data: bytes, digest: str, issues: list[tuple[int, Issue]],
    total: int,
) -> list[ImportedPage]:
    """Store the original and the page records; remove what was written if any write fails."""
    written: list[Path] = []
    pdf_path = library / f"{stem}.pdf"
    try:
        _write_new(pdf_path, data)
        written.append(pdf_path)
        out = []
        for number, issue in issues:
            record = {
                "format": RECORD_FORMAT,
                "extractor": EXTRACTOR_VERSION,
                "pdf": pdf_path.name,
                "pdf_sha256": digest,
                "page": number,
                "pages": total,
                "issue": issue.to_json(),
            }
            target = library / f"{issue.id}{PAGE_SUFFIX}"
            _write_new(target, json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8"))
            written.append(target)
            out.append(ImportedPage(issue, target, pdf_path))
        return out
    except BaseException as exc:
        for p in written:
            p.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            where = printable(library)
            raise ReaderError(f"cannot write to the library {where}: {exc.strerror}") from exc
        raise


def _write_new(target: Path, data: bytes) -> None:
    """Write a file that must not exist yet, durably; FileExistsError rather than replace.

    The temporary file has a name of its own (a leftover from a killed import never blocks
    the next) and is removed whatever fails, a full disk included.
    """
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.link(tmp, target)  # fails rather than replaces if the name appeared meanwhile
    finally:
        os.unlink(tmp)


def reread_stale(library: Path) -> list[Path]:
    """Read again, from the kept PDFs, every page record an older extractor wrote.

    Records are derived data: each is replaced whole and atomically; the PDFs are never
    touched. A record whose PDF is missing or damaged is left as it is. Returns those rewritten.
    """
    done = []
    for record_path in sorted(library.glob("*" + PAGE_SUFFIX)):
        try:
            record = json.loads(read_input_file(record_path).decode("utf-8"))
            if record.get("format") != RECORD_FORMAT or record["extractor"] >= EXTRACTOR_VERSION:
                continue
            pdf_path = library / Path(str(record["pdf"])).name
            number = int(record["page"])
            with open_pdf(pdf_path) as pdf:
                issue = read_page(pdf.page(number - 1), issue_id_of(record_path),
                                  f"{pdf_path.name}#page={number}")
        except (OSError, ValueError, KeyError, TypeError, InputError):
            continue
        record.update(extractor=EXTRACTOR_VERSION, issue=issue.to_json())
        tmp = record_path.with_name(record_path.name + ".tmp")
        tmp.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, record_path)
        done.append(record_path)
    return done
