"""Reading an article: open from the library, hover, word cursor, glossary, pinyin, tones."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.language import lookup
from reader.tui.app import ReaderApp
from reader.tui.screens.article import ArticleScreen
from reader.tui.tones import TONE_COLORS
from reader.tui.widgets.glossary_panel import GlossaryPanel
from reader.tui.widgets.library_tree import LibraryTree

from .helpers import MARKER, article_ready, open_test_article, token_index, wait_for

SIZE = (100, 32)


def test_open_article_from_library_with_keys(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: app.library_screen.issues, "the library")
            await pilot.press("slash", *"test_issue", "enter")  # filter, then back to the list
            tree = app.screen.query_one(LibraryTree)
            assert tree.has_focus
            assert len(tree.root.children) == 1  # only our issue matches
            await pilot.press("down", "enter")
            view = await article_ready(pilot, app)
            assert isinstance(app.screen, ArticleScreen)
            assert MARKER in view.article.text
            await pilot.press("escape")
            assert app.screen is app.library_screen

    asyncio.run(scenario())


def test_hovering_a_word_shows_its_pinyin_at_the_word(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            view = await open_test_article(pilot, app)
            index = token_index(view, "会议")
            region = view.word_region(index)
            assert region is not None
            await pilot.hover(None, offset=(region.x + 1, region.y))
            assert view.hover == index
            assert view.popup_text.startswith("huìyì")
            # Shown at the word: on the line above or below it, starting near its column.
            popup = view.popup_region()
            assert popup is not None
            assert abs(popup.y - region.y) == 1
            assert abs(popup.x - region.x) <= 1
            # ... and drawn there: the screen line holds the pinyin.
            await pilot.pause()
            row = view.render_line(popup.y - view.content_region.y).text
            assert "huìyì" in row
            index = token_index(view, "跨境")
            region = view.word_region(index)
            assert region is not None
            await pilot.hover(None, offset=(region.x, region.y))
            assert view.popup_text.startswith("kuàjìng")

    asyncio.run(scenario())


def test_word_cursor_moves_by_word_and_line_and_shows_pinyin(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            view = await open_test_article(pilot, app)
            await pilot.press("home")
            first = view.cursor
            assert first is not None
            for _ in range(40):
                if view.tokens[view.cursor].text == "会议":
                    break
                await pilot.press("w")
            assert view.tokens[view.cursor].text == "会议"
            assert view.popup_text.startswith("huìyì")
            await pilot.press("right")
            assert view.tokens[view.cursor].text == "指出"
            assert view.popup_text.startswith("zhǐchū")
            await pilot.press("b")
            assert view.tokens[view.cursor].text == "会议"
            line = view.first_span(view.cursor)[0]
            await pilot.press("j")
            assert view.first_span(view.cursor)[0] > line
            await pilot.press("k")
            assert view.first_span(view.cursor)[0] == line

    asyncio.run(scenario())


def test_glossary_panel_shows_cedict_entries_and_a_breakdown(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            view = await open_test_article(pilot, app)
            region = view.word_region(token_index(view, "会议"))
            await pilot.click(None, offset=(region.x, region.y))
            panel = app.screen.query_one(GlossaryPanel)
            await wait_for(pilot, lambda: panel.result is not None, "the lookup")
            assert panel.display
            assert "CC-CEDICT" in panel.body_text
            assert "meeting" in panel.body_text
            assert "HSK" in panel.body_text
            assert "会议指出" in panel.body_text  # the sentence it stands in
            # A word without an entry of its own gets a breakdown into known parts.
            unknown = token_index(view, "副省长")
            assert not lookup("副省长").entries  # the premise: no entry for the whole word
            view.move_cursor(unknown)
            await pilot.press("enter")
            await wait_for(pilot, lambda: panel.token is view.tokens[unknown]
                           and panel.result is not None, "the second lookup")
            assert "Breakdown" in panel.body_text
            assert "省长" in panel.body_text and "governor" in panel.body_text
            await pilot.press("escape")
            assert not panel.display

    asyncio.run(scenario())


def test_pinyin_line_and_tone_colours_toggle(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            view = await open_test_article(pilot, app)
            index = token_index(view, "会议")
            assert not any(line.kind == "ruby" for line in view.page.lines)
            await pilot.press("p")
            assert view.ruby
            y, span = view.first_span(index)
            assert view.page.lines[y - 1].kind == "ruby"
            ruby_line = view.painter.line(y - 1, view.size.width).text
            assert ruby_line[span.ruby_x : span.ruby_x + len("huìyì")] == "huìyì"
            await pilot.press("t")
            assert view.tones
            strip = view.painter.line(y, view.size.width)
            colours = {
                seg.text: seg.style.color.name for seg in strip if seg.style and seg.style.color
            }
            # 会 huì is fourth tone (blue), 议 yì fourth as well.
            assert colours.get("会议", colours.get("会")) == TONE_COLORS[4]
            await pilot.press("t", "p", "p")  # p: line over words not known, then no pinyin
            assert not view.tones and not view.ruby
            assert not any(line.kind == "ruby" for line in view.page.lines)
            strip = view.painter.line(view.first_span(index)[0], view.size.width)
            assert all(
                seg.style is None or seg.style.color is None
                or seg.style.color.name not in TONE_COLORS.values()
                for seg in strip
            )

    asyncio.run(scenario())


def test_search_by_toneless_pinyin_finds_the_word(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            view = await open_test_article(pilot, app)
            await pilot.press("home", "slash", *"kuajing", "enter")
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            assert len(screen.matches) == view.text.count("跨境") >= 2
            assert view.tokens[view.cursor].text.startswith("跨境")
            first = view.cursor
            await pilot.press("n")
            assert view.cursor != first
            await pilot.press("N")
            assert view.cursor == first
            await pilot.press("slash", *"会议", "enter")
            assert [view.text[s:e] for s, e in screen.matches] == ["会议"] * view.text.count("会议")
            assert len(screen.matches) >= 2

    asyncio.run(scenario())


def test_reading_position_is_restored_after_a_restart(home: Path) -> None:
    async def first_run() -> tuple[str, int]:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            view = await open_test_article(pilot, app)
            await pilot.press("home", "j", "w", "w")
            word = view.tokens[view.cursor]
            await pilot.press("ctrl+q")
        return view.article.id, word.start

    async def second_run(article_id: str) -> int:
        app = ReaderApp(home=home, article_id=article_id)
        async with app.run_test(size=SIZE) as pilot:
            view = await article_ready(pilot, app)
            return view.tokens[view.cursor].start

    article_id, offset = asyncio.run(first_run())
    assert offset > 0
    assert asyncio.run(second_run(article_id)) == offset
