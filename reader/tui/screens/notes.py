"""The notes screen: every highlight of the library by issue and article, searchable."""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.reading.changes import Change, HighlightsChanged
from reader.reading.listing import FlatListing, NoteEntry, Row
from reader.reading.placement import PlacedHighlight
from reader.reading.session import ReadingSession
from reader.tui.pipeline import OpenArticle
from reader.tui.screens.base import undo_bindings
from reader.tui.screens.export_dialog import run_export
from reader.tui.screens.note_editor import NoteEditor
from reader.tui.screens.search_box import SearchScreen
from reader.tui.widgets.key_bar import KeyBar
from reader.tui.widgets.notes_panel import highlight_prompt, shorten
from reader.tui.widgets.title_bar import TitleBar

PAGE = 100
"""Rows added to the list at a time (more as the cursor or the scroll nears the end)."""


def _option(row: Row) -> Option:
    """One row of the list: an issue heading, an article title (both disabled), or a highlight."""
    if isinstance(row, NoteEntry):
        placed = PlacedHighlight(row.highlight, row.start, row.start)
        return Option(Text("  ").append_text(highlight_prompt(placed)), id=row.highlight.id)
    kind, text = row
    if kind == "issue":
        return Option(Text(text, "bold reverse"), disabled=True)
    return Option(Text(f" {text}", "bold"), disabled=True)


class NotesLoaded(Message):
    """The highlights to list, grouped and flattened (posted by the loading worker)."""

    def __init__(self, total: int, listing: FlatListing, query: str, focus: str | None) -> None:
        super().__init__()
        self.total = total
        """Highlights in the library."""
        self.listing = listing
        """The rows of the highlights matching the query."""
        self.query = query
        """The search they match."""
        self.focus = focus
        """A highlight to put the list's cursor on, if any."""


class NotesScreen(SearchScreen):
    """All highlights and notes: search them, go to one, edit or delete its note, export."""

    HELP_TITLE = "notes"
    """What the help screen calls this screen."""

    SEARCH_ID = "notes-search"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("slash", "search", "Search"),
        Binding("a", "note", "Edit note"),
        Binding("x", "delete", "Delete"),
        Binding("e", "export", "Export all"),
        *undo_bindings(),
        Binding("q", "back", "Back", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape, q | Clear the search, else back. |
    | / | Search quotes and notes. |
    | enter | Open the article at the highlight. |
    | a | Edit the note of the highlight (an empty note removes it). |
    | x | Delete the highlight. |
    | u / ctrl+y, U | Undo the last change of any kind / redo it. |
    | e | Export every highlight and note as Markdown. |
    """

    HELP_EXTRA: ClassVar[list[tuple[str, str]]] = [
        ("enter / click", "Open the article at the highlight"),
        ("up / down", "Move through the highlights"),
    ]
    """Keys of the list itself, for the help screen."""

    DEFAULT_CSS = """
    NotesScreen {
        & > #notes-search { margin: 0 1; }
        & > OptionList { height: 1fr; border: none; }
        & > #notes-status { height: 1; color: $text-muted; padding: 0 1; }
    }
    """

    def __init__(self, session: ReadingSession) -> None:
        super().__init__()
        self.session = session
        """The app's line to the core."""
        self.entries: dict[str, NoteEntry] = {}
        """Highlight id -> entry, for the highlights matching the search."""
        self._listing = FlatListing()
        self._listed = 0

    def compose(self) -> ComposeResult:
        """Header, search box, the list, a status line and the key bar."""
        yield TitleBar()
        yield Input(placeholder="Search quotes and notes  (press / )", id="notes-search",
                    compact=True)
        yield OptionList(id="all-notes")
        yield Static("Loading the notes…", id="notes-status", markup=False)
        yield KeyBar()

    @property
    def listing(self) -> OptionList:
        """The list of highlights."""
        return self.query_one("#all-notes", OptionList)

    def on_mount(self) -> None:
        """Load every highlight in the background."""
        self.title = "Notes"
        self.sub_title = "every highlight" + (" · read-only" if self.session.read_only else "")
        self.listing.focus()
        self.watch(self.listing, "scroll_y", self._scrolled, init=False)
        self.load()

    def session_changed(self, change: Change) -> None:
        """Any highlight may be listed here: list them again after a change."""
        if isinstance(change, HighlightsChanged):
            self.load(change.focus)

    @work(thread=True, exclusive=True, group="notes", exit_on_error=False)
    def load(self, focus: str | None = None, query: str = "") -> None:
        """Group every highlight (the session keeps the grouping) and flatten those that match."""
        listing = self.session.notes_listing()
        self.post_message(NotesLoaded(listing.total, listing.matching(query), query, focus))

    def on_notes_loaded(self, message: NotesLoaded) -> None:
        """List the first page of the highlights (unless the search has moved on)."""
        query = self.query_one("#notes-search", Input).value
        if message.query != query:
            return
        keep = message.focus or self.selected_id
        self._listing = message.listing
        self.entries = message.listing.entries
        self.listing.clear_options()
        self._listed = 0
        target = keep if keep in self.entries else next(iter(self.entries), None)
        self._list_more(until=target)
        if target is not None:
            self.listing.highlighted = self.listing.get_option_index(target)
        total = message.total
        status = f"{total} highlight{'' if total == 1 else 's'}"
        if query.strip():
            status = f"{len(self.entries)} of {total} highlights match “{query.strip()}”"
        elif not total:
            status = "No highlights yet: in an article, select with v (or a drag), then h."
        self.query_one("#notes-status", Static).update(status)

    def _show(self, focus: str | None = None) -> None:
        """List the highlights matching the search (worked out in the background)."""
        self.load(focus or self.selected_id, self.query_one("#notes-search", Input).value)

    def _list_more(self, until: str | None = None) -> None:
        """Add the next page of rows to the list (or as many as it takes to show `until`).

        Tens of thousands of options cost the list seconds to measure; a page costs a frame.
        """
        rows = self._listing.rows
        end = self._listed + PAGE
        if until is not None and until in self._listing.row_of:
            end = max(end, self._listing.row_of[until] + PAGE // 2)
        end = min(len(rows), end)
        options = [_option(row) for row in rows[self._listed:end]]
        self._listed = end
        if options:
            self.listing.add_options(options)

    @on(OptionList.OptionHighlighted, "#all-notes")
    def _near_the_end(self) -> None:
        """The cursor nears the last row listed: list the next page."""
        highlighted = self.listing.highlighted
        if highlighted is not None and highlighted >= self.listing.option_count - PAGE // 4:
            self._list_more()

    def _scrolled(self) -> None:
        """Scrolled near the bottom (wheel, page keys): list the next page."""
        listing = self.listing
        if self._listed < len(self._listing.rows) and (
                listing.scroll_y >= listing.max_scroll_y - listing.size.height):
            self._list_more()

    @property
    def selected_id(self) -> str | None:
        """The highlight under the list's cursor."""
        option = self.listing.highlighted_option
        return option.id if option is not None and not option.disabled else None

    def search_target(self) -> Widget:
        """The list the search box filters."""
        return self.listing

    @on(OptionList.OptionSelected, "#all-notes")
    def _go(self, event: OptionList.OptionSelected) -> None:
        """Open the article at the chosen highlight."""
        entry = self.entries.get(event.option.id or "")
        if entry is None:
            return
        h = entry.highlight
        if self.session.find_article(h.article_id) is None:
            self.notify("That article is not in the library any more; the quote is kept here.",
                        severity="warning")
            return
        offset = entry.start if not entry.orphan else None
        if entry.orphan:
            self.notify("The passage is no longer in the text; opening the article.")
        self.post_message(OpenArticle(h.article_id, offset))

    def action_note(self) -> None:
        """Edit the note of the highlight under the list's cursor."""
        entry = self.entries.get(self.selected_id or "")
        if entry is None or not self.app.writable():
            return
        h = entry.highlight
        editor = NoteEditor("Note", shorten(h.quote, 200), h.note)
        self.app.push_screen(editor, partial(self._note_written, h.id))

    def _note_written(self, highlight_id: str, note: str | None) -> None:
        """Save the edited note (None: cancelled)."""
        if note is not None:
            self.app.edit(lambda s: s.update_note(highlight_id, note))

    def action_delete(self) -> None:
        """Delete the highlight under the list's cursor (u brings it back)."""
        entry = self.entries.get(self.selected_id or "")
        if entry is not None:
            highlight_id = entry.highlight.id
            self.app.edit(lambda s: s.delete_highlight(highlight_id))

    @work(group="export", exclusive=True, exit_on_error=False)
    async def action_export(self) -> None:
        """Export every highlight and note as Markdown."""
        await run_export(self, self.session, None, "all notes")
