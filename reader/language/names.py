"""Person names: jieba's `nr` tags, and the shape of a surname plus a given name."""

from __future__ import annotations

import math
from functools import lru_cache

from reader.language.cedict import load_index
from reader.language.tones import is_han

NAME_TAGS = frozenset({"nr", "nrfg", "nrt"})
"""jieba part-of-speech tags for person names."""


@lru_cache(maxsize=4096)
def is_surname(ch: str) -> bool:
    """True when CC-CEDICT lists `ch` as a surname (`surname Cao`)."""
    return any(d.startswith("surname ") for e in load_index().entries(ch) for d in e.definitions)


SURNAME_FLOOR = -7.7
"""Lowest log-probability, in jieba's name model, of a character starting a name (裴 is -7.6;
the characters that start junk words, 三 中 区 港, score lower or not at all)."""


_PARTICLES = frozenset("的了着过得地而之乎也吗呢吧啊")
"""Particles and conjunctions, which end no given name (干得多, 严而又严)."""


def _name_model() -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """jieba's emission tables for the first, middle and last character of a person name."""
    from jieba.posseg import emit_P

    return emit_P[("B", "nr")], emit_P[("M", "nr")], emit_P[("E", "nr")]


def looks_like_name(word: str) -> bool:
    """A 2-3 character all-Han word that starts with a common surname and ends like a name.

    Used for words jieba's dictionary does not know (its HMM found them), where names are
    what such words most often are in news (bylines, interviewees).
    """
    if not 2 <= len(word) <= 3 or not all(is_han(ch) for ch in word):
        return False
    if not is_surname(word[0]) or word[-1] in _PARTICLES:
        return False
    first, middle, last = _name_model()
    if first.get(word[0], -99.0) <= SURNAME_FLOOR or word[-1] not in last:
        return False
    if len(word) == 2:
        return _name_odds(word, first, last) >= NAME_ODDS
    return word[1] in middle


NAME_ODDS = 1.5
"""Least log-odds for a two-character word to be read as a name rather than as two words.
Checked on CPP dev's Wikipedia text (not the bundled pages): below 1.5 the surname-shaped pairs
jieba's HMM makes are almost all two words (曾到, 时有, 后仅, 车少); above it names dominate."""


def _name_odds(word: str, first: dict[str, float], last: dict[str, float]) -> float:
    """log P(surname, given name) in jieba's name model over log P(two words) in its unigram
    model: how much better a two-character word reads as a name (车来 1.0, 王辉 9.4).

    Without jieba's frequencies loaded (a lookup before any segmentation) the shape decides."""
    import jieba

    freq, total = jieba.dt.FREQ, jieba.dt.total
    if not freq:
        return NAME_ODDS

    def word_log(ch: str) -> float:
        count = freq.get(ch, 0)
        return math.log(count / total) if count else _UNSEEN

    return first.get(word[0], -99.0) + last.get(word[1], -99.0) - \
        word_log(word[0]) - word_log(word[1])


_UNSEEN = -25.0
"""log-probability given a character jieba has never seen as a word."""


def cedict_person(pinyin: str) -> bool:
    """True for CC-CEDICT's reading of a Chinese person's name, which capitalises the surname
    and the given name (`Xi2 Jin4 ping2`, `Zhu1 ge3 Liang4`); places, organisations and
    foreign or one-part names have one capital (`Yan2 ji2`, `Xuan1 chuan2 bu4`, `Ao4 ba1 ma3`)."""
    syllables = pinyin.split()
    return len(syllables) >= 2 and syllables[0][:1].isupper() and \
        any(s[:1].isupper() for s in syllables[1:])


_PROPER = NAME_TAGS | {"ns", "nt", "nz"}
_ABSTRACT_ENDS = frozenset("化度式性感型")
"""Suffixes of abstract nouns and of adjectives made from nouns (-ization, -degree, -style,
-ness, -sense, -type): jieba tags such words of its own as places or names (满意度 ns)."""


def checked_tag(word: str, tag: str) -> str:
    """jieba's tag of `word`, a person tag kept only when the word can be a person's name.

    jieba's dictionary tags many ordinary words and places as names (高水平, 智能化, 温泉,
    延吉). A tagged word CC-CEDICT knows is a person when one of its readings writes a person's
    name, an ordinary word when it has a lower-case reading, else another proper noun (`nz`,
    one capitalised word: Yánjí); an unknown word needs the shape of a name. A lone character
    keeps the tag only when it is a surname, for its neighbours to decide (薛阿姨). No proper
    noun CC-CEDICT lacks ends in an abstract noun's suffix (法治化, 满意度, 嵌入式, 幸福感).
    """
    if tag in _PROPER and len(word) >= 3 and word[-1] in _ABSTRACT_ENDS and \
            word not in load_index():
        return "n"
    if tag not in NAME_TAGS:
        return tag
    if len(word) < 2:
        return tag if is_surname(word) else "n"
    readings = [e.pinyin for e in load_index().entries(word)]
    if not readings:
        return tag if looks_like_name(word) else "n"
    if any(cedict_person(r) for r in readings):
        return tag
    return "n" if any(r[:1].islower() for r in readings) else "nz"


_BYLINE_ROLES = ("融媒体中心", "见习记者", "特约记者", "本报记者", "通讯员", "实习生", "记者",
                 "编辑", "报道", "摄影")
"""Role words of Chinese news bylines; what follows the last of them in a chunk is a name.
Single-character roles (文, 图, 摄) are left out: they occur inside names (相文婷)."""


def byline_names(byline: str | None) -> frozenset[str]:
    """Person names in a byline (`本报记者 邱国强 通讯员 张贵凤` -> 邱国强, 张贵凤).

    Chunks are split at blanks and punctuation; within a chunk the name is what follows the
    last role word, kept when it is 2-4 Han characters (a paper's name before 记者 is not).
    """
    import re

    names = set()
    for chunk in re.split(r"[\s,，、;；:：/|()（）]+", byline or ""):
        for role in _BYLINE_ROLES:
            if role in chunk:
                chunk = chunk.rsplit(role, 1)[1]
        if 2 <= len(chunk) <= 4 and all(is_han(ch) for ch in chunk):
            names.add(chunk)
    return frozenset(names)
