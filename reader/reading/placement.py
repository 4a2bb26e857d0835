"""Where the reader's highlights sit in the current text: one rule for every screen (no Textual).

`place_issue` is the only placement rule: the article screen and the notes listing both call it,
so they always agree on which article a highlight belongs to. `ArticleHighlights` indexes one
article's placed highlights for drawing (what is under a word, which note to show).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.corpus.model import Issue

if TYPE_CHECKING:  # the notes layer pulls in the language layer: not before the first frame
    from reader.notes.model import Highlight, Placement


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


def place_issue(highlights: Iterable[Highlight], issue: Issue) -> list[Placement]:
    """Place the highlights made in one issue in its current articles.

    A highlight whose article still exists is looked for there first, then elsewhere in the
    issue; one whose article is gone (the page was split differently) is looked for in every
    article of the issue. Orphans keep `article_id` None.
    """
    from reader.notes.anchoring import place

    texts = {a.id: a.text for a in issue.articles}
    out = []
    for h in highlights:
        own = texts.get(h.article_id)
        # An empty text for a vanished article makes `place` search the whole issue.
        out.append(place(h, own if own is not None else "", texts, h.article_id))
    return out


def home_article(p: Placement) -> str | None:
    """The article a placed highlight is listed under: where it was found, else its own."""
    return p.highlight.article_id if p.orphan else p.article_id


def needs_saving(p: Placement) -> bool:
    """True when a placement differs from what the store holds (a move to save)."""
    return not p.orphan and (p.method != "exact" or p.article_id != p.highlight.article_id)


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
