"""Which running words count for difficulty: names, places and numbers are left out."""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache

from reader.language.cedict import load_index
from reader.language.hsk import hsk_level
from reader.language.model import Token
from reader.language.names import NAME_TAGS
from reader.language.quantities import chinese_number


class Kind(StrEnum):
    """What a running Han token is, for counting."""

    WORD = "word"
    NAME = "name"
    PLACE = "place"
    NUMBER = "number"


PLACE_TAGS = frozenset({"ns", "nsf"})
"""jieba part-of-speech tags for place names."""

NUMBER_TAGS = frozenset({"m", "mq"})
"""jieba tags for numerals and numeral-measure compounds."""

_PLACE_GLOSS = re.compile(
    r"\b(city|county|province|prefecture|district|town|township|village|river|mountain|lake|"
    r"region|autonomous|capital of)\b", re.IGNORECASE)
_DIGIT = re.compile(r"[0-9０-９]")


@lru_cache(maxsize=65536)
def _dictionary_kind(word: str) -> Kind | None:
    """What CC-CEDICT says: WORD when it has a common-noun entry (lower-case pinyin: jieba's
    tags call 养老 and 海关 names and places), PLACE for a proper noun glossed as a place
    (延吉: county-level city), NAME for one glossed with life years (`Xi Jinping (1953-)`)."""
    entries = load_index().entries(word)
    if not entries:
        return None
    if not all(e.pinyin[:1].isupper() for e in entries):
        return Kind.WORD
    first = entries[0].definitions[0] if entries[0].definitions else ""
    if _PLACE_GLOSS.search(first):
        return Kind.PLACE
    if re.search(r"\(\d{3,4}-", first):
        return Kind.NAME
    return None


def is_number(word: str, pos: str) -> bool:
    """Digits, numerals written in characters, or a numeral tag on a word HSK does not list."""
    if _DIGIT.search(word) or chinese_number(word) is not None:
        return True
    return pos in NUMBER_TAGS and hsk_level(word) is None


def word_kind(token: Token, names: frozenset[str] = frozenset()) -> Kind | None:
    """The kind of a token (None for punctuation, Latin and other non-Han tokens).

    `names` are person names known from elsewhere (the byline's, see `byline_names`). The
    dictionary outranks jieba's tags; the tags decide for words it lacks or lists only as
    proper nouns (珲春市, 张贺然, 中国).
    """
    if not token.is_han:
        return None
    word = token.text
    if word in names:
        return Kind.NAME
    if is_number(word, token.pos):
        return Kind.NUMBER
    by_dictionary = _dictionary_kind(word)
    if by_dictionary is not None:
        return by_dictionary
    if token.pos in PLACE_TAGS:
        return Kind.PLACE
    if token.pos in NAME_TAGS:
        return Kind.WORD if _compound(word) else Kind.NAME
    # Untagged words (glossary merges such as 惠企, 农文旅) stay words: guessing names from
    # their shape gets these wrong and would load jieba's tagger for cached tokens.
    return Kind.WORD


def _compound(word: str) -> bool:
    """A 3-character word jieba calls a name but that holds an HSK word (高水平, 幸福感)."""
    return len(word) == 3 and (hsk_level(word[:2]) is not None or hsk_level(word[1:]) is not None)
