"""Find a query in an article: by characters, or by toneless pinyin such as `kuajing`."""

from __future__ import annotations

from collections.abc import Sequence

from reader.language.model import Token
from reader.language.tones import toneless


def fold_pinyin(text: str) -> str:
    """Lower-case pinyin letters without tones, digits, spaces or apostrophes, ü as v: the
    folding of the library index and saved-words search (`tones.toneless`), so one query
    means the same everywhere."""
    return "".join(ch for ch in toneless(text) if ch.isalpha())


def is_pinyin_query(query: str) -> bool:
    """True when a query is Latin letters (maybe with tone marks, digits or spaces)."""
    folded = fold_pinyin(query)
    return bool(folded) and all("a" <= ch <= "z" for ch in folded)


def find_matches(text: str, tokens: Sequence[Token], query: str) -> list[tuple[int, int]]:
    """Every (start, end) range of `text` matching `query`, in reading order.

    Characters match literally (case-insensitive); a Latin query also matches the pinyin of
    consecutive syllables, whole syllables only, so `an` does not match inside `guan`.
    """
    query = query.strip()
    if not query:
        return []
    found: set[tuple[int, int]] = set()
    haystack, needle = text.lower(), query.lower()
    pos = haystack.find(needle)
    while pos >= 0:
        found.add((pos, pos + len(needle)))
        pos = haystack.find(needle, pos + 1)
    if is_pinyin_query(query):
        found |= _pinyin_matches(tokens, fold_pinyin(query))
    return sorted(found)


def _pinyin_matches(tokens: Sequence[Token], needle: str) -> set[tuple[int, int]]:
    """Ranges whose syllables, toneless and run together, equal `needle`."""
    offsets: list[int] = []
    """Character offset of each syllable."""
    starts: dict[int, int] = {}
    """Position in `joined` where syllable n starts -> n."""
    ends: dict[int, int] = {}
    """Position in `joined` where syllable n ends -> n."""
    parts: list[str] = []
    pos = 0
    for tok in tokens:
        aligned = len(tok.syllables) == len(tok.text)
        for k, syl in enumerate(tok.syllables):
            folded = fold_pinyin(syl.marks or syl.numbers)
            if not folded or not aligned:
                # A break: pinyin never matches across characters without a reading.
                parts.append("|")
                pos += 1
                continue
            starts[pos] = len(offsets)
            offsets.append(tok.start + k)
            parts.append(folded)
            pos += len(folded)
            ends[pos] = len(offsets) - 1
        if not tok.syllables:
            parts.append("|")
            pos += 1
    joined = "".join(parts)
    found = set()
    at = joined.find(needle)
    while at >= 0:
        first, last = starts.get(at), ends.get(at + len(needle))
        if first is not None and last is not None and last >= first:
            found.add((offsets[first], offsets[last] + 1))
        at = joined.find(needle, at + 1)
    return found


class SearchResults:
    """The matches of the last search in an article, and which one the cursor is on."""

    def __init__(self) -> None:
        self.matches: list[tuple[int, int]] = []
        """(start, end) character ranges, in reading order."""
        self.index = -1
        """The current match (-1 before the first step)."""

    def find(self, text: str, tokens: Sequence[Token], query: str, here: int) -> bool:
        """Search again; the next step lands on the first match after offset `here`."""
        self.matches = find_matches(text, tokens, query) if query else []
        after = [i for i, (start, _) in enumerate(self.matches) if start > here]
        self.index = (after[0] if after else 0) - 1
        return bool(self.matches)

    def step(self, step: int) -> tuple[int, int] | None:
        """Move to the next (or previous) match; None when there are none."""
        if not self.matches:
            return None
        self.index = (self.index + step) % len(self.matches)
        return self.matches[self.index]

    def marks(self) -> list[tuple[int, int, str]]:
        """(start, end, style) of every match, the current one set apart."""
        return [(s, e, "match-current" if i == self.index else "match")
                for i, (s, e) in enumerate(self.matches)]

    def status(self) -> str:
        """`Match 2 of 5`."""
        return f"Match {self.index + 1} of {len(self.matches)}"
