"""Headline lines matched to the bodies they belong to, and split into kicker/title/subtitle."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from reader.corpus.grams import bigrams, overlap
from reader.corpus.lines import han_count
from reader.corpus.matching import best_assignment


class Body(Protocol):
    """What headline matching needs of an article draft."""

    grams: set[str]
    head_lines: list[tuple[int, str, bool]]
    byline: str | None


@dataclass
class PooledLine:
    """A headline line waiting to be matched to its article."""

    position: int
    text: str
    spaced: bool
    byline: str | None = None
    drafts_before: int = 0
    """How many articles had begun when this line was met (for nearness)."""
    cluster_size: int = 1
    """How many headline lines stood together with this one."""
    banner: bool = False
    """True for a line printed against the masthead: a page banner, not a headline."""


def _main(p: PooledLine) -> bool:
    """A line that can be a headline on its own (not a subtitle, banner or spaced kicker)."""
    return not (p.text.startswith("——") or p.banner or p.spaced)


def headline_groups(pool: list[PooledLine], bodies: str) -> list[list[int]]:
    """Pool indices grouped into headlines: adjacent lines that read as one broken headline."""
    groups: list[list[int]] = []
    for k, p in enumerate(pool):
        if not _main(p):
            continue
        if groups:
            last = pool[groups[-1][-1]]
            if last.position == p.position - 1 and (
                last.text[-3:] + p.text[:3] in bodies or not _reads_complete(last.text)
                or (last.text[-1:] + p.text[:1]) in bodies
            ):
                groups[-1].append(k)
                continue
        groups.append([k])
    return groups


def _layout_side(pool: list[PooledLine], grams: list[set[str]]) -> int:
    """+1 when this page prints headlines before their bodies, -1 after, 0 unknown."""
    votes = 0
    for p in pool:
        b, a = p.drafts_before, p.drafts_before - 1
        if not _main(p) or not 0 <= a < b < len(grams):
            continue
        diff = overlap(p.text, grams[b]) - overlap(p.text, grams[a])
        votes += (diff > 0.2) - (diff < -0.2)
    return (votes > 0) - (votes < 0)


def _match_groups(pool: list[PooledLine], drafts: list[Body]) -> list[int | None]:
    """Headline groups matched to bodies as one assignment: words shared, plus nearness.

    Each headline goes to at most one body and each body takes at most one headline here;
    the lines left over (kickers, second lines, subtitles) join their neighbours later.
    """
    grams = [d.grams for d in drafts]
    bodies = "".join(d.body for d in drafts)
    groups = headline_groups(pool, bodies)
    side = _layout_side(pool, grams)
    scores = []
    for g in groups:
        first = pool[g[0]]
        text = "".join(pool[k].text for k in g)
        bonus = 0.2 if first.cluster_size <= 2 else 0.05
        row = []
        for d in range(len(drafts)):
            s = overlap(text, grams[d])
            if d in (first.drafts_before - 1, first.drafts_before):
                s += bonus
                if side and d == first.drafts_before - (side < 0) and first.cluster_size <= 3:
                    s += 0.15
            row.append(s if s >= 0.35 else 0.0)
        scores.append(row)
    targets: list[int | None] = [None] * len(pool)
    for g, d in zip(groups, best_assignment(scores), strict=True):
        if d is None:
            continue
        for k in g:
            targets[k] = d
    # A second headline of the same body (a kicker above, a line beside) that shares its
    # words with that body just as surely as the first.
    for g, row in zip(groups, scores, strict=True):
        if targets[g[0]] is not None or not any(row):
            continue
        d = max(range(len(row)), key=lambda j: row[j])
        beside = [targets[k] for k in (g[0] - 1, g[-1] + 1) if 0 <= k < len(pool)]
        if row[d] >= 0.5 and d in beside:
            for k in g:
                targets[k] = d
    _fill_untitled(pool, drafts, groups, targets)
    return targets


def _fill_untitled(
    pool: list[PooledLine], drafts: list[Body], groups: list[list[int]],
    targets: list[int | None],
) -> None:
    """Headlines of a group printed apart (three or more in a row) left over after the
    first round go, as a second assignment, to the bodies still without a headline."""
    taken = {t for t in targets if t is not None}
    untitled = [d for d in range(len(drafts)) if d not in taken]
    run: dict[int, int] = {}
    for g in groups:
        run[g[0]] = sum(
            1 for h in groups
            if abs(pool[h[0]].position - pool[g[0]].position) <= len(groups)
            and pool[h[0]].drafts_before == pool[g[0]].drafts_before
        )
    left = [
        g for g in groups
        if targets[g[0]] is None and run[g[0]] >= 3
        and han_count("".join(pool[k].text for k in g)) >= 6
    ]
    if not left or not untitled:
        return
    scores = [
        [overlap("".join(pool[k].text for k in g), drafts[d].grams) + 0.05 for d in untitled]
        for g in left
    ]
    for g, j in zip(left, best_assignment(scores), strict=True):
        if j is not None and scores[left.index(g)][j] >= 0.15:
            for k in g:
                targets[k] = untitled[j]


def assign_headlines(
    pool: list[PooledLine], drafts: list[Body]
) -> tuple[list[str], list[str]]:
    """Give each pooled line to the article whose words it shares.

    Returns the banner candidates and every line left unassigned.
    """
    if not drafts:
        return [p.text for p in pool], [p.text for p in pool]
    grams = [d.grams for d in drafts]

    def best(p: PooledLine, bonus: float) -> tuple[int, float]:
        near = {p.drafts_before - 1, p.drafts_before}
        scores = [overlap(p.text, g) + (bonus if k in near else 0.0) for k, g in enumerate(grams)]
        top = max(range(len(drafts)), key=lambda k: scores[k])
        return top, scores[top]

    targets = _match_groups(pool, drafts)
    # Headline lines that share too few words with any body go, by elimination, to the
    # article without a headline that they share the most words with.
    untitled = set(range(len(drafts))) - {t for t in targets if t is not None}
    for k, p in enumerate(pool):
        if targets[k] is not None or p.banner or p.spaced or p.text.startswith("——"):
            continue
        if han_count(p.text) < 4 or not untitled:
            continue
        beside = [
            targets[j] for j in (k - 1, k + 1)
            if 0 <= j < len(pool) and abs(pool[j].position - p.position) == 1
        ]
        if any(t is not None for t in beside):
            continue  # a second line of a headline already placed
        top = max(untitled, key=lambda d: overlap(p.text, grams[d]))
        if overlap(p.text, grams[top]) >= 0.15:
            targets[k] = top
            untitled.discard(top)
    # Subtitles (——…) follow the line above; letter-spaced and short lines sit with the
    # neighbouring headline line; a lone letter-spaced line heads the nearest article.
    for k, p in enumerate(pool):
        if targets[k] is not None or p.banner:
            continue
        prev_ok = k > 0 and pool[k - 1].position == p.position - 1 and targets[k - 1] is not None
        next_ok = (
            k + 1 < len(pool) and pool[k + 1].position == p.position + 1
            and targets[k + 1] is not None
        )
        if p.text.startswith("——") and prev_ok:
            targets[k] = targets[k - 1]
        elif (p.spaced or han_count(p.text) <= 12) and next_ok:
            targets[k] = targets[k + 1]
        elif (p.spaced or han_count(p.text) <= 12) and prev_ok:
            targets[k] = targets[k - 1]
        elif p.spaced:
            top, score = best(p, 0.5)
            targets[k] = top if score >= 0.35 else None
    banners, unassigned = [], []
    for p, t in zip(pool, targets, strict=True):
        if t is None:
            unassigned.append(p.text)
            if p.banner:
                banners.append(p.text.lstrip("—"))
            continue
        d = drafts[t]
        d.head_lines.append((p.position, p.text, p.spaced))
        if p.byline and not d.byline:
            d.byline = p.byline
    return banners, unassigned


def split_headline(lines: list[tuple[int, str, bool]], body: str) -> tuple[
    str | None, str | None, str | None
]:
    """Turn an article's headline lines into (kicker, title, subtitle)."""
    if not lines:
        return None, None, None
    lines = sorted(lines)
    subtitle_parts = [t.lstrip("—").strip() for _, t, _ in lines if t.startswith("——")]
    main = [(pos, t, sp) for pos, t, sp in lines if not t.startswith("——")]
    grams = bigrams(body)
    # Lines printed one under the other that break inside a phrase of the body are one title.
    parts: list[list] = []
    for pos, text, spaced in main:
        if parts and parts[-1][0] == pos - 1:
            prev = parts[-1][1]
            junction = prev[-1:] + text[:1]
            joined = prev[-3:] + text[:3] in body or junction in grams
            if joined or not _reads_complete(prev):
                parts[-1] = [pos, prev + text, parts[-1][2] and spaced]
                continue
        parts.append([pos, text, spaced])
    texts = [p[1] for p in parts]
    kicker = title = None
    if len(texts) == 1:
        title = texts[0]
    elif len(texts) == 2:
        (_, a, a_sp), (_, b, b_sp) = parts
        la, lb = han_count(a), han_count(b)
        if a_sp and not b_sp:
            kicker, title = a, b
        elif b_sp and not a_sp:
            title, subtitle_parts = a, [b, *subtitle_parts]
        elif min(la, lb) >= 0.75 * max(la, lb):
            title = f"{a} {b}"  # a headline in two parallel lines
        elif la >= lb:
            title, subtitle_parts = a, [b, *subtitle_parts]
        else:
            kicker, title = a, b
    elif texts:
        kicker, title = texts[0], texts[1]
        subtitle_parts = texts[2:] + subtitle_parts
    subtitle = " ".join(subtitle_parts) or None
    return kicker, title, subtitle


def _reads_complete(text: str) -> bool:
    """False when a headline line visibly stops mid-phrase (a dangling particle or mark)."""
    return not text.endswith(("的", "和", "与", "及", "、", "“", "《", "（"))
