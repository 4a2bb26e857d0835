"""The library as the session holds it: issues in order, and articles found by id or prefix."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader.corpus.model import Article, Issue


@dataclass(frozen=True)
class Found:
    """An article and the issue it belongs to."""

    issue: Issue
    article: Article


class Library:
    """The loaded issues, indexed by article id (built once per load)."""

    def __init__(self, issues: Iterable[Issue] = ()) -> None:
        self.issues: list[Issue] = list(issues)
        """Every issue, in library order."""
        self._by_id: dict[str, Found] = {
            a.id: Found(i, a) for i in self.issues for a in i.articles
        }

    def __len__(self) -> int:
        return len(self._by_id)

    def articles(self) -> Iterable[Found]:
        """Every article with its issue, in library order."""
        return self._by_id.values()

    def get(self, article_id: str) -> Found | None:
        """The article with exactly this id."""
        return self._by_id.get(article_id)

    def find(self, article_id: str) -> Found | None:
        """The article with this id, or the only one whose id starts with it (None otherwise).

        The same rule as `reader open ID` (`reader.corpus.library.find_article`).
        """
        exact = self._by_id.get(article_id)
        if exact is not None or not article_id:
            return exact
        hits = [f for aid, f in self._by_id.items() if aid.startswith(article_id)]
        return hits[0] if len(hits) == 1 else None
