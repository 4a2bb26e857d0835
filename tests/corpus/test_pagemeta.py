"""Page metadata: mastheads of one line or several, papers beyond a short list, page numbers."""

from __future__ import annotations

import pytest

from reader.corpus.matching import best_assignment
from reader.corpus.parse import parse_issue

BODY = (
    "长春冰雪旅游持续升温\n"
    "本报讯（记者 王小明）今年冬季，长春市冰雪旅游持续升温，各大滑雪场和冰雪乐园游客络绎不绝。"
    "据统计，到2020年全市已建成滑雪场十余座。\n"
    "业内人士表示，冰雪旅游已成为拉动冬季消费的重要引擎。\n"
)


def test_the_new_user_page():
    text = "新用户日报\n2025年3月15日 星期六 第2版 经济\n" + BODY
    issue = parse_issue(text, issue_id="new")
    assert (issue.paper, issue.date, issue.date_inferred, issue.page, issue.section) == (
        "新用户日报", "2025-03-15", False, 2, "经济"
    )
    art = issue.articles[0]
    assert art.title == "长春冰雪旅游持续升温" and not art.title_derived
    assert art.byline == "记者 王小明"


@pytest.mark.parametrize(
    ("masthead", "paper", "page"),
    [
        ("人民日报 2001年1月2日 星期二 第4版", "人民日报", 4),
        ("人民日报海外版\n2001年1月2日 星期二\n第四版", "人民日报海外版", 4),
        ("中国青年报\n2001年1月2日 星期二\n4", "中国青年报", 4),
        ("解放军报 2001年1月2日 星期二 第12版", "解放军报", 12),
        ("明報\n2001年1月2日 星期二\nA4", "明報", 4),
        ("東方日報 2001年1月2日 星期二 第十版", "東方日報", 10),
        ("大公報\n2001年1月2日 星期二", "大公報", None),
        ("某某晚报\n2001年1月2日 星期二", "某某晚报", None),
    ],
)
def test_mastheads_name_paper_date_and_page(masthead, paper, page):
    issue = parse_issue(masthead + "\n" + BODY, issue_id="m")
    assert (issue.paper, issue.date, issue.page) == (paper, "2001-01-02", page)
    assert issue.articles[0].title == "长春冰雪旅游持续升温"
    assert issue.section is None


def test_an_undated_page_stays_undated():
    issue = parse_issue(BODY, issue_id="u")
    assert issue.date is None and issue.paper is None


def test_small_form_punctuation_ends_sentences():
    text = (
        "長者醫療券金額上調\n政府宣布長者醫療券金額上調﹔衞生署表示歡迎﹗\n"
        "有長者團體認為，應增加服務﹖\n"
    )
    issue = parse_issue(text, issue_id="t")
    assert issue.articles[0].paragraphs == (
        "政府宣布長者醫療券金額上調﹔衞生署表示歡迎﹗", "有長者團體認為，應增加服務﹖"
    )


def test_best_assignment_beats_greedy():
    # Greedy would give row 0 column 0 (0.9) and leave row 1 with 0.1.
    scores = [[0.9, 0.8], [0.85, 0.1]]
    assert best_assignment(scores) == [1, 0]
    assert best_assignment([[0.0, 0.5], [0.0, 0.4], [0.3, 0.0]]) == [1, None, 0]
    assert best_assignment([]) == []


def test_continued_on_marker_ends_the_article_above():
    text = (
        "城市公交开通夜间线路\n为方便市民夜间出行，市交通运输局近日新开通三条夜间公交线路。\n"
        "（下转第二版）\n"
        "春耕备耕有序推进\n眼下正值春耕备耕关键时期，全省各地抢抓农时。\n"
    )
    issue = parse_issue(text, issue_id="c")
    first, second = issue.articles
    assert first.continued_to == "下转第二版" and second.continued_from is None
    assert second.title == "春耕备耕有序推进"


def test_a_byline_is_not_lost_to_the_next_dateline():
    text = (
        "城市公交开通夜间线路\n为方便市民夜间出行，市交通运输局近日新开通三条夜间公交线路。\n"
        "春耕备耕有序推进\n本报记者 李红梅\n"
        "本报讯（记者 王晓东）眼下正值春耕备耕关键时期，全省各地抢抓农时。\n"
    )
    issue = parse_issue(text, issue_id="b")
    bylines = " ".join(a.byline or "" for a in issue.articles)
    assert "李红梅" in bylines and "王晓东" in bylines
