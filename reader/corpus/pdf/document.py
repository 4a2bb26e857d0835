"""Open a PDF with pdfplumber and read each page's characters, rules and pictures."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from reader.errors import InputError

MAX_PDF_BYTES = 200 * 1024 * 1024
"""Largest PDF accepted; a newspaper page is a few MB."""
MAX_PDF_PAGES = 200
"""Most pages imported from one file; a whole daily paper is well under it."""

# Font names carry the weight: `SimHei`, `FZDaBiaoSong`, `Helvetica-Bold`, `HYb1gj`, `W7`.
_BOLD_NAME = re.compile(r"bold|heavy|black|hei|demi|semibold|medium|w[5-9]|粗|黑", re.I)


@dataclass(frozen=True)
class Char:
    """One printed character with its box (PDF points, y from the top) and font."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass(frozen=True)
class Box:
    """A rule or a picture on the page (only its box matters)."""

    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(frozen=True)
class PageContent:
    """What one PDF page holds: upright characters, horizontal rules and pictures."""

    number: int
    width: float
    height: float
    chars: tuple[Char, ...]
    rules: tuple[Box, ...]
    pictures: tuple[Box, ...]
    unmapped: int = 0
    """Glyphs whose font maps them to no text (`(cid:N)`): unreadable without OCR."""


class PdfFile:
    """An open PDF whose pages are read one at a time."""

    def __init__(self, pdf: Any, name: str) -> None:
        """Wrap an open pdfplumber document."""
        self._pdf = pdf
        self._name = name

    @property
    def page_count(self) -> int:
        """How many pages the file has."""
        return len(self._pdf.pages)

    def page(self, index: int) -> PageContent:
        """Read page `index` (0-based); InputError when pdfminer cannot."""
        try:
            page = self._pdf.pages[index]
            return _content(page, index + 1)
        except InputError:
            raise
        except Exception as exc:  # pdfminer raises many unrelated types on broken files
            reason = _why(exc)
            raise InputError(f"{self._name}: page {index + 1} cannot be read ({reason})") from exc
        finally:
            try:
                self._pdf.pages[index].close()  # drop the page's parsed objects
            except Exception:  # noqa: BLE001 - closing is best effort
                pass


@contextmanager
def open_pdf(path: Path, data: bytes | None = None) -> Iterator[PdfFile]:
    """Open a PDF for reading (its bytes when given, else the file's, read once through the
    size-limited reader so a FIFO or a device never blocks); one-line InputError for a
    missing, encrypted or broken file."""
    import io

    import pdfplumber  # imported on first use: it costs ~0.2 s at start

    from reader.corpus.decode import read_input_file, sanitize

    name = sanitize(str(path)).replace("\n", " ")
    if data is None:
        data = read_input_file(path, MAX_PDF_BYTES)
    if len(data) > MAX_PDF_BYTES:
        raise InputError(f"{name}: the PDF is too large ({len(data)} bytes; "
                         f"at most {MAX_PDF_BYTES})")
    if b"%PDF-" not in data[:1024]:
        raise InputError(f"{name}: not a PDF")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        count = len(pdf.pages)
    except Exception as exc:  # pdfminer raises many unrelated types on broken files
        raise InputError(f"{name}: not a readable PDF ({_why(exc)})") from exc
    try:
        if count == 0:
            raise InputError(f"{name}: the PDF has no pages")
        if count > MAX_PDF_PAGES:
            raise InputError(
                f"{name}: the PDF has {count} pages; at most {MAX_PDF_PAGES} are imported "
                "from one file (split it)"
            )
        yield PdfFile(pdf, name)
    finally:
        pdf.close()


def _why(exc: Exception) -> str:
    """A short reason for a pdfminer failure, without its multi-line detail."""
    if len(exc.args) == 1 and isinstance(exc.args[0], Exception):
        exc = exc.args[0]  # pdfplumber wraps pdfminer's own exception
    kind = type(exc).__name__
    if "Password" in kind or "Encrypt" in kind:
        return "it is encrypted"
    text = " ".join(str(exc).split())[:80]
    return f"{kind}: {text}" if text else kind


def _content(page: Any, number: int) -> PageContent:
    """Turn a pdfplumber page into plain records, from its pdfminer layout objects.

    Walking `page.layout` directly skips pdfplumber's conversion of every object into a
    dict of ~20 attributes, about 40% of the time a page takes; the coordinates are
    turned top-down exactly as pdfplumber does (page height, MediaBox offset).
    """
    from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage

    height = float(page.height)
    mb_x0, mb_top = float(page.mediabox[0]), float(page.mediabox[1])
    chars: dict[tuple[str, int, int, float], Char] = {}
    rules: list[Box] = []
    pictures: list[Box] = []
    unmapped = 0
    todo = list(page.layout)[::-1]  # popped in the order the page draws them
    while todo:
        obj = todo.pop()
        if isinstance(obj, LTContainer) and not isinstance(obj, LTChar):
            todo.extend(list(obj)[::-1])
            continue
        box = Box(obj.x0 + mb_x0, obj.x1 + mb_x0, height - obj.y1 + mb_top,
                  height - obj.y0 + mb_top)
        if isinstance(obj, LTCurve):  # lines and rectangles too
            if box.bottom - box.top <= 3:
                rules.append(box)
            elif box.bottom - box.top > 20 and box.x1 - box.x0 > 20:
                pictures.append(box)
            continue
        if isinstance(obj, LTImage):
            if box.bottom - box.top > 20 and box.x1 - box.x0 > 20:
                pictures.append(box)
            continue
        if not isinstance(obj, LTChar) or not obj.upright:
            continue
        text = obj.get_text()
        if not text or not text.isprintable():
            continue
        if text.startswith("(cid:"):  # a glyph whose font gives no Unicode text
            unmapped += 1
            continue
        fontname = obj.fontname if isinstance(obj.fontname, str) else ""
        ch = Char(text, box.x0, box.x1, box.top, box.bottom, round(float(obj.size), 1),
                  bool(_BOLD_NAME.search(fontname.split("+")[-1])))
        gx, gy = round(ch.x0), round(ch.top)
        twin = next((k for dx in (-1, 0, 1) for dy in (-1, 0, 1)
                     if (k := (text, gx + dx, gy + dy, ch.size)) in chars
                     and abs(chars[k].x0 - ch.x0) < 1 and abs(chars[k].top - ch.top) < 1), None)
        if twin is not None:
            # The same glyph printed again a hair away is how PDFs fake bold type.
            chars[twin] = replace(chars[twin], bold=True)
        else:
            chars[(text, gx, gy, ch.size)] = ch
    ordered = tuple(sorted(chars.values(), key=lambda c: (c.top, c.x0)))
    return PageContent(number, float(page.width), height, ordered, tuple(rules),
                       tuple(pictures), unmapped)
