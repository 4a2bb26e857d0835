"""The news glossary: policy and regional-news terms CC-CEDICT lacks, read from a data file."""

from __future__ import annotations

import hashlib
import threading
from importlib import resources
from pathlib import Path

from reader.language.model import Entry
from reader.language.spelling import term_pinyin
from reader.language.tones import is_han, numbers_to_marks_text, parse_reading

KINDS = ("policy slogan", "institution", "place", "programme", "abbreviation", "term")
"""Allowed values of the `kind` column; `term` is a news word that fits none of the others."""

_lock = threading.Lock()
_cache: tuple[dict[str, Entry], dict[str, str]] | None = None


def glossary_path() -> Path:
    """The bundled news glossary (TSV: term, pinyin with tone numbers, kind, English)."""
    return Path(str(resources.files("reader.language") / "data" / "news_glossary.tsv"))


def parse_glossary(text: str, origin: str = "news_glossary.tsv") -> tuple[dict[str, Entry],
                                                                          dict[str, str]]:
    """Parse glossary TSV into entries and tone-number readings; ValueError names the line."""
    entries: dict[str, Entry] = {}
    readings: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("term\t"):
            continue
        cols = line.split("\t")
        if len(cols) != 4 or not all(c.strip() for c in cols):
            raise ValueError(f"{origin}:{number}: expected 4 tab-separated columns")
        term, pinyin, kind, english = (c.strip() for c in cols)
        if kind not in KINDS:
            raise ValueError(f"{origin}:{number}: unknown kind {kind!r}")
        syllables = parse_reading(pinyin)
        han = sum(1 for ch in term if is_han(ch))
        if len(syllables) != han or " ".join(syllables) != pinyin.lower():
            raise ValueError(f"{origin}:{number}: pinyin {pinyin!r} does not fit {term!r}")
        if term in entries:
            raise ValueError(f"{origin}:{number}: {term} is listed twice")
        entries[term] = Entry("news", term, term,
                              term_pinyin(term, numbers_to_marks_text(pinyin), kind),
                              tuple(d.strip() for d in english.split(";")), kind=kind)
        readings[term] = " ".join(syllables)
    return entries, readings


def _load() -> tuple[dict[str, Entry], dict[str, str]]:
    global _cache
    if _cache is None:
        with _lock:
            if _cache is None:
                _cache = parse_glossary(glossary_path().read_text(encoding="utf-8"))
    return _cache


def news_entries() -> dict[str, Entry]:
    """Every news glossary entry by term."""
    return _load()[0]


def news_readings() -> dict[str, str]:
    """The tone-number reading of every news glossary term."""
    return _load()[1]


def glossary_stamp() -> str:
    """A short hash of the glossary file, so cached segmentations follow its edits."""
    return hashlib.sha1(glossary_path().read_bytes()).hexdigest()[:12]
