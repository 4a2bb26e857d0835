"""Difficulty per article: `known_share` and `new_words` from its tokens and the statuses.

Counting (`count_words`) is done once per article (at index time); scoring (`score`) is a pass
over the article's distinct words, cheap enough to re-run whenever a status changes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from reader.corpus.model import Article
from reader.language.model import Token
from reader.language.names import byline_names
from reader.learning.classify import Kind, word_kind
from reader.learning.status import Status


@dataclass(frozen=True)
class WordCounts:
    """Occurrences of each countable word of an article, and how many tokens were left out."""

    counts: Mapping[str, int]
    """Word -> running occurrences (names, places and numbers excluded)."""
    left_out: Mapping[str, int] = field(default_factory=dict)
    """Kind (`name`, `place`, `number`) -> running occurrences left out."""

    def to_json(self) -> dict[str, object]:
        """A JSON shape an index can store and `from_json` reads back."""
        return {"counts": dict(self.counts), "left_out": dict(self.left_out)}

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> WordCounts:
        """Rebuild from `to_json` output."""
        counts = data.get("counts") or {}
        left = data.get("left_out") or {}
        if not isinstance(counts, dict) or not isinstance(left, dict):
            raise ValueError("bad word counts")
        return cls({str(k): int(v) for k, v in counts.items()},
                   {str(k): int(v) for k, v in left.items()})


@dataclass(frozen=True)
class ArticleScore:
    """How much of an article the user knows."""

    running: int
    """Running words counted (names, places, numbers and ignored words left out)."""
    known: int
    """Running words whose status is known."""
    new_words: int
    """Distinct words with no status yet."""
    learning_words: int
    """Distinct words at a learning level."""

    @property
    def known_share(self) -> float | None:
        """known / running, None for an article without running words (a photo)."""
        return self.known / self.running if self.running else None

    def to_json(self) -> dict[str, object]:
        """The fields `reader articles --json` and the library show."""
        share = self.known_share
        return {"known_share": None if share is None else round(share, 4),
                "new_words": self.new_words, "learning_words": self.learning_words,
                "running_words": self.running}


def count_words(tokens: Iterable[Token], names: frozenset[str] = frozenset()) -> WordCounts:
    """Count the countable words of an article's tokens (`names`: the byline's names)."""
    counts: Counter[str] = Counter()
    left: Counter[str] = Counter()
    for token in tokens:
        kind = word_kind(token, names)
        if kind is Kind.WORD:
            counts[token.text] += 1
        elif kind is not None:
            left[kind.value] += 1
    return WordCounts(dict(counts), dict(left))


def score(counts: WordCounts, statuses: Mapping[str, Status]) -> ArticleScore:
    """Score an article's counts against the user's statuses (words missing are new)."""
    running = known = new = learning = 0
    get = statuses.get
    for word, n in counts.counts.items():
        status = get(word, Status.NEW)
        if status is Status.IGNORED:
            continue
        running += n
        if status is Status.KNOWN:
            known += n
        elif status is Status.NEW:
            new += 1
        else:
            learning += 1
    return ArticleScore(running, known, new, learning)


def touches(counts: WordCounts, words: Iterable[str]) -> bool:
    """True when any of `words` occurs in the article (its score may have changed)."""
    return any(w in counts.counts for w in words)


def article_counts(article: Article) -> WordCounts:
    """Count an article's body (tokens from the language layer's cache when it has them)."""
    from reader.language import tokenize

    return count_words(tokenize(article.text), byline_names(article.byline))


def new_words_in(counts: WordCounts, statuses: Mapping[str, Status]) -> tuple[str, ...]:
    """The article's words still new, most frequent first (LingQ's page-turn: mark them known,
    then `Vocabulary.undo` the returned change to take it back)."""
    new = [w for w in counts.counts if statuses.get(w, Status.NEW) is Status.NEW]
    return tuple(sorted(new, key=lambda w: (-counts.counts[w], w)))


def token_status(token: Token, statuses: Mapping[str, Status],
                 names: frozenset[str] = frozenset()) -> Status | None:
    """The status to mark a token with, None for what is never marked (names, places,
    numbers, punctuation, Latin)."""
    if word_kind(token, names) is not Kind.WORD:
        return None
    return statuses.get(token.text, Status.NEW)


def words_in_span(tokens: Iterable[Token], start: int, end: int,
                  names: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The countable words of tokens inside `start:end` (a highlight), for `note_annotated`."""
    out: dict[str, None] = {}
    for t in tokens:
        if t.start >= start and t.end <= end and word_kind(t, names) is Kind.WORD:
            out.setdefault(t.text, None)
    return tuple(out)
