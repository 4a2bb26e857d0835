"""The export dialog offers the folder of the last export, also after a restart."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Input

from reader.corpus.library import load_library
from reader.notes.store import NotesStore
from reader.tui.app import ReaderApp
from reader.tui.screens.export_dialog import ExportDialog

from .helpers import MARKER, notices, open_test_article, wait_for

SIZE = (100, 32)


def test_the_dialog_offers_the_last_export_folder_after_a_restart(home: Path,
                                                                   tmp_path: Path) -> None:
    out = tmp_path / "my exports"

    async def dialog(pilot, app: ReaderApp) -> Input:  # noqa: ANN001
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog), "the export dialog")
        return app.screen.query_one(Input)

    async def scenario() -> None:
        art = next(a for i in load_library(home) for a in i.articles if MARKER in a.text)
        start = art.text.index(MARKER[:4])
        with NotesStore.open(home) as store:
            store.add_highlight(art.issue_id, art.id, art.text, start, start + 4)
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            await open_test_article(pilot, app)
            box = await dialog(pilot, app)
            assert Path(box.value) != Path.cwd() or Path.cwd() == Path.home()
            box.value = str(out)
            await pilot.press("enter")
            await wait_for(pilot, lambda: any(n.startswith("Exported to") for n in notices(app)),
                           "the export")
            await pilot.press("ctrl+q")
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            await open_test_article(pilot, app)
            box = await dialog(pilot, app)
            assert Path(box.value) == out.resolve()

    asyncio.run(scenario())
