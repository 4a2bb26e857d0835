"""The user's own glossary: the interface the notes store implements, and term checks."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from reader.errors import InputError
from reader.language.model import Entry, UserTerm
from reader.language.spelling import term_pinyin
from reader.language.tones import is_han, numbers_to_marks_text, parse_reading


@runtime_checkable
class UserTermSource(Protocol):
    """Anything that can list the user's terms (the notes store, an in-memory list)."""

    def user_terms(self) -> list[UserTerm]:
        """Every user term."""
        ...


@runtime_checkable
class UserTermStore(UserTermSource, Protocol):
    """A user-term source that can also be edited (used by `reader glossary`)."""

    def put_term(self, term: UserTerm) -> None:
        """Add `term`, or replace the term with the same word."""
        ...

    def delete_term(self, word: str) -> bool:
        """Remove the term for `word`; False when there was none."""
        ...


class MemoryUserTerms:
    """User terms held in memory (tests, and the UI before any store is open)."""

    def __init__(self, terms: Iterable[UserTerm] = ()) -> None:
        """Start with `terms`."""
        self._terms = {t.word: t for t in terms}

    def user_terms(self) -> list[UserTerm]:
        """Every user term, in insertion order."""
        return list(self._terms.values())

    def put_term(self, term: UserTerm) -> None:
        """Add or replace a term."""
        self._terms[term.word] = term

    def delete_term(self, word: str) -> bool:
        """Remove a term; False when absent."""
        return self._terms.pop(word, None) is not None


def make_term(word: str, pinyin: str, definitions: Iterable[str], kind: str | None = None,
              default_reading: str = "") -> UserTerm:
    """Validate user input into a UserTerm (InputError with a one-line reason)."""
    word = word.strip()
    if not word or any(ch.isspace() for ch in word):
        raise InputError("a term must be one word without spaces")
    defs = tuple(d.strip() for d in definitions if d.strip())
    if not defs:
        raise InputError("a term needs at least one definition")
    han = sum(1 for ch in word if is_han(ch))
    syllables = parse_reading(pinyin) if pinyin.strip() else default_reading.split()
    if pinyin.strip() and len(syllables) != han:
        raise InputError(f"pinyin {pinyin!r} has {len(syllables)} syllables; {word} needs {han}")
    return UserTerm(word, numbers_to_marks_text(" ".join(syllables)), defs, kind or None)


_lock = threading.Lock()
_terms: dict[str, UserTerm] = {}
_generation = 0


def set_user_terms(source: UserTermSource | Iterable[UserTerm] | None) -> None:
    """Register the user's terms: they join jieba's words and outrank other sources in lookup.

    Takes a snapshot; call again after the store changes (the CLI and UI do so after edits).
    """
    global _terms, _generation
    terms = source.user_terms() if isinstance(source, UserTermSource) else list(source or ())
    with _lock:
        _terms = {t.word: t for t in terms}
        _generation += 1


def user_generation() -> int:
    """A counter bumped by every `set_user_terms`, so caches know to refresh."""
    return _generation


def registered_terms() -> dict[str, UserTerm]:
    """The registered user terms by word."""
    return _terms


def user_entry(word: str) -> Entry | None:
    """The user's entry for `word`, if any."""
    term = _terms.get(word)
    if term is None:
        return None
    return Entry("user", term.word, term.word, term_pinyin(term.word, term.pinyin, term.kind),
                 term.definitions, kind=term.kind)


def user_reading(word: str) -> str | None:
    """The user's tone-number reading for `word` when they gave one."""
    term = _terms.get(word)
    if term is None or not term.pinyin:
        return None
    return " ".join(parse_reading(term.pinyin))


def user_signature() -> str:
    """A short hash of the registered words and readings (part of the segmentation cache key)."""
    if not _terms:
        return "-"
    text = "\n".join(f"{w}\t{t.pinyin}" for w, t in sorted(_terms.items()))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
