"""A screen covered by another full screen hears the session's changes when it is shown again.

Textual repaints the top screen in full for any repaint of the screen right under it, so the
library re-scoring its rows under the review cost every rating a full frame.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.learning.status import Status
from reader.reading.changes import Change, StatusesChanged
from reader.tui.app import ReaderApp
from reader.tui.screens.saved_words import SavedWordsScreen

from .helpers import wait_for
from .test_known_library import SIZE, _figures, _label, _scored, known_row, one_status_elsewhere


def test_the_library_under_a_screen_catches_up_when_shown_again(home: Path) -> None:
    one_status_elsewhere(home)

    async def scenario() -> None:
        app = ReaderApp(home=home)
        heard: list[Change] = []
        async with app.run_test(size=SIZE) as pilot:
            tree, art_id, before = await known_row(pilot, app)
            library = app.library_screen
            await pilot.press("ctrl+g")  # saved words: a full screen over the library
            await wait_for(pilot, lambda: isinstance(app.screen, SavedWordsScreen), "words")
            app.hear_changes(app.screen, heard.append)
            app.edit(lambda s: s.learning.set_status(["跨境", "电商", "发展"], Status.KNOWN))
            await wait_for(pilot, lambda: any(isinstance(c, StatusesChanged) for c in heard),
                           "the change on the screen on top")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert _label(tree, art_id) == before  # covered: nothing was redrawn under it
            await pilot.press("escape")
            await wait_for(pilot, lambda: app.screen is library, "the library")
            await wait_for(pilot, lambda: _label(tree, art_id) != before, "the row to change")
            assert _figures(_label(tree, art_id))[1] == _figures(before)[1] - 3

    asyncio.run(scenario())


def test_changes_made_while_covered_come_once_each_in_their_order(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        heard: list[Change] = []
        async with app.run_test(size=SIZE) as pilot:
            await _scored(pilot, app)
            await wait_for(pilot, lambda: app.session.store_ready.is_set(), "the store")
            library = app.library_screen
            app.hear_changes(library, heard.append)
            await pilot.press("ctrl+g")
            await wait_for(pilot, lambda: isinstance(app.screen, SavedWordsScreen), "words")
            on_top: list[Change] = []
            app.hear_changes(app.screen, on_top.append)
            app.edit(lambda s: s.learning.set_status(["跨境"], Status.KNOWN))
            app.edit(lambda s: s.learning.set_status(["电商"], Status.LEARNING_1))
            await wait_for(pilot, lambda: len(on_top) >= 2, "both changes on top")
            assert heard == []
            await pilot.press("escape")
            await wait_for(pilot, lambda: len(heard) >= 2, "the changes under it")
            words = [c.words for c in heard if isinstance(c, StatusesChanged)]
            assert words[:2] == [c.words for c in on_top if isinstance(c, StatusesChanged)][:2]
            await pilot.press("ctrl+g")
            await wait_for(pilot, lambda: isinstance(app.screen, SavedWordsScreen), "words")
            await pilot.press("escape")
            await wait_for(pilot, lambda: app.screen is library, "the library")
            await pilot.pause()
            assert len(heard) == len(on_top)  # nothing handed over twice

    asyncio.run(scenario())
