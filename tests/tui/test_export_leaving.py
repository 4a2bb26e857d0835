"""Leaving a screen while its export is starting: the app goes on, no dialog is left behind.

`e` starts the export in a worker of the screen; a `q` typed right after pops the screen, and
its unmount cancels that worker. Textual's `push_screen_wait` first runs the app's pending
callbacks, the removal of that very screen among them, inside the worker: cancelling the
worker then cancelled the screen's own task, and the app's loop, awaiting the same removal,
stopped without a word (every later key hung).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual import events

from reader.corpus.library import load_library
from reader.notes.store import NotesStore
from reader.tui.app import ReaderApp
from reader.tui.screens.article import ArticleScreen
from reader.tui.screens.export_dialog import ExportDialog
from reader.tui.screens.notes import NotesScreen

from .helpers import MARKER, article_id_of, article_ready, wait_for

ROUNDS = 12
"""How often `e q` is typed: the removal and the worker interleave a little differently each
round (the second one stopped the app before the fix), so several rounds are tried."""


def test_leaving_while_the_export_starts_keeps_the_app_running(home: Path) -> None:
    art = next(a for i in load_library(home) for a in i.articles if MARKER in a.text)
    start = art.text.index(MARKER[:4])
    with NotesStore.open(home) as store:
        store.add_highlight(art.issue_id, art.id, art.text, start, start + 4)

    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=(100, 32)) as pilot:
            await wait_for(pilot, lambda: app.library_screen.issues, "the library")
            await pilot.press("ctrl+n")  # the article opens over the notes screen
            await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen), "the notes")
            for n in range(ROUNDS):
                app.open_article(article_id_of(app))
                await article_ready(pilot, app)
                # Both keys queued at once, as a fast typist sends them.
                app.post_message(events.Key("e", "e"))
                app.post_message(events.Key("q", "q"))
                await wait_for(pilot, lambda: not isinstance(app.screen, ArticleScreen),
                               "the article to close")
                await app.workers.wait_for_complete()
                assert app.is_running, f"the app stopped after round {n}"
                assert isinstance(app.screen, NotesScreen), app.screen_stack
                assert not any(isinstance(s, ExportDialog | ArticleScreen)
                               for s in app.screen_stack), app.screen_stack
            # Keys still work: the notes screen goes back to the library.
            await pilot.press("escape")
            assert app.screen is app.library_screen

    asyncio.run(scenario())
