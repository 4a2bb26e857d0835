"""App-wide: help, palette, themes, small terminals, saving words, a read-only second instance."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.notes.store import NotesStore
from reader.tui.app import ReaderApp
from reader.tui.screens.help import HelpScreen
from reader.tui.widgets.glossary_panel import GlossaryPanel
from reader.tui.widgets.title_bar import TitleBar

from .helpers import notices, open_test_article, palette_results, token_index, wait_for

SIZE = (100, 32)


def test_help_lists_every_key_of_the_article_screen(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            view = await open_test_article(pilot, app)
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            listed = {what for _, _, what in app.screen.rows}
            expected = {b.description for b in view.BINDINGS} | {
                b.description for b in app.screen_stack[-2].BINDINGS
            } | {"Help", "Light/dark", "Quit"}
            assert expected <= listed
            await pilot.press("escape")
            assert not isinstance(app.screen, HelpScreen)

    asyncio.run(scenario())


def test_palette_runs_an_action_of_the_screen(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            view = await open_test_article(pilot, app)
            await pilot.press("ctrl+p", *"Tones")
            await palette_results(pilot, app)
            await pilot.press("enter")
            await wait_for(pilot, lambda: view.tones, "tone colours from the palette")

    asyncio.run(scenario())


def test_theme_toggles_between_light_and_dark(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            view = await open_test_article(pilot, app)
            dark_base = view.painter.styles.base
            assert app.current_theme.dark
            await pilot.press("ctrl+t")
            assert not app.current_theme.dark
            await pilot.pause()
            assert view.painter.styles.base != dark_base  # the text was restyled
            await pilot.press("ctrl+t")
            assert app.current_theme.dark

    asyncio.run(scenario())


def test_small_terminal_and_resizing_rewrap_the_text(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=(80, 24)) as pilot:
            view = await open_test_article(pilot, app)
            index = token_index(view, "会议")
            view.move_cursor(index)
            narrow = len(view.page.lines)
            assert view.page.width <= 80
            await pilot.resize_terminal(140, 40)
            await wait_for(pilot, lambda: view.page.width > 100, "a wider layout")
            assert len(view.page.lines) <= narrow
            assert view.cursor == index  # the reader's place survives
            await pilot.resize_terminal(80, 24)
            await wait_for(pilot, lambda: view.page.width <= 80, "a narrower layout")
            for y in range(len(view.page.lines)):
                assert view.painter.line(y, view.size.width).cell_length == view.size.width

    asyncio.run(scenario())


def test_s_saves_the_word_with_its_sentence(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            view = await open_test_article(pilot, app)
            view.move_cursor(token_index(view, "跨境"))
            await pilot.press("enter")
            panel = app.screen.query_one(GlossaryPanel)
            await wait_for(pilot, lambda: panel.result is not None, "the lookup")
            await pilot.press("s")
            await wait_for(pilot, lambda: any("Saved 跨境" in n for n in notices(app)),
                           "the saved notice")
            await pilot.press("ctrl+q")
        with NotesStore.open(home, read_only=True) as store:
            words = {w.word: w for w in store.words()}
        assert "跨境" in words
        assert "跨境" in words["跨境"].sentence
        assert words["跨境"].pinyin.replace(" ", "") == "kuàjìng"

    asyncio.run(scenario())


def test_second_instance_is_read_only_and_says_so(home: Path) -> None:
    async def scenario() -> None:
        with NotesStore.open(home):  # another running Dubao holds the lock
            app = ReaderApp(home=home)
            async with app.run_test(size=SIZE) as pilot:
                view = await open_test_article(pilot, app)
                await wait_for(pilot, lambda: app.session.read_only, "the read-only store")
                await pilot.pause()
                assert "read-only" in app.screen.query_one(TitleBar).text
                view.move_cursor(token_index(view, "会议"))
                await pilot.press("enter")
                panel = app.screen.query_one(GlossaryPanel)
                await wait_for(pilot, lambda: panel.result is not None, "the lookup")
                await pilot.press("s")
                await pilot.pause()
                assert any("read-only" in n.lower() for n in notices(app))
        with NotesStore.open(home, read_only=True) as store:
            assert store.words() == []

    asyncio.run(scenario())
