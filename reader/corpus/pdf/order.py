"""Reading order of a page's lines by recursive cuts along white space (XY-cut).

A newspaper page is a stack of bands, each band a row of columns, each column a stack of
blocks. Cutting the page across where nothing is printed, then each band down its gutters,
and so on, yields the lines in the order a reader follows: band by band, column by column.
A headline belongs with what is under it, so the white under a headline is never a cut
between bands: stories side by side whose headlines line up stay one band, cut into columns.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.corpus.pdf.lines import HEAD_EMS, TextLine

BAND_GAP_EMS = 1.1
"""A white strip this many body ems tall, across a whole region, separates two bands."""
GUTTER_EMS = 0.5
"""A white strip this many body ems wide, down a whole region, is a gutter between columns."""


def reading_order(lines: Sequence[TextLine], em: float) -> list[list[TextLine]]:
    """The page's lines grouped into regions (blocks of one column) in reading order."""
    out: list[list[TextLine]] = []
    # A stack rather than recursion: a page of many small blocks nests deeply.
    todo: list[list[TextLine]] = [list(lines)] if lines else []
    while todo:
        region = todo.pop()
        parts = _parts(region, em)
        if parts is None:
            out.append(sorted(region, key=lambda ln: (ln.top, ln.x0)))
        else:
            todo.extend(reversed(parts))
    return out


def _parts(lines: list[TextLine], em: float) -> list[list[TextLine]] | None:
    """The region cut into bands, else columns, else a headline and what it spans; or None."""
    if len(lines) <= 1:
        return None
    bands = _split(lines, em * BAND_GAP_EMS, vertical=False, heads_at=HEAD_EMS * em)
    if len(bands) > 1:
        return bands
    columns = _split(lines, em * GUTTER_EMS, vertical=True)
    if len(columns) > 1:
        return columns
    # A headline set close above the columns it spans blocks every gutter: cut under the
    # widest lines at the top where the rest then falls apart into columns.
    by_top = sorted(lines, key=lambda ln: (ln.top, ln.x0))
    head = _head_over_columns(by_top, em)
    if head is not None:
        return [by_top[:head], by_top[head:]]
    return None


def _split(
    lines: list[TextLine], gap: float, vertical: bool, heads_at: float = 0.0
) -> list[list[TextLine]]:
    """Groups of lines separated by white strips at least `gap` wide along one axis.

    With `heads_at`, a strip right under a line that large (a headline) does not separate.
    """
    if vertical:
        spans = sorted(lines, key=lambda ln: ln.x0)
        lo, hi = (lambda ln: ln.x0), (lambda ln: ln.x1)
    else:
        spans = sorted(lines, key=lambda ln: ln.top)
        lo, hi = (lambda ln: ln.top), (lambda ln: ln.bottom)
    groups: list[list[TextLine]] = [[spans[0]]]
    reach = hi(spans[0])
    head_reach = hi(spans[0]) if heads_at and spans[0].size >= heads_at else None
    for ln in spans[1:]:
        # A headline ending just above the strip (a caption beside it may reach lower)
        # is a headline over its story: the strip is not a cut between bands.
        under_head = head_reach is not None and reach - head_reach < gap
        if lo(ln) - reach >= gap and not under_head:
            groups.append([])
            head_reach = None
        groups[-1].append(ln)
        reach = max(reach, hi(ln))
        if heads_at and ln.size >= heads_at:
            head_reach = max(head_reach or 0.0, hi(ln))
    return groups


def _head_over_columns(lines: list[TextLine], em: float) -> int | None:
    """Index of the first line under a top block that spans the columns below (lines by top)."""
    by_top = lines
    reach = by_top[0].bottom
    for k in range(1, min(len(by_top), 12)):
        if by_top[k].top < reach:  # still on the rows above
            reach = max(reach, by_top[k].bottom)
            continue
        below = by_top[k:]
        if len(_split(below, em * GUTTER_EMS, vertical=True)) > 1:
            return k
        reach = max(reach, by_top[k].bottom)
    return None
