"""Saved words show GB/T 16159 pinyin and are found by toneless pinyin (issue 14 items 7, 18)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import DataTable, Input

from reader.notes.store import NotesStore
from reader.tui.app import ReaderApp
from reader.tui.screens.saved_words import SavedWordsScreen

from .helpers import wait_for

SIZE = (100, 32)


def _seed(home: Path) -> None:
    """Two words stored as CC-CEDICT spells them, one syllable at a time."""
    with NotesStore.open(home) as store:
        store.save_word("香港", "xiāng gǎng", "Hong Kong", "香港的天气很好。", "a1", "i1")
        store.save_word("快递", "kuài dì", "express delivery", "快递到了。", "a1", "i1")


async def _open_saved_words(pilot, app: ReaderApp) -> SavedWordsScreen:  # noqa: ANN001
    """From the library, `w` opens the saved words."""
    await wait_for(pilot, lambda: app.library_screen.issues, "the library")
    await pilot.press("w")
    await wait_for(pilot, lambda: isinstance(app.screen, SavedWordsScreen)
                   and app.screen.shown, "the saved words")
    assert isinstance(app.screen, SavedWordsScreen)
    return app.screen


def test_saved_words_are_spelled_gb_t(home: Path) -> None:
    _seed(home)

    async def run() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            screen = await _open_saved_words(pilot, app)
            table = screen.query_one(DataTable)
            shown = {str(table.get_row_at(i)[0]): str(table.get_row_at(i)[1])
                     for i in range(table.row_count)}
            assert shown == {"香港": "Xiānggǎng", "快递": "kuàidì"}
            detail = str(screen.query_one("#word-detail").content)
            assert "  Xiānggǎng" in detail or "  kuàidì" in detail

    asyncio.run(run())


def test_saved_words_are_found_by_toneless_spaceless_or_numbered_pinyin(home: Path) -> None:
    _seed(home)

    async def run() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            screen = await _open_saved_words(pilot, app)
            search = screen.query_one("#words-search", Input)

            def found() -> set[str]:
                return {w.word for w in screen.shown.values()}

            await pilot.press("/", *"xianggang")  # as a user types it
            await wait_for(pilot, lambda: found() == {"香港"}, "xianggang to find 香港")
            # Each query changes what is shown, so every wait sees the new filter.
            for query, words in [("kuaidi", {"快递"}), ("xiang", {"香港"}),
                                 ("kuai4di4", {"快递"}), ("xiang gang", {"香港"}),
                                 ("xiang3", set()), ("xiang1gang3", {"香港"}),
                                 ("express", {"快递"}), ("Xiānggǎng", {"香港"})]:
                search.value = query
                await wait_for(pilot, lambda w=words: found() == w, f"{query} -> {words}")

    asyncio.run(run())


def test_the_review_answer_spells_the_word_gb_t() -> None:
    """The back of a card writes `快递 [快遞]  kuàidì`, and the hint lights the word in the
    sentence's pinyin, spelled the same way."""
    from datetime import UTC, datetime

    from reader.language.spelling import display_pinyin
    from reader.learning.review import DueCard
    from reader.notes.model import SavedWord
    from reader.tui.review_card import card_faces

    word = SavedWord("w-1", "香港", "xiāng gǎng", "Hong Kong", "他去香港了。", "a1", "i1",
                     traditional="香港")
    card = DueCard(word, datetime.now(UTC), True)
    # before the loading worker has spelled it, the back shows the pinyin as stored
    assert "香港  xiānggǎng" in card_faces(card, None, None).answer.plain
    written = display_pinyin(word.word, word.pinyin)  # what the review's worker makes
    faces = card_faces(card, None, "tā qù Xiānggǎng le", written)
    assert "香港  Xiānggǎng" in faces.answer.plain
    lit = [faces.pinyin.plain[s.start:s.end] for s in faces.pinyin.spans if "bold" in str(s.style)]
    assert lit == ["Xiānggǎng"]
