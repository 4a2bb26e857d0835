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
from reader.reading.listing import IssueNotes, NoteEntry, filter_notes, group_notes
from reader.reading.placement import PlacedHighlight
from reader.reading.session import ReadingSession
from reader.tui.pipeline import OpenArticle
from reader.tui.screens.base import ReaderScreen
from reader.tui.screens.export_dialog import run_export
from reader.tui.screens.note_editor import NoteEditor
from reader.tui.screens.search_box import SearchBox
from reader.tui.widgets.key_bar import KeyBar
from reader.tui.widgets.notes_panel import highlight_prompt, shorten
from reader.tui.widgets.title_bar import TitleBar


class NotesLoaded(Message):
    """Every highlight of the library, grouped (posted by the loading worker)."""

    def __init__(self, groups: list[IssueNotes], focus: str | None) -> None:
        super().__init__()
        self.groups = groups
        """Issues, articles and their highlights."""
        self.focus = focus
        """A highlight to put the list's cursor on, if any."""


class NotesScreen(SearchBox, ReaderScreen[None]):
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
        Binding("u", "undo", "Undo delete", show=False),
        Binding("q", "back", "Back", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape, q | Clear the search, else back. |
    | / | Search quotes and notes. |
    | enter | Open the article at the highlight. |
    | a | Edit the note of the highlight (an empty note removes it). |
    | x / u | Delete the highlight / undo the last deletion. |
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
        self.groups: list[IssueNotes] = []
        """Every highlight, grouped (before the search)."""
        self.entries: dict[str, NoteEntry] = {}
        """Highlight id -> entry, for the highlights listed."""

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
        self.load()

    def session_changed(self, change: Change) -> None:
        """Any highlight may be listed here: list them again after a change."""
        if isinstance(change, HighlightsChanged):
            self.load(change.focus)

    @work(thread=True, exclusive=True, group="notes", exit_on_error=False)
    def load(self, focus: str | None = None) -> None:
        """Read and group every highlight."""
        groups = group_notes(self.session.all_highlights(), self.session.loaded_library().issues)
        self.post_message(NotesLoaded(groups, focus))

    def on_notes_loaded(self, message: NotesLoaded) -> None:
        """Show the highlights."""
        self.groups = message.groups
        self._show(message.focus)

    def _show(self, focus: str | None = None) -> None:
        """List the highlights matching the search."""
        query = self.query_one("#notes-search", Input).value
        shown = filter_notes(self.groups, query)
        options: list[Option] = []
        self.entries = {}
        for group in shown:
            options.append(Option(Text(group.label, "bold reverse"), disabled=True))
            for art in group.articles:
                options.append(Option(Text(f" {art.title}", "bold"), disabled=True))
                for entry in art.entries:
                    self.entries[entry.highlight.id] = entry
                    placed = PlacedHighlight(entry.highlight, entry.start, entry.start)
                    prompt = Text("  ").append_text(highlight_prompt(placed))
                    options.append(Option(prompt, id=entry.highlight.id))
        keep = focus or self.selected_id
        self.listing.set_options(options)
        if keep in self.entries:
            self.listing.highlighted = self.listing.get_option_index(keep)
        elif self.entries:
            self.listing.highlighted = self.listing.get_option_index(next(iter(self.entries)))
        total = sum(len(a.entries) for g in self.groups for a in g.articles)
        status = f"{total} highlight{'' if total == 1 else 's'}"
        if query.strip():
            status = f"{len(self.entries)} of {total} highlights match “{query.strip()}”"
        elif not total:
            status = "No highlights yet: in an article, select with v (or a drag), then h."
        self.query_one("#notes-status", Static).update(status)

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

    def action_undo(self) -> None:
        """Bring back the last deleted highlight."""
        self.app.edit(lambda s: s.undo_delete())

    @work(group="export", exclusive=True, exit_on_error=False)
    async def action_export(self) -> None:
        """Export every highlight and note as Markdown."""
        await run_export(self, self.session, None, "all notes")
