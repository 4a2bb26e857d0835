"""Exporting notes from the app: choose a folder, never overwrite unasked, show the path.

`ExportDialog` asks where; `run_export` (awaited in an async worker of the article or notes
screen) runs the whole exchange, with the file writing in a thread.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Static

from reader.settings import export_folder, remember_export_folder
from reader.tui.screens.dialogs import Confirm

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from reader.reading.changes import Exported
    from reader.reading.session import ReadingSession

T = TypeVar("T")
"""What a dialog answers."""


@dataclass(frozen=True)
class ExportChoice:
    """Where and how to export."""

    directory: Path
    pinyin: bool = False
    """Add the pinyin of each quote."""


class ExportDialog(ModalScreen[ExportChoice | None]):
    """Ask for the folder to export into (the file name is made from paper, date and title)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    """
    | Key(s) | Description |
    | :- | :- |
    | enter | Export into the folder typed. |
    | escape | Close without exporting. |
    """

    DEFAULT_CSS = """
    ExportDialog {
        align: center middle;
        & > Vertical {
            width: 90%; max-width: 76; height: auto; background: $panel;
            border: thick $primary; padding: 0 1;
        }
        #export-title { text-style: bold; }
        #export-file { color: $text-muted; }
        Input { margin-top: 1; }
        Horizontal { height: auto; align-horizontal: right; }
        Button { margin-left: 1; min-width: 10; }
    }
    """

    def __init__(self, what: str, filename: str, count: int, directory: Path) -> None:
        super().__init__()
        self.what = what
        """What is exported (`this article`, `all notes`)."""
        self.filename = filename
        """The file name the export will get."""
        self.count = count
        """Highlights in the export."""
        self.directory = directory
        """The folder offered."""

    def compose(self) -> ComposeResult:
        """What, the file name, the folder box, pinyin, and the buttons."""
        with Vertical():
            plural = "" if self.count == 1 else "s"
            yield Static(f"Export {self.what} ({self.count} highlight{plural}) as Markdown",
                         id="export-title", markup=False)
            yield Static(f"File: {self.filename}", id="export-file", markup=False)
            yield Input(str(self.directory), placeholder="Folder", id="export-dir")
            yield Checkbox("Pinyin under each quote", id="export-pinyin", compact=True)
            with Horizontal():
                yield Button("Export", id="export-go", variant="primary")
                yield Button("Cancel", id="export-cancel")

    def on_mount(self) -> None:
        """Type the folder straight away."""
        self.query_one(Input).focus()

    def _done(self) -> None:
        """Close with the folder typed."""
        folder = self.query_one(Input).value.strip()
        if not folder:
            self.notify("Type a folder to export into.", severity="warning")
            return
        pinyin = self.query_one(Checkbox).value
        self.dismiss(ExportChoice(Path(folder).expanduser(), pinyin))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter exports."""
        event.stop()
        self._done()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Export or cancel by the mouse."""
        event.stop()
        if event.button.id == "export-go":
            self._done()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        """Close without exporting."""
        self.dismiss(None)


async def ask(app: App[object], dialog: Screen[T]) -> T:
    """Show `dialog` and wait for its answer (from a worker).

    Not `App.push_screen_wait`: it first runs the app's pending callbacks in the calling
    worker. When the user has just left the screen, the removal of that screen is among them;
    its unmount cancels the worker mid-removal, which cancels the screen's own task, and the
    app's loop, awaiting the same removal, stops without a word (every later key hangs).
    """
    # The shield keeps a cancelled worker from cancelling the dialog's result.
    return await asyncio.shield(app.push_screen(dialog, wait_for_dismiss=True))


async def run_export(screen: Screen[object], session: ReadingSession, article_id: str | None,
                     what: str) -> None:
    """Export one article's highlights (or all, with None): ask where, never overwrite unasked.

    Run it in an async worker of the screen: it waits for the dialogs (`ask`) and writes
    the file in a thread. A screen the user has left meanwhile gets no dialog.
    """
    app = screen.app
    name, count = await asyncio.to_thread(session.export_name, article_id)
    if count == 0:
        app.notify("No highlights to export yet.", severity="warning")
        return
    if screen not in app.screen_stack:
        return
    dialog = ExportDialog(what, name, count, session.export_dir or export_folder(session.home))
    choice = await ask(app, dialog)
    if choice is None:
        return
    await write_asking(app, session, choice.directory, partial(
        session.export, choice.directory, article_id, pinyin=choice.pinyin))


async def write_asking(app: App[object], session: ReadingSession, directory: Path,
                       write: Callable[..., Exported]) -> None:
    """Run `write(overwrite=..., filename=...)` in a thread; ask before replacing a file.

    The file exists: overwrite it, keep both (a free name beside it), or leave it. The folder
    is remembered for the next export.
    """
    from reader.notes.filenames import ExportExistsError, free_name

    overwrite, filename = False, None
    while True:
        try:
            done = await asyncio.to_thread(write, overwrite=overwrite, filename=filename)
        except ExportExistsError as exc:
            answers = [("overwrite", "Overwrite"), ("both", "Keep both")]
            answer = await ask(app, Confirm(f"{exc.path} already exists.", answers))
            if answer == "overwrite":
                overwrite, filename = True, exc.path.name
            elif answer == "both":
                overwrite, filename = False, free_name(exc.path.parent, exc.path.name)
            else:
                app.notify("Not exported: the file was left as it was.")
                return
            continue
        except OSError as exc:
            reason = exc.strerror or str(exc)
            app.notify(f"Could not export to {directory}: {reason}", severity="error",
                       timeout=8)
            return
        session.export_dir = directory
        await asyncio.to_thread(remember_export_folder, session.home, directory)
        app.notify(done.notice or done.path, title="Export", timeout=8)
        return
