"""Which words some source knows, and splitting a word into the fewest known words."""

from __future__ import annotations

from reader.language import user_terms
from reader.language.cedict import load_index
from reader.language.glossary import news_entries
from reader.language.readings import MAX_WORD


def has_entry(word: str) -> bool:
    """True when a user term, the news glossary or CC-CEDICT has `word` as a headword."""
    # CC-CEDICT first: it answers for nine words in ten, and this runs once per new word.
    return (word in load_index() or word in news_entries()
            or word in user_terms.registered_terms())


def split_known(word: str, singles: bool) -> list[str] | None:
    """The fewest known words covering `word`, or None when that is the word itself.

    With `singles`, single characters always count as pieces (CC-CEDICT has nearly all of
    them); without, every piece must be a known word of two or more characters.
    """
    n = len(word)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        here = best[i]
        if here is None:
            continue
        for j in range(min(n, i + MAX_WORD), i, -1):
            size = j - i
            if (size == 1 and singles) or (1 < size < n and has_entry(word[i:j])):
                known = best[j]
                if known is None or len(here) + 1 < len(known):
                    best[j] = [*here, word[i:j]]
    result = best[n]
    return result if result and len(result) > 1 else None
