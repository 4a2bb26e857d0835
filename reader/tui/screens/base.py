"""The base of the reader's screens: the typed app, worker failures reported, changes received."""

from __future__ import annotations

from typing import TypeVar

from textual import getters
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from reader.reading.changes import Change
from reader.tui.pipeline import EditingApp, WorkerFailed

ResultType = TypeVar("ResultType")


class ReaderScreen(Screen[ResultType]):
    """A screen of the reader: it hears every change of the session while it is mounted."""

    app = getters.app(EditingApp)

    def on_mount(self) -> None:
        """Subscribe to the session's changes (after the screen's own mount handler)."""
        self.app.session_changed.subscribe(self, self.session_changed)

    def on_unmount(self) -> None:
        """Stop hearing changes."""
        self.app.session_changed.unsubscribe(self)

    def session_changed(self, change: Change) -> None:
        """Refresh what this screen shows of a change (nothing, unless a screen says so)."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A failed worker is reported by the app (`StateChanged` does not bubble)."""
        if event.state == WorkerState.ERROR:
            self.post_message(WorkerFailed(event.worker))
