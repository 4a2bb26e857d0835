"""What a review card shows: the cloze front, the pinyin hint, the answer; due times in words.

Texts are `rich.text.Text` built from the user's data, never parsed as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text

from reader.language.spelling import stored_spelling
from reader.tui.word_details import append_word_details

if TYPE_CHECKING:
    from reader.learning.review import DueCard
    from reader.reading.reviewing import Source

BLANK = "＿"
"""One blank per character of the hidden word."""


@dataclass(frozen=True)
class Faces:
    """What a card shows, made before it is on screen."""

    front: Text
    pinyin: Text
    answer: Text
    """The back: the sentence with the word marked, the word, definition, note, source."""


def when_text(due: datetime, now: datetime) -> str:
    """`2026-12-03 09:00 (in 2 days)`: a due time for the summary, in local time."""
    seconds = (due - now).total_seconds()
    if seconds < 90:
        rel = "now" if seconds <= 0 else "in a minute"
    elif seconds < 5400:
        rel = f"in {round(seconds / 60)} minutes"
    elif seconds < 129600:
        rel = f"in {round(seconds / 3600)} hours"
    else:
        rel = f"in {round(seconds / 86400)} days"
    return f"{due.astimezone().strftime('%Y-%m-%d %H:%M')} ({rel})"


def card_faces(card: DueCard, source: Source | None, pinyin: str | None,
               written: str | None = None) -> Faces:
    """The front (cloze), the pinyin hint and the back of a card; never markup.

    `pinyin`: the sentence's reading; `written`: the word's pinyin as GB/T 16159 writes it.
    Both are made off the UI thread (a lookup can load the language layer); until they come,
    the hint waits and the back shows the stored pinyin with only its own capital.
    """
    w = card.word
    if written is None:
        written = stored_spelling(w.word, w.pinyin)
    front = Text()
    word_at = w.sentence.find(w.word) if w.word else -1
    if word_at < 0:  # the sentence lacks the word: ask for the word from its definition
        front.append(w.sentence or "(no sentence saved)")
        front.append(f"\n{w.definition or '(no definition)'}", "italic")
    else:
        for i, part in enumerate(w.sentence.split(w.word)):
            if i:
                front.append(BLANK * len(w.word), "bold")
            front.append(part)
    hint = Text()
    if not w.sentence:
        hint.append("(no sentence to read)", "dim")
    elif pinyin is None:
        hint.append("(pinyin: a moment…)", "dim")
    else:
        compact = written.casefold()  # as the sentence writes it
        at = pinyin.casefold().find(compact) if compact else -1
        if at >= 0:
            hint.append(pinyin[:at], "dim")
            hint.append(pinyin[at:at + len(compact)], "bold")
            hint.append(pinyin[at + len(compact):], "dim")
        else:
            hint.append(pinyin, "dim")
    answer = Text()
    if word_at >= 0:
        for i, part in enumerate(w.sentence.split(w.word)):
            if i:
                answer.append(w.word, "bold reverse")
            answer.append(part)
        answer.append("\n\n")
    elif w.sentence:
        answer.append(f"{w.sentence}\n\n")
    append_word_details(answer, w, written)
    if source is None:
        answer.append("\n— …", "dim")
    else:
        where = f" · {source.label}" if source.label else ""
        answer.append(f"\n— {source.title}{where}", "dim")
        if source.offset is not None:
            answer.append("  (o opens it)", "dim")
    return Faces(front, hint, answer)
