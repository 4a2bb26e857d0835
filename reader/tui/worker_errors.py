"""Worker failures become notices: screens post `WorkerFailed`, which bubbles to the app.

Textual's `Worker.StateChanged` does not bubble, so a screen's workers report to the screen
only; screens that are not `ReaderScreen`s mix this in.
"""

from __future__ import annotations

from textual.message_pump import MessagePump
from textual.worker import Worker, WorkerState

from reader.tui.pipeline import WorkerFailed


class ReportsWorkerErrors:
    """Mixin for screens: a failed worker is shown to the user instead of passing silently."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Pass failures up to the app (which says what went wrong)."""
        if event.state == WorkerState.ERROR and isinstance(self, MessagePump):
            self.post_message(WorkerFailed(event.worker))
