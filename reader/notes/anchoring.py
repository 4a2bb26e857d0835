"""Finding a highlight again after the text changed: offsets, quote + context, fuzzy match."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import ModuleType

from reader.notes.model import CONTEXT_CHARS, Highlight, Placement

FUZZY_WITH_CONTEXT = 60.0
"""Minimum similarity of the placed text to the quote when the context also matched."""
FUZZY_ALONE = 80.0
"""Minimum similarity when only the quote itself could be matched approximately."""
CONTEXT_PROBE = 16
"""Characters of prefix/suffix used to locate the region of a fuzzy match."""
REFINE_LIMIT = 300
"""Quotes longer than this keep rapidfuzz's window instead of an exact (quadratic) refinement."""
MIN_FUZZY_QUOTE = 4
"""Shorter quotes are only found exactly: a 3-character near-match is mostly noise."""


def context(text: str, start: int, end: int) -> tuple[str, str]:
    """The up to 32 characters before and after `text[start:end]`."""
    return text[max(0, start - CONTEXT_CHARS):start], text[end:end + CONTEXT_CHARS]


def _common_suffix(a: str, b: str) -> int:
    """Length of the longest common suffix of a and b."""
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    """Length of the longest common prefix of a and b."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _occurrences(text: str, quote: str) -> list[int]:
    """Every start index of `quote` in `text` (overlapping ones included)."""
    found, i = [], text.find(quote)
    while i >= 0:
        found.append(i)
        i = text.find(quote, i + 1)
    return found


def _best_exact(text: str, h: Highlight) -> int | None:
    """The occurrence of the quote whose surroundings best match the stored context."""
    hits = _occurrences(text, h.quote)
    if not hits:
        return None

    def rank(i: int) -> tuple[int, int]:
        before = _common_suffix(text[max(0, i - len(h.prefix)):i], h.prefix)
        after = _common_prefix(text[i + len(h.quote):i + len(h.quote) + len(h.suffix)], h.suffix)
        return (-(before + after), abs(i - h.start))

    return min(hits, key=rank)


def _fuzz() -> ModuleType:
    """rapidfuzz's fuzz module, loaded only when a quote has moved (not at every start)."""
    from rapidfuzz import fuzz

    return fuzz


def _align(needle: str, haystack: str) -> tuple[float, int, int]:
    """Best approximate window of `needle` in `haystack`: (score, start, end)."""
    fuzz = _fuzz()
    if len(needle) <= len(haystack):
        a = fuzz.partial_ratio_alignment(needle, haystack)
        return a.score, a.dest_start, a.dest_end
    a = fuzz.partial_ratio_alignment(haystack, needle)
    return a.score, 0, len(haystack)


def _refine(quote: str, text: str, lo: int, hi: int) -> tuple[int, int]:
    """Exact bounds of the quote's best counterpart in text[lo:hi], lengths free to differ.

    Semi-global edit distance (Sellers): gaps before and after the match cost nothing,
    gaps inside it do, so a stray equal character far away is never pulled in.
    """
    window = text[lo:hi]
    if len(quote) > REFINE_LIMIT:
        return lo, hi  # the caller's window already is the alignment of a long quote
    n = len(window)
    prev, prev_start = [0] * (n + 1), list(range(n + 1))
    for i, qc in enumerate(quote, 1):
        cur, cur_start = [i] + [0] * n, [0] * (n + 1)
        for j in range(1, n + 1):
            best, start = prev[j - 1] + (qc != window[j - 1]), prev_start[j - 1]
            if prev[j] + 1 < best:
                best, start = prev[j] + 1, prev_start[j]
            if cur[j - 1] + 1 < best:
                best, start = cur[j - 1] + 1, cur_start[j - 1]
            cur[j], cur_start[j] = best, start
        prev, prev_start = cur, cur_start
    end = min(range(n + 1), key=lambda j: (prev[j], j - prev_start[j]))
    return lo + prev_start[end], lo + end


def _fuzzy(text: str, h: Highlight) -> tuple[int, int, float] | None:
    """Approximate placement of the quote in text, guided by its context when possible."""
    quote = h.quote
    if len(quote) < MIN_FUZZY_QUOTE or not text:
        return None
    slack = len(quote) // 2 + 8
    probe = h.prefix[-CONTEXT_PROBE:] + quote + h.suffix[:CONTEXT_PROBE]
    candidates: list[tuple[int, int, float]] = []
    if probe != quote:
        ctx_score, cs, ce = _align(probe, text)
        if ctx_score >= FUZZY_WITH_CONTEXT:
            lo, hi = max(0, cs - slack), min(len(text), ce + slack)
            q_score, qs, qe = _align(quote, text[lo:hi])
            s, e = _refine(quote, text, max(0, lo + qs - slack), min(len(text), lo + qe + slack))
            candidates.append((s, e, FUZZY_WITH_CONTEXT))
    q_score, qs, qe = _align(quote, text)
    if q_score >= FUZZY_ALONE:
        s, e = _refine(quote, text, max(0, qs - slack), min(len(text), qe + slack))
        candidates.append((s, e, FUZZY_ALONE))
    for s, e, threshold in candidates:
        score = _fuzz().ratio(quote, text[s:e])
        if e > s and score >= threshold:
            return s, e, score
    return None


def place(
    h: Highlight,
    article_text: str,
    issue_texts: Mapping[str, str] | None = None,
    article_id: str | None = None,
) -> Placement:
    """Place one highlight: offsets, exact quote, fuzzy in the article, then in the issue.

    `article_id` names the article whose text is `article_text` (default: the highlight's
    own); `issue_texts` maps the issue's article ids to their texts.
    """
    own = article_id or h.article_id
    text = article_text
    if text[h.start:h.end] == h.quote and h.quote:
        return Placement(h, h.start, h.end, "exact", own)
    i = _best_exact(text, h) if h.quote else None
    if i is not None:
        return Placement(h, i, i + len(h.quote), "moved", own)
    found = _fuzzy(text, h)
    if found is not None:
        return Placement(h, found[0], found[1], "fuzzy", own, found[2])
    others = [(aid, t) for aid, t in (issue_texts or {}).items() if aid != own]
    for aid, other in others:
        i = _best_exact(other, h) if h.quote else None
        if i is not None:
            return Placement(h, i, i + len(h.quote), "issue", aid)
    best: Placement | None = None
    for aid, other in others:
        found = _fuzzy(other, h)
        if found is not None and (best is None or found[2] > best.score):
            best = Placement(h, found[0], found[1], "issue", aid, found[2])
    if best is not None:
        return best
    return Placement(h, -1, -1, "orphan", None, 0.0)


def reanchor(
    highlights: Iterable[Highlight],
    article_text: str,
    issue_texts: Mapping[str, str] | None = None,
    article_id: str | None = None,
) -> list[Placement]:
    """Place each highlight in the current text; the ones that cannot be placed are orphans."""
    return [place(h, article_text, issue_texts, article_id) for h in highlights]
