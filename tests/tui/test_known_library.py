"""The library's known-words figures: rows re-scored on a status change, sort and ≥90% filter."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from reader.learning.status import Status
from reader.learning.vocabulary import Vocabulary
from reader.notes.store import NotesStore
from reader.reading.changes import StatusesChanged
from reader.tui.app import ReaderApp
from reader.tui.widgets.library_tree import LibraryTree

from .helpers import MARKER, article_id_of, wait_for

SIZE = (120, 32)


def _label(tree: LibraryTree, art_id: str) -> str:
    return str(tree._leaves[art_id].label)


def _figures(label: str) -> tuple[int, int]:
    """(percent known, new words) read off a library line."""
    m = re.search(r"(\d+)% [█░]+ +(\d+) new", label)
    assert m, label
    return int(m[1]), int(m[2])


async def _scored(pilot: object, app: ReaderApp) -> str:
    """Wait until the test article has its word counts in the index; its id."""
    screen = app.library_screen
    await wait_for(pilot, lambda: screen.issues and screen.progress is not None, "the library")
    art_id = article_id_of(app)
    await wait_for(pilot, lambda: (screen.difficulty.forget_absent() or
                                   screen.difficulty.score(art_id) is not None), "the counts")
    return art_id


def one_status_elsewhere(home: Path) -> None:
    """Give a word no test article has a status: the library's known column shows."""
    with NotesStore.open(home) as store:
        Vocabulary(store).set_status("苹果", Status.KNOWN)


async def known_row(pilot: object, app: ReaderApp) -> tuple[LibraryTree, str, str]:
    """The library tree, the test article's id and its line once its known column shows."""
    art_id = await _scored(pilot, app)
    await wait_for(pilot, lambda: app.session.store_ready.is_set(), "the store")
    tree = app.library_screen.query_one(LibraryTree)
    assert tree.select_article(art_id)
    await wait_for(pilot, lambda: "new" in _label(tree, art_id), "the known column")
    return tree, art_id, _label(tree, art_id)


def test_row_changes_when_a_word_is_marked_known(home: Path) -> None:
    one_status_elsewhere(home)

    async def scenario() -> None:
        app = ReaderApp(home=home)
        changes: list[StatusesChanged] = []
        async with app.run_test(size=SIZE) as pilot:
            tree, art_id, before = await known_row(pilot, app)
            assert _figures(before)[0] == 0, before
            app.session_changed.subscribe(app.library_screen, changes.append)
            app.edit(lambda s: s.learning.set_status(["跨境", "电商", "发展"], Status.KNOWN))
            await wait_for(pilot, lambda: changes, "the status change")
            await wait_for(pilot, lambda: _label(tree, art_id) != before, "the row to change")
            share, new = _figures(_label(tree, art_id))
            score = app.library_screen.difficulty.score(art_id)
            assert score is not None and score.known > 0
            assert share == round(score.known_share * 100) > 0
            assert new == score.new_words == _figures(before)[1] - 3

    asyncio.run(scenario())


def test_sort_and_the_readable_filter(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            art_id = await _scored(pilot, app)
            await wait_for(pilot, lambda: app.session.store_ready.is_set(), "the store")
            screen = app.library_screen
            tree = screen.query_one(LibraryTree)
            words = [w for w in screen.difficulty._counts[art_id].counts]
            app.edit(lambda s: s.learning.set_status(words, Status.KNOWN))
            await wait_for(pilot, lambda: (screen.difficulty.score(art_id) or 0)
                           and screen.difficulty.score(art_id).known_share == 1.0,
                           "the article fully known")
            tree.focus()
            await pilot.press("o")  # most known first
            await wait_for(pilot, lambda: screen.ranked_scores is not None
                           and tree._leaves, "the sorted list")
            first = next(n for n in tree._leaves.values())
            assert first.data == art_id
            assert "most known first" in str(screen.query_one("#library-status").render())
            await pilot.press("o")  # fewest new words first
            await wait_for(pilot, lambda: tree._leaves, "the list by new words")
            assert next(iter(tree._leaves)) == art_id  # no new word left in it
            await pilot.press("o")  # back to library order
            await pilot.press("e")
            await wait_for(pilot, lambda: "known>=90" in str(
                screen.query_one("#library-status").render()), "the ≥90% filter")
            await wait_for(pilot, lambda: list(tree._leaves) == [art_id], "only the easy one")
            await pilot.press("e")
            await wait_for(pilot, lambda: "known>=90" not in str(
                screen.query_one("#library-status").render()), "the filter off")
            box = screen.query_one("#filter")
            box.value = f"{MARKER[:2]} new<=0"
            await wait_for(pilot, lambda: list(tree._leaves) == [art_id], "a typed term")

    asyncio.run(scenario())


def test_no_known_column_before_any_status(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            art_id = await _scored(pilot, app)
            await wait_for(pilot, lambda: app.session.store_ready.is_set(), "the store")
            tree = app.library_screen.query_one(LibraryTree)
            assert tree.select_article(art_id)
            await pilot.pause()
            assert not re.search(r"\d+ new", _label(tree, art_id))
            app.edit(lambda s: s.learning.set_status("跨境", Status.KNOWN))
            await wait_for(pilot, lambda: re.search(r"\d+ new", _label(tree, art_id)),
                           "the column after the first status")

    asyncio.run(scenario())
