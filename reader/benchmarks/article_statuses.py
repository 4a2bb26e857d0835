"""Word-status figures of the article screen: a status key to the marks repainted."""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from reader.bench import Figure
from reader.benchmarks.waiting import until

RUNS = 9
"""Timed key presses (after one untimed)."""


async def _status_key_figure(home: Path, article_id: str) -> float:
    """Median ms from a status key press on the cursor word to the frame with its marks
    repainted, in the longest bundled article, with HSK 1-4 known; alternates learning 2 and
    new so that every press is a change."""
    from textual import events

    from reader.learning.status import Status
    from reader.tui.app import ReaderApp
    from reader.tui.screens.article import ArticleScreen
    from reader.tui.widgets.article_view import ArticleView

    app = ReaderApp(home=home, article_id=article_id)
    times = []
    async with app.run_test(size=(100, 32)) as pilot:
        await until(lambda: isinstance(app.screen, ArticleScreen)
                     and app.screen.query(ArticleView), limit=120)
        view = app.screen.query_one(ArticleView)
        await until(lambda: view.word_marks.loaded and view.page is not None, limit=120)
        await pilot.pause()
        marks = view.word_marks
        words = [i for i, t in enumerate(view.tokens)
                 if t.is_han and view.word_region(i) and marks.status_at(t) is Status.NEW
                 and marks.marked(t) is not None]
        for n in range(RUNS + 1):
            index = words[n % len(words)]
            view.move_cursor(index)
            await pilot.pause()
            token = view.tokens[index]
            for key, target in (("2", Status.LEARNING_2), ("0", Status.NEW)):
                t0 = time.perf_counter()
                # As the terminal driver delivers it (Pilot.press adds ~80 ms of waiting).
                app.post_message(events.Key(key, key))
                await until(lambda t=target, w=token: marks.status_at(w) is t, limit=10)
                await app.screen.wait_for_refresh()  # the frame with the new marks
                if n:
                    times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def figures() -> dict[str, Figure]:
    """`status_key_ms` (issue 16)."""
    from reader.benchmarks.learning import _longest_article
    from reader.learning.status import Status
    from reader.learning.vocabulary import Vocabulary
    from reader.learning.word_files import hsk_words
    from reader.notes.store import NotesStore

    article = _longest_article()
    with tempfile.TemporaryDirectory(prefix="dubao-bench-status-") as tmp:
        home = Path(tmp)
        with NotesStore.open(home) as store:
            Vocabulary(store).set_status(hsk_words(range(1, 5)), Status.KNOWN)
        ms = asyncio.run(_status_key_figure(home, article.id))
    return {"status_key_ms": Figure(round(ms, 3), "ms", goal=50)}
