"""The app's edit pipeline: writes in order on one worker, changes broadcast, refusals once."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.message import Message

from reader.notes.store import NotesStore
from reader.reading.changes import Change, HighlightsChanged, ProgressChanged, StatusesChanged
from reader.reading.model import Progress
from reader.reading.session import READ_ONLY_NOTICE
from reader.tui.app import ReaderApp
from reader.tui.pipeline import EditFailed, SessionChanged

from .helpers import article_id_of, notices, wait_for

SIZE = (100, 32)


def test_writes_run_in_order_and_every_change_is_broadcast(home: Path) -> None:
    posted: list[Message] = []
    heard: list[Change] = []

    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE, message_hook=posted.append) as pilot:
            await wait_for(pilot, lambda: app.library_screen.issues, "the library")
            app.session_changed.subscribe(app.screen, heard.append)
            found = app.session.find_article(article_id_of(app))
            assert found is not None
            article = found.article
            at = article.text.index("跨境电商")
            # Three writes asked at once: they run one after the other, in this order.
            app.edit(lambda s: s.add_highlight(article, at, at + 4, "blue"))
            app.edit(lambda s: s.delete_highlight(s.all_highlights()[0].id))
            app.edit(lambda s: s.save_progress(article.id, Progress(at, True)), quiet=True)
            app.edit(lambda s: s.delete_highlight("no-such-id"))
            await app.workers.wait_for_complete()
            await wait_for(pilot, lambda: len(heard) == 4, "the broadcasts")
            changes = [m.change for m in posted if isinstance(m, SessionChanged)]
            assert changes == heard
            # the highlight's new words became learning: broadcast right after the highlight
            added, learning, deleted, progress = changes
            assert isinstance(learning, StatusesChanged) and learning.words
            assert isinstance(added, HighlightsChanged) and added.article_ids == {article.id}
            assert deleted.notice == "Highlight deleted · u to undo"
            assert progress == ProgressChanged(article_id=article.id,
                                               progress=Progress(at, True))
            failed = [m for m in posted if isinstance(m, EditFailed)]
            assert len(failed) == 1 and "no-such-id" in failed[0].reason
            assert "Highlight deleted · u to undo" in notices(app)
            await pilot.press("ctrl+q")
        with NotesStore.open(home, read_only=True) as store:
            assert store.highlights() == []
            assert store.get_progress(article.id).read

    asyncio.run(scenario())


def test_read_only_refuses_once_with_the_one_sentence(home: Path) -> None:
    posted: list[Message] = []

    async def scenario() -> None:
        with NotesStore.open(home):  # another running Dubao holds the lock
            app = ReaderApp(home=home)
            async with app.run_test(size=SIZE, message_hook=posted.append) as pilot:
                await wait_for(pilot, lambda: any("this one is read-only" in n
                                                  for n in notices(app)), "the read-only store")
                before = len(notices(app))
                app.edit(lambda s: s.undo())
                app.edit(lambda s: s.save_progress("x", Progress(1, False)), quiet=True)
                await app.workers.wait_for_complete()
                await pilot.pause()
                assert notices(app)[before:] == [READ_ONLY_NOTICE]
                # The quiet write still tells this run (the library marks the article).
                assert [type(m.change) for m in posted if isinstance(m, SessionChanged)] == [
                    ProgressChanged]

    asyncio.run(scenario())
