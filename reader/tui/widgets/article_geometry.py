"""Where things are in the article view: words on screen, the reading place, scroll targets.

Pure functions over a layout and a `Viewport` (the visible window of the layout), so the view,
its cursor and its pop-ups share one answer and it can be tested without a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.geometry import Region

from reader.tui.article_layout import ArticleLayout, WordSpan, is_word


@dataclass(frozen=True)
class Viewport:
    """The part of the layout on screen."""

    top: int
    """First layout line shown (the scroll position)."""
    left: int
    """First cell shown (horizontal scroll)."""
    region: Region
    """The content region on screen (position and size)."""
    ruby: bool = False
    """True when pinyin lines stand above the text lines."""

    def shows(self, y: int) -> bool:
        """True when layout line `y` is on screen."""
        return self.top <= y < self.top + self.region.height


def first_span(page: ArticleLayout, token: int) -> tuple[int, WordSpan] | None:
    """(line, span) where a token is first drawn, or None."""
    spans = page.spans_of(token)
    return spans[0] if spans else None


def top_offset(page: ArticleLayout, top: int) -> int | None:
    """Character offset of the first word at or below line `top` (the reading place)."""
    for line in page.lines[top:]:
        if line.kind == "body" and line.spans:
            return line.spans[0].start
    return None


def word_region(page: ArticleLayout, token: int, view: Viewport) -> Region | None:
    """Screen region of a word's characters, or None when it is not visible."""
    found = first_span(page, token)
    if found is None:
        return None
    y, span = found
    row = y - view.top
    if not 0 <= row < view.region.height:
        return None
    width = span.width - (span.text_x - span.x) * 2 if view.ruby else span.width
    return Region(view.region.x + span.text_x, view.region.y + row, max(1, width), 1)


def token_under(page: ArticleLayout, x: int, y: int, view: Viewport,
                words_only: bool = True) -> int | None:
    """The token under a point relative to the view (a word, unless `words_only` is False)."""
    span = page.span_at(x + view.left, y + view.top)
    if span is None or (words_only and not is_word(page.tokens[span.token])):
        return None
    return span.token


def into_view(y: int, view: Viewport) -> int | None:
    """The scroll position that shows line `y` (and its ruby line) with a line to spare.

    None when it is already in view: scroll the least needed, never more.
    """
    height = view.region.height
    first = y - (1 if view.ruby else 0)
    if first - 1 < view.top:
        return max(0, first - 1)
    if y + 2 > view.top + height:
        return y + 2 - height
    return None


def offset_target(page: ArticleLayout, offset: int, view: Viewport,
                  top: bool = False) -> int | None:
    """The scroll position that shows the word at a character offset (at the top if asked)."""
    token = page.token_at_offset(offset)
    found = first_span(page, token) if token is not None else None
    if found is None:
        return None
    y = found[0] - (1 if view.ruby else 0)
    return y if top else into_view(found[0], view)
