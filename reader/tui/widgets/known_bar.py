"""The known-words bar of a library line: the share of an article's running words you know."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

if TYPE_CHECKING:
    from reader.learning.scoring import ArticleScore

KNOWN_STYLE = "green"
"""Colour of the known part of the known-words bar."""
KNOWN_CELLS = 6
"""Width of the known-words bar."""
KNOWN_WIDTH = 4 + 1 + KNOWN_CELLS + 1 + 3 + 4 + 2
"""Cells the known column takes (blank while an article has no score), so titles line up."""


def known_bar(score: ArticleScore | None) -> Text:
    """` 56% ████░░  47 new  `: share of running words known, a bar, distinct new words."""
    if score is None:
        return Text()  # not scored (yet): no column
    share = score.known_share
    if share is None:  # no running words (a photo): a blank column keeps titles in line
        return Text(" " * KNOWN_WIDTH)
    full = min(KNOWN_CELLS, round(share * KNOWN_CELLS))
    text = Text(f"{share * 100:>3.0f}% ")
    text.append("█" * full, KNOWN_STYLE).append("░" * (KNOWN_CELLS - full), "dim")
    text.append(f" {score.new_words:>3} new  ", "dim")
    return text
