"""The panel beside the article listing its highlights and notes in reading order."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from reader.reading.placement import ArticleHighlights, PlacedHighlight
from reader.tui.screens.dialogs import swatch

QUOTE_CHARS = 60
"""Longest quote shown in a list entry (the rest is cut with …)."""
NOTE_CHARS = 160
"""Longest note shown in a list entry."""


def shorten(text: str, limit: int) -> str:
    """One line of at most `limit` characters (… when cut)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def highlight_prompt(placed: PlacedHighlight) -> Text:
    """A list entry: colour swatch, the quote, the note under it."""
    prompt = Text.assemble(swatch(placed.color), " ")
    prompt.append(shorten(placed.highlight.quote, QUOTE_CHARS),
                  "dim strike" if placed.orphan else "")
    if placed.orphan:
        prompt.append("  (not in the text now)", "italic dim")
    if placed.note:
        prompt.append("\n   ")
        prompt.append(shorten(placed.note, NOTE_CHARS), "italic")
    return prompt


class NotesPanel(Vertical):
    """The article's highlights with their notes; choosing one scrolls the text to it."""

    DEFAULT_CSS = """
    NotesPanel {
        width: 38;
        max-width: 45%;
        height: 1fr;
        display: none;
        background: $panel;
        border-left: tall $secondary;
        & > #notes-title { text-style: bold; padding: 0 1; }
        & > OptionList { height: 1fr; background: $panel; border: none; padding: 0; }
        & > #notes-keys { color: $text-muted; padding: 0 1; }
    }
    """

    class Chosen(Message):
        """The reader chose a highlight in the list (enter or click)."""

        def __init__(self, panel: NotesPanel, highlight_id: str) -> None:
            super().__init__()
            self.panel = panel
            """The panel that posted this."""
            self.highlight_id = highlight_id
            """The highlight chosen."""

        @property
        def control(self) -> NotesPanel:
            """The notes panel."""
            return self.panel

    def __init__(self) -> None:
        super().__init__()
        self.highlights = ArticleHighlights()
        """What the list shows."""

    def compose(self) -> ComposeResult:
        """Title, the list and a reminder of the keys."""
        yield Static("Notes", id="notes-title")
        yield OptionList(id="notes-list", compact=True)
        yield Static("⏎ go · a note · x delete", id="notes-keys")

    @property
    def options(self) -> OptionList:
        """The list of highlights."""
        return self.query_one(OptionList)

    def show(self, highlights: ArticleHighlights) -> None:
        """List these highlights, keeping the list's place on the same highlight."""
        self.highlights = highlights
        keep = self.selected_id
        options = [Option(highlight_prompt(p), id=p.id) for p in highlights.placed]
        if highlights.orphans:
            options.append(Option(Text("Not found in the current text", "bold"), disabled=True))
            options += [Option(highlight_prompt(p), id=p.id) for p in highlights.orphans]
        listing = self.options
        listing.set_options(options)
        count = len(highlights)
        self.query_one("#notes-title", Static).update(
            f"Notes · {count} highlight{'' if count == 1 else 's'}" if count else
            "Notes · none yet: select with v or a drag, then h"
        )
        ids = [p.id for p in highlights.in_reading_order()]
        if keep in ids:
            listing.highlighted = listing.get_option_index(keep)
        elif options:
            listing.highlighted = 0

    def select(self, highlight_id: str) -> None:
        """Put the list's cursor on a highlight."""
        try:
            self.options.highlighted = self.options.get_option_index(highlight_id)
        except OptionDoesNotExist:  # not in this article
            pass

    @property
    def selected_id(self) -> str | None:
        """The highlight under the list's cursor."""
        option = self.options.highlighted_option
        return option.id if option is not None and not option.disabled else None

    @property
    def entries(self) -> list[str]:
        """The list's entries as plain text (for tests)."""
        return [str(self.options.get_option_at_index(i).prompt)
                for i in range(self.options.option_count)]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter or click on an entry."""
        event.stop()
        if event.option.id:
            self.post_message(self.Chosen(self, event.option.id))
