"""Re-anchoring highlights in edited article text (real seed text, real fuzzy matching)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.corpus.library import load_library
from reader.notes.anchoring import context, reanchor
from reader.notes.model import Highlight


@pytest.fixture(scope="module")
def text() -> str:
    arts = [a for i in load_library(Path("/nonexistent")) for a in i.articles]
    longest = max(arts, key=lambda a: len(a.text)).text
    assert len(longest) > 2000
    return longest


def make(text: str, start: int, end: int) -> Highlight:
    prefix, suffix = context(text, start, end)
    return Highlight("h-1", "i1", "i1-a", start, end, text[start:end], prefix, suffix)


def pick(text: str, at: float, length: int = 12) -> tuple[int, int]:
    """A span of `length` characters without a line break, at about `at` (a fraction of
    the text when below 1)."""
    at = int(at * len(text)) if at < 1 else int(at)
    while "\n" in text[at:at + length]:
        at += 1
    return at, at + length


def test_unchanged_text_keeps_offsets(text):
    s, e = pick(text, 0.35)
    (p,) = reanchor([make(text, s, e)], text)
    assert (p.method, p.start, p.end, p.article_id, p.orphan) == ("exact", s, e, "i1-a", False)


@pytest.mark.parametrize("edit", ["insert", "delete"])
def test_text_inserted_or_deleted_before_the_quote(text, edit):
    s, e = pick(text, 0.55)
    h = make(text, s, e)
    if edit == "insert":
        new = text[:200] + "【编者按：本文有删改，另附说明若干】" + text[200:]
        shift = len("【编者按：本文有删改，另附说明若干】")
    else:
        new = text[:200] + text[260:]
        shift = -60
    (p,) = reanchor([h], new)
    assert p.method == "moved"
    assert (p.start, p.end) == (s + shift, e + shift)
    assert new[p.start:p.end] == h.quote


def test_changed_character_inside_the_quote(text):
    s, e = pick(text, 0.7, 16)
    h = make(text, s, e)
    new = text[:s + 7] + "龘" + text[s + 8:]
    (p,) = reanchor([h], new)
    assert p.method == "fuzzy" and not p.orphan
    assert (p.start, p.end) == (s, e)
    assert 80 <= p.score < 100


def test_characters_inserted_inside_the_quote_and_text_shifted(text):
    s, e = pick(text, 0.8, 20)
    h = make(text, s, e)
    new = "前言。" + text[:s + 10] + "（注）" + text[s + 10:]
    (p,) = reanchor([h], new)
    assert p.method == "fuzzy"
    assert (p.start, p.end) == (s + 3, e + 6)


def test_paragraph_split_inside_the_quote(text):
    s, e = pick(text, 0.9, 20)
    h = make(text, s, e)
    new = text[:s + 9] + "\n" + text[s + 9:]
    (p,) = reanchor([h], new)
    assert p.method == "fuzzy" and (p.start, p.end) == (s, e + 1)


def test_repeated_quote_is_found_by_its_context(text):
    s, e = pick(text, 0.45, 6)
    h = make(text, s, e)
    # The same words now also appear earlier, and everything shifted.
    new = text[:100] + h.quote + "，" + h.quote + "。" + text[100:]
    (p,) = reanchor([h], new)
    shift = 2 * len(h.quote) + 2
    assert p.method == "moved" and p.start == s + shift


def test_article_split_differently_is_found_in_the_issue(text):
    s, e = pick(text, 0.75, 14)
    h = make(text, s, e)
    cut = len(text) // 2
    first, second = text[:cut], text[cut:]
    issue = {"i1-new1": first, "i1-new2": second}
    (p,) = reanchor([h], first, issue, article_id="i1-new1")
    assert (p.method, p.article_id) == ("issue", "i1-new2")
    assert (p.start, p.end) == (s - cut, e - cut)
    # Unknown to the issue as well, even approximately: an orphan, but still listed.
    (p,) = reanchor([h], "完全不同的文字。" * 20, {"i1-x": "另一篇文章的内容。" * 30})
    assert p.orphan and p.highlight is h and p.article_id is None


def test_fuzzy_match_in_another_article_of_the_issue(text):
    s, e = pick(text, 0.3, 18)
    h = make(text, s, e)
    moved = text[:s + 5] + "的" + text[s + 6:]
    (p,) = reanchor([h], "别的内容。" * 10, {"i1-b": moved})
    assert (p.method, p.article_id, p.start, p.end) == ("issue", "i1-b", s, e)


def test_short_quotes_are_not_guessed(text):
    s, e = pick(text, 0.2, 2)
    h = make(text, s, e)
    new = text.replace(h.quote, "")
    (p,) = reanchor([h], new)
    assert p.orphan


def test_every_highlight_gets_a_placement(text):
    spans = [pick(text, 100 + n * (len(text) - 200) // 10, 10) for n in range(10)]
    hs = [make(text, s, e) for s, e in spans]
    lo, hi = spans[4][0] - 30, spans[4][1] + 30  # the fifth highlight is cut out
    new = text[:50] + "插入" + text[50:lo] + text[hi:]
    placements = reanchor(hs, new)
    assert [p.highlight for p in placements] == hs
    for n, (p, (s, _e)) in enumerate(zip(placements, spans, strict=True)):
        if n == 4:
            assert p.orphan and (p.start, p.end) == (-1, -1)
        else:
            assert p.method == "moved" and new[p.start:p.end] == p.highlight.quote
            assert p.start == s + (2 if s < lo else 2 - (hi - lo))
