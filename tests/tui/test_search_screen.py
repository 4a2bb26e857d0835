"""The search screen: `s` from the library, results as you type, enter opens at the match."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.tui.app import ReaderApp
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.search import SearchScreen

from .helpers import MARKER, article_ready, wait_for


def test_search_opens_the_article_at_the_match(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=(100, 32)) as pilot:
            await wait_for(pilot, lambda: app.library_screen.issues, "the library")
            await pilot.press("s")
            assert isinstance(app.screen, SearchScreen)
            screen = app.screen
            await pilot.press(*MARKER)
            await wait_for(pilot, lambda: screen.hits, "the results")
            assert len(screen.hits) == 1
            hit = screen.hits[0]
            assert hit.sentence[hit.mark[0]:hit.mark[1]] == MARKER
            await pilot.press("enter", "enter")  # to the list, then open
            view = await article_ready(pilot, app)
            assert view.article.text[hit.offset:].startswith(MARKER)
            cursor = view.tokens[view.cursor]
            assert hit.offset <= cursor.start < hit.offset + len(MARKER)
            await pilot.press("escape")
            assert app.screen is screen
            await pilot.press("escape")
            assert isinstance(app.screen, LibraryScreen)

    asyncio.run(scenario())


def test_pinyin_query_lists_the_words_it_spells(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=(100, 32)) as pilot:
            await wait_for(pilot, lambda: app.library_screen.issues, "the library")
            await pilot.press("s", *"kuajing")
            screen = app.screen
            assert isinstance(screen, SearchScreen)
            await wait_for(pilot, lambda: screen.hits, "the results")
            assert all("跨" in h.word for h in screen.hits)
            status = str(screen.query_one("#search-status").render())
            assert "跨境" in status

    asyncio.run(scenario())


def test_your_words_lists_where_saved_words_and_highlights_occur(home: Path) -> None:
    from reader.corpus.library import load_library
    from reader.notes.store import NotesStore

    issue, art = next((i, a) for i in load_library(home) for a in i.articles
                      if MARKER in a.text)
    start = art.text.index(MARKER)
    with NotesStore.open(home) as store:
        store.add_highlight(issue.id, art.id, art.text, start, start + len(MARKER))
        store.save_word("会议", "huìyì", "meeting", "会议指出。", art.id, issue.id)

    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=(100, 32)) as pilot:
            await wait_for(pilot, lambda: app.library_screen.issues, "the library")
            await pilot.press("s")
            screen = app.screen
            assert isinstance(screen, SearchScreen)
            await pilot.press("ctrl+o")
            await wait_for(pilot, lambda: screen.hits, "the results")
            found = {h.sentence[h.mark[0]:h.mark[1]] for h in screen.hits}
            assert "会议" in found  # the saved word, wherever it occurs
            assert any(h.article_id == art.id for h in screen.hits)  # the highlighted passage

    asyncio.run(scenario())
