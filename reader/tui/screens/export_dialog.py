"""Exporting notes from the app: choose a folder, never overwrite unasked, show the path.

`ExportDialog` asks where; `ExportFlow` (a mixin of the article and notes screens) runs the
whole exchange, with the file writing in a thread worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Static

from reader.settings import export_folder, remember_export_folder
from reader.tui.screens.dialogs import Confirm

if TYPE_CHECKING:
    from textual.screen import Screen

    from reader.tui.session import ReadingSession


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


class ExportFlow:
    """Export from a screen: ask where, write in a worker, ask before overwriting."""

    session: ReadingSession

    def start_export(self: ExportScreen, article_id: str | None, what: str) -> None:
        """Export one article's highlights (or all, with None)."""
        self._prepare_export(article_id, what)

    @work(thread=True, group="export", exit_on_error=False)
    def _prepare_export(self: ExportScreen, article_id: str | None, what: str) -> None:
        """Work out the file name, then ask for the folder."""
        self.session.store_ready.wait(timeout=10)
        name, count = self.session.export_name(article_id)
        self.app.call_from_thread(self._ask_where, article_id, what, name, count)

    def _ask_where(self: ExportScreen, article_id: str | None, what: str, name: str,
                   count: int) -> None:
        """Show the export dialog."""
        if count == 0:
            self.notify("No highlights to export yet.", severity="warning")
            return
        folder = self.session.export_dir or export_folder(self.session.home)
        dialog = ExportDialog(what, name, count, folder)
        self.app.push_screen(dialog, partial(self._export_chosen, article_id))

    def _export_chosen(self: ExportScreen, article_id: str | None,
                       choice: ExportChoice | None) -> None:
        """The dialog closed: export, unless cancelled."""
        if choice is not None:
            self._write_export(article_id, choice, False, None)

    @work(thread=True, group="export", exit_on_error=False)
    def _write_export(self: ExportScreen, article_id: str | None, choice: ExportChoice,
                      overwrite: bool, filename: str | None) -> None:
        """Write the file; ask first when it exists."""
        from reader.notes.filenames import ExportExistsError

        try:
            path = self.session.export(choice.directory, article_id, pinyin=choice.pinyin,
                                       overwrite=overwrite, filename=filename)
        except ExportExistsError as exc:
            self.app.call_from_thread(self._ask_overwrite, article_id, choice, exc.path)
            return
        except OSError as exc:
            reason = exc.strerror or str(exc)
            self.app.call_from_thread(
                self.notify, f"Could not export to {choice.directory}: {reason}",
                severity="error", timeout=8,
            )
            return
        self.session.export_dir = choice.directory
        remember_export_folder(self.session.home, choice.directory)
        self.app.call_from_thread(self.notify, f"Exported to {path}", title="Export", timeout=8)

    def _ask_overwrite(self: ExportScreen, article_id: str | None, choice: ExportChoice,
                       path: Path) -> None:
        """The file exists: overwrite it, write beside it, or stop."""
        question = f"{path} already exists."
        answers = [("overwrite", "Overwrite"), ("both", "Keep both")]
        self.app.push_screen(
            Confirm(question, answers), partial(self._overwrite_answered, article_id, choice, path)
        )

    def _overwrite_answered(self: ExportScreen, article_id: str | None, choice: ExportChoice,
                            path: Path, answer: str | None) -> None:
        """Act on the answer."""
        from reader.notes.filenames import free_name

        if answer == "overwrite":
            self._write_export(article_id, choice, True, path.name)
        elif answer == "both":
            self._write_export(article_id, choice, False, free_name(path.parent, path.name))
        else:
            self.notify("Not exported: the file was left as it was.")


if TYPE_CHECKING:

    class ExportScreen(ExportFlow, Screen[object]):
        """A screen using the flow (for type checkers only)."""
