"""Word counts kept per article in the index, next to the HSK profile: counted once, scored often.

The counts (`reader.learning.scoring.WordCounts`) are what `known_share` and `new_words` are
scored from; storing them means no article is segmented again to score it.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Iterable, Iterator

from reader.corpus.model import Article
from reader.index.pages import transaction
from reader.learning.scoring import WordCounts


def _dumps(counts: WordCounts) -> str:
    return json.dumps(counts.to_json(), ensure_ascii=False, separators=(",", ":"))


def _loads(raw: str) -> WordCounts | None:
    try:
        counts = WordCounts.from_json(json.loads(raw))
    except (ValueError, TypeError, AttributeError):
        return None  # a damaged cell counts as missing: it is computed again
    # Interned, the words of thousands of articles kept in memory are stored once each.
    return WordCounts({sys.intern(w): n for w, n in counts.counts.items()}, counts.left_out)


def save_counts(conn: sqlite3.Connection, counts: dict[str, WordCounts]) -> None:
    """Store word counts per article id."""
    with transaction(conn):
        conn.executemany("UPDATE articles SET words = ? WHERE id = ?",
                         [(_dumps(c), art_id) for art_id, c in counts.items()])


def stored_counts(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, WordCounts]:
    """The stored counts of these articles (ids without counts are left out)."""
    out: dict[str, WordCounts] = {}
    wanted = list(dict.fromkeys(ids))
    for k in range(0, len(wanted), 500):
        chunk = wanted[k:k + 500]
        marks = ",".join("?" * len(chunk))
        for art_id, raw in conn.execute(
                f"SELECT id, words FROM articles WHERE words IS NOT NULL AND id IN ({marks})",
                chunk):
            counts = _loads(raw)
            if counts is not None:
                out[art_id] = counts
    return out


def all_counts(conn: sqlite3.Connection,
               skip: set[str] | frozenset[str] = frozenset()) -> Iterator[tuple[str, WordCounts]]:
    """Every article's stored counts but those in `skip`, one at a time (a year of papers is
    not held at once; skipped rows are not decoded)."""
    for art_id, raw in conn.execute("SELECT id, words FROM articles WHERE words IS NOT NULL"):
        if art_id in skip:
            continue
        # A pass over every article keeps none of them: decoded as stored, not interned.
        try:
            data = json.loads(raw)
            counts, left = data["counts"], data.get("left_out") or {}
        except (ValueError, TypeError, KeyError, AttributeError):
            continue
        if isinstance(counts, dict) and all(type(n) is int for n in counts.values()):
            yield art_id, WordCounts(counts, left)


def profile_and_count(articles: Iterable[Article]) -> tuple[dict[str, dict[str, int]],
                                                              dict[str, WordCounts]]:
    """Each article's HSK band counts and word counts, from one segmenting of its text."""
    from reader.index.profiles import count_bands
    from reader.language import tokenize
    from reader.language.names import byline_names
    from reader.learning.scoring import count_words

    profiles: dict[str, dict[str, int]] = {}
    counts: dict[str, WordCounts] = {}
    for a in articles:
        tokens = tokenize(a.text)
        profiles[a.id] = count_bands(t.hsk for t in tokens if t.is_han)
        counts[a.id] = count_words(tokens, byline_names(a.byline))
    return profiles, counts


def missing_counts(conn: sqlite3.Connection) -> list[str]:
    """Ids of articles whose counts are not stored yet."""
    return [r[0] for r in conn.execute(
        "SELECT id FROM articles WHERE words IS NULL ORDER BY rowid")]


def articles_with(conn: sqlite3.Connection, words: Iterable[str]) -> set[str] | None:
    """Ids of articles whose text may hold any of `words` (a superset, from the search index);
    None when a word gives the index nothing to look for (any article may hold it)."""
    from reader.index.grams import match_expression

    parts = []
    for word in words:
        expr = match_expression(word)
        if expr is None:
            return None
        parts.append(f"({expr})")
    if not parts:
        return set()
    return {r[0] for r in conn.execute(
        "SELECT a.id FROM grams JOIN articles a ON a.rowid = grams.rowid WHERE grams MATCH ?",
        (" OR ".join(parts),))}
