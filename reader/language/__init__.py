"""Segmentation, pinyin, dictionary and glossaries; no UI code here.

The public API the UI, the notes store and the CLI use is re-exported here.
"""

from __future__ import annotations

from reader.language.gc_pause import paused_gc
from reader.language.lookup import is_explained, lookup
from reader.language.model import Component, Entry, LookupResult, Syllable, Token, UserTerm
from reader.language.segmenter import segment, warm_up
from reader.language.sentences import sentence_at
from reader.language.token_cache import cache_key, read_tokens, write_tokens
from reader.language.tones import toneless
from reader.language.user_terms import (
    MemoryUserTerms,
    UserTermSource,
    UserTermStore,
    make_term,
    set_user_terms,
)


def tokenize(text: str, *, use_cache: bool = True) -> list[Token]:
    """Tokens of `text` with pinyin, tags and HSK levels; offsets index into `text`.

    With `use_cache`, a text segmented before (same text, data and user glossary) is read from
    the disk cache without loading jieba; otherwise it is segmented and stored.
    """
    if not text:
        return []
    with paused_gc():  # a big page makes hundreds of thousands of tokens: see gc_pause
        if not use_cache:
            return segment(text)
        key = cache_key(text)
        cached = read_tokens(key, text)
        if cached is not None:
            return cached
        tokens = segment(text)
        write_tokens(key, tokens)
        return tokens


def token_toneless(token: Token) -> str:
    """A token's reading without tones or spaces (`kuajing`), for pinyin search."""
    return token.toneless


__all__ = [
    "Component", "Entry", "LookupResult", "MemoryUserTerms", "Syllable", "Token",
    "UserTerm", "UserTermSource", "UserTermStore", "is_explained", "lookup", "make_term",
    "sentence_at", "set_user_terms", "token_toneless", "tokenize", "toneless", "warm_up",
]
