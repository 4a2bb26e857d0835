"""A page at the size limit: the layout's compact indexes and fast paths agree with the plain
ones, and big structures are built without the collector (speed: `reader bench hostile`)."""

from __future__ import annotations

import gc
import threading

from reader.benchmarks.hostile import hostile_page
from reader.corpus.decode import MAX_BYTES, MAX_LINE_CHARS, read_issue_text
from reader.corpus.model import Article
from reader.language import tokenize
from reader.language.gc_pause import paused_gc
from reader.language.model import Token
from reader.tui.article_layout import ArticleLayout, is_word, layout_article
from reader.tui.word_motion import step_line, step_word

TEXT = ("会议指出，跨境电商发展迅速。[/]今年以来，吉林省跨境电商进出口额持续增长。"
        "Latin words, 123.4 km² [@click=app.quit]q[/] русский 🙂 " + "abcdefghij" * 8 + "\n") * 40


def _layout(text: str = TEXT, width: int = 60, **kw: object) -> ArticleLayout:
    article = Article(id="a", issue_id="i", kind="article", title="标题[/]",
                      paragraphs=tuple(text.split("\n")))
    return layout_article(article, None, tokenize(article.text), width, **kw)  # type: ignore[arg-type]


def _lines_by_scan(layout: ArticleLayout) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for y, line in enumerate(layout.lines):
        if line.kind == "body":
            for span in line.spans:
                out.setdefault(span.token, []).append(y)
    return out


def test_token_lines_list_every_line_a_token_is_drawn_on() -> None:
    for ruby in (False, True):
        layout = _layout(width=24, ruby=ruby)  # narrow: long tokens split over lines
        scanned = _lines_by_scan(layout)
        assert any(len(v) > 1 for v in scanned.values())
        assert layout.token_lines == scanned
        for token in range(len(layout.tokens)):
            assert layout.token_lines.get(token, ()) == scanned.get(token, ())
            assert (token in layout.token_lines) == (token in scanned)
        assert len(layout.tokens) not in layout.token_lines and -1 not in layout.token_lines


def _step_by_list(layout: ArticleLayout, token: int, step: int) -> int:
    stops = [i for i in layout.words if i in layout.token_lines]
    after = [i for i in stops if i > token]
    before = [i for i in stops if i < token]
    if step > 0:
        return after[min(step, len(after)) - 1] if after else token
    return before[max(step, -len(before))] if before else token


def test_stepping_by_words_matches_the_word_list_near_both_ends() -> None:
    layout = _layout()
    tokens = len(layout.tokens)
    for token in [*range(0, 40), *range(tokens - 40, tokens)]:
        for step in (1, 3, -1, -4, 50, -50):
            assert step_word(layout, token, step) == _step_by_list(layout, token, step), (
                token, step)


def test_stepping_by_lines_reaches_the_next_body_line() -> None:
    layout = _layout()
    body = layout.body_lines()
    assert body == [n for n, ln in enumerate(layout.lines) if ln.kind == "body"]
    first = layout.words[0]
    below = step_line(layout, first, 1)
    assert below is not None and is_word(layout.tokens[below])
    assert layout.token_lines.get(below)[0] == body[1]


def test_offsets_find_their_token_and_word_by_bisection() -> None:
    layout = _layout()
    for offset in range(0, len(TEXT) + 2, 7):
        slow = next((i for i, t in enumerate(layout.tokens)
                     if t.end > offset and t.text != "\n"), len(layout.tokens) - 1)
        assert layout.token_at_offset(offset) == slow
        word = next((i for i in layout.words if layout.tokens[i].end > offset), layout.words[-1])
        assert layout.word_at_offset(offset) == word


def test_an_unsegmented_line_at_the_line_limit_wraps_within_the_column() -> None:
    line = ("跨境电商" * (MAX_LINE_CHARS // 4))[: MAX_LINE_CHARS - 3] + "abc"
    layout = _layout(line, width=50)  # no tokens: one piece per column width
    article_layout = layout_article(
        Article(id="a", issue_id="i", kind="article", title="t", paragraphs=(line,)),
        None, [], 50)
    for lay in (layout, article_layout):
        widths = [sum(s.width for s in ln.spans) for ln in lay.lines if ln.kind == "body"]
        assert max(widths) <= 46 and sum(widths) == 2 * (MAX_LINE_CHARS - 3) + 3


def test_collections_stay_paused_across_nested_and_threaded_pauses() -> None:
    assert gc.isenabled()
    inner_seen: list[bool] = []

    def other() -> None:
        with paused_gc():
            inner_seen.append(gc.isenabled())

    with paused_gc():
        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
        with paused_gc():
            pass
        assert not gc.isenabled()  # the thread's and the nested pause ended: still paused
    assert inner_seen == [False] and gc.isenabled()


def test_tokens_carry_no_instance_dict() -> None:
    # 300,000 tokens on a 2 MB page: a dict each cost 60 MB.
    token = Token.build("会议", 0, 2, (), "n", 1)
    assert not hasattr(token, "__dict__")
    assert token == Token("会议", 0, 2, (), "n", 1) and token.hsk == 1


def test_the_hostile_page_is_at_the_limits_and_survives_import_checks() -> None:
    page = hostile_page("t")
    size = len(page.encode("utf-8"))
    assert MAX_BYTES - 64 * 1024 < size <= MAX_BYTES
    longest = max(map(len, page.split("\n")))
    assert MAX_LINE_CHARS - 1000 < longest <= MAX_LINE_CHARS
    text = read_issue_text(page.encode("utf-8"))
    assert "\x1b" not in text and "[@click=app.quit]q[/]" in text


def test_before_the_words_arrive_only_the_start_of_a_long_body_is_laid_out() -> None:
    article = Article(id="a", issue_id="i", kind="article", title="t",
                      paragraphs=tuple(TEXT.split("\n")) * 10, captions=("图片说明",))
    full = layout_article(article, None, [], 60)
    preview = layout_article(article, None, [], 60, preview_chars=2000)
    assert 0 < len(preview.lines) < len(full.lines) / 5
    assert preview.lines[: preview.body_start] == full.lines[: full.body_start]
    last = max(s.end for ln in preview.lines for s in ln.spans)
    assert 2000 - 200 <= last <= 2000 and article.text.startswith(
        "".join(preview.tokens[i].text for i in range(len(preview.tokens))))
    # With the words, or for a body within the limit, everything is laid out.
    words = layout_article(article, None, tokenize(article.text), 60, preview_chars=2000)
    assert max(s.end for ln in words.lines for s in ln.spans) == len(article.text.rstrip())
    short = layout_article(article, None, [], 60, preview_chars=len(article.text))
    assert short.lines == full.lines
