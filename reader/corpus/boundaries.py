"""Whether a run of headline-like lines inside an article starts a new one: cues weighed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.corpus.grams import bigrams, overlap
from reader.corpus.lines import CONTINUED_RE, DATELINE_RE, han_count
from reader.corpus.units import Unit

SUBHEAD_NUMBERED = re.compile(r"^(?:\d{1,2}\s|[一二三四五六七八九十]{1,3}[、是])")


@dataclass(frozen=True)
class Verdict:
    """A decision about one cluster of loose lines, with the cues that made it."""

    subhead: bool
    cues: tuple[str, ...]


def clusters(units: list[Unit]) -> list[tuple[int, int]]:
    """(start, end) unit indices of each run of loose units."""
    out = []
    i = 0
    while i < len(units):
        if units[i].kind == "loose":
            j = i
            while j < len(units) and units[j].kind == "loose":
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


def _signature(cluster: list[Unit]) -> tuple | None:
    """The shape section headings of one article share; None when the shape is a headline's.

    Section headings come in series: equally long single lines (`向北开放新窗口`), or a short
    label over a longer phrase (`政策沟通` / `以大开放促进大发展`).
    """
    if any(c.lines[0].vertical or c.lines[0].spaced for c in cluster):
        return None
    counts = [han_count(c.text) for c in cluster]
    if len(cluster) == 1 and 3 <= counts[0] <= 10:
        return ("line", counts[0])
    if len(cluster) == 2 and counts[0] <= 4 and counts[1] >= counts[0] + 4:
        return ("label", counts[0])
    return None


def series(units: list[Unit]) -> set[int]:
    """Start indices of clusters that repeat a heading shape within one stretch of the page.

    At least three make a series, and the text below the later ones must go on with the
    words above them; a stretch ends at a hard cue (dateline, byline, continuation,
    masthead, caption): the headings of one article sit between two such cues.
    """
    found: set[int] = set()
    spans = clusters(units)
    stretch = 0
    keyed: dict[tuple, list[tuple[int, int]]] = {}
    above: dict[int, str] = {}
    text: list[str] = []
    last_end = 0
    for start, end in spans:
        for u in units[last_end:start]:
            if u.kind in ("byline", "continued", "masthead", "caption") or (
                u.kind == "para" and (DATELINE_RE.match(u.text) or CONTINUED_RE.match(u.text))
            ):
                stretch += 1
                text = []
            if u.kind == "para":
                text.append(u.text)
        last_end = end
        above[start] = "".join(text)
        sig = _signature(units[start:end])
        if sig is None:
            continue
        keyed.setdefault((stretch, *sig), []).append((start, end))
    for members in keyed.values():
        if len(members) < 3:
            continue
        # Sections of one article go on using its words; bodies of other articles do not.
        later = [continuity(body_below(units, e), bigrams(above[s])) for s, e in members[1:]]
        if sum(later) / len(later) >= 0.1:
            found.update(s for s, _ in members)
    return found


def body_below(units: list[Unit], j: int) -> str:
    """The paragraphs from unit j on, up to the next unit that is not plain body text."""
    out: list[str] = []
    for u in units[j : j + 12]:
        if u.kind != "para" or (out and (DATELINE_RE.match(u.text) or CONTINUED_RE.match(u.text))):
            break
        out.append(u.text)
    return "".join(out)


def continuity(below: str, grams: set[str]) -> float:
    """Share of the bigrams of the text below that the article above already used."""
    mine = bigrams(below)
    return len(mine & grams) / len(mine) if mine else 0.0


def judge(
    cluster: list[Unit], grams: set[str], nxt: Unit | None, below: str, in_series: bool,
    continued: bool = False,
) -> Verdict:
    """Section headings of the open article (subhead) or the headline of another article."""
    if nxt is None or nxt.kind != "para":
        return Verdict(False, ("no body text follows",))
    if DATELINE_RE.match(nxt.text):
        return Verdict(False, ("a dateline follows",))
    if CONTINUED_RE.match(nxt.text):
        return Verdict(False, ("a continuation marker follows",))
    if any(c.lines[0].vertical for c in cluster):
        return Verdict(False, ("vertical headline",))
    below_grams = bigrams(below)
    cont = continuity(below, grams)
    if all(c.text.startswith("——") or c.text[-1:] in "，、：,:" for c in cluster):
        return Verdict(True, ("a lead-in that runs on into the text below",))
    if all(SUBHEAD_NUMBERED.match(c.text) for c in cluster):
        return Verdict(True, ("numbered section heading",))
    text = "".join(c.text for c in cluster)
    up, down = overlap(text, grams), overlap(text, below_grams)
    words = f"shares {up:.0%} of its words with the text above, {down:.0%} with the text below"
    n = han_count(text)
    # Against the paragraph right below (not the whole text below): a heading of the
    # article above names what follows it too.
    first = overlap(text, bigrams(nxt.text))
    if n >= 8 and up >= 0.35 and up >= first + 0.3:
        return Verdict(False, ("headline of the body above", words))
    if n >= 14 and first >= 0.5 and up < 0.4:
        return Verdict(False, ("too long for a section heading", words))
    if continued and up >= 0.2:
        # A story carried over from another page is a long one with section headings.
        return Verdict(True, ("section heading of a story continued from another page", words))
    if in_series:
        if (down >= 0.4 and up <= 0.1 and cont < 0.1) or (down >= 0.25 and up == 0):
            return Verdict(False, ("headline of the body below", words))
        return Verdict(True, ("one of a series of like section headings", words))
    if cont >= 0.25 and down <= up + 0.2:
        return Verdict(True, (f"the text below carries on the article ({cont:.0%})", words))
    return Verdict(False, ("headline-like lines between two bodies", words,
                           f"the text below shares {cont:.0%} of its words with the article"))
