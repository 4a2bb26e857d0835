"""What was verified by reading every article of the bundled seeds, pinned."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from reader.corpus.decode import read_issue_text
from reader.corpus.parse import parse_issue

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_IDS = sorted(p.stem for p in SEEDS.glob("*.txt"))


def _issue(stem: str):
    text = read_issue_text((SEEDS / f"{stem}.txt").read_bytes())
    return text, parse_issue(text, issue_id=stem)


def _titles(stem: str) -> list[str]:
    return [a.title for a in _issue(stem)[1].articles if a.kind == "article"]


def test_five_seeds_are_bundled():
    assert len(SEED_IDS) == 5


@pytest.mark.parametrize("stem", SEED_IDS)
def test_no_han_text_is_lost_or_doubled(stem):
    """Every Han character of the page lands in exactly one place of the parsed issue."""
    text, issue = _issue(stem)
    found: list[str] = list(issue.furniture)
    for a in issue.articles:
        found += [a.kicker or "", "" if a.title_derived else a.title, a.subtitle or ""]
        found += [a.byline or "", a.dateline or "", a.continued_from or ""]
        found += [*a.paragraphs, *a.captions]

    def han(s: str) -> Counter:
        return Counter(re.findall(r"[\u4e00-\u9fff]", s))

    assert han(text) == han("".join(found))


@pytest.mark.parametrize("stem", SEED_IDS)
def test_bodies_hold_no_bylines_credits_or_markers(stem):
    _, issue = _issue(stem)
    for a in issue.articles:
        for k, para in enumerate(a.paragraphs):
            assert not re.match(r"^本报(\d+月\d+日)?讯（", para)
            assert not re.search(r"\s\S{2,3}\s*摄$", para)
            assert "上接第" not in para
            if k not in a.headings:
                assert para[-1] in "。！？”…；）", (a.title, para[-20:])


def test_seed_000_articles_headlines_and_metadata():
    _, issue = _issue("000_7f3daf117c43b295")
    assert (issue.paper, issue.date, issue.date_inferred) == ("吉林日报", "2024-06-03", True)
    arts = [a for a in issue.articles if a.kind == "article"]
    assert [a.title for a in arts] == [
        "吉林省非物质文化遗产保护传承工作专题推进会召开",
        "吉林面向东北亚打好“开放牌”",
        "构建干部教育培训体系 锻造高素质干部队伍",
        "6月1日起，珲春市进入汛期",
        "珲春市总工会第三期“惠职工·促消费”普惠活动已上线",
        "珲春市1人入选吉林省最美生态环境志愿者",
        "建行珲春支行完成全省首笔跨境金融服务平台“银企融资”对接业务",
        "日前，珲春市三家子满族乡东岗子村党支部开展“党…",
    ]
    assert arts[0].kicker == "彰显文化价值焕发时代风采"
    assert arts[0].byline == "吉林日报记者 裴雨虹" and arts[0].dateline == "本报讯"
    assert arts[1].dateline == "据新华网电" and len(arts[1].paragraphs) == 24
    assert [arts[1].paragraphs[k] for k in arts[1].headings] == [
        "向北开放新窗口", "跨境电商新业态", "开放联动新探索"
    ]
    assert arts[-1].title_derived and not arts[0].title_derived
    # A justified letter-spaced body line is joined back into its paragraph.
    joined = "成为全省范围内首笔成功落地的跨境金融服务平台“银企融资”对接业务。"
    assert joined in arts[6].paragraphs[0]
    photos = [a for a in issue.articles if a.kind == "photo"]
    assert len(photos) == 1
    assert photos[0].captions[0].endswith("图为社区志愿者在教孩子们做手工。 祖志 摄")


def test_seed_001_vertical_headline_and_continued_article():
    _, issue = _issue("001_cf020c94727bd2ef")
    assert issue.date == "2023-04-09" and issue.section == "贯彻落实全国两会精神"
    by_title = {a.title: a for a in issue.articles}
    minzheng = by_title["省民政厅：筑牢“一老一小”民生底线绘就“朝夕”幸福画卷"]
    assert minzheng.byline == "本报记者 祖维晨"
    wenhua = by_title["文化赋能激发乡村振兴新活力"]
    assert wenhua.subtitle == "我省实施文化产业高质量发展十大行动亮点采撷"
    assert wenhua.byline == "本报记者 纪洋"
    kou_an = by_title["互联互通海阔天空"]
    assert kou_an.continued_from == "上接第一版"
    assert kou_an.paragraphs[0].startswith("“我们公司主要从事向俄罗斯出口商品车业务")
    siping = by_title["四平地区2023届毕业生专场招聘会在吉林师范大学举行"]
    assert siping.kicker == "创业奋斗“就”在吉林"
    assert "全国首单绿色碳排放权资产担保债务融资工具在我省落地" in by_title


def test_seed_002_headlines_after_bodies():
    _, issue = _issue("002_42bc9256d97c8f20")
    assert issue.date == "2023-01-08"
    titles = _titles("002_42bc9256d97c8f20")
    assert titles[:5] == [
        "我省经贸团启程赴香港拓商机",
        "快递小哥的一天",
        "四平举办二龙湖冰雪渔猎文化节",
        "2023年“长春-莫斯科（梅花赖氨酸）”专列首发",
        "磐石市第七届冰雪文化节暨“五冶”杯冰雪汽车拉力赛开幕",
    ]
    arts = {a.title: a for a in issue.articles}
    assert arts["快递小哥的一天"].byline == "本报记者 邱国强 通讯员 张贵凤"
    assert arts["四平举办二龙湖冰雪渔猎文化节"].kicker == "文旅一体 旺销畅玩"
    qa = arts["加强省人大政府政协换届风气监督工作问答"]
    assert sum(p.startswith("问：") for p in qa.paragraphs) == 2
    assert sum(p.startswith("答：") for p in qa.paragraphs) == 2


def test_seed_003_one_paragraph_per_line_page():
    _, issue = _issue("003_f0ed6576e03ff77b")
    assert (issue.paper, issue.date) == ("长春晚报", "2026-05-21")
    titles = _titles("003_f0ed6576e03ff77b")
    assert titles == [
        "吉林锚定高水平对外开放 擘画“十五五”开放发展新蓝图",
        "吉林外国语大学 举行国际健康义诊活动",
        "男童被洗衣机滚筒卡住 长春消防成功拆解救出",
        "民警耐心劝导两小时 成功救下轻生男子",
        "试点引领 外引内培 服务赋能 长春市商务局提质发展持续优化营商环境",
    ]
    first = issue.articles[0]
    assert len(first.headings) == 8 and first.paragraphs[first.headings[0]].startswith("1 ")
    shangwu = issue.articles[-1]
    # A paragraph split across lines mid-word (欧|亚新生活) is mended.
    assert any("欧亚新生活购物广场副总经理张雨萍深有感触。" in p for p in shangwu.paragraphs)


def test_seed_004_printed_date_page_and_split_paragraph():
    _, issue = _issue("004_7f22500536915bc1")
    assert (issue.paper, issue.date, issue.date_inferred, issue.page) == (
        "吉林日报", "2024-03-09", False, 5
    )
    art = issue.articles[0]
    assert art.title == "率先突破，吉林如何打开高水平开放大门"
    assert art.byline == "本报记者 陶连飞"
    # A paragraph broken by a column jump (…新发展|格局…) is put back together.
    assert any("为核心的新发展格局，更是优化吉林省区域间协调发展" in p for p in art.paragraphs)
    assert len([a for a in issue.articles if a.kind == "photo"]) == 4


def test_photos_stand_where_the_page_prints_them():
    _, top = _issue("002_42bc9256d97c8f20")
    assert [a.kind for a in top.articles[:2]] == ["photo", "article"]  # caption heads the page
    _, bottom = _issue("004_7f22500536915bc1")
    assert [a.kind for a in bottom.articles] == ["article"] + ["photo"] * 4
