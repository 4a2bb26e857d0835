"""Bodies printed one after another with their headlines grouped elsewhere, told apart.

When nothing on the page separates two bodies but several headlines printed together each
share their words with a different stretch of one run of paragraphs, the run is cut where
the headlines, taken in page order, match best (a small dynamic programme).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.corpus.grams import bigrams, overlap
from reader.corpus.headlines import PooledLine, headline_groups

if TYPE_CHECKING:
    from reader.corpus.assemble import Draft

MAX_PARAGRAPHS = 80
"""Longer runs are left whole: the cut is quadratic in paragraphs."""
MIN_SHARE = 0.3
"""How many of its words a headline must share with the stretch it is given."""


def _cut(paras: list[str], heads: list[str]) -> list[int] | None:
    """Start index of each piece when paragraphs are cut into len(heads) pieces in order."""
    n, m = len(paras), len(heads)
    if m < 2 or n < m or n > MAX_PARAGRAPHS:
        return None
    grams = [bigrams(p) for p in paras]
    share: dict[tuple[int, int, int], float] = {}
    for h in range(m):
        want = bigrams(heads[h])
        if not want:
            return None
        for i in range(n):
            covered: set[str] = set()
            for j in range(i + 1, n + 1):
                covered |= want & grams[j - 1]
                share[(h, i, j)] = len(covered) / len(want)
    # A headline names what its lead paragraph says; a cut falls where the next paragraph
    # shares few words with the two before it.
    lead = [[overlap(heads[h], grams[i]) for i in range(n)] for h in range(m)]
    carry = [0.0] + [
        len(grams[i] & (grams[i - 1] | (grams[i - 2] if i > 1 else frozenset())))
        / max(1, len(grams[i]))
        for i in range(1, n)
    ]
    neg = float("-inf")
    best = [[neg] * (n + 1) for _ in range(m + 1)]
    back = [[0] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    for h in range(1, m + 1):
        for j in range(h, n + 1):
            for i in range(h - 1, j):
                if best[h - 1][i] == neg:
                    continue
                whole = share[(h - 1, i, j)]
                if whole < MIN_SHARE:
                    continue
                s = lead[h - 1][i] + 0.5 * whole - carry[i]
                if best[h - 1][i] + s > best[h][j]:
                    best[h][j], back[h][j] = best[h - 1][i] + s, i
    if best[m][n] == neg:
        return None
    starts, j = [], n
    for h in range(m, 0, -1):
        i = back[h][j]
        starts.append(i)
        j = i
    starts.reverse()
    bounds = [*starts, n]
    # Each headline must fit its own stretch better than any other stretch.
    for h in range(m):
        own = share[(h, bounds[h], bounds[h + 1])]
        for o in range(m):
            if o != h and share[(h, bounds[o], bounds[o + 1])] >= own:
                return None
    return starts


def split_by_headlines(
    drafts: list[Draft], pool: list[PooledLine], notes: list[tuple[int, str, tuple[str, ...]]]
) -> list[Draft]:
    """Cut drafts that hold several bodies whose headlines stand together after them."""
    from reader.corpus.assemble import Draft

    if not pool or not drafts:
        return drafts
    bodies = "".join(d.body for d in drafts)
    groups = headline_groups(pool, bodies)
    out: list[Draft] = []
    shift: dict[int, int] = {}
    for k, d in enumerate(drafts):
        shift[k] = len(out) - k
        if d.headings or len(d.paragraphs) < 2:
            out.append(d)
            continue
        heads = []
        for g in groups:
            text = "".join(pool[i].text for i in g)
            if pool[g[0]].drafts_before <= k:
                continue  # only headlines printed after this body can be its parts'
            own = overlap(text, d.grams)
            if own >= MIN_SHARE and all(
                overlap(text, o.grams) < own for x, o in enumerate(drafts) if x != k
            ):
                heads.append(text)
        starts = _cut(d.paragraphs, heads) if len(heads) >= 2 else None
        if starts is None:
            out.append(d)
            continue
        bounds = [*starts, len(d.paragraphs)]
        for h in range(len(heads)):
            a, b = bounds[h], bounds[h + 1]
            piece = Draft(position=d.starts[a] if d.starts else d.position, closed=True)
            for para, pos in zip(d.paragraphs[a:b], d.starts[a:b], strict=False):
                piece.add(para, pos)
            if h == 0:
                piece.dateline, piece.continued_from = d.dateline, d.continued_from
                piece.byline = d.byline if d.dateline else None
            if h == len(heads) - 1:
                piece.continued_to = d.continued_to
                if not d.dateline:
                    piece.byline = d.byline
            out.append(piece)
        notes.append((-1, f"article {k + 1} cut into {len(heads)}",
                      ("bodies told apart by the headlines printed together after them",)))
    shift[len(drafts)] = len(out) - len(drafts)
    for p in pool:
        p.drafts_before += shift.get(p.drafts_before, shift[len(drafts)])
    return out
