"""Lines from characters: Latin word gaps become spaces, CJK gaps never do; fake bold reads once."""

from __future__ import annotations

from reader.corpus.pdf.document import Char
from reader.corpus.pdf.lines import build_lines


def _chars(text: str, x: float, size: float = 10.0, advance: float = 10.0,
           gaps: dict[int, float] | None = None) -> list[Char]:
    out = []
    for k, ch in enumerate(text):
        x += (gaps or {}).get(k, 0.0)
        out.append(Char(ch, x, x + advance, 100.0, 100.0 + size, size, False))
        x += advance
    return out


def test_white_between_latin_words_is_a_space():
    chars = _chars("RCEPdeal", 0.0, advance=5.0, gaps={4: 3.0})
    [line] = build_lines(tuple(chars))
    assert line.text == "RCEP deal"


def test_justified_chinese_gets_no_spaces():
    chars = _chars("吉林省开放", 0.0, gaps={1: 2.5, 2: 2.5, 3: 2.5, 4: 2.5})
    [line] = build_lines(tuple(chars))
    assert line.text == "吉林省开放"


def test_a_gutter_splits_two_columns_on_one_baseline():
    chars = _chars("左栏文字", 0.0) + _chars("右栏文字", 52.0)
    lines = build_lines(tuple(chars))
    assert [ln.text for ln in lines] == ["左栏文字", "右栏文字"]


def _line(text: str, top: float, size: float = 10.0, x0: float = 0.0, bold: bool = False,
          x1: float | None = None):
    from reader.corpus.pdf.lines import TextLine

    return TextLine(text, x0, x1 if x1 is not None else x0 + size * len(text), top, top + size,
                    size, bold)


def test_a_bold_line_a_little_larger_than_the_body_is_a_headline():
    from reader.corpus.pdf.articles import build_articles

    region = [
        _line("粗体标题", 0, size=11.0, bold=True),
        _line("　正文第一行写到这里为止没有结束", 20, x0=20.0, x1=160.0),
        _line("正文第二行。", 35, x1=60.0),
    ]
    [art], _ = build_articles([region], 10.0, "page")
    assert art.title == "粗体标题" and not art.title_derived
    plain = [_line("不粗的字", 0, size=11.0), *region[1:]]
    [art], _ = build_articles([plain], 10.0, "page")
    assert art.title_derived and "不粗的字" in (art.byline, *art.paragraphs)


def test_kicker_title_and_subtitle_by_size():
    from reader.corpus.pdf.articles import build_articles

    region = [
        _line("引题", 0, size=14.0),
        _line("主标题", 20, size=22.0),
        _line("——副标题", 50, size=14.0),
        _line("正文只有一行。", 80, x0=20.0),
    ]
    [art], _ = build_articles([region], 10.0, "page")
    assert (art.kicker, art.title, art.subtitle) == ("引题", "主标题", "副标题")
