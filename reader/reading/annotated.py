"""The words of a highlight, handed to the learner's vocabulary (new ones become learning)."""

from __future__ import annotations

from collections.abc import Sequence

from reader.corpus.model import Article
from reader.language.model import Token


def highlight_words(tokens: Sequence[Token], article: Article, start: int,
                    end: int) -> tuple[str, ...]:
    """The countable words inside `article.text[start:end]` (names, places, numbers left out)."""
    from reader.language.names import byline_names
    from reader.learning.scoring import words_in_span

    return words_in_span(tokens, start, end, byline_names(article.byline))
