"""The word cursor and the word under the mouse: which token each is on (no widget state).

The view moves them and repaints the lines of the words they leave and reach; `Pointer`
only remembers where they are and says what changed.
"""

from __future__ import annotations


class Pointer:
    """The cursor word (keys) and the hovered word (mouse), as token indexes."""

    def __init__(self) -> None:
        self.cursor: int | None = None
        """Index of the word under the cursor."""
        self.hover: int | None = None
        """Index of the word under the mouse."""

    @property
    def pointed(self) -> int | None:
        """The word pop-ups belong to: the hovered one, else the cursor's."""
        return self.hover if self.hover is not None else self.cursor

    def move_cursor(self, token: int) -> int | None:
        """Put the cursor on a token; return where it was."""
        old, self.cursor = self.cursor, token
        return old

    def set_hover(self, token: int | None) -> tuple[bool, int | None]:
        """Hover a token (None: none); return (whether it changed, the old one)."""
        if token == self.hover:
            return False, token
        old, self.hover = self.hover, token
        return True, old
