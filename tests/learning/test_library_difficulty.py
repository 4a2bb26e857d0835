"""Library scores from counts stored in the index: the same figures, re-scored only where needed."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.corpus.library import load_library
from reader.index.db import SCHEMA_VERSION, index_path, open_db
from reader.index.word_counts import missing_counts, save_counts, stored_counts
from reader.learning.scoring import WordCounts, article_counts, score
from reader.learning.status import Status
from reader.learning.vocabulary import Vocabulary
from reader.learning.word_files import hsk_words
from reader.notes.store import NotesStore
from reader.reading.difficulty import (
    Condition,
    LibraryDifficulty,
    StatusSets,
    fast_score,
    sort_key,
    split_filter,
)
from reader.reading.session import ReadingSession

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def counted() -> list[tuple[str, WordCounts]]:
    """Every bundled article's counts."""
    return [(a.id, article_counts(a)) for i in load_library(Path("/nonexistent-home"))
            for a in i.articles]


def _statuses() -> dict[str, Status]:
    out = dict.fromkeys(hsk_words(range(1, 4)), Status.KNOWN)
    out.update({"吉林省": Status.IGNORED, "企业": Status.LEARNING_2, "发展": Status.IGNORED})
    return out


def test_fast_score_is_the_score(counted: list[tuple[str, WordCounts]]) -> None:
    statuses = _statuses()
    sets = StatusSets.of(statuses)
    for _art_id, counts in counted:
        assert fast_score(counts, sets) == score(counts, statuses)


def test_filter_terms_are_split_from_the_words() -> None:
    words, conditions = split_filter("吉林 known>=90 new<20% 快递 KNOWN=100")
    assert words == "吉林 快递"
    assert [str(c) for c in conditions] == ["known>=90%", "new<20", "known=100%"]
    assert split_filter("knownish>=90")[1] == ()


def test_conditions_and_sort_keys() -> None:
    from reader.learning.scoring import ArticleScore

    easy = ArticleScore(running=100, known=95, new_words=3, learning_words=0)
    hard = ArticleScore(running=100, known=40, new_words=50, learning_words=2)
    photo = ArticleScore(running=0, known=0, new_words=0, learning_words=0)
    readable = Condition("known", ">=", 90)
    assert readable.holds(easy) and not readable.holds(hard)
    assert not readable.holds(photo) and not readable.holds(None)
    assert Condition("new", "<", 10).holds(easy) and not Condition("new", "<", 10).holds(photo)
    ranked = sorted([(hard, 0), (photo, 1), (easy, 2)], key=lambda p: sort_key("known", *p))
    assert [s for s, _ in ranked] == [easy, hard, photo]
    ranked = sorted([(photo, 0), (hard, 1), (easy, 2)], key=lambda p: sort_key("new", *p))
    assert [s for s, _ in ranked] == [easy, hard, photo]


def test_profile_pass_stores_counts_and_a_change_rescores_only_holders(
        isolated_home: Path) -> None:
    session = ReadingSession(isolated_home)
    issues = session.load_library()
    conn = open_db(isolated_home)
    try:
        assert len(missing_counts(conn)) == sum(len(i.articles) for i in issues)
    finally:
        conn.close()
    articles = [a for i in issues for a in i.articles]
    session.compute_profiles(articles)
    conn = open_db(isolated_home)
    try:
        assert missing_counts(conn) == []
        stored = stored_counts(conn, [a.id for a in articles])
    finally:
        conn.close()
    by_id = {a.id: a for a in articles}
    for art_id, counts in stored.items():
        assert counts == article_counts(by_id[art_id])
    snapshot: dict[str, dict[str, Status]] = {"now": {}}
    difficulty = LibraryDifficulty(isolated_home, lambda: snapshot["now"])
    texts = [a for a in articles if stored[a.id].counts]
    for a in texts:
        assert difficulty.score(a.id) == score(stored[a.id], {})
    word = "快递"
    holders = {a.id for a in texts if word in stored[a.id].counts}
    assert holders and len(holders) < len(texts)
    snapshot["now"] = {word: Status.KNOWN}  # the session replaces its snapshot on a change
    assert set(difficulty.changed([word])) == holders
    for art_id in holders:
        assert difficulty.score(art_id).known == stored[art_id].counts[word]
    everything = difficulty.score_all()
    assert difficulty.complete and set(everything) == set(stored)
    difficulty.close()
    # A whole-library pass keeps no counts: the search index says which scores to drop.
    fresh = LibraryDifficulty(isolated_home, lambda: snapshot["now"])
    fresh.score_all()
    assert fresh.complete and not fresh._counts
    snapshot["now"] = {word: Status.KNOWN, "记者": Status.IGNORED}
    touched = set(fresh.changed(["记者"]))
    assert not fresh.complete
    assert {i for i in stored if "记者" in stored[i].counts} <= touched < set(stored)
    again = fresh.score_all()
    assert fresh.complete
    for art_id, counts in stored.items():
        assert again[art_id] == score(counts, snapshot["now"]), art_id
    fresh.close()


def test_old_index_schema_is_rebuilt_with_the_counts_column(isolated_home: Path) -> None:
    load_library(isolated_home)
    conn = sqlite3.connect(index_path(isolated_home))
    conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema'")
    conn.commit()
    conn.close()
    conn = open_db(isolated_home)
    try:
        assert conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()[0] == str(
            SCHEMA_VERSION)
        assert "words" in {r[1] for r in conn.execute("PRAGMA table_info(articles)")}
    finally:
        conn.close()


def test_damaged_counts_cell_counts_as_missing(isolated_home: Path) -> None:
    issues = load_library(isolated_home)
    art = issues[0].articles[1]
    conn = open_db(isolated_home)
    try:
        save_counts(conn, {art.id: article_counts(art)})
        conn.execute("UPDATE articles SET words = '{not json' WHERE id = ?", (art.id,))
        assert stored_counts(conn, [art.id]) == {}
    finally:
        conn.close()


def test_reader_articles_json_has_the_scores(isolated_home: Path) -> None:
    def articles() -> list[dict]:
        out = subprocess.run([sys.executable, "-m", "reader", "articles", "--json"],
                             capture_output=True, text=True, cwd=REPO,
                             env={**os.environ, "READER_HOME": str(isolated_home)})
        assert out.returncode == 0, out.stderr
        return [a for i in json.loads(out.stdout) for a in i["articles"]]

    before = articles()
    texts = [a for a in before if a["paragraphs"]]
    assert all(a["known_share"] == 0.0 and a["new_words"] > 0 for a in texts)
    with NotesStore.open(isolated_home) as store:
        Vocabulary(store).set_status(hsk_words(range(1, 5)), Status.KNOWN)
    after = {a["id"]: a for a in articles()}
    for a in texts:
        now = after[a["id"]]
        assert 0.3 <= now["known_share"] <= 0.95
        assert now["new_words"] < a["new_words"]
    plain = subprocess.run([sys.executable, "-m", "reader", "articles"], capture_output=True,
                           text=True, cwd=REPO, env={**os.environ, "COLUMNS": "300",
                                                     "READER_HOME": str(isolated_home)})
    first = texts[0]
    line = next(x for x in plain.stdout.splitlines() if first["id"] in x)
    share = round(after[first["id"]]["known_share"] * 100)
    assert f"{share}% known, {after[first['id']]['new_words']} new" in line
