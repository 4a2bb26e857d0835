"""Turn laid-out article lines into styled strips; the article view caches them per line."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Container, Mapping
from dataclasses import dataclass, field

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from reader.language.hsk import hsk_text
from reader.language.model import Token
from reader.language.spelling import slice_pieces, written_pieces
from reader.tui.article_layout import ArticleLayout, LayoutLine, text_width, token_syllables
from reader.tui.tones import TONE_STYLES


@dataclass(frozen=True)
class Mark:
    """A styled range of the article text: a search match, a selection or a highlight."""

    start: int
    end: int
    style: str
    """Name of the style in `StripStyles.marks`."""


NOTE_MARKER = "*"
"""Drawn after a highlight that has a note (ASCII: one cell in every terminal and font)."""


class MarkLayer:
    """Marks sorted by start, with a fast lookup of the ones overlapping a range."""

    def __init__(self, marks: list[Mark]) -> None:
        self.marks = sorted(marks, key=lambda m: (m.start, m.end))
        """The marks, sorted."""
        self._starts = [m.start for m in self.marks]
        self._longest = max((m.end - m.start for m in self.marks), default=0)

    def over(self, start: int, end: int) -> list[Mark]:
        """Marks that overlap [start, end)."""
        # Only marks starting within `longest` before `start` can reach into the range:
        # thousands of highlights cost a bisection, not a scan.
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_right(self._starts, end)
        return [m for m in self.marks[lo:hi] if m.end > start and m.start < end]


@dataclass(frozen=True)
class Popup:
    """The pinyin label drawn over the text next to a word."""

    line: int
    """Layout line the label is drawn on."""
    x: int
    """First cell of the label."""
    segments: tuple[Segment, ...]
    """The styled label."""

    @property
    def width(self) -> int:
        """Cells the label covers."""
        return sum(seg.cell_length for seg in self.segments)

    @property
    def text(self) -> str:
        """The label as plain text."""
        return "".join(seg.text for seg in self.segments)


@dataclass
class StripStyles:
    """The Rich styles a strip is drawn with (taken from the view's component classes)."""

    base: Style
    shade: Style
    hover: Style
    cursor: Style
    ruby: Style
    popup: Style
    decor: dict[str, Style]
    marks: dict[str, Style]


@dataclass
class Painter:
    """Draws lines of one layout with the current display state."""

    layout: ArticleLayout
    text: str
    styles: StripStyles
    tones: bool = False
    shade: bool = True
    hover: int | None = None
    cursor: int | None = None
    marks: list[Mark] = field(default_factory=list)
    """Search matches (drawn over the highlights)."""
    highlights: list[Mark] = field(default_factory=list)
    """The reader's highlights, one style per colour."""
    selection: tuple[int, int] | None = None
    """The selected character range, if any."""
    popup: Popup | None = None
    """The pinyin label, drawn over whatever is under it."""
    note_popup: tuple[Popup, ...] = ()
    """The lines of the note of the highlight under the mouse or the cursor."""
    tints: Mapping[int, tuple[Style, Style]] = field(default_factory=dict)
    """Word-status tints by token start: (over plain text, over a shaded word); live, owned by
    the view's `StatusMarks`."""
    no_pinyin: Container[int] = field(default_factory=frozenset)
    """Token starts whose pinyin is not shown (pinyin mode); live, like `tints`."""
    spoken: dict[int, Token] = field(default_factory=dict)
    """Tokens whose 一 or 不 is drawn in its spoken tone (by index); the rest as written."""
    ruby_pointed: int | None = None
    """The word whose pinyin line is drawn in the pop-up style (pinyin-line mode has no pop-up:
    it would cover the neighbours' pinyin)."""
    _shaded: set[int] = field(default_factory=set)
    _marks: MarkLayer = field(default_factory=lambda: MarkLayer([]))
    _highlights: MarkLayer = field(default_factory=lambda: MarkLayer([]))

    def __post_init__(self) -> None:
        self._shaded = set(self.layout.words[1::2])
        self.set_marks(self.marks)
        self.set_highlights(self.highlights)

    def set_marks(self, marks: list[Mark]) -> None:
        """Replace the search marks drawn over the text."""
        self._marks = MarkLayer(marks)
        self.marks = self._marks.marks

    def set_highlights(self, highlights: list[Mark]) -> None:
        """Replace the highlights drawn under the search marks."""
        self._highlights = MarkLayer(highlights)
        self.highlights = self._highlights.marks

    def line(self, y: int, width: int) -> Strip:
        """The strip of line `y`, padded to `width` cells."""
        base = self.styles.base
        if not 0 <= y < len(self.layout.lines):
            return Strip.blank(width, base)
        line = self.layout.lines[y]
        if line.kind == "body":
            segments = self._body(line)
        elif line.kind == "ruby":
            segments = self._ruby(line)
        elif line.kind == "decor":
            segments = [Segment(" " * line.x, base)]
            decor = self.styles.decor
            segments += [Segment(t, base + decor.get(s, Style())) for t, s in line.decor]
        else:
            segments = []
        strip = Strip(segments).extend_cell_length(width, base).crop(0, width)
        for popup in (self.popup, *self.note_popup):
            if popup is not None and popup.line == y:
                end = min(width, popup.x + popup.width)
                label = Strip(popup.segments).crop(0, end - popup.x)
                strip = Strip.join([strip.crop(0, popup.x), label, strip.crop(end, width)])
        return strip

    def label(self, token: int) -> tuple[Segment, ...]:
        """The pop-up label of a token: its pinyin (in tone colours when on) and HSK level."""
        tok = self.spoken.get(token) or self.layout.tokens[token]
        style = self.styles.base + self.styles.popup
        segments = [Segment(" ", style)]
        for piece, tone in written_pieces(tok):  # GB/T 16159: Chángchūn, not cháng chūn
            colour = TONE_STYLES.get(tone) if self.tones else None
            segments.append(Segment(piece, style + colour if colour else style))
        if len(segments) == 1:
            segments.append(Segment(tok.text, style))
        if tok.hsk is not None:
            segments.append(Segment(f"  {hsk_text(tok.hsk)}", style + Style(dim=True, bold=False)))
        segments.append(Segment(" ", style))
        return tuple(segments)

    def _body(self, line: LayoutLine) -> list[Segment]:
        """Segments of a line of words."""
        styles, base = self.styles, self.styles.base
        segments: list[Segment] = []
        x = 0
        if not line.spans:
            return segments
        if line.style:  # a headline part or caption, laid out as words
            base = base + styles.decor.get(line.style, Style())
        if line.decor:
            segments.append(Segment(" " * line.x, self.styles.base))
            segments += [Segment(t, base + styles.decor.get(s, Style())) for t, s in line.decor]
            x = line.x + sum(text_width(t) for t, _ in line.decor)
        first, last = line.spans[0].start, line.spans[-1].end
        # Highlights first, search matches over them, then selection, hover and cursor.
        marks = self._highlights.over(first, last) + self._marks.over(first, last)
        selection = self.selection
        if selection is not None and not (selection[0] < last and selection[1] > first):
            selection = None
        mark_styles = styles.marks
        for span in line.spans:
            if span.text_x > x:
                segments.append(Segment(" " * (span.text_x - x), base))
            tok = self.spoken.get(span.token) or self.layout.tokens[span.token]
            in_shade = self.shade and span.token in self._shaded
            tint = self.tints.get(tok.start)
            if tint is not None:
                shaded = tint[1] if in_shade else tint[0]
            else:
                shaded = base + styles.shade if in_shade else base
            syllables = token_syllables(tok, span.start, span.end) if self.tones else ()
            run, run_style = "", None
            chars = self.layout.span_text(span)
            for k, ch in enumerate(chars):
                offset = span.start + k
                style = shaded
                if k < len(syllables) and syllables[k].tone in TONE_STYLES:
                    style += TONE_STYLES[syllables[k].tone]
                for mark in marks:
                    if mark.start <= offset < mark.end:
                        style += mark_styles.get(mark.style, Style())
                if selection is not None and selection[0] <= offset < selection[1]:
                    style += mark_styles.get("selection", Style())
                if span.token == self.hover:
                    style += styles.hover
                if span.token == self.cursor:
                    style += styles.cursor
                if style != run_style and run:
                    segments.append(Segment(run, run_style))
                    run = ""
                run += ch
                run_style = style
            if run:
                segments.append(Segment(run, run_style))
            x = span.text_x + text_width(chars)
            if span.marker:
                end = span.x + span.width
                if end > x:
                    segments.append(Segment(" " * (end - x), base))
                segments.append(Segment(NOTE_MARKER, base + mark_styles.get("note", Style())))
                x = end + 1
        return segments

    def _ruby(self, line: LayoutLine) -> list[Segment]:
        """Segments of the pinyin line above a line of words."""
        base, ruby = self.styles.base, self.styles.base + self.styles.ruby
        segments: list[Segment] = []
        x = 0
        for span in line.spans:
            tok = self.spoken.get(span.token) or self.layout.tokens[span.token]
            if tok.start in self.no_pinyin:
                continue
            pieces = slice_pieces(tok, span.start, span.end)  # GB/T 16159, as the pop-up
            if not pieces:
                continue
            if span.ruby_x > x:
                segments.append(Segment(" " * (span.ruby_x - x), base))
            pointed = span.token == self.ruby_pointed
            for piece, tone in pieces:
                style = ruby + self.styles.popup if pointed else ruby
                if self.tones and tone in TONE_STYLES:
                    style += TONE_STYLES[tone]
                segments.append(Segment(piece, style))
            x = span.ruby_x + sum(text_width(piece) for piece, _ in pieces)
        return segments

