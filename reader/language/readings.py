"""The reading of a word: glossaries, pinned corrections, CC-CEDICT, its sub-words, pypinyin."""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path

from reader.language import user_terms
from reader.language.cedict import load_index
from reader.language.glossary import news_readings
from reader.language.tones import (
    ALL_HAN,
    is_han,
    marks_to_numbers,
    normalize_numbers,
    parse_reading,
)

MAX_WORD = 8
"""Longest sub-word tried when building a reading from CC-CEDICT pieces."""


def overrides_path() -> Path:
    """The pinned readings file (TSV: word, tone-number reading, why)."""
    return Path(str(resources.files("reader.language") / "data" / "reading_overrides.tsv"))


@lru_cache(maxsize=1)
def reading_overrides() -> dict[str, str]:
    """Corrections for words whose dictionary or pypinyin reading is wrong in news text."""
    out: dict[str, str] = {}
    for number, line in enumerate(overrides_path().read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("word\t"):
            continue
        cols = line.split("\t")
        if len(cols) < 2:
            raise ValueError(f"reading_overrides.tsv:{number}: expected word<TAB>reading")
        word, reading = cols[0].strip(), " ".join(parse_reading(cols[1]))
        if len(reading.split()) != len(word):
            raise ValueError(f"reading_overrides.tsv:{number}: {reading!r} does not fit {word}")
        out[word] = reading
    return out


_READING = re.compile(r"[a-zü]+[1-5](?: [a-zü]+[1-5])*")


def _fits(word: str, reading: str) -> bool:
    """True when a reading has one syllable per character and no placeholder syllables."""
    return reading.count(" ") == len(word) - 1 and _READING.fullmatch(reading) is not None


def dictionary_reading(word: str) -> str | None:
    """CC-CEDICT's reading of an all-Han word when it has exactly one, else None."""
    reading = load_index().single_reading(word)
    if reading is None:
        return None
    if "u:" in reading:
        reading = reading.replace("u:", "ü")
    return reading if _fits(word, reading) else None


@lru_cache(maxsize=1)
def _char_table() -> dict[int, str]:
    """pypinyin's per-character readings (`de,dí,dì`), the most common reading first."""
    from pypinyin.pinyin_dict import pinyin_dict

    return pinyin_dict


@lru_cache(maxsize=1)
def _phrase_table() -> dict[str, list[list[str]]]:
    """pypinyin's phrase readings (`{"东西": [["dōng"], ["xī"]]}`)."""
    from pypinyin.phrases_dict import phrases_dict

    return phrases_dict


def pypinyin_table_reading(run: str) -> list[str]:
    """pypinyin's reading of a Han run from its own tables, without a pypinyin call.

    Does what pypinyin does for one token: longest phrases of its phrase table first, then
    each remaining character's most common reading; ~30x cheaper than `lazy_pinyin`.
    """
    chars = _char_table()
    phrases = _phrase_table()
    out: list[str] = []
    i = 0
    while i < len(run):
        for j in range(min(len(run), i + MAX_WORD), i + 1, -1):
            phrase = phrases.get(run[i:j])
            if phrase is not None and len(phrase) == j - i:
                out.extend(marks_to_numbers(p[0]) for p in phrase)
                i = j
                break
        else:
            readings = chars.get(ord(run[i]))
            out.append(marks_to_numbers(readings.split(",", 1)[0]) if readings else "")
            i += 1
    return out


def _pypinyin(run: str) -> list[str]:
    """pypinyin's per-character reading of a run of Han characters (a jieba token or part)."""
    from pypinyin import Style, lazy_pinyin

    out = lazy_pinyin(run, style=Style.TONE3, neutral_tone_with_five=True, v_to_u=True,
                      errors=lambda chars: ["" for _ in chars])
    if len(out) != len(run):  # pragma: no cover - pypinyin keeps one item per Han character
        return [""] * len(run)
    return [normalize_numbers(s) for s in out]


def _sure_char(ch: str) -> str | None:
    """The reading of a character that has only one (CC-CEDICT or pypinyin's table)."""
    known = _known(ch)
    if known:
        return known
    readings = _char_table().get(ord(ch))
    if readings and "," not in readings:
        return marks_to_numbers(readings)
    return None


def pypinyin_reading(word: str) -> str:
    """pypinyin's reading of an all-Han word, fed as one token (for the disagreement audit)."""
    return " ".join(_pypinyin(word))


_sure: dict[str, str] = {}
_sure_generation = -1


def _sure_readings() -> dict[str, str]:
    """User, news-glossary and pinned readings merged (user first), rebuilt on user edits."""
    global _sure, _sure_generation
    generation = user_terms.user_generation()
    if generation != _sure_generation:
        merged = {**news_readings(), **reading_overrides()}
        for word in user_terms.registered_terms():
            reading = user_terms.user_reading(word)
            if reading and _fits(word, reading):
                merged[word] = reading
        _sure, _sure_generation = merged, generation
    return _sure


def _known(word: str) -> str | None:
    """A sure reading for a whole all-Han word: user, news glossary, pinned, CC-CEDICT."""
    sure = (_sure if _sure_generation == user_terms._generation else _sure_readings())
    return sure.get(word) or dictionary_reading(word)


def _han_run_reading(run: str) -> list[str]:
    """Reading of an all-Han run: whole word, else longest known sub-words, else pypinyin."""
    whole = _known(run)
    if whole:
        return whole.split()
    out: list[str] = [""] * len(run)
    missing = False
    i = 0
    while i < len(run):
        for j in range(min(len(run), i + MAX_WORD), i + 1, -1):
            piece = _known(run[i:j]) if j - i < len(run) else None
            if piece:
                out[i:j] = piece.split()
                i = j
                break
        else:
            sure = _sure_char(run[i])
            if sure:
                out[i] = sure
            else:
                missing = True
            i += 1
    if missing:
        # pypinyin's tables see the whole run, so its phrases still pick the reading in context.
        fallback = pypinyin_table_reading(run)
        out = [o or f for o, f in zip(out, fallback, strict=True)]
    return out


_lock = threading.Lock()
_memo: dict[str, tuple[str, ...]] = {}
_memo_generation = -1


def word_reading(word: str) -> tuple[str, ...]:
    """One tone-number syllable per character of `word` (`""` for non-Han characters)."""
    global _memo_generation
    if _memo_generation != user_terms.user_generation():
        with _lock:
            _memo.clear()
            _memo_generation = user_terms.user_generation()
    cached = _memo.get(word)
    if cached is not None:
        return cached
    if ALL_HAN.fullmatch(word):
        result = _memo[word] = tuple(_han_run_reading(word))
        return result
    out: list[str] = []
    run_start = -1
    for i, ch in enumerate(word + " "):
        if i < len(word) and is_han(ch):
            if run_start < 0:
                run_start = i
            continue
        if run_start >= 0:
            out.extend(_han_run_reading(word[run_start:i]))
            run_start = -1
        if i < len(word):
            out.append("")
    result = tuple(out)
    _memo[word] = result
    return result


def clear_memo() -> None:
    """Forget memoised readings (the benchmark uses it to time fresh text honestly)."""
    with _lock:
        _memo.clear()
