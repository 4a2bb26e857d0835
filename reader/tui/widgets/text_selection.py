"""A selected passage of the article: `v` then motions, or a mouse drag (no widget state).

A selection runs from an anchor word to the cursor word (keys) or to the word under the mouse
(drag), whole words at both ends. `Selection` keeps that state; the view asks it what changed
and repaints only those lines.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.language.model import Token


class Selection:
    """The selection's anchor and free end, and the drag under way, if any."""

    def __init__(self) -> None:
        self.anchor: int | None = None
        """Token where the selection started (None when nothing is selected)."""
        self.end: int | None = None
        """Token where the selection ends now (the cursor, or the word under a drag)."""
        self.drag_from: int | None = None
        """Token under the mouse button while it is down."""
        self.dragged = False
        """True when the last press moved over other words (its click is no lookup)."""

    @property
    def active(self) -> bool:
        """True while a selection is under way."""
        return self.anchor is not None

    def range(self, tokens: Sequence[Token], text: str) -> tuple[int, int] | None:
        """The selected characters of the body as (start, end), blanks at both ends left out;
        or None. Headline and caption words (outside the body) are never part of it."""
        if self.anchor is None or self.end is None or not tokens:
            return None
        a, b = sorted((self.anchor, self.end))
        start, end = max(0, tokens[a].start), min(len(text), tokens[b].end)
        chosen = text[start:end]
        start += len(chosen) - len(chosen.lstrip())
        end -= len(chosen) - len(chosen.rstrip())
        return (start, end) if end > start else None

    def start(self, token: int) -> bool:
        """Start a selection at a token (True: the selection changed)."""
        self.anchor = self.end = token
        return True

    def clear(self) -> bool:
        """Forget the selection; True if there was one."""
        had = self.anchor is not None
        self.anchor = self.end = None
        return had

    def extend(self, token: int) -> bool:
        """Move the free end to a token; True if it moved."""
        if self.anchor is None or token == self.end:
            return False
        self.end = token
        return True

    def press(self, token: int | None) -> None:
        """The mouse button went down over a token (or none)."""
        self.dragged = False
        self.drag_from = token

    def drag_to(self, token: int | None) -> bool:
        """The mouse moved with the button down; True when the selection changed."""
        if self.drag_from is None or token is None:
            return False
        started = False
        if not self.dragged and token != self.drag_from:
            self.dragged = started = True
            self.start(self.drag_from)
        moved = self.dragged and self.extend(token)
        return started or moved

    def release(self) -> int | None:
        """The button came up: the token the drag stopped on, if it was a drag."""
        self.drag_from = None
        return self.end if self.dragged else None

    def take_click(self) -> bool:
        """True (once) when the click that follows a press ends a drag (no lookup then)."""
        was, self.dragged = self.dragged, False
        return was


def changed_range(old: tuple[int, int] | None,
                  new: tuple[int, int] | None) -> tuple[int, int] | None:
    """The smallest range covering every character selected in one and not the other."""
    if old == new:
        return None
    if old is None or new is None:
        return old or new
    return min(old[0], new[0]), max(old[1], new[1])
