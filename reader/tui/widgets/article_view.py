"""The article body: segmented words you can hover, walk with a cursor, and look up.

A Line API widget: the article is laid out once per width and display mode
(`article_layout`), each line is drawn into a cached strip (`article_strips`), and hover,
cursor or search changes repaint only the lines whose words changed.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.corpus.model import Article, Issue
from reader.language.model import Token
from reader.reading.placement import ArticleHighlights
from reader.tui.article_layout import (
    ArticleLayout,
    SegmentMode,
    layout_article,
)
from reader.tui.widgets.article_geometry import ArticleGeometry
from reader.tui.widgets.article_popups import ArticlePopups
from reader.tui.widgets.article_strips import Mark, Painter, StripStyles
from reader.tui.widgets.text_selection import TextSelection
from reader.tui.widgets.word_cursor import WordCursor

SEGMENT_MODES: tuple[SegmentMode, ...] = ("shade", "space", "off")
"""How words are set apart, in the order `g` cycles through them."""


HIGHLIGHT_STYLES = ("hl-yellow", "hl-green", "hl-blue", "hl-pink", "hl-purple")
"""Mark styles of the highlight colours (`hl-` + the store's colour name)."""
MARK_STYLES = ("match", "match-current", "selection", "note", "note-popup", *HIGHLIGHT_STYLES)
"""Component classes (without the `article-view--` prefix) drawn as marks."""


class ArticleView(
    WordCursor, TextSelection, ArticlePopups, ArticleGeometry, ScrollView,
    can_focus=True, inherit_bindings=False,
):
    """The words of one article, laid out in cells, with a word cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("w,right", "next_word", "Next word", show=False),
        Binding("b,left", "previous_word", "Previous word", show=False),
        Binding("j,down", "line_down", "Line down", show=False),
        Binding("k,up", "line_up", "Line up", show=False),
        Binding("space,pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home", "first_word", "First word", show=False),
        Binding("end", "last_word", "Last word", show=False),
        Binding("enter", "choose_word", "Look up"),
        Binding("p", "toggle_ruby", "Pinyin", tooltip="Pinyin above every word"),
        Binding("t", "toggle_tones", "Tones", tooltip="Colour words by tone"),
        Binding("g", "cycle_segments", "Word shading / spaces / plain", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | w, right / b, left | Move the word cursor to the next / previous word. |
    | j, down / k, up | Move the word cursor a line down / up. |
    | space, pagedown / pageup | Move a screenful. |
    | home / end | First / last word. |
    | enter | Look up the word under the cursor. |
    | p | Pinyin above the characters. |
    | t | Tone colours. |
    | g | Word separation: shading, spaces, none. |
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--shade",
        "article-view--hover",
        "article-view--cursor",
        "article-view--ruby",
        "article-view--popup",
        "article-view--source",
        "article-view--kicker",
        "article-view--title",
        "article-view--subtitle",
        "article-view--byline",
        "article-view--rule",
        "article-view--caption",
        "article-view--match",
        "article-view--match-current",
        "article-view--selection",
        "article-view--note",
        "article-view--note-popup",
        "article-view--hl-yellow",
        "article-view--hl-green",
        "article-view--hl-blue",
        "article-view--hl-pink",
        "article-view--hl-purple",
    }
    """
    | Class | Description |
    | :- | :- |
    | `article-view--shade` | Every other word when words are shaded. |
    | `article-view--hover` | The word under the mouse. |
    | `article-view--cursor` | The word under the cursor. |
    | `article-view--ruby` | Pinyin above the characters. |
    | `article-view--popup` | The pinyin pop-up by the pointed word. |
    | `article-view--source` ... `--caption` | Headline block and captions. |
    | `article-view--match`, `--match-current` | Search matches. |
    | `article-view--selection` | The passage being selected. |
    | `article-view--hl-yellow` ... `--hl-purple` | Highlights, by colour. |
    | `article-view--note`, `--note-popup` | The marker after a noted highlight; its note. |
    """

    DEFAULT_CSS = """
    ArticleView {
        background: $surface;
        color: $foreground;
        & > .article-view--shade { background: $foreground 7%; }
        & > .article-view--hover { text-style: underline; color: $text-accent; }
        & > .article-view--cursor { background: $accent 45%; }
        & > .article-view--ruby { color: $foreground-muted; }
        & > .article-view--popup { background: $primary-muted; text-style: bold; }
        & > .article-view--source { color: $foreground-muted; }
        & > .article-view--kicker { color: $text-secondary; }
        & > .article-view--title { text-style: bold; color: $text-primary; }
        & > .article-view--subtitle { text-style: italic; }
        & > .article-view--byline { color: $foreground-muted; }
        & > .article-view--rule { color: $foreground-muted; }
        & > .article-view--caption { text-style: italic; color: $foreground-muted; }
        & > .article-view--match { background: $warning 35%; }
        & > .article-view--match-current { background: $warning 70%; }
        & > .article-view--selection { background: $primary 55%; text-style: underline; }
        & > .article-view--note { color: $text-accent; text-style: bold; }
        & > .article-view--note-popup { background: $secondary-muted; color: $foreground; }
        & > .article-view--hl-yellow { background: #e3c21c 38%; }
        & > .article-view--hl-green { background: #3fb950 38%; }
        & > .article-view--hl-blue { background: #4493f8 38%; }
        & > .article-view--hl-pink { background: #f06eb0 38%; }
        & > .article-view--hl-purple { background: #a371f7 38%; }
    }
    """

    ruby: reactive[bool] = reactive(False, init=False)
    """Show the pinyin of every word above its characters."""
    tones: reactive[bool] = reactive(False, init=False)
    """Colour characters and pinyin by tone."""
    segments: reactive[SegmentMode] = reactive("shade", init=False)
    """How words are set apart: alternate shading, spaces, or not at all."""

    class WordPointed(Message):
        """The mouse or the cursor came to rest on a word (or left the words)."""

        def __init__(self, view: ArticleView, token: int | None, by_mouse: bool) -> None:
            super().__init__()
            self.view = view
            """The view that posted this."""
            self.token = token
            """Index of the word in `view.tokens`, None when nothing is pointed at."""
            self.by_mouse = by_mouse
            """True for hover, False for the keyboard cursor."""

        @property
        def control(self) -> ArticleView:
            """The article view."""
            return self.view

    class SelectionChanged(Message):
        """The selection started, grew, shrank or was cleared."""

        def __init__(self, view: ArticleView, selected: tuple[int, int] | None) -> None:
            super().__init__()
            self.view = view
            """The view that posted this."""
            self.selected = selected
            """(start, end) character range, None when nothing is selected."""

        @property
        def control(self) -> ArticleView:
            """The article view."""
            return self.view

    class WordChosen(Message):
        """The reader asked to look a word up (enter or click)."""

        def __init__(self, view: ArticleView, token: int) -> None:
            super().__init__()
            self.view = view
            """The view that posted this."""
            self.token = token
            """Index of the word in `view.tokens`."""

        @property
        def control(self) -> ArticleView:
            """The article view."""
            return self.view

    def __init__(self, article: Article, issue: Issue | None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.article = article
        """The article shown."""
        self.issue = issue
        """The issue it comes from."""
        self.text = article.text
        """The body text the token offsets index into."""
        self._raw_tokens: list[Token] = []
        self.page: ArticleLayout | None = None
        """The current layout (None until the first resize)."""
        self.painter: Painter | None = None
        self._cache: dict[int, Strip] = {}
        self.cursor: int | None = None
        """Index of the word under the cursor."""
        self.hover: int | None = None
        """Index of the word under the mouse."""
        self._marks: list[Mark] = []
        self.highlights = ArticleHighlights()
        """The reader's highlights in this article (drawn under the search marks)."""
        self._markers: list[int] = []
        self._strip_styles: StripStyles | None = None

    # Content ---------------------------------------------------------------------------

    @property
    def tokens(self) -> list[Token]:
        """Every token of the body, gaps filled (indexes used by messages)."""
        return self.page.tokens if self.page else []

    @property
    def has_words(self) -> bool:
        """True once the body's tokens have arrived."""
        return bool(self._raw_tokens)

    def set_tokens(self, tokens: list[Token], cursor_offset: int | None = None) -> None:
        """Show the segmented body; put the cursor at `cursor_offset` (a character offset)."""
        self._raw_tokens = tokens
        self._relayout()
        if self.page is not None and cursor_offset is not None:
            self.move_cursor(self.page.word_at_offset(cursor_offset), center=True)

    def set_marks(self, marks: list[Mark]) -> None:
        """Replace the search matches, selection and highlights drawn over the text."""
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
            self.painter.popup = None
        self._repaint_all()
        self._place_popup()

    def _highlight_marks(self) -> list[Mark]:
        """The highlights as marks to draw."""
        return [Mark(start, end, f"hl-{color}") for start, end, color in self.highlights.ranges()]

    def _relayout(self) -> None:
        """Lay the article out again for the current width and modes, keeping the place."""
        width = self.scrollable_content_region.width or self.size.width
        if width <= 0:
            return
        anchor = self.top_offset() if self.scroll_y > 0 else None
        self.page = layout_article(
            self.article, self.issue, self._raw_tokens, width,
            ruby=self.ruby, segments=self.segments, markers=self._markers,
        )
        if self._strip_styles is None:
            self._strip_styles = self._styles()
        self.painter = Painter(
            self.page, self.text, self._strip_styles, tones=self.tones,
            shade=self.segments == "shade", hover=None, cursor=self.cursor, marks=self._marks,
            highlights=self._highlight_marks(), selection=self.selection_range(),
        )
        self.hover = None
        self.virtual_size = Size(width, len(self.page.lines))
        if anchor is not None:
            self.scroll_to_offset(anchor, top=True)
        self._repaint_all()
        self._place_popup()

    def _styles(self) -> StripStyles:
        """The strip styles from the component classes (translucent colours blended)."""
        base_bg = self.background_colors[1]

        def get(name: str) -> Style:
            styles = self.get_component_styles(f"article-view--{name}")
            bg = base_bg + styles.background if styles.has_rule("background") else None
            color = None
            if styles.has_rule("color"):
                under = bg or base_bg
                # `auto` colours (as $foreground-muted is) mean "contrast with what is under".
                color = (under.get_contrast_text(styles.color.a) if styles.color.auto
                         else under + styles.color)
            return Style.combine([
                Style(
                    bgcolor=bg.rich_color if bg is not None else None,
                    color=color.rich_color if color is not None else None,
                ),
                styles.text_style if styles.has_rule("text_style") else Style(),
            ])

        decor = ("source", "kicker", "title", "subtitle", "byline", "rule", "caption")
        return StripStyles(
            base=self.rich_style, shade=get("shade"), hover=get("hover"), cursor=get("cursor"),
            ruby=get("ruby"), popup=get("popup"), decor={name: get(name) for name in decor},
            marks={name: get(name) for name in MARK_STYLES},
        )

    def _repaint_all(self) -> None:
        """Forget every cached strip and repaint the visible lines."""
        self._cache.clear()
        self.refresh()

    def _repaint_token(self, token: int | None) -> None:
        """Repaint only the lines where a token is drawn."""
        if token is None or self.page is None:
            return
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
        self._rich_style_cache.clear()
        styles = self._styles()
        if styles != self._strip_styles:  # focus and hover changes leave them alone
            self._strip_styles = self.painter.styles = styles
            self.painter.popup = None
            self._repaint_all()
            self._place_popup()

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

    def watch_ruby(self) -> None:
        """Pinyin lines change the layout."""
        self._relayout()
        self._point_cursor()

    def watch_segments(self) -> None:
        """Spaces between words change the layout."""
        self._relayout()
        self._point_cursor()

    def watch_tones(self, tones: bool) -> None:
        """Tone colours only restyle."""
        if self.painter is not None:
            self.painter.tones = tones
            self.painter.popup = None
            self._repaint_all()
            self._place_popup()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Scrolling moves the words: the pop-up follows its word (or hides)."""
        super().watch_scroll_y(old_value, new_value)
        self._place_popup()

    def action_toggle_ruby(self) -> None:
        """Pinyin above the characters on or off."""
        self.ruby = not self.ruby

    def action_toggle_tones(self) -> None:
        """Tone colours on or off."""
        self.tones = not self.tones

    def action_cycle_segments(self) -> None:
        """Shaded words, spaced words, or plain text."""
        self.segments = SEGMENT_MODES[(SEGMENT_MODES.index(self.segments) + 1) % 3]
