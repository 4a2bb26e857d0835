"""Highlight colours: the store's names, their display colours, and the order `c` cycles."""

from __future__ import annotations

HIGHLIGHT_HEX: dict[str, str] = {
    "yellow": "#e3c21c", "green": "#3fb950", "blue": "#4493f8", "pink": "#f06eb0",
    "purple": "#a371f7",
}
"""Colour name -> the colour it is drawn in (text background, swatches, listings).

The names are the store's (`reader.notes.model.COLORS`, checked by a test); not imported
from there, since that pulls in the language layer before the first frame.
"""

COLORS = tuple(HIGHLIGHT_HEX)
"""The highlight colour names, in the order `c` cycles through them."""

DEFAULT_COLOUR = COLORS[0]
"""The colour of a highlight made without choosing one."""


def colour_hex(name: str) -> str:
    """The display colour of a highlight colour name (unknown names: the default's)."""
    return HIGHLIGHT_HEX.get(name, HIGHLIGHT_HEX[DEFAULT_COLOUR])


def next_colour(name: str | None) -> str:
    """The colour after this one (`c` cycles through them)."""
    if name not in COLORS:
        return COLORS[0]
    return COLORS[(COLORS.index(name) + 1) % len(COLORS)]
