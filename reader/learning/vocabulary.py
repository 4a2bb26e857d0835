"""The user's vocabulary: word statuses read from and written to the notes store."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from reader.errors import InputError
from reader.learning.changes import StatusChange, WordStatusChanged
from reader.learning.status import Status, status_after_annotation
from reader.notes.model import now_iso
from reader.notes.store import NotesStore

MAX_WORD_CHARS = 100
"""Longest word a status is kept for (as `reader lookup`); the longest headwords are ~20."""

_BY_VALUE: dict[str, Status] = {s.value: s for s in Status}
"""Status by stored value: a dict look-up is ten times faster than `Status(value)`."""


def clean_word(word: str) -> str:
    """A word as stored: no escape sequences, controls or blanks; InputError when nothing is
    left."""
    from reader.notes.cleaning import clean

    word = "".join(clean(word).split())
    if not word:
        raise InputError("a word status needs a word")
    if len(word) > MAX_WORD_CHARS:
        raise InputError(f"a word has at most {MAX_WORD_CHARS} characters "
                         f"(this one has {len(word)})")
    return word


class Vocabulary:
    """Word statuses over an open NotesStore; every write returns a WordStatusChanged."""

    def __init__(self, store: NotesStore) -> None:
        self.store = store
        """The notes store holding the `statuses` table."""

    def statuses(self) -> dict[str, Status]:
        """Every stored status by word (words not in it are NEW)."""
        # A value no Dubao wrote (a hand edit) counts as new rather than failing every command.
        return {w: s for w, d in self.store.keyed_docs("statuses").items()
                if (s := _BY_VALUE.get(d["status"])) is not None}

    def status(self, word: str) -> Status:
        """The status of one word."""
        doc = self.store.keyed_docs("statuses").get(word)
        return _BY_VALUE.get(doc["status"], Status.NEW) if doc else Status.NEW

    def known(self) -> frozenset[str]:
        """The words marked known."""
        return frozenset(w for w, s in self.statuses().items() if s is Status.KNOWN)

    def set_status(self, words: str | Iterable[str], status: Status, *,
                   overwrite: bool = True) -> WordStatusChanged:
        """Give `words` a status (one save for many words); unchanged words are left out.

        With `overwrite=False` only NEW words change (an import never demotes a word).
        """
        return self.apply(dict.fromkeys([words] if isinstance(words, str) else words, status),
                          overwrite=overwrite)

    def apply(self, wanted: Mapping[str, Status], *,
              overwrite: bool = True) -> WordStatusChanged:
        """Set several words to their own statuses in one save (words cleaned as stored)."""
        wanted = {clean_word(w): s for w, s in wanted.items()}
        docs = self.store.keyed_docs("statuses")
        stamp = now_iso()
        writes: dict[str, dict[str, Any] | None] = {}
        changes = []
        for word, after in wanted.items():
            old = docs.get(word)
            before = _BY_VALUE.get(old["status"], Status.NEW) if old else Status.NEW
            if before is after or (not overwrite and before is not Status.NEW):
                continue
            changes.append(StatusChange(word, before, after))
            if after is Status.NEW:
                writes[word] = None
            else:
                known_at = (old or {}).get("known_at")
                if after is Status.KNOWN and before is not Status.KNOWN:
                    known_at = stamp
                writes[word] = {"status": after.value, "updated": stamp,
                                "created": (old or {}).get("created", stamp),
                                "known_at": known_at if after is Status.KNOWN else None}
        if writes:
            self.store.put_keyed("statuses", writes)
        return WordStatusChanged(tuple(changes))

    def undo(self, change: WordStatusChanged) -> WordStatusChanged:
        """Put the words of `change` back to their statuses before it."""
        return self.apply({c.word: c.before for c in change.changes})

    def note_annotated(self, words: Iterable[str], *,
                       keep: bool | None = None) -> WordStatusChanged:
        """Words the user highlighted or saved become learning unless `keep` (see the rule);
        `keep=None` follows the `annotate_keeps_status` setting (off by default)."""
        if keep is None:
            from reader.learning.settings import get_setting

            keep = bool(get_setting(self.store, "annotate_keeps_status"))
        current = self.statuses()
        wanted = {}
        for word in words:
            word = "".join(word.split())
            if not word:
                continue
            after = status_after_annotation(current.get(word, Status.NEW), keep=keep)
            if after is not None:
                wanted[word] = after
        return self.apply(wanted)
