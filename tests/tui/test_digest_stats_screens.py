"""The digest screen (an issue's new words: mark known, ignore, save, open) and the stats screen."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.learning.status import Status
from reader.notes.store import NotesStore
from reader.reading.model import Progress
from reader.tui.app import ReaderApp
from reader.tui.screens.article import ArticleScreen
from reader.tui.screens.digest import DigestScreen
from reader.tui.screens.stats import StatsScreen

from .helpers import article_id_of, open_test_article, wait_for

SIZE = (120, 32)


async def _digest(pilot: object, app: ReaderApp) -> DigestScreen:
    """Open the digest of the test article's issue from the library (key d)."""
    await wait_for(pilot, lambda: app.library_screen.issues, "the library")
    app.library_screen.select_article(article_id_of(app))
    await pilot.pause()
    await pilot.press("d")
    await wait_for(pilot, lambda: isinstance(app.screen, DigestScreen), "the digest")
    screen = app.screen
    assert isinstance(screen, DigestScreen)
    await wait_for(pilot, lambda: screen.loaded, "the digest's words")
    return screen


def test_digest_marks_a_word_known_and_it_leaves_the_list(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            screen = await _digest(pilot, app)
            assert "跨境" in screen.words  # twice in the test issue: high in the list
            ranked = list(screen.words)
            counts = [screen.words[w].count for w in ranked]
            assert counts == sorted(counts, reverse=True)
            first = screen.selected
            assert first is not None and first.word == ranked[0]
            await pilot.press("k")
            await wait_for(pilot, lambda: first.word not in screen.words, "the word to leave")
            assert app.session.learning.status(first.word) is Status.KNOWN
            assert screen.table.row_count == len(ranked) - 1
            second = screen.selected
            assert second is not None
            await pilot.press("i")
            await wait_for(pilot, lambda: second.word not in screen.words, "the ignored word")
            assert app.session.learning.status(second.word) is Status.IGNORED
            third = screen.selected
            assert third is not None
            await pilot.press("s")
            await wait_for(pilot, lambda: third.word not in screen.words, "the saved word")
            assert app.session.saved_word(third.word) is not None
            assert app.session.learning.status(third.word).learning
        with NotesStore.open(home, read_only=True) as store:
            assert store.find_word(third.word) is not None

    asyncio.run(scenario())


def test_digest_opens_the_article_at_the_sentence(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            screen = await _digest(pilot, app)
            w = screen.selected
            assert w is not None
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, ArticleScreen), "the article")
            assert app.screen.article.id == w.article_id
            await pilot.press("escape")
            await wait_for(pilot, lambda: isinstance(app.screen, DigestScreen), "back")

    asyncio.run(scenario())


def test_digest_from_an_article_is_its_issue(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            await open_test_article(pilot, app)
            issue_id = app.screen.issue.id
            await pilot.press("D")
            await wait_for(pilot, lambda: isinstance(app.screen, DigestScreen), "the digest")
            assert app.screen.issue_id == issue_id

    asyncio.run(scenario())


def test_stats_screen_renders_with_data(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: app.library_screen.issues, "the library")
            art_id = article_id_of(app)
            await wait_for(pilot, lambda: app.session.store_ready.is_set(), "the store")
            app.edit(lambda s: s.learning.set_status(["会议", "发展", "文化"], Status.KNOWN))
            app.edit(lambda s: s.save_progress(art_id, Progress(offset=0, read=True)))
            await app.workers.wait_for_complete()
            await pilot.press("t")
            await wait_for(pilot, lambda: isinstance(app.screen, StatsScreen), "the stats")
            screen = app.screen
            await wait_for(pilot, lambda: screen.stats is not None, "the figures")
            assert screen.stats.known == 3
            assert sum(v for _d, v in screen.stats.finished_by_day) == 1
            assert sum(v for _d, v in screen.stats.read_by_day) > 10
            await pilot.pause()
            shot = app.export_screenshot().replace("&#160;", " ")
            assert "Known 3" in shot and "1 article finished" in shot
            assert "Words known" in shot and "Articles finished per day" in shot
            assert "nothing yet" not in shot

    asyncio.run(scenario())
