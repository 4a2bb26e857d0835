"""Where things are in the article view: words on screen, the reading place, scrolling to text.

A mixin of `ArticleView` (kept apart so that each module does one job).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.geometry import Region

from reader.tui.article_layout import WordSpan

if TYPE_CHECKING:
    from reader.tui.widgets.article_view import ArticleView


class ArticleGeometry:
    """Geometry helpers of the article view."""

    def top_offset(self: ArticleView) -> int | None:
        """Character offset of the first word at the top of the view (the reading place)."""
        if self.page is None:
            return None
        top = int(self.scroll_y)
        for line in self.page.lines[top:]:
            if line.kind == "body" and line.spans:
                return line.spans[0].start
        return None

    def first_span(self: ArticleView, token: int) -> tuple[int, WordSpan] | None:
        """(line, span) where a token is first drawn, or None."""
        if self.page is None:
            return None
        spans = self.page.spans_of(token)
        return spans[0] if spans else None

    def word_region(self: ArticleView, token: int) -> Region | None:
        """Screen region of a word's characters, or None when it is not visible."""
        found = self.first_span(token)
        if found is None:
            return None
        y, span = found
        content = self.scrollable_content_region
        row = y - int(self.scroll_y)
        if not 0 <= row < content.height:
            return None
        width = span.width - (span.text_x - span.x) * 2 if self.ruby else span.width
        return Region(content.x + span.text_x, content.y + row, max(1, width), 1)

    def scroll_to_offset(self: ArticleView, offset: int, top: bool = False) -> None:
        """Scroll so that the word at a character offset is in view (at the top if asked)."""
        if self.page is None:
            return
        token = self.page.token_at_offset(offset)
        found = self.first_span(token) if token is not None else None
        if found is None:
            return
        y = found[0] - (1 if self.ruby else 0)
        if top:
            self.scroll_to(y=y, animate=False, force=True)
        else:
            self._scroll_into_view(y)

    def _scroll_into_view(self: ArticleView, y: int) -> None:
        """Scroll the least needed to show line `y` (and its ruby line) with a line to spare."""
        top = int(self.scroll_y)
        height = self.scrollable_content_region.height
        first = y - (1 if self.ruby else 0)
        if first - 1 < top:
            self.scroll_to(y=max(0, first - 1), animate=False, force=True)
        elif y + 2 > top + height:
            self.scroll_to(y=y + 2 - height, animate=False, force=True)
