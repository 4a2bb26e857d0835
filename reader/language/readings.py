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


def _sure_char(ch: str, alone: bool = True) -> str | None:
    """The reading of a character that has only one (CC-CEDICT or pypinyin's table)."""
    known = _known_source(ch, whole=alone)
    if known:
        return known[0]
    readings = _char_table().get(ord(ch))
    if readings and "," not in readings:
        return marks_to_numbers(readings)
    return None


def pypinyin_reading(word: str) -> str:
    """pypinyin's reading of an all-Han word, fed as one token (for the disagreement audit)."""
    return " ".join(_pypinyin(word))


_sure: dict[str, tuple[str, str]] = {}
_sure_generation = -1


def _sure_readings() -> dict[str, tuple[str, str]]:
    """User, news-glossary and pinned readings with their source, rebuilt on user edits."""
    global _sure, _sure_generation
    generation = user_terms.user_generation()
    if generation != _sure_generation:
        merged = {w: (r, NEWS) for w, r in news_readings().items()}
        merged.update((w, (r, PINNED)) for w, r in reading_overrides().items())
        for word in user_terms.registered_terms():
            reading = user_terms.user_reading(word)
            if reading and _fits(word, reading):
                merged[word] = (reading, USER)
        _sure, _sure_generation = merged, generation
    return _sure


USER, NEWS, PINNED, DICTIONARY, SUBWORD, SINGLE, AMBIGUOUS, FALLBACK = (
    "user", "news glossary", "pinned", "dictionary", "dictionary (part)", "one reading",
    "dictionary (several readings)", "pypinyin")
"""Where a character's reading came from; the last two are what the context model may revise."""

OPEN_SOURCES = frozenset({AMBIGUOUS, FALLBACK})
"""Sources the context model may override (the dictionary could not decide)."""

WORD_START = "rule (start of a word)"
_WORD_INITIAL = {"率": "shuai4", "劲": "jing4"}
"""Readings of characters that begin a word the dictionary does not know: 率 begins words as
"lead, frank" (率先 率领 率直, and jieba's 率团 率部), while the rate lǜ only ends them (效率
利率 就餐率); 劲 begins them as "strong" (劲敌 劲旅, and 劲歌 劲骑), while the noun jìn ends
them (使劲 干劲) or takes 头 and 儿, which the dictionary has."""


def _known_source(word: str, whole: bool = True) -> tuple[str, str] | None:
    """A sure reading and its source for an all-Han word: user, glossary, pinned, CC-CEDICT.

    With `whole=False` a pinned single character (长 cháng) is skipped: it is the reading of
    that character as a word, not inside a longer dictionary word (所长 is suǒzhǎng).
    """
    sure = (_sure if _sure_generation == user_terms._generation else _sure_readings())
    found = sure.get(word)
    if found is not None and (whole or found[1] != PINNED or len(word) > 1):
        return found
    reading = dictionary_reading(word)
    return (reading, DICTIONARY) if reading else None


def _known(word: str) -> str | None:
    """A sure reading for a whole all-Han word: user, news glossary, pinned, CC-CEDICT."""
    found = _known_source(word)
    return found[0] if found else None


Reading = tuple[tuple[str, ...], tuple[str, ...]]
"""One syllable per character and where each came from."""


def _han_run_reading(run: str) -> Reading:
    """Reading of an all-Han run: whole word, else longest known sub-words, else pypinyin."""
    whole = _known_source(run)
    if whole:
        return tuple(whole[0].split()), (whole[1],) * len(run)
    out: list[str] = [""] * len(run)
    # A word of its own with several readings (所长 suǒzhǎng / suǒcháng) is not a pinned
    # character plus a neighbour: the pin of 长 stays out of it.
    own_entry = len(run) > 1 and bool(load_index().readings(run))
    sources: list[str] = [FALLBACK] * len(run)
    missing = False
    i = 0
    while i < len(run):
        for j in range(min(len(run), i + MAX_WORD), i + 1, -1):
            piece = _known_source(run[i:j], whole=False) if j - i < len(run) else None
            if piece:
                out[i:j] = piece[0].split()
                part = SUBWORD if piece[1] == DICTIONARY else piece[1]
                sources[i:j] = [part] * (j - i)
                i = j
                break
        else:
            sure = _sure_char(run[i], alone=not own_entry)
            if sure:
                out[i] = sure
                sources[i] = SINGLE
            else:
                missing = True
            i += 1
    if missing:
        # pypinyin's tables see the whole run, so its phrases still pick the reading in context.
        fallback = pypinyin_table_reading(run)
        out = [o or f for o, f in zip(out, fallback, strict=True)]
        if len(run) > 1 and sources[0] == FALLBACK and run[0] in _WORD_INITIAL:
            out[0], sources[0] = _WORD_INITIAL[run[0]], WORD_START
    if len(run) > 1 and all(s == FALLBACK for s in sources) and \
            len(load_index().readings(run)) > 1:
        sources = [AMBIGUOUS] * len(run)
    return tuple(out), tuple(sources)


_lock = threading.Lock()
_memo: dict[str, Reading] = {}
_memo_generation = -1


def word_reading(word: str) -> tuple[str, ...]:
    """One tone-number syllable per character of `word` (`""` for non-Han characters)."""
    return word_reading_sources(word)[0]


def word_reading_sources(word: str) -> Reading:
    """`word_reading` and, per character, where its reading came from (`""` for non-Han)."""
    global _memo_generation
    if _memo_generation != user_terms.user_generation():
        with _lock:
            _memo.clear()
            _memo_generation = user_terms.user_generation()
    cached = _memo.get(word)
    if cached is not None:
        return cached
    if ALL_HAN.fullmatch(word):
        result = _memo[word] = _han_run_reading(word)
        return result
    out: list[str] = []
    sources: list[str] = []
    run_start = -1
    for i, ch in enumerate(word + " "):
        if i < len(word) and is_han(ch):
            if run_start < 0:
                run_start = i
            continue
        if run_start >= 0:
            reading, source = _han_run_reading(word[run_start:i])
            out.extend(reading)
            sources.extend(source)
            run_start = -1
        if i < len(word):
            out.append("")
            sources.append("")
    result = (tuple(out), tuple(sources))
    _memo[word] = result
    return result


def clear_memo() -> None:
    """Forget memoised readings (the benchmark uses it to time fresh text honestly)."""
    with _lock:
        _memo.clear()
