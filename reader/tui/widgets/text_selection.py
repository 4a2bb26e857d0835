"""Selecting a passage of the article: `v` then motions, or a mouse drag.

A mixin of `ArticleView`. A selection runs from an anchor word to the cursor word (keys) or to
the word under the mouse (drag), whole words at both ends, and is drawn as a mark over the
text; only the lines whose selection state changed are repainted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.geometry import Offset

from reader.tui.article_layout import is_word

if TYPE_CHECKING:
    from reader.tui.widgets.article_view import ArticleView


class TextSelection:
    """Selection behaviour of the article view."""

    selection_anchor: int | None = None
    """Token where the selection started (None when nothing is selected)."""
    selection_end: int | None = None
    """Token where the selection ends now (the cursor, or the word under a drag)."""
    _drag_from: int | None = None
    """Token under the mouse button while it is down."""
    _dragged = False
    """True when the last press moved over other words (the click that follows is no lookup)."""

    def selection_range(self: ArticleView) -> tuple[int, int] | None:
        """The selected characters as (start, end), or None."""
        if self.selection_anchor is None or self.selection_end is None or self.page is None:
            return None
        tokens = self.page.tokens
        a, b = sorted((self.selection_anchor, self.selection_end))
        start, end = tokens[a].start, tokens[b].end
        text = self.text[start:end]
        # Leave out leading and trailing blanks and line breaks.
        start += len(text) - len(text.lstrip())
        end -= len(text) - len(text.rstrip())
        return (start, end) if end > start else None

    @property
    def selecting(self: ArticleView) -> bool:
        """True while a selection is under way."""
        return self.selection_anchor is not None

    def start_selection(self: ArticleView) -> None:
        """Start a selection at the cursor word (the cursor then extends it)."""
        if self.page is None:
            return
        if self.cursor is None or self.word_region(self.cursor) is None:
            self._ensure_cursor()
        if self.cursor is None:
            return
        self.selection_anchor = self.selection_end = self.cursor
        self._selection_moved(None)

    def clear_selection(self: ArticleView) -> None:
        """Forget the selection."""
        if self.selection_anchor is None:
            return
        old = self.selection_range()
        self.selection_anchor = self.selection_end = None
        self._selection_moved(old)

    def _extend_selection(self: ArticleView, token: int) -> None:
        """Move the free end of the selection to a token."""
        if self.selection_anchor is None or token == self.selection_end:
            return
        old = self.selection_range()
        self.selection_end = token
        self._selection_moved(old)

    def _selection_moved(self: ArticleView, old: tuple[int, int] | None) -> None:
        """Repaint the lines whose selection changed and tell the screen."""
        new = self.selection_range()
        if self.painter is not None:
            self.painter.selection = new
            changed = _symmetric_difference(old, new)
            if changed is not None and self.page is not None:
                first = self.page.token_at_offset(changed[0])
                last = self.page.token_at_offset(max(changed[0], changed[1] - 1))
                if first is not None and last is not None:
                    for token in range(first, last + 1):
                        self._repaint_token(token)
        self.post_message(self.SelectionChanged(self, new))

    # The mouse ---------------------------------------------------------------------------

    def _token_under(self: ArticleView, offset: Offset) -> int | None:
        """Any token (word or punctuation) under a point relative to the view."""
        if self.page is None:
            return None
        span = self.page.span_at(offset.x + int(self.scroll_x), offset.y + int(self.scroll_y))
        return None if span is None else span.token

    def on_mouse_down(self: ArticleView, event: events.MouseDown) -> None:
        """Pressing the button on the text may start a drag selection."""
        offset = event.get_content_offset(self)
        token = None if offset is None else self._token_under(offset)
        self._dragged = False
        self._drag_from = token
        if token is not None:
            self.capture_mouse()

    def _drag(self: ArticleView, event: events.MouseMove) -> bool:
        """Extend a drag selection to the word under the mouse; False when not dragging."""
        if self._drag_from is None:
            return False
        offset = event.get_content_offset(self)
        token = None if offset is None else self._token_under(offset)
        if token is None:
            return True
        if not self._dragged and token != self._drag_from:
            self._dragged = True
            self.clear_selection()
            self.selection_anchor = self.selection_end = self._drag_from
        if self._dragged:
            self._extend_selection(token)
        return True

    def on_mouse_up(self: ArticleView, event: events.MouseUp) -> None:
        """The drag is over; the selection stays for `h` or `a`."""
        if self._drag_from is not None:
            self.capture_mouse(False)
            self._drag_from = None
            end = self.selection_end
            if self._dragged and end is not None and self.page is not None:
                # Keys go on from where the mouse stopped (the cursor stops on words only).
                if is_word(self.page.tokens[end]):
                    self.move_cursor(end)


def _symmetric_difference(
    old: tuple[int, int] | None, new: tuple[int, int] | None
) -> tuple[int, int] | None:
    """The smallest range covering every character selected in one and not the other."""
    if old is None and new is None:
        return None
    if old is None or new is None:
        return old or new
    if old == new:
        return None
    return min(old[0], new[0]), max(old[1], new[1])
