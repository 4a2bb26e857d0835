"""Jumping between Saved words, Notes and articles never grows the screen stack per jump."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.commands.app import make_app
from reader.corpus.library import load_library
from reader.notes.store import NotesStore
from reader.tui.screens.article import ArticleScreen
from reader.tui.screens.saved_words import SavedWordsScreen

from .helpers import MARKER, wait_for


def test_saved_words_again_from_an_article_it_opened_goes_back_to_it(home: Path) -> None:
    articles = [(a, i) for i in load_library(home) for a in i.articles if MARKER in a.text]
    art, issue = articles[0]
    with NotesStore.open(home) as store:
        for word in ("跨境", "会议"):
            sentence = next(s for s in art.text.split("。") if word in s) + "。"
            store.save_word(word, "", f"gloss of {word}", sentence, art.id, issue.id)

    async def run() -> None:
        app = make_app(home)
        async with app.run_test(size=(100, 32)) as pilot:
            await wait_for(pilot, lambda: app.library_screen.issues, "the library")
            await pilot.press("ctrl+g")
            await wait_for(pilot, lambda: isinstance(app.screen, SavedWordsScreen), "words")
            depth = len(app.screen_stack)
            for _ in range(4):  # words -> its article -> words -> …
                words = app.screen
                await wait_for(pilot, lambda: words.shown, "the saved words")  # noqa: B023
                await pilot.press("enter")
                await wait_for(pilot, lambda: isinstance(app.screen, ArticleScreen), "article")
                await pilot.press("ctrl+g")
                await wait_for(pilot, lambda: isinstance(app.screen, SavedWordsScreen), "words")
                assert len(app.screen_stack) == depth
                assert app.screen is words  # the same list, its search and cursor kept
            assert sum(isinstance(s, ArticleScreen) for s in app.screen_stack) == 0

    asyncio.run(run())
