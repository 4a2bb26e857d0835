"""`u` undoes the last change of any kind and `ctrl+y` (or `U`) redoes it, on every screen."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.notes.store import NotesStore
from reader.tui.app import ReaderApp
from reader.tui.screens.note_editor import NoteEditor
from reader.tui.screens.notes import NotesScreen
from reader.tui.screens.saved_words import SavedWordsScreen
from reader.tui.widgets.glossary_panel import GlossaryPanel

from .helpers import notices, open_test_article, token_index, wait_for

SIZE = (100, 32)


def _heard(app: ReaderApp, text: str) -> bool:
    """True when a notice containing `text` was shown."""
    return any(text in n for n in notices(app))


def test_a_highlight_and_a_colour_are_undone_and_redone_on_the_article(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            view = await open_test_article(pilot, app)
            view.move_cursor(token_index(view, "副省长"))
            await pilot.press("h")
            await wait_for(pilot, lambda: len(view.highlights) == 1, "the highlight")
            hid = view.highlights.placed[0].id
            await pilot.press("u")
            await wait_for(pilot, lambda: len(view.highlights) == 0, "the undo")
            assert _heard(app, "Undone: highlight “副省长” added · ctrl+y to redo")
            await pilot.press("ctrl+y")
            await wait_for(pilot, lambda: len(view.highlights) == 1, "the redo")
            assert view.highlights.placed[0].id == hid  # the same highlight, the same id
            await pilot.press("c")  # yellow -> green
            await wait_for(pilot, lambda: view.highlights.placed[0].color == "green", "green")
            await pilot.press("u")
            await wait_for(pilot, lambda: view.highlights.placed[0].color == "yellow",
                           "the colour undone")
            await pilot.press("U")  # redo, the other key
            await wait_for(pilot, lambda: view.highlights.placed[0].color == "green",
                           "the colour redone")
            # The notes screen undoes the same history: the colour, then the highlight.
            await pilot.press("ctrl+n")
            await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen)
                           and app.screen.entries, "the notes screen")
            screen = app.screen
            await pilot.press("u")
            await wait_for(pilot, lambda: screen.entries[hid].highlight.color == "yellow",
                           "the colour undone from the notes")
            await pilot.press("u")
            await wait_for(pilot, lambda: not screen.entries, "the highlight undone")
            # And the library: back there, ctrl+y and u still work on the same history.
            await pilot.press("escape", "escape")
            await wait_for(pilot, lambda: app.screen is app.library_screen, "the library")
            await pilot.press("ctrl+y")
            await wait_for(pilot, lambda: len(app.session.all_highlights()) == 1, "the redo")
            await pilot.press("u")
            await wait_for(pilot, lambda: not app.session.all_highlights(), "the undo")
            await pilot.press("u", "u")
            await wait_for(pilot, lambda: _heard(app, "Nothing to undo."), "nothing left")
            await pilot.press("ctrl+q")
        with NotesStore.open(home, read_only=True) as store:
            assert store.highlights() == []

    asyncio.run(scenario())


def test_an_edited_definition_is_undone_on_the_saved_words_screen(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            view = await open_test_article(pilot, app)
            view.move_cursor(token_index(view, "跨境"))
            await pilot.press("enter")
            panel = app.screen.query_one(GlossaryPanel)
            await wait_for(pilot, lambda: panel.result is not None, "the lookup")
            await pilot.press("s")
            await wait_for(pilot, lambda: _heard(app, "Saved 跨境"), "saving")
            await pilot.press("ctrl+g")
            await wait_for(pilot, lambda: isinstance(app.screen, SavedWordsScreen)
                           and app.screen.shown, "the saved words")
            screen = app.screen
            assert screen.selected is not None
            original = screen.selected.definition
            assert original != "over the border"
            await pilot.press("d")
            await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor), "the editor")
            await pilot.press("ctrl+u", *"over the border", "ctrl+s")
            await wait_for(pilot, lambda: screen.selected is not None
                           and screen.selected.definition == "over the border", "the edit")
            await pilot.press("u")
            await wait_for(pilot, lambda: screen.selected is not None
                           and screen.selected.definition == original, "the undo")
            assert _heard(app, "Undone: definition of 跨境 · ctrl+y to redo")
            await pilot.press("ctrl+y")
            await wait_for(pilot, lambda: screen.selected is not None
                           and screen.selected.definition == "over the border", "the redo")
            await pilot.press("u", "u")  # the definition, then the save itself
            await wait_for(pilot, lambda: not screen.shown, "the save undone")
            await pilot.press("ctrl+q")
        with NotesStore.open(home, read_only=True) as store:
            assert store.words() == []

    asyncio.run(scenario())
