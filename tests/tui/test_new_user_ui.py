"""What a new user trips on (issue 14): quitting, the key bar, the help, saved words, glossary."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Input

from reader.notes.store import NotesStore
from reader.tui.app import ReaderApp
from reader.tui.screens.dialogs import Confirm, TermDialog
from reader.tui.screens.help import HelpScreen
from reader.tui.screens.saved_words import SavedWordsScreen
from reader.tui.screens.words_export import WordsExportDialog
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.glossary_panel import GlossaryPanel
from reader.tui.widgets.key_bar import KeyBar
from reader.tui.widgets.title_bar import TitleBar

from .helpers import notices, open_test_article, token_index, wait_for


def shown(widget: Widget) -> str:
    """The text a widget puts on the screen, line by line."""
    region = Region(0, 0, widget.size.width, widget.size.height)
    return "\n".join(strip.text for strip in widget.render_lines(region))


def test_q_quits_from_the_library_and_the_bar_says_so(home: Path) -> None:
    async def scenario() -> int | None:
        app = ReaderApp(home=home)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: app.library_screen.issues, "the library")
            await pilot.pause()
            assert "q Quit" in shown(app.screen.query_one(KeyBar))
            await pilot.press("slash", "q")  # typed into the filter, not a quit
            assert app.screen.query_one("#filter").value == "q"
            await pilot.press("escape", "q")
            await wait_for(pilot, lambda: app.return_code is not None, "the app to quit")
        return app.return_code

    assert asyncio.run(scenario()) == 0


@pytest.mark.parametrize("width", [80, 110])
def test_article_key_bar_shows_every_key_at_narrow_widths(home: Path, width: int) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=(width, 24)) as pilot:
            await open_test_article(pilot, app)
            bar = app.screen.query_one(KeyBar)
            await pilot.pause()
            text = shown(bar)
            for key in ("p Pinyin", "t Tones", "? Help", "s Save word", "^p palette"):
                assert key in text, (key, text)
            assert all(len(line.rstrip()) <= width for line in text.splitlines())

    asyncio.run(scenario())


def test_library_help_lists_our_keys_and_a_legend_not_textual_internals(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=(100, 40)) as pilot:
            await wait_for(pilot, lambda: app.library_screen.issues, "the library")
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            listed = {what for _, _, what in app.screen.rows}
            for internal in ("Cursor to parent", "Page Left", "Focus Next", "Focus Previous"):
                assert internal not in listed
            assert {"Filter", "Search all", "Quit", "Help"} <= listed
            text = "\n".join(shown(w) for w in app.screen.query(".legend"))
            for mark in ("• not opened yet", "◐ started", "✓ read to the end",
                         "HSK 1-3", "HSK 4-6", "HSK 7-9", "not in HSK"):
                assert mark in text, mark

    asyncio.run(scenario())


async def looked_up(pilot, app: ReaderApp, view: ArticleView,  # noqa: ANN001 - a Pilot
                    word: str) -> GlossaryPanel:
    """Put the cursor on `word`, look it up (enter) and wait for the panel's answer."""
    view.move_cursor(token_index(view, word))
    await pilot.press("enter")
    panel = app.screen.query_one(GlossaryPanel)
    await wait_for(pilot, lambda: panel.result is not None, "the lookup")
    return panel


def test_s_on_a_saved_word_keeps_the_users_definition_and_the_panel_shows_it(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=(100, 32)) as pilot:
            view = await open_test_article(pilot, app)
            panel = await looked_up(pilot, app, view, "跨境")
            assert "In your saved words" not in panel.body_text
            await pilot.press("s")
            await wait_for(pilot, lambda: any("Saved 跨境" in n for n in notices(app)),
                           "the saved notice")
            await wait_for(pilot, lambda: "In your saved words" in panel.body_text,
                           "the panel to say the word is saved")
            (word,) = app.session.words()
            app.edit(lambda s: s.update_word(word.id, "definition", "cross-border (mine)"))
            await wait_for(pilot, lambda: "Your definition: cross-border (mine)"
                           in panel.body_text, "the panel to show the user's definition")
            await pilot.press("s")
            await wait_for(pilot, lambda: any("already saved" in n for n in notices(app)),
                           "the already-saved notice")
            assert sum("Saved 跨境" in n for n in notices(app)) == 1
            await pilot.press("ctrl+q")
        with NotesStore.open(home, read_only=True) as store:
            (kept,) = store.words()
        assert kept.definition == "cross-border (mine)"

    asyncio.run(scenario())


def test_s_after_moving_the_cursor_saves_the_cursor_word_not_the_panels(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=(200, 50)) as pilot:
            view = await open_test_article(pilot, app)
            panel = await looked_up(pilot, app, view, "跨境")
            view.move_cursor(token_index(view, "发展"))  # the panel still shows 跨境
            await pilot.press("s")
            await wait_for(pilot, lambda: panel.token is not None and panel.token.text == "发展"
                           and panel.result is not None, "the panel on the cursor word")
            assert app.session.words() == []
            await pilot.press("s")
            await wait_for(pilot, lambda: any("Saved 发展" in n for n in notices(app)),
                           "the saved notice")
            assert [w.word for w in app.session.words()] == ["发展"]

    asyncio.run(scenario())


def test_ctrl_p_over_a_screen_pushed_over_the_palette_does_not_crash(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=(100, 32)) as pilot:
            await wait_for(pilot, lambda: app.library_screen.issues, "the library")
            await pilot.press("ctrl+p")
            assert isinstance(app.screen, CommandPalette)
            app.action_help()  # a screen pushed over the open palette
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("ctrl+p")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            assert sum(isinstance(s, CommandPalette) for s in app.screen_stack) == 1
        assert app.return_code in (None, 0)

    asyncio.run(scenario())


def test_ctrl_e_adds_a_glossary_term_that_the_panel_shows_at_once(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=(100, 32)) as pilot:
            view = await open_test_article(pilot, app)
            view.move_cursor(token_index(view, "会议"))
            await pilot.press("enter")
            panel = app.screen.query_one(GlossaryPanel)
            await wait_for(pilot, lambda: panel.result is not None, "the lookup")
            assert "Glossary terms" not in panel.body_text
            await pilot.press("ctrl+e")
            assert isinstance(app.screen, TermDialog)
            assert app.screen.query_one("#term-word", Input).value == "会议"
            await pilot.press(*"my own meeting", "enter")
            await wait_for(pilot, lambda: any("Added 会议 in Glossary terms" in n
                                              for n in notices(app)), "the added notice")
            await wait_for(pilot, lambda: "my own meeting" in panel.body_text,
                           "the panel to show the new term")
            assert "Glossary terms (yours)" in panel.body_text
            await pilot.press("s")
            await wait_for(pilot, lambda: any("Saved 会议 to Saved words" in n
                                              for n in notices(app)), "the saved notice")
            assert not any("your glossary" in n.lower() for n in notices(app))
            await pilot.press("ctrl+q")
        with NotesStore.open(home, read_only=True) as store:
            (term,) = store.user_terms()
        assert (term.word, term.definitions) == ("会议", ("my own meeting",))

    asyncio.run(scenario())


def test_an_empty_glossary_term_is_refused_in_one_line(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=(100, 32)) as pilot:
            await wait_for(pilot, lambda: app.library_screen.issues, "the library")
            await wait_for(pilot, app.session.store_ready.is_set, "the store")
            await pilot.press("ctrl+e")
            assert isinstance(app.screen, TermDialog)
            await pilot.press(*"非遗", "tab", "tab", "ctrl+s")
            await wait_for(pilot, lambda: any(n.startswith("Not added") for n in notices(app)),
                           "the refusal")
            await pilot.press("ctrl+q")
        with NotesStore.open(home, read_only=True) as store:
            assert store.user_terms() == []

    asyncio.run(scenario())


def test_e_on_saved_words_exports_anki_tsv_with_notes_and_never_overwrites_unasked(
        home: Path, tmp_path: Path) -> None:
    out = tmp_path / "anki"

    async def export(pilot, app: ReaderApp) -> None:  # noqa: ANN001
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, WordsExportDialog), "the dialog")
        app.screen.query_one(Input).value = str(out)
        await pilot.press("enter")

    async def scenario() -> None:
        with NotesStore.open(home) as store:
            store.save_word("会议", "huìyì", "meeting", "会议指出。", "a1", "i1",
                            note="my note on it")
        app = ReaderApp(home=home)
        async with app.run_test(size=(100, 32)) as pilot:
            await wait_for(pilot, app.session.store_ready.is_set, "the store")
            await pilot.press("ctrl+g")
            await wait_for(pilot, lambda: isinstance(app.screen, SavedWordsScreen), "the words")
            await pilot.pause()
            assert "e Export for Anki" in shown(app.screen.query_one(KeyBar))
            await export(pilot, app)
            await wait_for(pilot, lambda: any("Exported 1 saved word to" in n
                                              for n in notices(app)), "the export")
            first = (out / "dubao-words.tsv").read_text(encoding="utf-8")
            assert "会议" in first and "my note on it" in first
            (out / "dubao-words.tsv").write_text("the user's own file", encoding="utf-8")
            await export(pilot, app)
            await wait_for(pilot, lambda: isinstance(app.screen, Confirm), "the question")
            await pilot.press("escape")
            await wait_for(pilot, lambda: any("Not exported" in n for n in notices(app)),
                           "the refusal")
            assert (out / "dubao-words.tsv").read_text(encoding="utf-8") == "the user's own file"
            await export(pilot, app)
            await wait_for(pilot, lambda: isinstance(app.screen, Confirm), "the question")
            await pilot.press("k")  # keep both
            await wait_for(pilot, lambda: (out / "dubao-words-2.tsv").exists(), "a second file")
            await pilot.press("ctrl+q")

    asyncio.run(scenario())


def test_ctrl_r_restores_the_backup_of_a_damaged_notes_file_and_edits_work_again(
        home: Path) -> None:
    from reader.notes.model import UserTerm

    with NotesStore.open(home) as store:
        store.put_term(UserTerm("跨境", "kuàjìng", ("across the border (mine)",), None))
    NotesStore.open(home).close()  # the backup holds the term
    notes = home / "notes.json"
    notes.write_bytes(notes.read_bytes()[:50])

    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=(100, 32)) as pilot:
            await wait_for(pilot, lambda: app.session.read_only, "the read-only state")
            await wait_for(pilot, lambda: any("ctrl+r" in n for n in notices(app)),
                           "the offer to restore")
            await pilot.pause()
            assert "read-only" in app.screen.query_one(TitleBar).text
            assert "^r Restore the notes backup" in shown(app.screen.query_one(KeyBar))
            await pilot.press("ctrl+r")
            await wait_for(pilot, lambda: any("Restored the notes from" in n
                                              for n in notices(app)), "the restore")
            await pilot.pause()
            assert not app.session.read_only
            assert "read-only" not in app.screen.query_one(TitleBar).text
            assert "Restore the notes backup" not in shown(app.screen.query_one(KeyBar))
            result = app.session.lookup("跨境")
            assert "across the border (mine)" in [d for e in result.entries
                                                  for d in e.definitions]
            await pilot.press("ctrl+e", *"非遗", "tab", "tab", *"intangible heritage", "enter")
            await wait_for(pilot, lambda: any("Added 非遗" in n for n in notices(app)),
                           "an edit after the restore")
            await pilot.press("ctrl+q")
        with NotesStore.open(home, read_only=True) as store:
            assert {t.word for t in store.user_terms()} == {"跨境", "非遗"}

    asyncio.run(scenario())
