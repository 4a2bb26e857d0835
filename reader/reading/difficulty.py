"""Each library article's `known_share` and `new_words`, scored from counts stored in the index.

Scores are made when a line is drawn (or for the whole library when the list is sorted or
filtered by them), against the statuses snapshot; a status change re-scores only the articles
that hold a changed word. Counts are kept for the last few thousand articles scored, never for
a whole library (a year of papers would take hundreds of megabytes).
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.learning.status import Status

if TYPE_CHECKING:
    from reader.learning.scoring import ArticleScore, WordCounts

COUNTS_KEPT = 2000
"""Articles whose counts stay in memory (the lines listed, and then some: ~10 kB each)."""


@dataclass(frozen=True)
class StatusSets:
    """The statuses snapshot as sets, so scoring is set intersections done in C."""

    known: frozenset[str]
    ignored: frozenset[str]
    learning: frozenset[str]

    @classmethod
    def of(cls, statuses: Mapping[str, Status]) -> StatusSets:
        """Split a snapshot (word -> status, NEW absent) into sets."""
        known, ignored, learning = [], [], []
        for word, status in statuses.items():
            if status is Status.KNOWN:
                known.append(word)
            elif status is Status.IGNORED:
                ignored.append(word)
            elif status is not Status.NEW:
                learning.append(word)
        return cls(frozenset(known), frozenset(ignored), frozenset(learning))


def fast_score(counts: WordCounts, sets: StatusSets) -> ArticleScore:
    """The same figures as `reader.learning.scoring.score`, by set operations."""
    from reader.learning.scoring import ArticleScore  # the library starts without the language

    c = counts.counts
    # set.intersection(dict) walks the article's words and probes the set; `keys & set`
    # would walk the (far larger) set of known words.
    known = sets.known.intersection(c)
    ignored = sets.ignored.intersection(c)
    learning = sets.learning.intersection(c)
    get = c.__getitem__
    running = sum(c.values()) - sum(map(get, ignored))
    return ArticleScore(running, sum(map(get, known)),
                        len(c) - len(known) - len(ignored) - len(learning), len(learning))


class LibraryDifficulty:
    """Scores per article id, from the index of one home and the session's statuses."""

    def __init__(self, home: Path, statuses: Callable[[], Mapping[str, Status]]) -> None:
        self._home = home
        self._statuses = statuses
        self._sets: tuple[int, StatusSets] | None = None
        self._scores: dict[str, ArticleScore] = {}
        self._counts: OrderedDict[str, WordCounts] = OrderedDict()
        self._absent: set[str] = set()
        """Ids looked up with no stored counts yet (not asked again until `forget_absent`)."""
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.RLock()
        self.complete = False
        """True while every stored article has a score (after `score_all`, until a change)."""

    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            from reader.index.db import open_db

            self._conn = open_db(self._home)
        return self._conn

    def close(self) -> None:
        """Close the index connection (opened again when needed)."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def sets(self) -> StatusSets:
        """The statuses snapshot as sets (made again when the snapshot is replaced)."""
        snapshot = self._statuses()
        if self._sets is None or self._sets[0] != id(snapshot):
            self._sets = (id(snapshot), StatusSets.of(snapshot))
        return self._sets[1]

    def has_statuses(self) -> bool:
        """True once the user has given any word a status."""
        sets = self.sets()
        return bool(sets.known or sets.ignored or sets.learning)

    def _keep(self, art_id: str, counts: WordCounts) -> None:
        self._counts[art_id] = counts
        self._counts.move_to_end(art_id)
        while len(self._counts) > COUNTS_KEPT:
            self._counts.popitem(last=False)

    def score(self, art_id: str) -> ArticleScore | None:
        """The article's score (None while its counts are not in the index yet)."""
        with self._lock:
            found = self._scores.get(art_id)
            if found is not None or art_id in self._absent:
                return found
            counts = self._counts.get(art_id)
            if counts is None:
                from reader.index.word_counts import stored_counts

                try:
                    counts = stored_counts(self._db(), [art_id]).get(art_id)
                except sqlite3.DatabaseError:
                    counts = None
                if counts is None:
                    self._absent.add(art_id)
                    return None
            self._keep(art_id, counts)
            found = self._scores[art_id] = fast_score(counts, self.sets())
            return found

    def prefetch(self, ids: Iterable[str]) -> None:
        """Score these articles with one query (an issue's lines, as it opens)."""
        with self._lock:
            wanted = [i for i in ids if i not in self._scores and i not in self._absent]
            if not wanted:
                return
            from reader.index.word_counts import stored_counts

            try:
                found = stored_counts(self._db(), wanted)
            except sqlite3.DatabaseError:
                return
            sets = self.sets()
            for art_id in wanted:
                counts = found.get(art_id)
                if counts is None:
                    self._absent.add(art_id)
                    continue
                self._keep(art_id, counts)
                self._scores[art_id] = fast_score(counts, sets)

    def score_all(self) -> dict[str, ArticleScore]:
        """Score every article with stored counts (for sorting and filtering); a copy.

        Runs on its own connection without the lock, so lines drawn meanwhile are not held up.
        """
        from reader.index.db import open_db
        from reader.index.word_counts import all_counts

        snapshot = self._statuses()
        sets = StatusSets.of(snapshot)
        scores: dict[str, ArticleScore] = {}
        with self._lock:
            have = set(self._scores)
        try:
            conn = open_db(self._home)
            try:
                for art_id, counts in all_counts(conn, skip=have):
                    scores[art_id] = fast_score(counts, sets)
            finally:
                conn.close()
        except sqlite3.DatabaseError:
            pass
        with self._lock:
            if self._statuses() is snapshot and have <= self._scores.keys():  # no change since
                self._scores.update(scores)
                self._absent.difference_update(scores)
                self.complete = True
                return dict(self._scores)
            # A status changed meanwhile: these are a moment old; not kept, made again next pass.
            return {**scores, **self._scores}

    def added(self, counts: Mapping[str, WordCounts]) -> list[str]:
        """Counts just computed (and stored) for these articles: score them; their ids."""
        with self._lock:
            sets = self.sets()
            for art_id, c in counts.items():
                self._absent.discard(art_id)
                self._keep(art_id, c)
                self._scores[art_id] = fast_score(c, sets)
            return list(counts)

    def reset(self) -> None:
        """Statuses were read afresh: every score is made again (counts are kept)."""
        with self._lock:
            self._scores.clear()
            self._absent.clear()
            self._sets = None
            self.complete = False

    def forget_absent(self) -> None:
        """Look again for counts that were missing (a profile pass has stored some)."""
        with self._lock:
            self._absent.clear()

    def changed(self, words: Iterable[str]) -> list[str]:
        """Statuses of `words` changed: re-score the articles that hold one; return their ids.

        Articles whose counts are kept are re-scored at once; other scores (a whole-library
        pass) are dropped when the search index says the article may hold a word, and made
        again when drawn or at the next pass. Their ids are returned too.
        """
        changed = tuple(dict.fromkeys(words))
        with self._lock:
            sets = self.sets()
            out: list[str] = []
            for art_id, counts in self._counts.items():
                c = counts.counts
                if any(w in c for w in changed):
                    self._scores[art_id] = fast_score(counts, sets)
                    out.append(art_id)
            others = self._scores.keys() - self._counts.keys()
            if others:
                from reader.index.word_counts import articles_with

                try:
                    maybe = articles_with(self._db(), changed)
                except sqlite3.DatabaseError:
                    maybe = None
                dropped = list(others if maybe is None else others & maybe)
                for art_id in dropped:
                    del self._scores[art_id]
                if dropped:
                    self.complete = False
                out += dropped
            return out


SORTS = ("library", "known", "new")
"""Library orders: as filed, most known first, fewest new words first."""
SORT_LABELS = {"library": "library order", "known": "most known first",
               "new": "fewest new words first"}
"""How each order is named on screen."""


@dataclass(frozen=True)
class Condition:
    """One difficulty term of the library filter: `known>=90` (percent) or `new<20` (words)."""

    field: str
    """`known` (share known, in percent) or `new` (distinct new words)."""
    op: str
    value: float

    def holds(self, score: ArticleScore | None) -> bool:
        """True when the article's score meets the condition (articles unscored never do)."""
        if score is None:
            return False
        if self.field == "known":
            share = score.known_share
            if share is None:
                return False
            have = share * 100
        else:
            if not score.running:
                return False
            have = float(score.new_words)
        return {">=": have >= self.value, "<=": have <= self.value, ">": have > self.value,
                "<": have < self.value, "=": have == self.value}[self.op]

    def __str__(self) -> str:
        unit = "%" if self.field == "known" else ""
        return f"{self.field}{self.op}{self.value:g}{unit}"


_TERM = re.compile(r"^(known|new)(>=|<=|>|<|=)(\d+(?:\.\d+)?)%?$")


def split_filter(query: str) -> tuple[str, tuple[Condition, ...]]:
    """The filter's words apart from its difficulty terms (`known>=90 吉林` -> `吉林`, [...])."""
    words: list[str] = []
    conditions: list[Condition] = []
    for part in query.split():
        m = _TERM.match(part.lower())
        if m:
            conditions.append(Condition(m[1], m[2], float(m[3])))
        else:
            words.append(part)
    return " ".join(words), tuple(conditions)


def sort_key(sort: str, score: ArticleScore | None, order: int) -> tuple[float, float, int]:
    """Sort key of an article in `sort` (articles without running words go last)."""
    if score is None or not score.running:
        return (1.0, 0.0, order)
    share = score.known_share or 0.0
    if sort == "known":
        return (0.0, -share, order)
    return (0.0, float(score.new_words), order)


def library_scores(home: Path, articles: Iterable[object]) -> dict[str, ArticleScore]:
    """Scores of library articles for `reader articles`: counts from the index (those missing
    are counted once and stored), statuses from the notes file (none when it cannot be read)."""
    from reader.index.db import open_db
    from reader.index.word_counts import save_counts, stored_counts
    from reader.learning.scoring import article_counts
    from reader.learning.vocabulary import Vocabulary
    from reader.notes.errors import StoreError
    from reader.notes.store import NotesStore
    from reader.paths import notes_path

    arts = {a.id: a for a in articles}  # type: ignore[attr-defined]
    statuses: Mapping[str, Status] = {}
    if notes_path(home).exists():
        try:
            with NotesStore.open(home, read_only=True) as store:
                statuses = Vocabulary(store).statuses()
        except StoreError:
            statuses = {}
    conn = open_db(home)
    try:
        counts = stored_counts(conn, arts)
        missing = {i: article_counts(a) for i, a in arts.items() if i not in counts}
        if missing:
            try:
                save_counts(conn, missing)
            except sqlite3.DatabaseError:
                pass  # a read-only home: counted again next time
            counts.update(missing)
    finally:
        conn.close()
    sets = StatusSets.of(statuses)
    return {i: fast_score(c, sets) for i, c in counts.items()}
