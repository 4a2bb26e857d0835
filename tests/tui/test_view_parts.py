"""The article view's parts on their own: selection, pointer, geometry (no app running)."""

from __future__ import annotations

from textual.geometry import Region

from reader.corpus.model import Article
from reader.language.model import Token
from reader.tui.article_layout import layout_article
from reader.tui.widgets.article_geometry import (
    Viewport,
    into_view,
    offset_target,
    token_under,
    top_offset,
    word_region,
)
from reader.tui.widgets.text_selection import Selection, changed_range
from reader.tui.widgets.word_cursor import Pointer

TEXT = "会议指出，跨境电商发展迅速。今年以来，吉林省跨境电商进出口额持续增长。" * 6
TOKENS = [Token(TEXT[i:i + 2], i, i + 2) for i in range(0, len(TEXT) - 1, 2)]


def test_a_selection_runs_between_whole_words_and_reports_what_changed() -> None:
    sel = Selection()
    assert not sel.active and sel.range(TOKENS, TEXT) is None
    sel.start(2)
    assert sel.range(TOKENS, TEXT) == (4, 6)
    assert sel.extend(4) and not sel.extend(4)
    assert sel.range(TOKENS, TEXT) == (4, 10)
    assert sel.extend(1) and sel.range(TOKENS, TEXT) == (2, 6)  # backwards from the anchor
    assert changed_range((4, 10), (2, 6)) == (2, 10)
    assert changed_range(None, (2, 6)) == (2, 6) and changed_range((2, 6), (2, 6)) is None
    assert sel.clear() and not sel.clear()


def test_a_drag_selects_and_its_click_is_not_a_lookup() -> None:
    sel = Selection()
    sel.press(3)
    assert not sel.drag_to(3)  # still on the pressed word: no drag yet
    assert sel.drag_to(6) and sel.active and sel.range(TOKENS, TEXT) == (6, 14)
    assert sel.release() == 6
    assert sel.take_click() and not sel.take_click()
    sel.press(None)
    assert not sel.drag_to(5)


def test_the_pointer_remembers_cursor_and_hover() -> None:
    p = Pointer()
    assert p.move_cursor(4) is None and p.move_cursor(7) == 4
    assert p.pointed == 7
    assert p.set_hover(2) == (True, None) and p.pointed == 2
    assert p.set_hover(2) == (False, 2)
    assert p.set_hover(None) == (True, 2) and p.pointed == 7


def test_geometry_answers_from_the_layout_and_the_viewport() -> None:
    article = Article(id="a", issue_id="i", kind="article", title="T", paragraphs=(TEXT,))
    page = layout_article(article, None, TOKENS, 30)
    view = Viewport(top=0, left=0, region=Region(1, 2, 30, 5))
    first_body = next(y for y, ln in enumerate(page.lines) if ln.kind == "body" and ln.spans)
    assert top_offset(page, 0) == 0 and top_offset(page, len(page.lines)) is None
    token = page.lines[first_body].spans[0].token
    region = word_region(page, token, view)
    assert region is not None and region.y == 2 + first_body and region.x >= 1
    assert token_under(page, region.x - 1, first_body, view) == token
    far = len(page.lines) - 1
    assert into_view(far, view) == far + 2 - 5  # scrolled just enough
    assert into_view(first_body, Viewport(0, 0, Region(0, 0, 30, 40))) is None
    assert offset_target(page, len(TEXT) - 2, view, top=True) is not None
    assert word_region(page, token, Viewport(far, 0, view.region)) is None  # off screen


def test_headline_and_caption_words_are_laid_out_as_words_around_the_body() -> None:
    from reader.language import tokenize
    from reader.reading.article_parts import part_tokens
    from reader.tui.article_layout import CAPTION_PREFIX, is_word
    from reader.tui.word_motion import step_word

    article = Article(id="a", issue_id="i", kind="article", title="吉林省跨境电商进出口",
                      paragraphs=(TEXT,), captions=("图为会议现场。本报记者 王某 摄",))
    plain = layout_article(article, None, TOKENS, 40)
    assert not any(ln.style for ln in plain.lines)  # no tokens for them yet: decoration
    page = layout_article(article, None, TOKENS, 40, parts=part_tokens(article, tokenize))
    title = [ln for ln in page.lines if ln.style == "title"]
    caption = [ln for ln in page.lines if ln.style == "caption"]
    assert title and caption and all(ln.kind == "body" for ln in title + caption)
    assert "".join(page.span_text(s) for ln in title for s in ln.spans) == article.title
    assert caption[0].decor == ((CAPTION_PREFIX, "rule"),)
    assert caption[0].spans[0].x == page.left + len(CAPTION_PREFIX)  # after "▌ "
    # Reading order: headline words, the body, the caption; body offsets unchanged.
    starts = [page.tokens[i].start for i in page.words]
    assert starts == sorted(starts) and starts[0] < 0 < starts[-1] - len(TEXT)
    first = step_word(page, None, 1)
    assert first is not None and page.tokens[first].start < 0 and is_word(page.tokens[first])
    assert page.word_at_offset(0) == next(i for i in page.words if page.tokens[i].start >= 0)
    assert page.tokens[page.token_at_offset(5)].start == 4
