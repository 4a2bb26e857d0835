"""The panel beside the article listing its highlights and notes in reading order."""

from __future__ import annotations

import io

from rich.console import Console
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
PANEL_TEXT_WIDTH = 34
"""Cells of text in a list entry before the panel is laid out (its width less the scrollbar)."""


def shorten(text: str, limit: int) -> str:
    """One line of at most `limit` characters (… when cut)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


HANG_INDENT = 3
"""Cells the quote and the note are indented by (past the swatch), on every wrapped line."""
_WRAPPER = Console(width=200, file=io.StringIO(), color_system=None)
"""Only for `Text.wrap` (tab size, no output)."""


def _hanging(prompt: Text, part: Text, width: int | None, first: bool) -> None:
    """Append `part` to `prompt`, wrapped to `width` with every line indented (not the first
    line of the entry, which follows the swatch)."""
    lines = part.wrap(_WRAPPER, max(8, width - HANG_INDENT)) if width else [part]
    for n, line in enumerate(lines):
        if n or not first:
            prompt.append("\n" + " " * HANG_INDENT)
        prompt.append_text(line)


def highlight_prompt(placed: PlacedHighlight, width: int | None = None) -> Text:
    """A list entry: colour swatch, the quote, the note under it (wrapped to `width` cells
    with a hanging indent when given)."""
    prompt = Text.assemble(swatch(placed.color), " ")
    quote = Text(shorten(placed.highlight.quote, QUOTE_CHARS),
                 "dim strike" if placed.orphan else "")
    if placed.orphan:
        quote.append("  (not in the text now)", "italic dim")
    _hanging(prompt, quote, width, first=True)
    if placed.note:
        _hanging(prompt, Text(shorten(placed.note, NOTE_CHARS), "italic"), width, first=False)
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
        width = self.options.scrollable_content_region.width or PANEL_TEXT_WIDTH
        options = [Option(highlight_prompt(p, width), id=p.id) for p in highlights.placed]
        if highlights.orphans:
            options.append(Option(Text("Not found in the current text", "bold"), disabled=True))
            options += [Option(highlight_prompt(p, width), id=p.id) for p in highlights.orphans]
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
        options = [self.options.get_option_at_index(i) for i in range(self.options.option_count)]
        return [str(highlight_prompt(self.highlights.get(o.id)))  # type: ignore[arg-type]
                if o.id and self.highlights.get(o.id) else str(o.prompt) for o in options]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter or click on an entry."""
        event.stop()
        if event.option.id:
            self.post_message(self.Chosen(self, event.option.id))
