"""The notes and saved-words screens, a read-only second instance, and exporting from the app."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import DataTable, Input

from reader.notes.store import NotesStore
from reader.reading.session import READ_ONLY_NOTICE
from reader.tui.app import ReaderApp
from reader.tui.screens.article import ArticleScreen
from reader.tui.screens.dialogs import Confirm
from reader.tui.screens.export_dialog import ExportDialog
from reader.tui.screens.note_editor import NoteEditor
from reader.tui.screens.notes import NotesScreen
from reader.tui.screens.saved_words import SavedWordsScreen
from reader.tui.widgets.glossary_panel import GlossaryPanel

from .helpers import notices, open_test_article, palette_results, token_index, wait_for

SIZE = (100, 32)


async def _edit(pilot, app: ReaderApp, text: str) -> None:  # noqa: ANN001
    """Replace the text in the open editor and save."""
    await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor), "the editor")
    await pilot.press("ctrl+u", *text, "ctrl+s")
    await wait_for(pilot, lambda: not isinstance(app.screen, NoteEditor), "the editor to close")


def _seed_highlight(home: Path, app_article: tuple[str, str, str], note: str) -> str:
    """Store a highlight of 跨境电商 in the test article; return its id."""
    issue_id, article_id, text = app_article
    start = text.index("跨境电商")
    with NotesStore.open(home) as store:
        return store.add_highlight(issue_id, article_id, text, start, start + 4, note=note).id


async def _test_article(home: Path) -> tuple[str, str, str]:
    """(issue id, article id, text) of the test article, read by a first run of the app."""
    app = ReaderApp(home=home)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_test_article(pilot, app)
        found = (view.article.issue_id, view.article.id, view.article.text)
        await pilot.press("ctrl+q")
    return found


def test_notes_screen_edits_deletes_undoes_and_jumps(home: Path) -> None:
    async def scenario() -> None:
        hid = _seed_highlight(home, await _test_article(home), "first thought")
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: app.library_screen.issues, "the library")
            await pilot.press("n")  # from the library
            await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen)
                           and app.screen.entries, "the notes screen")
            screen = app.screen
            assert screen.selected_id == hid
            await pilot.press("a")
            await _edit(pilot, app, "second thought")
            await wait_for(pilot, lambda: screen.entries[hid].highlight.note == "second thought",
                           "the edited note")
            await pilot.press("x")
            await wait_for(pilot, lambda: not screen.entries, "the deletion")
            await pilot.press("u")
            await wait_for(pilot, lambda: hid in screen.entries, "the undo")
            assert screen.entries[hid].highlight.note == "second thought"
            await pilot.press("enter")  # go to the passage
            await wait_for(pilot, lambda: isinstance(app.screen, ArticleScreen)
                           and app.screen.view.has_words, "the article")
            view = app.screen.view
            await wait_for(pilot, lambda: len(view.highlights) == 1, "its highlights")
            assert view.tokens[view.cursor].text == "跨境"
            await pilot.press("escape")
            assert app.screen is screen  # back to the notes
            await pilot.press("ctrl+q")
        with NotesStore.open(home, read_only=True) as store:
            assert store.get_highlight(hid).note == "second thought"

    asyncio.run(scenario())


def test_saved_word_shows_on_the_saved_words_screen(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            view = await open_test_article(pilot, app)
            view.move_cursor(token_index(view, "跨境"))
            await pilot.press("enter")
            panel = app.screen.query_one(GlossaryPanel)
            await wait_for(pilot, lambda: panel.result is not None, "the lookup")
            await pilot.press("s")
            await wait_for(pilot, lambda: any("Saved 跨境" in n for n in notices(app)), "saving")
            await pilot.press("ctrl+g")
            await wait_for(pilot, lambda: isinstance(app.screen, SavedWordsScreen)
                           and app.screen.shown, "the saved words")
            screen = app.screen
            table = screen.query_one(DataTable)
            row = [str(c) for c in table.get_row_at(0)]
            assert row[0] == "跨境" and row[1].replace(" ", "") == "kuàjìng"
            assert "跨境电商发展迅速" in row[4]  # the article
            detail = str(screen.query_one("#word-detail").content)
            assert "会议指出，跨境电商发展迅速。" in detail  # the source sentence
            await pilot.press("a")
            await _edit(pilot, app, "cross-border, as in e-commerce")
            await pilot.press("d")
            await _edit(pilot, app, "cross-border")
            await wait_for(pilot, lambda: screen.selected is not None
                           and screen.selected.definition == "cross-border", "the definition")
            await pilot.press("enter")  # go to the source
            await wait_for(pilot, lambda: isinstance(app.screen, ArticleScreen)
                           and app.screen.view.has_words and app.screen.view.cursor is not None,
                           "the source")
            view = app.screen.view
            assert view.tokens[view.cursor].text == "跨境"
            await pilot.press("escape")
            assert app.screen is screen
            await pilot.press("x")
            await wait_for(pilot, lambda: not screen.shown, "the deletion")
            await pilot.press("u")
            await wait_for(pilot, lambda: screen.shown, "the undo")
            await pilot.press("ctrl+q")
        with NotesStore.open(home, read_only=True) as store:
            [word] = store.words()
        assert (word.word, word.definition, word.note) == (
            "跨境", "cross-border", "cross-border, as in e-commerce")

    asyncio.run(scenario())


def test_second_instance_refuses_every_edit(home: Path) -> None:
    async def scenario() -> None:
        hid = _seed_highlight(home, await _test_article(home), "keep me")
        with NotesStore.open(home):  # another running Dubao holds the lock
            app = ReaderApp(home=home)
            async with app.run_test(size=SIZE) as pilot:
                view = await open_test_article(pilot, app)
                await wait_for(pilot, lambda: app.session.read_only, "the read-only store")
                await wait_for(pilot, lambda: len(view.highlights) == 1, "the highlight")
                view.move_cursor(token_index(view, "会议"))
                for key in ("h", "a", "H"):
                    await pilot.press("v", "w", key)
                    await pilot.pause()
                    assert not isinstance(app.screen, NoteEditor)
                    await pilot.press("escape")
                view.move_cursor(token_index(view, "跨境"))
                for key in ("x", "a", "c", "u"):
                    await pilot.press(key)
                    await pilot.pause()
                    assert isinstance(app.screen, ArticleScreen)
                await pilot.press("ctrl+n")
                await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen)
                               and app.screen.entries, "the notes screen")
                for key in ("a", "x"):
                    await pilot.press(key)
                    await pilot.pause()
                    assert isinstance(app.screen, NotesScreen)
                refusals = [n for n in notices(app) if n == READ_ONLY_NOTICE]
                assert len(refusals) >= 8
        with NotesStore.open(home, read_only=True) as store:
            [h] = store.highlights()
        assert (h.id, h.note) == (hid, "keep me")

    asyncio.run(scenario())


def test_export_writes_a_file_and_never_overwrites_unasked(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "exports"

    async def export(pilot, app: ReaderApp) -> None:  # noqa: ANN001
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog), "the export dialog")
        app.screen.query_one(Input).value = str(out)
        await pilot.press("enter")

    async def scenario() -> None:
        _seed_highlight(home, await _test_article(home), "export me")
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            await open_test_article(pilot, app)
            await export(pilot, app)
            await wait_for(pilot, lambda: any(n.startswith("Exported to") for n in notices(app)),
                           "the export")
            [written] = list(out.iterdir())
            assert written.name.startswith("测试日报") and written.suffix == ".md"
            assert str(written) in next(n for n in notices(app) if n.startswith("Exported"))
            text = written.read_text(encoding="utf-8")
            assert "> 跨境电商" in text and "export me" in text
            written.write_text("my own edits", encoding="utf-8")
            # Again: the file exists, so the app asks; cancelling leaves it alone.
            await export(pilot, app)
            await wait_for(pilot, lambda: isinstance(app.screen, Confirm), "the question")
            assert str(written) in app.screen.question
            await pilot.press("escape")
            await wait_for(pilot, lambda: any(n.startswith("Not exported") for n in notices(app)),
                           "the cancelled export")
            assert written.read_text(encoding="utf-8") == "my own edits"
            # Keep both: a second file beside it.
            await export(pilot, app)
            await wait_for(pilot, lambda: isinstance(app.screen, Confirm), "the question")
            await pilot.press("k")
            await wait_for(pilot, lambda: len(list(out.iterdir())) == 2, "a second file")
            assert written.read_text(encoding="utf-8") == "my own edits"
            # Overwrite, when asked to.
            await export(pilot, app)
            await wait_for(pilot, lambda: isinstance(app.screen, Confirm), "the question")
            await pilot.press("o")
            await wait_for(pilot, lambda: "export me" in written.read_text(encoding="utf-8"),
                           "the overwrite")
            # The notes screen exports everything.
            await pilot.press("ctrl+n")
            await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen)
                           and app.screen.entries, "the notes screen")
            before = len(notices(app))
            await export(pilot, app)
            await wait_for(pilot, lambda: len(notices(app)) > before
                           or isinstance(app.screen, Confirm), "the export of all notes")

    asyncio.run(scenario())


def test_a_failed_edit_is_shown_and_help_and_palette_know_the_new_keys(home: Path) -> None:
    from reader.tui.screens.dialogs import ColourMenu
    from reader.tui.screens.help import HelpScreen

    async def scenario() -> None:
        hid = _seed_highlight(home, await _test_article(home), "gone soon")
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            view = await open_test_article(pilot, app)
            await wait_for(pilot, lambda: len(view.highlights) == 1, "the highlight")
            # The highlight vanishes behind the screen's back: deleting it fails, visibly.
            app.session.store.delete_highlight(hid)
            view.move_cursor(token_index(view, "跨境"))
            await pilot.press("x")
            await wait_for(pilot, lambda: any(hid in n for n in notices(app)), "the error notice")
            # The palette runs the new actions by name.
            await pilot.press("ctrl+p", *"colour…")
            await palette_results(pilot, app)
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, ColourMenu), "the colour menu")
            await pilot.press("escape")
            # Help on the notes screen lists its keys and the app's new ones.
            await pilot.press("ctrl+n")
            await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen), "the notes screen")
            await pilot.press("question_mark")
            await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
            listed = {what for _, _, what in app.screen.rows}
            assert {"Edit note", "Delete", "Export all", "Search", "All notes",
                    "Saved words"} <= listed
            assert app.screen.help_title == "notes"

    asyncio.run(scenario())


def test_many_highlights_are_listed_a_page_at_a_time(home: Path) -> None:
    from reader.tui.screens.notes import PAGE

    async def scenario() -> None:
        issue_id, article_id, text = await _test_article(home)
        count = PAGE * 3 + 7
        with NotesStore.open(home) as store:
            ids = [store.add_highlight(issue_id, article_id, text, n % 20, n % 20 + 2,
                                       note=f"note {n}").id for n in range(count)]
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: app.library_screen.issues, "the library")
            await pilot.press("n")
            await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen)
                           and app.screen.entries, "the notes screen")
            screen = app.screen
            assert len(screen.entries) == count  # every highlight is known ...
            assert screen.listing.option_count < PAGE + 10  # ... a page of them is listed
            for _ in range(count // PAGE + 1):  # each step to the end lists the next page
                await pilot.press("end")
            await wait_for(pilot, lambda: screen.listing.option_count == count + 2, "the rest")
            # A search reaches beyond the first page.
            await pilot.press("slash", *f"note {count - 1}")
            await wait_for(pilot, lambda: list(screen.entries) == [ids[-1]], "the search")
            assert screen.selected_id == ids[-1]

    asyncio.run(scenario())
