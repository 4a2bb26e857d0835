"""The article drawn: layout, cached strips, highlights, marks, pop-ups and the geometry.

`ArticleCanvas` is the drawing half of `ArticleView`: it lays the article out for its width
and modes, keeps one cached strip per line, and repaints only the lines it is told changed.
It owns the parts whose state decides what is drawn: a `Pointer` (cursor and hover), a
`Selection`, and the painter; only this class tells the painter what to draw.
"""

from __future__ import annotations

from textual import events
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.corpus.model import Article, Issue
from reader.language.model import Token
from reader.reading.article_parts import in_body, sentence_source
from reader.reading.placement import ArticleHighlights
from reader.tui.article_layout import ArticleLayout, SegmentMode, WordSpan, layout_article
from reader.tui.widgets import article_geometry as geometry
from reader.tui.widgets.article_geometry import Viewport
from reader.tui.widgets.article_popups import place_popups
from reader.tui.widgets.article_strips import Mark, Painter, Popup, StripStyles
from reader.tui.widgets.article_styles import read_strip_styles
from reader.tui.widgets.status_marks import StatusMarks, read_palette
from reader.tui.widgets.text_selection import Selection, changed_range
from reader.tui.widgets.word_cursor import Pointer

PREVIEW_CHARS = 20_000
"""Characters laid out before an article's words arrive (an article is under 10,000; a
2 MB page shown as one article would take a second to lay out twice)."""


class ArticleCanvas(ScrollView):
    """The drawing half of the article view (see `ArticleView` for keys and the mouse)."""

    ruby: reactive[bool] = reactive(False, init=False)
    """Show the pinyin of every word above its characters."""
    tones: reactive[bool] = reactive(False, init=False)
    """Colour characters and pinyin by tone."""
    segments: reactive[SegmentMode] = reactive("shade", init=False)
    """How words are set apart: alternate shading, spaces, or not at all."""
    spoken: reactive[bool] = reactive(False, init=False)
    """Draw 一 and 不 in their spoken tones (yí gè, bú shì); lookups keep the written ones."""
    pinyin_mode: reactive[str] = reactive("all", init=False)
    """Which words get pinyin, in the line and on hover: all, not-known, off."""
    marks_shown: reactive[bool] = reactive(True, init=False)
    """Tint new and learning words by their status."""

    def __init__(self, article: Article, issue: Issue | None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article = article
        """The article shown."""
        self.issue = issue
        """The issue it comes from."""
        self.text = article.text
        """The body text the token offsets index into."""
        self.page: ArticleLayout | None = None
        """The current layout (None until the first resize)."""
        self.painter: Painter | None = None
        """Draws the layout's lines; only this view tells it what to draw."""
        self.pointer = Pointer()
        """The cursor word and the hovered word."""
        self.selection = Selection()
        """The passage being selected, if any."""
        self.highlights = ArticleHighlights()
        """The reader's highlights in this article (drawn under the search marks)."""
        self._raw_tokens: list[Token] = []
        self._part_tokens: list[Token] = []
        self._cache: dict[int, Strip] = {}
        self._marks: list[Mark] = []
        self._markers: list[int] = []
        self._strip_styles: StripStyles | None = None
        self.word_marks = StatusMarks()
        """Word-status tints and hidden pinyin (the painter reads its live tables)."""

    # What is shown ---------------------------------------------------------------------

    @property
    def tokens(self) -> list[Token]:
        """Every token of the body, gaps filled (indexes used by messages)."""
        return self.page.tokens if self.page else []

    @property
    def has_words(self) -> bool:
        """True once the tokens have arrived (a photo item's are its caption's)."""
        return bool(self._raw_tokens or self._part_tokens)

    def in_body(self, token: int) -> bool:
        """True when a token is in the body (not a headline part or caption): only the body
        holds highlights, notes and reading positions."""
        return in_body(self.article, self.tokens[token].start)

    def sentence_source(self, token: int) -> tuple[str, int]:
        """The text a token's sentence is found in (the body, or its headline part or
        caption) and the token's offset there."""
        return sentence_source(self.article, self.tokens[token].start)

    @property
    def cursor(self) -> int | None:
        """Index of the word under the cursor."""
        return self.pointer.cursor

    @property
    def hover(self) -> int | None:
        """Index of the word under the mouse."""
        return self.pointer.hover

    @property
    def viewport(self) -> Viewport:
        """The part of the layout on screen now."""
        return Viewport(int(self.scroll_y), int(self.scroll_x), self.scrollable_content_region,
                        self.ruby)

    def set_marks(self, marks: list[Mark]) -> None:
        """Replace the search matches drawn over the text."""
        self._marks = marks
        if self.painter is not None:
            self.painter.set_marks(marks)
        self._repaint_all()

    def set_highlights(self, highlights: ArticleHighlights) -> None:
        """Draw these highlights (and a marker after each one with a note)."""
        self.highlights = highlights
        markers = highlights.marker_ends()
        if markers != self._markers:
            self._markers = markers
            if self.page is not None:
                self._relayout()  # markers take a cell each: the lines wrap anew
                return
        if self.painter is not None:
            self.painter.set_highlights(self._highlight_marks())
        self._repaint_all()
        self._place_popups(force=True)

    def _highlight_marks(self) -> list[Mark]:
        """The highlights as marks to draw."""
        return [Mark(start, end, f"hl-{color}") for start, end, color in self.highlights.ranges()]

    # Geometry ----------------------------------------------------------------------------

    def first_span(self, token: int) -> tuple[int, WordSpan] | None:
        """(line, span) where a token is first drawn, or None."""
        return geometry.first_span(self.page, token) if self.page is not None else None

    def top_offset(self) -> int | None:
        """Character offset of the first word at the top of the view (the reading place)."""
        return geometry.top_offset(self.page, int(self.scroll_y)) if self.page else None

    def word_region(self, token: int) -> Region | None:
        """Screen region of a word's characters, or None when it is not visible."""
        if self.page is None:
            return None
        return geometry.word_region(self.page, token, self.viewport)

    def token_at(self, x: int, y: int) -> int | None:
        """The word under a point given relative to this widget."""
        if self.page is None:
            return None
        return geometry.token_under(self.page, x, y, self.viewport)

    def scroll_to_offset(self, offset: int, top: bool = False) -> None:
        """Scroll so that the word at a character offset is in view (at the top if asked)."""
        if self.page is not None:
            self._scroll(geometry.offset_target(self.page, offset, self.viewport, top))

    def _scroll(self, y: int | None) -> None:
        """Scroll to line `y` now (None: stay)."""
        if y is not None:
            self.scroll_to(y=y, animate=False, force=True)

    def selection_range(self) -> tuple[int, int] | None:
        """The selected characters as (start, end), or None."""
        return self.selection.range(self.tokens, self.text)

    def repaint_selection(self, old: tuple[int, int] | None) -> tuple[int, int] | None:
        """Repaint the lines whose selection changed since `old`; return the new range."""
        new = self.selection_range()
        if self.painter is not None:
            self.painter.selection = new
            changed = changed_range(old, new)
            if changed is not None and self.page is not None:
                first = self.page.token_at_offset(changed[0])
                last = self.page.token_at_offset(max(changed[0], changed[1] - 1))
                if first is not None and last is not None:
                    self._repaint_tokens(*range(first, last + 1))
        return new

    # Pop-ups ---------------------------------------------------------------------------------

    def _place_popups(self, force: bool = False) -> None:
        """Draw the pinyin by the pointed word, and its note if it has one."""
        painter = self.painter
        if painter is None or self.page is None:
            return
        token = self.pointer.pointed if self.has_words else None
        popup, notes = place_popups(self.page, painter, self.highlights, token, self.viewport)
        lit = token if self.ruby else None
        if (not force and popup == painter.popup and notes == painter.note_popup
                and lit == painter.ruby_pointed):
            return
        old = (painter.popup, *painter.note_popup)
        old_lit, painter.ruby_pointed = painter.ruby_pointed, lit
        painter.popup, painter.note_popup = popup, notes
        for shown in (*old, popup, *notes):
            if shown is not None:
                self._cache.pop(shown.line, None)
                self.refresh_line(shown.line)
        for word in {old_lit, lit} - {None}:
            for y, _ in self.page.spans_of(word):  # type: ignore[arg-type]
                self._cache.pop(y - 1, None)  # its pinyin line, just above
                self.refresh_line(y - 1)

    @property
    def popup_text(self) -> str:
        """The text of the pinyin pop-up ('' when none is shown)."""
        popup = self.painter.popup if self.painter else None
        return popup.text.strip() if popup else ""

    @property
    def note_popup_text(self) -> str:
        """The note shown by the pointed word ('' when none), lines joined by newlines."""
        popups: tuple[Popup, ...] = self.painter.note_popup if self.painter else ()
        return "\n".join(p.text.strip() for p in popups)

    def popup_region(self) -> Region | None:
        """Screen region of the pinyin pop-up, or None."""
        popup = self.painter.popup if self.painter else None
        if popup is None:
            return None
        content = self.scrollable_content_region
        return Region(content.x + popup.x, content.y + popup.line - int(self.scroll_y),
                      popup.width, 1)

    # Layout and drawing ----------------------------------------------------------------------

    def _relayout(self) -> None:
        """Lay the article out again for the current width and modes, keeping the place."""
        width = self.scrollable_content_region.width or self.size.width
        if width <= 0:
            return
        anchor = self.top_offset() if self.scroll_y > 0 else None
        self.page = layout_article(
            self.article, self.issue, self._raw_tokens, width,
            ruby=self.ruby, segments=self.segments, markers=self._markers,
            parts=self._part_tokens,
            preview_chars=PREVIEW_CHARS,  # before the words come, only the first screens
        )
        if self._strip_styles is None:
            self._strip_styles = read_strip_styles(self)
            self.word_marks.set_palette(read_palette(self))
        self.pointer.hover = None
        self.painter = Painter(
            self.page, self.text, self._strip_styles, tones=self.tones,
            shade=self.segments == "shade", hover=None, cursor=self.cursor, marks=self._marks,
            highlights=self._highlight_marks(), selection=self.selection_range(),
            tints=self.word_marks.tints, no_pinyin=self.word_marks.no_pinyin,
            spoken=self._spoken_tokens(),
        )
        self.virtual_size = Size(width, len(self.page.lines))
        if anchor is not None:
            self.scroll_to_offset(anchor, top=True)
        self._repaint_all()
        self._place_popups(force=True)

    def _repaint_all(self) -> None:
        """Forget every cached strip and repaint the visible lines."""
        self._cache.clear()
        self.refresh()

    def _repaint_tokens(self, *tokens: int | None) -> None:
        """Repaint only the lines where these tokens are drawn."""
        if self.page is None:
            return
        for token in tokens:
            if token is None:
                continue
            for y in self.page.token_lines.get(token, ()):
                self._cache.pop(y, None)
                self.refresh_line(y)

    def notify_style_update(self) -> None:
        """Styles changed (theme switch): rebuild the strip styles once all are restyled."""
        super().notify_style_update()
        # The component classes are restyled after the widget itself: read them later.
        if self.is_attached:
            self.call_after_refresh(self._restyle)

    def _restyle(self) -> None:
        """Rebuild the strip styles from the current component styles, if they changed."""
        if self.painter is None or not self.is_attached or not self.is_mounted:
            return
        styles = read_strip_styles(self)
        if styles != self._strip_styles:  # focus and hover changes leave them alone
            self._strip_styles = self.painter.styles = styles
            self.word_marks.set_palette(read_palette(self))
            self._repaint_all()
            self._place_popups(force=True)

    def render_line(self, y: int) -> Strip:
        """Draw one visible line (from the cache when unchanged)."""
        line = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if self.painter is None:
            return Strip.blank(width, self.rich_style)
        strip = self._cache.get(line)
        if strip is None or strip.cell_length != width:
            strip = self._cache[line] = self.painter.line(line, width)
        return strip

    def on_resize(self, event: events.Resize) -> None:
        """Wrap again when the width changes."""
        if self.page is None or self.page.width != self.scrollable_content_region.width:
            self._relayout()

    def _spoken_tokens(self) -> dict[int, Token]:
        """The tokens that sandhi changes, by index (none when spoken tones are off)."""
        if not self.spoken or self.page is None:
            return {}
        from reader.language.sandhi import spoken_tones

        written = self.page.tokens
        return {i: tok for i, tok in enumerate(spoken_tones(written)) if tok is not written[i]}

    def watch_spoken(self) -> None:
        """Spoken tones only redraw the pinyin (yí and yī are as wide)."""
        if self.painter is not None:
            self.painter.spoken = self._spoken_tokens()
            self._repaint_all()
            self._place_popups(force=True)

    def watch_tones(self, tones: bool) -> None:
        """Tone colours only restyle."""
        if self.painter is not None:
            self.painter.tones = tones
            self._repaint_all()
            self._place_popups(force=True)

    def repaint_starts(self, starts: set[int]) -> None:
        """Repaint the words starting at these offsets, and their pinyin lines (a status, the
        marks or the pinyin mode changed)."""
        page = self.page
        if page is None or not starts:
            return
        tokens = [i for i, t in enumerate(page.tokens) if t.start in starts]
        for token in tokens:
            for y in page.token_lines.get(token, ()):
                for line in (y, y - 1) if self.ruby else (y,):
                    self._cache.pop(line, None)
                    self.refresh_line(line)
        if self.pointer.pointed in tokens:
            self._place_popups(force=True)

    def watch_pinyin_mode(self, mode: str) -> None:
        """Another pinyin mode: some words gain or lose their pinyin."""
        self.repaint_starts(self.word_marks.set_pinyin_mode(mode))

    def watch_marks_shown(self, shown: bool) -> None:
        """Status tints on or off."""
        self.repaint_starts(self.word_marks.set_shown(shown))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Scrolling moves the words: the pop-up follows its word (or hides)."""
        super().watch_scroll_y(old_value, new_value)
        self._place_popups()

