"""The side panel that explains one word: entries, HSK level, glossaries, breakdown, sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from reader.language.hsk import hsk_text
from reader.language.model import Entry, LookupResult, Token
from reader.language.spelling import written_pieces
from reader.language.tones import readable_definition
from reader.reading.changes import (
    Change,
    HighlightsChanged,
    StatusesChanged,
    TermsChanged,
    WordsChanged,
)
from reader.tui.tones import TONE_STYLES
from reader.tui.widgets.status_choices import StatusChoices

if TYPE_CHECKING:
    from reader.notes.model import SavedWord

SOURCE_TITLES = {
    "cedict": "CC-CEDICT",
    "news": "News glossary",
    "user": "Glossary terms (yours)",
}
"""Entry source -> heading in the panel."""


def describe(
    result: LookupResult, token: Token, sentence: str, at: int, tones: bool,
    saved: SavedWord | None = None,
) -> Text:
    """Everything the panel says about a word, as Rich text (`at`: its offset in `sentence`;
    `saved`: the user's saved record of the word, if it is saved)."""
    text = Text()
    text.append(result.word or token.text, "bold")
    text.append("  ")
    if token.syllables:
        for piece, tone in written_pieces(token):  # GB/T 16159, as everywhere
            text.append(piece, TONE_STYLES.get(tone) if tones else None)
    else:
        text.append(result.pinyin)
    level = result.hsk if result.hsk is not None else token.hsk
    text.append("\n")
    text.append(hsk_text(level) or "Not in HSK", "italic")
    if result.name:
        text.append("  · a name", "italic")
    if result.number:
        text.append(f"\n{result.number}")
    if saved is not None:
        text.append("\n\n✓ In your saved words\n", "bold underline")
        text.append(" Your definition: ", "dim")
        text.append((saved.definition or "—") + "\n")
        if saved.note:
            text.append(" Your note: ", "dim")
            text.append(saved.note + "\n")
    for source in ("user", "news", "cedict"):
        entries = [e for e in result.entries if e.source == source]
        if entries:
            text.append(f"\n\n{SOURCE_TITLES[source]}\n", "bold underline")
            for entry in entries:
                _entry(text, entry)
    if result.components:
        heading = "Breakdown" if result.entries else "No entry for the whole word. Breakdown"
        text.append(f"\n\n{heading}\n", "bold underline")
        for comp in result.components:
            text.append(comp.text, "bold")
            text.append(f" {comp.pinyin}  ")
            text.append("; ".join(readable_definition(d) for d in comp.definitions[:3]) or "—")
            text.append("\n")
    if not result.entries and not result.components:
        text.append("\n\nNo dictionary entry.", "italic")
    for note in result.notes:
        text.append(f"\n{note}", "italic")
    if sentence:
        text.append("\n\nIn this sentence\n", "bold underline")
        if not 0 <= at <= len(sentence) - len(token.text):
            at = max(0, sentence.find(token.text))
        end = at + len(token.text)
        text.append(sentence[:at])
        text.append(sentence[at:end], "bold reverse")
        text.append(sentence[end:])
    return text


def _entry(text: Text, entry: Entry) -> None:
    """One dictionary or glossary entry."""
    if entry.traditional and entry.traditional != entry.simplified:
        text.append(f"{entry.simplified} [{entry.traditional}] ", "bold")
    text.append(entry.pinyin)
    if entry.kind:
        text.append(f"  ({entry.kind})", "italic")
    text.append("\n")
    for n, definition in enumerate(entry.definitions, 1):
        text.append(f" {n}. " if len(entry.definitions) > 1 else " ")
        text.append(readable_definition(definition) + "\n")
    if entry.classifiers:
        text.append(" Measure words: " + ", ".join(entry.classifiers) + "\n", "dim")
    if entry.see_also:
        text.append(" See also: " + "; ".join(entry.see_also) + "\n", "dim")


class GlossaryPanel(VerticalScroll, can_focus=False):
    """A panel at the side of the article with the chosen word's glossary."""

    DEFAULT_CSS = """
    GlossaryPanel {
        width: 40;
        max-width: 45%;
        height: 1fr;
        display: none;
        background: $panel;
        border-left: tall $primary;
        padding: 0 1;
        scrollbar-size-vertical: 1;
        & > #glossary-body { width: 1fr; }
        & > #glossary-keys { color: $text-muted; margin-top: 1; }
    }
    """

    token: Token | None = None
    """The word explained (None when the panel is empty)."""
    result: LookupResult | None = None
    """The lookup result shown."""
    sentence: str = ""
    """The sentence the word stands in."""
    sentence_at: int = 0
    """Where the word starts in the sentence."""
    tones: bool = False
    """Colour the pinyin by tone."""

    def __init__(self) -> None:
        super().__init__()
        self._body = Static("", id="glossary-body")
        self.status_row = StatusChoices()
        """The word's status, with choices to change it."""

    def compose(self) -> ComposeResult:
        """The explanation and a reminder of the keys."""
        yield self.status_row
        yield self._body
        yield Static("s save word · ctrl+e add a glossary term · escape close",
                     id="glossary-keys")

    def on_mount(self) -> None:
        """Hear saved-word changes, so the panel says at once that its word was saved."""
        hear = getattr(self.app, "hear_changes", None)
        if hear is not None:
            hear(self, self._session_changed)

    def on_unmount(self) -> None:
        """Stop hearing changes."""
        signal = getattr(self.app, "session_changed", None)
        if signal is not None:
            signal.unsubscribe(self)

    def _session_changed(self, change: Change) -> None:
        """A saved word was added, edited or deleted: show the word's saved state again."""
        if self.result is None or self.token is None or not self.display:
            return
        if isinstance(change, TermsChanged) and change.word == self.token.text:
            session = getattr(self.app, "session", None)
            if session is not None:
                self.result = session.lookup(self.token.text)  # the new term comes first
            self._render_result()
        elif isinstance(change, WordsChanged):
            self._render_result()
        if isinstance(change, StatusesChanged | WordsChanged | HighlightsChanged):
            self._show_status()  # a key, a click, an undo, or a save making it learning

    def _show_status(self) -> None:
        """Light the word's status in the status row."""
        session = getattr(self.app, "session", None)
        word = self.token.text if self.token is not None else None
        self.status_row.show(session.learning.status(word) if session and word else None)

    def saved(self) -> SavedWord | None:
        """The user's saved record of the panel's word, if it is saved."""
        session = getattr(self.app, "session", None)
        if session is None or self.token is None:
            return None
        return session.saved_word(self.token.text)  # the form `s` saves

    def _render_result(self) -> None:
        """Write the finished lookup into the panel."""
        assert self.token is not None and self.result is not None
        self._body.update(describe(self.result, self.token, self.sentence, self.sentence_at,
                                   self.tones, saved=self.saved()))

    def show_loading(self, token: Token) -> None:
        """Open the panel on a word whose lookup is under way."""
        self.token, self.result = token, None
        self._body.update(Text(f"{token.text}\nLooking up…"))
        self.status_row.show(None)
        self.display = True

    def show_result(
        self, token: Token, result: LookupResult, sentence: str, at: int, tones: bool
    ) -> None:
        """Show a finished lookup (`at`: the word's offset in `sentence`)."""
        self.token, self.result, self.sentence, self.sentence_at = token, result, sentence, at
        self.tones = tones
        self._render_result()
        self._show_status()
        self.display = True
        self.scroll_home(animate=False)

    def close(self) -> None:
        """Hide the panel."""
        self.display = False
        self.token = self.result = None

    @property
    def body_text(self) -> str:
        """The plain text shown (for tests and the help screen)."""
        return str(self._body.content)
