"""Known-words and review figures: re-scoring after a status change, building the due queue."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reader.bench import Figure, median_ms


def _longest_article():  # noqa: ANN202 - an Article; typed loosely to keep imports lazy
    from reader.corpus.library import load_library

    with tempfile.TemporaryDirectory(prefix="dubao-bench-") as tmp:
        articles = [a for i in load_library(Path(tmp)) for a in i.articles]
    return max(articles, key=lambda a: len(a.text))


def known_rescore_ms() -> float:
    """Mark a word known (saved to a notes file seeded with HSK 1-4) and re-score the longest
    bundled article from its word counts, updating the statuses snapshot from the change as a
    session does; alternates known/new so every run is a change."""
    from reader.learning.changes import apply_to
    from reader.learning.scoring import article_counts, score
    from reader.learning.status import Status
    from reader.learning.vocabulary import Vocabulary
    from reader.learning.word_files import hsk_words
    from reader.notes.store import NotesStore

    counts = article_counts(_longest_article())
    targets = [w for w in counts.counts if w not in set(hsk_words(range(1, 5)))][:2] or ["词"]
    with tempfile.TemporaryDirectory(prefix="dubao-bench-") as tmp:
        store = NotesStore.open(Path(tmp))
        try:
            vocab = Vocabulary(store)
            vocab.set_status(hsk_words(range(1, 5)), Status.KNOWN)
            snapshot = vocab.statuses()
            flip = iter(range(10**9))

            def mark() -> None:
                n = next(flip)
                status = Status.KNOWN if n % 2 == 0 else Status.NEW
                change = vocab.set_status(targets[0], status)
                assert change
                score(counts, apply_to(snapshot, change))

            return median_ms(mark, runs=11, warmup=2)
        finally:
            store.close()


def review_queue_1000_ms() -> float:
    """Build the due queue over 1,000 saved words with cards (half of them due)."""
    from reader.learning.review import Reviewer
    from reader.notes.schema import empty_tables
    from reader.notes.store import NotesStore
    from reader.notes.store_file import encode
    from reader.paths import notes_path

    now = datetime(2026, 1, 1, tzinfo=UTC)
    stamp = now.isoformat()
    tables = empty_tables(stamp)
    for n in range(1000):
        word = f"词{n:04d}"
        due = now + timedelta(days=(n % 2) * 3 - 1, minutes=n)
        tables["words"][str(n + 1)] = {
            "id": f"w-{n:08x}", "word": word, "pinyin": "cí", "definition": "word",
            "sentence": f"这是{word}的句子。", "article_id": "a", "issue_id": "i",
            "traditional": None, "hsk": None, "note": None, "created": stamp, "updated": stamp}
        tables["cards"][str(n + 1)] = {
            "word": word, "card_id": n + 1, "state": 2, "step": None, "stability": 3.0,
            "difficulty": 5.0, "due": due.isoformat(), "last_review": stamp, "updated": stamp}
    with tempfile.TemporaryDirectory(prefix="dubao-bench-") as tmp:
        home = Path(tmp)
        notes_path(home).write_bytes(encode(tables))
        store = NotesStore.open(home)
        try:
            reviewer = Reviewer(store)
            assert len(reviewer.due(now)) == 500
            return median_ms(lambda: reviewer.due(now), runs=11, warmup=1)
        finally:
            store.close()


def figures() -> dict[str, Figure]:
    """The figures of issues 16 and 18."""
    return {
        "known_rescore_ms": Figure(known_rescore_ms(), "ms", goal=50),
        "review_queue_1000_ms": Figure(review_queue_1000_ms(), "ms", goal=100),
    }
