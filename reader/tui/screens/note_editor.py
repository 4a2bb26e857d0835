"""A modal multi-line editor for a note (on a highlight or a saved word) or a definition."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.color import Color
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

    # At the bottom, over a see-through screen: the passage being annotated stays in sight
    # above it (the app's `Screen` rule would make a modal opaque: see `on_mount`).
    DEFAULT_CSS = """
    NoteEditor {
        align: center bottom;
        & > Vertical {
            width: 90%; max-width: 76; height: auto; max-height: 60%;
            background: $panel; border: thick $primary; padding: 0 1;
        }
        #editor-title { text-style: bold; }
        #editor-quote { color: $text-muted; max-height: 2; }
        TextArea { height: 6; }
        #editor-hint { color: $text-muted; width: 1fr; }
        Horizontal { height: auto; }
        Button { margin-left: 1; min-width: 8; }
    }
    """

    ROWS = 13
    """Rows the editor takes at the bottom of the screen (the text above them stays visible)."""

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
            with Horizontal():
                yield Static("ctrl+s save · esc cancel · empty removes it", id="editor-hint")
                yield Button("Save", id="editor-save", variant="primary", compact=True)
                yield Button("Cancel", id="editor-cancel", compact=True)

    def on_mount(self) -> None:
        """See-through background; start typing at the end of the text."""
        shade = self.app.theme_variables.get("background")
        if shade:
            self.styles.background = Color.parse(shade).with_alpha(0.6)
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
