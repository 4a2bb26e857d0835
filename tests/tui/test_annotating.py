"""Annotating on the article screen: highlights by keys and by drag, notes, delete and undo."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.notes.store import NotesStore
from reader.tui.app import ReaderApp
from reader.tui.screens.dialogs import ColourMenu
from reader.tui.screens.note_editor import NoteEditor
from reader.tui.screens.notes import NotesScreen
from reader.tui.widgets.article_strips import NOTE_MARKER
from reader.tui.widgets.article_view import ArticleView

from .helpers import article_id_of, notices, open_test_article, token_index, wait_for

SIZE = (100, 32)
KEYS_NOTE = "first note, by keys"
DRAG_NOTE = "second note, by drag"


async def _type_note(pilot, app: ReaderApp, text: str) -> None:  # noqa: ANN001
    """Type into the note editor and save."""
    await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor), "the note editor")
    await pilot.press("ctrl+u")  # delete to the line start: typing replaces an old note
    await pilot.press(*text)
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: not isinstance(app.screen, NoteEditor), "the editor to close")


async def _drag(pilot, view: ArticleView, first: int, last: int) -> None:  # noqa: ANN001
    """Press the mouse on one word, move over to another and let go."""
    a, b = view.word_region(first), view.word_region(last)
    assert a is not None and b is not None
    await pilot.mouse_down(None, offset=(a.x, a.y))
    await pilot.hover(None, offset=(b.x + 1, b.y))
    await pilot.mouse_up(None, offset=(b.x + 1, b.y))
    await pilot.pause()


def _row_text(view: ArticleView, token: int) -> str:
    """The drawn text of the screen row where a token is."""
    region = view.word_region(token)
    assert region is not None
    return view.render_line(region.y - view.content_region.y).text


def test_highlights_made_by_keys_and_by_drag_survive_a_restart(home: Path) -> None:
    async def make() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            view = await open_test_article(pilot, app)
            # Keys: v at 会议, one word on (指出), h; then a note with a.
            view.move_cursor(token_index(view, "会议"))
            await pilot.press("v", "w")
            assert view.selection_range() == (view.text.index("会议"),
                                              view.text.index("，跨境"))
            status = app.screen.query_one("#article-status")
            assert "Selected 4 characters" in str(status.content)
            await pilot.press("h")
            await wait_for(pilot, lambda: len(view.highlights) == 1, "the first highlight")
            assert view.selection_range() is None
            await pilot.press("a")
            await _type_note(pilot, app, KEYS_NOTE)
            await wait_for(pilot, lambda: view.highlights.placed[0].note == KEYS_NOTE, "note")
            # Mouse: drag from 吉林省 to 增长, then a makes the highlight with its note.
            await _drag(pilot, view, token_index(view, "吉林省"), token_index(view, "增长"))
            assert view.selection_range() is not None
            assert not app.screen.query(ArticleView) or not app.screen.panel_open  # no lookup
            await pilot.press("a")
            await _type_note(pilot, app, DRAG_NOTE)
            await wait_for(pilot, lambda: len(view.highlights) == 2, "the dragged highlight")
            await pilot.press("ctrl+q")

    async def check() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            view = await open_test_article(pilot, app)
            await wait_for(pilot, lambda: len(view.highlights) == 2, "highlights after restart")
            quotes = [p.highlight.quote for p in view.highlights.placed]
            assert quotes == ["会议指出", "吉林省跨境电商进出口额持续增长"]
            assert [p.note for p in view.highlights.placed] == [KEYS_NOTE, DRAG_NOTE]
            # Drawn: a note marker right after each highlight.
            assert f"指出{NOTE_MARKER}" in _row_text(view, token_index(view, "指出")).replace(
                " ", "")
            # Hovering a highlighted word shows its note next to the pinyin.
            region = view.word_region(token_index(view, "吉林省"))
            assert region is not None
            await pilot.hover(None, offset=(region.x, region.y))
            assert DRAG_NOTE in view.note_popup_text
            assert view.popup_text.startswith("Jílínshěng")  # a place: GB/T 16159 capital
            # The notes panel lists both, in reading order, with their notes.
            await pilot.press("m")
            await pilot.pause()
            entries = app.screen.notes_panel.entries
            assert len(entries) == 2
            assert "会议指出" in entries[0] and KEYS_NOTE in entries[0]
            assert "吉林省" in entries[1] and DRAG_NOTE in entries[1]
            # Choosing the second scrolls the text there and puts the cursor on it.
            view.move_cursor(token_index(view, "副省长"))
            await pilot.press("end", "enter")
            await wait_for(pilot, lambda: view.tokens[view.cursor].text == "吉林省", "the jump")
            # The notes screen lists both under the issue and article.
            await pilot.press("ctrl+n")
            await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen)
                           and app.screen.entries, "the notes screen")
            screen = app.screen
            listed = {e.highlight.quote: e.highlight.note for e in screen.entries.values()}
            assert listed == {"会议指出": KEYS_NOTE, "吉林省跨境电商进出口额持续增长": DRAG_NOTE}
            prompts = [str(screen.listing.get_option_at_index(i).prompt)
                       for i in range(screen.listing.option_count)]
            assert prompts[0].startswith("测试日报")  # the issue heading first
            assert "跨境电商发展迅速" in prompts[1]  # then the article title
            # Search the notes: only the matching highlight is left.
            await pilot.press("slash", *"drag")
            await wait_for(pilot, lambda: len(screen.entries) == 1, "the search")
            assert next(iter(screen.entries.values())).highlight.note == DRAG_NOTE

    asyncio.run(make())
    asyncio.run(check())


def test_edit_delete_and_undo_on_the_article_screen(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            view = await open_test_article(pilot, app)
            view.move_cursor(token_index(view, "副省长"))
            await pilot.press("h")
            await wait_for(pilot, lambda: len(view.highlights) == 1, "the highlight")
            await pilot.press("h")  # already highlighted: no duplicate
            await pilot.pause()
            assert any("Already highlighted" in n for n in notices(app))
            await pilot.press("a")
            await _type_note(pilot, app, "old")
            await wait_for(pilot, lambda: view.highlights.placed[0].note == "old", "a note")
            await pilot.press("a")  # edit: the editor opens with the note
            await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor), "the editor")
            assert app.screen.text == "old"
            await pilot.press("escape")  # cancelled: unchanged
            await pilot.press("a")
            await _type_note(pilot, app, "new")
            await wait_for(pilot, lambda: view.highlights.placed[0].note == "new", "the edit")
            await pilot.press("a")
            await _type_note(pilot, app, "")  # empty removes the note, keeps the highlight
            await wait_for(pilot, lambda: view.highlights.placed[0].note is None, "no note")
            # Colours: c cycles, H picks from the menu.
            await pilot.press("c")
            await wait_for(pilot, lambda: view.highlights.placed[0].color == "green", "green")
            await pilot.press("H")
            await wait_for(pilot, lambda: isinstance(app.screen, ColourMenu), "the colour menu")
            await pilot.press("4")
            await wait_for(pilot, lambda: view.highlights.placed[0].color == "pink", "pink")
            # Delete, then undo.
            await pilot.press("x")
            await wait_for(pilot, lambda: len(view.highlights) == 0, "the deletion")
            with NotesStore.open(home, read_only=True) as store:
                assert store.highlights() == []
            await pilot.press("u")
            await wait_for(pilot, lambda: len(view.highlights) == 1, "the undo")
            assert view.highlights.placed[0].color == "pink"
            await pilot.press("ctrl+q")
        with NotesStore.open(home, read_only=True) as store:
            [h] = store.highlights()
        assert (h.quote, h.color, h.note) == ("副省长", "pink", None)

    asyncio.run(scenario())


def test_orphans_are_listed_with_their_quote(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            view = await open_test_article(pilot, app)
            article = view.article
            await pilot.press("ctrl+q")
        with NotesStore.open(home) as store:
            kept = store.add_highlight(article.issue_id, article.id, article.text, 0, 2, note="k")
            lost = store.add_highlight(article.issue_id, article.id, "完全不同的一段旧文字" * 3,
                                       2, 10, note="lost one")
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            view = await open_test_article(pilot, app)
            await wait_for(pilot, lambda: len(view.highlights) == 2, "the highlights")
            assert [p.id for p in view.highlights.placed] == [kept.id]
            assert [p.id for p in view.highlights.orphans] == [lost.id]
            await pilot.press("m")
            await pilot.pause()
            entries = app.screen.notes_panel.entries
            assert any(lost.quote in e and "not in the text" in e for e in entries)
            await pilot.press("ctrl+n")
            await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen)
                           and app.screen.entries, "the notes screen")
            assert app.screen.entries[lost.id].orphan
            assert not app.screen.entries[kept.id].orphan
            assert article_id_of(app) == article.id

    asyncio.run(scenario())
