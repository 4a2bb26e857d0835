"""Messages that thread workers post to the UI with their results."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

from reader.corpus.model import Issue
from reader.reading.model import Progress

if TYPE_CHECKING:  # the language layer is imported lazily: first frame first
    from reader.language.model import LookupResult, Token
    from reader.reading.placement import PlacedHighlight


class LibraryLoaded(Message):
    """The library was read and parsed."""

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__()
        self.issues = issues
        """Every issue, sorted by date."""


class ProgressLoaded(Message):
    """Saved reading progress for the library's articles."""

    def __init__(self, progress: dict[str, Progress]) -> None:
        super().__init__()
        self.progress = progress
        """Article id -> progress (articles never opened are absent)."""


class TokensLoaded(Message):
    """An article was segmented (and its saved position read)."""

    def __init__(self, article_id: str, tokens: list[Token], progress: Progress | None,
                 placed: list[PlacedHighlight] | None = None,
                 parts: list[Token] | None = None) -> None:
        super().__init__()
        self.article_id = article_id
        """The article segmented."""
        self.tokens = tokens
        """Its tokens."""
        self.progress = progress
        """Where the reader left it, if anywhere."""
        self.placed = placed or []
        """The article's highlights placed in its text."""
        self.parts = parts or []
        """The tokens of its headline parts and captions (`article_parts` offsets)."""


class LookupDone(Message):
    """A word was looked up."""

    def __init__(self, token: int, result: LookupResult, sentence: str, at: int) -> None:
        super().__init__()
        self.token = token
        """Index of the word in the article view's tokens."""
        self.result = result
        """What the dictionaries say."""
        self.sentence = sentence
        """The sentence the word stands in."""
        self.at = at
        """Where the word starts in the sentence."""


class HighlightsPlaced(Message):
    """An article's highlights were placed in its text (after opening it, or a change)."""

    def __init__(self, article_id: str, placed: list[PlacedHighlight],
                 focus: str | None = None) -> None:
        super().__init__()
        self.article_id = article_id
        """The article they belong to."""
        self.placed = placed
        """Every highlight of the article, orphans included."""
        self.focus = focus
        """A highlight to select in the notes panel (the one just edited), if any."""
