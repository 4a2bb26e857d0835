"""Pinyin spelled by GB/T 16159: a word's syllables written together, proper nouns capitalised.

The one formatter for pinyin shown to people (lookup titles, dictionary entries, exports, the
CLI). Tone-number data (`Token.pinyin_numbers`, `--json` rows) stays one syllable per character.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from reader.language.model import Syllable, Token

PROPER_TAGS = frozenset({"nr", "nrfg", "nrt", "ns", "nt", "nz"})
"""jieba tags of proper nouns: person, place, organisation and other names."""
PERSON_TAGS = frozenset({"nr", "nrfg", "nrt"})
PROPER_KINDS = frozenset({"place", "institution"})
"""Glossary kinds that name something (a proper noun, capitalised)."""

COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 夏侯 轩辕 令狐 宇文 司徒 端木 独孤 南宫 "
    "西门 闻人 澹台 赫连 呼延 申屠 万俟 钟离 百里 东郭 拓跋".split())


def _starts_with_vowel(syllable: str) -> bool:
    """True for a syllable beginning with a, o or e (tone marks ignored): it takes an apostrophe."""
    first = unicodedata.normalize("NFD", syllable[:1])[:1].lower()
    return first in ("a", "o", "e")


def join_syllables(marks: Iterable[str]) -> str:
    """Syllables written as one word, with the apostrophe GB/T 16159 puts before a, o, e."""
    out = ""
    for syl in marks:
        if not syl:
            continue
        out += ("'" if out and _starts_with_vowel(syl) else "") + syl
    return out


def capitalise(word: str) -> str:
    """The first letter upper-cased (`chángchūn` -> `Chángchūn`), tone marks kept."""
    return word[:1].upper() + word[1:]


def written_pinyin(text: str, marks: list[str], pos: str = "", proper: bool = False) -> str:
    """GB/T 16159 spelling of one word from its per-character tone-mark syllables.

    Person names split surname from given name (`Wáng Xiǎomíng`, `Ōuyáng Xiū`); other proper
    nouns (`pos` a place/organisation tag, or `proper`) are capitalised; other words are
    written together in lower case.
    """
    if len(marks) == len(text) and pos in PERSON_TAGS and 2 <= len(text) <= 4:
        cut = 2 if text[:2] in COMPOUND_SURNAMES and len(text) > 2 else 1
        surname, given = join_syllables(marks[:cut]), join_syllables(marks[cut:])
        return f"{capitalise(surname)} {capitalise(given)}"
    word = join_syllables(marks)
    return capitalise(word) if proper or pos in PROPER_TAGS else word


def syllables_pinyin(text: str, syllables: Iterable[Syllable], pos: str = "",
                     proper: bool = False) -> str:
    """`written_pinyin` of a word's Syllable objects."""
    return written_pinyin(text, [s.marks for s in syllables], pos, proper)


def token_pinyin(token: Token) -> str:
    """A token's pinyin as people read it: `Chángchūn`, `zhīháng`, `Wáng Xiǎomíng`."""
    return syllables_pinyin(token.text, token.syllables, token.pos)


_CLOSING = {"，": ",", "。": ".", "、": ",", "！": "!", "？": "?", "；": ";", "：": ":",
            "）": ")", "”": '"', "’": "'", "》": "》", "〉": "〉", "】": "]", "」": '"',
            "』": "'", "…": "...", "⋯": "...", ",": ",", ".": ".", "!": "!", "?": "?",
            ";": ";", ":": ":", ")": ")"}
"""Marks written against the word before them, as pinyin text writes them (GB/T 16159 §7:
the full stop is a dot, the enumeration comma may be a comma; the rest in their Western form)."""
_OPENING = {"（": "(", "“": '"', "‘": "'", "《": "《", "〈": "〈", "【": "[", "「": '"',
            "『": "'", "(": "("}
"""Marks written against the word after them."""
_SENTENCE_END = frozenset("。！？!?")


def _pieces(tokens: Iterable[Token]) -> list[tuple[str, str]]:
    """(kind, text) of each word and mark: kind is `word`, `open`, `close` or `end`."""
    out: list[tuple[str, str]] = []
    for token in tokens:
        if token.syllables:
            out.append(("word", token_pinyin(token)))
            continue
        for part in token.text.split():
            if not all(ch in _CLOSING or ch in _OPENING for ch in part):
                out.append(("word", part))
                continue
            for ch in part:
                if ch in _OPENING:
                    out.append(("open", _OPENING[ch]))
                elif out and out[-1][0] in ("close", "end") and _CLOSING[ch] == "..." \
                        and out[-1][1].endswith("..."):
                    continue  # ……: one ellipsis of three dots
                else:
                    out.append(("end" if ch in _SENTENCE_END else "close", _CLOSING[ch]))
    return out


def text_pinyin(tokens: Iterable[Token]) -> str:
    """The reading of some text as GB/T 16159 writes it: words separated by spaces, marks in
    their Western form against their word, and each sentence's first letter capitalised
    (`Jù liǎojiě, zhè shì Chángchūn.`); non-Han text is kept."""
    out = ""
    capital = True
    glue = True  # nothing yet, or an opening mark: the next word takes no space
    for kind, text in _pieces(tokens):
        if kind == "word":
            out += ("" if glue else " ") + (capitalise(text) if capital else text)
            capital = glue = False
        elif kind == "open":
            # A quotation after a colon is a sentence of its own: 他说：“好！” Tā shuō: "Hǎo!"
            capital = capital or (out.endswith(":") and text in ('"', "'"))
            out += ("" if glue else " ") + text
            glue = True
        else:
            out += text
            glue = False
            capital = capital or kind == "end"
    return out


def _written_parts(token: Token) -> list[tuple[int, str, int]]:
    """`token_pinyin` cut into (character index, piece, tone); separators (spaces and
    apostrophes) have index -1 and tone 0."""
    written = token_pinyin(token)
    parts: list[tuple[int, str, int]] = []
    pos = 0
    lower = written.lower()
    for k, syl in enumerate(token.syllables):
        if not syl.marks:
            continue
        found = lower.find(syl.marks, pos)
        if found < 0:  # pragma: no cover - the written form holds every syllable in order
            break
        if found > pos:
            parts.append((-1, written[pos:found], 0))
        parts.append((k, written[found:found + len(syl.marks)], syl.tone))
        pos = found + len(syl.marks)
    if pos < len(written):
        parts.append((-1, written[pos:], 0))
    return parts


def written_pieces(token: Token) -> list[tuple[str, int]]:
    """`token_pinyin` cut into pieces with the tone of each (0 for spaces and apostrophes), so
    that a UI can colour the tones of the one spelling (`[("Cháng", 2), ("chūn", 1)]`)."""
    return [(piece, tone) for _, piece, tone in _written_parts(token)]


def slice_pieces(token: Token, start: int, end: int) -> list[tuple[str, int]]:
    """`written_pieces` of the characters [start, end) of a token (a word cut at a line end):
    the same spelling, capitals included, with only the separators between kept syllables."""
    if (start, end) == (token.start, token.end):
        return written_pieces(token)
    if len(token.syllables) != len(token.text):
        return []
    lo, hi = start - token.start, end - token.start
    out: list[tuple[str, int]] = []
    gap: list[tuple[str, int]] = []
    for k, piece, tone in _written_parts(token):
        if k < 0:
            gap.append((piece, tone))
        elif lo <= k < hi:
            out += (gap if out else []) + [(piece, tone)]
            gap = []
        else:
            gap = []
    return out


@lru_cache(maxsize=16384)
def display_pinyin(word: str, pinyin: str, proper: bool | None = None,
                   person: bool | None = None) -> str:
    """Stored pinyin (`xiāng gǎng`, `fei1 yi2`, or already `Xiānggǎng`) as GB/T 16159 writes it.

    One syllable per character is grouped into one word with the apostrophe; `proper` and
    `person` (None: decided as the pop-up decides, by looking the word up) capitalise it.
    Pinyin that does not align with the characters is shown as stored: it is the user's.
    """
    from reader.language.tones import is_han, numbers_to_marks

    parts = pinyin.split()
    if not parts or not word or not all(is_han(ch) for ch in word):
        return pinyin
    if len(parts) != len(word):
        if len(parts) == 1 and proper:
            return capitalise(pinyin.strip())
        return pinyin.strip()
    marks = [numbers_to_marks(p) if p[-1:].isdigit() else p.lower() for p in parts]
    if proper is None or person is None:
        from reader.language.lookup import lookup

        found = lookup(word)
        person = found.name if person is None else person
        proper = (found.pinyin[:1].isupper() or parts[0][:1].isupper()) \
            if proper is None else proper
    return written_pinyin(word, marks, "nr" if person else "", proper)


def stored_spelling(word: str, pinyin: str) -> str:
    """`display_pinyin` without a lookup: only the stored pinyin's own capital counts.

    For the UI thread before a worker has spelled the word (a lookup may load the language
    layer there)."""
    return display_pinyin(word, pinyin, proper=pinyin[:1].isupper(), person=False)


def term_pinyin(word: str, pinyin: str, kind: str | None) -> str:
    """A glossary term's pinyin in GB/T 16159 form; its kind says whether it is a proper noun
    (no look-up: the glossary is part of what a look-up reads)."""
    return display_pinyin(word, pinyin, proper=kind in PROPER_KINDS, person=False)
