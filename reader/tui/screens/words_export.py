"""Exporting the saved words from the app for Anki (TSV or `.apkg`): the notes export's rules.

The folder and the format are asked in one dialog; an existing file is never overwritten unasked.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from reader.learning.anki_deck import APKG_FILE
from reader.reading.session import WORDS_FILE
from reader.settings import export_folder
from reader.tui.screens.export_dialog import ExportChoice, ExportDialog, ask, write_asking

FORMATS = {"tsv": ("Anki TSV (a text file; Anki: File > Import)", WORDS_FILE),
           "apkg": ("Anki package .apkg (a deck; importing again updates it)", APKG_FILE)}
"""The formats offered: key -> (label, file name)."""

if TYPE_CHECKING:
    from textual.screen import Screen

    from reader.reading.session import ReadingSession


@dataclass(frozen=True)
class WordsExportChoice(ExportChoice):
    """Where, and as which file: `tsv` or `apkg`."""

    format: str = "tsv"


class WordsExportDialog(ExportDialog):
    """Ask for the folder to write the saved words' Anki file into, and its format."""

    DEFAULT_CSS = """
    WordsExportDialog RadioSet { margin-top: 1; width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        """What, the file name, the folder box and the buttons."""
        with Vertical():
            plural = "" if self.count == 1 else "s"
            yield Static(f"Export {self.count} saved word{plural} for Anki (with your notes)",
                         id="export-title", markup=False)
            yield Static(f"File: {self.filename}", id="export-file", markup=False)
            yield Input(str(self.directory), placeholder="Folder", id="export-dir")
            with RadioSet(id="export-format", compact=True):
                for key, (label, _name) in FORMATS.items():
                    yield RadioButton(label, value=key == "tsv", id=f"format-{key}",
                                      compact=True)
            with Horizontal():
                yield Button("Export", id="export-go", variant="primary")
                yield Button("Cancel", id="export-cancel")

    def _done(self) -> None:
        """Close with the folder typed."""
        folder = self.query_one(Input).value.strip()
        if not folder:
            self.notify("Type a folder to export into.", severity="warning")
            return
        self.dismiss(WordsExportChoice(Path(folder).expanduser(), format=self.format))

    @property
    def format(self) -> str:
        """The chosen format's key."""
        pressed = self.query_one(RadioSet).pressed_button
        return (pressed.id or "format-tsv").removeprefix("format-") if pressed else "tsv"

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        """Name the file the chosen format writes."""
        event.stop()
        self.filename = FORMATS[self.format][1]
        self.query_one("#export-file", Static).update(f"File: {self.filename}")


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
    if isinstance(choice, WordsExportChoice) and choice.format == "apkg":
        from reader.reading.word_exports import export_apkg

        write = partial(export_apkg, session, choice.directory)
    else:
        write = partial(session.export_words, choice.directory)
    await write_asking(app, session, choice.directory, write)
