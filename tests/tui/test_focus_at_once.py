"""`/` focuses its box at once: keys typed right after it (a paste, a fast typist, tmux) are
text in the box, never the screen's one-letter commands (`x` deletes a saved word)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Input

from reader.tui.app import ReaderApp

from .helpers import wait_for


def test_slash_focuses_the_box_before_the_next_key(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=(100, 32)) as pilot:
            await wait_for(pilot, lambda: app.library_screen.issues, "the library")
            app.library_screen.action_filter()
            assert isinstance(app.focused, Input) and app.focused.id == "filter"
            await pilot.press("escape")
            await pilot.press("ctrl+g")
            await wait_for(pilot, lambda: type(app.screen).__name__ == "SavedWordsScreen",
                           "the saved words")
            app.screen.action_search()  # type: ignore[attr-defined]
            assert isinstance(app.focused, Input)  # before any other message is handled

    asyncio.run(scenario())
