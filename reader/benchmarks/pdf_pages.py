"""Render newspaper-like PDF pages with reportlab (test extra), with their truth beside.

Used by the PDF tests and `reader bench`: stories are set in columns of a grid, headlines
spanning the columns of their story, photos with smaller captions, a masthead or banner.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reader.corpus.model import Article, Issue
from reader.errors import ReaderError

FONT = "STSong-Light"
"""reportlab's built-in CID font for simplified Chinese: no font file needed."""
NO_LINE_START = "，。、；：！？”’）》"
_DRAWN_AS = str.maketrans({"·": "・"})
"""STSong-Light's CMap has no U+00B7; U+30FB is the same glyph and reads back as U+00B7."""
_UNDRAWABLE = str.maketrans({"⇑": None, "﹃": "“", "﹄": "”"})
"""Characters the font cannot draw at all, taken out of the truth before it is set."""


@dataclass(frozen=True)
class Layout:
    """How a page is set: its grid, the spans of the items of each band, its furniture."""

    name: str
    columns: int
    spans: tuple[tuple[int, ...], ...]
    """Per band, the column span of each item; bands repeat from the first when used up."""
    top: str = "masthead"
    """`masthead` (big name, rule), `banner` (one strip, rule) or `strip` (small line, no rule)."""
    photo_every: int = 0
    """Every n-th item is a photo (0: none)."""
    head_gap: float = 0.6
    """White space under a headline, in headline ems."""
    footer: bool = False
    note: str = ""
    """A page note in small type under the last band (no picture above it)."""
    overprint_heads: bool = False
    """Headlines printed twice a hair apart: the fake bold of many PDFs."""
    body: float = 9.0
    page: tuple[float, float] = (842.0, 1191.0)


@dataclass
class Rendered:
    """What was drawn: the stories and photos in page order (the truth)."""

    articles: list[Article] = field(default_factory=list)
    paper: str = "读报日报"
    date: str = "2024-03-09"
    page: int = 5
    section: str = "要闻"


LAYOUTS = (
    Layout("2col-masthead", 2, ((2,),)),
    Layout("3col-banner-photo", 3, ((2, 1), (1, 2), (3,)), top="banner", photo_every=4),
    Layout("4col-spanning", 4, ((4,), (2, 2), (1, 3)), photo_every=5),
    Layout("5col-strip-footer", 5, ((3, 2), (2, 3), (5,)), top="strip", footer=True,
           photo_every=3),
    Layout("6col-masthead", 6, ((6,), (4, 2), (2, 2, 2)), photo_every=4),
    Layout("3col-tight-heads", 3, ((3,), (1, 1, 1)), head_gap=0.15),
    Layout("4col-photos-small-body", 4, ((1, 3), (2, 2)), photo_every=2, body=8.0,
           top="banner", footer=True),
)


def _fonts() -> Any:
    """Import reportlab and register the CID font; ReaderError when it is missing."""
    try:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.pdfgen import canvas
    except ImportError as exc:
        raise ReaderError("rendering PDF pages needs reportlab (pip install reportlab)") from exc
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return canvas, pdfmetrics


def wrap(text: str, width: float, size: float, indent: float, metrics: Any) -> list[str]:
    """Break text into lines no wider than `width`; no line starts with closing punctuation.

    As typesetters do, a character moves down with the punctuation that would start the
    next line; the lines are justified when drawn.
    """
    lines: list[str] = []
    cur, used, limit = "", 0.0, width - indent
    for ch in text:
        w = metrics.stringWidth(ch, FONT, size)
        if used + w > limit + 0.01 and cur:
            carry = ""
            if ch in NO_LINE_START and len(cur) > 1:
                carry, cur = cur[-1], cur[:-1]
            lines.append(cur)
            cur, limit = carry, width
            used = metrics.stringWidth(cur, FONT, size)
        cur += ch
        used += w
    if cur:
        lines.append(cur)
    return lines


def stories_from(issues: list[Issue]) -> list[Article]:
    """The seed articles with a headline and the photo items, as parsed from text."""
    out = []
    for issue in issues:
        for art in issue.articles:
            if art.kind == "photo" or not art.title_derived:
                out.append(_drawable(art))
    return out


def _drawable(art: Article) -> Article:
    """The article with only characters the font can draw."""
    def fix(text: str | None) -> str | None:
        return None if text is None else text.translate(_UNDRAWABLE)

    return replace(
        art, title=fix(art.title) or "", kicker=fix(art.kicker), subtitle=fix(art.subtitle),
        byline=fix(art.byline), dateline=fix(art.dateline),
        continued_from=fix(art.continued_from),
        paragraphs=tuple(fix(p) or "" for p in art.paragraphs),
        captions=tuple(fix(c) or "" for c in art.captions),
    )


class _Page:
    """Draws one page and keeps what it drew."""

    def __init__(self, c: Any, metrics: Any, layout: Layout, truth: Rendered) -> None:
        self.c, self.m, self.lay, self.truth = c, metrics, layout, truth
        self.w, self.h = layout.page
        self.margin = 36.0
        self.gutter = 1.4 * layout.body
        self.colw = (self.w - 2 * self.margin - (layout.columns - 1) * self.gutter) / layout.columns
        self.lead = 1.5 * layout.body

    def text(self, x: float, top: float, s: str, size: float, width: float = 0.0) -> None:
        """Draw `s` with its top at `top` (points from the page top), justified to `width`."""
        t = self.c.beginText(x, self.h - top - 0.88 * size)
        t.setFont(FONT, size)
        space = 0.0  # character spacing is page state in PDF: reset it for every line
        if width and len(s) > 1:
            space = (width - self.m.stringWidth(s, FONT, size)) / (len(s) - 1)
        t.setCharSpace(space)
        t.textOut(s.translate(_DRAWN_AS))
        self.c.drawText(t)

    def rule(self, top: float) -> None:
        """A full-width rule."""
        self.c.setLineWidth(1)
        self.c.line(self.margin, self.h - top, self.w - self.margin, self.h - top)

    def furniture(self) -> float:
        """Draw masthead, banner or strip; return where content starts."""
        t, lay = self.truth, self.lay
        zh_date = "{}年{}月{}日".format(*(int(x) for x in t.date.split("-")))
        info = f"{zh_date} 星期六  第{t.page}版  {t.section}"
        small = lay.body * 0.85
        if lay.top == "masthead":
            self.text((self.w - 4 * 40) / 2, self.margin, t.paper, 40)
            self.text(self.margin, self.margin + 52, info, small)
            self.rule(self.margin + 52 + small + 6)
            top = self.margin + 52 + small + 6 + 2 * lay.body
        elif lay.top == "banner":
            self.text(self.margin, self.margin, t.section, 14)
            self.text(self.w / 2 - 28, self.margin, t.paper, 14)
            right = f"{zh_date}  第{t.page}版"
            self.text(self.w - self.margin - self.m.stringWidth(right, FONT, small),
                      self.margin + 3, right, small)
            self.rule(self.margin + 20)
            top = self.margin + 20 + 2 * lay.body
        else:
            self.text(self.margin, 14, f"第{t.page}版 {t.section} {t.paper} {zh_date}", small)
            top = self.margin + lay.body
        if lay.footer:
            self.text(self.w / 2 - 10, self.h - 24, f"— {t.page} —", small)
        return top

    def story_height(self, art: Article, span: int) -> tuple[float, list[tuple]]:
        """Height of an item set across `span` columns, and its draw operations."""
        lay, m = self.lay, self.m
        width = span * self.colw + (span - 1) * self.gutter
        ops: list[tuple] = []
        y = 0.0
        if art.kind == "photo":
            ph = 6 * lay.body * span
            ops.append(("rect", 0.0, y, width, ph))
            y += ph + 0.4 * lay.body
            size = round(lay.body * 0.8, 1)
            for ln in wrap(art.captions[0], width, size, 0, m):
                ops.append(("text", 0.0, y, ln, size))
                y += 1.4 * size
            return y, ops
        title_size = 22.0 if span >= 2 else 17.0
        aux = 13.0
        if art.kicker:
            for ln in wrap(art.kicker, width, aux, 0, m):
                ops.append(("text", 0.0, y, ln, aux))
                y += 1.3 * aux
        for ln in wrap(art.title, width, title_size, 0, m):
            ops.append(("text", 0.0, y, ln, title_size))
            if lay.overprint_heads:
                ops.append(("text", 0.3, y, ln, title_size))
            y += 1.25 * title_size
        if art.subtitle:
            for ln in wrap("——" + art.subtitle, width, aux, 0, m):
                ops.append(("text", 0.0, y, ln, aux))
                y += 1.3 * aux
        y += lay.head_gap * title_size
        body: list[tuple[float, str, float]] = []
        size = lay.body
        if art.continued_from:
            body.append((0.0, f"（{art.continued_from}）", 0.0))
        paras = list(art.paragraphs)
        if art.dateline:
            lead = art.dateline + (f"（{art.byline}）" if art.byline else "")
            paras[0] = lead + paras[0]
        elif art.byline:
            body += [(0.0, ln, 0.0) for ln in wrap(art.byline, self.colw, size, 0, m)]
        for k, para in enumerate(paras):
            indent = 0.0 if k in art.headings else 2 * size
            lines = wrap(para, self.colw, size, indent, m)
            for j, ln in enumerate(lines):
                full = 0.0 if j == len(lines) - 1 else self.colw - (indent if j == 0 else 0.0)
                body.append((indent if j == 0 else 0.0, ln, full))
        per = math.ceil(len(body) / span)
        for i in range(span):
            chunk = body[i * per : (i + 1) * per]
            x = i * (self.colw + self.gutter)
            for j, (dx, ln, full) in enumerate(chunk):
                ops.append(("text", x + dx, y + j * self.lead, ln, size, full))
        return y + per * self.lead, ops

    def draw(self, ops: list[tuple], x0: float, top: float) -> None:
        """Carry out draw operations at an offset."""
        for op in ops:
            if op[0] == "rect":
                _, x, y, w, h = op
                self.c.setFillGray(0.7)
                self.c.rect(x0 + x, self.h - (top + y + h), w, h, fill=1, stroke=0)
                self.c.setFillGray(0)
            else:
                _, x, y, s, size, *full = op
                self.text(x0 + x, top + y, s, size, *full)


def render_page(path: Path, items: list[Article], layout: Layout,
                truth: Rendered | None = None) -> Rendered:
    """Set as many of `items` as fit on one page of `layout`; write the PDF; return the truth."""
    return render_pages(path, [(items, layout, truth or Rendered())])[0]


def render_pages(path: Path, pages: list[tuple[list[Article], Layout, Rendered]]) -> list[Rendered]:
    """Write a PDF of several pages, each (items, layout, furniture); return each truth."""
    canvas, metrics = _fonts()
    c = canvas.Canvas(str(path), pagesize=pages[0][1].page, invariant=1)
    out = []
    for items, layout, truth in pages:
        c.setPageSize(layout.page)
        _fill(_Page(c, metrics, layout, truth), items, layout, truth)
        c.showPage()
        out.append(truth)
    c.save()
    return out


def _fill(pg: _Page, items: list[Article], layout: Layout, truth: Rendered) -> None:
    """Draw furniture, then bands of items until the page is full."""
    top = pg.furniture()
    bottom = pg.h - 48
    band_no = 0
    count = 0
    stories = [a for a in items if a.kind != "photo"]
    photos = [a for a in items if a.kind == "photo"]
    while stories:
        spans = layout.spans[band_no % len(layout.spans)]
        band_no += 1
        placed: list[tuple[Article, float, list[tuple], int]] = []
        col = 0
        for span in spans:
            count += 1
            use_photo = layout.photo_every and count % layout.photo_every == 0 and photos
            pool = photos if use_photo else stories
            for idx, art in enumerate(pool):
                h, ops = pg.story_height(art, span)
                if top + h <= bottom:
                    pool.pop(idx)
                    placed.append((art, h, ops, col))
                    break
            col += span
        if not placed:
            break
        for art, _, ops, col in placed:
            pg.draw(ops, pg.margin + col * (pg.colw + pg.gutter), top)
            truth.articles.append(art)
        top += max(h for _, h, _, _ in placed) + 1.2 * layout.body
        if top + 0.6 * layout.body < bottom:
            pg.rule(top)
        top += 1.3 * layout.body
        if len(placed) < len(spans):
            break
    if layout.note:
        pg.text(pg.margin, min(top, bottom), layout.note, round(layout.body * 0.8, 1))
