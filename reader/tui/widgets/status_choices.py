"""The glossary panel's status row: the word's status, and a click (or a key) to change it."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Static

from reader.learning.status import Status

CHOICES: tuple[tuple[str, str, Status], ...] = (
    ("1", "1", Status.LEARNING_1), ("2", "2", Status.LEARNING_2),
    ("3", "3", Status.LEARNING_3), ("4", "4", Status.LEARNING_4),
    ("K", "known", Status.KNOWN), ("i", "ignore", Status.IGNORED), ("0", "new", Status.NEW),
)
"""(key, label, status) of each choice, in the order shown."""

CHOICE_LINE = 1
"""The line of the row the choices are on (the status itself is on the first)."""


def choice_cells() -> list[tuple[int, int, Status]]:
    """(first cell, end cell, status) of each clickable choice on its line (32 cells: the
    panel is narrow)."""
    out, x = [], 0
    for _key, label, status in CHOICES:
        width = len(label) + 2
        out.append((x, x + width, status))
        x += width
    return out


class StatusChoices(Static, can_focus=False):
    """`Status: learning 1`, then the choices ` 1  2  3  4  known  ignore  new ` with the
    word's own status lit."""

    DEFAULT_CSS = """
    StatusChoices { height: auto; margin-top: 1; }
    """

    class Chosen(Message):
        """The user clicked a status for the panel's word."""

        def __init__(self, choices: StatusChoices, status: Status) -> None:
            super().__init__()
            self.choices = choices
            """The row clicked."""
            self.status = status
            """The status chosen."""

        @property
        def control(self) -> StatusChoices:
            """The row clicked."""
            return self.choices

    def __init__(self) -> None:
        super().__init__("", markup=False)
        self.status: Status | None = None
        """The status lit (None: the row is empty)."""

    def show(self, status: Status | None) -> None:
        """Light the word's status (None: a token that takes no status)."""
        self.status = status
        self.display = status is not None
        if status is None:
            return
        text = Text("Status: ", "bold")
        text.append(status.label + "\n", "bold")  # short: the choices stay on line 1
        for _key, label, choice in CHOICES:
            if choice is status:
                text.append(f" {label} ", "reverse bold")
            else:
                text.append(" ")
                text.append(label, "underline")
                text.append(" ")
        text.append("\nor keys 1-4, K, i, 0", "dim")
        self.update(text)

    def on_click(self, event: events.Click) -> None:
        """A click on a choice sets that status."""
        offset = event.get_content_offset(self)
        if offset is None or offset.y != CHOICE_LINE or self.status is None:
            return
        for start, end, status in choice_cells():
            if start <= offset.x < end:
                self.post_message(self.Chosen(self, status))
                return

    @property
    def plain(self) -> str:
        """The row as plain text (for tests)."""
        return str(self.content) if self.display else ""
