"""Data shapes the language layer hands to the UI, the CLI and the notes store."""

from __future__ import annotations

from dataclasses import dataclass, field

_set = object.__setattr__


@dataclass(frozen=True)
class Syllable:
    """One syllable of a token's reading, aligned with one character."""

    char: str
    marks: str
    """Tone-mark form, e.g. `cháng`; neutral tone has no mark."""
    numbers: str
    """Tone-number form, e.g. `chang2`; neutral tone is `5`."""
    tone: int
    """1-4, or 5 for neutral; 0 when the character has no reading."""


@dataclass(frozen=True, slots=True)
class Token:
    """A segmented word with its character offsets into the source text."""

    text: str
    start: int
    end: int
    syllables: tuple[Syllable, ...] = ()
    pos: str = ""
    """jieba part-of-speech tag (`nr` person name, `ns` place, ...) when known."""
    hsk: int | None = None

    @classmethod
    def build(cls, text: str, start: int, end: int, syllables: tuple[Syllable, ...], pos: str,
              hsk: int | None) -> Token:
        """Construct without the frozen-dataclass `__init__` (faster; segmentation builds
        tens of thousands of tokens per article). Slots, not a `__dict__`: a 2 MB page has
        300,000 tokens, and a dict each took 200 bytes more."""
        token = object.__new__(cls)
        _set(token, "text", text)
        _set(token, "start", start)
        _set(token, "end", end)
        _set(token, "syllables", syllables)
        _set(token, "pos", pos)
        _set(token, "hsk", hsk)
        return token

    @property
    def is_han(self) -> bool:
        """True when the token contains at least one CJK ideograph."""
        return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in self.text)

    @property
    def pinyin(self) -> str:
        """Syllables with tone marks separated by single spaces; empty for non-Han tokens."""
        return " ".join(s.marks for s in self.syllables if s.marks)

    @property
    def pinyin_numbers(self) -> str:
        """Syllables with tone numbers separated by single spaces."""
        return " ".join(s.numbers for s in self.syllables if s.numbers)

    @property
    def toneless(self) -> str:
        """The reading without tones or spaces, lower-cased (`kuajing`), for search."""
        return "".join(s.numbers[:-1] for s in self.syllables if s.numbers).replace("ü", "v")


@dataclass(frozen=True)
class Entry:
    """One dictionary or glossary entry for a word."""

    source: str
    """`"cedict"`, `"news"` or `"user"`."""
    simplified: str
    traditional: str
    pinyin: str
    """Tone marks, syllables separated by spaces."""
    definitions: tuple[str, ...]
    kind: str | None = None
    """For glossary entries: policy slogan, institution, place, programme, abbreviation."""
    classifiers: tuple[str, ...] = ()
    """Resolved measure words, e.g. `个 gè`."""
    see_also: tuple[str, ...] = ()
    """Cross-references resolved to `target: gloss`."""


@dataclass(frozen=True)
class Component:
    """A known sub-word or character of a word that has no entry of its own."""

    text: str
    pinyin: str
    definitions: tuple[str, ...]


@dataclass(frozen=True)
class LookupResult:
    """Everything known about a word: entries, or a breakdown, or a name label."""

    word: str
    pinyin: str
    hsk: int | None = None
    entries: tuple[Entry, ...] = ()
    components: tuple[Component, ...] = ()
    name: bool = False
    number: str | None = None
    """Explanation of a number with a measure word (`120件`), when the word is one."""
    notes: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class UserTerm:
    """A term the user added to their own glossary; it outranks every other source."""

    word: str
    pinyin: str
    """Tone marks, syllables separated by spaces (may be empty: computed on lookup)."""
    definitions: tuple[str, ...]
    kind: str | None = None
    """Free label such as `institution` or `place`; optional."""

    def to_json(self) -> dict[str, object]:
        """The JSON shape of a user term (the notes store persists it as is)."""
        return {"word": self.word, "pinyin": self.pinyin, "definitions": list(self.definitions),
                "kind": self.kind}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> UserTerm:
        """Rebuild a term from `to_json` output (raises ValueError on a bad shape)."""
        word = data.get("word")
        if not isinstance(word, str) or not word.strip():
            raise ValueError("a user term needs a non-empty `word`")
        pinyin = data.get("pinyin") or ""
        defs = data.get("definitions") or ()
        kind = data.get("kind")
        if not isinstance(pinyin, str) or not isinstance(defs, list | tuple):
            raise ValueError(f"user term {word!r}: bad pinyin or definitions")
        return cls(word.strip(), pinyin, tuple(str(d) for d in defs),
                   kind if isinstance(kind, str) else None)
