"""`p`, `t`, `g` and the theme are remembered across articles and restarts (issue 14 item 10)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.settings import load_settings
from reader.tui import display_prefs
from reader.tui.app import ReaderApp
from reader.tui.tones import TONE_STYLES
from reader.tui.widgets.article_view import ArticleView

from .helpers import article_ready, open_test_article, token_index, wait_for

SIZE = (100, 32)
OTHER_ARTICLE = "002_42bc9256d97c8f20-8497"
"""A bundled article, to open after the test one."""


def looks(view: ArticleView) -> tuple[bool, bool, bool]:
    """What the screen shows: (pinyin above a word, tone colours on its line, spaced words)."""
    index = token_index(view, "会议") if any(t.text == "会议" for t in view.tokens) else next(
        i for i in view.page.words if view.word_region(i) is not None)  # type: ignore[union-attr]
    region = view.word_region(index)
    assert region is not None
    row = region.y - view.content_region.y
    body = view.render_line(row)
    above = view.render_line(row - 1).text if row > 0 else ""
    pinyin = "".join(s.marks for s in view.tokens[index].syllables)
    colours = {style.color for style in TONE_STYLES.values()}
    toned = any(seg.style is not None and seg.style.color in colours for seg in body)
    return pinyin in above, toned, view.segments == "space"


def test_display_modes_and_theme_are_remembered(home: Path) -> None:
    async def first_run() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: display_prefs.current(app), "the preferences")
            view = await open_test_article(pilot, app)
            assert looks(view) == (False, False, False)
            await pilot.press("p", "t", "g")  # pinyin line, tones, shade -> spaces
            await pilot.press("ctrl+t")
            await pilot.pause()
            assert not app.current_theme.dark
            assert looks(view) == (True, True, True)
            await pilot.press("escape")
            app.open_article(OTHER_ARTICLE)
            other = await article_ready(pilot, app)
            assert (other.ruby, other.tones, other.segments) == (True, True, "space")
            await app.workers.wait_for_complete()
        saved = load_settings(home)
        assert (saved.pinyin_line, saved.tone_colours, saved.segments) == (True, True, "space")
        assert saved.theme == app.theme

    async def second_run() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: display_prefs.current(app), "the preferences")
            await pilot.pause()
            assert not app.current_theme.dark
            view = await open_test_article(pilot, app)
            assert looks(view) == (True, True, True)

    asyncio.run(first_run())
    asyncio.run(second_run())


def test_an_article_gone_back_to_shows_the_modes_chosen_above_it(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: display_prefs.current(app), "the preferences")
            first = await open_test_article(pilot, app)
            assert not first.ruby
            await pilot.press("ctrl+g")  # Saved words over the article; an article opened there
            await wait_for(pilot, lambda: type(app.screen).__name__ == "SavedWordsScreen",
                           "the saved words")
            app.open_article(OTHER_ARTICLE)  # is pushed over both
            other = await article_ready(pilot, app)
            assert other is not first
            await pilot.press("p")
            await wait_for(pilot, lambda: other.ruby, "the pinyin line")
            await pilot.press("escape")
            await wait_for(pilot, lambda: type(app.screen).__name__ == "SavedWordsScreen",
                           "the saved words again")
            await pilot.press("escape")
            await wait_for(pilot, lambda: app.screen.query(ArticleView)
                           and app.screen.query_one(ArticleView) is first, "the first article")
            await wait_for(pilot, lambda: first.ruby, "the first article in the new mode")

    asyncio.run(scenario())
