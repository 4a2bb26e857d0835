"""Build the articles of a PDF page from its lines in reading order, by size and position."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.corpus.model import Article
from reader.corpus.parse import article_id, derive_title, photo_item
from reader.corpus.pdf.lines import HEAD_EMS, TextLine

SMALL_EMS = 0.92
"""Lines smaller than this many body ems are captions (or furniture, by position)."""
INDENT_EMS = 0.8
"""A line starting this far right of its column's edge opens a paragraph."""
SHORT_EMS = 1.0
"""A line ending this far left of its column's right edge closes its paragraph."""

DATELINE_RE = re.compile(
    r"^(本[报報](?:\d{1,2}月\d{1,2}日)?[讯訊]|[据據][^（(，。]{1,10}[电電]|新[华華]社[^（(，。]{0,10}[电電]"
    r"|[^（(，。]{2,8}(?:日[报報]|晚[报報]|早[报報])[讯訊])"
    r"[（(]([^）)]{1,30})[）)]"
)
"""`本报讯（记者 张三）`: the same datelines the text parser knows."""
CONTINUED_RE = re.compile(r"^[（(]?(上接第.{1,4}版|接第.{1,4}版)[）)]?$")
_CLOSES_CLAUSE = "。！？；：，、…”"
_SENTENCE_ENDS = "。！？…”"


@dataclass
class _Para:
    """A paragraph being read: its text, line count and whether its first line is indented."""

    text: str
    lines: int
    indented: bool


@dataclass
class _Draft:
    """An article under construction."""

    head: list[TextLine] = field(default_factory=list)
    paras: list[_Para] = field(default_factory=list)


@dataclass
class _Item:
    """A draft or a caption, in page order."""

    draft: _Draft | None = None
    caption: str | None = None
    note: str | None = None


def kind_of(line: TextLine, em: float) -> str:
    """`head`, `body` or `small`, by the line's size against the body size."""
    if line.size >= HEAD_EMS * em or (line.bold and line.size >= 1.1 * em):
        return "head"
    if line.size < SMALL_EMS * em:
        return "small"
    return "body"


def build_articles(
    regions: list[list[TextLine]], em: float, issue_id: str, captions: set[int] | None = None
) -> tuple[list[Article], list[str]]:
    """Articles and photo items in reading order, plus leftover text (furniture).

    `captions` holds the ids of the lines under pictures: small type elsewhere is a page
    note or credit, not a caption. None (a page without pictures) takes all small type.
    """
    items = _walk(regions, em, captions)
    articles: list[Article] = []
    leftovers: list[str] = []
    used: set[str] = set()
    for item in items:
        if item.note is not None:
            leftovers.append(item.note)
        elif item.caption is not None:
            articles.append(photo_item(issue_id, item.caption, used))
        elif item.draft is not None:
            art = _article(issue_id, item.draft, used)
            if art is None:
                leftovers += [ln.text.strip() for ln in item.draft.head]
            else:
                articles.append(art)
    return articles, leftovers


def _walk(regions: list[list[TextLine]], em: float, captions: set[int] | None) -> list[_Item]:
    """Turn the lines into drafts and captions: headline type opens an article."""
    items: list[_Item] = []
    draft: _Draft | None = None
    caption: list[str] | None = None
    prev_short = True
    for region in regions:
        body = [ln for ln in region if kind_of(ln, em) == "body"]
        left = min((ln.x0 for ln in body), default=0.0)
        right = max((ln.x1 for ln in body), default=0.0)
        caption = None  # a caption sits under its own photo: it never runs into the next block
        for ln in region:
            kind = kind_of(ln, em)
            if kind == "small" and captions is not None and id(ln) not in captions:
                items.append(_Item(note=ln.text.strip()))
                caption = None
                continue
            if kind != "small":
                caption = None
            if kind == "small":
                if caption is None:
                    caption = []
                    items.append(_Item(caption=""))
                caption.append(ln.text)
                items[-1].caption = "".join(caption).strip()
                continue
            if kind == "head":
                if draft is None or draft.paras:
                    draft = _Draft()
                    items.append(_Item(draft=draft))
                draft.head.append(ln)
                prev_short = True
                continue
            if draft is None:
                draft = _Draft()
                items.append(_Item(draft=draft))
            indented = ln.x0 - left >= INDENT_EMS * em
            short = ln.x1 <= right - SHORT_EMS * em
            if indented or prev_short or not draft.paras or _subhead_after(draft, ln, short):
                draft.paras.append(_Para(ln.text, 1, indented))
            else:
                last = draft.paras[-1]
                last.text += ln.text
                last.lines += 1
            prev_short = short
    return items


def _subhead_after(draft: _Draft, line: TextLine, short: bool) -> bool:
    """A short line ending no clause, after a sentence that ended flush: a subhead.

    A paragraph whose last line happens to be full gives no white to show its end; an
    unindented subhead after it still stands apart by ending short and without punctuation.
    """
    text = line.text.rstrip()
    return (short and bool(text) and text[-1] not in _CLOSES_CLAUSE + "）)"
            and draft.paras[-1].text.rstrip()[-1:] in _SENTENCE_ENDS)


def _split_head(head: list[TextLine]) -> tuple[str | None, str | None, str | None]:
    """(kicker, title, subtitle): the largest run of type is the title."""
    if not head:
        return None, None, None
    runs: list[list[TextLine]] = []
    for ln in head:
        if runs and abs(runs[-1][-1].size - ln.size) < 0.5:
            runs[-1].append(ln)
        else:
            runs.append([ln])
    k = max(range(len(runs)), key=lambda i: (runs[i][0].size, -i))

    def text(group: list[list[TextLine]]) -> str | None:
        joined = "".join(ln.text for run in group for ln in run).strip()
        return joined or None

    subtitle = text(runs[k + 1 :])
    if subtitle:
        subtitle = subtitle.lstrip("—－-").strip() or None
    return text(runs[:k]), text([runs[k]]), subtitle


def _article(issue_id: str, d: _Draft, used: set[str]) -> Article | None:
    """An Article from a draft; None when it has no body (a stray headline)."""
    paras = [_Para(p.text.strip(), p.lines, p.indented) for p in d.paras if p.text.strip()]
    if not paras:
        return None
    kicker, title, subtitle = _split_head(d.head)
    byline = dateline = continued = None
    if len(paras) > 1 and CONTINUED_RE.match(paras[0].text):
        continued = CONTINUED_RE.match(paras[0].text).group(1)  # type: ignore[union-attr]
        paras = paras[1:]
    if len(paras) > 1 and _is_byline(paras[0]):
        byline = paras[0].text
        paras = paras[1:]
    m = DATELINE_RE.match(paras[0].text)
    if m:
        dateline, byline = m.group(1), byline or m.group(2).strip()
        rest = paras[0].text[m.end() :].lstrip()
        paras = ([_Para(rest, 1, True)] if rest else []) + paras[1:]
        if not paras:
            return None
    texts = [p.text for p in paras]
    headings = tuple(k for k, p in enumerate(paras) if _is_heading(p, k, len(paras)))
    start = next((t for k, t in enumerate(texts) if k not in headings), texts[0])
    return Article(
        id=article_id(issue_id, start, used),
        issue_id=issue_id,
        kind="article",
        title=title or derive_title(start),
        title_derived=title is None,
        kicker=kicker,
        subtitle=subtitle,
        byline=byline,
        dateline=dateline,
        continued_from=continued,
        paragraphs=tuple(texts),
        headings=headings,
    )


def _is_byline(p: _Para) -> bool:
    """A short unindented first paragraph that is no clause: the names under a headline."""
    return (p.lines <= 2 and not p.indented and len(p.text) <= 40
            and not any(ch in p.text for ch in _CLOSES_CLAUSE))


def _is_heading(p: _Para, k: int, count: int) -> bool:
    """A one-line unindented paragraph inside the body that ends no sentence: a subhead."""
    return (0 < k < count - 1 and p.lines == 1 and not p.indented and len(p.text) <= 30
            and p.text[-1] not in _CLOSES_CLAUSE)
