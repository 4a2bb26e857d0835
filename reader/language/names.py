"""Person names: jieba's `nr` tags, and the shape of a surname plus a given name."""

from __future__ import annotations

from functools import lru_cache

from reader.language.cedict import load_index
from reader.language.tones import is_han

NAME_TAGS = frozenset({"nr", "nrfg", "nrt"})
"""jieba part-of-speech tags for person names."""


@lru_cache(maxsize=4096)
def is_surname(ch: str) -> bool:
    """True when CC-CEDICT lists `ch` as a surname (`surname Cao`)."""
    return any(d.startswith("surname ") for e in load_index().entries(ch) for d in e.definitions)


def looks_like_name(word: str) -> bool:
    """A 2-3 character all-Han word starting with a common surname.

    Only called for words no dictionary knows and jieba found by its HMM, where names are
    what such words most often are in news (bylines, interviewees).
    """
    if not 2 <= len(word) <= 3 or not all(is_han(ch) for ch in word):
        return False
    return is_surname(word[0]) or (len(word) == 3 and word[:2] in load_index() and
                                   is_surname(word[:2]))
