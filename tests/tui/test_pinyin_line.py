"""Pinyin-line mode lights the cursor word's own pinyin instead of a pop-up (issue 14 item 6)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.tui.app import ReaderApp
from reader.tui.article_layout import ruby_text
from reader.tui.widgets.article_view import ArticleView

from .helpers import open_test_article, token_index

SIZE = (100, 32)


def expected_ruby(view: ArticleView, y: int) -> str:
    """The pinyin line above body line `y` as the layout places it (every word's own pinyin)."""
    assert view.page is not None
    cells = [" "] * view.scrollable_content_region.width
    for span in view.page.lines[y].spans:
        pinyin = ruby_text(view.tokens[span.token], span.start, span.end)
        for k, ch in enumerate(pinyin):
            if span.ruby_x + k < len(cells):
                cells[span.ruby_x + k] = ch
    return "".join(cells).rstrip()


def test_the_cursor_lights_its_own_pinyin_and_covers_no_neighbour(home: Path) -> None:
    async def run() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            view = await open_test_article(pilot, app)
            await pilot.press("p")
            view.move_cursor(token_index(view, "会议"))
            await pilot.pause()
            for _ in range(8):
                await pilot.press("w")
                assert view.cursor is not None and view.page is not None
                region = view.word_region(view.cursor)
                assert region is not None
                row = region.y - view.content_region.y
                y = int(view.scroll_y) + row
                assert view.page.lines[y - 1].kind == "ruby"
                shown = view.render_line(row - 1)
                assert shown.text.rstrip() == expected_ruby(view, y)  # no stray letters
                span = next(s for s in view.page.lines[y].spans if s.token == view.cursor)
                pinyin = ruby_text(view.tokens[view.cursor], span.start, span.end)
                if not pinyin:
                    continue
                lit = [seg.text for seg in shown if seg.style is not None
                       and seg.style.bgcolor == view.painter.styles.popup.bgcolor]
                assert "".join(lit) == pinyin, (lit, pinyin)
                assert view.popup_text == ""

    asyncio.run(run())


def test_the_pinyin_line_capitalises_proper_nouns_as_the_popup(home: Path) -> None:
    """`p` writes 吉林省 `Jílínshěng` and the name 景俊海 `Jǐng Jùnhǎi` (GB/T 16159), as the
    pop-up does, not `jílínshěng` (issue 14 item 18)."""
    async def run() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            view = await open_test_article(pilot, app)
            await pilot.press("p")
            await pilot.pause()
            shown = {}
            for word in ("吉林省", "景俊海", "会议"):
                i = token_index(view, word)
                view.move_cursor(i)
                await pilot.pause()
                region = view.word_region(i)
                assert region is not None and view.page is not None
                row = region.y - view.content_region.y
                span = next(s for s in view.page.lines[int(view.scroll_y) + row].spans
                            if s.token == i)
                above = view.render_line(row - 1).text
                shown[word] = above[span.ruby_x:].split("  ")[0].strip()
            assert shown["吉林省"].startswith("Jílínshěng"), shown
            assert shown["景俊海"].startswith("Jǐng Jùnhǎi"), shown
            assert shown["会议"].startswith("huìyì"), shown

    asyncio.run(run())
