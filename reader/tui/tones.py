"""Tone colours for pinyin and characters.

The convention is the one of MDBG and the Zhongwen pop-up dictionary (Pleco offers it too):
first tone red, second orange, third green, fourth blue, neutral tone grey.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.style import Style
from rich.text import Text

from reader.language.model import Syllable

TONE_COLORS: dict[int, str] = {
    1: "#e5484d",
    2: "#e8910c",
    3: "#30a46c",
    4: "#3e7bfa",
    5: "#8b8d98",
}
"""Tone number (5 = neutral) -> colour that reads on both light and dark backgrounds."""

TONE_STYLES: dict[int, Style] = {tone: Style(color=color) for tone, color in TONE_COLORS.items()}
"""The same colours as Rich styles."""

TONE_NAMES = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "neutral"}
"""How the help screen names each tone."""


def pinyin_text(syllables: Iterable[Syllable], *, tones: bool, sep: str = "") -> Text:
    """Pinyin of syllables as Rich text, each syllable in its tone colour when `tones`."""
    text = Text()
    first = True
    for syl in syllables:
        if not syl.marks:
            continue
        if not first and sep:
            text.append(sep)
        first = False
        text.append(syl.marks, TONE_STYLES.get(syl.tone) if tones else None)
    return text


def tone_legend() -> Text:
    """One line naming each tone in its colour, for the help screen."""
    text = Text()
    for tone, name in TONE_NAMES.items():
        text.append(f"{name} ", TONE_STYLES[tone])
    return text
