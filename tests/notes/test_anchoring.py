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
    return max(arts, key=lambda a: len(a.text)).text


def make(text: str, start: int, end: int) -> Highlight:
    prefix, suffix = context(text, start, end)
    return Highlight("h-1", "i1", "i1-a", start, end, text[start:end], prefix, suffix)


def pick(text: str, at: int, length: int = 12) -> tuple[int, int]:
    """A span of `length` characters at about `at` without a line break in it."""
    while "\n" in text[at:at + length]:
        at += 1
    return at, at + length


def test_unchanged_text_keeps_offsets(text):
    s, e = pick(text, 1000)
    (p,) = reanchor([make(text, s, e)], text)
    assert (p.method, p.start, p.end, p.article_id, p.orphan) == ("exact", s, e, "i1-a", False)


@pytest.mark.parametrize("edit", ["insert", "delete"])
def test_text_inserted_or_deleted_before_the_quote(text, edit):
    s, e = pick(text, 1500)
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
    s, e = pick(text, 2000, 16)
    h = make(text, s, e)
    new = text[:s + 7] + "龘" + text[s + 8:]
    (p,) = reanchor([h], new)
    assert p.method == "fuzzy" and not p.orphan
    assert (p.start, p.end) == (s, e)
    assert 80 <= p.score < 100


def test_characters_inserted_inside_the_quote_and_text_shifted(text):
    s, e = pick(text, 2500, 20)
    h = make(text, s, e)
    new = "前言。" + text[:s + 10] + "（注）" + text[s + 10:]
    (p,) = reanchor([h], new)
    assert p.method == "fuzzy"
    assert (p.start, p.end) == (s + 3, e + 6)


def test_paragraph_split_inside_the_quote(text):
    s, e = pick(text, 3000, 20)
    h = make(text, s, e)
    new = text[:s + 9] + "\n" + text[s + 9:]
    (p,) = reanchor([h], new)
    assert p.method == "fuzzy" and (p.start, p.end) == (s, e + 1)


def test_repeated_quote_is_found_by_its_context(text):
    s, e = pick(text, 1200, 6)
    h = make(text, s, e)
    # The same words now also appear earlier, and everything shifted.
    new = text[:100] + h.quote + "，" + h.quote + "。" + text[100:]
    (p,) = reanchor([h], new)
    shift = 2 * len(h.quote) + 2
    assert p.method == "moved" and p.start == s + shift


def test_article_split_differently_is_found_in_the_issue(text):
    s, e = pick(text, len(text) - 800, 14)
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
    s, e = pick(text, 800, 18)
    h = make(text, s, e)
    moved = text[:s + 5] + "的" + text[s + 6:]
    (p,) = reanchor([h], "别的内容。" * 10, {"i1-b": moved})
    assert (p.method, p.article_id, p.start, p.end) == ("issue", "i1-b", s, e)


def test_short_quotes_are_not_guessed(text):
    s, e = pick(text, 600, 2)
    h = make(text, s, e)
    new = text.replace(h.quote, "")
    (p,) = reanchor([h], new)
    assert p.orphan


def test_every_highlight_gets_a_placement(text):
    spans = [pick(text, at, 10) for at in range(100, 3000, 300)]
    hs = [make(text, s, e) for s, e in spans]
    new = text[:50] + "插入" + text[50:1250] + text[1450:]  # the one at 1300 is cut out
    placements = reanchor(hs, new)
    assert [p.highlight for p in placements] == hs
    for p, (s, _e) in zip(placements, spans, strict=True):
        if 1250 <= s < 1450:
            assert p.orphan and (p.start, p.end) == (-1, -1)
        else:
            assert p.method == "moved" and new[p.start:p.end] == p.highlight.quote
            assert p.start == s + (2 if s < 1250 else -198)
