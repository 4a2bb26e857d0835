"""The pop-up that shows a word's pinyin right at the word, with no delay."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Offset, Region
from textual.widgets import Static

from reader.language.model import Token
from reader.tui.tones import pinyin_text


class PinyinPopup(Static):
    """A one-line label floated over the screen just above (or below) a word."""

    DEFAULT_CSS = """
    PinyinPopup {
        overlay: screen;
        constrain: inside inside;
        display: none;
        width: auto;
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $foreground;
        text-style: bold;
    }
    """

    token: Token | None = None
    """The word shown (None when hidden)."""

    def show_word(self, token: Token, region: Region, tones: bool) -> None:
        """Show a token's pinyin next to its screen region, above it when there is room."""
        self.token = token
        label = pinyin_text(token.syllables, tones=tones) or Text(token.text)
        if token.hsk is not None:
            label.append(f"  HSK {token.hsk}", "dim")
        self.update(label)
        y = region.y - 1 if region.y > 1 else region.y + 1
        self.absolute_offset = Offset(max(0, region.x - 1), y)
        self.display = True
        self.refresh(layout=True)

    def hide(self) -> None:
        """Hide the pop-up."""
        self.token = None
        self.display = False

    @property
    def shown_text(self) -> str:
        """The plain text currently shown ('' when hidden)."""
        if not self.display:
            return ""
        return str(self.content)
