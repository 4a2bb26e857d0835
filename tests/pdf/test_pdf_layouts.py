"""Articles come back from generated PDF pages: bodies, titles, bylines, captions, no text lost."""

from __future__ import annotations

import hashlib
from collections import Counter

import pytest

from reader.corpus.model import Article, Issue


def _score(cases) -> dict[str, float]:
    n = bodies = titles = bylines = kickers = 0
    for case in cases:
        got = {a.title: a for a in case.got.articles if a.kind == "article"}
        got_bodies = {a.paragraphs for a in case.got.articles if a.kind == "article"}
        for art in case.true_articles:
            n += 1
            bodies += art.paragraphs in got_bodies
            match = got.get(art.title)
            titles += match is not None
            bylines += match is not None and match.byline == art.byline
            kickers += match is not None and (match.kicker, match.subtitle) == (
                art.kicker, art.subtitle)
    return {"n": n, "bodies": bodies / n, "titles": titles / n, "bylines": bylines / n,
            "heads": kickers / n}


@pytest.mark.parametrize("which", ["tuned_cases", "held_out_cases"])
def test_bodies_and_titles_come_back_exactly(which, request):
    cases = request.getfixturevalue(which)
    score = _score(cases)
    assert len(cases) >= 6 and score["n"] >= 20
    assert score["bodies"] >= 0.98, score
    assert score["titles"] >= 0.95, score
    assert score["bylines"] >= 0.95, score
    assert score["heads"] >= 0.95, score


def test_every_layout_gives_back_its_articles(held_out_cases, tuned_cases):
    for case in held_out_cases + tuned_cases:
        got = [a for a in case.got.articles if a.kind == "article"]
        assert len(got) == len(case.true_articles), case.layout.name


def test_captions_come_back_as_photo_items(held_out_cases, tuned_cases):
    cases = held_out_cases + tuned_cases
    truth = [a.captions for c in cases for a in c.truth.articles if a.kind == "photo"]
    got = {a.captions for c in cases for a in c.got.articles if a.kind == "photo"}
    assert len(truth) >= 8
    assert sum(cap in got for cap in truth) / len(truth) >= 0.95


def test_no_caption_or_masthead_text_in_a_body(held_out_cases, tuned_cases):
    for case in held_out_cases + tuned_cases:
        captions = [a.captions[0] for a in case.truth.articles if a.kind == "photo"]
        furniture = [case.truth.paper, f"第{case.truth.page}版", "星期六"]
        for art in case.got.articles:
            body = art.text
            for cap in captions:
                assert cap[:12] not in body, (case.layout.name, cap)
            for word in furniture:
                assert word not in body, (case.layout.name, word)


def _chars(texts) -> Counter:
    return Counter(ch for t in texts if t for ch in t if not ch.isspace())


def _all_text(art: Article) -> list[str | None]:
    return [art.kicker, art.title if not art.title_derived else None, art.subtitle, art.byline,
            art.dateline, art.continued_from, *art.paragraphs, *art.captions]


def test_no_text_is_lost(held_out_cases, tuned_cases):
    for case in held_out_cases + tuned_cases:
        truth = _chars(t for a in case.truth.articles for t in _all_text(a))
        got = _chars([t for a in case.got.articles for t in _all_text(a)]
                     + list(case.got.furniture))
        missing = truth - got
        assert not missing, (case.layout.name, missing.most_common(5))


def test_masthead_gives_paper_date_page_and_section(tuned_cases):
    for case in tuned_cases:
        issue: Issue = case.got
        assert issue.date == case.truth.date, case.layout.name
        assert issue.page == case.truth.page, case.layout.name
        if case.layout.top != "strip":
            assert issue.paper == case.truth.paper, case.layout.name
            assert issue.section == case.truth.section, case.layout.name


def test_article_ids_follow_the_text_scheme(tuned_cases):
    case = tuned_cases[0]
    used: set[str] = set()
    for art in case.got.articles:
        seed = art.paragraphs[0] if art.kind == "article" else "photo:" + art.captions[0]
        if art.kind == "article" and art.headings and art.headings[0] == 0:
            continue
        digest = hashlib.sha1(seed[:48].encode("utf-8")).hexdigest()[:8]
        assert art.id.startswith(f"{case.got.id}-{digest}")
        assert art.id not in used
        used.add(art.id)


def test_small_type_away_from_pictures_is_a_page_note(held_out_cases):
    from .conftest import PAGE_NOTE

    case = next(c for c in held_out_cases if c.layout.note)
    assert PAGE_NOTE in case.got.furniture
    assert all(PAGE_NOTE not in a.text and PAGE_NOTE not in a.captions
               for a in case.got.articles)
