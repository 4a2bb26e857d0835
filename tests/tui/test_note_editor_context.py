"""The note editor shows the passage being annotated, not a blank screen (issue 14 item 21)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.tui.app import ReaderApp
from reader.tui.screens.note_editor import NoteEditor

from .helpers import open_test_article, token_index, wait_for

SIZE = (80, 24)


def screen_text(app: ReaderApp) -> str:
    """Every line the terminal shows now, joined by newlines."""
    strips = app.screen._compositor.render_strips()  # what the terminal shows, no styles
    return "\n".join(strip.text for strip in strips)


def test_the_note_editor_keeps_the_passage_in_sight(home: Path) -> None:
    async def run() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            view = await open_test_article(pilot, app)
            view.move_cursor(token_index(view, "持续"))
            await pilot.press("v", "w", "a")
            await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor), "the editor")
            await pilot.pause()
            shown = screen_text(app)
            # The passage stands in the article text, outside the editor's own quote line.
            line = next(ln for ln in shown.splitlines() if "持续增长" in ln and "进出口额" in ln)
            assert "吉林省" in line or "今年以来" in line, shown
            assert app.screen.query_one("#editor-text").has_focus

    asyncio.run(run())
