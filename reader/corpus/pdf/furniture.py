"""Page furniture by position: masthead and banners above the top rule, folios at the foot."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.corpus.pdf.document import PageContent
from reader.corpus.pdf.lines import TextLine

TOP_ZONE = 0.25
"""A full-width rule in this top share of the page closes the masthead or section banner."""
HEADER_STRIP = 0.06
"""Without such a rule, small lines in this top share of the page are a running head."""
FOOT_STRIP = 0.05
"""Lines in this bottom share of the page are its foot (folio, page number, notes)."""
WIDE_RULE = 0.6
"""A rule at least this share of the page wide runs across the page."""

_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_PAGE = re.compile(r"第\s*([0-9０-９一二三四五六七八九十]+)\s*版|^[A-Z]?0*(\d{1,3})$")
_NOT_SECTION = re.compile(r"星期|周[一二三四五六日]|编辑|责编|美编|校对|电话|邮编|网址|农历|版$")
_NUMERALS = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}


@dataclass(frozen=True)
class PageMeta:
    """What the furniture says about the page."""

    paper: str | None
    date: str | None
    page: int | None
    section: str | None


def split_furniture(
    page: PageContent, lines: list[TextLine], em: float
) -> tuple[list[TextLine], list[TextLine]]:
    """(furniture lines, content lines) of a page, by position."""
    wide = [r for r in page.rules
            if r.x1 - r.x0 >= WIDE_RULE * page.width and r.top <= TOP_ZONE * page.height]
    head_limit = min((r.top for r in wide), default=None)
    if head_limit is not None:
        above = [ln for ln in lines if ln.bottom <= head_limit and abs(ln.size - em) < 0.5]
        if len(above) >= 3:  # a masthead holds no running text: this rule closes a story
            head_limit = None
    furniture, content = [], []
    for ln in lines:
        if head_limit is not None and ln.bottom <= head_limit:
            furniture.append(ln)
        elif head_limit is None and ln.bottom <= HEADER_STRIP * page.height and ln.size <= em:
            furniture.append(ln)
        elif ln.top >= (1 - FOOT_STRIP) * page.height and ln.size <= em:
            furniture.append(ln)
        else:
            content.append(ln)
    return furniture, content


def page_meta(furniture: list[TextLine], em: float, width: float) -> PageMeta:
    """Paper (the big type, centred), date, page number and section named by the furniture."""
    paper = None
    big = [ln for ln in furniture if ln.size >= 1.5 * em and not _DATE.search(ln.text)]
    if big:
        # A banner sets the section as large as the name; the name stands in the middle.
        top = max(ln.size for ln in big)
        name = min((ln for ln in big if ln.size == top),
                   key=lambda ln: abs((ln.x0 + ln.x1) / 2 - width / 2))
        paper = " ".join(name.text.split())
    date = page = section = None
    for ln in furniture:
        m = _DATE.search(ln.text)
        if m and date is None:
            y, mo, d = (int(g) for g in m.groups())
            if 1 <= mo <= 12 and 1 <= d <= 31:
                date = f"{y:04d}-{mo:02d}-{d:02d}"
    for ln in furniture:
        for word in _DATE.sub(" ", ln.text).split():
            pm = _PAGE.search(word)
            if pm and page is None:
                num = pm.group(1) or pm.group(2)
                page = _number(num)
                continue
            if (section is None and word != paper and not _NOT_SECTION.search(word)
                    and not pm and 2 <= len(word) <= 8 and not word.isascii()):
                section = word
    return PageMeta(paper, date, page, section)


def _number(text: str) -> int | None:
    """A page number written in digits (ASCII or full-width) or simple Chinese numerals."""
    digits = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if digits.isdigit():
        return int(digits)
    if len(text) == 1:
        return _NUMERALS.get(text)
    if text.startswith("十"):
        return 10 + _NUMERALS.get(text[1:], 0)
    return None
