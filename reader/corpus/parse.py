"""Parse the text of one printed page into an Issue with its articles."""

from __future__ import annotations

import hashlib
import re

from reader.corpus.assemble import Draft, assemble
from reader.corpus.blocks import build_units
from reader.corpus.headlines import split_headline
from reader.corpus.lines import read_lines
from reader.corpus.metadata import page_meta
from reader.corpus.model import Article, Issue

_SENTENCE_END = re.compile(r"[。！？!?]")


def parse_issue(text: str, issue_id: str, source: str = "") -> Issue:
    """Parse the text of one page; the same text always gives the same Issue and ids."""
    lines = read_lines(text)
    units = build_units(lines)
    assembly = assemble(units)
    articles: list[Article] = []
    used: set[str] = set()
    ordered: list[tuple[int, Article]] = []
    for d in assembly.drafts:
        if not d.paragraphs:
            continue
        ordered.append((d.position, _article(issue_id, d, used)))
    for pos, caption in assembly.captions:
        ordered.append((pos, photo_item(issue_id, caption, used)))
    articles = [a for _, a in sorted(ordered, key=lambda x: x[0])]
    leads = [d.paragraphs[0] for d in assembly.drafts if d.paragraphs]
    meta = page_meta(text, units, assembly.banners, leads)
    return Issue(
        id=issue_id,
        source=source,
        paper=meta.paper,
        date=meta.date,
        date_inferred=meta.date_inferred,
        page=meta.page,
        section=meta.section,
        articles=tuple(articles),
        furniture=tuple(assembly.leftovers),
    )


def article_id(issue_id: str, seed: str, used: set[str]) -> str:
    """Issue id + short hash of the start of the body; unique within the issue (text and PDF
    pages alike: annotations hang on these ids)."""
    digest = hashlib.sha1(seed[:48].encode("utf-8")).hexdigest()
    n = 8
    aid = f"{issue_id}-{digest[:n]}"
    while aid in used:
        n += 2
        aid = f"{issue_id}-{digest[:n]}"
    used.add(aid)
    return aid


def derive_title(text: str, limit: int = 24) -> str:
    """A title from the first sentence of a body, shortened to `limit` characters."""
    first = _SENTENCE_END.split(text, maxsplit=1)[0].strip()
    return first if len(first) <= limit else first[: limit - 1] + "…"


def _article(issue_id: str, d: Draft, used: set[str]) -> Article:
    """Turn a draft into an Article, deriving a title when the page gives none."""
    kicker, title, subtitle = split_headline(d.head_lines, d.body)
    body_start = next(
        (p for k, p in enumerate(d.paragraphs) if k not in d.headings), d.paragraphs[0]
    )
    derived = title is None
    return Article(
        id=article_id(issue_id, body_start, used),
        issue_id=issue_id,
        kind="article",
        title=title or derive_title(body_start),
        title_derived=derived,
        kicker=kicker,
        subtitle=subtitle,
        byline=d.byline,
        dateline=d.dateline,
        continued_from=d.continued_from,
        continued_to=d.continued_to,
        paragraphs=tuple(d.paragraphs),
        captions=(),
        headings=tuple(d.headings),
    )


def photo_item(issue_id: str, caption: str, used: set[str]) -> Article:
    """A photo item: its caption, with a title from the caption's first sentence (text and
    PDF pages alike)."""
    text = caption.removeprefix("图为").removeprefix("圖為")
    return Article(
        id=article_id(issue_id, "photo:" + caption, used),
        issue_id=issue_id,
        kind="photo",
        title=derive_title(text),
        title_derived=True,
        captions=(caption,),
    )
