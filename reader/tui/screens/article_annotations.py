"""Annotating on the article screen: select, highlight, colour, note, delete, undo, notes panel.

A mixin of `ArticleScreen`. Every change goes through the app's edit pipeline; the screen
hears the change (`HighlightsChanged`) and places the article's highlights again: one path
for opening, editing and undoing, so what is drawn is always what is stored.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual import work

from reader.corpus.model import Article, Issue
from reader.reading.colours import next_colour
from reader.reading.placement import ArticleHighlights, PlacedHighlight
from reader.tui.messages import HighlightsPlaced
from reader.tui.screens.dialogs import ColourMenu
from reader.tui.screens.export_dialog import run_export
from reader.tui.screens.note_editor import NoteEditor
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.notes_panel import NotesPanel, shorten

if TYPE_CHECKING:
    from reader.tui.screens.article import ArticleScreen


class ArticleAnnotations:
    """Highlight and note actions of the article screen."""

    # Loading and showing ------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="highlights", exit_on_error=False)
    def reload_highlights(self: ArticleScreen, issue: Issue, article: Article,
                          focus: str | None = None) -> None:
        """Place the article's highlights again (after a change)."""
        placed = self.session.article_highlights(issue, article)
        self.post_message(HighlightsPlaced(article.id, placed, focus))

    def on_highlights_placed(self: ArticleScreen, message: HighlightsPlaced) -> None:
        """Draw the highlights and list them."""
        if message.article_id == self.article.id:
            self.show_highlights(ArticleHighlights(message.placed), message.focus)

    def show_highlights(self: ArticleScreen, highlights: ArticleHighlights,
                        focus: str | None = None) -> None:
        """Draw highlights in the text and in the notes panel (when it is open)."""
        self.view.set_highlights(highlights)
        panels = self.query(NotesPanel)
        if panels:
            panels.first().show(highlights)
            if focus:
                panels.first().select(focus)

    # Which highlight ------------------------------------------------------------------------

    def target(self: ArticleScreen) -> PlacedHighlight | None:
        """The highlight acted on: the notes panel's choice when it has focus, else the
        one under the cursor word."""
        highlights = self.view.highlights
        panels = self.query(NotesPanel)
        if panels and panels.first().display and panels.first().options.has_focus:
            chosen = panels.first().selected_id
            return highlights.get(chosen) if chosen else None
        view = self.view
        if view.cursor is None or not view.has_words:
            return None
        tok = view.tokens[view.cursor]
        return highlights.at(tok.start, tok.end)

    def _passage(self: ArticleScreen) -> tuple[int, int] | None:
        """The selection, else the cursor word, as a character range."""
        view = self.view
        selected = view.selection_range()
        if selected is not None:
            return selected
        if view.cursor is None or not view.has_words:
            return None
        tok = view.tokens[view.cursor]
        return tok.start, tok.end

    # Actions ---------------------------------------------------------------------------------

    def action_select(self: ArticleScreen) -> None:
        """Start a selection at the cursor word (again: cancel it)."""
        view = self.view
        if view.selecting:
            view.clear_selection()
        else:
            view.focus()
            view.start_selection()

    # (Named handlers, not @on: Textual only collects @on handlers from widget classes.)
    def on_article_view_selection_changed(
        self: ArticleScreen, event: ArticleView.SelectionChanged
    ) -> None:
        """Say what is selected and what can be done with it."""
        if event.selected is None:
            self._status("")
            return
        start, end = event.selected
        self._status(f"Selected {end - start} characters · h highlight · H colour · a note · "
                     "esc cancel")

    def action_highlight(self: ArticleScreen) -> None:
        """Highlight the selection (or the cursor word) in the current colour."""
        self._highlight(self.session.highlight_color)

    def _highlight(self: ArticleScreen, color: str, note: str | None = None) -> None:
        """Save a highlight of the selection (or cursor word)."""
        if not self.app.writable():
            return
        passage = self._passage()
        if passage is None:
            self.notify("Put the cursor on a word or select a passage first.",
                        severity="warning")
            return
        if not self.view.selecting and self.target() is not None and note is None:
            self.notify("Already highlighted: c changes its colour, x deletes it.")
            return
        self.view.clear_selection()
        self._add_highlight(passage, color, note)

    def _add_highlight(self: ArticleScreen, passage: tuple[int, int], color: str,
                       note: str | None) -> None:
        """Write a new highlight."""
        article, (start, end) = self.article, passage
        self.app.edit(lambda s: s.add_highlight(article, start, end, color, note))

    def action_choose_colour(self: ArticleScreen) -> None:
        """Pick a colour: for the selection, else the highlight under the cursor."""
        if not self.app.writable():
            return
        current = self.target()
        start = self.session.highlight_color
        if current is not None and not self.view.selecting:
            start = current.color
        self.app.push_screen(ColourMenu(start), self._colour_chosen)

    def _colour_chosen(self: ArticleScreen, color: str | None) -> None:
        """Apply the colour chosen in the menu."""
        if color is None:
            return
        self.session.highlight_color = color
        current = self.target()
        if self.view.selecting or current is None:
            self._highlight(color)
        else:
            self._recolour(current.id, color)

    def action_cycle_colour(self: ArticleScreen) -> None:
        """Next colour for the highlight under the cursor (and for new highlights)."""
        current = self.target()
        base = current.color if current else self.session.highlight_color
        color = next_colour(base)
        self.session.highlight_color = color
        if current is None:
            self.notify(f"New highlights will be {color}.")
        else:
            self._recolour(current.id, color)

    def _recolour(self: ArticleScreen, highlight_id: str, color: str) -> None:
        """Write a highlight's new colour."""
        self.app.edit(lambda s: s.set_color(highlight_id, color))

    def action_note(self: ArticleScreen) -> None:
        """Add or edit the note of the highlight under the cursor (or of a new one)."""
        if not self.app.writable():
            return
        current = None if self.view.selecting else self.target()
        if current is not None:
            editor = NoteEditor("Note", shorten(current.highlight.quote, 200), current.note)
            self.app.push_screen(editor, partial(self._note_written, current.id))
            return
        passage = self._passage()
        if passage is None:
            self.notify("Put the cursor on a highlight or select a passage first.",
                        severity="warning")
            return
        quote = self.view.text[passage[0]:passage[1]]
        editor = NoteEditor("Note on a new highlight", shorten(quote, 200), None)
        self.app.push_screen(editor, partial(self._new_note_written, passage))

    def _note_written(self: ArticleScreen, highlight_id: str, note: str | None) -> None:
        """Save an edited note (None: cancelled)."""
        if note is not None:
            self.app.edit(lambda s: s.update_note(highlight_id, note))

    def _new_note_written(self: ArticleScreen, passage: tuple[int, int], note: str | None) -> None:
        """Save a new highlight with its note (None: cancelled, nothing is made)."""
        if note is not None:
            self.view.clear_selection()
            self._add_highlight(passage, self.session.highlight_color, note)

    def action_delete_highlight(self: ArticleScreen) -> None:
        """Delete the highlight under the cursor (u brings it back)."""
        current = self.target()
        if current is None:
            self.notify("No highlight under the cursor.", severity="warning")
            return
        highlight_id = current.id
        self.app.edit(lambda s: s.delete_highlight(highlight_id))

    def action_undo(self: ArticleScreen) -> None:
        """Bring back the last deleted highlight."""
        here = self.article.id
        self.app.edit(lambda s: s.undo_delete(here))

    # The notes panel ---------------------------------------------------------------------------

    @property
    def notes_panel(self: ArticleScreen) -> NotesPanel:
        """The notes panel, mounted the first time it is needed."""
        found = self.query(NotesPanel)
        if found:
            return found.first()
        panel = NotesPanel()
        self.query_one("#reading").mount(panel)
        return panel

    @property
    def notes_open(self: ArticleScreen) -> bool:
        """True when the notes panel is shown."""
        found = self.query(NotesPanel)
        return bool(found) and found.first().display

    def action_toggle_notes(self: ArticleScreen) -> None:
        """Show or hide the notes panel beside the text."""
        if self.notes_open:
            self.notes_panel.display = False
            self.view.focus()
            return
        if self.panel_open:
            self.panel.close()
        panel = self.notes_panel
        panel.display = True
        self.call_after_refresh(self._fill_notes_panel)

    def _fill_notes_panel(self: ArticleScreen) -> None:
        """List the highlights, starting at the one under the cursor."""
        panel = self.notes_panel
        panel.show(self.view.highlights)
        here = self.target()
        if here is not None:
            panel.select(here.id)
        panel.options.focus()

    def on_notes_panel_chosen(self: ArticleScreen, event: NotesPanel.Chosen) -> None:
        """Scroll the text to the chosen highlight and put the cursor on it."""
        placed = self.view.highlights.get(event.highlight_id)
        if placed is None:
            return
        if placed.orphan:
            self.notify("This passage is no longer in the text; its quote is kept in the list.")
            return
        view = self.view
        if view.page is not None:
            word = view.page.word_at_offset(placed.start)
            view.move_cursor(word, center=True)

    @work(group="export", exclusive=True, exit_on_error=False)
    async def action_export(self: ArticleScreen) -> None:
        """Export this article's highlights and notes as Markdown."""
        await run_export(self, self.session, self.article.id, "this article")
