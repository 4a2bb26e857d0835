"""Spoken tones of 一 and 不 (tone sandhi), for display; written pinyin keeps dictionary tones."""

from __future__ import annotations

from reader.language.model import Syllable, Token
from reader.language.tones import syllable

_NUMERALS = frozenset("〇零一二三四五六七八九十百千万亿两")
_COUNTED = frozenset("月日号点楼层届期")
"""After 一 these make it a number (一月, 一号), which keeps its first tone."""


def _flat(tokens: list[Token]) -> list[tuple[int, int, Syllable]]:
    """(token index, syllable index, syllable) of every Han syllable, in text order."""
    return [(i, k, s) for i, t in enumerate(tokens) for k, s in enumerate(t.syllables)
            if s.numbers]


def _adjacent(tokens: list[Token], a: tuple[int, int, Syllable],
              b: tuple[int, int, Syllable]) -> bool:
    """True when syllable b follows syllable a with nothing but Han text between them."""
    (ti, _, _), (tj, _, _) = a, b
    return ti == tj or (tj == ti + 1 and tokens[ti].end == tokens[tj].start)


def _spoken(tokens: list[Token], flat: list[tuple[int, int, Syllable]], n: int) -> str | None:
    """The spoken reading of syllable n when sandhi changes it, else None."""
    ti, k, syl = flat[n]
    if syl.numbers not in ("yi1", "bu4"):
        return None
    nxt = flat[n + 1] if n + 1 < len(flat) and _adjacent(tokens, flat[n], flat[n + 1]) else None
    prev = flat[n - 1] if n > 0 and _adjacent(tokens, flat[n - 1], flat[n]) else None
    if nxt is None:
        return None  # at the end of a phrase both keep their tone (统一。 不！)
    if prev is not None and prev[2].char == nxt[2].char and prev[2].char != syl.char:
        return syl.numbers[:-1] + "5"  # A一A, A不A: 看一看, 是不是
    if syl.numbers == "bu4":
        return "bu2" if nxt[2].tone == 4 else None
    if prev is not None and (prev[2].char in _NUMERALS or prev[2].char == "第"):
        return None  # 第一, 十一, 一一
    if nxt[2].char in _NUMERALS or nxt[2].char in _COUNTED:
        return None
    if k == len(tokens[ti].syllables) - 1 and len(tokens[ti].syllables) > 1:
        return None  # word-final 一 is the number: 统一, 唯一, 之一
    return "yi2" if nxt[2].tone == 4 else "yi4"


def spoken_tones(tokens: list[Token]) -> list[Token]:
    """`tokens` with 一 and 不 in their spoken tones (一个 yí gè, 一天 yì tiān, 不是 bú shì).

    Rules: 不 before a fourth tone is bú; 一 before a fourth tone is yí, before the other tones
    yì; both are neutral between a repeated word (看一看, 是不是). 一 keeps its first tone as a
    number (第一, 十一, 一月), at the end of a word or phrase (统一, 之一). Third-tone sandhi is
    not applied.
    """
    flat = _flat(tokens)
    changed: dict[int, dict[int, str]] = {}
    for n in range(len(flat)):
        spoken = _spoken(tokens, flat, n)
        if spoken is not None:
            changed.setdefault(flat[n][0], {})[flat[n][1]] = spoken
    out = list(tokens)
    for i, marks in changed.items():
        t = tokens[i]
        syllables = tuple(syllable(s.char, marks.get(k, s.numbers)) if s.numbers else s
                          for k, s in enumerate(t.syllables))
        out[i] = Token.build(t.text, t.start, t.end, syllables, t.pos, t.hsk)
    return out
