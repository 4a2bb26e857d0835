"""Assemble units into articles: bodies, bylines, datelines, captions and their headlines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.corpus.boundaries import body_below, judge, series
from reader.corpus.grams import bigrams, overlap
from reader.corpus.headlines import PooledLine, assign_headlines
from reader.corpus.lines import CONTINUED_RE, HAN, han_count, match_dateline, signoff
from reader.corpus.segment import split_by_headlines
from reader.corpus.units import Unit

_CONTINUED_AT_END = re.compile(r"[（(]((?:下[转轉]|[转轉])第.{1,4}版)[）)]$")
_NAME_PREFIX = re.compile(r"本[报報]|[记記]者|通[讯訊][员員]|[实實][习習]生|\s")


def _same_names(a: str, b: str) -> bool:
    """True when two bylines name the same reporter (`本报记者 王小明` and `记者 王小明`)."""
    x, y = _NAME_PREFIX.sub("", a), _NAME_PREFIX.sub("", b)
    return bool(x) and bool(y) and (x in y or y in x)


VERTICAL_BYLINE = re.compile(rf"(本[报報][记記]者|[记記]者)([{HAN}]{{2,4}})$")


@dataclass
class Draft:
    """An article under construction."""

    paragraphs: list[str] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)
    """Indices of paragraphs that are section headings inside the body."""
    byline: str | None = None
    dateline: str | None = None
    continued_from: str | None = None
    continued_to: str | None = None
    closed: bool = False
    head_lines: list[tuple[int, str, bool]] = field(default_factory=list)
    """Headline lines assigned to this article: (position on page, text, letter-spaced)."""
    position: int = 0
    """Index of the page line where the body begins (for reading order)."""

    grams: set[str] = field(default_factory=set)
    """Han bigrams of the body so far, for overlap scores."""
    starts: list[int] = field(default_factory=list)
    """Page line where each paragraph begins."""

    @property
    def body(self) -> str:
        """The body text."""
        return "".join(self.paragraphs)

    def add(self, paragraph: str, position: int = 0) -> None:
        """Append a paragraph and its bigrams."""
        self.paragraphs.append(paragraph)
        self.starts.append(position)
        self.grams |= bigrams(paragraph)


@dataclass
class Assembly:
    """What the page assembles into."""

    drafts: list[Draft]
    captions: list[tuple[int, str]]
    banners: list[str]
    """Unassigned headline lines near the masthead: candidates for the section name."""
    leftovers: list[str]
    """Every line that belongs to no article: mastheads, banners, ads, page notes."""
    notes: list[tuple[int, str, tuple[str, ...]]] = field(default_factory=list)
    """(unit index, what the unit was taken for, the cues that decided it), for --explain."""


def _split_dateline(text: str) -> tuple[str, str | None, str | None]:
    """Split `本报讯（记者 张三）正文` into (正文, dateline, byline)."""
    found = match_dateline(text)
    if not found:
        return text, None, None
    end, dateline, byline = found
    return text[end:].lstrip(), dateline, byline


def assemble(units: list[Unit]) -> Assembly:
    """Walk the units in page order and build article drafts."""
    drafts: list[Draft] = []
    pool: list[PooledLine] = []
    captions: list[tuple[int, str]] = []
    cur: Draft | None = None
    closed_by_headline: tuple[Draft, list[str]] | None = None
    # A byline right after a headline cluster that closed an article belongs either to that
    # article (headline after its body) or to the next one (headline and byline before the
    # body): decided when the next body shows which of the two the headline is about.
    byline_choice: tuple[Draft, str, list[str]] | None = None
    pending_byline: str | None = None
    pending_continued: str | None = None
    in_series = series(units)
    stray_signoffs: list[str] = []
    notes: list[tuple[int, str, tuple[str, ...]]] = []
    i = 0
    while i < len(units):
        u = units[i]
        pos = u.lines[0].index if u.lines else i
        if u.kind == "loose":
            j = i
            while j < len(units) and units[j].kind == "loose":
                j += 1
            cluster = units[i:j]
            nxt = units[j] if j < len(units) else None
            verdict = None
            if cur is not None and not cur.closed:
                verdict = judge(
                    cluster, cur.grams, nxt, body_below(units, j), i in in_series,
                    continued=cur.continued_from is not None,
                )
                notes.append((i, "subheads" if verdict.subhead else "headline", verdict.cues))
            if verdict is not None and verdict.subhead:
                for c in cluster:
                    cur.headings.append(len(cur.paragraphs))
                    cur.add(c.text, c.lines[0].index)
            else:
                if cur is not None and not cur.closed:
                    closed_by_headline = (cur, [c.text for c in cluster])
                if cur is not None:
                    cur.closed = True
                for c in cluster:
                    pool.append(_pooled(c, len(drafts), len(cluster)))
            i = j
            continue
        after_headline, closed_by_headline = closed_by_headline, None
        if byline_choice is not None and u.kind != "para":
            _settle_byline(byline_choice, None)
            byline_choice = None
        if u.kind == "para":
            text = u.text
            m = CONTINUED_RE.match(text)
            if m:
                pending_continued = m.group(1)
                text = text[m.end() :].lstrip()
                if cur is not None:
                    cur.closed = True
            text, dateline, byline = _split_dateline(text)
            # A change of column width alone does not start an article: features often open
            # with a narrow-column scene before the wide-column report (seed 001).
            if cur is None or cur.closed or dateline or pending_continued:
                why = (
                    f"dateline {dateline}" if dateline
                    else f"continued from {pending_continued}" if pending_continued
                    else "first body text of the page" if cur is None
                    else "the article before was closed"
                )
                notes.append((i, f"starts article {len(drafts) + 1}", (why,)))
                if cur is not None:
                    cur.closed = True
                cur = Draft(position=pos)
                drafts.append(cur)
                cur.byline, pending_byline = pending_byline, None
                cur.continued_from, pending_continued = pending_continued, None
                if byline_choice is not None:
                    _settle_byline(byline_choice, (cur, text))
                    byline_choice = None
            if dateline:
                cur.dateline = dateline
                if byline and cur.byline and not _same_names(cur.byline, byline):
                    # The byline met before this dateline is not the dateline's reporter:
                    # it closed the article above, or it is kept beside the dateline's.
                    before = drafts[-2] if len(drafts) > 1 else None
                    if before is not None and not before.byline:
                        before.byline = cur.byline
                    else:
                        byline = f"{cur.byline} {byline}"
                cur.byline = byline or cur.byline
            m = _CONTINUED_AT_END.search(text)
            if m:
                cur.continued_to = m.group(1)  # `……。（下转第二版）` ends this article
                text = text[: m.start()]
                cur.closed = True
            tag = signoff(text)
            if tag is not None:
                text = text[: len(text) - len(tag) - 2]
                if tag.startswith(("据", "據")) and not cur.dateline:
                    cur.dateline = tag
                elif not cur.byline:
                    cur.byline = tag
                else:
                    cur.byline = f"{cur.byline} {tag}"
                cur.closed = True
                notes.append((i, f"ends article {len(drafts)}", (f"sign-off （{tag}）",)))
            cur.add(text, pos)
        elif u.kind == "byline":
            if cur is not None and not cur.closed and cur.paragraphs and not cur.byline:
                cur.byline = u.text
                cur.closed = True
            elif cur is not None and not cur.closed and cur.paragraphs:
                cur.byline = f"{cur.byline} {u.text}"
                cur.closed = True
            elif after_headline is not None and not after_headline[0].byline:
                byline_choice = (after_headline[0], u.text, after_headline[1])
            else:
                pending_byline = u.text
        elif u.kind == "signoff":
            tag = u.text[1:-1]
            if cur is not None and cur.paragraphs and not cur.closed:
                cur.byline = f"{cur.byline} {tag}" if cur.byline else tag
                cur.closed = True
                notes.append((i, f"ends article {len(drafts)}", (f"sign-off {u.text}",)))
            else:
                stray_signoffs.append(u.text)
        elif u.kind == "caption":
            captions.append((pos, u.text))
        elif u.kind == "continued":
            marker = CONTINUED_RE.match(u.text).group(1)  # type: ignore[union-attr]
            if marker.startswith(("下", "转", "轉")) and cur is not None and cur.paragraphs:
                cur.continued_to = marker  # `（下转第二版）` ends the article above
                notes.append((i, f"ends article {len(drafts)}", (f"continued on: {marker}",)))
            else:
                pending_continued = marker
            if cur is not None:
                cur.closed = True
        elif u.kind == "masthead":
            if cur is not None:
                cur.closed = True
        i += 1
    if byline_choice is not None:
        _settle_byline(byline_choice, None)
    masthead = {u.lines[0].index for u in units if u.kind == "masthead"}
    for p in pool:
        if p.position - 1 in masthead or p.position + 1 in masthead:
            near = drafts[p.drafts_before].grams if p.drafts_before < len(drafts) else set()
            # A line by the masthead is a page banner (`要闻`) when it is short or shares no
            # words with the body below; otherwise it is that body's headline.
            p.banner = han_count(p.text) <= 6 or overlap(p.text, near) < 0.1
    drafts = split_by_headlines(drafts, pool, notes)
    banners, unassigned = assign_headlines(pool, drafts)
    furniture = [u.text for u in units if u.kind in ("masthead", "pagenote")]
    stray = [x for x in (pending_byline, pending_continued) if x] + stray_signoffs
    return Assembly(drafts, captions, banners, furniture + unassigned + stray, notes)


def _settle_byline(
    choice: tuple[Draft, str, list[str]], new: tuple[Draft, str] | None
) -> None:
    """Give a byline met after a headline to the article that headline is about."""
    old, byline, heads = choice
    if new is not None:
        new_grams, old_grams = bigrams(new[1]), old.grams
        to_new = max(overlap(h, new_grams) for h in heads)
        to_old = max(overlap(h, old_grams) for h in heads)
        if to_new > to_old and not new[0].byline:
            new[0].byline = byline
            return
    if not old.byline:
        old.byline = byline


def _pooled(unit: Unit, drafts_before: int, cluster_size: int) -> PooledLine:
    """A pooled headline line; a vertical headline may carry its byline at the end."""
    ln = unit.lines[0]
    text = unit.text
    byline = None
    if ln.vertical:
        m = VERTICAL_BYLINE.search(text)
        if m and len(text) - len(m.group(0)) >= 6:
            text, byline = text[: m.start()], f"{m.group(1)} {m.group(2)}"
    return PooledLine(ln.index, text, ln.spaced, byline, drafts_before, cluster_size=cluster_size)
