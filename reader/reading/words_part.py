"""The session's part for saved words and glossary terms: reading them and the undoable writes.

Screens reach it as `session.wordbook` (the session keeps its older one-call names as thin
delegates). Saved-word writes return `WordsChanged`, term writes `TermsChanged`; each pushes one
undo step on the session's history after it succeeded, and undo and redo return the same kind
of change, so the screens refresh from them as from the write.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

from reader.reading.changes import Change, TermsChanged, WordsChanged
from reader.reading.history import Gone, Step
from reader.reading.part_owner import Refused, SessionOwner

if TYPE_CHECKING:
    from reader.corpus.model import Article
    from reader.language.model import LookupResult, Token, UserTerm
    from reader.notes.model import SavedWord
    from reader.notes.store import NotesStore

T = TypeVar("T")

WORD_FIELDS = ("definition", "note")
"""Fields of a saved word the reader edits."""


def _changed(w: SavedWord, focus: bool = True, notice: str | None = None) -> WordsChanged:
    """The change for one saved word (with the cursor put on it when `focus`)."""
    return WordsChanged(word_ids=frozenset({w.id}), focus=w.id if focus else None,
                        notice=notice)


@contextmanager
def _still_there(label: str, verb: str, kind: str) -> Iterator[None]:
    """A step whose record was deleted (or made again) elsewhere becomes `Gone`."""
    from reader.errors import InputError

    try:
        yield
    except InputError:
        raise Gone(f"Not {verb}: {label} (the {kind} was changed elsewhere).") from None


class WordsPart:
    """Saved words and the user's glossary terms of one session."""

    def __init__(self, owner: SessionOwner) -> None:
        self._owner = owner

    # Saved words -----------------------------------------------------------------------

    def words(self) -> list[SavedWord]:
        """Every saved word, oldest first."""
        store = self._owner.readable_store()
        if store is None:
            return []
        with self._owner.store_lock:
            return store.words()

    def saved_word(self, word: str) -> SavedWord | None:
        """The saved record of `word`, or None (also while the store is still opening)."""
        owner = self._owner
        if not owner.store_ready.is_set() or owner.store is None:
            return None
        with owner.store_lock:
            return owner.store.find_word(word)

    def _write(self, action: Callable[[NotesStore], T]) -> T:
        """Run one write on the store."""
        store = self._owner.writable_store()
        with self._owner.store_lock:
            return action(store)

    def _push(self, label: str, kind: str, undo: Callable[[], Change],
              redo: Callable[[], Change]) -> None:
        """Record a step; a record gone meanwhile drops it with a one-line notice."""

        def undo_step() -> Change:
            with _still_there(label, "undone", kind):
                return undo()

        def redo_step() -> Change:
            with _still_there(label, "redone", kind):
                return redo()

        self._owner.history.push(Step(label, undo_step, redo_step))

    def save(self, token: Token, result: LookupResult | None, article: Article,
             sentence: str) -> Change:
        """Save a word with its sentence and first definition to the saved words.

        A word saved before is left as the user edited it; the notice says it is saved.
        """
        from reader.reading.words import saved_definition

        entry = result.entries[0] if result and result.entries else None
        saved = self._write(lambda s: s.add_word(
            token.text, token.pinyin or (result.pinyin if result else ""),
            saved_definition(result), sentence, article.id, article.issue_id,
            traditional=entry.traditional if entry else None,
            hsk=(result.hsk if result and result.hsk is not None else token.hsk),
        ))
        w = saved.word
        if saved.already_saved:
            return Change(notice=f"{w.word} is already saved (nothing changed); "
                                 "edit it under Saved words (ctrl+g).")
        self._push_presence(f"{w.word} saved", w, present=True)
        return _changed(w, notice=f"Saved {token.text} to Saved words.")

    def delete(self, word_id: str) -> WordsChanged:
        """Remove a saved word (u puts it back)."""
        gone = self._write(lambda s: s.delete_word(word_id))
        self._push_presence(f"{gone.word} deleted", gone, present=False)
        return _changed(gone, focus=False, notice=f"Deleted {gone.word} · u to undo")

    def _push_presence(self, label: str, w: SavedWord, *, present: bool) -> None:
        """A step that removes or puts back one saved word (same id, so later steps apply)."""
        kept = [w]  # the record as last removed: what putting it back restores

        def remove() -> WordsChanged:
            kept[0] = self._write(lambda s: s.delete_word(w.id))
            return _changed(kept[0], focus=False)

        def restore() -> WordsChanged:
            return _changed(self._write(lambda s: s.restore_word(kept[0])))

        if present:
            self._push(label, "saved word", remove, restore)
        else:
            self._push(label, "saved word", restore, remove)

    def update(self, word_id: str, field: str, value: str) -> WordsChanged:
        """Change a saved word's definition (kept on one line) or note."""
        if field not in WORD_FIELDS:
            raise ValueError(f"a saved word has no editable field {field!r}")
        from reader.reading.words import clean_definition

        if field == "definition":
            value = clean_definition(value)
        before, w = self._write(lambda s: (s.get_word(word_id),
                                           s.update_word(word_id, **{field: value})))
        old = getattr(before, field)
        if old != getattr(w, field):
            self._push(f"{field} of {w.word}", "saved word",
                       lambda: _changed(self._write(
                           lambda s: s.update_word(word_id, **{field: old}))),
                       lambda: _changed(self._write(
                           lambda s: s.update_word(word_id, **{field: value}))))
        return _changed(w, notice=f"{field.capitalize()} saved.")

    # Glossary terms (the user's own definitions, used by every lookup) -----------------

    def put_term(self, word: str, pinyin: str, definition: str,
                 kind: str | None = None) -> TermsChanged:
        """Add a glossary term, or replace the one for the same word; lookups use it at once."""
        from reader.errors import InputError
        from reader.language.readings import word_reading
        from reader.language.user_terms import make_term

        self._owner.writable_store()
        word = word.strip()
        try:
            default = " ".join(r for r in word_reading(word) if r) if word else ""
            term = make_term(word, pinyin, [definition], kind, default_reading=default)
        except InputError as exc:
            raise Refused(f"Not added: {exc}.") from None
        before = self._write(lambda s: _term(s, term.word))
        self._put(term)
        verb = "Updated" if before is not None else "Added"
        if before is None or not _same(before, term):
            self._push(f"glossary term {term.word} {verb.lower()}", "glossary term",
                       lambda: self._put(before) if before else self._remove(term.word),
                       lambda: self._put(term))
        return TermsChanged(word=term.word, notice=f"{verb} {term.word} in Glossary terms.")

    def _put(self, term: UserTerm) -> TermsChanged:
        """Add or replace a term; lookups and segmentation follow."""
        self._write(lambda s: s.put_term(term))
        self._owner.terms_changed()
        return TermsChanged(word=term.word)

    def _remove(self, word: str) -> TermsChanged:
        """Remove a term (`Gone` when it is no longer there)."""
        from reader.errors import InputError

        if not self._write(lambda s: s.delete_term(word)):
            raise InputError(f"no glossary term {word}")
        self._owner.terms_changed()
        return TermsChanged(word=word)


def _term(store: NotesStore, word: str) -> UserTerm | None:
    """The user's term for `word`, if any."""
    return next((t for t in store.user_terms() if t.word == word), None)


def _same(a: UserTerm, b: UserTerm) -> bool:
    """True when two terms say the same (putting one over the other changes nothing)."""
    return (a.pinyin, tuple(a.definitions), a.kind) == (b.pinyin, tuple(b.definitions), b.kind)
