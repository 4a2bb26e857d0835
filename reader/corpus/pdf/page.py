"""One PDF page -> an Issue: lines, furniture, reading order, articles."""

from __future__ import annotations

from reader.corpus.model import Issue
from reader.corpus.pdf.articles import build_articles
from reader.corpus.pdf.document import PageContent
from reader.corpus.pdf.furniture import page_meta, split_furniture
from reader.corpus.pdf.lines import body_size, build_lines, captions_under
from reader.corpus.pdf.order import reading_order

MIN_TEXT_CHARS = 20
"""A page with fewer printed characters than this has no text layer (a scan or a picture)."""


def has_text_layer(page: PageContent) -> bool:
    """True when the page carries printed characters rather than only pictures."""
    return sum(1 for c in page.chars if not c.text.isspace()) >= MIN_TEXT_CHARS


def read_page(page: PageContent, issue_id: str, source: str) -> Issue:
    """The articles of one page, with metadata from its furniture."""
    lines = build_lines(page.chars)
    em = body_size(lines, page.pictures)
    furniture, content = split_furniture(page, lines, em)
    regions = reading_order(content, em)
    captions = captions_under(content, page.pictures) if page.pictures else None
    articles, leftovers = build_articles(regions, em, issue_id, captions)
    meta = page_meta(furniture, em, page.width)
    return Issue(
        id=issue_id,
        source=source,
        paper=meta.paper,
        date=meta.date,
        date_inferred=False,
        page=meta.page,
        section=meta.section,
        articles=tuple(articles),
        furniture=tuple(ln.text.strip() for ln in furniture) + tuple(leftovers),
    )
