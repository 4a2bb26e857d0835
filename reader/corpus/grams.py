"""Han character bigrams: the word overlap between headlines and bodies."""

from __future__ import annotations

import re

from reader.corpus.lines import HAN

_NOT_HAN = re.compile(f"[^{HAN}]")


def bigrams(text: str) -> set[str]:
    """Han character bigrams of text."""
    out: set[str] = set()
    for part in _NOT_HAN.sub(" ", text).split():
        out.update(part[i : i + 2] for i in range(len(part) - 1))
    return out


def overlap(line: str, body_grams: set[str]) -> float:
    """Share of the line's bigrams that occur in the body."""
    grams = bigrams(line)
    return len(grams & body_grams) / len(grams) if grams else 0.0
