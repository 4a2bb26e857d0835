"""The article body: segmented words you can hover, walk with a cursor, select and look up.

A Line API widget: `ArticleCanvas` lays the article out (`article_layout`), draws each line
into a cached strip (`article_strips`) and repaints only the lines whose words changed; this
class adds the keys, the mouse and the messages the article screen listens to. The state
lives in parts of its own: a `Pointer` (cursor and hover), a `Selection`, the pop-ups
(`place_popups`) and the geometry (`Viewport` and its functions).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message

from reader.language.model import Token
from reader.tui.article_layout import SegmentMode, is_word
from reader.tui.widgets import article_geometry as geometry
from reader.tui.widgets.article_canvas import ArticleCanvas
from reader.tui.widgets.article_styles import COMPONENTS, HIGHLIGHT_CSS
from reader.tui.widgets.status_marks import PINYIN_NAMES, STATUS_CSS, next_pinyin
from reader.tui.word_motion import first_word_on_or_after, step_line, step_word

NOT_IN_BODY = "Headlines and captions can be looked up, but only the text can be highlighted."
"""Said when a selection or highlight is asked for on a headline or caption word."""

SEGMENT_MODES: tuple[SegmentMode, ...] = ("shade", "space", "off")
"""How words are set apart, in the order `g` cycles through them."""


class ArticleView(ArticleCanvas, can_focus=True, inherit_bindings=False):
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
        Binding("p", "toggle_ruby", "Pinyin",
                tooltip="Pinyin on hover / over every word / over words not known / none"),
        Binding("t", "toggle_tones", "Tones", tooltip="Colour words by tone"),
        Binding("y", "toggle_spoken", "Spoken tones", show=False,
                tooltip="一 and 不 as spoken: yí gè, bú shì"),
        Binding("g", "cycle_segments", "Word shading / spaces / plain", show=False),
        Binding("l", "toggle_marks", "Status marks on/off", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | w, right / b, left | Move the word cursor to the next / previous word. |
    | j, down / k, up | Move the word cursor a line down / up. |
    | space, pagedown / pageup | Move a screenful. |
    | home / end | First / last word. |
    | enter | Look up the word under the cursor. |
    | p | Pinyin: on hover, over every word, over words not known, none. |
    | t | Tone colours. |
    | y | Spoken tones of 一 and 不 in the pinyin shown (yí gè, bú shì). |
    | g | Word separation: shading, spaces, none. |
    | l | Tint new and learning words by status, or not. |
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"article-view--{name}" for name in COMPONENTS}
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
    | `article-view--status-new`, `--status-learning-1` ... `-4` | Word-status tints. |
    """

    DEFAULT_CSS = """
    ArticleView {
        background: $surface;
        color: $foreground;
        /* The text is wrapped to the pane: a scrollbar appearing after the layout must not
           narrow it (that clipped hanging punctuation), and nothing scrolls sideways. */
        scrollbar-gutter: stable;
        overflow-x: hidden;
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
    """ + HIGHLIGHT_CSS + STATUS_CSS + """
    }
    """

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

    def set_tokens(self, tokens: list[Token], cursor_offset: int | None = None,
                   parts: list[Token] | None = None) -> None:
        """Show the segmented body (and headline parts and captions: `article_parts`
        offsets); put the cursor at `cursor_offset` (a character offset)."""
        self._raw_tokens = tokens
        self._part_tokens = parts or []
        self._relayout()
        if self.page is not None and cursor_offset is not None:
            self.move_cursor(self.page.word_at_offset(cursor_offset), center=True)

    def watch_ruby(self) -> None:
        """Pinyin lines change the layout."""
        self._relayout()
        self._point_cursor()

    def watch_segments(self) -> None:
        """Spaces between words change the layout."""
        self._relayout()
        self._point_cursor()

    # The cursor and the mouse ----------------------------------------------------------------

    def move_cursor(self, token: int | None, center: bool = False) -> None:
        """Put the cursor on a word, scroll it into view and say so."""
        if token is None or self.page is None:
            return
        old = self.pointer.move_cursor(token)
        if self.painter is not None:
            self.painter.cursor = token
        self._repaint_tokens(old, token)
        found = self.first_span(token)
        if found is not None:
            if center:
                height = self.scrollable_content_region.height
                self._scroll(max(0, found[0] - height // 3))
            else:
                self._scroll(geometry.into_view(found[0], self.viewport))
        self._place_popups()
        if self.selection.active:
            self._select(lambda: self.selection.extend(token))
        self._point_cursor()

    def _point_cursor(self) -> None:
        """Tell the screen the cursor word (after a move or a relayout)."""
        if self.cursor is not None:
            self.post_message(self.WordPointed(self, self.cursor, by_mouse=False))

    def _ensure_cursor(self) -> bool:
        """Place the cursor on the first visible word when it has none; True if it moved."""
        if self.page is None:
            return True
        if self.cursor is None or self.word_region(self.cursor) is None:
            self.move_cursor(first_word_on_or_after(self.page, int(self.scroll_y)))
            return True
        return False

    def set_hover(self, token: int | None) -> None:
        """Mark the word under the mouse and say so."""
        changed, old = self.pointer.set_hover(token)
        if not changed:
            return
        if self.painter is not None:
            self.painter.hover = token
        self._repaint_tokens(old, token)
        self._place_popups()
        self.post_message(self.WordPointed(self, token, by_mouse=True))

    def _mouse_token(self, event: events.MouseEvent, words_only: bool = True) -> int | None:
        """The token under the mouse (a word, unless `words_only` is False)."""
        offset = event.get_content_offset(self)
        if offset is None or self.page is None:
            return None
        return geometry.token_under(self.page, offset.x, offset.y, self.viewport, words_only)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Hovering a word marks it and shows its pinyin; with the button down, select."""
        if self.selection.drag_from is not None:
            token = self._mouse_token(event, words_only=False)
            self._select(lambda: self.selection.drag_to(token))
        self.set_hover(self._mouse_token(event))

    def on_leave(self, event: events.Leave) -> None:
        """The mouse left the text."""
        self.set_hover(None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """Pressing the button on the text may start a drag selection."""
        token = self._mouse_token(event, words_only=False)
        self.selection.press(token)
        if token is not None:
            self.capture_mouse()

    def on_mouse_up(self, event: events.MouseUp) -> None:
        """The drag is over; the selection stays for `h` or `a`."""
        if self.selection.drag_from is None:
            return
        self.capture_mouse(False)
        end = self.selection.release()
        # Keys go on from where the mouse stopped (the cursor stops on words only).
        if end is not None and self.page is not None and is_word(self.page.tokens[end]):
            self.move_cursor(end)

    def on_click(self, event: events.Click) -> None:
        """A click on a word puts the cursor there and looks it up (not the end of a drag)."""
        if self.selection.take_click():
            return
        token = self._mouse_token(event)
        if token is not None:
            self.clear_selection()
            self.move_cursor(token)
            self.post_message(self.WordChosen(self, token))

    # Selection -------------------------------------------------------------------------------

    @property
    def selecting(self) -> bool:
        """True while a selection is under way."""
        return self.selection.active

    def start_selection(self) -> None:
        """Start a selection at the cursor word (the cursor then extends it)."""
        if self.page is None:
            return
        if self.cursor is None or self.word_region(self.cursor) is None:
            self._ensure_cursor()
        cursor = self.cursor
        if cursor is not None and not self.in_body(cursor):
            self.app.notify(NOT_IN_BODY, severity="warning")
        elif cursor is not None:
            self._select(lambda: self.selection.start(cursor))

    def clear_selection(self) -> None:
        """Forget the selection."""
        if self.selection.active:
            self._select(self.selection.clear)

    def _select(self, change: Callable[[], bool]) -> None:
        """Apply a change to the selection; repaint what it changed and tell the screen."""
        old = self.selection_range()
        if change():
            self.post_message(self.SelectionChanged(self, self.repaint_selection(old)))

    # Actions ---------------------------------------------------------------------------------

    def action_next_word(self) -> None:
        """Cursor to the next word."""
        if self.page is not None and not self._ensure_cursor():
            self.move_cursor(step_word(self.page, self.cursor, 1))

    def action_previous_word(self) -> None:
        """Cursor to the previous word."""
        if self.page is not None and not self._ensure_cursor():
            self.move_cursor(step_word(self.page, self.cursor, -1))

    def action_line_down(self) -> None:
        """Cursor a line down."""
        self._step_lines(1)

    def action_line_up(self) -> None:
        """Cursor a line up."""
        self._step_lines(-1)

    def action_page_down(self) -> None:
        """Cursor a screenful down."""
        self._step_lines(max(1, self._lines_per_page()))

    def action_page_up(self) -> None:
        """Cursor a screenful up."""
        self._step_lines(-max(1, self._lines_per_page()))

    def _lines_per_page(self) -> int:
        """Body lines that fit on a screen."""
        height = self.scrollable_content_region.height - 2
        return height // 2 if self.ruby else height

    def _step_lines(self, lines: int) -> None:
        """Cursor `lines` body lines down (or up)."""
        if self.page is not None and not self._ensure_cursor():
            self.move_cursor(step_line(self.page, self.cursor, lines))

    def action_first_word(self) -> None:
        """Cursor to the first word; show the headline."""
        if self.page is not None:
            self.move_cursor(step_word(self.page, None, 1))
            self._scroll(0)

    def action_last_word(self) -> None:
        """Cursor to the last word."""
        if self.page is not None:
            self.move_cursor(step_word(self.page, None, -1))
            self.scroll_end(animate=False, force=True)

    def action_choose_word(self) -> None:
        """Look up the cursor word."""
        if self.cursor is None:
            self._ensure_cursor()
        if self.cursor is not None:
            self.post_message(self.WordChosen(self, self.cursor))

    def action_toggle_ruby(self) -> None:
        """Next pinyin state: on hover, over every word, over words not known, none."""
        ruby, mode = next_pinyin(self.ruby, self.pinyin_mode)
        self.pinyin_mode = mode
        self.ruby = ruby
        self.notify(f"Pinyin: {PINYIN_NAMES[(ruby, mode)]}", timeout=2)

    def action_toggle_marks(self) -> None:
        """Status tints of new and learning words on or off."""
        self.marks_shown = not self.marks_shown

    def action_toggle_tones(self) -> None:
        """Tone colours on or off."""
        self.tones = not self.tones

    def action_toggle_spoken(self) -> None:
        """Spoken tones of 一 and 不 on or off."""
        self.spoken = not self.spoken

    def action_cycle_segments(self) -> None:
        """Shaded words, spaced words, or plain text."""
        self.segments = SEGMENT_MODES[(SEGMENT_MODES.index(self.segments) + 1) % 3]
