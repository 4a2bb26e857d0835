"""Undo and redo of the reader's changes: one history of steps, each able to undo and redo itself.

A session write that the reader may want to take back pushes a `Step` after it succeeded. A step's
`undo` and `redo` run on the edit worker like any write and return the `Change` to broadcast, so
screens refresh from undo exactly as from the write itself. A new step clears what could be
redone, as every editor does.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from reader.reading.changes import Change

HISTORY_LIMIT = 500
"""Steps kept for undo (older ones are forgotten; a step holds a few small records)."""


class Gone(Exception):
    """A step's record is no longer there (deleted elsewhere): the step is dropped and the
    message, one line for the user, is the notice."""


@dataclass(frozen=True)
class Step:
    """One change the reader made, with how to take it back and make it again."""

    label: str
    """What the change was, for the notice ("Undone: <label>"), e.g. "highlight added"."""
    undo: Callable[[], Change]
    """Take the change back; returns what changed."""
    redo: Callable[[], Change]
    """Make the change again; returns what changed."""


class History:
    """The steps of this run, last one last, and those undone that can be redone."""

    def __init__(self, limit: int = HISTORY_LIMIT) -> None:
        self.limit = limit
        """Most steps kept."""
        self._done: list[Step] = []
        self._undone: list[Step] = []
        self._lock = threading.Lock()

    def push(self, step: Step) -> None:
        """Record a change just made (forgets what could be redone)."""
        with self._lock:
            self._done.append(step)
            del self._done[:-self.limit]
            self._undone.clear()

    def extend_last(self, undo: Callable[[], object], redo: Callable[[], object]) -> None:
        """Make a change that came with the last step part of it: its undo runs `undo` first,
        its redo runs `redo` last (their results are the caller's to report)."""
        with self._lock:
            if not self._done:
                return
            step = self._done[-1]

            def undo_both() -> Change:
                undo()
                return step.undo()

            def redo_both() -> Change:
                change = step.redo()
                redo()
                return change

            self._done[-1] = Step(step.label, undo_both, redo_both)

    def can_undo(self) -> bool:
        """True when there is a step to undo."""
        return bool(self._done)

    def can_redo(self) -> bool:
        """True when there is an undone step to redo."""
        return bool(self._undone)

    def undo(self) -> Change:
        """Take back the last step; a notice says what was undone (or that nothing was)."""
        with self._lock:
            if not self._done:
                return Change(notice="Nothing to undo.")
            step = self._done.pop()
        try:
            change = step.undo()
        except Gone as exc:  # nothing left to take back: forget the step
            return Change(notice=str(exc))
        except Exception:
            with self._lock:  # it did not happen: it can still be undone later
                self._done.append(step)
            raise
        with self._lock:
            self._undone.append(step)
        return _with_notice(change, f"Undone: {step.label} · ctrl+y to redo")

    def redo(self) -> Change:
        """Make the last undone step again."""
        with self._lock:
            if not self._undone:
                return Change(notice="Nothing to redo.")
            step = self._undone.pop()
        try:
            change = step.redo()
        except Gone as exc:
            return Change(notice=str(exc))
        except Exception:
            with self._lock:
                self._undone.append(step)
            raise
        with self._lock:
            self._done.append(step)
        return _with_notice(change, f"Redone: {step.label}")

    def clear(self) -> None:
        """Forget every step (the store was reopened: the records may no longer match)."""
        with self._lock:
            self._done.clear()
            self._undone.clear()


def _with_notice(change: Change, notice: str) -> Change:
    """The change with `notice` unless it carries a more precise one of its own."""
    from dataclasses import replace

    return change if change.notice else replace(change, notice=notice)
