"""The token cache: compact records that read back exactly and are remade when damaged."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.corpus.library import load_library
from reader.language import segment, tokenize
from reader.language.token_cache import _path, cache_key, decode, encode


def seed_texts() -> list[str]:
    return [a.text for i in load_library(Path("/nonexistent")) for a in i.articles if a.text]


def test_records_read_back_exactly_and_are_smaller_than_twice_the_text():
    texts = seed_texts()
    record_bytes = text_bytes = 0
    for text in texts:
        tokens = segment(text)
        data = encode(tokens)
        assert decode(data, text) == tokens
        record_bytes += len(data)
        text_bytes += len(text.encode("utf-8"))
    assert record_bytes < 2 * text_bytes


@pytest.mark.parametrize("damage", ["flip", "truncate", "version", "empty", "other-text"])
def test_a_damaged_record_is_ignored_and_made_again(damage):
    text = max(seed_texts(), key=len)
    expected = tokenize(text)
    path = _path(cache_key(text))
    data = path.read_bytes()
    if damage == "flip":
        data = data[:20] + bytes([data[20] ^ 0xFF]) + data[21:]
    elif damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "version":
        data = data[:4] + bytes([data[4] + 1]) + data[5:]
    elif damage == "empty":
        data = b""
    else:
        data = encode(segment("完全不同的一句话。"))
    assert decode(data, text) is None
    path.write_bytes(data)
    assert tokenize(text) == expected
    assert decode(path.read_bytes(), text) == expected  # written again, whole
