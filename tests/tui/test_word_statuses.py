"""Word statuses in the article (issue 16): tints by key and by the panel, kept across runs,
undone; pinyin only over words not known; the page turn; highlights make words learning."""

from __future__ import annotations

import asyncio
from pathlib import Path

from rich.style import Style

from reader.learning.status import Status
from reader.learning.vocabulary import Vocabulary
from reader.notes.store import NotesStore
from reader.settings import load_settings
from reader.tui import display_prefs
from reader.tui.app import ReaderApp
from reader.tui.article_layout import ruby_text
from reader.tui.screens.article import ArticleScreen
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.glossary_panel import GlossaryPanel
from reader.tui.widgets.status_choices import CHOICE_LINE, StatusChoices, choice_cells

from .helpers import notices, open_test_article, token_index, wait_for

SIZE = (100, 32)


def shown_style(view: ArticleView, index: int) -> Style:
    """The style the screen shows on the first character of a token (from the view's cached,
    rendered lines: what the terminal gets)."""
    found = view.first_span(index)
    assert found is not None
    y, span = found
    strip = view.render_line(y - int(view.scroll_y))
    x = 0
    for seg in strip:
        if x <= span.text_x < x + seg.cell_length:
            assert view.text[span.start] in seg.text
            return seg.style or Style()
        x += seg.cell_length
    raise AssertionError("the word is not on its line")


def tint_of(view: ArticleView, index: int) -> Status | None:
    """The status whose tint the screen shows on a token (None: plain)."""
    palette = view.word_marks.palette
    assert palette is not None
    shown = shown_style(view, index)
    for table in (palette.plain, palette.shaded):
        for status, style in table.items():
            if (style.bgcolor, style.color) == (shown.bgcolor, shown.color):
                return status
    return None


async def marks_ready(pilot, view: ArticleView) -> None:  # noqa: ANN001 - a Pilot
    """Wait until the statuses have been read and drawn."""
    await wait_for(pilot, lambda: view.word_marks.loaded, "the status marks")
    await pilot.pause()


async def open_with_marks(pilot, app: ReaderApp) -> ArticleView:  # noqa: ANN001 - a Pilot
    """Open the test article and wait for its status marks."""
    view = await open_test_article(pilot, app)
    await marks_ready(pilot, view)
    return view


async def status_is(pilot, app: ReaderApp, word: str, status: Status) -> None:  # noqa: ANN001
    """Wait until the session has the word at that status (the edit went through)."""
    await wait_for(pilot, lambda: app.session.learning.status(word) is status,
                   f"{word} to be {status.label}")
    await app.workers.wait_for_complete()
    await pilot.pause()


def away_from(view: ArticleView, index: int) -> None:
    """Put the cursor on another word, so the cursor's own colour is not in the way."""
    assert view.page is not None
    other = next(i for i in view.page.words if i != index and view.word_region(i))
    view.move_cursor(other)


def test_status_keys_tint_the_word_survive_a_restart_and_undo(home: Path) -> None:
    async def first_run() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            view = await open_with_marks(pilot, app)
            meeting = token_index(view, "会议")
            assert tint_of(view, meeting) is Status.NEW
            view.move_cursor(meeting)
            await pilot.press("2")
            await status_is(pilot, app, "会议", Status.LEARNING_2)
            away_from(view, meeting)
            await pilot.pause()
            assert tint_of(view, meeting) is Status.LEARNING_2
            assert "会议: learning 2 · u to undo" in notices(app)
            # every occurrence changes, not only the one under the cursor
            others = [i for i, t in enumerate(view.tokens) if t.text == "会议" and i != meeting]
            assert others and all(view.word_marks.marked(view.tokens[i]) is Status.LEARNING_2
                                  for i in others)
            view.move_cursor(meeting)
            await pilot.press("K")
            await status_is(pilot, app, "会议", Status.KNOWN)
            away_from(view, meeting)
            await pilot.pause()
            assert tint_of(view, meeting) is None  # known words are plain
            view.move_cursor(token_index(view, "发展"))
            await pilot.press("i")
            await status_is(pilot, app, "发展", Status.IGNORED)
            # names and places never take a mark: 吉林省 is a place, 景俊海 a name
            for word in ("吉林省", "景俊海"):
                found = [i for i, t in enumerate(view.tokens) if t.text == word]
                assert found and view.word_marks.marked(view.tokens[found[0]]) is None, word
            app.edit(lambda s: s.undo())  # `u` on this branch undoes deletions only
            await status_is(pilot, app, "发展", Status.NEW)
            away_from(view, token_index(view, "发展"))
            await pilot.pause()
            assert tint_of(view, token_index(view, "发展")) is Status.NEW

    async def second_run() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            view = await open_with_marks(pilot, app)
            meeting = token_index(view, "会议")
            away_from(view, meeting)
            await pilot.pause()
            assert tint_of(view, meeting) is None
            assert view.word_marks.status_at(view.tokens[meeting]) is Status.KNOWN

    asyncio.run(first_run())
    asyncio.run(second_run())


def test_the_glossary_panel_shows_and_changes_the_status(home: Path) -> None:
    async def run() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            view = await open_with_marks(pilot, app)
            index = token_index(view, "跨境")
            view.move_cursor(index)
            await pilot.press("enter")
            panel = app.screen.query_one(GlossaryPanel)
            row = panel.query_one(StatusChoices)
            await wait_for(pilot, lambda: panel.result is not None and row.display,
                           "the lookup")
            assert row.status is Status.NEW and row.plain.startswith("Status: new")
            known = next(start for start, _end, s in choice_cells() if s is Status.KNOWN)
            await pilot.click(StatusChoices, offset=(known + 1, CHOICE_LINE))
            await status_is(pilot, app, "跨境", Status.KNOWN)
            assert row.status is Status.KNOWN and row.plain.startswith("Status: known")
            for status in (Status.LEARNING_4, Status.IGNORED):  # the longest labels too
                x = next(start for start, _end, s in choice_cells() if s is status)
                await pilot.click(StatusChoices, offset=(x + 1, CHOICE_LINE))
                await status_is(pilot, app, "跨境", status)
            await pilot.click(StatusChoices, offset=(known + 1, CHOICE_LINE))
            await status_is(pilot, app, "跨境", Status.KNOWN)
            away_from(view, index)
            await pilot.pause()
            assert tint_of(view, index) is None
            await pilot.press("3")  # the keys work with the panel open (on the cursor word)
            cursor_word = view.tokens[view.cursor].text
            await status_is(pilot, app, cursor_word, Status.LEARNING_3)

    asyncio.run(run())


def test_the_marks_toggle_and_are_remembered(home: Path) -> None:
    async def run() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: display_prefs.current(app), "the preferences")
            view = await open_with_marks(pilot, app)
            meeting = token_index(view, "会议")
            away_from(view, meeting)
            await pilot.press("l")
            assert tint_of(view, meeting) is None and not view.word_marks.tints
            await app.workers.wait_for_complete()
            assert load_settings(home).status_marks is False
            help_lines = app.screen.help_legend()
            assert "new" in help_lines[0].plain and "K known" in help_lines[1].plain
            await pilot.press("l")
            assert tint_of(view, meeting) is Status.NEW

    asyncio.run(run())


def test_pinyin_not_known_mode_shows_pinyin_only_over_words_not_known(home: Path) -> None:
    with NotesStore.open(home) as store:  # 发展 is in the headline too
        Vocabulary(store).set_status(["会议", "发展"], Status.KNOWN)

    async def run() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: display_prefs.current(app), "the preferences")
            view = await open_with_marks(pilot, app)
            await pilot.press("p", "p")  # hover -> line over every word -> over words not known
            assert view.ruby and view.pinyin_mode == "not-known"
            await pilot.pause()
            assert view.page is not None
            checked = {"known": 0, "new": 0}
            for i, tok in enumerate(view.tokens):
                found = view.first_span(i)
                if not tok.is_han or found is None or view.word_region(i) is None:
                    continue
                y, span = found
                pinyin = ruby_text(tok, span.start, span.end)
                if not pinyin:
                    continue
                above = view.render_line(y - 1 - int(view.scroll_y)).text
                shown = above[span.ruby_x: span.ruby_x + len(pinyin)]
                known = app.session.learning.status(tok.text) is Status.KNOWN
                assert (shown == pinyin) is not known, (tok.text, shown, pinyin)
                checked["known" if known else "new"] += 1
                checked["headline"] = checked.get("headline", 0) + (known and tok.start < 0)
            assert checked["known"] and checked["new"] and checked["headline"]
            await app.workers.wait_for_complete()
            saved = load_settings(home)
            assert (saved.pinyin_line, saved.pinyin_mode) == (True, "not-known")
            # the hover in the same mode: no pop-up over a known word, one over a new word
            view.ruby = False
            await pilot.pause()
            meeting = token_index(view, "会议")
            view.set_hover(meeting)
            await pilot.pause()
            assert view.popup_text == ""
            view.set_hover(token_index(view, "跨境"))
            await pilot.pause()
            assert view.popup_text.startswith("kuàjìng")
            await pilot.press("p")  # back to the cycle's first state from one off it
            assert (view.ruby, view.pinyin_mode) == (True, "all")

    asyncio.run(run())


def test_the_page_turn_marks_the_remaining_new_words_known_in_one_undoable_step(
        home: Path) -> None:
    async def run() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            view = await open_with_marks(pilot, app)
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            remaining = screen.statuses.remaining()
            assert "会议" in remaining and "吉林省" not in remaining
            await pilot.press("end")
            await wait_for(pilot, lambda: any("press F to mark the" in n for n in notices(app)),
                           "the page-turn offer")
            await pilot.press("F")
            await status_is(pilot, app, "会议", Status.KNOWN)
            assert screen.statuses.remaining() == []
            assert all(app.session.learning.status(w) is Status.KNOWN for w in remaining)
            assert not view.word_marks.tints
            assert f"Marked the {len(remaining)} remaining new words known · u to undo" in \
                notices(app)
            app.edit(lambda s: s.undo())
            await status_is(pilot, app, "会议", Status.NEW)
            assert sorted(screen.statuses.remaining()) == sorted(remaining)

    asyncio.run(run())


def test_f_before_the_end_of_the_article_asks_first(home: Path) -> None:
    async def run() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            await open_with_marks(pilot, app)
            await pilot.press("F")
            await wait_for(pilot, lambda: any("Press F again to confirm" in n
                                              for n in notices(app)), "the question")
            await app.workers.wait_for_complete()
            assert app.session.learning.status("会议") is Status.NEW
            await pilot.press("F")
            await status_is(pilot, app, "会议", Status.KNOWN)

    asyncio.run(run())


def test_a_highlighted_word_becomes_learning(home: Path) -> None:
    async def run() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            view = await open_with_marks(pilot, app)
            index = token_index(view, "跨境")
            view.move_cursor(index)
            await pilot.press("h")
            await status_is(pilot, app, "跨境", Status.LEARNING_1)
            away_from(view, index)
            await pilot.pause()
            assert view.word_marks.marked(view.tokens[index]) is Status.LEARNING_1

    asyncio.run(run())
