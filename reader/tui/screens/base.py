"""The base of the reader's screens: the typed app, worker failures reported, changes received."""

from __future__ import annotations

from typing import TypeVar

from textual import getters
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from reader.reading.changes import Change
from reader.tui.pipeline import EditingApp, WorkerFailed

ResultType = TypeVar("ResultType")


def undo_bindings(show: bool = True) -> list[BindingType]:
    """`u` undoes the last change of any kind, `ctrl+y` (or `U`) redoes it."""
    return [Binding("u", "undo", "Undo", show=show, tooltip="Undo the last change, any kind"),
            Binding("ctrl+y,U", "redo", "Redo", show=False)]


class ReaderScreen(Screen[ResultType]):
    """A screen of the reader: it hears every change of the session while it is mounted."""

    app = getters.app(EditingApp)

    def on_mount(self) -> None:
        """Subscribe to the session's changes (after the screen's own mount handler)."""
        self.app.hear_changes(self, self.session_changed)

    def on_screen_resume(self) -> None:
        """Shown again: hear the changes made while another screen covered this one.

        A screen with its own resume handler (called first) calls `catch_up` before it.
        """
        self.catch_up()

    def catch_up(self) -> None:
        """Apply the changes made while this screen was covered (none twice)."""
        self.app.catch_up(self)

    def on_unmount(self) -> None:
        """Stop hearing changes."""
        self.app.session_changed.unsubscribe(self)

    def session_changed(self, change: Change) -> None:
        """Refresh what this screen shows of a change (nothing, unless a screen says so)."""

    def undo_here(self) -> str | None:
        """The article on screen, if any (an undo elsewhere says so)."""
        return None

    def action_undo(self) -> None:
        """Take back the last change of this run, whatever its kind (bound by `undo_bindings`)."""
        here = self.undo_here()
        self.app.edit(lambda s: s.undo(here))

    def action_redo(self) -> None:
        """Make the last undone change again."""
        here = self.undo_here()
        self.app.edit(lambda s: s.redo(here))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A failed worker is reported by the app (`StateChanged` does not bubble)."""
        if event.state == WorkerState.ERROR:
            self.post_message(WorkerFailed(event.worker))
