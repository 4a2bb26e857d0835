"""Progress figures: words known over time, words read per day, articles finished."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reader.corpus.model import Article
from reader.notes.model import Progress


@dataclass(frozen=True)
class LearningStats:
    """Series by day (`YYYY-MM-DD`, oldest first) and totals."""

    known_by_day: tuple[tuple[str, int], ...]
    """Cumulative known words at the end of each day a word became known."""
    read_by_day: tuple[tuple[str, int], ...]
    """Running Han words read (up to the saved position) per day of reading."""
    finished_by_day: tuple[tuple[str, int], ...]
    """Articles marked finished per day."""
    known: int
    learning: int
    ignored: int

    def to_json(self) -> dict[str, object]:
        """The JSON shape of `reader stats --json`."""
        def series(pairs: tuple[tuple[str, int], ...]) -> list[dict[str, object]]:
            return [{"date": d, "value": v} for d, v in pairs]

        return {"known": self.known, "learning": self.learning, "ignored": self.ignored,
                "articles_finished": sum(v for _d, v in self.finished_by_day),
                "words_read": sum(v for _d, v in self.read_by_day),
                "known_by_day": series(self.known_by_day),
                "read_by_day": series(self.read_by_day),
                "finished_by_day": series(self.finished_by_day)}


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def reading_totals(stats: LearningStats) -> str:
    """`1 word read, 2 articles finished`: the totals as the CLI and the app write them."""
    words = sum(v for _d, v in stats.read_by_day)
    finished = sum(v for _d, v in stats.finished_by_day)
    return f"{_plural(words, 'word')} read, {_plural(finished, 'article')} finished"


def words_read(article: Article, progress: Progress) -> int:
    """Han words of the article before the saved position (all of them once it is finished)."""
    from reader.language import tokenize

    end = len(article.text) if progress.read else progress.offset
    return sum(1 for t in tokenize(article.text) if t.start < end and t.is_han)


def learning_stats(status_docs: Mapping[str, Mapping[str, object]],
                   progress: Iterable[Progress],
                   articles: Mapping[str, Article]) -> LearningStats:
    """Build the figures from stored statuses, reading progress and the library's articles."""
    per_day: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for doc in status_docs.values():
        status = str(doc.get("status"))
        counts["learning" if status.startswith("learning") else status] += 1
        known_at = doc.get("known_at")
        if status == "known":
            per_day[str(known_at or doc.get("updated") or "")[:10]] += 1
    total, known_series = 0, []
    for day in sorted(d for d in per_day if d):
        total += per_day[day]
        known_series.append((day, total))
    read: Counter[str] = Counter()
    finished: Counter[str] = Counter()
    for p in progress:
        day = p.updated[:10]
        article = articles.get(p.article_id)
        if not day or article is None:
            continue
        read[day] += words_read(article, p)
        if p.read:
            finished[day] += 1
    return LearningStats(tuple(known_series), tuple(sorted(read.items())),
                         tuple(sorted(finished.items())), counts["known"], counts["learning"],
                         counts["ignored"])
