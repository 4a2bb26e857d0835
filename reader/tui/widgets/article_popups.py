"""The pop-ups drawn inside the article's lines: pinyin by the pointed word, and its note.

A mixin of `ArticleView`. Both pop-ups are painted into the cached text lines (not floating
widgets), so pointing at another word repaints only the few lines they cover.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region

from reader.reading.placement import note_lines
from reader.tui.widgets.article_strips import Popup

if TYPE_CHECKING:
    from reader.tui.widgets.article_view import ArticleView

NOTE_WIDTH = 48
"""Widest note pop-up, in cells (narrower on a narrow view)."""
NOTE_LINES = 3
"""Lines of a note shown on hover; longer notes end with an ellipsis."""


class ArticlePopups:
    """Pinyin and note pop-ups of the article view."""

    def _place_popup(self: ArticleView) -> None:
        """Draw the pinyin by the hovered (else the cursor) word, and its note if it has one."""
        painter = self.painter
        if painter is None:
            return
        old = (painter.popup, *painter.note_popup)
        new: Popup | None = None
        notes: tuple[Popup, ...] = ()
        token = self.hover if self.hover is not None else self.cursor
        found = self.first_span(token) if token is not None and self.has_words else None
        if found is not None:
            y, span = found
            top, height = int(self.scroll_y), self.scrollable_content_region.height
            if top <= y < top + height:
                width = self.scrollable_content_region.width
                label = painter.label(token)  # type: ignore[arg-type]
                label_width = sum(seg.cell_length for seg in label)
                # Above the word, or below it when the word is on the top row.
                above = y - 1 >= top
                line = y - 1 if above else y + 1
                x = max(0, min(span.text_x - 1, width - label_width))
                new = Popup(line, x, label)
                notes = self._note_popup(token, y, span.text_x, above, top, height)  # type: ignore[arg-type]
        if new != painter.popup or notes != painter.note_popup:
            painter.popup, painter.note_popup = new, notes
            for popup in (*old, new, *notes):
                if popup is not None:
                    self._cache.pop(popup.line, None)
                    self.refresh_line(popup.line)

    def _note_popup(
        self: ArticleView, token: int, y: int, x: int, pinyin_above: bool, top: int, height: int
    ) -> tuple[Popup, ...]:
        """The note of the highlight under a word, as lines below it (or above when no room)."""
        tok = self.tokens[token]
        placed = self.highlights.note_at(tok.start, tok.end)
        if placed is None or not placed.note:
            return ()
        view_width = self.scrollable_content_region.width
        width = max(8, min(NOTE_WIDTH, view_width - 4))
        lines = note_lines(placed.note, width - 2, NOTE_LINES)
        style = self.painter.styles.base + self.painter.styles.marks.get(  # type: ignore[union-attr]
            "note-popup", Style()
        )
        box = max(self._cells(ln) for ln in lines) + 2
        left = max(0, min(x - 1, view_width - box))
        first = y + 1 if pinyin_above else y + 2
        if first + len(lines) > top + height:  # no room below: stack above the word
            first = (y - 1 if not pinyin_above else y - 2) - len(lines) + 1
            first = max(top, first)
        out = []
        for n, text in enumerate(lines):
            pad = box - 2 - self._cells(text)
            out.append(Popup(first + n, left, (Segment(f" {text}{' ' * pad} ", style),)))
        return tuple(out)

    @staticmethod
    def _cells(text: str) -> int:
        """Cells a text takes."""
        from rich.cells import cell_len

        return cell_len(text)

    @property
    def popup_text(self: ArticleView) -> str:
        """The text of the pinyin pop-up ('' when none is shown)."""
        popup = self.painter.popup if self.painter else None
        return popup.text.strip() if popup else ""

    @property
    def note_popup_text(self: ArticleView) -> str:
        """The note shown by the pointed word ('' when none), lines joined by newlines."""
        popups = self.painter.note_popup if self.painter else ()
        return "\n".join(p.text.strip() for p in popups)

    def popup_region(self: ArticleView) -> Region | None:
        """Screen region of the pinyin pop-up, or None."""
        popup = self.painter.popup if self.painter else None
        if popup is None:
            return None
        content = self.scrollable_content_region
        return Region(content.x + popup.x, content.y + popup.line - int(self.scroll_y),
                      popup.width, 1)
