"""Records of the notes store: highlights, saved words, progress, user glossary terms."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

COLORS: tuple[str, ...] = ("yellow", "green", "blue", "pink", "purple")
"""Highlight colour names the store accepts; the UI maps them to styles."""

CONTEXT_CHARS = 32
"""How many characters before and after a quote are kept to find it again."""


def now_iso() -> str:
    """The current UTC time as ISO 8601 with seconds, as stored in every record."""
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Highlight:
    """A highlighted quote in an article, optionally with a note."""

    id: str
    """Stable id like `h-1a2b3c4d`, shown by `reader notes` and taken by `note-edit`/`forget`."""
    issue_id: str
    article_id: str
    start: int
    """Offset of the quote in `article.text` when it was made."""
    end: int
    quote: str
    """The exact highlighted text."""
    prefix: str
    """Up to 32 characters just before the quote (for re-anchoring)."""
    suffix: str
    """Up to 32 characters just after the quote."""
    color: str = "yellow"
    note: str | None = None
    created: str = ""
    updated: str = ""

    def to_doc(self) -> dict[str, Any]:
        """The stored form (also the JSON form of `reader notes --json`, minus derived keys)."""
        return asdict(self)

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Highlight:
        """Build a Highlight from a stored document."""
        return cls(**{k: doc.get(k) for k in _HIGHLIGHT_FIELDS if k in doc})


@dataclass(frozen=True)
class SavedWord:
    """A word the user saved to their glossary, with where it was met."""

    id: str
    """Stable id like `w-1a2b3c4d`."""
    word: str
    """Simplified form as it appeared in the text."""
    pinyin: str
    definition: str
    """The definition the user chose (one line)."""
    sentence: str
    """The sentence the word was saved from."""
    article_id: str
    issue_id: str
    traditional: str | None = None
    hsk: int | None = None
    note: str | None = None
    """The user's own note on the word."""
    created: str = ""
    updated: str = ""

    def to_doc(self) -> dict[str, Any]:
        """The stored form."""
        return asdict(self)

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> SavedWord:
        """Build a SavedWord from a stored document."""
        return cls(**{k: doc.get(k) for k in _WORD_FIELDS if k in doc})


@dataclass(frozen=True)
class WordSave:
    """What saving a word did: the saved record, and whether it had been saved before."""

    word: SavedWord
    """The record as it is now in the store."""
    already_saved: bool
    """True when the word was saved before; then nothing changed unless `replace` was asked."""


@dataclass(frozen=True)
class Progress:
    """How far the user got in one article."""

    article_id: str
    offset: int
    """Character offset of the reading position in `article.text`."""
    read: bool = False
    """True once the user finished (or marked) the article."""
    updated: str = ""

    def to_doc(self) -> dict[str, Any]:
        """The stored form."""
        return asdict(self)


try:
    # The language layer owns the user-term type (it is what its lookups consume).
    from reader.language.model import UserTerm
except ImportError:  # until the language layer lands: the same shape, duck-compatible

    @dataclass(frozen=True)
    class UserTerm:  # type: ignore[no-redef]
        """A term of the user's own glossary (shape of `reader.language.model.UserTerm`)."""

        word: str
        pinyin: str
        """Tone marks, syllables separated by spaces (may be empty)."""
        definitions: tuple[str, ...]
        kind: str | None = None
        """Free label such as `institution` or `place`."""


@dataclass(frozen=True)
class Placement:
    """Where a highlight sits in the current text of its article (or that it is lost)."""

    highlight: Highlight
    start: int
    """Offset in the placed text; -1 for an orphan."""
    end: int
    method: str
    """`exact` (offsets still match), `moved` (quote found elsewhere), `fuzzy`
    (approximate match), `issue` (found in another article of the issue) or `orphan`."""
    article_id: str | None
    """The article the highlight was placed in (another one for `issue`); None for orphans."""
    score: float = 100.0
    """Similarity of the placed text to the quote, 0-100."""

    @property
    def orphan(self) -> bool:
        """True when the highlight could not be placed anywhere."""
        return self.method == "orphan"


_HIGHLIGHT_FIELDS = tuple(Highlight.__dataclass_fields__)
_WORD_FIELDS = tuple(SavedWord.__dataclass_fields__)
