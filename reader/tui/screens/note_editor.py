"""A modal multi-line editor for a note (on a highlight or a saved word) or a definition."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea


class NoteEditor(ModalScreen[str | None]):
    """Edit a text; dismisses with the new text (blank clears it) or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | ctrl+s | Save the text and close. |
    | escape | Close without saving. |
    """

    DEFAULT_CSS = """
    NoteEditor {
        align: center middle;
        & > Vertical {
            width: 90%; max-width: 76; height: auto; max-height: 90%;
            background: $panel; border: thick $primary; padding: 0 1;
        }
        #editor-title { text-style: bold; }
        #editor-quote { color: $text-muted; max-height: 3; }
        TextArea { height: 8; margin-top: 1; }
        #editor-hint { color: $text-muted; }
        Horizontal { height: auto; align-horizontal: right; }
        Button { margin-left: 1; min-width: 10; }
    }
    """

    def __init__(self, title: str, quote: str, text: str | None) -> None:
        super().__init__()
        self.heading = title
        """What is being edited (`Note`, `Definition of 跨境`)."""
        self.quote = quote
        """The passage or word the text belongs to, shown above the editor."""
        self.initial = text or ""
        """The text before editing."""

    def compose(self) -> ComposeResult:
        """Title, the quote, the editor and the buttons."""
        with Vertical():
            yield Static(self.heading, id="editor-title", markup=False)
            yield Static(self.quote, id="editor-quote", markup=False)
            yield TextArea(self.initial, id="editor-text", soft_wrap=True, tab_behavior="focus")
            yield Static("ctrl+s save · escape cancel · an empty text removes it",
                         id="editor-hint")
            with Horizontal():
                yield Button("Save", id="editor-save", variant="primary")
                yield Button("Cancel", id="editor-cancel")

    def on_mount(self) -> None:
        """Start typing at the end of the text."""
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def text(self) -> str:
        """The text as edited so far."""
        return self.query_one(TextArea).text

    def action_save(self) -> None:
        """Close with the edited text."""
        self.dismiss(self.text)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Save or cancel by the mouse."""
        event.stop()
        if event.button.id == "editor-save":
            self.action_save()
        else:
            self.action_cancel()
