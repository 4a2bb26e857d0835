"""The new words of a whole issue, ranked by how often they occur, with where each is first met."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from reader.corpus.model import Issue
from reader.language.hsk import hsk_label
from reader.language.model import Syllable
from reader.language.names import byline_names
from reader.language.spelling import syllables_pinyin
from reader.learning.classify import Kind, word_kind
from reader.learning.status import Status


@dataclass(frozen=True)
class DigestWord:
    """One new word of an issue."""

    word: str
    count: int
    """Occurrences in the issue's articles."""
    articles: int
    """How many articles it occurs in."""
    pinyin: str
    hsk: int | None
    gloss: str
    sentence: str
    """The first sentence it occurs in."""
    article_id: str
    offset: int
    """Where that sentence's occurrence starts in the article's text."""

    def to_json(self) -> dict[str, object]:
        """The JSON shape of `reader digest --json`."""
        return {"word": self.word, "count": self.count, "articles": self.articles,
                "pinyin": self.pinyin, "hsk": hsk_label(self.hsk) or None, "gloss": self.gloss,
                "sentence": self.sentence, "article_id": self.article_id,
                "offset": self.offset}


def _gloss(word: str, pos: str, syllables: tuple[Syllable, ...]) -> str:
    """The word's most helpful sense in its reading here (the look-up's order), else its
    breakdown."""
    from reader.language import lookup
    from reader.language.lookup import senses

    found = senses(word, tuple(s.numbers for s in syllables))
    if found:
        return found[0]
    # Passing the tag keeps lookup from loading jieba's tagger to guess it.
    return "; ".join(c.text for c in lookup(word, pos=pos).components)


def digest(issue: Issue, statuses: Mapping[str, Status], *,
           include_learning: bool = False, limit: int | None = None) -> list[DigestWord]:
    """New words (names, places, numbers left out) of `issue`, most frequent first.

    With `include_learning`, words at a learning level are listed too.
    """
    from reader.language import sentence_at, tokenize

    counts: dict[str, int] = {}
    seen_in: dict[str, set[str]] = {}
    first: dict[str, tuple[str, int, str, tuple[Syllable, ...], int | None, str]] = {}
    wanted = {Status.NEW} | (set(Status) - {Status.NEW, Status.KNOWN, Status.IGNORED}
                             if include_learning else set())
    for article in issue.articles:
        text = article.text
        names = byline_names(article.byline)
        for token in tokenize(text):
            if word_kind(token, names) is not Kind.WORD:
                continue
            word = token.text
            if statuses.get(word, Status.NEW) not in wanted:
                continue
            counts[word] = counts.get(word, 0) + 1
            seen_in.setdefault(word, set()).add(article.id)
            if word not in first:
                start, end = sentence_at(text, token.start)
                first[word] = (article.id, token.start, text[start:end], token.syllables,
                               token.hsk, token.pos)
    ranked = sorted(counts, key=lambda w: (-counts[w], -len(seen_in[w]), w))
    if limit is not None:
        ranked = ranked[:limit]
    out = []
    for word in ranked:
        article_id, offset, sentence, syllables, hsk, pos = first[word]
        out.append(DigestWord(word, counts[word], len(seen_in[word]),
                              syllables_pinyin(word, syllables, pos), hsk,
                              _gloss(word, pos, syllables), sentence, article_id, offset))
    return out
