"""Annotating an article: which highlight or passage is meant, and the edits asked of it.

The article screen composes one `Annotator` and hands its actions to it. Every edit goes
through the app's edit pipeline (`app.edit`); the screen hears the change and places the
article's highlights again, so what is drawn is always what is stored.
"""

from __future__ import annotations

from functools import partial

from reader.corpus.model import Article
from reader.reading.colours import next_colour
from reader.reading.placement import PlacedHighlight
from reader.tui.pipeline import EditingApp
from reader.tui.screens.article_panels import SidePanels
from reader.tui.screens.dialogs import ColourMenu
from reader.tui.screens.note_editor import NoteEditor
from reader.tui.widgets.article_view import NOT_IN_BODY, ArticleView
from reader.tui.widgets.notes_panel import shorten


class Annotator:
    """Highlight, colour, note and delete on one article view (the screen undoes)."""

    def __init__(self, app: EditingApp, view: ArticleView, article: Article,
                 panels: SidePanels) -> None:
        self.app = app
        """The app whose pipeline runs the edits."""
        self.view = view
        """The article text."""
        self.article = article
        """The article annotated."""
        self.panels = panels
        """The side panels (the notes list may say which highlight is meant)."""

    @property
    def colour(self) -> str:
        """The colour of the next highlight (the last one chosen this run)."""
        return self.app.session.highlight_color

    def target(self) -> PlacedHighlight | None:
        """The highlight acted on: the notes list's choice when it has the focus, else the
        one under the cursor word."""
        highlights = self.view.highlights
        listing = self.panels.notes_focused
        if listing is not None:
            chosen = listing.selected_id
            return highlights.get(chosen) if chosen else None
        view = self.view
        if view.cursor is None or not view.has_words:
            return None
        tok = view.tokens[view.cursor]
        return highlights.at(tok.start, tok.end)

    def passage(self) -> tuple[int, int] | None:
        """The selection, else the cursor word, as a character range."""
        view = self.view
        selected = view.selection_range()
        if selected is not None:
            return selected
        if view.cursor is None or not view.has_words or not view.in_body(view.cursor):
            return None
        tok = view.tokens[view.cursor]
        return tok.start, tok.end

    def _off_body(self) -> bool:
        """True (and say so) when what would be highlighted is in a headline or caption: the
        cursor word with no selection, or a selection (a drag) holding none of the body."""
        view = self.view
        if view.selecting:
            if view.selection_range() is not None:
                return False
        elif view.cursor is None or not view.has_words or view.in_body(view.cursor):
            return False
        self.app.notify(NOT_IN_BODY, severity="warning")
        return True

    def highlight(self, color: str | None = None, note: str | None = None) -> None:
        """Highlight the selection (or the cursor word)."""
        if not self.app.writable() or self._off_body():
            return
        passage = self.passage()
        if passage is None:
            self.app.notify("Put the cursor on a word or select a passage first.",
                            severity="warning")
            return
        if not self.view.selecting and self.target() is not None and note is None:
            self.app.notify("Already highlighted: c changes its colour, x deletes it.")
            return
        self._add(passage, color or self.colour, note)

    def _add(self, passage: tuple[int, int], color: str, note: str | None) -> None:
        """Write a new highlight of a passage."""
        self.view.clear_selection()
        article, (start, end) = self.article, passage
        self.app.edit(lambda s: s.add_highlight(article, start, end, color, note))

    def choose_colour(self) -> None:
        """Pick a colour: for the selection, else the highlight under the cursor."""
        if not self.app.writable():
            return
        current = self.target()
        start = current.color if current is not None and not self.view.selecting else self.colour
        self.app.push_screen(ColourMenu(start), self._colour_chosen)

    def _colour_chosen(self, color: str | None) -> None:
        """Apply the colour chosen in the menu."""
        if color is None:
            return
        self.app.session.highlight_color = color
        current = self.target()
        if self.view.selecting or current is None:
            self.highlight(color)
        else:
            self._recolour(current.id, color)

    def cycle_colour(self) -> None:
        """Next colour for the highlight under the cursor (and for new highlights)."""
        current = self.target()
        color = next_colour(current.color if current else self.colour)
        self.app.session.highlight_color = color
        if current is None:
            self.app.notify(f"New highlights will be {color}.")
        else:
            self._recolour(current.id, color)

    def _recolour(self, highlight_id: str, color: str) -> None:
        """Write a highlight's new colour."""
        self.app.edit(lambda s: s.set_color(highlight_id, color))

    def note(self) -> None:
        """Add or edit the note of the highlight under the cursor (or of a new one)."""
        if not self.app.writable() or self._off_body():
            return
        current = None if self.view.selecting else self.target()
        if current is not None:
            self._keep_in_sight(current.start)
            editor = NoteEditor("Note", shorten(current.highlight.quote, 200), current.note)
            self.app.push_screen(editor, partial(self._note_written, current.id))
            return
        passage = self.passage()
        if passage is None:
            self.app.notify("Put the cursor on a highlight or select a passage first.",
                            severity="warning")
            return
        quote = self.view.text[passage[0]:passage[1]]
        self._keep_in_sight(passage[0])
        editor = NoteEditor("Note on a new highlight", shorten(quote, 200), None)
        self.app.push_screen(editor, partial(self._new_note_written, passage))

    def _keep_in_sight(self, offset: int) -> None:
        """Scroll the passage at `offset` above the rows the note editor will cover."""
        if offset < 0:  # an orphan: its passage is no longer in the text
            return
        view, page = self.view, self.view.page
        token = page.token_at_offset(offset) if page is not None else None
        region = view.word_region(token) if token is not None else None
        free = view.content_region.height - NoteEditor.ROWS
        if region is None or region.y - view.content_region.y >= max(1, free):
            view.scroll_to_offset(offset, top=True)

    def _note_written(self, highlight_id: str, note: str | None) -> None:
        """Save an edited note (None: cancelled)."""
        if note is not None:
            self.app.edit(lambda s: s.update_note(highlight_id, note))

    def _new_note_written(self, passage: tuple[int, int], note: str | None) -> None:
        """Save a new highlight with its note (None: cancelled, nothing is made)."""
        if note is not None:
            self._add(passage, self.colour, note)

    def delete(self) -> None:
        """Delete the highlight under the cursor (undo brings it back)."""
        current = self.target()
        if current is None:
            self.app.notify("No highlight under the cursor.", severity="warning")
            return
        highlight_id = current.id
        self.app.edit(lambda s: s.delete_highlight(highlight_id))
