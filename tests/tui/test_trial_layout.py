"""Layout defects a new user found (issue 14): text clipped by a side panel, wide terminals."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.tui.app import ReaderApp
from reader.tui.widgets.article_view import ArticleView

from .helpers import article_ready, wait_for

SEED_ARTICLE = "002_42bc9256d97c8f20-8497"
"""A bundled article whose lines end in hanging punctuation (…华润、招商局、) at 80 columns."""


def shown_lines(view: ArticleView) -> list[tuple[str, str]]:
    """(laid-out characters, text on screen) for every body line on screen."""
    assert view.page is not None
    out = []
    for row in range(view.scrollable_content_region.height):
        y = int(view.scroll_y) + row
        if y >= len(view.page.lines) or view.page.lines[y].kind != "body":
            continue
        chars = "".join(view.text[s.start:s.end] for s in view.page.lines[y].spans)
        out.append((chars, view.render_line(row).text))
    return out


async def open_seed(pilot, app: ReaderApp) -> ArticleView:  # type: ignore[no-untyped-def]
    """Open the bundled article that ends lines in punctuation."""
    await wait_for(pilot, lambda: app.library_screen.issues, "the library")
    app.open_article(SEED_ARTICLE)
    return await article_ready(pilot, app)


def test_punctuation_at_the_end_of_a_line_stays_on_screen_with_a_panel_open(home: Path) -> None:
    asyncio.run(_punctuation_stays(home))


async def _punctuation_stays(home: Path) -> None:
    app = ReaderApp(home=home)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_seed(pilot, app)
        await pilot.press("home", "enter")
        await wait_for(pilot, lambda: app.screen.panel_open, "the glossary panel")
        await app.workers.wait_for_complete()
        for width in (80, 70, 76, 88, 100):
            await pilot.resize_terminal(width, 24)
            await pilot.pause()
            lines = shown_lines(view)
            assert lines
            for chars, screen in lines:
                assert screen.replace(" ", "").endswith(chars.replace(" ", "")[-1]), (
                    width, chars, screen)
            assert view.max_scroll_x == 0, width
            assert not view.show_horizontal_scrollbar, width
