"""A saved word's details as one styled Text: the saved-words screen and the review's answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from reader.language.hsk import hsk_text

if TYPE_CHECKING:
    from reader.notes.model import SavedWord


def append_word_details(text: Text, w: SavedWord, written: str) -> Text:
    """Append the word (and its traditional form), its pinyin as `written` (spelled off the
    UI thread), HSK band, definition and note."""
    text.append(w.word, "bold")
    if w.traditional and w.traditional != w.word:
        text.append(f" [{w.traditional}]")
    text.append(f"  {written}")
    text.append(f"  {hsk_text(w.hsk) or 'not in HSK'}", "italic")
    text.append(f"\n{w.definition or '(no definition)'}")
    if w.note:
        text.append("\nNote: ", "bold")
        text.append(w.note, "italic")
    return text
