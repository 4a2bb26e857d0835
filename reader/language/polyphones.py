"""Readings the dictionary left open, decided by the context model where it is confident."""

from __future__ import annotations

import re
from bisect import bisect_right

from reader.language.cedict import load_index
from reader.language.model import Token
from reader.language.readings import AMBIGUOUS, FALLBACK
from reader.language.tones import normalize_numbers, syllable

CONFIDENT = 0.995
"""The probability above which the model overrides the default reading. Trained on Wikipedia,
it is overconfident on news: at 0.9 it misread 少 还 干 率 重 on the bundled pages (CPP dev 96.6%),
at 0.5 also 都 与 转 (dev 97.2%); at 0.995 none of those (dev 96.1%)."""

RARE = 2000
"""jieba's frequency of a character as a word below which it counts as rare (葛 414, 幢 161)."""

CONFIDENT_RARE = 0.5
"""The threshold for rare characters, which news seldom uses: the common reading has no head
start there. On CPP dev (tuned there) the unsure cases went from 249 to 310 right of 433.
Frequent characters keep CONFIDENT: the model's misreadings on the bundled pages were all of
frequent ones (少 还 干 率 重 都 与 转 乐 累); the cut of 2000 lies below 累 (2878)."""


_SENTENCE_END = re.compile(r"[。！？!?；;\n]")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of `text` as (start, end) offsets: the model reads one sentence at a time."""
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() > start:
            spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _only_unneutral(ours: str, theirs: str) -> bool:
    """True when the model would only give a neutral syllable a full tone (岗子 gǎngzi).

    CPP, the model's training data, writes many neutral tones as full ones; the dictionary's
    neutral tone is the standard (GB/T 16159, Xiandai Hanyu Cidian). Only inside a word: a
    suffix is neutral there (岗子), while a character standing alone that the model reads
    with a full tone is a full word (书吧 bā, 哇 wā in names).
    """
    return ours[-1:] == "5" and theirs[:-1] == ours[:-1]


def _after_pronoun(word: str, k: int, tags: dict[str, str]) -> bool:
    """True when what precedes character k of `word` is a pronoun (其 该 各): jieba joined a
    pronoun and a noun (其子 "his son" zǐ), and a pronoun takes no suffix."""
    return tags.get(word[:k]) == "r"


def _option_score(scores: dict[str, float], reading: str, rivals: set[str]) -> float:
    """The model's probability for one character's `reading` among a word's options.

    The model, trained on CPP, writes a neutral tone as a full one: a neutral option (好处
    hǎochu, "benefit") gets the full tones of its syllable that no rival option claims (the
    model's chù), so the rival hǎochǔ ("easy to get along with") no longer wins by default.
    """
    score = scores.get(reading, 0.0)
    if reading[-1:] == "5":
        base = reading[:-1]
        score += sum(scores.get(f"{base}{t}", 0.0) for t in "1234"
                     if f"{base}{t}" not in rivals)
    return score


def _word_candidates(word: str) -> list[tuple[str, ...]]:
    """CC-CEDICT's readings of a multi-reading word, one syllable per character."""
    out = []
    for reading in load_index().readings(word):
        syllables = tuple(normalize_numbers(s) for s in reading.split())
        if len(syllables) == len(word) and syllables not in out:
            out.append(syllables)
    return out


def revise(text: str, tokens: list[Token], opens: list[tuple[int, tuple[str, ...]]],
           ruled: set[int], trace: dict[int, list[str]] | None = None) -> None:
    """Let the model choose readings at the open positions of `tokens` (in place).

    `opens` lists (token index, per-character sources) for tokens whose reading the dictionary
    could not decide; `ruled` are tokens a neighbour rule decided (left as they are). All
    of the text's sentences go to the model in one batch.
    """
    if not opens:
        return
    from reader.language.context import model

    m = model()
    import jieba
    import jieba.posseg

    freq = jieba.dt.FREQ
    tags = jieba.posseg.dt.word_tag_tab
    sources_of = dict(opens)
    spans = sentence_spans(text)
    starts = [s for s, _ in spans]
    wanted: dict[int, list[int]] = {}
    targets: list[tuple[int, list[int]]] = []
    for index, sources in opens:
        if index in ruled:
            continue  # the neighbour rules beat the model on 的 了 得 地 着 (measured on CPP dev)
        tok = tokens[index]
        offsets = [tok.start + k for k, src in enumerate(sources)
                   if src in (AMBIGUOUS, FALLBACK) and m.is_polyphone(tok.text[k])]
        if offsets:
            targets.append((index, offsets))
            for off in offsets:
                wanted.setdefault(bisect_right(starts, off) - 1, []).append(off)
    if not targets:
        return
    order = sorted(wanted)
    batch = [(text[spans[s][0]:spans[s][1]], [off - spans[s][0] for off in wanted[s]])
             for s in order]
    guesses = {}
    for s, row in zip(order, m.guess(batch), strict=True):
        for off, guess in zip(wanted[s], row, strict=True):
            if guess is not None:
                guesses[off] = guess
    for index, offsets in targets:
        tok = tokens[index]
        current = [s.numbers for s in tok.syllables]
        threshold = CONFIDENT
        new = list(current)
        notes: dict[int, str] = {}
        if len(tok.text) > 1 and all(src == AMBIGUOUS for src in sources_of[index]):
            options = _word_candidates(tok.text)
            scored = []
            for option in options:
                p = 1.0
                for off in offsets:
                    g = guesses.get(off)
                    if g is not None:
                        k = off - tok.start
                        rivals = {o[k] for o in options} - {option[k]}
                        p *= _option_score(g.scores, option[k], rivals)
                scored.append((p, option))
            total = sum(p for p, _ in scored)
            if total > 0:
                p, best = max(scored)
                if p / total >= threshold:
                    new = list(best)
                    for off in offsets:
                        notes[off - tok.start] = f"model {p / total:.2f}"
        else:
            for off in offsets:
                g = guesses.get(off)
                k = off - tok.start
                if g is None:
                    continue
                limit = CONFIDENT_RARE if freq.get(tok.text[k], 0) < RARE else threshold
                suffix = len(tok.text) > 1 and _only_unneutral(current[k], g.reading) \
                    and not _after_pronoun(tok.text, k, tags)
                if g.confidence >= limit and not suffix:
                    new[off - tok.start] = g.reading
                    notes[off - tok.start] = f"model {g.confidence:.2f}"
        if trace is not None and index in trace:
            for k, note in notes.items():
                trace[index][k] = note
        if new != current:
            tokens[index] = Token.build(tok.text, tok.start, tok.end,
                                        tuple(map(syllable, tok.text, new)), tok.pos, tok.hsk)

