"""Known words in the library: re-scoring the lines a status change touches, scoring them all.

Both from the word counts stored in the index (no tokens), on the bundled library with HSK 1-4
marked known, as the library screen does it.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from reader.bench import Figure, median_ms


def _home(tmp: Path) -> tuple[Path, list[str]]:
    """A home whose index holds every bundled article's counts; the article ids."""
    from reader.reading.session import ReadingSession

    session = ReadingSession(tmp)
    articles = [a for i in session.load_library() for a in i.articles]
    session.compute_profiles(articles)
    return tmp, [a.id for a in articles]


def _widest_new_word(home: Path, ids: list[str], statuses: dict) -> str:
    """The new word found in the most articles (the change that touches the most lines)."""
    from collections import Counter

    from reader.index.db import open_db
    from reader.index.word_counts import stored_counts

    conn = open_db(home)
    try:
        spread = Counter(w for c in stored_counts(conn, ids).values() for w in c.counts
                         if w not in statuses)
    finally:
        conn.close()
    return spread.most_common(1)[0][0]


def figures() -> dict[str, Figure]:
    """`known_library_rescore_ms` (goal 50, as `known_rescore_ms`) and the cost of scoring
    every article for a sort or the ≥90% filter, per article."""
    from reader.learning.changes import apply_to
    from reader.learning.status import Status
    from reader.learning.vocabulary import Vocabulary
    from reader.learning.word_files import hsk_words
    from reader.notes.store import NotesStore
    from reader.reading.difficulty import LibraryDifficulty

    with tempfile.TemporaryDirectory(prefix="dubao-bench-") as tmp:
        home, ids = _home(Path(tmp))
        store = NotesStore.open(home)
        try:
            vocab = Vocabulary(store)
            vocab.set_status(hsk_words(range(1, 5)), Status.KNOWN)
            state = {"snapshot": vocab.statuses()}
            difficulty = LibraryDifficulty(home, lambda: state["snapshot"])
            difficulty.prefetch(ids)  # every line listed: the worst case for a change
            flip = iter(range(10**9))
            word = _widest_new_word(home, ids, state["snapshot"])

            def mark() -> None:
                status = Status.KNOWN if next(flip) % 2 == 0 else Status.NEW
                change = vocab.set_status(word, status)
                assert change
                state["snapshot"] = apply_to(dict(state["snapshot"]), change)
                touched = difficulty.changed(change.words)
                assert touched
                for art_id in touched:
                    difficulty.score(art_id)

            rescore = median_ms(mark, runs=11, warmup=2)
            runs = []
            for _ in range(5):
                difficulty.reset()  # every article scored from its stored counts again
                t0 = time.perf_counter()
                scores = difficulty.score_all()
                runs.append((time.perf_counter() - t0) / max(1, len(scores)) * 1e6)
            difficulty.close()
        finally:
            store.close()
    return {
        "known_library_rescore_ms": Figure(round(rescore, 2), "ms", goal=50),
        "known_score_all_us_per_article": Figure(round(sorted(runs)[2], 1), "us"),
    }
