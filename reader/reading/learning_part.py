"""The session's part for the learner's vocabulary: word statuses and review, over the store.

Screens reach it as `session.learning`. Its writes return `StatusesChanged` (a reading `Change`)
and push an undo step on the session's history, so `u`/`ctrl+y` take back a status like any edit.
It keeps a snapshot of every status (read once, updated from each change) so marking the words
of an article never reads the store.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol

from reader.reading.changes import StatusesChanged
from reader.reading.history import History, Step

if TYPE_CHECKING:
    from reader.learning.review import Reviewer
    from reader.learning.status import Status
    from reader.learning.vocabulary import Vocabulary
    from reader.notes.store import NotesStore


class StoreOwner(Protocol):
    """What the part needs from the session that owns the store."""

    history: History

    def readable_store(self) -> NotesStore | None:
        """The store once opened (None when it could not be)."""

    def writable_store(self) -> NotesStore:
        """The store, or `Refused` with the sentence the user is told."""

    @property
    def store_lock(self) -> threading.RLock:
        """One store call at a time."""


class LearningPart:
    """Word statuses (and the review's reviewer) for one session."""

    def __init__(self, owner: StoreOwner) -> None:
        self._owner = owner
        self._statuses: dict[str, Status] | None = None
        self._lock = threading.Lock()

    def reset(self) -> None:
        """Forget the snapshot (the store was reopened)."""
        with self._lock:
            self._statuses = None

    def statuses(self) -> dict[str, Status]:
        """Every word's status that is not NEW (a snapshot: do not change it)."""
        with self._lock:
            if self._statuses is not None:
                return self._statuses
        store = self._owner.readable_store()
        if store is None:
            return {}
        from reader.learning.vocabulary import Vocabulary

        with self._owner.store_lock:
            statuses = Vocabulary(store).statuses()
        with self._lock:
            self._statuses = statuses
        return statuses

    def status(self, word: str) -> Status:
        """One word's status (NEW when never marked)."""
        from reader.learning.status import Status

        return self.statuses().get(word, Status.NEW)

    def _vocabulary(self) -> Vocabulary:
        from reader.learning.vocabulary import Vocabulary

        return Vocabulary(self._owner.writable_store())

    def _applied(self, change: object) -> StatusesChanged:
        """Fold a WordStatusChanged into the snapshot and wrap it for the screens."""
        from reader.learning.changes import apply_to

        self.statuses()
        with self._lock:
            if self._statuses is not None:
                # a new dict: readers holding the old snapshot keep a consistent view
                self._statuses = apply_to(dict(self._statuses), change)  # type: ignore[arg-type]
        return StatusesChanged(change=change)

    def set_status(self, words: str | Iterable[str], status: Status, *,
                   label: str | None = None, notice: str | None = None) -> StatusesChanged:
        """Give words a status (one save); undoable as one step."""
        vocabulary = self._vocabulary()
        with self._owner.store_lock:
            change = vocabulary.set_status(words, status)
        if change:
            self._push(change, label or _label(change))
        result = self._applied(change)
        return StatusesChanged(change=result.change, notice=notice) if notice else result

    def revert(self, change: object) -> StatusesChanged:
        """Put the words of a status change back as they were before it (no undo step)."""
        vocabulary = self._vocabulary()
        with self._owner.store_lock:
            back = vocabulary.undo(change)  # type: ignore[arg-type]
        return self._applied(back)

    def _push(self, change: object, label: str) -> None:
        """Record an undo step for a status change."""
        self._owner.history.push(Step(
            label, lambda: self.revert(change),
            lambda: self.revert(change.inverse())))  # type: ignore[attr-defined]

    def note_annotated(self, words: Iterable[str]) -> StatusesChanged:
        """Words just highlighted or saved become learning (unless the setting keeps them)."""
        vocabulary = self._vocabulary()
        with self._owner.store_lock:
            change = vocabulary.note_annotated(words)
        return self._applied(change)

    def absorb(self, change: object) -> StatusesChanged:
        """Fold a status change the reviewer made (a rating, its undo) into the snapshot."""
        return self._applied(change)

    def reviewer(self) -> Reviewer:
        """A reviewer over the store (FSRS with default parameters)."""
        from reader.learning.review import Reviewer

        return Reviewer(self._owner.writable_store())


def _label(change: object) -> str:
    """A short description of a status change for the undo notice."""
    changes = change.changes  # type: ignore[attr-defined]
    if len(changes) == 1:
        c = changes[0]
        return f"{c.word} marked {c.after.label}"
    return f"{len(changes)} words' statuses"
