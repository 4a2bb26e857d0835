"""Han character bigrams: the word overlap between headlines and bodies."""

from __future__ import annotations

import re
from functools import lru_cache

from reader.corpus.lines import HAN

_PAIR = re.compile(f"(?=([{HAN}][{HAN}]))")
"""Every pair of adjacent Han characters, overlapping."""


def bigrams(text: str) -> frozenset[str]:
    """Han character bigrams of text (cached: paragraphs are compared many times)."""
    return _bigrams(text)


@lru_cache(maxsize=8192)
def _bigrams(text: str) -> frozenset[str]:
    return frozenset(_PAIR.findall(text))


def overlap(line: str, body_grams: set[str] | frozenset[str]) -> float:
    """Share of the line's bigrams that occur in the body."""
    grams = bigrams(line)
    return len(grams & body_grams) / len(grams) if grams else 0.0


def clear_cache() -> None:
    """Forget cached bigrams (the bench measures parsing from cold)."""
    _bigrams.cache_clear()
