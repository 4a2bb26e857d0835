"""Word-status marks in the article: new and learning words tinted, pinyin only where needed.

`StatusMarks` keeps, for one article, which running words can be marked (names, places and
numbers never are), the user's statuses, and two live tables the painter reads: the tint of
each marked word and the words whose pinyin is hidden (pinyin mode `not-known` or `off`).
Both are keyed by the token's start offset, so a relayout (another width, the pinyin line)
keeps them. A status change recomputes only the words it names and returns the offsets to
repaint.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

from reader.language.model import Token
from reader.learning.status import Status, shows_pinyin

if TYPE_CHECKING:
    from textual.widget import Widget

STATUS_STYLES: dict[Status, str] = {
    Status.NEW: "status-new",
    Status.LEARNING_1: "status-learning-1",
    Status.LEARNING_2: "status-learning-2",
    Status.LEARNING_3: "status-learning-3",
    Status.LEARNING_4: "status-learning-4",
}
"""Component class (without `article-view--`) of each marked status; known and ignored words
are plain."""

STATUS_CSS = """
    & > .article-view--status-new { color: $text-primary; }
    & > .article-view--status-learning-1 { background: #e5484d 50%; }
    & > .article-view--status-learning-2 { background: #e5484d 37%; }
    & > .article-view--status-learning-3 { background: #e5484d 25%; }
    & > .article-view--status-learning-4 { background: #e5484d 14%; }
"""
"""New words in blue letters (LingQ's blue, without covering the word: highlights are
backgrounds), learning words on red fading as the level rises (LWT's salmon): a hue no
highlight colour, the cursor ($accent) or the search marks ($warning) use."""

SHADED_BOOST = 1.45
"""How much stronger a status tint is on the shaded (every other) word."""

PINYIN_CYCLE: tuple[tuple[bool, str], ...] = (
    (False, "all"), (True, "all"), (True, "not-known"), (False, "off"),
)
"""What `p` steps through, as (pinyin line, pinyin mode): pinyin on hover, a line over every
word, a line over the words not known, no pinyin at all."""

PINYIN_NAMES = {
    (False, "all"): "pinyin on hover", (True, "all"): "pinyin over every word",
    (True, "not-known"): "pinyin over words not known",
    (False, "not-known"): "pinyin on hover over words not known",
    (False, "off"): "no pinyin (enter still looks a word up)",
}
"""How each pinyin state is announced."""


def next_pinyin(ruby: bool, mode: str) -> tuple[bool, str]:
    """The pinyin state after (ruby, mode) in `PINYIN_CYCLE`; from a state off the cycle (set
    in the settings file), the line over every word, or pinyin on hover when a line was on."""
    state = (ruby, mode)
    if state not in PINYIN_CYCLE:
        return PINYIN_CYCLE[1] if not ruby else PINYIN_CYCLE[0]
    return PINYIN_CYCLE[(PINYIN_CYCLE.index(state) + 1) % len(PINYIN_CYCLE)]


@dataclass(frozen=True)
class Palette:
    """The tint of each marked status, over plain text and over a shaded word."""

    plain: Mapping[Status, Style]
    shaded: Mapping[Status, Style]


def read_palette(widget: Widget) -> Palette:
    """The tints from the view's component classes, blended over its background and over
    the shading of every other word (adjacent tinted words stay apart)."""
    base_bg = widget.background_colors[1]
    shade = widget.get_component_styles("article-view--shade")
    shade_bg = base_bg + shade.background if shade.has_rule("background") else base_bg
    base = widget.rich_style
    plain: dict[Status, Style] = {}
    shaded: dict[Status, Style] = {}
    for status, name in STATUS_STYLES.items():
        styles = widget.get_component_styles(f"article-view--{name}")
        text = styles.color if styles.has_rule("color") and not styles.color.auto else None
        tint = styles.background if styles.has_rule("background") else None
        # Every other word a little stronger: two tinted words side by side stay apart.
        for table, under, boost in ((plain, base_bg, 1.0), (shaded, shade_bg, SHADED_BOOST)):
            bg = under + tint.multiply_alpha(boost) if tint is not None else under
            style = Style(bgcolor=bg.rich_color, color=(bg + text).rich_color if text else None)
            table[status] = base + style
    return Palette(plain, shaded)


def markable_starts(tokens: Iterable[Token], names: frozenset[str] = frozenset()) -> frozenset[int]:
    """Start offsets of the tokens that get a status mark (words, not names, places, numbers)."""
    from reader.learning.classify import Kind, word_kind

    return frozenset(t.start for t in tokens if word_kind(t, names) is Kind.WORD)


class StatusMarks:
    """The status marks and hidden pinyin of one article's words."""

    def __init__(self) -> None:
        self.shown = True
        """Tint new and learning words (the `l` toggle)."""
        self.pinyin_mode = "all"
        """Which words get pinyin: all, not-known, off."""
        self.tints: dict[int, tuple[Style, Style]] = {}
        """Token start -> (tint over plain text, tint over a shaded word): read by the painter."""
        self.no_pinyin: set[int] = set()
        """Token starts whose pinyin is not shown (line and pop-up): read by the painter."""
        self.statuses: Mapping[str, Status] = {}
        """The statuses drawn (a snapshot from the session; words absent are new)."""
        self.palette: Palette | None = None
        """The tints, once read from the view's styles."""
        self._words: dict[str, list[int]] = {}
        self._markable: frozenset[int] = frozenset()
        self.loaded = False
        """True once the article's words and statuses have arrived."""

    def load(self, tokens: Iterable[Token], markable: frozenset[int],
             statuses: Mapping[str, Status]) -> set[int]:
        """Take an article's words, which of them are markable, and the statuses; returns
        every start whose look may have changed."""
        words: dict[str, list[int]] = {}
        for t in tokens:
            if t.is_han:
                words.setdefault(t.text, []).append(t.start)
        old = set(self.tints) | self.no_pinyin
        self._words, self._markable, self.statuses = words, markable, statuses
        self.loaded = True
        return self._recompute(words) | old

    def status_at(self, token: Token) -> Status:
        """A token's status (names and numbers too: the user may mark them)."""
        return self.statuses.get(token.text, Status.NEW)

    def marked(self, token: Token) -> Status | None:
        """The status a token is tinted for, None when it is drawn plain."""
        return self.status_at(token) if token.start in self.tints else None

    def update(self, statuses: Mapping[str, Status],
               words: Iterable[str] | None = None) -> set[int]:
        """New statuses: recompute `words` (None: every word that differs); starts changed."""
        old, self.statuses = self.statuses, statuses
        if words is None:
            words = [w for w in self._words if old.get(w) != statuses.get(w)]
        return self._recompute({w: self._words[w] for w in words if w in self._words})

    def set_shown(self, shown: bool) -> set[int]:
        """Show or hide the tints; starts changed."""
        self.shown = shown
        return self._recompute(self._words)

    def set_pinyin_mode(self, mode: str) -> set[int]:
        """Change which words get pinyin; starts changed."""
        self.pinyin_mode = mode
        return self._recompute(self._words)

    def set_palette(self, palette: Palette) -> set[int]:
        """New tints (a theme change); starts changed."""
        self.palette = palette
        return self._recompute(self._words)

    def _recompute(self, words: Mapping[str, list[int]]) -> set[int]:
        """Work out the tint and pinyin of these words' occurrences; the starts that changed."""
        changed: set[int] = set()
        palette, mode = self.palette, self.pinyin_mode
        for word, starts in words.items():
            status = self.statuses.get(word, Status.NEW)
            hide = not shows_pinyin(mode, status)
            for start in starts:
                tint = None
                if self.shown and palette is not None and start in self._markable:
                    plain = palette.plain.get(status)
                    if plain is not None:
                        tint = (plain, palette.shaded[status])
                if self.tints.get(start) != tint:
                    changed.add(start)
                    if tint is None:
                        del self.tints[start]
                    else:
                        self.tints[start] = tint
                if hide != (start in self.no_pinyin):
                    changed.add(start)
                    if hide:
                        self.no_pinyin.add(start)
                    else:
                        self.no_pinyin.discard(start)
        return changed

    def remaining_new(self) -> list[str]:
        """The markable words of the article still new, in reading order."""
        seen: dict[str, None] = {}
        for word, starts in self._words.items():
            if any(s in self._markable for s in starts) and word not in self.statuses:
                seen.setdefault(word, None)
        return list(seen)


def legend(palette: Palette | None) -> list[Text]:
    """The help screen's lines saying what the status tints mean."""
    line = Text("Word status (l hides the tints): ")
    names = {Status.NEW: "new", Status.LEARNING_1: "learning 1", Status.LEARNING_2: "2",
             Status.LEARNING_3: "3", Status.LEARNING_4: "4"}
    for status, name in names.items():
        style = palette.plain.get(status) if palette else None
        line.append(f" {name} ", style or "reverse")
        line.append(" ")
    line.append(" known and ignored words plain; names, places, numbers never marked.")
    keys = Text("Status keys: 1-4 learning level · K known · i ignore · 0 back to new · "
                "F mark the remaining new words known · u undoes.", "dim")
    return [line, keys]
