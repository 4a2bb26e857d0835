"""Lay an article out in terminal cells: headline, wrapped paragraphs of words, ruby, captions.

Plain Python (no Textual) so that it can be tested and timed on its own. The article view
renders the lines this module produces; hover, cursor and search only restyle spans, so the
layout is computed once per article, width and display mode.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from itertools import accumulate
from typing import Any, Literal

from rich.cells import cell_len

from reader.corpus.model import Article, Issue
from reader.language.gc_pause import paused_gc
from reader.language.model import Syllable, Token
from reader.language.spelling import slice_pieces
from reader.reading.article_parts import Part, article_parts

LineKind = Literal["body", "ruby", "decor", "blank"]
SegmentMode = Literal["shade", "space", "off"]

LEFT_MARGIN = 2
"""Fewest cells left blank at the left edge of every line (a wide view centres the column)."""
HANG = 2
"""Cells kept free at the right so that closing punctuation can hang there."""
MAX_MEASURE = 80
"""Widest text column in cells (40 characters); longer lines are hard to read."""
INDENT = 4
"""First-line indent of a paragraph (two ideographic spaces, the Chinese convention)."""

CAPTION_PREFIX = "▌ "
"""Drawn before every line of a photo caption."""

_LONG = 256
"""Texts longer than this are measured per character, never as a whole (see _paragraph)."""
_CLOSING = set("，。、；：！？）」』”’》〉】〕…—,.;:!?)]}%")


@dataclass(frozen=True, slots=True)
class WordSpan:
    """One token's characters placed on one body line (a long token may be split)."""

    token: int
    """Index into `ArticleLayout.tokens`."""
    start: int
    """Offset of the first character in the article text."""
    end: int
    """Offset just past the last character."""
    x: int
    """First cell of the slot the word occupies."""
    width: int
    """Cells of the slot: the characters, or the ruby pinyin when that is wider."""
    text_x: int
    """First cell of the characters (centred under wider ruby pinyin)."""
    ruby_x: int = 0
    """First cell of the ruby pinyin."""
    marker: bool = False
    """A note marker is drawn in the cell just after the slot (a noted highlight ends here)."""


@dataclass(frozen=True, slots=True)
class LayoutLine:
    """One line of the laid-out article."""

    kind: LineKind
    spans: tuple[WordSpan, ...] = ()
    """Word spans of a body line; for a ruby line, the spans of the body line below it."""
    decor: tuple[tuple[str, str], ...] = ()
    """(text, style name) runs of a headline, caption or rule line."""
    x: int = 0
    """First cell of a decor line (of a caption line of words: where its prefix is drawn)."""
    style: str = ""
    """For a line of words of a headline part or caption: its decor style (`title`...)."""


class TokenLines:
    """Token index -> the body lines it is drawn on, as a compact read-only mapping.

    A dict of lists took 50 MB for the 300,000 tokens of a 2 MB page; nearly every token is
    on one line, so one array holds each token's first line and a dict the few others.
    """

    __slots__ = ("_first", "_more")

    def __init__(self, count: int) -> None:
        self._first = array("i", [-1]) * count
        self._more: dict[int, list[int]] = {}

    def add(self, token: int, y: int) -> None:
        """Record that `token` is drawn on line `y` (lines are added in order)."""
        first = self._first[token]
        if first < 0:
            self._first[token] = y
        elif token in self._more:
            self._more[token].append(y)
        else:
            self._more[token] = [first, y]

    def get(self, token: int, default: object = None) -> Any:
        """The lines of `token` (a new list), or `default` when it is not drawn."""
        if not 0 <= token < len(self._first) or self._first[token] < 0:
            return default
        more = self._more.get(token)
        return list(more) if more is not None else [self._first[token]]

    def __contains__(self, token: object) -> bool:
        return (isinstance(token, int) and 0 <= token < len(self._first)
                and self._first[token] >= 0)

    def __getitem__(self, token: int) -> list[int]:
        lines = self.get(token)
        if lines is None:
            raise KeyError(token)
        return lines  # type: ignore[no-any-return]

    def __len__(self) -> int:
        return sum(1 for y in self._first if y >= 0)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, TokenLines):
            return self._first == other._first and self._more == other._more
        if isinstance(other, dict):
            return len(other) == len(self) and all(self.get(k) == v for k, v in other.items())
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


@dataclass
class ArticleLayout:
    """Every line of an article at one width, plus indexes from tokens to lines."""

    width: int
    tokens: list[Token]
    lines: list[LayoutLine] = field(default_factory=list)
    token_lines: TokenLines = field(default_factory=lambda: TokenLines(0))
    """Token index -> body line numbers it is drawn on."""
    words: list[int] = field(default_factory=list)
    """Indexes of the tokens that are words (the cursor stops there), in reading order."""
    body_start: int = 0
    """First line of the body (after the headline block)."""
    left: int = LEFT_MARGIN
    """First cell of the text column (the column is centred in a wide view)."""
    _ends: list[int] | None = field(default=None, repr=False, compare=False)
    _word_ends: list[int] | None = field(default=None, repr=False, compare=False)
    """Token ends, made at the first offset look-up (bisected: a page has 300,000 tokens)."""
    _body: list[int] | None = field(default=None, repr=False, compare=False)

    def body_lines(self) -> list[int]:
        """Numbers of the body lines, in order (listed once per layout)."""
        if self._body is None:
            self._body = [n for n, ln in enumerate(self.lines) if ln.kind == "body"]
        return self._body

    def spans_of(self, token: int) -> list[tuple[int, WordSpan]]:
        """(line number, span) pairs where a token is drawn."""
        out = []
        for y in self.token_lines.get(token, ()):
            out += [(y, s) for s in self.lines[y].spans if s.token == token]
        return out

    def span_text(self, span: WordSpan) -> str:
        """The characters a span draws (from its token: headline offsets are not in the body)."""
        tok = self.tokens[span.token]
        return tok.text[span.start - tok.start : span.end - tok.start]

    def span_at(self, x: int, y: int) -> WordSpan | None:
        """The word span under cell (x, y), or None (a ruby line maps to its body line)."""
        if not 0 <= y < len(self.lines):
            return None
        line = self.lines[y]
        if line.kind == "ruby" and y + 1 < len(self.lines):
            line = self.lines[y + 1]
        for span in line.spans:
            if span.x <= x < span.x + span.width:
                return span
        return None

    def token_at_offset(self, offset: int) -> int | None:
        """Index of the token containing a character offset (or the next one)."""
        if self._ends is None:  # tokens cover the text in order: their ends never decrease
            self._ends = [t.end for t in self.tokens]
        i = bisect_right(self._ends, offset)
        while i < len(self.tokens) and self.tokens[i].text == "\n":
            i += 1
        if i < len(self.tokens):
            return i
        return len(self.tokens) - 1 if self.tokens else None

    def word_at_offset(self, offset: int) -> int | None:
        """Index of the word containing a character offset, else the next word (or the last)."""
        if self._word_ends is None:
            self._word_ends = [self.tokens[i].end for i in self.words]
        k = bisect_right(self._word_ends, offset)
        if k < len(self.words):
            return self.words[k]
        return self.words[-1] if self.words else None


@lru_cache(maxsize=65536)
def text_width(text: str) -> int:
    """Cells a text takes (CJK two, Latin one), cached: the same words come back often."""
    return cell_len(text)


@lru_cache(maxsize=65536)
def _has_han(text: str) -> bool:
    """True when a text has a CJK ideograph."""
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


def is_word(token: Token) -> bool:
    """True for the tokens a reader looks up and the cursor stops on: Chinese words."""
    return _has_han(token.text)


def ruby_text(token: Token, start: int, end: int) -> str:
    """The pinyin line's text over the characters [start, end) of a token: the GB/T 16159
    spelling the pop-up shows (`kuàjìng`, `Xiānggǎng`, `Zhāng Hèrán`)."""
    return "".join(piece for piece, _ in slice_pieces(token, start, end))


def token_syllables(token: Token, start: int, end: int) -> tuple[Syllable, ...]:
    """The syllables of the characters [start, end) of a token (aligned one per character)."""
    if len(token.syllables) != len(token.text):
        return token.syllables if (start, end) == (token.start, token.end) else ()
    return token.syllables[start - token.start : end - token.start]


def complete_tokens(text: str, tokens: Sequence[Token], origin: int = 0) -> list[Token]:
    """Tokens covering every character of `text` once, gaps filled, newlines on their own.

    `origin` is the offset of the text's first character (a headline part's is negative);
    the tokens given are kept as they are, so a relayout hands the same tokens back.
    """
    out: list[Token] = []
    pos = origin
    for tok in sorted(tokens, key=lambda t: t.start):
        if tok.start < pos or tok.end <= tok.start:
            continue
        if tok.start > pos:
            out += _plain_tokens(text, pos, tok.start, origin)
        if "\n" in tok.text and tok.text != "\n":
            out += _plain_tokens(text, tok.start, tok.end, origin)
        else:
            out.append(tok)
        pos = tok.end
    if pos < origin + len(text):
        out += _plain_tokens(text, pos, origin + len(text), origin)
    return out


def _plain_tokens(text: str, start: int, end: int, origin: int = 0) -> list[Token]:
    """Tokens without readings for a stretch of text the language layer left out."""
    out, run = [], start
    for i in range(start, end):
        if text[i - origin] == "\n":
            if i > run:
                out.append(Token(text[run - origin : i - origin], run, i))
            out.append(Token("\n", i, i + 1))
            run = i + 1
    if end > run:
        out.append(Token(text[run - origin : end - origin], run, end))
    return out


def wrap_cells(text: str, width: int) -> list[str]:
    """Wrap text to a cell width, character by character (CJK is two cells)."""
    lines, cur, cur_w = [], "", 0
    for ch in text:
        w = text_width(ch)
        if cur and cur_w + w > width:
            lines.append(cur)
            cur, cur_w = "", 0
        cur += ch
        cur_w += w
    if cur:
        lines.append(cur)
    return lines or [""]


def measure(width: int) -> int:
    """Cells of the text column for a view of `width` cells."""
    return max(10, min(MAX_MEASURE, width - LEFT_MARGIN - HANG))


def left_edge(width: int) -> int:
    """First cell of the text column: the margin, or more to centre a column narrower than
    the view (with its hanging-punctuation cells)."""
    return max(LEFT_MARGIN, (width - measure(width) - HANG) // 2)


_BREAK_AFTER = set(" \u3000") | _CLOSING
"""Characters a caption line may end with when wrapped before the edge (never mid-word)."""


def wrap_phrases(text: str, width: int) -> list[str]:
    """Wrap text to a cell width, breaking after a space or closing punctuation when one is
    in the second half of the line (a caption's "本报记者 王某 摄" keeps 本报记者 whole);
    character by character only when there is none."""
    lines, cur = [], ""
    for ch in text:
        if cur and text_width(cur + ch) > width:
            cut = max((i for i, c in enumerate(cur) if c in _BREAK_AFTER), default=-1)
            if cut >= 0 and text_width(cur[: cut + 1]) * 2 >= width:
                lines.append(cur[: cut + 1].rstrip())
                cur = cur[cut + 1 :].lstrip()
            else:
                lines.append(cur)
                cur = ""
        cur += ch
    if cur:
        lines.append(cur)
    return lines or [""]


def layout_article(
    article: Article,
    issue: Issue | None,
    tokens: Sequence[Token],
    width: int,
    *,
    ruby: bool = False,
    segments: SegmentMode = "shade",
    markers: Sequence[int] = (),
    parts: Sequence[Token] = (),
    preview_chars: int | None = None,
) -> ArticleLayout:
    """Lay out the headline, the body words and the captions for a view `width` cells wide.

    `tokens` are the body's; `parts` the headline parts' and captions' (`article_parts`
    offsets), laid out as words too (a part without tokens is drawn as plain decoration).

    `markers` are character offsets where a noted highlight ends: the word holding the
    character before each gets one more cell after it, where the note marker is drawn.
    With `preview_chars` and no tokens yet, only the start of a longer body is laid out (what
    the first screens show while the words are on their way).
    """
    if preview_chars is not None and not tokens and len(article.text) > preview_chars:
        article = _preview(article, preview_chars)
    with paused_gc():  # hundreds of thousands of spans on a big page: see gc_pause
        return _layout(article, issue, tokens, width, ruby, segments, markers, parts)


def _preview(article: Article, chars: int) -> Article:
    """The article with its body cut after about `chars` characters (offsets unchanged)."""
    kept: list[str] = []
    used = 0
    for para in article.paragraphs:
        if used >= chars:
            break
        kept.append(para[: chars - used])
        used += len(para) + 1
    return replace(article, paragraphs=tuple(kept), captions=())


def _layout(
    article: Article, issue: Issue | None, tokens: Sequence[Token], width: int, ruby: bool,
    segments: SegmentMode, markers: Sequence[int], parts: Sequence[Token],
) -> ArticleLayout:
    """The body of `layout_article` (run with collections paused)."""
    col = measure(width)
    text = article.text
    toks = complete_tokens(text, tokens)
    placed = _place_parts(article, parts)
    head = [(p, ts) for p, ts in placed if p.kind != "caption"]
    tail = [(p, ts) for p, ts in placed if p.kind == "caption"]
    first = sum(len(ts) for _, ts in head)
    toks = [t for _, ts in head for t in ts] + toks + [t for _, ts in tail for t in ts]
    layout = ArticleLayout(width=width, tokens=toks, left=left_edge(width),
                           token_lines=TokenLines(len(toks)))
    layout.words = [i for i, t in enumerate(toks) if is_word(t)]
    flow = partial(_paragraph, layout, col=col, ruby=ruby, segments=segments, ends=[], indent=0)
    _headline(layout, article, issue, col, _indexes(head, 0), flow)
    layout.body_start = len(layout.lines)
    ends = sorted(set(markers))
    para: list[int] = []
    last = len(toks) - sum(len(ts) for _, ts in tail)
    for i in range(first, last):
        if toks[i].text == "\n":
            _paragraph(layout, para, col, ruby, segments, ends)
            para = []
        else:
            para.append(i)
    _paragraph(layout, para, col, ruby, segments, ends)
    _captions(layout, article, col, _indexes(tail, last), flow)
    return layout


def _place_parts(article: Article, tokens: Sequence[Token]) -> list[tuple[Part, list[Token]]]:
    """Each headline part's and caption's tokens (gaps filled), for the parts that have any
    (the others are drawn as plain decoration)."""
    out = []
    for part in article_parts(article) if tokens else ():
        mine = [t for t in tokens if part.start <= t.start < part.end]
        if mine:
            out.append((part, complete_tokens(part.text, mine, part.start)))
    return out


def _indexes(parts: list[tuple[Part, list[Token]]], first: int) -> dict[int, list[int]]:
    """Part start -> the indexes of its tokens in the layout, which start at `first`."""
    out: dict[int, list[int]] = {}
    for part, toks in parts:
        out[part.start] = list(range(first, first + len(toks)))
        first += len(toks)
    return out


def _decor(layout: ArticleLayout, text: str, style: str, col: int, prefix: str = "") -> None:
    """Add wrapped decoration lines in one style, with an optional styled prefix."""
    pad = text_width(prefix)
    for n, part in enumerate(wrap_phrases(text, col - pad)):
        runs = ((prefix if n == 0 else " " * pad, "rule"), (part, style)) if prefix else (
            (part, style),
        )
        layout.lines.append(LayoutLine("decor", decor=runs, x=layout.left))


def _headline(layout: ArticleLayout, article: Article, issue: Issue | None, col: int,
              words: dict[int, list[int]], flow: Callable[..., None]) -> None:
    """The headline block: source, kicker, title, subtitle, byline and dateline (the parts
    that have words are laid out as words, so they can be pointed at and looked up)."""
    if issue is not None:
        bits = [issue.paper_label]
        if issue.date:
            bits.append(issue.date + (" (inferred)" if issue.date_inferred else ""))
        if issue.page is not None:
            bits.append(f"page {issue.page}")
        if issue.section:
            bits.append(issue.section)
        _decor(layout, " · ".join(bits), "source", col)
    for part in article_parts(article):
        if part.kind == "caption":
            break
        if part.start in words:
            flow(words[part.start], style=part.kind)
        else:
            _decor(layout, part.text, part.kind, col)
    credit = " · ".join(x for x in (article.byline, article.dateline) if x)
    if credit:
        _decor(layout, credit, "byline", col)
    if article.continued_from:
        _decor(layout, f"Continued from {article.continued_from}", "byline", col)
    layout.lines.append(LayoutLine("decor", decor=(("─" * min(col, 24), "rule"),), x=layout.left))
    layout.lines.append(LayoutLine("blank"))


def _captions(layout: ArticleLayout, article: Article, col: int,
              words: dict[int, list[int]], flow: Callable[..., None]) -> None:
    """Photo captions, set apart after the body (as words once they are segmented)."""
    if not article.captions:
        return
    layout.lines.append(LayoutLine("blank"))
    layout.lines.append(LayoutLine("decor", decor=(("Photo captions", "rule"),), x=layout.left))
    for part in article_parts(article):
        if part.kind != "caption":
            continue
        if part.start in words:
            flow(words[part.start], style="caption", prefix=CAPTION_PREFIX)
        else:
            _decor(layout, part.text, "caption", col, prefix=CAPTION_PREFIX)


def _has_marker(ends: list[int], start: int, end: int) -> bool:
    """True when a marker offset falls in (start, end]: the piece holds a highlight's end."""
    if not ends:
        return False
    i = bisect_left(ends, start + 1)
    return i < len(ends) and ends[i] <= end


def _paragraph(
    layout: ArticleLayout, para: list[int], col: int, ruby: bool, segments: SegmentMode,
    ends: list[int], *, indent: int = INDENT, style: str = "", prefix: str = "",
) -> None:
    """Wrap one paragraph's tokens into body lines (plus ruby lines above them).

    A headline part or caption passes its decor `style`, no indent, and a `prefix` drawn
    before each of its lines (the words start after it).
    """
    if not para:
        return
    toks = layout.tokens
    spaced = ruby or segments == "space"
    lines: list[list[WordSpan]] = [[]]
    line = lines[0]
    x = indent
    prev_word = False
    pad = text_width(prefix)
    left = layout.left + pad
    col -= pad
    limit = col if not ruby else col // 2
    # Locals: this loop runs once per token, hundreds of thousands of times on a big page.
    width_of, closing, new_span, hang_edge = text_width, _CLOSING, WordSpan, col + HANG
    for i in para:
        tok = toks[i]
        word = _has_han(tok.text)
        # A text too long to fit is measured character by character in _pieces only (the
        # width of a whole 20,000-character line is never needed, nor cached).
        whole = width_of(tok.text) if len(tok.text) <= _LONG else -1
        pieces = (((tok.start, tok.end),) if 0 <= whole <= limit
                  else _pieces(tok, col, ruby, col - x))
        for start, end in pieces:
            if len(pieces) == 1 and whole >= 0:
                text, chars_w = tok.text, whole
            else:
                text = tok.text[start - tok.start : end - tok.start]
                chars_w = width_of(text)
            pin_w = width_of(ruby_text(tok, start, end)) if ruby else 0
            slot = chars_w if chars_w >= pin_w else pin_w
            marker = _has_marker(ends, start, end) if ends else False
            gap = 1 if spaced and word and prev_word and x > 0 else 0
            if (x + gap + slot + marker > col and x > 0
                    and not (text[0] in closing and x + slot + marker <= hang_edge)):
                line = []
                lines.append(line)
                x, gap = 0, 0
            x += gap
            line.append(
                new_span(i, start, end, left + x, slot, left + x + (slot - chars_w) // 2,
                         left + x + (slot - pin_w) // 2, marker)
            )
            x += slot + marker
            prev_word = word
    if layout.lines and layout.lines[-1].kind == "body" and not style:
        layout.lines.append(LayoutLine("blank"))
    decor = ((prefix, "rule"),) if prefix else ()
    out, add_line = layout.lines, layout.token_lines.add
    for spans in lines:
        if not spans:
            continue
        if ruby:
            out.append(LayoutLine("ruby", spans=tuple(spans)))
        y = len(out)
        out.append(LayoutLine("body", spans=tuple(spans), decor=decor, x=layout.left,
                              style=style))
        for span in spans:
            add_line(span.token, y)


def _pieces(tok: Token, col: int, ruby: bool, room: int) -> list[tuple[int, int]]:
    """Split a token wider than the column into pieces that fit; most tokens are one piece.

    The first piece fills the `room` left on the current line: text not yet segmented comes
    as one token per paragraph, and must start at the paragraph's indent like words do.
    """
    limit = col if not ruby else col // 2
    # Cumulative cell widths, then one bisection per piece: a paragraph not yet segmented
    # is one token of up to MAX_LINE_CHARS characters.
    widths = [text_width(ch) for ch in tok.text]
    if sum(widths) <= limit:
        return [(tok.start, tok.end)]
    if ruby:
        widths = [w if w > 6 else 6 for w in widths]
    cum = list(accumulate(widths, initial=0))
    out, first = [], 0
    line_limit = min(limit, room) if room > 0 else limit
    while True:
        # The longest piece from `first` within the limit, and at least one character.
        cut = max(first + 1, bisect_right(cum, cum[first] + line_limit) - 1)
        if cut >= len(widths):
            out.append((tok.start + first, tok.end))
            return out
        out.append((tok.start + first, tok.start + cut))
        first, line_limit = cut, limit
