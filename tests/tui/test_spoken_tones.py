"""`y`: 一 and 不 shown in their spoken tones (yí gè), remembered; written pinyin unchanged."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.settings import load_settings
from reader.tui import display_prefs
from reader.tui.app import ReaderApp
from reader.tui.widgets.article_view import ArticleView

from .helpers import article_ready, token_index, wait_for

SIZE = (100, 32)
WORD = "一个"


async def open_article_with(pilot, app: ReaderApp, word: str) -> ArticleView:  # type: ignore[no-untyped-def]
    """Open the first bundled article whose text holds `word`."""
    await wait_for(pilot, lambda: app.library_screen.issues, "the library")
    found = next(a.id for issue in app.library_screen.issues for a in issue.articles
                 if word in a.text)
    app.open_article(found)
    return await article_ready(pilot, app)


def pinyin_above(view: ArticleView, index: int) -> str:
    """The pinyin line drawn above a word (the word is brought on screen first)."""
    view.move_cursor(index, center=True)
    region = view.word_region(index)
    assert region is not None
    row = region.y - view.content_region.y
    return view.render_line(row - 1).text


def test_spoken_tones_are_shown_remembered_and_never_written(home: Path) -> None:
    async def first_run() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: display_prefs.current(app), "the preferences")
            view = await open_article_with(pilot, app, WORD)
            index = token_index(view, WORD)
            assert view.tokens[index].pinyin == "yī gè"
            view.move_cursor(index, center=True)
            await pilot.pause()
            assert view.popup_text.startswith("yīgè")
            await pilot.press("y")
            await pilot.pause()
            assert view.spoken
            assert view.popup_text.startswith("yígè")  # the pop-up by the cursor word
            await pilot.press("p")
            await pilot.pause()
            assert "yígè" in pinyin_above(view, index)
            # The token, which lookups, saved words and exports read, keeps the written tone.
            assert view.tokens[index].pinyin == "yī gè"
            await app.workers.wait_for_complete()
        assert load_settings(home).spoken_tones

    async def second_run() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: display_prefs.current(app), "the preferences")
            view = await open_article_with(pilot, app, WORD)
            assert view.spoken and view.ruby
            assert "yígè" in pinyin_above(view, token_index(view, WORD))
            await pilot.press("y")
            await pilot.pause()
            assert "yīgè" in pinyin_above(view, token_index(view, WORD))
            await app.workers.wait_for_complete()
        assert not load_settings(home).spoken_tones

    asyncio.run(first_run())
    asyncio.run(second_run())


def test_spoken_tones_are_off_by_default_and_in_the_help(home: Path) -> None:
    async def run() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            view = await open_article_with(pilot, app, WORD)
            assert not view.spoken
            from reader.tui.screens.help import key_rows

            assert any(keys == "y" and "Spoken" in what for _, keys, what in key_rows(app.screen))

    asyncio.run(run())
