"""The parser on generated pages: nothing lost or doubled, nothing foreign in a body, scores."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from pagegen import FEATURES, pages
from pagescore import han_found, han_of, score

from reader.corpus.parse import parse_issue

CONDITIONS = [(trad, dl) for trad in (False, True) for dl in (False, True)]


def _ids(layout) -> str:
    return layout.name.replace(" ", "-")


@pytest.mark.parametrize("layout", FEATURES, ids=_ids)
@pytest.mark.parametrize(("trad", "datelines"), CONDITIONS)
def test_no_han_character_lost_or_doubled(layout, trad, datelines):
    for text, _ in pages(layout, trad, datelines, n=2):
        issue = parse_issue(text, issue_id="gen")
        assert han_found(issue) == han_of(text)


@pytest.mark.parametrize("layout", FEATURES, ids=_ids)
@pytest.mark.parametrize(("trad", "datelines"), CONDITIONS)
def test_no_caption_credit_byline_dateline_or_masthead_in_a_body(layout, trad, datelines):
    for text, truth in pages(layout, trad, datelines, n=2):
        issue = parse_issue(text, issue_id="gen")
        bodies = [p for a in issue.articles if a.kind == "article" for p in a.paragraphs]
        foreign = [*truth.captions, *truth.masthead]
        foreign += [d for d in truth.datelines if d]
        foreign += [f"记者 {s.reporter}" for s in truth.stories]
        foreign += [f"記者 {s.reporter}" for s in truth.stories]
        foreign += [f"（{s.reporter}）" for s in truth.stories]
        for para in bodies:
            for bit in foreign:
                assert bit not in para, (bit, para)
            assert not re.search(r"[摄攝][）)]?$", para)


def _totals(trad: bool, datelines: bool) -> tuple[float, float, float]:
    """Share of bodies, titles and paragraph counts exactly right on the fixed set."""
    tot = [0, 0, 0, 0]
    for layout in FEATURES:
        if layout.headlines == "end" and not datelines:
            continue  # nothing but content separates bodies there: not a headline layout
        for text, truth in pages(layout, trad, datelines, n=6):
            for i, v in enumerate(score(parse_issue(text, issue_id="gen"), truth)):
                tot[i] += v
    return tot[0] / tot[3], tot[1] / tot[3], tot[2] / tot[3]


@pytest.mark.parametrize("trad", [False, True], ids=["simplified", "traditional"])
def test_articles_separated_only_by_headlines(trad):
    bodies, titles, paras = _totals(trad, datelines=False)
    assert bodies >= 0.90 and titles >= 0.85 and paras >= 0.85, (bodies, titles, paras)


@pytest.mark.parametrize("trad", [False, True], ids=["simplified", "traditional"])
def test_articles_with_datelines(trad):
    bodies, _, _ = _totals(trad, datelines=True)
    assert bodies >= 0.95, bodies


@pytest.mark.parametrize("masthead", ["lines", "one"])
@pytest.mark.parametrize("trad", [False, True], ids=["simplified", "traditional"])
def test_masthead_gives_paper_date_and_page(masthead, trad):
    layout = replace(FEATURES[0], masthead=masthead)
    for text, truth in pages(layout, trad, False, n=2):
        issue = parse_issue(text, issue_id="gen")
        assert (issue.paper, issue.date, issue.page) == (truth.paper, truth.date, truth.page)
        assert issue.section is None  # the first headline is no section


def test_pages_without_masthead_name_no_paper_or_page():
    for text, _ in pages(FEATURES[0], False, False, n=3):
        issue = parse_issue(text, issue_id="gen")
        assert issue.page is None and issue.section is None
