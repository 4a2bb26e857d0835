"""The saved-words screen exports an Anki package the standard library can open."""

from __future__ import annotations

import asyncio
import sqlite3
import zipfile
from pathlib import Path

from textual.widgets import Input, RadioButton

from reader.commands.app import make_app
from reader.notes.store import NotesStore
from reader.tui.screens.dialogs import Confirm
from reader.tui.screens.saved_words import SavedWordsScreen
from reader.tui.screens.words_export import WordsExportDialog

from .helpers import notices, wait_for


def notes_of(path: Path, tmp_path: Path) -> list[tuple[str, str]]:
    """(guid, fields) of every note of an .apkg, read with zipfile and sqlite3."""
    with zipfile.ZipFile(path) as z:
        db = tmp_path / "collection.anki2"
        db.write_bytes(z.read("collection.anki2"))
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT guid, flds FROM notes ORDER BY guid").fetchall()
    finally:
        con.close()


def test_e_on_saved_words_exports_an_apkg_and_asks_before_replacing_it(
        home: Path, tmp_path: Path) -> None:
    out = tmp_path / "anki"
    target = out / "dubao-words.apkg"

    async def export(pilot, app) -> None:  # noqa: ANN001
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, WordsExportDialog), "the dialog")
        dialog = app.screen
        dialog.query_one(Input).value = str(out)
        dialog.query_one("#format-apkg", RadioButton).value = True
        await wait_for(pilot, lambda: "dubao-words.apkg" in str(
            dialog.query_one("#export-file").render()), "the file name")
        await pilot.press("enter")

    async def scenario() -> None:
        with NotesStore.open(home) as store:
            store.save_word("会议", "huìyì", "meeting", "会议指出。", "a1", "i1",
                            note="my note on it")
            store.save_word("文化", "wénhuà", "culture", "文化产业。", "a1", "i1")
        app = make_app(home)
        async with app.run_test(size=(100, 32)) as pilot:
            await wait_for(pilot, app.session.store_ready.is_set, "the store")
            await pilot.press("ctrl+g")
            await wait_for(pilot, lambda: isinstance(app.screen, SavedWordsScreen), "the words")
            await export(pilot, app)
            await wait_for(pilot, lambda: any("Exported 2 saved words to" in n
                                              for n in notices(app)), "the export")
            first = notes_of(target, tmp_path)
            assert len(first) == 2 and any("my note on it" in f for _g, f in first)
            await export(pilot, app)
            await wait_for(pilot, lambda: isinstance(app.screen, Confirm), "the question")
            await pilot.press("escape")
            await wait_for(pilot, lambda: any("Not exported" in n for n in notices(app)),
                           "the refusal")
            await export(pilot, app)
            await wait_for(pilot, lambda: isinstance(app.screen, Confirm), "the question")
            await pilot.press("o")  # overwrite
            await wait_for(pilot, lambda: sum("Exported 2 saved words to" in n
                                              for n in notices(app)) == 2, "the second export")
            assert [g for g, _f in notes_of(target, tmp_path)] == [g for g, _f in first]
            assert not (out / "dubao-words-2.apkg").exists()
            await pilot.press("ctrl+q")

    asyncio.run(scenario())
