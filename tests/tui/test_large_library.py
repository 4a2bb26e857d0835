"""A library of 500 generated pages: the library shows, answers keys, and filters."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from reader.benchmarks.library import write_pages
from reader.corpus.library import issue_rows, open_index
from reader.tui.app import ReaderApp
from reader.tui.widgets.library_tree import LibraryTree

from .helpers import wait_for

PAGES = 500


@pytest.fixture(scope="module")
def big_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home with 500 generated pages, indexed once for the module."""
    home = tmp_path_factory.mktemp("big") / "home"
    write_pages(home / "library", 0, PAGES)
    with open_index(home):
        pass
    return home


def test_500_pages_show_and_answer_keys(big_home: Path) -> None:
    rows = issue_rows(big_home)
    assert len(rows) == PAGES + 5

    async def scenario() -> None:
        app = ReaderApp(home=big_home)
        async with app.run_test(size=(100, 32)) as pilot:
            await wait_for(pilot, lambda: app.library_screen.issues, "the library")
            screen = app.library_screen
            tree = screen.query_one(LibraryTree)
            assert len(screen.issues) == PAGES + 5
            # Grouped by paper, then month: a handful of top lines, not 505 issues.
            assert 1 <= len(tree.root.children) <= 5
            before = tree.cursor_line
            await pilot.press("down")
            assert tree.cursor_line == before + 1
            # Open a month and an issue: the leaves are made then, and relabelled one by one.
            art = screen.issues[-1].articles[0]
            screen.select_article(art.id)
            assert tree.cursor_node is not None and tree.cursor_node.data == art.id
            tree.refresh_articles([art.id])
            await pilot.press("slash", *"第499版")
            await pilot.pause()
            assert "match" in str(screen.query_one("#library-status").render())

    asyncio.run(scenario())


def test_a_stale_index_is_rebuilt_behind_the_first_frame(isolated_home: Path) -> None:
    import sqlite3

    from reader.index.db import index_path
    from reader.tui.screens.library import IndexProgress

    write_pages(isolated_home / "library", 0, 12)
    with open_index(isolated_home):
        pass
    conn = sqlite3.connect(index_path(isolated_home))
    conn.execute("UPDATE pages SET parser = 'older'")
    conn.commit()
    conn.close()
    seen: list[IndexProgress] = []

    def hook(message: object) -> None:
        if isinstance(message, IndexProgress):
            seen.append(message)

    async def scenario() -> None:
        app = ReaderApp(home=isolated_home)
        async with app.run_test(size=(100, 32), message_hook=hook) as pilot:
            await wait_for(pilot, lambda: app.library_screen.listed, "the library")
            assert len(app.library_screen.listed) == 17
            assert seen and seen[0].total == 17 and seen[-1].done == 17

    asyncio.run(scenario())
    with open_index(isolated_home) as conn:
        assert conn.execute("SELECT count(*) FROM pages WHERE parser = 'older'").fetchone() == (0,)
