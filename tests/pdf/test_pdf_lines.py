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
