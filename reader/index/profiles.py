"""HSK profiles kept per article in the index: computed once, read back without any tokens."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable

from reader.index.pages import transaction

BANDS = ("1-3", "4-6", "7-9", "none")


def band(level: int | None) -> str:
    """The band of an HSK level (`none` for words outside HSK)."""
    if level is None:
        return "none"
    return "1-3" if level <= 3 else "4-6" if level <= 6 else "7-9"


def stored_profiles(conn: sqlite3.Connection) -> dict[str, dict[str, int]]:
    """Article id -> band counts, for every article whose profile is known."""
    return {art_id: json.loads(hsk) for art_id, hsk in
            conn.execute("SELECT id, hsk FROM articles WHERE hsk IS NOT NULL")}


def missing_profiles(conn: sqlite3.Connection) -> list[str]:
    """Ids of articles whose profile is not computed yet."""
    return [r[0] for r in conn.execute("SELECT id FROM articles WHERE hsk IS NULL ORDER BY rowid")]


def save_profiles(conn: sqlite3.Connection, profiles: dict[str, dict[str, int]]) -> None:
    """Store band counts per article id."""
    with transaction(conn):
        conn.executemany("UPDATE articles SET hsk = ? WHERE id = ?",
                         [(json.dumps(c, separators=(",", ":")), art_id)
                          for art_id, c in profiles.items()])


def count_bands(levels: Iterable[int | None]) -> dict[str, int]:
    """Band counts of the HSK levels of an article's Han words."""
    return dict(Counter(band(level) for level in levels))


def compute_profile(text: str) -> dict[str, int]:
    """Band counts of a text's Han words (segments it; the token cache makes re-runs cheap)."""
    from reader.language import tokenize

    return count_bands(t.hsk for t in tokenize(text) if t.is_han)
