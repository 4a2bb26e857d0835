"""Rules about saved words: the definition kept, what a search matches, where a word was found."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reader.language.model import LookupResult
    from reader.notes.model import SavedWord
    from reader.reading.article_parts import Part


def saved_definition(result: LookupResult | None) -> str:
    """The definition a word is saved with: the first entry's senses, else its parts'."""
    entry = result.entries[0] if result and result.entries else None
    if entry is not None:
        return "; ".join(entry.definitions)
    if result and result.components:
        return " + ".join(f"{c.text} {'; '.join(c.definitions[:1])}" for c in result.components)
    return ""


def clean_definition(text: str) -> str:
    """An edited definition on one line: its non-blank lines joined by `; `."""
    return "; ".join(line.strip() for line in text.splitlines() if line.strip())


def word_matches(word: SavedWord, query: str) -> bool:
    """True when the query is in the word, its pinyin, definition, note or sentence; pinyin
    matches as the full-text search reads it (`xianggang`, `xiang gang`, `xiang1gang3`)."""
    from reader.index.search import is_pinyin
    from reader.language.tones import pinyin_matches

    q = query.casefold().strip()
    fields = (word.word, word.pinyin, word.definition, word.note or "", word.sentence,
              word.traditional or "")
    return not q or any(q in f.casefold() for f in fields) or (
        is_pinyin(q) and pinyin_matches(word.pinyin, q))


def source_offset(text: str, word: SavedWord, parts: Sequence[Part] = ()) -> int | None:
    """Where the saved word stands in its article's text (in its sentence when found).

    A word saved from a headline or caption (`parts`, `article_parts`) has that part as its
    sentence: its offset is the part's, where the article view shows it.
    """
    at = text.find(word.sentence) if word.sentence else -1
    if at >= 0:
        inner = word.sentence.find(word.word)
        return at + max(0, inner)
    for part in parts:
        inner = part.text.find(word.word)
        if word.sentence and word.sentence in part.text and inner >= 0:
            return part.start + inner
    at = text.find(word.word)
    return at if at >= 0 else None
