"""Helpers for the reading app's Pilot tests: the test issue, waiting, finding words."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from reader.tui.app import ReaderApp
from reader.tui.screens.article import ArticleScreen
from reader.tui.widgets.article_view import ArticleView

ISSUE_TEXT = """测试日报
2024年6月4日 星期二 第3版 要闻

跨境电商发展迅速

本报讯（记者 裴雨虹）会议指出，跨境电商发展迅速。
今年以来，吉林省跨境电商进出口额持续增长，为稳外贸作出积极贡献。
会议强调，要加强对非遗的系统性保护，推动文化产业发展。副省长景俊海出席会议。
"""
"""A small page whose body holds words with known readings (会议 huìyì, 跨境 kuàjìng)
and a word with no dictionary entry of its own (副省长 = 副 + 省长)."""

MARKER = "跨境电商发展迅速"
"""Text that only our test article contains."""


async def wait_for(pilot: Pilot[object], check: Callable[[], object], what: str) -> None:
    """Let the app run until `check()` is true (fails after about 20 s of app time)."""
    for _ in range(400):
        if check():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"gave up waiting for {what}")


def article_id_of(app: ReaderApp) -> str:
    """The id of the article holding MARKER (once the library is loaded)."""
    for issue in app.library_screen.issues:
        for art in issue.articles:
            if MARKER in art.text:
                return art.id
    raise AssertionError("the test article is not in the library")


async def open_test_article(pilot: Pilot[object], app: ReaderApp) -> ArticleView:
    """Open the test article and wait until its words are laid out."""
    await wait_for(pilot, lambda: app.library_screen.issues, "the library")
    app.open_article(article_id_of(app))
    return await article_ready(pilot, app)


async def article_ready(pilot: Pilot[object], app: ReaderApp) -> ArticleView:
    """Wait until the article screen shows segmented words."""
    await wait_for(
        pilot, lambda: isinstance(app.screen, ArticleScreen) and app.screen.query(ArticleView),
        "the article screen",
    )
    view = app.screen.query_one(ArticleView)
    await wait_for(pilot, lambda: view.has_words and view.page is not None, "the words")
    await pilot.pause()
    return view


def token_index(view: ArticleView, text: str) -> int:
    """Index of the first token of the body with this text (the headline's come first)."""
    for i, tok in enumerate(view.tokens):
        if tok.text == text and view.in_body(i):
            return i
    raise AssertionError(f"no token {text!r} in {[t.text for t in view.tokens]}")


def notices(app: ReaderApp) -> list[str]:
    """The text of every notification shown so far."""
    return list(app.notice_log)


async def palette_results(pilot: Pilot[object], app: ReaderApp) -> None:
    """Wait until the command palette lists its hits for what was typed."""
    from textual.command import CommandPalette
    from textual.widgets import OptionList

    def listed() -> bool:
        screen = app.screen
        return isinstance(screen, CommandPalette) and bool(
            screen.query_one(OptionList).option_count
        ) and not screen.query_one(OptionList).loading

    await wait_for(pilot, listed, "the palette's hits")
