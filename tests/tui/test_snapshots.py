"""Snapshots of the main screens (pytest-textual-snapshot), to catch layout regressions.

Update them after an intended change with `pytest tests/tui/test_snapshots.py --snapshot-update`
and look at the report before committing the new SVGs.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from reader.notes.store import NotesStore
from reader.tui.app import ReaderApp
from reader.tui.screens.notes import NotesScreen
from reader.tui.screens.saved_words import SavedWordsScreen

from .helpers import MARKER, open_test_article, token_index, wait_for

SIZE = (100, 30)


async def _library_ready(pilot: Pilot[object]) -> None:
    """The library listed with every HSK profile (the labels are final)."""
    app = pilot.app
    assert isinstance(app, ReaderApp)
    library = app.library_screen
    await wait_for(pilot, lambda: library.issues and app.session.language_ready.is_set()
                   and len(library.profiles) == len(library.articles), "the profiles")
    await app.workers.wait_for_complete()
    await pilot.pause()


def _annotated_home(home: Path) -> Path:
    """The test home with one noted highlight and one saved word in the test article."""
    from reader.corpus.library import load_library

    article = next(a for i in load_library(home) for a in i.articles if MARKER in a.text)
    start = article.text.index("跨境电商")
    with NotesStore.open(home) as store:
        store.add_highlight(article.issue_id, article.id, article.text, start, start + 4,
                            color="green", note="cross-border e-commerce")
        store.save_word("跨境", "kuàjìng", "cross-border", "会议指出，跨境电商发展迅速。",
                        article.id, article.issue_id, hsk=None)
    return home


def test_library_screen(snap_compare, home: Path) -> None:
    assert snap_compare(ReaderApp(home=home), terminal_size=SIZE, run_before=_library_ready)


def test_article_screen_with_a_highlight_and_the_notes_panel(snap_compare, home: Path) -> None:
    _annotated_home(home)

    async def run_before(pilot: Pilot[object]) -> None:
        app = pilot.app
        assert isinstance(app, ReaderApp)
        await _library_ready(pilot)
        view = await open_test_article(pilot, app)
        await wait_for(pilot, lambda: len(view.highlights) == 1, "the highlight")
        view.move_cursor(token_index(view, "会议"))
        await pilot.press("m")
        await wait_for(pilot, lambda: app.screen.query("NotesPanel")
                       and app.screen.notes_open, "the notes panel")
        await app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(ReaderApp(home=home), terminal_size=SIZE, run_before=run_before)


def test_notes_screen(snap_compare, home: Path) -> None:
    _annotated_home(home)

    async def run_before(pilot: Pilot[object]) -> None:
        app = pilot.app
        await _library_ready(pilot)
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen)
                       and app.screen.entries, "the notes")
        await app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(ReaderApp(home=home), terminal_size=SIZE, run_before=run_before)


def test_saved_words_screen(snap_compare, home: Path) -> None:
    _annotated_home(home)

    async def run_before(pilot: Pilot[object]) -> None:
        app = pilot.app
        await _library_ready(pilot)
        await pilot.press("w")
        await wait_for(pilot, lambda: isinstance(app.screen, SavedWordsScreen)
                       and app.screen.shown, "the words")
        await app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(ReaderApp(home=home), terminal_size=SIZE, run_before=run_before)
