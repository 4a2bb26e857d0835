"""Group a page's characters into printed lines: one baseline, one size, no column gap."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from reader.corpus.pdf.document import Box, Char

GAP_EMS = 0.9
"""A horizontal gap wider than this many ems between characters separates two columns."""
HEAD_EMS = 1.2
"""Lines at least this many body ems tall are headline type (kicker, title, subtitle)."""


@dataclass(frozen=True)
class TextLine:
    """A run of characters on one baseline in one size, with its box."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool

    @property
    def width(self) -> float:
        """Horizontal extent in points."""
        return self.x1 - self.x0


def build_lines(chars: tuple[Char, ...]) -> list[TextLine]:
    """Cut the characters into lines: same baseline and size, split where a column gap is.

    Gutters are set in body type whatever the size of the type beside them, so the gap
    that splits a line is measured in the smaller of its own and the body's ems.
    """
    sizes: Counter[float] = Counter(ch.size for ch in chars)
    em = sizes.most_common(1)[0][0] if sizes else 10.0
    rows: dict[tuple[int, float], list[Char]] = {}
    for ch in chars:
        # The baseline (bottom) of characters of one size agrees to a fraction of a point.
        key = (round(ch.bottom * 2), ch.size)
        rows.setdefault(key, []).append(ch)
    lines: list[TextLine] = []
    for (_, size), row in rows.items():
        row.sort(key=lambda c: c.x0)
        run: list[Char] = []
        for ch in row:
            if run and ch.x0 - run[-1].x1 > GAP_EMS * min(size, em):
                lines.append(_line(run))
                run = []
            run.append(ch)
        if run:
            lines.append(_line(run))
    lines = [ln for ln in lines if ln.text.strip()]
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return lines


def _line(run: list[Char]) -> TextLine:
    """A line from a left-to-right run of characters."""
    bold = sum(c.bold for c in run) * 2 > len(run)
    return TextLine(
        text=_joined(run),
        x0=min(c.x0 for c in run),
        x1=max(c.x1 for c in run),
        top=min(c.top for c in run),
        bottom=max(c.bottom for c in run),
        size=run[0].size,
        bold=bold,
    )


def _joined(run: list[Char]) -> str:
    """The run's text; a space where Latin words are set apart by white, not by a glyph.

    PDFs often position Latin words instead of printing spaces. The white counts as a
    space when it is wider than the line's usual letter spacing (justification spreads
    every gap alike) by a fifth of an em, between two Latin letters or digits.
    """
    gaps = sorted(b.x0 - a.x1 for a, b in zip(run, run[1:], strict=False))
    usual = gaps[len(gaps) // 2] if gaps else 0.0
    out = [run[0].text] if run else []
    for a, b in zip(run, run[1:], strict=False):
        if (b.x0 - a.x1 - usual > 0.2 * a.size and a.text[-1:].isascii() and b.text[:1].isascii()
                and not a.text.isspace() and not b.text.isspace()):
            out.append(" ")
        out.append(b.text)
    return "".join(out)


def body_size(lines: list[TextLine], pictures: tuple[Box, ...] = ()) -> float:
    """The size most of the page's running text is set in: the body type.

    Lines hanging under a picture are its caption, whatever their share of the page (a
    page of photos has more caption than body text), so they have no vote.
    """
    under = captions_under(lines, pictures)
    weights: Counter[float] = Counter()
    for ln in lines:
        if id(ln) not in under:
            weights[ln.size] += len(ln.text)
    if not weights:
        for ln in lines:
            weights[ln.size] += len(ln.text)
    return weights.most_common(1)[0][0] if weights else 10.0


def captions_under(lines: list[TextLine], pictures: tuple[Box, ...]) -> set[int]:
    """Ids of the lines set directly under a picture, in one size, one after the other."""
    out: set[int] = set()
    by_top = sorted(lines, key=lambda ln: ln.top)
    for pic in pictures:
        block: list[TextLine] = []
        for ln in by_top:
            if ln.x1 <= pic.x0 or ln.x0 >= pic.x1:
                continue
            edge = block[-1].bottom if block else pic.bottom
            if ln.top < edge - 0.5:
                continue
            if ln.top - edge > ln.size or (block and ln.size != block[0].size):
                break
            block.append(ln)
        out.update(id(ln) for ln in block)
    return out
