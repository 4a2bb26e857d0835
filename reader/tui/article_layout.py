"""Lay an article out in terminal cells: headline, wrapped paragraphs of words, ruby, captions.

Plain Python (no Textual) so that it can be tested and timed on its own. The article view
renders the lines this module produces; hover, cursor and search only restyle spans, so the
layout is computed once per article, width and display mode.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import Literal

from rich.cells import cell_len

from reader.corpus.model import Article, Issue
from reader.language.model import Syllable, Token
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


@dataclass
class ArticleLayout:
    """Every line of an article at one width, plus indexes from tokens to lines."""

    width: int
    tokens: list[Token]
    lines: list[LayoutLine] = field(default_factory=list)
    token_lines: dict[int, list[int]] = field(default_factory=dict)
    """Token index -> body line numbers it is drawn on."""
    words: list[int] = field(default_factory=list)
    """Indexes of the tokens that are words (the cursor stops there), in reading order."""
    body_start: int = 0
    """First line of the body (after the headline block)."""
    left: int = LEFT_MARGIN
    """First cell of the text column (the column is centred in a wide view)."""

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
        for i, tok in enumerate(self.tokens):
            if tok.end > offset and tok.text != "\n":
                return i
        return len(self.tokens) - 1 if self.tokens else None

    def word_at_offset(self, offset: int) -> int | None:
        """Index of the word containing a character offset, else the next word (or the last)."""
        for i in self.words:
            if self.tokens[i].end > offset:
                return i
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


def ruby_text(syllables: Sequence[Syllable]) -> str:
    """Pinyin of some syllables written as one word (`kuàjìng`), as ruby shows it."""
    return "".join(s.marks for s in syllables if s.marks)


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
) -> ArticleLayout:
    """Lay out the headline, the body words and the captions for a view `width` cells wide.

    `tokens` are the body's; `parts` the headline parts' and captions' (`article_parts`
    offsets), laid out as words too (a part without tokens is drawn as plain decoration).

    `markers` are character offsets where a noted highlight ends: the word holding the
    character before each gets one more cell after it, where the note marker is drawn.
    """
    col = measure(width)
    text = article.text
    toks = complete_tokens(text, tokens)
    placed = _place_parts(article, parts)
    head = [(p, ts) for p, ts in placed if p.kind != "caption"]
    tail = [(p, ts) for p, ts in placed if p.kind == "caption"]
    first = sum(len(ts) for _, ts in head)
    toks = [t for _, ts in head for t in ts] + toks + [t for _, ts in tail for t in ts]
    layout = ArticleLayout(width=width, tokens=toks, left=left_edge(width))
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
    x = indent
    prev_word = False
    pad = text_width(prefix)
    left = layout.left + pad
    col -= pad
    for i in para:
        tok = toks[i]
        word = is_word(tok)
        for start, end in _pieces(tok, col, ruby, col - x):
            chars_w = text_width(text := tok.text[start - tok.start : end - tok.start])
            pin_w = text_width(ruby_text(token_syllables(tok, start, end))) if ruby else 0
            slot = max(chars_w, pin_w)
            marker = _has_marker(ends, start, end)
            gap = 1 if spaced and word and prev_word and x > 0 else 0
            fits = x + gap + slot + marker <= col
            hangs = text[0] in _CLOSING and x + slot + marker <= col + HANG
            if not fits and not hangs and x > 0:
                lines.append([])
                x, gap = 0, 0
            x += gap
            lines[-1].append(
                WordSpan(
                    token=i, start=start, end=end, x=left + x, width=slot,
                    text_x=left + x + (slot - chars_w) // 2,
                    ruby_x=left + x + (slot - pin_w) // 2, marker=marker,
                )
            )
            x += slot + marker
            prev_word = word
    if layout.lines and layout.lines[-1].kind == "body" and not style:
        layout.lines.append(LayoutLine("blank"))
    decor = ((prefix, "rule"),) if prefix else ()
    for spans in lines:
        if not spans:
            continue
        if ruby:
            layout.lines.append(LayoutLine("ruby", spans=tuple(spans)))
        y = len(layout.lines)
        layout.lines.append(LayoutLine("body", spans=tuple(spans), decor=decor,
                                       x=layout.left, style=style))
        for span in spans:
            layout.token_lines.setdefault(span.token, []).append(y)


def _pieces(tok: Token, col: int, ruby: bool, room: int) -> list[tuple[int, int]]:
    """Split a token wider than the column into pieces that fit; most tokens are one piece.

    The first piece fills the `room` left on the current line: text not yet segmented comes
    as one token per paragraph, and must start at the paragraph's indent like words do.
    """
    limit = col if not ruby else col // 2
    if text_width(tok.text) <= limit:
        return [(tok.start, tok.end)]
    out, start, w = [], tok.start, 0
    line_limit = min(limit, room) if room > 0 else limit
    for i, ch in enumerate(tok.text):
        cw = text_width(ch) if not ruby else max(text_width(ch), 6)
        if w + cw > line_limit and tok.start + i > start:
            out.append((start, tok.start + i))
            start, w, line_limit = tok.start + i, 0, limit
        w += cw
    out.append((start, tok.end))
    return out
