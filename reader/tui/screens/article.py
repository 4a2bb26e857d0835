"""The article screen: the segmented text, pinyin pop-up, glossary panel and search."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import Input, Static

from reader.corpus.model import Article, Issue
from reader.language.model import Token
from reader.reading.article_parts import in_body, part_tokens
from reader.reading.changes import Change, HighlightsChanged
from reader.reading.model import Progress
from reader.reading.placement import ArticleHighlights
from reader.reading.session import ReadingSession
from reader.tui import display_prefs
from reader.tui.article_search import SearchResults
from reader.tui.messages import HighlightsPlaced, LookupDone, TokensLoaded
from reader.tui.screens.annotator import Annotator
from reader.tui.screens.article_panels import SidePanels
from reader.tui.screens.article_statuses import STATUS_KEYS, ArticleStatuses
from reader.tui.screens.base import ReaderScreen, undo_bindings
from reader.tui.screens.export_dialog import run_export
from reader.tui.widgets.article_strips import Mark
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.glossary_panel import GlossaryPanel
from reader.tui.widgets.key_bar import KeyBar
from reader.tui.widgets.notes_panel import NotesPanel
from reader.tui.widgets.status_choices import StatusChoices
from reader.tui.widgets.status_marks import legend as status_legend
from reader.tui.widgets.title_bar import TitleBar

SAVE_DELAY = 1.5
"""Seconds of stillness before the reading position is written."""


class ArticleScreen(ReaderScreen[None]):
    """One article, read word by word."""

    HELP_TITLE = "article"
    """What the help screen calls this screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("q", "back", "Back", show=False),
        Binding("v", "select", "Select", tooltip="Start a selection at the cursor word"),
        Binding("h", "highlight", "Highlight"),
        Binding("a", "note", "Note"),
        Binding("m", "toggle_notes", "Notes", tooltip="The article's highlights and notes"),
        Binding("slash", "search", "Search"),
        Binding("s", "save_word", "Save word"),
        Binding("H", "choose_colour", "Highlight in a colour…", show=False),
        Binding("c", "cycle_colour", "Next highlight colour", show=False),
        Binding("x", "delete_highlight", "Delete highlight", show=False),
        *undo_bindings(show=False),
        Binding("e", "export", "Export notes (Markdown)", show=False),
        Binding("n", "next_match", "Next match", show=False),
        Binding("N", "previous_match", "Previous match", show=False),
        *[Binding(key, f"set_status('{key}')", f"Mark the word {status.label}", show=False)
          for key, status in STATUS_KEYS.items() if key not in "kn"],
        Binding("F", "mark_rest_known", "Mark the remaining new words known", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape, q | Cancel the selection, close the search or a panel, else back. |
    | v | Start a selection at the cursor word; motions extend it (v again cancels). |
    | h | Highlight the selection (or the cursor word) in the current colour. |
    | H | Choose a colour: for the selection, or the highlight under the cursor. |
    | c | Next colour for the highlight under the cursor (and for new ones). |
    | a | Add or edit the note of the highlight under the cursor (or of the selection). |
    | x | Delete the highlight under the cursor. |
    | u / ctrl+y, U | Undo the last change of any kind / redo it. |
    | m | Notes panel: the article's highlights and notes; enter goes to one. |
    | e | Export this article's highlights and notes as Markdown. |
    | / | Search the article: characters or toneless pinyin (`kuajing`). |
    | n / N | Next / previous match. |
    | s | Save the word (with its sentence) to Saved words. |
    | 1-4 / K / i / 0 | The cursor word's status: learning 1-4, known, ignored, new. |
    | F | Mark every word of the article still new known (LingQ's page turn; u undoes). |
    """

    HELP_EXTRA: ClassVar[list[tuple[str, str]]] = [
        ("mouse over a word", "Show its pinyin (and the note of a highlight)"),
        ("click a word", "Put the cursor there and look it up"),
        ("drag over words", "Select a passage (then h or a)"),
        ("mouse wheel", "Scroll"),
    ]
    """Mouse actions, for the help screen."""

    DEFAULT_CSS = """
    ArticleScreen {
        & > #reading { height: 1fr; }
        & > #reading > ArticleView { width: 1fr; height: 1fr; }
        & > #search { height: 1; margin: 0 1; }
        & > #article-status { height: 1; padding: 0 1; color: $text-muted; }
    }
    """

    BODY_ACTIONS: ClassVar[frozenset[str]] = frozenset({
        "select", "highlight", "note", "toggle_notes", "search", "choose_colour",
        "cycle_colour", "delete_highlight", "export", "next_match", "previous_match",
    })
    """Actions on the body's text: a photo item has none, so they are not offered there."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A photo item (a caption, no body) offers only the keys that work on a caption."""
        return not (action in self.BODY_ACTIONS and not self.article.text)

    def __init__(self, session: ReadingSession, issue: Issue, article: Article,
                 offset: int | None = None) -> None:
        super().__init__()
        self.session = session
        """The app's line to the core."""
        self.issue = issue
        """The issue the article comes from."""
        self.article = article
        """The article shown."""
        self.search = SearchResults()
        """The matches of the last search."""
        self.reached_end = False
        """True once the end of the article has been on screen (the article counts as read)."""
        self.jump_to = offset
        """A character offset to open at (a note or a saved word), instead of the saved place."""
        self._save_timer: Timer | None = None
        self._opened_on: int | None = None
        """The word the cursor was put on at opening (pointing it there is no reading)."""
        self._panels: SidePanels | None = None
        self._annotator: Annotator | None = None
        self.statuses = ArticleStatuses(self)
        """Word statuses: the marks, the status keys, the page-turn offer."""

    def compose(self) -> ComposeResult:
        """Header, the text with its side panel, status line, search box and footer."""
        yield TitleBar()
        with Horizontal(id="reading"):
            yield ArticleView(self.article, self.issue, id="article")
        yield Static("Segmenting…", id="article-status", markup=False)
        yield KeyBar()

    @property
    def view(self) -> ArticleView:
        """The article text widget."""
        return self.query_one(ArticleView)

    @property
    def panels(self) -> SidePanels:
        """The side panels beside the text (glossary, notes)."""
        if self._panels is None:
            self._panels = SidePanels(self.query_one("#reading", Horizontal))
        return self._panels

    @property
    def annotator(self) -> Annotator:
        """Highlights and notes on this article's text."""
        if self._annotator is None:
            self._annotator = Annotator(self.app, self.view, self.article, self.panels)
        return self._annotator

    @property
    def panel(self) -> GlossaryPanel:
        """The glossary panel, mounted the first time it is needed (opening stays fast)."""
        return self.panels.glossary

    @property
    def panel_open(self) -> bool:
        """True when the glossary panel is shown."""
        return self.panels.glossary_open

    @property
    def notes_panel(self) -> NotesPanel:
        """The notes panel, mounted the first time it is needed."""
        return self.panels.notes

    @property
    def notes_open(self) -> bool:
        """True when the notes panel is shown."""
        return self.panels.notes_open

    @property
    def search_box(self) -> Input:
        """The search box, mounted the first time it is needed."""
        found = self.query("#search")
        if found:
            return found.first(Input)
        box = Input(placeholder="Search: characters or pinyin without tones (kuajing)",
                    id="search", compact=True)
        box.display = False
        self.mount(box, before=self.query_one("#article-status"))
        return box

    def on_mount(self) -> None:
        """Segment the article in the background; keep the pop-up on its word when scrolling."""
        self.title = self.article.label  # "Photo: …" for a photo item
        self.sub_title = " · ".join(
            x for x in (self.issue.paper, self.issue.date, "read-only" if self.session.read_only
                        else None) if x
        )
        self.view.focus()
        self.watch(self.view, "scroll_y", self._scrolled, init=False)
        remembered = display_prefs.current(self.app)
        if remembered is not None:
            display_prefs.apply_to(self.view, remembered)
        for name, field in (("ruby", "pinyin_line"), ("tones", "tone_colours"),
                            ("segments", "segments"), ("pinyin_mode", "pinyin_mode"),
                            ("marks_shown", "status_marks"), ("spoken", "spoken_tones")):
            self.watch(self.view, name, self._remember(field), init=False)
        self.load_tokens(self.issue, self.article)

    def on_screen_resume(self) -> None:
        """Back on this article (from a screen above it): show it in the modes chosen since."""
        self.catch_up()
        remembered = display_prefs.current(self.app)
        if remembered is not None and self.is_mounted:
            display_prefs.apply_to(self.view, remembered)

    def _remember(self, field: str) -> Callable[[object], None]:
        """A watcher that remembers a display mode of the view (for every article, next run)."""
        return lambda value: display_prefs.remember(self.app, **{field: value})

    @work(thread=True, exclusive=True, group="tokens", exit_on_error=False)
    def load_tokens(self, issue: Issue, article: Article) -> None:
        """Segment the article, read the saved position and place the highlights."""
        from reader.language import tokenize

        tokens = self.session.tokens(article)
        parts = part_tokens(article, tokenize)  # the headline and captions are read too
        progress = self.session.progress(article.id)
        placed = self.session.article_highlights(issue, article)
        self.post_message(TokensLoaded(article.id, tokens, progress, placed, parts))

    def session_changed(self, change: Change) -> None:
        """Highlights of this article changed (here or on another screen): place them again."""
        if isinstance(change, HighlightsChanged) and self.article.id in change.article_ids:
            if self.view.has_words:
                self.place_highlights(self.issue, self.article, change.focus)
        self.statuses.session_changed(change)

    @work(thread=True, exclusive=True, group="highlights", exit_on_error=False)
    def place_highlights(self, issue: Issue, article: Article, focus: str | None = None) -> None:
        """Place the article's highlights again (after a change)."""
        placed = self.session.article_highlights(issue, article)
        self.post_message(HighlightsPlaced(article.id, placed, focus))

    @on(HighlightsPlaced)
    def _highlights_placed(self, message: HighlightsPlaced) -> None:
        """Draw the highlights in the text and list them in the notes panel (when open)."""
        if message.article_id != self.article.id:
            return
        highlights = ArticleHighlights(message.placed)
        self.view.set_highlights(highlights)
        listing = self.panels.shown_notes()
        if listing is not None:
            listing.show(highlights)
            if message.focus:
                listing.select(message.focus)

    @on(TokensLoaded)
    def _tokens_loaded(self, message: TokensLoaded) -> None:
        """Show the words and highlights, and go back to where the reader was."""
        offset = message.progress.offset if message.progress else None
        if self.jump_to is not None:
            offset = self.jump_to
        self.view.set_highlights(ArticleHighlights(message.placed))
        self.view.set_tokens(message.tokens, cursor_offset=offset, parts=message.parts)
        self.reached_end = bool(message.progress and message.progress.read)
        self._opened_on = self.view.cursor
        self._status("")
        self.statuses.load(message.tokens + message.parts)

    def _status(self, text: str) -> None:
        """Say something on the status line (empty hides it)."""
        status = self.query_one("#article-status", Static)
        status.update(text)
        status.display = bool(text)

    # Reading -----------------------------------------------------------------------

    @on(ArticleView.WordPointed)
    def _word_pointed(self, event: ArticleView.WordPointed) -> None:
        """A cursor move is a new reading position."""
        if not event.by_mouse:
            self._schedule_save()
            page = self.view.page
            last = page is not None and bool(page.words) and event.token == page.words[-1]
            if event.token != self._opened_on:
                self._opened_on = None
                # Moving through words with the end on screen (an article that fits on one
                # screen never scrolls) or onto the last word is reading to the end.
                if last or self._end_in_view():
                    self.reached_end = True
            if last:
                self.statuses.offer_page_turn()  # the last word: the article is read

    def _end_in_view(self) -> bool:
        """True when the article's last line is on screen."""
        return self.view.scroll_y >= self.view.max_scroll_y - 1

    def _scrolled(self) -> None:
        """Scrolling is reading: note the position, and whether the end was reached."""
        if self.view.max_scroll_y and self._end_in_view():
            self.reached_end = True
            self.statuses.offer_page_turn()
        self._schedule_save()

    # Glossary panel ------------------------------------------------------------------------

    @on(ArticleView.WordChosen)
    def _word_chosen(self, event: ArticleView.WordChosen) -> None:
        """Open the glossary panel on a word (in place of the notes panel)."""
        if self.notes_open:
            self.notes_panel.display = False
        token = self.view.tokens[event.token]
        self.panel.show_loading(token)
        self.look_up(event.token, token, *self.view.sentence_source(event.token))

    @work(thread=True, exclusive=True, group="lookup", exit_on_error=False)
    def look_up(self, index: int, token: Token, text: str, offset: int) -> None:
        """Look a word up and find its sentence (an exclusive worker: stale lookups drop).

        `text` is where the sentence is (the body, or the headline part or caption of the
        word) and `offset` the word's place in it.
        """
        result = self.session.lookup(token.text)
        sentence, at = self.session.sentence_of(text, offset)
        self.post_message(LookupDone(index, result, sentence, at))

    @on(LookupDone)
    def _lookup_done(self, message: LookupDone) -> None:
        """Show the lookup in the panel (unless the reader has moved on)."""
        panel = self.panel
        token = self.view.tokens[message.token]
        if panel.token is token:
            panel.show_result(
                token, message.result, message.sentence, message.at, tones=self.view.tones
            )

    def action_save_word(self) -> None:
        """Save the panel's word with its sentence; a cursor on another word shows that first."""
        panel = self.panel
        cursor = self.view.cursor
        moved = (cursor is not None and panel.token is not None
                 and self.view.tokens[cursor].start != panel.token.start)
        if panel.token is None or not panel.display or moved:
            if self.view.cursor is None:
                self.notify("Put the cursor on a word first.", severity="warning")
                return
            self.view.action_choose_word()
            self.notify("Look it over, then press s again to save it.")
            return
        token, result, sentence, article = panel.token, panel.result, panel.sentence, self.article
        self.app.edit(lambda s: s.save_word(token, result, article, sentence))

    # Word statuses (ArticleStatuses does the work) ---------------------------------------

    def action_set_status(self, key: str) -> None:
        """Give the cursor word the status of a key (1-4, K, i, 0)."""
        self.statuses.set_key(key)

    def action_mark_rest_known(self) -> None:
        """Mark every word of the article still new known (one undo step)."""
        self.statuses.mark_rest_known()

    @on(StatusChoices.Chosen)
    def _status_chosen(self, event: StatusChoices.Chosen) -> None:
        """A status clicked in the glossary panel: give it to the panel's word."""
        if self.panel.token is not None:
            self.statuses.set_word(self.panel.token.text, event.status)

    def help_legend(self) -> list[Text]:
        """What the status tints mean (for the help screen)."""
        return status_legend(self.view.word_marks.palette)

    # Annotating (the annotator does the work) --------------------------------------------

    def action_select(self) -> None:
        """Start a selection at the cursor word (again: cancel it)."""
        if self.view.selecting:
            self.view.clear_selection()
        else:
            self.view.focus()
            self.view.start_selection()

    @on(ArticleView.SelectionChanged)
    def _selection_changed(self, event: ArticleView.SelectionChanged) -> None:
        """Say what is selected and what can be done with it."""
        if event.selected is None:
            self._status("")
            return
        start, end = event.selected
        self._status(f"Selected {end - start} characters · h highlight · H colour · a note · "
                     "esc cancel")

    def action_highlight(self) -> None:
        """Highlight the selection (or the cursor word) in the current colour."""
        self.annotator.highlight()

    def action_choose_colour(self) -> None:
        """Pick a colour: for the selection, else the highlight under the cursor."""
        self.annotator.choose_colour()

    def action_cycle_colour(self) -> None:
        """Next colour for the highlight under the cursor (and for new highlights)."""
        self.annotator.cycle_colour()

    def action_note(self) -> None:
        """Add or edit the note of the highlight under the cursor (or of a new one)."""
        self.annotator.note()

    def action_delete_highlight(self) -> None:
        """Delete the highlight under the cursor (u brings it back)."""
        self.annotator.delete()

    def undo_here(self) -> str | None:
        """This article: undoing a change in another one says so."""
        return self.article.id

    @work(group="export", exclusive=True, exit_on_error=False)
    async def action_export(self) -> None:
        """Export this article's highlights and notes as Markdown."""
        await run_export(self, self.session, self.article.id, "this article")

    def action_toggle_notes(self) -> None:
        """Show or hide the notes panel beside the text."""
        if self.notes_open:
            self.notes_panel.display = False
            self.view.focus()
            return
        if self.panel_open:
            self.panel.close()
        self.notes_panel.display = True
        self.call_after_refresh(self._fill_notes_panel)

    def _fill_notes_panel(self) -> None:
        """List the highlights, starting at the one under the cursor."""
        listing = self.notes_panel
        if not listing.is_attached or not listing.query("#notes-list"):
            return  # the screen is being left: the panel's list is already gone
        listing.show(self.view.highlights)
        here = self.annotator.target()
        if here is not None:
            listing.select(here.id)
        listing.options.focus()

    @on(NotesPanel.Chosen)
    def _note_chosen(self, event: NotesPanel.Chosen) -> None:
        """Scroll the text to the chosen highlight and put the cursor on it."""
        placed = self.view.highlights.get(event.highlight_id)
        if placed is None:
            return
        if placed.orphan:
            self.notify("This passage is no longer in the text; its quote is kept in the list.")
            return
        if self.view.page is not None:
            self.view.move_cursor(self.view.page.word_at_offset(placed.start), center=True)

    # Search ------------------------------------------------------------------------------

    def action_search(self) -> None:
        """Open the search box."""
        box = self.search_box
        box.display = True
        if box.is_mounted:
            self.set_focus(box)  # at once: keys typed right after `/` are search text
        else:  # mounted just now: it can take the focus once it is in the screen
            self.call_after_refresh(box.focus)

    @property
    def matches(self) -> list[tuple[int, int]]:
        """Search matches, (start, end) character ranges in reading order."""
        return self.search.matches

    @on(Input.Submitted, "#search")
    def _search(self, event: Input.Submitted) -> None:
        """Find the query, mark every match and jump to the first after the cursor."""
        event.input.display = False
        self.view.focus()
        query = event.value.strip()
        here = self.view.tokens[self.view.cursor].start if self.view.cursor is not None else -1
        body = [t for t in self.view.tokens if in_body(self.article, t.start)]
        if not self.search.find(self.view.text, body, query, here):
            self.view.set_marks([])
            self._status(f"No match for “{query}”" if query else "")
            return
        self.action_next_match()

    def action_next_match(self) -> None:
        """Jump to the next match."""
        self._jump(1)

    def action_previous_match(self) -> None:
        """Jump to the previous match."""
        self._jump(-1)

    def _jump(self, step: int) -> None:
        """Move to another match and put the cursor on it."""
        found = self.search.step(step)
        if found is None:
            self._status("No search yet: press / to search.")
            return
        self.view.set_marks([Mark(s, e, style) for s, e, style in self.search.marks()])
        if self.view.page is not None:
            self.view.move_cursor(self.view.page.word_at_offset(found[0]))
        self._status(self.search.status())

    # Leaving and the reading position ---------------------------------------------------------

    def action_back(self) -> None:
        """Cancel the selection, close the search box or a panel; else save and go back."""
        boxes = self.query("#search")
        if self.view.selecting:
            self.view.clear_selection()
        elif boxes and boxes.first().display:
            boxes.first().display = False
            self.view.focus()
        elif self.panel_open:
            self.panel.close()
        elif self.notes_open:
            self.notes_panel.display = False
            self.view.focus()
        else:
            self.save_progress_now()
            self.dismiss()

    def position(self) -> Progress | None:
        """Where the reader is: the cursor word when on screen, else the top line."""
        view = self.view
        if not view.has_words:
            return None
        if view.cursor is not None and view.word_region(view.cursor) is not None:
            offset = view.tokens[view.cursor].start
        else:
            offset = view.top_offset() or 0
        return Progress(offset=offset, read=self.reached_end)

    def _schedule_save(self) -> None:
        """Write the position once the reader pauses."""
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self.save_progress_now)

    def save_progress_now(self) -> None:
        """Write the position in the background (through the app's edit pipeline)."""
        position = self.position()
        if position is not None:
            article_id = self.article.id
            self.app.edit(lambda s: s.save_progress(article_id, position), quiet=True)
