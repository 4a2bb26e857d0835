"""Disk cache of segmented texts, keyed by the text's hash, so re-opening needs no jieba."""

from __future__ import annotations

import hashlib
import marshal
import os
from functools import lru_cache
from pathlib import Path

from reader.language import user_terms
from reader.language.cedict import INDEX_VERSION
from reader.language.glossary import glossary_stamp
from reader.language.model import Token
from reader.language.readings import overrides_path
from reader.language.tones import syllable
from reader.paths import cache_dir

SEGMENTER_VERSION = 3
"""Bump when segmentation or pinyin rules change so cached tokens are recomputed."""


@lru_cache(maxsize=1)
def _data_stamp() -> str:
    """The versions and bundled data files the cached tokens depend on."""
    overrides = hashlib.sha1(overrides_path().read_bytes()).hexdigest()[:12]
    return f"{SEGMENTER_VERSION}.{INDEX_VERSION}.{glossary_stamp()}.{overrides}"


def cache_key(text: str) -> str:
    """The cache key of `text` under the current data and user glossary."""
    h = hashlib.sha256(f"{_data_stamp()}|{user_terms.user_signature()}|".encode())
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _path(key: str) -> Path:
    return cache_dir() / "tokens" / key[:2] / f"{key}.marshal"


def read_tokens(key: str, text: str) -> list[Token] | None:
    """Cached tokens for `text`, or None when absent, damaged or not matching the text."""
    from reader.corpus.decode import read_limited

    try:
        # read_limited: a FIFO or device in the cache is refused, never waited on.
        rows = marshal.loads(read_limited(_path(key), 64 << 20))
    except (OSError, EOFError, ValueError, TypeError):
        return None
    tokens: list[Token] = []
    expected = 0
    try:
        for start, end, readings, pos, hsk in rows:
            if start != expected:
                return None
            word = text[start:end]
            syllables = (tuple(syllable(ch, r) for ch, r in
                               zip(word, readings.split("\x1f"), strict=True))
                         if readings is not None else ())
            tokens.append(Token.build(word, start, end, syllables, pos, hsk or None))
            expected = end
    except (ValueError, TypeError, AttributeError):  # rows of another shape: recompute
        return None
    return tokens if expected == len(text) else None


def write_tokens(key: str, tokens: list[Token]) -> None:
    """Store tokens; a cache that cannot be written only costs speed next time."""
    rows = [(t.start, t.end,
             "\x1f".join(s.numbers for s in t.syllables) if t.syllables else None,
             t.pos, t.hsk or 0) for t in tokens]
    path = _path(key)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(marshal.dumps(rows))
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
