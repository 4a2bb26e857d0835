"""Pinyin spelling: tone numbers to tone marks and back, toneless search keys."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from reader.language.model import Syllable

# Combining accents for tones 1-4; the fifth (neutral) tone has no mark.
_ACCENTS = {1: "\u0304", 2: "\u0301", 3: "\u030c", 4: "\u0300"}
_TONE_OF_ACCENT = {v: k for k, v in _ACCENTS.items()}
_SYLLABLE = re.compile(r"^([a-zü]+?)([1-5])?$")
_VOWELS = "aeiouü"


_HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN = re.compile(f"[{_HAN_CLASS}]")
"""Matches one CJK ideograph; `HAN.search(s)` asks whether `s` has any."""
ALL_HAN = re.compile(f"[{_HAN_CLASS}]+")
"""`ALL_HAN.fullmatch(s)` asks whether `s` is made only of ideographs."""


def is_han(ch: str) -> bool:
    """True for a CJK ideograph (basic block, extension A or compatibility)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


def normalize_numbers(syllable: str) -> str:
    """Lower-case a tone-number syllable and spell `u:`/`v` as `ü` (`Lu:4` -> `lü4`)."""
    s = syllable.lower().replace("u:", "ü")
    if "v" in s and not s.startswith("v"):
        s = s.replace("v", "ü")
    return s


@lru_cache(maxsize=4096)
def numbers_to_marks(syllable: str) -> str:
    """Turn `chang2` into `cháng`; neutral `de5` (or no digit) gives `de`."""
    s = normalize_numbers(syllable)
    m = _SYLLABLE.match(s)
    if not m:
        return s
    body, digit = m.group(1), m.group(2)
    tone = int(digit) if digit else 5
    if tone == 5:
        return body
    # The standard placement: a or e takes the mark, then the o of "ou", else the last vowel.
    if "a" in body:
        pos = body.index("a")
    elif "e" in body:
        pos = body.index("e")
    elif "ou" in body:
        pos = body.index("o")
    else:
        vowels = [i for i, ch in enumerate(body) if ch in _VOWELS]
        if vowels:
            pos = vowels[-1]
        elif body in ("m", "n", "ng", "hm", "hng"):
            pos = body.index("n") if "n" in body else body.index("m")
        else:
            return body
    marked = body[: pos + 1] + _ACCENTS[tone] + body[pos + 1 :]
    return unicodedata.normalize("NFC", marked)


@lru_cache(maxsize=4096)
def marks_to_numbers(syllable: str) -> str:
    """Turn `cháng` into `chang2`; a syllable without a mark is neutral (`de` -> `de5`)."""
    if syllable and syllable[-1].isdigit():
        return normalize_numbers(syllable)
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    tone = 5
    kept = []
    for ch in decomposed:
        if ch in _TONE_OF_ACCENT:
            tone = _TONE_OF_ACCENT[ch]
        else:
            kept.append(ch)
    return normalize_numbers(unicodedata.normalize("NFC", "".join(kept))) + str(tone)


def tone_of(numbers: str) -> int:
    """The tone (1-5) of a tone-number syllable, 0 when it has no reading."""
    if not numbers:
        return 0
    last = numbers[-1]
    return int(last) if last in "12345" else 5


@lru_cache(maxsize=16384)
def syllable(char: str, numbers: str) -> Syllable:
    """The (shared, immutable) Syllable for a character read as `numbers` (`""`: no reading)."""
    if not numbers:
        return Syllable(char, "", "", 0)
    return Syllable(char, numbers_to_marks(numbers), numbers, tone_of(numbers))


def numbers_to_marks_text(reading: str) -> str:
    """Convert a space-separated tone-number reading (`fei1 yi2`) to marks (`fēi yí`)."""
    return " ".join(numbers_to_marks(s) for s in reading.split())


def parse_reading(text: str) -> list[str]:
    """Split user pinyin (`fēi yí`, `fei1 yi2`, `fei1yi2`) into tone-number syllables."""
    text = text.strip().lower()
    if not text:
        return []
    text = unicodedata.normalize("NFC", text)
    parts = re.findall(r"[a-zü:\u0300-\u030c\u00c0-\u01dc]+[1-5]?", text)
    return [marks_to_numbers(p) for p in parts]


def toneless(s: str) -> str:
    """Pinyin without tones, spaces or apostrophes, lower-cased, ü as v: `kuà jìng` -> `kuajing`."""
    decomposed = unicodedata.normalize("NFD", s.lower())
    out = []
    for ch in decomposed:
        if ch in _TONE_OF_ACCENT or ch.isdigit() or ch in " '’-:":
            continue
        out.append(ch)
    # ü decomposes to u + combining diaeresis; type it the way input methods do, as v.
    return "".join(out).replace("u\u0308", "v").replace("ü", "v")


_CEDICT_REF = re.compile(
    r"([^\s|\[\],;():]+)(?:\|([^\s|\[\],;():]+))?\[([A-Za-z:]+[1-5](?: [A-Za-z:]+[1-5])*)\]"
)


def readable_definition(text: str) -> str:
    """CC-CEDICT cross-references in a definition made readable: `寶|宝[bao3]` -> `宝 (寶) bǎo`."""

    def repl(m: re.Match[str]) -> str:
        trad, simp, reading = m.group(1), m.group(2), m.group(3)
        forms = f"{simp} ({trad})" if simp and simp != trad else (simp or trad)
        from reader.language.spelling import join_syllables

        marks = join_syllables(numbers_to_marks(s) for s in reading.replace("u:", "ü").split())
        return f"{forms} {marks[:1].upper() + marks[1:] if reading[:1].isupper() else marks}"

    return _CEDICT_REF.sub(repl, text)


def _compact_marks(text: str) -> str:
    """Pinyin as lower-case tone marks without spaces or apostrophes (`xiang1 gang3`, `Xiāng
    gǎng` -> `xiānggǎng`); a syllable typed with a tone number gets its mark."""
    text = unicodedata.normalize("NFC", text.lower())
    out, cur = "", ""
    for ch in text:
        if ch.isdigit():
            out += numbers_to_marks(cur + ch) if cur else ""
            cur = ""
        elif ch in " '’-":
            out, cur = out + cur, ""
        else:
            cur += ch
    return (out + cur).replace("v", "ü")


def pinyin_matches(pinyin: str, query: str) -> bool:
    """True when typed pinyin is found in a word's pinyin, as the full-text search reads it:
    toneless and spaceless (`xianggang`, `xiang gang`) match any tones; tone marks or numbers
    (`xiāng`, `xiang1gang3`) match those tones."""
    bare = toneless(query.replace("ü", "v"))
    if not bare or bare not in toneless(pinyin):
        return False
    if not any(ch.isdigit() or ch in _TONE_OF_ACCENT for ch in unicodedata.normalize(
            "NFD", query)):
        return True
    return _compact_marks(query) in _compact_marks(pinyin)
