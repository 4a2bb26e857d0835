"""What the session's parts need from the session that owns the store, and its refusal."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from reader.notes.store import NotesStore
    from reader.reading.history import History
    from reader.reading.library import Library


class Refused(Exception):
    """An edit the session cannot make; the message is for the user as is."""


class SessionOwner(Protocol):
    """The session as its parts see it: the store, its lock, the history and the library."""

    history: History
    """Where every undoable write pushes its step."""
    read_only: bool
    """True when another instance holds the store."""
    store: NotesStore | None
    """The store once opened (None before, or when it could not be)."""
    store_ready: threading.Event
    """Set once the store's opening is over."""

    def readable_store(self) -> NotesStore | None:
        """The store once opened, waiting for the opening (None when it could not be)."""

    def writable_store(self) -> NotesStore:
        """The store, or `Refused` with the sentence the user is told."""

    @property
    def store_lock(self) -> threading.RLock:
        """One store call at a time."""

    def loaded_library(self) -> Library:
        """The library, read now if nobody has read it yet."""

    def terms_changed(self) -> None:
        """The user's glossary terms changed: lookups and segmentation follow them."""
