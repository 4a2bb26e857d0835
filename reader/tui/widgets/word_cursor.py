"""The word cursor and the mouse over the article: moves, hover, clicks and their actions.

A mixin of `ArticleView` (kept apart so that each module does one job): it moves the cursor
and the hover mark between words, repainting only the lines they touch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.geometry import Offset

from reader.tui.article_layout import is_word
from reader.tui.word_motion import first_word_on_or_after, step_line, step_word

if TYPE_CHECKING:
    from reader.tui.widgets.article_view import ArticleView


class WordCursor:
    """Cursor and hover behaviour of the article view."""

    def move_cursor(self: ArticleView, token: int | None, center: bool = False) -> None:
        """Put the cursor on a word, scroll it into view and say so."""
        if token is None or self.page is None:
            return
        old, self.cursor = self.cursor, token
        if self.painter is not None:
            self.painter.cursor = token
        self._repaint_token(old)
        self._repaint_token(token)
        found = self.first_span(token)
        if found is not None:
            if center:
                height = self.scrollable_content_region.height
                self.scroll_to(y=max(0, found[0] - height // 3), animate=False, force=True)
            else:
                self._scroll_into_view(found[0])
        self._place_popup()
        self._extend_selection(token)
        self._point_cursor()

    def _point_cursor(self: ArticleView) -> None:
        """Tell the screen the cursor word (after a move or a relayout)."""
        if self.cursor is not None:
            self.post_message(self.WordPointed(self, self.cursor, by_mouse=False))

    def _ensure_cursor(self: ArticleView) -> bool:
        """Place the cursor on the first visible word when it has none; True if it moved."""
        if self.page is None:
            return True
        if self.cursor is None or self.word_region(self.cursor) is None:
            self.move_cursor(first_word_on_or_after(self.page, int(self.scroll_y)))
            return True
        return False

    def action_next_word(self: ArticleView) -> None:
        """Cursor to the next word."""
        if self.page is not None and not self._ensure_cursor():
            self.move_cursor(step_word(self.page, self.cursor, 1))

    def action_previous_word(self: ArticleView) -> None:
        """Cursor to the previous word."""
        if self.page is not None and not self._ensure_cursor():
            self.move_cursor(step_word(self.page, self.cursor, -1))

    def action_line_down(self: ArticleView) -> None:
        """Cursor a line down."""
        self._step_lines(1)

    def action_line_up(self: ArticleView) -> None:
        """Cursor a line up."""
        self._step_lines(-1)

    def action_page_down(self: ArticleView) -> None:
        """Cursor a screenful down."""
        self._step_lines(max(1, self._lines_per_page()))

    def action_page_up(self: ArticleView) -> None:
        """Cursor a screenful up."""
        self._step_lines(-max(1, self._lines_per_page()))

    def _lines_per_page(self: ArticleView) -> int:
        """Body lines that fit on a screen."""
        height = self.scrollable_content_region.height - 2
        return height // 2 if self.ruby else height

    def _step_lines(self: ArticleView, lines: int) -> None:
        """Cursor `lines` body lines down (or up)."""
        if self.page is not None and not self._ensure_cursor():
            self.move_cursor(step_line(self.page, self.cursor, lines))

    def action_first_word(self: ArticleView) -> None:
        """Cursor to the first word; show the headline."""
        if self.page is not None:
            self.move_cursor(step_word(self.page, None, 1))
            self.scroll_to(y=0, animate=False, force=True)

    def action_last_word(self: ArticleView) -> None:
        """Cursor to the last word."""
        if self.page is not None:
            self.move_cursor(step_word(self.page, None, -1))
            self.scroll_end(animate=False, force=True)

    def action_choose_word(self: ArticleView) -> None:
        """Look up the cursor word."""
        if self.cursor is None:
            self._ensure_cursor()
        if self.cursor is not None:
            self.post_message(self.WordChosen(self, self.cursor))

    def token_at(self: ArticleView, offset: Offset) -> int | None:
        """The word under a point given relative to this widget."""
        if self.page is None:
            return None
        span = self.page.span_at(offset.x + int(self.scroll_x), offset.y + int(self.scroll_y))
        if span is None or not is_word(self.page.tokens[span.token]):
            return None
        return span.token

    def set_hover(self: ArticleView, token: int | None) -> None:
        """Mark the word under the mouse and say so."""
        if token == self.hover:
            return
        old, self.hover = self.hover, token
        if self.painter is not None:
            self.painter.hover = token
        self._repaint_token(old)
        self._repaint_token(token)
        self._place_popup()
        self.post_message(self.WordPointed(self, token, by_mouse=True))

    def on_mouse_move(self: ArticleView, event: events.MouseMove) -> None:
        """Hovering a word marks it and shows its pinyin."""
        self._drag(event)
        offset = event.get_content_offset(self)
        self.set_hover(None if offset is None else self.token_at(offset))

    def on_leave(self: ArticleView, event: events.Leave) -> None:
        """The mouse left the text."""
        self.set_hover(None)

    def on_click(self: ArticleView, event: events.Click) -> None:
        """A click on a word puts the cursor there and looks it up (not the end of a drag)."""
        if self._dragged:
            self._dragged = False
            return
        offset = event.get_content_offset(self)
        token = None if offset is None else self.token_at(offset)
        if token is not None:
            self.clear_selection()
            self.move_cursor(token)
            self.post_message(self.WordChosen(self, token))
