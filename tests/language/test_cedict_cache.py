"""The CC-CEDICT index cache: a checksum and a schema version; damage means a rebuild."""

from __future__ import annotations

import marshal
import os
import random
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from reader.language.cedict import (
    _MAGIC,
    INDEX_VERSION,
    _stamp,
    build_index_file,
    cedict_path,
    index_file,
    read_index_file,
)

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of a freshly built cache file."""
    path = tmp_path_factory.mktemp("cedict") / "cedict.marshal"
    build_index_file(path, cedict_path())
    return path.read_bytes()


def framed(payload: bytes, version: int = INDEX_VERSION) -> bytes:
    """A cache file around `payload` with a correct checksum."""
    return _MAGIC + struct.pack(">II", version, zlib.crc32(payload)) + payload


@pytest.mark.parametrize("seed", range(6))
def test_a_flipped_bit_is_detected(tmp_path, good, seed):
    rng = random.Random(seed)
    data = bytearray(good)
    spot = rng.randrange(len(_MAGIC) + 8, len(data))
    data[spot] ^= 1 << rng.randrange(8)
    path = tmp_path / "c.marshal"
    path.write_bytes(bytes(data))
    assert read_index_file(path, cedict_path()) is None
    path.write_bytes(good)
    assert read_index_file(path, cedict_path()) is not None


@pytest.mark.parametrize("content", [
    {"e": 1, "t": 2},
    {"t": {}},
    {"e": {"测试": 5}, "t": {}},
    [1, 2, 3],
], ids=["ints", "no-entries", "entry-not-text", "a-list"])
def test_a_valid_file_of_the_wrong_shape_is_not_used(tmp_path, content):
    if isinstance(content, dict):
        content = {"stamp": _stamp(cedict_path()), **content}
    path = tmp_path / "c.marshal"
    path.write_bytes(framed(marshal.dumps(content)))
    assert read_index_file(path, cedict_path()) is None


def test_another_schema_version_is_not_used(tmp_path, good):
    path = tmp_path / "c.marshal"
    path.write_bytes(framed(good[len(_MAGIC) + 8:], version=INDEX_VERSION + 1))
    assert read_index_file(path, cedict_path()) is None


def test_a_fifo_is_not_read(tmp_path):
    fifo = tmp_path / "c.marshal"
    os.mkfifo(fifo)
    assert read_index_file(fifo, cedict_path()) is None  # returns at once, no writer needed


def test_cli_rebuilds_a_damaged_cache_and_keeps_jieba_under_reader_cache(tmp_path, good):
    cache = tmp_path / "cache"
    cache.mkdir()
    env = {**os.environ, "READER_CACHE": str(cache), "PYTHONPATH": str(REPO),
           "TMPDIR": str(tmp_path / "tmp")}
    (tmp_path / "tmp").mkdir()
    target = cache / index_file().name
    target.write_bytes(framed(marshal.dumps({"stamp": _stamp(cedict_path()), "e": 1, "t": 2})))
    for _ in range(2):
        out = subprocess.run([sys.executable, "-m", "reader", "lookup", "--json", "测试"],
                             cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        assert "test" in out.stdout
    assert target.read_bytes() != b"" and read_index_file(target, cedict_path()) is not None
    segmented = subprocess.run([sys.executable, "-m", "reader", "segment", "测试一下"],
                               cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert segmented.returncode == 0, segmented.stderr
    assert list(cache.glob("jieba*.cache")), "jieba's cache belongs under READER_CACHE"
    assert not list((tmp_path / "tmp").glob("jieba*"))
