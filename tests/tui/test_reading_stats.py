"""Words read and articles finished come from reading in the app: an article that fits on one
screen is finished once the reader moves through it with its end on screen (it never scrolls);
`reader stats` and the stats screen write plurals, never `(s)`."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.cli import main
from reader.corpus.library import find_article
from reader.language import tokenize
from reader.learning.stats import LearningStats, reading_totals
from reader.notes.store import NotesStore
from reader.tui.app import ReaderApp
from reader.tui.screens.article import ArticleScreen

from .helpers import article_id_of, open_test_article, wait_for

SIZE = (120, 40)


async def _read_and_leave(home: Path, keys: tuple[str, ...]) -> str:
    """Open the test article, press `keys`, go back; the article's id."""
    app = ReaderApp(home=home)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_test_article(pilot, app)
        assert view.max_scroll_y == 0  # the whole article is on screen
        art_id = article_id_of(app)
        await pilot.press(*keys)
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, ArticleScreen), "the library")
        await pilot.press("q")  # quitting writes what is pending and lets go of the store
    assert app.session.store is None
    return art_id


def test_an_article_read_on_one_screen_counts_as_finished(home: Path, capsys) -> None:
    art_id = asyncio.run(_read_and_leave(home, ()))
    with NotesStore.open(home, read_only=True) as store:
        progress = store.get_progress(art_id)
    assert progress is None or not progress.read  # opened and left at once: not read
    asyncio.run(_read_and_leave(home, ("right", "right", "right")))
    with NotesStore.open(home, read_only=True) as store:
        progress = store.get_progress(art_id)
    assert progress is not None and progress.read
    text = find_article(home, art_id).article.text
    han = sum(1 for t in tokenize(text) if t.is_han)
    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    assert f"{han:,} words read, 1 article finished" in out
    assert "(s)" not in out


def test_totals_are_written_with_plurals() -> None:
    def stats(words: int, finished: int) -> LearningStats:
        return LearningStats((), (("2026-01-01", words),), (("2026-01-01", finished),), 0, 0, 0)

    assert reading_totals(stats(1, 2)) == "1 word read, 2 articles finished"
    assert reading_totals(stats(2, 1)) == "2 words read, 1 article finished"
    assert reading_totals(stats(1234, 0)) == "1,234 words read, 0 articles finished"
