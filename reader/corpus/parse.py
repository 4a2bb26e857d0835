"""Provisional page parser (to be replaced): one article per page, naive reflow."""

from __future__ import annotations

import hashlib

from reader.corpus.model import Article, Issue


def parse_issue(text: str, issue_id: str, source: str = "") -> Issue:
    """Parse the text of one page into an Issue."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    paras: list[str] = []
    cur = ""
    for ln in lines:
        cur += ln
        if ln[-1] in "。！？”":
            paras.append(cur)
            cur = ""
    if cur:
        paras.append(cur)
    body = "".join(paras)
    aid = f"{issue_id}-{hashlib.sha1(body[:40].encode()).hexdigest()[:8]}"
    art = Article(id=aid, issue_id=issue_id, kind="article", title=paras[0][:20],
                  title_derived=True, paragraphs=tuple(paras))
    return Issue(id=issue_id, source=source, articles=(art,))
