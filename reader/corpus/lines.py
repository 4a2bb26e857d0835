"""Printed-page lines: width in cells, letter-spacing, vertical headlines, and line kinds."""

from __future__ import annotations

import re
from dataclasses import dataclass

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RE = re.compile(f"[{HAN}]")

TERMINAL = "。！？!?…；;﹔﹖﹗﹒"
"""Punctuation that can end a paragraph."""
CLOSERS = "”’」』）)》"
"""Closing marks that may follow terminal punctuation at a paragraph end."""

VERTICAL_PUNCT = str.maketrans({
    "﹃": "“", "﹄": "”", "﹁": "“", "﹂": "”", "︰": "：", "︵": "（", "︶": "）",
    "︷": "｛", "︸": "｝", "︹": "〔", "︺": "〕", "︻": "【", "︼": "】", "︽": "《",
    "︾": "》", "︿": "〈", "﹀": "〉", "︱": "—", "︙": "…", "︐": "，", "︑": "、",
    "︒": "。", "︓": "：", "︔": "；", "︕": "！", "︖": "？", "︗": "〖", "︘": "〗",
})
"""Vertical presentation forms mapped to their horizontal equivalents."""

# A reporter's line after a body: 本报记者 张野 / 长春晚报融媒体中心记者 关丽君 / 通讯员 ...
NAME = f"[{HAN}·]{{2,4}}"
BYLINE_RE = re.compile(
    rf"^(?:[{HAN}]{{0,12}}(?:[记記]者|通[讯訊][员員]|[实實][习習]生)\s*{NAME}(?:\s+{NAME})*\s*)+$"
)
# A photo credit: 本报记者 丁研 摄 / 祖志 摄 / (…提供)
CREDIT_RE = re.compile(rf"(?:^|\s|。){NAME}(?:\s+{NAME})*\s*[摄攝]$|提供[)）]$|[摄攝]影?[)）]?$")
_DATELINE_HEAD = (
    r"本[报報][^（(，。：\d讯訊电電]{0,6}(?:\d{1,2}月\d{1,2}日)?(?:[讯訊]|[电電])"
    r"|[据據][^（(，。]{1,10}[电電]|新[华華]社[^（(，。]{0,10}[电電]"
    r"|[^（(，。]{2,8}(?:日[报報]|晚[报報]|早[报報])[讯訊]"
)
DATELINE_RE = re.compile(
    rf"^(?:({_DATELINE_HEAD})"
    r"(?:[（(]([^）)]{1,30})[）)]|((?:[^，。：:（(]{0,8}[记記]者)\s*[^，。：:（(]{2,8}?[报報]道)[：:])"
    r"|【([^】]{2,12})】()|[（(]([据據][^）)]{1,10}[电電])[）)]())"
)
"""A dateline at the start of a paragraph: `本报北京1月5日讯（记者 X）`, `新华社…电（…）`,
`本报北京12月31日讯记者X报道：`, `【本報訊】`, `（据新华社电）`."""
SIGNOFF_RE = re.compile(r"(?<=[。！？!?”﹗﹖])[（(]([^（）()。，]{2,16})[）)]$")
"""An author or source tag closing a body: `……。（李曼丽）`, `……。（据新华社电）`."""


SIGNOFF_LINE_RE = re.compile(r"^[（(][^（）()。，]{2,12}[）)]$")
"""A sign-off wrapped onto a line of its own: `（李曼丽）`."""


def match_dateline(text: str) -> tuple[int, str, str | None] | None:
    """(end, dateline, byline) when text starts with a dateline."""
    m = DATELINE_RE.match(text)
    if not m:
        return None
    g = m.groups()
    if g[0] is not None:
        byline = g[1] if g[1] is not None else g[2]
        return m.end(), g[0], (byline or "").strip() or None
    if g[3] is not None:
        return m.end(), g[3], None
    return m.end(), g[5], None


def signoff(text: str) -> str | None:
    """The author or source tag that closes a body, or None (photo credits are not one)."""
    m = SIGNOFF_RE.search(text)
    if not m or m.group(1).endswith(("摄", "攝", "提供")) or "版" in m.group(1):
        return None
    return m.group(1)


CONTINUED_RE = re.compile(r"^[（(](上接第.{1,4}版|下[转轉]第.{1,4}版|接第.{1,4}版)[）)]")
PAGE_NOTE_RE = re.compile(r"^[（(]本版图片[^）)]*[）)]$|^[（(]图片[^）)]*[）)]$")
DATE_LINE_RE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日\s*星期.")
PAGE_NO_RE = re.compile(
    r"^(?:(?:第\s*)?[A-Z]?0?(\d{1,2})\s*版?|第?\s*([一二三四五六七八九十]{1,3})\s*版)$"
)
"""A page number standing alone: `第4版`, `第四版`, `4`, `A4`, `04版`."""
PAGE_IN_LINE_RE = re.compile(
    r"(?:(?:^|(?<=\s))第\s*(?:[A-Z]?0?(\d{1,2})|([一二三四五六七八九十]{1,3}))\s*版"
    r"|(?<=星期.)\s*[A-Z]0?(\d{1,2}))(?=\s|$|[\u4e00-\u9fff])"
)
"""A page number inside a masthead line: `… 星期二 第4版 经济`."""
PHOTO_ARROWS = "⇑⇓↑↓←→⇐⇒▲△▼▽◀▶"


_NUMERALS = {ch: k for k, ch in enumerate("一二三四五六七八九十", start=1)}


def page_number(digits: str | None, numerals: str | None) -> int | None:
    """A page number from digits (`4`) or Chinese numerals (`四`, `十二`)."""
    if digits:
        return int(digits)
    if not numerals:
        return None
    if numerals == "十":
        return 10
    if numerals.startswith("十"):
        return 10 + _NUMERALS.get(numerals[1], 0)
    if numerals.endswith("十"):
        return 10 * _NUMERALS.get(numerals[0], 0)
    if len(numerals) == 3:
        return 10 * _NUMERALS.get(numerals[0], 0) + _NUMERALS.get(numerals[2], 0)
    return _NUMERALS.get(numerals[0])


_WIDE = re.compile("[^\x00-\u2e7f]|[“”‘’…—·]")


def cells(text: str) -> int:
    """Printed width: half-width ASCII is one cell, everything else (CJK, “”) two."""
    return len(text) + len(_WIDE.findall(text))


def han_count(text: str) -> int:
    """Number of CJK ideographs in text."""
    return len(_HAN_RE.findall(text))


def ends_paragraph_punct(text: str) -> bool:
    """True when text ends with sentence punctuation (optionally followed by closers)."""
    stripped = text.rstrip(CLOSERS + " ")
    if not stripped:
        return False
    return stripped[-1] in TERMINAL or (text[-1:] in "）)" and SIGNOFF_RE.search(text) is not None)


@dataclass(frozen=True)
class Line:
    """One non-empty printed line with what the parser needs to know about it."""

    index: int
    text: str
    """The line with letter-spacing removed and vertical forms mapped."""
    width: int
    """Printed width in cells of the original line."""
    spaced: bool = False
    """True when the line was letter-spaced (headline or justified body line)."""
    vertical: bool = False
    """True when the line was rebuilt from a vertical, one-character-a-line headline."""
    indented: bool = False
    """True when the raw line kept a leading indent."""
    gap_before: bool = False
    """True when a blank line stands before this one on a page where blanks mean breaks."""

    @property
    def term(self) -> bool:
        """True when the line ends with sentence punctuation."""
        return ends_paragraph_punct(self.text)


def _is_letter_spaced(text: str) -> bool:
    """True when most CJK characters are separated by single spaces."""
    if text.count(" ") < 3:
        return False
    parts = [p for p in text.split(" ") if p]
    singles = sum(1 for p in parts if len(p) == 1 and not p.isascii())
    short = sum(1 for p in parts if len(p) <= 2)
    return singles >= 4 and short >= 0.75 * len(parts)


def join_spaced(text: str) -> str:
    """Remove the spaces of letter-spacing; keep single spaces between Latin words."""
    return _SPACED_JOIN.sub("", text)


_SPACE_BEFORE_ASCII = re.compile(rf"(?<=[{HAN}，。、；：“”（）《》]) +(?=[0-9A-Za-z%])")
_SPACE_AFTER_ASCII = re.compile(rf"(?<=[0-9A-Za-z%]) +(?=[{HAN}，。、；：“”（）《》])")
_NUMBERED_HEAD = re.compile(r"^\d{1,2} (?![年月日时分个万亿元%])")
_SPACED_JOIN = re.compile(r"(?<=[^\x00-\x7f]) +|(?<=[\x21-\x7e]) +(?=[^\x00-\x7f])")


def tidy(text: str) -> str:
    """Drop the spaces a printed page puts between CJK and digits or Latin letters."""
    if " " not in text:
        return text
    if _NUMBERED_HEAD.match(text):
        return text[:3] + tidy(text[3:])
    return _SPACE_AFTER_ASCII.sub("", _SPACE_BEFORE_ASCII.sub("", text))


_VERTICAL_FORM = re.compile("[\ufe10-\ufe19\ufe30-\ufe48]")


def _is_vertical_piece(text: str) -> bool:
    """True for a line holding one character of a vertical headline."""
    return len(text) == 1 and not text.isascii()


def blanks_mean_breaks(raw: list[str]) -> bool:
    """True when blank lines separate blocks, not when one follows (nearly) every line."""
    filled = [k for k, ln in enumerate(raw) if ln.strip()]
    if len(filled) < 2:
        return False
    gaps = sum(1 for a, b in zip(filled, filled[1:], strict=False) if b - a > 1)
    return 0 < gaps <= 0.6 * (len(filled) - 1)


def read_lines(text: str) -> list[Line]:
    """Split page text into Lines, rebuilding vertical headlines and letter-spacing."""
    every = [ln.rstrip() for ln in text.split("\n")]
    meaningful = blanks_mean_breaks(every)
    raw: list[str] = []
    gaps: list[bool] = []
    gap = False
    for ln in every:
        if ln.strip():
            raw.append(ln)
            gaps.append(gap and meaningful)
            gap = False
        else:
            gap = True
    out: list[Line] = []
    i = 0
    while i < len(raw):
        stripped = raw[i].strip()
        if _is_vertical_piece(stripped):
            j = i
            while j < len(raw) and _is_vertical_piece(raw[j].strip()):
                j += 1
            if j - i >= 4:
                joined = "".join(r.strip() for r in raw[i:j]).translate(VERTICAL_PUNCT)
                out.append(Line(len(out), joined, cells(joined), vertical=True,
                                gap_before=gaps[i]))
                i = j
                continue
        spaced = _is_letter_spaced(stripped)
        clean = join_spaced(stripped) if spaced else stripped
        if _VERTICAL_FORM.search(clean):
            clean = clean.translate(VERTICAL_PUNCT)
        clean = tidy(clean)
        indented = raw[i].startswith((" ", "\u3000"))
        out.append(Line(len(out), clean, cells(stripped), spaced=spaced, indented=indented,
                        gap_before=gaps[i]))
        i += 1
    return out


def is_byline(text: str) -> bool:
    """A reporter line such as `本报记者 张野` or `长春晚报融媒体中心记者 关丽君`."""
    return (
        len(text) <= 40 and _BYLINE_HINT.search(text) is not None
        and bool(BYLINE_RE.match(text)) and not text.endswith(("摄", "攝"))
    )


_BYLINE_HINT = re.compile("[记記]者|通[讯訊]|[实實][习習]")


def is_credit(text: str) -> bool:
    """A photo credit line (or a caption ending with one)."""
    return bool(CREDIT_RE.search(text.strip()))
