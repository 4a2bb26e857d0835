"""Exporting the saved words from the app as an Anki TSV: the notes export's dialog and rules.

The folder is asked in the same dialog; an existing file is never overwritten unasked.
"""

from __future__ import annotations

import asyncio
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from reader.reading.session import WORDS_FILE
from reader.settings import export_folder
from reader.tui.screens.export_dialog import ExportChoice, ExportDialog, ask, write_asking

if TYPE_CHECKING:
    from textual.screen import Screen

    from reader.reading.session import ReadingSession


class WordsExportDialog(ExportDialog):
    """Ask for the folder to write the saved words' Anki file into."""

    def compose(self) -> ComposeResult:
        """What, the file name, the folder box and the buttons."""
        with Vertical():
            plural = "" if self.count == 1 else "s"
            yield Static(f"Export {self.count} saved word{plural} for Anki (TSV, with your "
                         "notes)", id="export-title", markup=False)
            yield Static(f"File: {self.filename}", id="export-file", markup=False)
            yield Input(str(self.directory), placeholder="Folder", id="export-dir")
            with Horizontal():
                yield Button("Export", id="export-go", variant="primary")
                yield Button("Cancel", id="export-cancel")

    def _done(self) -> None:
        """Close with the folder typed."""
        folder = self.query_one(Input).value.strip()
        if not folder:
            self.notify("Type a folder to export into.", severity="warning")
            return
        self.dismiss(ExportChoice(Path(folder).expanduser()))


async def run_words_export(screen: Screen[object], session: ReadingSession) -> None:
    """Export every saved word for Anki: ask where, never overwrite unasked (an async worker)."""

    app = screen.app
    count = len(await asyncio.to_thread(session.words))
    if count == 0:
        app.notify("No saved words to export yet (s saves a word).", severity="warning")
        return
    if screen not in app.screen_stack:
        return
    folder = session.export_dir or export_folder(session.home)
    choice = await ask(app, WordsExportDialog("saved words", WORDS_FILE, count, folder))
    if choice is None:
        return
    await write_asking(app, session, choice.directory,
                       partial(session.export_words, choice.directory))
