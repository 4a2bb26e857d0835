"""The known-words bar of a library line: the share of an article's running words you know."""

from __future__ import annotations

from rich.text import Text

from reader.learning.scoring import ArticleScore

BAR_CELLS = 8
"""Width of the bar (as wide as the HSK bar)."""
KNOWN_STYLE = "green"
"""Colour of the known part of the known-words bar."""


def known_bar(score: ArticleScore | None) -> Text:
    """A small bar of the share of running words known, the share and the new words."""
    share = score.known_share if score is not None else None
    if score is None or share is None:
        return Text()
    full = min(BAR_CELLS, round(share * BAR_CELLS))
    text = Text("  ")
    text.append("█" * full, KNOWN_STYLE).append("░" * (BAR_CELLS - full), "dim")
    text.append(f" {share * 100:>3.0f}% known", "dim")
    text.append(f" {score.new_words:>3} new", "dim")
    return text
