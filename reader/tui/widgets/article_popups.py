"""The pop-ups drawn inside the article's lines: pinyin by the pointed word, and its note.

Both are painted into the cached text lines (not floating widgets), so pointing at another
word repaints only the few lines they cover. `place_popups` works them out from the layout,
the painter's label and the highlights; the view hands them to the painter.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style

from reader.reading.placement import ArticleHighlights, note_lines
from reader.tui.article_layout import ArticleLayout
from reader.tui.widgets.article_geometry import Viewport, first_span
from reader.tui.widgets.article_strips import Painter, Popup

NOTE_WIDTH = 48
"""Widest note pop-up, in cells (narrower on a narrow view)."""
NOTE_LINES = 3
"""Lines of a note shown on hover; longer notes end with an ellipsis."""


def place_popups(page: ArticleLayout, painter: Painter, highlights: ArticleHighlights,
                 token: int | None, view: Viewport) -> tuple[Popup | None, tuple[Popup, ...]]:
    """The pinyin pop-up by a word and its note's lines (nothing when it is off screen)."""
    found = first_span(page, token) if token is not None else None
    if token is None or found is None or not view.shows(found[0]):
        return None, ()
    y, span = found
    # Pinyin-line mode lights the word's own pinyin instead (see `Painter.ruby_pointed`); the
    # pinyin mode may leave a word without pinyin (a known word in `not-known`, any in `off`).
    if view.ruby or page.tokens[token].start in painter.no_pinyin:
        return None, _note_popup(page, painter, highlights, token, y, span.text_x, True, view)
    label = painter.label(token)
    label_width = sum(seg.cell_length for seg in label)
    # Above the word, or below it when the word is on the top row.
    above = y - 1 >= view.top
    line = y - 1 if above else y + 1
    x = max(0, min(span.text_x - 1, view.region.width - label_width))
    return Popup(line, x, label), _note_popup(page, painter, highlights, token, y,
                                              span.text_x, above, view)


def _note_popup(page: ArticleLayout, painter: Painter, highlights: ArticleHighlights,
                token: int, y: int, x: int, pinyin_above: bool,
                view: Viewport) -> tuple[Popup, ...]:
    """The note of the highlight under a word, as lines below it (or above when no room)."""
    tok = page.tokens[token]
    placed = highlights.note_at(tok.start, tok.end)
    if placed is None or not placed.note:
        return ()
    view_width = view.region.width
    width = max(8, min(NOTE_WIDTH, view_width - 4))
    lines = note_lines(placed.note, width - 2, NOTE_LINES)
    style = painter.styles.base + painter.styles.marks.get("note-popup", Style())
    box = max(cell_len(ln) for ln in lines) + 2
    left = max(0, min(x - 1, view_width - box))
    first = y + 1 if pinyin_above else y + 2
    if first + len(lines) > view.top + view.region.height:  # no room below: stack above
        first = (y - 1 if not pinyin_above else y - 2) - len(lines) + 1
        first = max(view.top, first)
    out = []
    for n, text in enumerate(lines):
        pad = box - 2 - cell_len(text)
        out.append(Popup(first + n, left, (Segment(f" {text}{' ' * pad} ", style),)))
    return tuple(out)
