"""The app and the notes store's states: notices are not read-only; read-only keeps the glossary."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.notes.model import UserTerm
from reader.notes.store import NotesStore
from reader.tui.app import ReaderApp
from reader.tui.widgets.glossary_panel import GlossaryPanel
from reader.tui.widgets.title_bar import TitleBar

from .helpers import open_test_article, token_index, wait_for

SIZE = (100, 32)


def test_a_leftover_temp_file_is_a_notice_not_read_only(home: Path) -> None:
    NotesStore.open(home).close()
    (home / "notes.json.tmp-4242-deadbeef").write_text("{}")  # left by a kill -9

    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: app.session.store is not None, "the store")
            await wait_for(pilot, lambda: app._notifications, "the notice")
            await pilot.pause()
            assert not app.session.read_only
            assert "read-only" not in (app.sub_title or "")
            assert "read-only" not in app.screen.query_one(TitleBar).text
            assert any("interrupted save" in str(n.message) for n in app._notifications)

    asyncio.run(scenario())


def test_a_read_only_second_instance_looks_words_up_in_the_users_glossary(home: Path) -> None:
    with NotesStore.open(home) as store:
        store.put_term(UserTerm("跨境", "kuàjìng", ("across the border (my own def)",), None))

    async def scenario() -> None:
        with NotesStore.open(home):  # another running Dubao holds the lock
            app = ReaderApp(home=home)
            async with app.run_test(size=SIZE) as pilot:
                view = await open_test_article(pilot, app)
                await wait_for(pilot, lambda: app.session.read_only, "the read-only store")
                view.move_cursor(token_index(view, "跨境"))
                await pilot.press("enter")
                panel = app.screen.query_one(GlossaryPanel)
                await wait_for(pilot, lambda: panel.result is not None, "the lookup")
                definitions = [d for e in panel.result.entries for d in e.definitions]
                assert "across the border (my own def)" in definitions

    asyncio.run(scenario())


def test_a_damaged_file_with_a_backup_shows_the_notes_read_only(home: Path) -> None:
    from reader.corpus.library import load_library

    from .helpers import MARKER

    article_id = next(a.id for i in load_library(home) for a in i.articles if MARKER in a.text)
    with NotesStore.open(home) as store:
        store.add_highlight("test_issue", article_id, "会议指出，跨境电商发展迅速。", 0, 2)
    NotesStore.open(home).close()  # the backup holds the highlight
    notes = home / "notes.json"
    notes.write_bytes(notes.read_bytes()[:50])

    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: app.session.store is not None, "the store")
            await wait_for(pilot, lambda: app.session.read_only, "the read-only state")
            await pilot.pause()
            assert "read-only" in (app.sub_title or "")
            assert len(app.session.store.highlights()) == 1
            assert any("Nothing can be saved until the backup is restored" in str(n.message)
                       for n in app._notifications)

    asyncio.run(scenario())
