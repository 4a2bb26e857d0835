"""Group printed lines into units: reflowed paragraphs, loose headline lines, bylines, credits."""

from __future__ import annotations

import bisect
import re

from reader.corpus.captions import CAPTION_OPENERS, mark_captions
from reader.corpus.lines import (
    CONTINUED_RE,
    DATE_LINE_RE,
    DATELINE_RE,
    PAGE_NO_RE,
    PAGE_NOTE_RE,
    SIGNOFF_LINE_RE,
    SIGNOFF_RE,
    Line,
    han_count,
    is_byline,
    is_credit,
    signoff,
)
from reader.corpus.papers import paper_name
from reader.corpus.units import Unit

FLOW_WIDTH = 70
"""Median line width above which a page is taken to hold one paragraph per line."""

PAREN_CREDIT_RE = re.compile(r"^[（(][^（）()]{1,20}[摄攝][）)]$")
"""A photo credit in brackets on a line of its own: `（新华社记者王芳摄）`."""

def classify(line: Line) -> str:
    """The kind of a single line before reflow: text or one of the special kinds."""
    text = line.text
    if line.vertical:
        return "loose"
    bracket = text[:1] in "（("
    if bracket and CONTINUED_RE.match(text) and len(CONTINUED_RE.sub("", text).strip()) == 0:
        return "continued"
    if bracket and PAGE_NOTE_RE.match(text):
        return "pagenote"
    if ("星期" in text and DATE_LINE_RE.search(text)) or PAGE_NO_RE.match(text):
        return "masthead"
    if ("报" in text[:14] or "報" in text[:14]) and paper_name(text, line.index < 4):
        return "masthead"
    if _is_repeated_banner(text):
        return "masthead"
    if len(text) <= 24 and text.endswith(("摄", "攝")) and is_credit(text):
        return "credit"
    if bracket and len(text) <= 26 and PAREN_CREDIT_RE.match(text):
        return "credit"
    if bracket and SIGNOFF_LINE_RE.match(text) and signoff("。" + text):
        return "signoff"
    if is_byline(text):
        return "byline"
    return "text"


def _is_repeated_banner(text: str) -> bool:
    """A banner printed twice in a row on one line (`贯彻落实…精神贯彻落实…精神`)."""
    n = len(text)
    return n >= 8 and n % 2 == 0 and text[: n // 2] == text[n // 2 :]


def page_is_flowed(lines: list[Line]) -> bool:
    """True when the page holds whole paragraphs per line rather than hard-wrapped columns."""
    widths = [ln.width for ln in lines if not ln.vertical]
    wide = sum(1 for w in widths if w > FLOW_WIDTH + 10)
    return bool(widths) and wide >= 0.25 * len(widths)


def _common_width(widths: list[int]) -> float:
    """The median width of nearby lines, or 4 cells more when that median is an indent's.

    Short paragraphs have as many indented first lines (4 cells short) as full ones; when
    lines 4 cells wider than the median are as common, the median is the first lines'.
    """
    med = widths[len(widths) // 2]
    wider = sum(1 for w in widths if abs(w - (med + 4)) <= 1)
    same = sum(1 for w in widths if abs(w - med) <= 1)
    return float(med + 4) if wider >= max(2, same) else float(med)


def _column_widths(lines: list[Line]) -> tuple[list[float], list[float]]:
    """For each line, the width of the column around it, from nearby lines of like width,
    and the full measure that lines inside paragraphs show."""
    solid = []
    for i, ln in enumerate(lines):
        if ln.spaced or ln.vertical or ln.width < 12:
            continue
        near = [o for o in lines[max(0, i - 3) : i + 4] if o is not ln and not o.spaced]
        if sum(1 for o in near if abs(o.width - ln.width) <= 3) >= 2:
            solid.append(i)
    # Lines inside a paragraph (neither its first nor its last) show the full measure.
    middle = [
        i for i in solid if i > 0 and not lines[i - 1].term and not lines[i].term
        and lines[i - 1].index == lines[i].index - 1
    ]
    out: list[float] = []
    measures: list[float] = []
    cache: dict[tuple[int, int], float] = {}
    mid_cache: dict[tuple[int, int], int] = {}
    for i in range(len(lines)):
        near = _nearest(solid, i, 7)
        if near not in cache:
            widths = sorted(lines[k].width for k in solid[near[0] : near[1]])
            cache[near] = _common_width(widths) if widths else 34.0
        width = cache[near]
        around = _nearest(middle, i, 5)
        if around not in mid_cache:
            mids = sorted(lines[k].width for k in middle[around[0] : around[1]])
            mid_cache[around] = mids[len(mids) // 2] if len(mids) >= 3 else 0
        full = mid_cache[around]
        # Where the median is the indented first lines' measure, the full one is 4 wider.
        out.append(width)
        measures.append(float(full) if width + 2 <= full <= width + 5 else width)
    return out, measures


_INNER_PUNCT = re.compile(r"[，。、；：,;:﹐﹑﹔﹕]")
"""Punctuation a headline line does not hold."""
_SPEAKER = re.compile(r"^[问問答][：:]")
"""Interview labels: each question and answer is its own paragraph."""


def _nearest(sorted_indices: list[int], i: int, n: int) -> tuple[int, int]:
    """Bounds of the window of the n indices closest to i (earlier first on ties)."""
    hi = bisect.bisect_left(sorted_indices, i)
    lo = hi
    size = len(sorted_indices)
    while hi - lo < n and (lo > 0 or hi < size):
        if hi >= size or (lo > 0 and i - sorted_indices[lo - 1] <= sorted_indices[hi] - i):
            lo -= 1
        else:
            hi += 1
    return lo, hi


def _ends(group: list[Line]) -> bool:
    """True when the lines so far end a sentence, a sign-off broken over two lines included."""
    last = group[-1]
    if last.term:
        return True
    if len(group) < 2 or last.text[-1:] not in "）)":
        return False
    return bool(SIGNOFF_RE.search(group[-2].text + last.text))


def _measure(line: Line) -> int:
    """Width without a mark hanging past the column end (标点悬挂)."""
    return line.width - 2 if line.text[-1:] in "，。、；：！？”）" else line.width


def _continues_column(unit: list[Line], b: Line, width: float, measure: float = 0) -> bool:
    """True when line b carries on the paragraph whose lines so far are `unit`."""
    a = unit[-1]
    first = len(unit) == 1
    if b.gap_before:
        return False
    if (b.width > width + 8 and not b.spaced) or (a.width > width + 8 and not a.spaced):
        return False
    if a.spaced and first:
        return False
    if DATELINE_RE.match(b.text) or CONTINUED_RE.match(b.text) or _SPEAKER.match(b.text):
        return False
    a_term = _ends(unit)
    if is_exclaimed_head(b.text) and not _INNER_PUNCT.search(a.text):
        return False  # two headline-like lines: the second ends in ？ or ！
    if a_term and b.text.startswith(CAPTION_OPENERS):
        return False
    if a_term:
        if b.spaced:
            return False
        expected = width - 4 if first else width
        if a.width <= expected - 3:
            return False
        # Punctuation may hang past the column end (标点悬挂), so a first line can look
        # two cells wider than its indented measure.
        b_width = b.width - 2 if b.text[-1:] in "，。、；：！？" else b.width
        if b.term:
            return not is_exclaimed_head(b.text)
        full = max(width, measure)
        # After a sentence end, a line that does not fill the column (or overruns it) and
        # ends no sentence is a headline, not the paragraph's next line.
        return full - 3 < b_width <= full + 3
    if first and a.width <= width - 8 and not a.term and not _INNER_PUNCT.search(a.text):
        return False  # shorter than an indented first line: a headline over the body
    if first and b.width <= width - 3 and not b.term and not b.spaced:
        return False  # a paragraph's second line fills the column
    return True


def _group_columns(
    lines: list[Line], widths: list[float], measures: list[float]
) -> list[list[Line]]:
    """Group consecutive lines that carry on one paragraph."""
    groups: list[list[Line]] = []
    for ln in lines:
        if groups and groups[-1][-1].index == ln.index - 1 and _continues_column(
            groups[-1], ln, widths[ln.index], measures[ln.index]
        ):
            groups[-1].append(ln)
        else:
            groups.append([ln])
    return groups


def _reflow_columns(
    lines: list[Line], widths: list[float], measures: list[float]
) -> list[list[Line]]:
    """Group hard-wrapped column lines into paragraphs; `widths` is per page line."""
    groups = _group_columns(lines, widths, measures)
    out: list[list[Line]] = []
    for k, g in enumerate(groups):
        last = g[-1]
        width = widths[last.index]
        nxt = groups[k + 1][0] if k + 1 < len(groups) else None
        if (
            len(g) >= 2 and not last.term and g[-2].term and not _INNER_PUNCT.search(last.text)
            and nxt is not None and nxt.index == last.index + 1
            and widths[nxt.index] - 8 <= _measure(nxt) <= widths[nxt.index] - 3
        ):
            # After a sentence end, a line without punctuation followed by an indented
            # first line is a headline between two paragraphs, whatever its width.
            out += [g[:-1], [last]]
            continue
        # A run that never reaches sentence punctuation and stops short of the column, or
        # whose lines wander in width, is a headline set in lines, not a paragraph.
        ragged = any(abs(ln.width - width) > 4 and not ln.spaced for ln in g[1:-1])
        if not _ends(g) and (
            len(g) == 1 or ragged or g[0].width > width + 2
            or (len(g) <= 3 and last.width <= width - 3)
        ):
            out += [[ln] for ln in g]
        elif not _ends(g) and len(g) >= 3 and last.width <= width - 8:
            out += [g[:-1], [last]]  # a cut-off paragraph, then a headline line
        else:
            out.append(g)
    return out


_CANNOT_START = re.compile(
    r"^[\u4e00-\u9fff]{1,3}[，、；：）」』”,;:)]|^[，、。；：）」』”,.;:)的了和与及等]"
)


def _reflow_flowed(lines: list[Line], page: str) -> list[list[Line]]:
    """Group one-paragraph-per-line text, mending paragraphs split across lines.

    A long line without closing punctuation continues on the next line when that line is
    long too; otherwise (a column jump put other paragraphs in between) on the first later
    line that cannot begin a sentence. A short next line continues it when the word
    across the break (`欧|亚` of 欧亚) occurs elsewhere on the page.
    """
    groups: list[list[Line]] = []
    open_group: list[Line] | None = None
    waited = 0
    for ln in lines:
        if open_group is not None:
            adjacent = open_group[-1].index == ln.index - 1 and waited == 0
            junction = open_group[-1].text[-1:] + ln.text[:1]
            if _CANNOT_START.match(ln.text) or (
                adjacent and (ln.width > FLOW_WIDTH or page.count(junction) >= 2)
            ):
                open_group.append(ln)
                if ln.term:
                    open_group = None
                continue
            waited += 1
            if waited > 6:
                open_group = None
        g = [ln]
        groups.append(g)
        if open_group is None and not ln.term and ln.width > FLOW_WIDTH:
            open_group, waited = g, 0
    return groups


def build_units(lines: list[Line]) -> list[Unit]:
    """Classify lines and reflow the text lines into paragraph units."""
    flowed = page_is_flowed(lines)
    widths, measures = ([], []) if flowed else _column_widths(lines)
    page = "".join(ln.text for ln in lines)
    units: list[Unit] = []
    run: list[Line] = []

    def flush() -> None:
        if not run:
            return
        groups = _reflow_flowed(run, page) if flowed else _reflow_columns(run, widths, measures)
        for g in groups:
            units.append(_text_unit(g, flowed))
        run.clear()

    for ln in lines:
        kind = classify(ln)
        if kind == "text":
            run.append(ln)
            continue
        flush()
        units.append(Unit(kind, [ln], ln.text))
    flush()
    return mark_captions(units)


def is_exclaimed_head(text: str) -> bool:
    """A headline ending in `？` or `！`: short, no other punctuation before the end."""
    body = text.rstrip("？！?!﹖﹗”」")
    return (
        text[-1:] in "？！?!﹖﹗" and 4 <= han_count(body) <= 20
        and not _INNER_PUNCT.search(body) and not body.startswith(("“", "「"))
    )


def _text_unit(group: list[Line], flowed: bool) -> Unit:
    """A paragraph unit, or a loose line when a single line cannot be a paragraph."""
    text = "".join(ln.text for ln in group)
    if len(group) == 1:
        ln = group[0]
        if is_exclaimed_head(ln.text) and not ln.indented:
            return Unit("loose", group, text)
        if ln.vertical or ln.spaced and not ln.term:
            return Unit("loose", group, text)
        if not ln.term and (not flowed or ln.width <= FLOW_WIDTH):
            return Unit("loose", group, text)
    return Unit("para", group, text)
