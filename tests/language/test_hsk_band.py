"""HSK 3.0 level 7 is the 7-9 band: every place that shows a level says "HSK 7-9"."""

from __future__ import annotations

from reader.cli import main
from reader.corpus.model import Article, Issue
from reader.language import lookup
from reader.language.hsk import hsk_level, hsk_text
from reader.language.model import LookupResult, Token
from reader.notes.export import export_markdown
from reader.notes.model import Highlight, SavedWord

BAND_WORD = "一举"
"""A word of the 7-9 band in HSK 3.0."""


def test_one_label_for_levels_and_the_band():
    assert hsk_level(BAND_WORD) == 7
    assert [hsk_text(n) for n in (1, 6, 7)] == ["HSK 1", "HSK 6", "HSK 7-9"]
    assert hsk_text(None) == ""


def test_cli_lookup_says_the_band(capsys):
    assert main(["lookup", BAND_WORD]) == 0
    out = capsys.readouterr().out
    assert "HSK 7-9" in out


def test_app_glossary_panel_says_the_band():
    from reader.tui.widgets.glossary_panel import describe

    result = lookup(BAND_WORD)
    text = describe(result, Token(BAND_WORD, 0, 2, hsk=7), BAND_WORD, 0, tones=False).plain
    assert "HSK 7-9" in text and "HSK 7\n" not in text
    bare = describe(LookupResult(BAND_WORD, "yī jǔ"), Token(BAND_WORD, 0, 2, hsk=7), "", 0, False)
    assert "HSK 7-9" in bare.plain


def test_markdown_export_says_the_band():
    text = "他一举成名。"
    h = Highlight("h-1", "i", "a", 0, 4, text[:4], "", text[4:], created="2025-01-01")
    w = SavedWord("w-1", BAND_WORD, "yījǔ", "in one move", text, "a", "i", hsk=7)
    article = Article("a", "i", "article", "标题", paragraphs=(text,))
    out = export_markdown([h], [w], [Issue("i", "i.txt", articles=(article,))])
    assert "(HSK 7-9)" in out and "(HSK 7)" not in out
