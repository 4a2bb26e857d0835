"""Issue metadata from the page: paper name, date (printed or inferred), page and section."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reader.corpus.lines import DATE_LINE_RE, PAGE_IN_LINE_RE, PAGE_NO_RE, page_number
from reader.corpus.papers import paper_name
from reader.corpus.units import Unit

_PAPER_IN_TEXT = re.compile(
    r"([\u4e00-\u9fff]{2,4}(?:日[报報]|晚[报報]|早[报報]|[时時][报報]|商[报報]))(?:[记記]者|融媒体|融媒體|[讯訊]|社)"
)
_DATELINE_MD = re.compile(r"本[报報](\d{1,2})月(\d{1,2})日[讯訊]")
_MONTH_DAY = re.compile(r"(?<![\d.])(\d{1,2})月(\d{1,2})日")
_YEAR = re.compile(r"(?<![\d至到])((?:19|20)\d{2})(?:年(?!底|末|以后)|届)")


@dataclass(frozen=True)
class PageMeta:
    """Metadata found on or implied by a page."""

    paper: str | None
    date: str | None
    date_inferred: bool
    page: int | None
    section: str | None


def page_meta(text: str, units: list[Unit], banners: list[str], leads: list[str]) -> PageMeta:
    """Find paper, date, page and section; `leads` are the first paragraphs of articles."""
    paper = None
    page = None
    printed = None
    section = None
    for u in units:
        if u.kind != "masthead":
            continue
        top = bool(u.lines) and u.lines[0].index < 4
        name = paper_name(u.text, top)
        if name and paper is None:
            paper = name
        m = DATE_LINE_RE.search(u.text)
        if m and printed is None:
            printed = f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
        m = PAGE_NO_RE.match(u.text) or PAGE_IN_LINE_RE.search(u.text)
        if m and page is None:
            groups = m.groups()
            page = page_number(groups[0] or (groups[2] if len(groups) > 2 else None), groups[1])
            after = u.text[m.end() :].split()
            if after and section is None and _SECTION.match(after[0]):
                section = after[0]  # `第2版 经济`: the page's section follows its number
        n = len(u.text)
        if n % 2 == 0 and u.text[: n // 2] == u.text[n // 2 :] and section is None:
            section = u.text[: n // 2]
    if paper is None:
        found = Counter(_PAPER_IN_TEXT.findall(text))
        paper = found.most_common(1)[0][0] if found else None
    if section is None and banners:
        section = banners[0]
    if printed:
        return PageMeta(paper, printed, False, page, section)
    return PageMeta(paper, _infer_date(text, leads), True, page, section)


_SECTION = re.compile(r"^[\u4e00-\u9fff]{2,6}$")


def _infer_date(text: str, leads: list[str]) -> str | None:
    """Date from datelines (`本报1月8日讯`) or the lead paragraphs, year from the text."""
    compact = re.sub(r"(?<=\d) +(?=[年月日])|(?<=[年月]) +(?=\d)", "", text)
    years = [int(y) for y in _YEAR.findall(compact)]
    if not years:
        return None
    year = max(years)
    md = _DATELINE_MD.findall(compact)
    if not md:
        for lead in leads:
            found = _MONTH_DAY.findall(re.sub(r"(?<=\d) +| +(?=\d)", "", lead))
            md += found[:1]
    valid = [(int(m), int(d)) for m, d in md if 1 <= int(m) <= 12 and 1 <= int(d) <= 31]
    if not valid:
        return None
    month, day = Counter(valid).most_common(1)[0][0] if len(valid) > 2 else max(valid)
    return f"{year:04d}-{month:02d}-{day:02d}"
