"""The app's one edit pipeline: writes run in order on one thread worker, changes are broadcast.

Screens ask `app.edit(lambda s: s.delete_highlight(hid))`. The pipeline refuses once, with the
session's one sentence, when the store is read-only; runs the write off the UI thread; shows
the change's notice; reports a failure in one place; and publishes the change on
`session_changed`, which screens subscribe to so each refreshes only what it shows.

A screen covered by another full screen hears its changes when it is shown again: Textual
repaints the screen on top in full for any repaint of the one right under it (even for a
message the one under handles), so a library re-scoring its rows under the review would cost
every rating a full frame.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from textual import work
from textual.app import App
from textual.content import Content
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.signal import Signal

from reader.corpus.decode import sanitize
from reader.reading.changes import Change
from reader.reading.session import READ_ONLY_NOTICE, ReadingSession, Refused

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.screen import Screen
    from textual.worker import Worker

Edit = Callable[[ReadingSession], Change | None]
"""A write: takes the session, returns what changed (None: nothing to say or show)."""


class SessionChanged(Message):
    """A write went through (posted by the edit worker to the app)."""

    def __init__(self, change: Change) -> None:
        super().__init__()
        self.change = change
        """What changed."""


class EditFailed(Message):
    """A write failed or was refused (posted by the edit worker to the app)."""

    def __init__(self, reason: str, refused: bool) -> None:
        super().__init__()
        self.reason = reason
        """What to tell the user."""
        self.refused = refused
        """True for a refusal the user can understand (a warning, not an error)."""


class WorkerFailed(Message):
    """A screen's worker failed (posted by the screen; it bubbles up to the app)."""

    def __init__(self, worker: Worker[object]) -> None:
        super().__init__()
        self.worker = worker
        """The worker that failed."""


class OpenArticle(Message):
    """Open an article by id or unique prefix (posted by screens; handled by the app)."""

    def __init__(self, article_id: str, offset: int | None = None) -> None:
        super().__init__()
        self.article_id = article_id
        """The article's id (or a unique prefix of it)."""
        self.offset = offset
        """A character offset to open at, instead of the saved place."""


class EditingApp(App[int]):
    """The part of the app every screen relies on: the session and its edit pipeline."""

    def __init__(self, session: ReadingSession) -> None:
        super().__init__()
        self.session = session
        """The app's line to the core."""
        self.session_changed: Signal[Change] = Signal(self, "session-changed")
        """Every change the edit pipeline made, for screens to subscribe to."""
        self.notice_log: deque[str] = deque(maxlen=200)
        """The latest notices as plain text, newest last (what the user was told)."""
        self._edits: deque[tuple[Edit, bool]] = deque()
        self._edits_lock = threading.Lock()
        self._editing = False
        self._missed: WeakKeyDictionary[Screen[object], list[Callable[[], None]]] = \
            WeakKeyDictionary()

    def hear_changes(self, node: DOMNode, callback: Callable[[Change], None]) -> None:
        """Call `callback` with every change; while `node`'s screen is covered by a full
        screen, the changes wait until `catch_up` (the screen shown again) hands them over."""
        def hear(change: Change) -> None:
            screen = node.screen
            if self._covered(screen):
                self._missed.setdefault(screen, []).append(lambda: callback(change))
            else:
                node.call_next(callback, change)

        # Immediate: a message to a covered screen would itself make Textual repaint it, and
        # with it the screen on top, on the screen's next idle.
        self.session_changed.subscribe(node, hear, immediate=True)

    def _covered(self, screen: Screen[object]) -> bool:
        """True when an opaque screen is above `screen` (a dialog leaves it in sight)."""
        stack = self.screen_stack
        if screen not in stack:
            return False
        return any(above.styles.background.a == 1 for above in stack[stack.index(screen) + 1:])

    def catch_up(self, screen: Screen[object]) -> None:
        """Hand `screen`'s nodes the changes made while it was covered, in their order."""
        for call in self._missed.pop(screen, []):
            call()

    def notify(self, message: str | Content, *, title: str = "",
               severity: SeverityLevel = "information", timeout: float | None = None,
               markup: bool = True) -> None:
        """Show a notice; plain text is never parsed as markup (it may quote pages, paths, ids).

        Styled notices pass a `Content`, built from markup written here, never from data.
        """
        if isinstance(message, Content):
            text, markup = message.markup, True
            self.notice_log.append(message.plain)
        else:
            # Paths, ids and errors quoted in a notice may hold escapes typed or read.
            text, markup = sanitize(message), False
            self.notice_log.append(text)
        if timeout is None:
            super().notify(text, title=title, severity=severity, markup=markup)
        else:
            super().notify(text, title=title, severity=severity, timeout=timeout, markup=markup)

    def writable(self) -> bool:
        """True when edits can be made; else say so (the one sentence) and return False."""
        if self.session.read_only:
            self.notify(READ_ONLY_NOTICE, severity="warning")
            return False
        return True

    def edit(self, op: Edit, *, quiet: bool = False) -> None:
        """Run a write in the background, after the writes asked before it.

        Read-only: refused at once with the one sentence (`quiet`: silently, and the op is
        still run, for writes such as the reading position that the session keeps in memory).
        """
        if not quiet and not self.writable():
            return
        with self._edits_lock:
            self._edits.append((op, quiet))
            start, self._editing = not self._editing, True
        if start:
            self._run_edits()

    @work(thread=True, group="edits", exit_on_error=False)
    def _run_edits(self) -> None:
        """The one edit worker: run queued writes in order until there are none."""
        while True:
            with self._edits_lock:
                if not self._edits:
                    self._editing = False
                    return
                op, quiet = self._edits.popleft()
            try:
                change = op(self.session)
            except Refused as exc:
                if not quiet:
                    self.post_message(EditFailed(str(exc), refused=True))
                continue
            except Exception as exc:  # reported, never a crash; the next write still runs
                self.post_message(EditFailed(f"{exc}" or type(exc).__name__, refused=False))
                continue
            if change is not None:
                self.post_message(SessionChanged(change))
            for side in self.session.take_side_changes():  # e.g. new words become learning
                self.post_message(SessionChanged(side))

    def on_session_changed(self, message: SessionChanged) -> None:
        """Say what changed (when there is something to say) and tell the screens."""
        if message.change.notice:
            self.notify(message.change.notice)
        self.session_changed.publish(message.change)

    def on_edit_failed(self, message: EditFailed) -> None:
        """The one place where a failed or refused write is reported."""
        if message.refused:
            self.notify(message.reason, severity="warning")
        else:
            self.notify(message.reason, title="Something went wrong", severity="error",
                        timeout=8)

    def on_worker_failed(self, message: WorkerFailed) -> None:
        """A screen's worker failed: report it like the app's own."""
        self.report_failure(message.worker)

    def report_failure(self, worker: Worker[object]) -> None:
        """Every worker failure, anywhere, becomes a notice instead of a crash."""
        self.notify(f"{worker.error}", title="Something went wrong", severity="error",
                    timeout=8)
