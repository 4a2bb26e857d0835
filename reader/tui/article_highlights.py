"""The reader's highlights placed in one article's current text (plain Python, no Textual).

The article screen keeps one `ArticleHighlights`; the view asks it what to draw, which
highlight is under a word and which note to show; the notes panel lists it in reading order.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the notes layer pulls in the language layer: not before the first frame
    from reader.notes.model import Highlight


@dataclass(frozen=True)
class PlacedHighlight:
    """A highlight and where it sits in the article's current text."""

    highlight: Highlight
    start: int
    """Offset in `article.text`; -1 when the quote was not found (an orphan)."""
    end: int

    @property
    def orphan(self) -> bool:
        """True when the quote is no longer in the text (listed, never hidden)."""
        return self.start < 0

    @property
    def id(self) -> str:
        """The highlight's id in the notes store."""
        return self.highlight.id

    @property
    def note(self) -> str | None:
        """The note attached to the highlight, if any."""
        return self.highlight.note

    @property
    def color(self) -> str:
        """Colour name (one of `reader.notes.model.COLORS`)."""
        return self.highlight.color or "yellow"


class ArticleHighlights:
    """An article's highlights: placed ones sorted by position, orphans kept apart."""

    def __init__(self, placed: Iterable[PlacedHighlight] = ()) -> None:
        items = list(placed)
        self.placed = sorted((p for p in items if not p.orphan), key=lambda p: (p.start, p.end))
        """Highlights found in the text, in reading order."""
        self.orphans = [p for p in items if p.orphan]
        """Highlights whose quote is no longer in the text."""
        self._starts = [p.start for p in self.placed]
        self._longest = max((p.end - p.start for p in self.placed), default=0)

    def __len__(self) -> int:
        return len(self.placed) + len(self.orphans)

    def in_reading_order(self) -> list[PlacedHighlight]:
        """Placed highlights in text order, then the orphans."""
        return self.placed + self.orphans

    def get(self, highlight_id: str) -> PlacedHighlight | None:
        """The highlight with this id, if it belongs to the article."""
        return next((p for p in self.in_reading_order() if p.id == highlight_id), None)

    def over(self, start: int, end: int) -> list[PlacedHighlight]:
        """Placed highlights overlapping [start, end)."""
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_right(self._starts, max(start, end - 1))
        return [p for p in self.placed[lo:hi] if p.end > start and p.start < max(end, start + 1)]

    def at(self, start: int, end: int) -> PlacedHighlight | None:
        """The highlight under a word [start, end): the shortest (innermost) one overlapping."""
        found = self.over(start, end)
        return min(found, key=lambda p: (p.end - p.start, -p.start)) if found else None

    def note_at(self, start: int, end: int) -> PlacedHighlight | None:
        """The innermost highlight with a note under a word, if any."""
        found = [p for p in self.over(start, end) if p.note]
        return min(found, key=lambda p: (p.end - p.start, -p.start)) if found else None

    def ranges(self) -> list[tuple[int, int, str]]:
        """(start, end, colour) of every placed highlight, for drawing."""
        return [(p.start, p.end, p.color) for p in self.placed]

    def marker_ends(self) -> list[int]:
        """End offsets of the highlights that carry a note (a marker is drawn there)."""
        return [p.end for p in self.placed if p.note]


def note_lines(note: str, width: int, max_lines: int = 3) -> list[str]:
    """A note cut into at most `max_lines` lines of `width` cells (… when cut short)."""
    from rich.cells import cell_len

    width = max(8, width)
    lines: list[str] = []
    for paragraph in note.strip().splitlines() or [""]:
        line, used = "", 0
        for ch in paragraph.replace("\t", " "):
            w = cell_len(ch)
            if used + w > width:
                # Break at the last space when there is one near the end (Latin words).
                cut = line.rfind(" ")
                if cut > width // 2:
                    lines.append(line[:cut])
                    line = line[cut + 1 :]
                    used = cell_len(line)
                else:
                    lines.append(line)
                    line, used = "", 0
            line += ch
            used += w
        lines.append(line)
    lines = [ln.rstrip() for ln in lines]
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and cell_len(last) + 1 > width:
            last = last[:-1]
        lines = [*lines[: max_lines - 1], last + "…"]
    return lines
