"""Small modal dialogs: pick a highlight colour, answer a question, add a glossary term."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.reading.colours import COLORS, colour_hex


def swatch(color: str) -> Text:
    """A small block in a highlight colour."""
    return Text("██", style=colour_hex(color))


class ColourMenu(ModalScreen[str | None]):
    """Choose a highlight colour: arrows and enter, a digit, or a click."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    """
    | Key(s) | Description |
    | :- | :- |
    | 1-5 | Choose that colour. |
    | escape | Close without choosing. |
    """

    DEFAULT_CSS = """
    ColourMenu {
        align: center middle;
        & > Vertical {
            width: 30; height: auto; background: $panel; border: thick $primary;
            padding: 0 1;
        }
        OptionList { height: auto; }
    }
    """

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current
        """The colour chosen now (the menu starts on it)."""

    def compose(self) -> ComposeResult:
        """The colours, each with its digit."""
        with Vertical():
            yield Static("Highlight colour")
            options = []
            for n, color in enumerate(COLORS, 1):
                prompt = Text.assemble(f"{n} ", swatch(color), f" {color}")
                options.append(Option(prompt, id=color))
            yield OptionList(*options)

    def on_mount(self) -> None:
        """Start on the current colour."""
        menu = self.query_one(OptionList)
        menu.highlighted = COLORS.index(self.current) if self.current in COLORS else 0
        menu.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter or click chooses."""
        self.dismiss(event.option.id)

    def on_key(self, event: Key) -> None:
        """A digit chooses its colour at once."""
        if event.character and event.character.isdigit():
            n = int(event.character)
            if 1 <= n <= len(COLORS):
                event.stop()
                self.dismiss(COLORS[n - 1])

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)


class Confirm(ModalScreen[str | None]):
    """Ask a question; dismisses with the chosen answer's value, or None (escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    """
    | Key(s) | Description |
    | :- | :- |
    | underlined letter | Choose that answer. |
    | escape | Cancel. |
    """

    DEFAULT_CSS = """
    Confirm {
        align: center middle;
        & > Vertical {
            width: 90%; max-width: 72; height: auto; background: $panel;
            border: thick $warning; padding: 0 1;
        }
        Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
        Button { margin-left: 1; min-width: 10; }
    }
    """

    def __init__(self, question: str, answers: list[tuple[str, str]]) -> None:
        super().__init__()
        self.question = question
        """What is asked."""
        self.answers = answers
        """(value, label) of each answer; the label's first letter is its key."""

    def compose(self) -> ComposeResult:
        """The question and a button per answer (plus Cancel)."""
        with Vertical():
            yield Static(self.question, markup=False)
            with Horizontal():
                for value, label in self.answers:
                    yield Button(f"{label} ({label[0].lower()})", id=f"answer-{value}")
                yield Button("Cancel (esc)", id="answer-cancel", variant="primary")

    def on_mount(self) -> None:
        """Cancel is the safe default."""
        self.query_one("#answer-cancel", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Answer by the mouse (or enter on a button)."""
        event.stop()
        value = (event.button.id or "").removeprefix("answer-")
        self.dismiss(None if value == "cancel" else value)

    def on_key(self, event: Key) -> None:
        """Answer by the first letter of a label."""
        for value, label in self.answers:
            if event.character and event.character.lower() == label[0].lower():
                event.stop()
                self.dismiss(value)
                return

    def action_cancel(self) -> None:
        """No answer."""
        self.dismiss(None)


class TermDialog(ModalScreen[tuple[str, str, str] | None]):
    """Add a glossary term: word, pinyin (optional), definition; dismisses with the three."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Add", priority=True),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | tab | Next box. |
    | enter / ctrl+s | Add the term (enter in the word or pinyin box goes to the next box). |
    | escape | Close without adding. |
    """

    DEFAULT_CSS = """
    TermDialog {
        align: center middle;
        & > Vertical {
            width: 90%; max-width: 72; height: auto; background: $panel;
            border: thick $primary; padding: 0 1;
        }
        Input { margin-bottom: 1; }
        .hint { color: $text-muted; }
    }
    """

    def __init__(self, word: str = "", pinyin: str = "") -> None:
        super().__init__()
        self.word = word
        """The word to start with (the looked-up word, if any)."""
        self.pinyin = pinyin
        """Its reading, if known."""

    def compose(self) -> ComposeResult:
        """Three boxes and the keys."""
        with Vertical():
            yield Static("Add a glossary term: your definition, shown first in every lookup")
            yield Input(self.word, placeholder="Word, e.g. 非遗", id="term-word")
            yield Input(self.pinyin, placeholder="Pinyin (optional), e.g. fēiyí or fei1 yi2",
                        id="term-pinyin")
            yield Input(placeholder="Definition", id="term-definition")
            yield Static("enter / ctrl+s add · tab next box · escape cancel", classes="hint")

    def on_mount(self) -> None:
        """Start in the first empty box."""
        box = "#term-definition" if self.word else "#term-word"
        self.query_one(box, Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves to the next box; in the definition box it adds the term."""
        event.stop()
        if event.input.id == "term-definition":
            self.action_save()
        else:
            self.focus_next()

    def action_save(self) -> None:
        """Hand the three fields back (the session checks them)."""
        values = [self.query_one(f"#term-{name}", Input).value.strip()
                  for name in ("word", "pinyin", "definition")]
        self.dismiss((values[0], values[1], values[2]))

    def action_cancel(self) -> None:
        """Close without adding."""
        self.dismiss(None)
