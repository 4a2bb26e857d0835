"""Disk cache of segmented texts, keyed by the text's hash, so re-opening needs no jieba.

Each entry is one small columnar record (token lengths, readings, tags, HSK levels) packed
with marshal and zlib behind a magic, a format version and a CRC-32: an entry that is damaged
or of another format is ignored and made again.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import struct
import zlib
from functools import lru_cache
from pathlib import Path

from reader.language import user_terms
from reader.language.cedict import INDEX_VERSION
from reader.language.glossary import glossary_stamp
from reader.language.model import Token
from reader.language.readings import overrides_path
from reader.language.tones import syllable
from reader.paths import cache_dir

SEGMENTER_VERSION = 5
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


MAGIC = b"DBTK"
FORMAT_VERSION = 1
"""Bump when the record layout changes; records of another version are made again."""
_HEADER = struct.Struct("<4sBI")
_NONE = "\x00"
"""Stands for "no readings" (a non-Han token) in the readings column."""


def _path(key: str) -> Path:
    return cache_dir() / "tokens" / key[:2] / f"{key}.tok"


def encode(tokens: list[Token]) -> bytes:
    """One record: columns of lengths, readings, tags and HSK levels, compressed, checked."""
    lengths = [t.end - t.start for t in tokens]
    readings = "\x1e".join(
        "\x1f".join(s.numbers for s in t.syllables) if t.syllables else _NONE for t in tokens)
    tags = "\x1e".join(t.pos for t in tokens)
    levels = bytes(min(t.hsk or 0, 255) for t in tokens)
    payload = zlib.compress(marshal.dumps((lengths, readings, tags, levels)), 6)
    return _HEADER.pack(MAGIC, FORMAT_VERSION, zlib.crc32(payload)) + payload


def decode(data: bytes, text: str) -> list[Token] | None:
    """Tokens of `text` from a record, or None when it is damaged or does not fit the text."""
    if len(data) < _HEADER.size:
        return None
    magic, version, crc = _HEADER.unpack_from(data)
    payload = data[_HEADER.size:]
    if magic != MAGIC or version != FORMAT_VERSION or zlib.crc32(payload) != crc:
        return None
    try:
        lengths, readings, tags, levels = marshal.loads(zlib.decompress(payload))
        reading_list = readings.split("\x1e") if lengths else []
        tag_list = tags.split("\x1e") if lengths else []
        if not (len(lengths) == len(reading_list) == len(tag_list) == len(levels)):
            return None
        tokens: list[Token] = []
        pos = 0
        for n, r, tag, hsk in zip(lengths, reading_list, tag_list, levels, strict=True):
            if n <= 0:
                return None
            word = text[pos:pos + n]
            syllables = (tuple(syllable(ch, x) for ch, x in
                               zip(word, r.split("\x1f"), strict=True))
                         if r != _NONE else ())
            tokens.append(Token.build(word, pos, pos + n, syllables, tag, hsk or None))
            pos += n
    except (ValueError, TypeError, EOFError, zlib.error):
        return None
    return tokens if pos == len(text) else None


def read_tokens(key: str, text: str) -> list[Token] | None:
    """Cached tokens for `text`, or None when absent, damaged or not matching the text."""
    from reader.corpus.decode import read_limited

    try:
        # read_limited: a FIFO or device in the cache is refused, never waited on.
        data = read_limited(_path(key), 64 << 20)
    except OSError:
        return None
    return decode(data, text)


def write_tokens(key: str, tokens: list[Token]) -> None:
    """Store tokens; a cache that cannot be written only costs speed next time."""
    path = _path(key)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(encode(tokens))
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
