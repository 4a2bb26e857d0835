"""Layout defects a new user found (issue 14): text clipped by a side panel, wide terminals."""

from __future__ import annotations

import asyncio
from pathlib import Path

from rich.cells import cell_len
from textual.widgets import TextArea

from reader.corpus.model import Article
from reader.tui.app import ReaderApp
from reader.tui.article_layout import HANG, INDENT, MAX_MEASURE, layout_article
from reader.tui.screens.note_editor import NoteEditor
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.notes_panel import NotesPanel

from .helpers import article_ready, open_test_article, token_index, wait_for

SEED_ARTICLE = "002_42bc9256d97c8f20-8497"
"""A bundled article whose lines end in hanging punctuation (…华润、招商局、) at 80 columns."""


def shown_lines(view: ArticleView) -> list[tuple[str, str]]:
    """(laid-out characters, text on screen) for every body line on screen."""
    assert view.page is not None
    out = []
    for row in range(view.scrollable_content_region.height):
        y = int(view.scroll_y) + row
        if y >= len(view.page.lines) or view.page.lines[y].kind != "body":
            continue
        chars = "".join(view.page.span_text(s) for s in view.page.lines[y].spans)
        out.append((chars, view.render_line(row).text))
    return out


async def open_seed(pilot, app: ReaderApp) -> ArticleView:  # type: ignore[no-untyped-def]
    """Open the bundled article that ends lines in punctuation."""
    await wait_for(pilot, lambda: app.library_screen.issues, "the library")
    app.open_article(SEED_ARTICLE)
    return await article_ready(pilot, app)


def test_punctuation_at_the_end_of_a_line_stays_on_screen_with_a_panel_open(home: Path) -> None:
    asyncio.run(_punctuation_stays(home))


async def _punctuation_stays(home: Path) -> None:
    app = ReaderApp(home=home)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_seed(pilot, app)
        await pilot.press("home", "enter")
        await wait_for(pilot, lambda: app.screen.panel_open, "the glossary panel")
        await app.workers.wait_for_complete()
        for width in (80, 70, 76, 88, 100):
            await pilot.resize_terminal(width, 24)
            await pilot.pause()
            lines = shown_lines(view)
            assert lines
            for chars, screen in lines:
                assert screen.replace(" ", "").endswith(chars.replace(" ", "")[-1]), (
                    width, chars, screen)
            assert view.max_scroll_x == 0, width
            assert not view.show_horizontal_scrollbar, width


def test_a_wide_pane_uses_a_comfortable_measure_and_centres_the_column(home: Path) -> None:
    asyncio.run(_wide_pane(home))


async def _wide_pane(home: Path) -> None:
    app = ReaderApp(home=home)
    async with app.run_test(size=(200, 50)) as pilot:
        view = await open_seed(pilot, app)
        await pilot.press("home", "enter")
        await wait_for(pilot, lambda: app.screen.panel_open, "the glossary panel")
        await app.workers.wait_for_complete()
        await pilot.pause()
        pane = view.scrollable_content_region.width
        rows = [view.render_line(r).text.rstrip() for r in range(view.size.height)]
        body = [r for r in rows if r.strip()]
        lefts = [len(r) - len(r.lstrip()) for r in body]
        widest = max(cell_len(r.strip()) for r in body)
        left = min(lefts)
        right = pane - max(cell_len(r) for r in body)
        assert widest > 74, widest  # the width is used, up to the measure
        assert widest <= MAX_MEASURE + HANG
        assert abs(left - right) <= HANG + INDENT, (left, right, pane)  # centred


def test_captions_wrap_between_words_and_unsegmented_paragraphs_all_indent() -> None:
    caption = "长春冰雪大世界游人如织。本报记者 王小明 摄"
    paragraph = "今年以来吉林省跨境电商进出口额持续增长为稳外贸作出积极贡献" * 3
    article = Article(id="a", issue_id="i", kind="article", title="标题",
                      paragraphs=(paragraph, paragraph, paragraph), captions=(caption,))
    for width in range(30, 60):
        page = layout_article(article, None, [], width)  # the first render: no tokens yet
        firsts = [page.lines[y] for y in range(page.body_start, len(page.lines))
                  if page.lines[y].kind == "body"
                  and (y == page.body_start or page.lines[y - 1].kind == "blank")]
        assert len(firsts) == 3
        assert all(line.spans[0].x == page.left + INDENT for line in firsts), width
        captions = ["".join(t for t, style in line.decor if style == "caption")
                    for line in page.lines if line.kind == "decor"]
        shown = [c for c in captions if c]
        assert "".join(shown).replace(" ", "") == caption.replace(" ", "")
        assert not any(c.endswith(("本", "本报", "本报记")) for c in shown), (width, shown)


LONG_NOTE = "获悉=learned; the reporter learned it from the meeting, which lasted all morning"


def test_a_wrapped_note_in_the_notes_panel_keeps_its_indent(home: Path) -> None:
    asyncio.run(_note_indent(home))


async def _note_indent(home: Path) -> None:
    app = ReaderApp(home=home)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await open_test_article(pilot, app)
        view.move_cursor(token_index(view, "会议"))
        await pilot.press("v", "w", "a")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor), "the editor")
        app.screen.query_one(TextArea).insert(LONG_NOTE)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await wait_for(pilot, lambda: view.highlights.placed, "the highlight")
        await pilot.press("m")
        panel = app.screen.query_one(NotesPanel)
        await wait_for(pilot, lambda: panel.options.option_count, "the notes list")
        await pilot.pause()
        region = panel.options.content_region
        rows = [strip.crop(region.x, region.right).text.rstrip()
                for strip in app.screen._compositor.render_strips()[region.y:region.bottom]]
        entry = [r for r in rows if r.strip()]
        assert len(entry) >= 3, rows  # quote, and the note over two lines or more
        assert "获悉" in entry[1], entry
        assert all(r.startswith("   ") and r[3] != " " for r in entry[1:]), entry
