"""Segmentation: jieba tokens refined into dictionary words, with context pinyin, tags and HSK."""

from __future__ import annotations

import gc
import heapq
import logging
import threading
from typing import Any

from reader.language import user_terms
from reader.language.cedict import load_index
from reader.language.glossary import news_readings
from reader.language.hsk import hsk_level
from reader.language.model import Syllable, Token
from reader.language.names import NAME_TAGS, checked_tag, looks_like_name
from reader.language.polyphones import revise
from reader.language.readings import (
    OPEN_SOURCES,
    pypinyin_reading,
    reading_overrides,
    word_reading_sources,
)
from reader.language.spelling import PROPER_TAGS
from reader.language.tones import ALL_HAN, HAN, syllable
from reader.language.words import has_entry, split_known

_lock = threading.RLock()
_warm = False
_synced_generation = -1
_user_added: dict[str, int | None] = {}
"""User words we added to jieba, with the frequency jieba had for them before (None: none)."""

Piece = tuple[str, tuple[Syllable, ...], str, int | None, tuple[str, ...] | None]
"""One refined word: text, syllables, part-of-speech tag, HSK level, and the sources of its
readings when the dictionary left some of them open (else None)."""

_memo: dict[str, tuple[Piece, ...]] = {}
_memo_generation = -1


def _jieba() -> Any:
    import jieba

    if jieba.dt.tmp_dir is None:  # jieba's own cache goes under READER_CACHE, not /tmp
        from reader.paths import cache_dir

        jieba.dt.tmp_dir = str(cache_dir())
    return jieba


_tag_table: dict[str, str] | None = None


def _tags() -> dict[str, str]:
    """jieba's part-of-speech tag of each dictionary word (loaded once)."""
    global _tag_table
    if _tag_table is None:
        import jieba.posseg

        _tag_table = jieba.posseg.dt.word_tag_tab
    return _tag_table


def _freq() -> dict[str, int]:
    """jieba's word frequencies (its dictionary; added words included)."""
    return _jieba().dt.FREQ


def warm_up() -> None:
    """Load jieba, pypinyin, CC-CEDICT, the glossaries and the polyphone model (blocking).

    Thread-safe; the UI runs it in a worker thread so the first article opens without a wait.
    """
    global _warm
    if _warm and _synced_generation == user_terms.user_generation():
        return
    with _lock:
        if not _warm:
            jieba = _jieba()
            jieba.setLogLevel(logging.WARNING)
            jieba.initialize()
            _tags()
            load_index()
            reading_overrides()
            hsk_level("中国")
            pypinyin_reading("中文")  # loads pypinyin's phrase tables and its segmenter
            for word in news_readings():
                jieba.add_word(word)
            from reader.language.context import model

            model().guess([("为人民服务", [0])])  # numpy, the weights and its first-call paths
            # jieba's, pypinyin's and our tables are loaded for good: moving them out of the
            # collector's sight keeps every later collection (and UI frame) from rescanning them.
            _warm = True
            _prewarm()
            gc.freeze()
        _sync_user_words()


def _sync_user_words() -> None:
    """Make jieba's dictionary hold exactly the registered user words (plus its own)."""
    global _synced_generation
    generation = user_terms.user_generation()
    if generation == _synced_generation:
        return
    jieba = _jieba()
    freq = jieba.dt.FREQ
    wanted = set(user_terms.registered_terms())
    for word in list(_user_added):
        if word not in wanted:
            original = _user_added.pop(word)
            if original:
                jieba.add_word(word, original)
            elif word not in news_readings():
                jieba.del_word(word)
    for word in wanted:
        if word not in _user_added:
            _user_added[word] = freq.get(word) or None
            jieba.add_word(word)
    _synced_generation = generation
    _memo.clear()
    if _warm:
        _prewarm()


def refine(word: str) -> list[str]:
    """Split a jieba token that no dictionary knows into dictionary words, when that is sure.

    Kept whole: known words, names, and jieba's own compounds that do not split fully into
    known words of two or more characters. Split: compounds that do (经济社会 -> 经济 社会),
    and words jieba's HMM invented that are not names (好非 -> 好 非).
    """
    if len(word) < 2 or not HAN.search(word):
        return [word]
    if has_entry(word) or (_tags().get(word) in NAME_TAGS and looks_like_name(word)):
        return [word]
    if _freq().get(word):
        return split_known(word, singles=False) or [word]
    if looks_like_name(word):
        return [word]
    if len(word) == 4 and looks_like_name(word[:3]) and has_entry(word[3]):
        return [word[:3], word[3]]  # a name and the verb after it: 赵魁政说
    if not ALL_HAN.fullmatch(word):
        return [word]
    return split_known(word, singles=True) or [word]


def _common_word(word: str) -> bool:
    """True when CC-CEDICT has `word` and only as an ordinary word (no capitalised reading):
    a name tag on it is jieba's error (`lookup.is_name` rules the same for person names)."""
    index = load_index()
    if word not in index:
        return False
    return not any(e.pinyin[:1].isupper() for e in index.entries(word))


def _analyse(word: str) -> tuple[Piece, ...]:
    """Refined pieces of one jieba token with syllables, tag and level (memoised per word)."""
    tags = _tags()
    if len(word) == 1:  # most tokens: punctuation, particles, single-character words
        if not HAN.search(word):
            return ((word, (), "", None, None),)
        reading, sources = word_reading_sources(word)
        return ((word, (syllable(word, reading[0]),), checked_tag(word, tags.get(word, "")),
                 hsk_level(word),
                 sources if sources[0] in OPEN_SOURCES else None),)
    pieces = []
    freq = _freq()
    for part in refine(word):
        if not HAN.search(part):
            pieces.append((part, (), "", None, None))
            continue
        reading, sources = word_reading_sources(part)
        syllables = tuple(map(syllable, part, reading))
        tag = checked_tag(part, tags.get(part, ""))
        if tag in PROPER_TAGS and _common_word(part):
            tag = "n"  # jieba's dictionary tags many ordinary words as names (蓝图, 城市)
        if not tag and len(part) > 1 and not freq.get(part) and not has_entry(part) \
                and checked_tag(part, "nr") == "nr":  # the shape of a name, as jieba's tag
            tag = "nr"
        pieces.append((part, syllables, tag, hsk_level(part),
                       sources if OPEN_SOURCES.intersection(sources) else None))
    return tuple(pieces)


_FINAL_PARTICLES = {"哦": "o5", "哩": "li5", "啦": "la5", "呀": "ya5", "嘛": "ma5", "喽": "lou5",
                    "呗": "bei5", "咯": "lo5"}
"""Particles that end a sentence after a word, in the neutral tone (做哩！, 出来哦”)."""

_CONTEXT_CHARS = frozenset("的了得地着还曾为率弄尽") | frozenset(_FINAL_PARTICLES)

_TITLES = frozenset("先生 女士 小姐 老师 教授 医生 师傅 大爷 阿姨 某 总 书记 主任 局长 部长 市长 "
                    "县长 校长 院长 经理 董事长 同志 老 家".split())
"""Words that follow a surname (曾先生, 曾某): 曾 before them is the surname Zēng."""

_RETURNED = frozenset("了 给 清 钱 款 债".split())
"""What follows 还 when it is the verb "give back" (他还了钱, 还给他, 还清), not "still"."""


_CLAUSE_END = frozenset("，。！？；：,;:!?、\n（）()“”")


_WEI_AFTER = frozenset("改变分称视作选定列译化封奉拜评划升降转成认立设结合归折推任聘名召授追")
"""Last characters of verbs that take 为 as "into, as" (改建为, 转化为, 确立为, 选定为)."""


_WEI_ADVERBS = frozenset("原 本 即 均 皆 实 乃 亦 仍 多 分别 依次 大多 大都 主要 多数 全部 一律"
                         .split())
"""Adverbs before a copular 为 "be" (原为, 均为, 分别为, 多为)."""


def _clause_ends_in_verb(tokens: list[Token], i: int) -> bool:
    """True when the last Han word of the clause after token i is a verb (为企业服务)."""
    last = ""
    j = i + 1
    while j < len(tokens) and tokens[j].text not in _CLAUSE_END:
        if tokens[j].syllables:
            last = tokens[j].pos
        j += 1
    return last[:1] == "v"


def _wei(tokens: list[Token], i: int) -> str:
    """为 on its own: wéi "be, act as, by" or wèi "for", from the words of its clause.

    wéi in 以…为…, 为…所…, after verbs like 改建 转化 确立, before a number (面积为12平方公里)
    and as a copula ending its clause (全部为公办); otherwise wèi "for" (为企业减负).
    """
    j = i - 1
    while j >= 0 and tokens[j].text not in _CLAUSE_END:
        if tokens[j].text == "以":
            return "wei2"
        j -= 1
    prev = tokens[i - 1].text if i > 0 else ""
    if _tag_near(tokens, i, 1)[:1] in ("m", "t"):
        return "wei2"
    digits = _text_near(tokens, i, 1)[:1].isdigit()  # 为7月15日至8月 "is"; 为80余名师生授课 "for"
    if prev and (prev[-1] in _WEI_AFTER or prev in _WEI_ADVERBS):
        # "into, as" or a copula (改建为博物馆, 均为公办) takes a noun phrase; a clause that
        # ends in a verb makes 为 "for" (深化为企业服务, 多为他人着想).
        return "wei4" if _clause_ends_in_verb(tokens, i) else "wei2"
    verb = False
    j = i + 1
    while j < len(tokens) and tokens[j].text not in _CLAUSE_END:
        if tokens[j].text == "所":
            return "wei2"
        verb = verb or tokens[j].pos[:1] == "v"
        j += 1
    return "wei2" if not verb and (j - i <= 4 or digits) else "wei4"


def _text_near(tokens: list[Token], i: int, step: int) -> str:
    """The text of the next token before (`step=-1`) or after `i`, "" at the ends."""
    i += step
    return tokens[i].text if 0 <= i < len(tokens) else ""



def _tag_near(tokens: list[Token], i: int, step: int) -> str:
    """The tag of the nearest Han token before (`step=-1`) or after `i`; "x" for punctuation."""
    i += step
    while 0 <= i < len(tokens):
        if tokens[i].syllables:
            return tokens[i].pos
        if not tokens[i].text.isspace():
            return "x"
        i += step
    return ""


_BEFORE_ADVERBIAL_DE = ("a", "d", "z", "i", "l")
"""Tags of a word that 地 turns into an adverbial: adjectives, adverbs, idioms."""


def _word_before(tokens: list[Token], i: int) -> bool:
    """True when a Han word of two or more characters stands right before token i.

    地 on its own between such a word and a verb is the adverbial particle (麻利地骑,
    有序地进行) whatever tag the word got; the noun 地 comes inside words (土地, 地上).
    """
    prev = tokens[i - 1] if i > 0 else None
    return prev is not None and prev.is_han and len(prev.text) >= 2


def _leads(tokens: list[Token], i: int) -> bool:
    """True when a lone 率 is the verb "lead" (shuài): a person (a name, a title, a pronoun)
    before it and a word after it, as in 粟裕率新四军, 市长率队. The rate lǜ stands after what
    is measured (就餐率，续约率也), which a name or a title never is."""
    before = tokens[i - 1] if i > 0 else None
    if before is None or not before.is_han or _tag_near(tokens, i, 1) in ("", "x"):
        return False
    return (before.pos in NAME_TAGS or before.pos == "r" or before.text in _TITLES
            or (before.pos[:1] == "n" and before.text[-1:] in _TITLE_ENDS))


_JIN3_VERBS = frozenset("量 管 早 快 先 着".split())
"""What follows 尽 jǐn "as much as possible" (尽量 尽早 尽快): jieba keeps most as words."""

_TITLE_ENDS = frozenset("长员记任理帅将")
"""Last characters of office titles (省长, 委员, 书记, 主任, 总理, 元帅, 大将)."""


_NUMERALS = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十百千万亿两几数")
"""Last characters of a number (500, 五百, 几): what follows one is counted, not named."""


def _named_here(tokens: list[Token], i: int) -> bool:
    """Whether a token tagged as a person's name is one where it stands.

    A lone surname is a name only before a title or kin word (薛阿姨, 曾先生): jieba tags many
    characters as names that stand alone as words (海外仓, 普惠, 连着). Nor is a name what
    follows a number (500余人: 余 "more than").
    """
    if len(tokens[i].text) == 1:
        return _text_near(tokens, i, 1) in _TITLES
    return _text_near(tokens, i, -1)[-1:] not in _NUMERALS


def _apply_context(tokens: list[Token], spots: list[int],
                   trace: dict[int, list[str]] | None = None) -> set[int]:
    """Neutral tones that depend on neighbours: 的 了 always, 得 着 after a verb, 地 before one.

    Returns the tokens a rule decided.
    """
    ruled: set[int] = set()
    for i in spots:
        tok = tokens[i]
        ch = tok.text
        if tok.pos in NAME_TAGS and ch not in _CONTEXT_CHARS:
            if not _named_here(tokens, i):
                tokens[i] = Token.build(ch, tok.start, tok.end, tok.syllables, "n", tok.hsk)
            continue
        numbers = None
        pos = tok.pos
        if ch == "的":
            numbers = "de5"
        elif ch == "了":
            numbers = "le5"
        elif ch == "得" and _tag_near(tokens, i, -1)[:1] in ("v", "a"):
            numbers = "de5"
        elif ch == "得" and _tag_near(tokens, i, -1)[:1] in ("r", "d") and \
                _tag_near(tokens, i, 1)[:1] in ("v", "a", "d"):
            numbers = "dei3"  # modal "must" between a subject or adverb and a verb: 我们得努力
        elif ch == "还" and _text_near(tokens, i, 1) in _RETURNED:
            numbers = "huan2"
        elif ch == "为":
            numbers = _wei(tokens, i)
        elif ch == "率" and _leads(tokens, i):
            numbers = "shuai4"
        elif ch in _FINAL_PARTICLES and _tag_near(tokens, i, 1) in ("x", "") and i > 0 \
                and tokens[i - 1].is_han:
            numbers = _FINAL_PARTICLES[ch]
        elif ch == "弄" and _text_near(tokens, i, -1).isdigit():
            numbers = "long4"  # a lane of an address: 新华路593弄
        elif ch == "尽" and _tag_near(tokens, i, 1)[:1] == "v" and _tag_near(tokens, i, -1) != "x" \
                and _text_near(tokens, i, 1) not in _JIN3_VERBS:
            numbers = "jin4"  # "all, entirely" before a verb: 尽得其传, 尽交保管
        elif ch == "曾" and _text_near(tokens, i, 1) in _TITLES:
            numbers, pos = "zeng1", "nr"  # a surname: a proper noun, written `Zēng`
        elif ch == "着" and _tag_near(tokens, i, -1)[:1] == "v":
            numbers = "zhe5"
        elif ch == "地" and _tag_near(tokens, i, 1)[:1] == "v" and (
                _tag_near(tokens, i, -1)[:1] in _BEFORE_ADVERBIAL_DE or _word_before(tokens, i)):
            numbers = "de5"
        if numbers is not None:
            ruled.add(i)
            if trace is not None:
                trace[i] = ["rule (neighbouring words)"]
        if numbers is not None and (tok.syllables[0].numbers != numbers or pos != tok.pos):
            tokens[i] = Token.build(ch, tok.start, tok.end, (syllable(ch, numbers),), pos,
                                    tok.hsk)
    return ruled


def segment(text: str, trace: dict[int, list[str]] | None = None,
            use_model: bool = True) -> list[Token]:
    """Segment `text` with jieba (no cache) and return tokens with offsets into it.

    With `trace`, it is filled with each Han token's per-character reading sources; without
    `use_model` the polyphone model is not asked (the benchmark times its share).
    """
    warm_up()
    # Tens of thousands of new tokens would trigger many collector passes, yet segmentation
    # makes no reference cycles: pausing the collector saves ~10% and loses nothing.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _segment(text, trace, use_model)
    finally:
        if enabled:
            gc.enable()


def _segment(text: str, trace: dict[int, list[str]] | None, use_model: bool) -> list[Token]:
    global _memo_generation
    with _lock:
        _sync_user_words()
        words = _jieba().lcut(text)
    if _memo_generation != user_terms.user_generation():
        _memo.clear()
        _prewarm()
        _memo_generation = user_terms.user_generation()
    tokens: list[Token] = []
    spots: list[int] = []
    opens: list[tuple[int, tuple[str, ...]]] = []
    offset = 0
    memo = _memo
    build = Token.build
    for word in words:
        pieces = memo.get(word)
        if pieces is None:
            pieces = memo[word] = _analyse(word)
        if not text.startswith(word, offset):  # pragma: no cover - jieba keeps every char
            found = text.find(word, offset)
            offset = found if found >= 0 else offset
        for part, syllables, tag, hsk, sources in pieces:
            end = offset + len(part)
            if part in _CONTEXT_CHARS or tag in NAME_TAGS:
                spots.append(len(tokens))
            if sources is not None:
                opens.append((len(tokens), sources))
            tokens.append(build(part, offset, end, syllables, tag, hsk))
            offset = end
    ruled = _apply_context(tokens, spots, trace)
    if trace is not None:
        for i, tok in enumerate(tokens):
            if tok.syllables and i not in trace:
                trace[i] = list(word_reading_sources(tok.text)[1])
    if use_model:
        revise(text, tokens, opens, ruled, trace)
    return tokens


PREWARM_WORDS = 4000
"""How many of jieba's most frequent words `warm_up` analyses ahead of any text."""
_common: list[str] = []


def _prewarm() -> None:
    """Analyse jieba's most frequent words now, so a new article mostly meets known words.

    Costs ~50 ms once, in the warm-up thread; a fresh article then only pays for its rarer
    words.
    """
    global _common
    if not _common:
        freq = _freq()
        _common = heapq.nlargest(PREWARM_WORDS, freq, key=freq.__getitem__)
    for word in _common:
        if word not in _memo:
            _memo[word] = _analyse(word)


def clear_memo() -> None:
    """Forget words analysed from texts, keeping the warm-up's common words (for the bench)."""
    _memo.clear()
    if _warm:
        _prewarm()
