"""Markdown export of a real notes file on seed articles: exact output, parsed structure."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from reader.corpus.library import load_library
from reader.corpus.model import Article, Issue
from reader.notes.export import DEFAULT_TEMPLATE, build_context, export_markdown, render
from reader.notes.markdown_text import escape_inline
from reader.notes.quote_pinyin import pinyin_line
from reader.notes.store import NotesStore

EXPORTED = "2024-03-09T12:00:00+08:00"


@pytest.fixture(scope="module")
def library() -> list[Issue]:
    return load_library(Path("/nonexistent"))


def _first_text(issue):
    """The first article of an issue that has a body (photo items have none)."""
    return next(a for a in issue.articles if a.kind == "article")


def body_and_meta(markdown: str) -> tuple[str, dict]:
    assert markdown.startswith("---\n")
    front, body = markdown[4:].split("\n---\n", 1)
    return body, yaml.safe_load(front)


def parse(body: str):
    return MarkdownIt("commonmark").parse(body)


def blocks(tokens) -> list[tuple[str, str]]:
    """(enclosing block, inline text) for each inline token, e.g. ("blockquote", "…")."""
    out, stack = [], []
    for t in tokens:
        if t.nesting == 1:
            stack.append(t.type.removesuffix("_open"))
        elif t.nesting == -1:
            stack.pop()
        elif t.type == "inline":
            text = "".join(c.content if c.type in ("text", "code_inline") else "\n"
                           for c in t.children)
            outer = next((s for s in reversed(stack) if s != "paragraph"), "paragraph")
            out.append((outer, text))
    return out


def test_export_matches_expected_markdown(isolated_home, library):
    (i1, a1), (i2, a2) = [(i, _first_text(i)) for i in library[:2]]
    t1, t2 = a1.text, a2.text
    with NotesStore.open(isolated_home) as s:
        s.add_highlight(i1.id, a1.id, t1, 300, 312, note="第二段的笔记")   # added first,
        s.add_highlight(i1.id, a1.id, t1, 20, 30, color="green")          # listed second
        s.add_highlight(i2.id, a2.id, t2, 40, 52, note="two\nlines")
        s.add_highlight(i2.id, "gone-00000000", "消失了的句子。" * 3, 0, 7, note="lost")
        s.save_word(t1[22:24], "xx yy", "first gloss; second", t1[:40], a1.id, i1.id, hsk=4)
    with NotesStore.open(isolated_home, read_only=True) as s:
        md = export_markdown(s.highlights(), s.words(), library, exported=EXPORTED)

    def para(art: Article, offset: int) -> int:
        return sum(1 for start in art.paragraph_starts() if start <= offset)

    def heading(issue: Issue) -> str:
        return escape_inline(" · ".join([issue.paper or "Unknown paper", issue.date or "undated"]
                                        + ([f"page {issue.page}"] if issue.page else [])
                                        + ([issue.section] if issue.section else [])))

    def byline(art: Article, issue: Issue) -> str:
        parts = [escape_inline(x) for x in (art.byline, art.dateline, issue.date) if x]
        return f"*{' · '.join(parts)}*\n\n" if parts else ""

    def title(art: Article) -> str:
        kicker = f"{escape_inline(art.kicker)}: " if art.kicker else ""
        sub = f"{escape_inline(art.subtitle)}\n\n" if art.subtitle else ""
        return f"### {kicker}{escape_inline(art.title)}\n\n{sub}"

    word = t1[22:24]
    expected = (
        "---\n"
        + yaml.safe_dump({"title": "Notes from Dubao", "exported": EXPORTED,
                          "counts": {"issues": 2, "articles": 2, "highlights": 4, "notes": 3,
                                     "orphans": 1, "saved_words": 1},
                          "colors": {"yellow": 3, "green": 1}},
                         allow_unicode=True, sort_keys=False)
        + "---\n\n# Notes from Dubao\n\n"
        + f"## {heading(i1)}\n\n" + title(a1) + byline(a1, i1)
        + f"> {escape_inline(t1[20:30])}\n\n"
        + f"- **{word}** xx yy: first gloss (HSK 4)\n\n"
        + f"`{a1.id} ¶{para(a1, 20)}` · green\n\n"
        + f"> {escape_inline(t1[300:312])}\n\n第二段的笔记\n\n"
        + f"`{a1.id} ¶{para(a1, 300)}` · yellow\n\n"
        + f"## {heading(i2)}\n\n" + title(a2) + byline(a2, i2)
        + f"> {escape_inline(t2[40:52])}\n\ntwo\\\nlines\n\n"
        + f"`{a2.id} ¶{para(a2, 40)}` · yellow\n\n"
        + "## Orphaned highlights\n\n"
        + "These quotes are no longer found in the library's text; they are kept here as they "
          "were.\n\n"
        + "> 消失了的句子。\n\nlost\n\n`gone-00000000 (not found)` · yellow\n"
    )
    assert "\n" not in t1[20:30] + t1[300:312] + t2[40:52]
    assert md == expected


def test_markdown_structure_quote_in_blockquote_note_outside(isolated_home, library):
    issue = library[0]
    art = _first_text(issue)
    with NotesStore.open(isolated_home) as s:
        s.add_highlight(issue.id, art.id, art.text, 100, 120, note="我的想法")
        hs, words = s.highlights(), s.words()
    body, meta = body_and_meta(export_markdown(hs, words, library, pinyin=True))
    assert meta["counts"]["highlights"] == 1 and meta["title"] == art.title
    found = blocks(parse(body))
    quote = art.text[100:120]
    assert ("blockquote", quote.replace("\n", "")) in [(b, t.replace("\n", "")) for b, t in found]
    assert ("paragraph", "我的想法") in found
    pinyin_lines = [t for b, t in found if b == "blockquote" and t != quote]
    assert pinyin_lines == [pinyin_line(quote).replace("\n", " ")]
    assert re.search("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]", pinyin_lines[0])
    assert not re.search(r"[\u4e00-\u9fff]", pinyin_lines[0])


HOSTILE = {
    "heading": "# not a heading",
    "rule": "---",
    "setext": "looks fine\n===",
    "quote": "> not a quote",
    "table": "| a | b |\n|---|---|\n| c | d |",
    "code": "```python\nprint('x')\n```",
    "inline-code": "`code` and ``more``",
    "script": "<script>alert('x')</script>",
    "javascript-link": "[click](javascript:alert(1))",
    "image": "![x](http://example.com/x.png)",
    "autolink": "<javascript:alert(1)>",
    "list": "1. one\n- two\n+ three",
    "indented": "    four spaces",
    "emphasis": "*a* _b_ **c** ~~d~~",
    "entity": "&amp; &lt;",
    "html-comment": "<!-- hidden -->",
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_note_stays_literal_text(isolated_home, library, case):
    issue = library[0]
    art = _first_text(issue)
    note = HOSTILE[case]
    with NotesStore.open(isolated_home) as s:
        h = s.add_highlight(issue.id, art.id, art.text, 10, 20, note=note)
        hs = s.highlights()
        plain = [replace(h, note=None)]
    with_note = parse(body_and_meta(export_markdown(hs, [], library, exported=EXPORTED))[0])
    without = parse(body_and_meta(export_markdown(plain, [], library, exported=EXPORTED))[0])
    # The note adds exactly one paragraph and nothing else: no heading, rule, quote, table,
    # list, code, HTML or link escaped from it.
    added = Counter(t.type for t in with_note) - Counter(t.type for t in without)
    assert added == Counter({"paragraph_open": 1, "inline": 1, "paragraph_close": 1})
    assert Counter(t.type for t in without) - Counter(t.type for t in with_note) == Counter()
    quote_end = next(i for i, t in enumerate(with_note) if t.type == "blockquote_close")
    para = with_note[quote_end + 2]
    assert {c.type for c in para.children} <= {"text", "softbreak", "hardbreak"}
    text = "".join("\n" if c.type != "text" else c.content for c in para.children)
    assert text == "\n".join(line.strip() for line in note.split("\n"))


def test_hostile_article_title_and_quote(library):
    art = Article(id="x-1", issue_id="x", kind="article",
                  title="---\ntitle: hacked\n# <b>bold</b>",
                  paragraphs=("> 引文 | 表格 `code` <script>", "第二段"))
    issue = Issue(id="x", source="x.txt", paper="Paper: \"quoted\"", articles=(art,))
    from reader.notes.anchoring import context
    from reader.notes.model import Highlight
    n = len(art.text)  # the quote spans the paragraph break
    prefix, suffix = context(art.text, 0, n)
    h = Highlight("h-1", "x", "x-1", 0, n, art.text, prefix, suffix)
    body, meta = body_and_meta(export_markdown([h], [], [issue]))
    assert meta["title"] == art.title and meta["paper"] == 'Paper: "quoted"'
    tokens = parse(body)
    found = blocks(tokens)
    assert ("blockquote", art.text) in found
    assert ("heading", " ".join(art.title.split())) in found
    assert not any(t.type in ("html_block", "html_inline", "hr", "table_open") for t in tokens)


def test_default_template_file_gives_the_same_output(isolated_home, library):
    issue = library[0]
    art = _first_text(issue)
    with NotesStore.open(isolated_home) as s:
        s.add_highlight(issue.id, art.id, art.text, 5, 15, note="x")
        hs = s.highlights()
    context = build_context(hs, [], library, exported=EXPORTED)
    assert render(context, DEFAULT_TEMPLATE.read_text(encoding="utf-8")) == render(context)


def test_custom_template(isolated_home, library):
    issue = library[0]
    art = _first_text(issue)
    with NotesStore.open(isolated_home) as s:
        s.add_highlight(issue.id, art.id, art.text, 5, 15, note="*x*")
        hs = s.highlights()
    context = build_context(hs, [], library, exported=EXPORTED)
    out = render(context, "{{ counts.highlights }} highlight\n"
                          "{% for i in issues %}{% for a in i.articles %}"
                          "{% for h in a.highlights %}{{ h.note | md }} @ {{ h.location }}"
                          "{% endfor %}{% endfor %}{% endfor %}")
    assert out == f"1 highlight\n\\*x\\* @ {art.id} ¶1\n"
