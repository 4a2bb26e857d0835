"""Han character bigrams: the word overlap between headlines and bodies."""

from __future__ import annotations

import re
from functools import lru_cache
from operator import add

from reader.corpus.lines import HAN

_NOT_HAN = re.compile(f"[^{HAN}]")


def bigrams(text: str) -> frozenset[str]:
    """Han character bigrams of text (cached: paragraphs are compared many times)."""
    return _bigrams(text)


@lru_cache(maxsize=8192)
def _bigrams(text: str) -> frozenset[str]:
    out: set[str] = set()
    for part in _NOT_HAN.sub(" ", text).split():
        out.update(map(add, part, part[1:]))
    return frozenset(out)


def overlap(line: str, body_grams: set[str] | frozenset[str]) -> float:
    """Share of the line's bigrams that occur in the body."""
    grams = bigrams(line)
    return len(grams & body_grams) / len(grams) if grams else 0.0
