"""The pure parts of annotating: placed highlights, note wrapping, markers in the layout."""

from __future__ import annotations

from reader.corpus.model import Article
from reader.language.model import Token
from reader.notes.model import Highlight
from reader.reading.listing import filter_notes, group_notes
from reader.reading.placement import ArticleHighlights, PlacedHighlight, note_lines
from reader.tui.article_layout import layout_article


def _h(hid: str, start: int, end: int, text: str, note: str | None = None) -> Highlight:
    return Highlight(id=hid, issue_id="i", article_id="i-1", start=start, end=end,
                     quote=text[start:end], prefix="", suffix="", note=note)


TEXT = "会议指出，跨境电商发展迅速。\n今年以来，吉林省跨境电商进出口额持续增长。"


def test_the_innermost_highlight_is_the_one_under_a_word() -> None:
    outer = PlacedHighlight(_h("a", 0, 14, TEXT, "outer"), 0, 14)
    inner = PlacedHighlight(_h("b", 5, 9, TEXT), 5, 9)
    lost = PlacedHighlight(_h("c", 0, 2, "旧文"), -1, -1)
    hs = ArticleHighlights([inner, lost, outer])
    assert [p.id for p in hs.in_reading_order()] == ["a", "b", "c"]
    assert hs.at(5, 7).id == "b"  # 跨境: inside both, the shorter wins
    assert hs.at(0, 2).id == "a"
    assert hs.at(20, 22) is None
    assert hs.note_at(5, 7).id == "a"  # only the outer one has a note
    assert hs.marker_ends() == [14]
    assert hs.get("c") is lost and lost.orphan


def test_note_lines_wrap_by_cells_and_end_with_an_ellipsis() -> None:
    lines = note_lines("很长的笔记" * 10, width=10, max_lines=2)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert all(len(ln) <= 5 for ln in lines)  # five CJK characters fill ten cells
    assert note_lines("two words", width=20) == ["two words"]
    assert note_lines("alpha beta gamma delta", width=12) == ["alpha beta", "gamma delta"]


def test_a_noted_highlight_gets_a_marker_cell_after_its_last_word() -> None:
    article = Article(id="i-1", issue_id="i", kind="article", title="T",
                      paragraphs=tuple(TEXT.split("\n")))
    # One token per character: the marker goes after 出 (the character before offset 4).
    tokens = [Token(ch, i, i + 1) for i, ch in enumerate(TEXT) if ch != "\n"]
    plain = layout_article(article, None, tokens, 80)
    marked = layout_article(article, None, tokens, 80, markers=[4])
    spans = [s for ln in marked.lines for s in ln.spans if s.marker]
    assert [(s.start, s.end) for s in spans] == [(3, 4)]
    widths = [sum(s.width for s in ln.spans) for ln in plain.lines]
    assert widths == [sum(s.width for s in ln.spans) for ln in marked.lines]
    last = {ln.spans[-1].x for ln in marked.lines if ln.spans} - {
        ln.spans[-1].x for ln in plain.lines if ln.spans}
    assert last  # everything after the marker moved one cell


def test_notes_are_grouped_by_issue_and_article_and_searched() -> None:
    from reader.corpus.model import Issue

    article = Article(id="i-1", issue_id="i", kind="article", title="Title",
                      paragraphs=tuple(TEXT.split("\n")))
    issue = Issue(id="i", source="i.txt", paper="测试日报", date="2024-06-04", articles=(article,))
    hs = [_h("b", 5, 9, TEXT, "trade"), _h("a", 0, 2, TEXT), _h("x", 0, 2, TEXT)]
    stray = Highlight(id="z", issue_id="old", article_id="old-1", start=0, end=2, quote="旧文",
                      prefix="", suffix="")
    groups = group_notes([*hs, stray], [issue])
    assert [g.label for g in groups] == ["测试日报 · 2024-06-04", "old (not in the library)"]
    assert [e.highlight.id for e in groups[0].articles[0].entries][-1] == "b"
    assert groups[1].articles[0].entries[0].orphan
    found = filter_notes(groups, "TRADE")
    assert [e.highlight.id for g in found for a in g.articles for e in a.entries] == ["b"]
