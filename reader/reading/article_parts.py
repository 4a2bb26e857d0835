"""The parts of an article read around its body (kicker, headline, subtitle, captions), and
the character offsets their words take so one token list covers the whole article.

Body offsets stay what every highlight and saved position holds: indices into `article.text`.
The headline parts sit just before them (negative offsets, in reading order, one separator
each) and the captions just after the body (from `len(text) + 1`). So tokens sorted by offset
are in reading order, and no body offset changes because a headline was segmented.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from reader.corpus.model import Article
from reader.language.model import Token

PartKind = Literal["kicker", "title", "subtitle", "caption"]

HEAD_KINDS: tuple[PartKind, ...] = ("kicker", "title", "subtitle")
"""The headline parts, in the order they are printed above the body."""


@dataclass(frozen=True)
class Part:
    """One piece of an article outside its body, placed in the view's offset space."""

    kind: PartKind
    text: str
    start: int
    """Offset of its first character (negative for the headline parts)."""

    @property
    def end(self) -> int:
        """Offset just past its last character."""
        return self.start + len(self.text)

    def holds(self, offset: int) -> bool:
        """True when a character offset falls inside this part."""
        return self.start <= offset < self.end


def article_parts(article: Article) -> tuple[Part, ...]:
    """The headline parts (kicker, title, subtitle) and the captions, with their offsets."""
    head = [(kind, _one_line(text)) for kind, text in zip(
        HEAD_KINDS, (article.kicker, article.title, article.subtitle), strict=True) if text]
    pos = -sum(len(text) + 1 for _, text in head)
    parts: list[Part] = []
    for kind, text in head:
        parts.append(Part(kind, text, pos))
        pos += len(text) + 1
    pos = len(article.text) + 1
    for caption in map(_one_line, article.captions):
        parts.append(Part("caption", caption, pos))
        pos += len(caption) + 1
    return tuple(parts)


def _one_line(text: str) -> str:
    """A part is laid out as one run of words: a line break in it reads as a space."""
    return text.replace("\n", " ")


def in_body(article: Article, offset: int) -> bool:
    """True when an offset is in the body (where highlights and reading positions live)."""
    return 0 <= offset < len(article.text)


def part_at(parts: Iterable[Part], offset: int) -> Part | None:
    """The part holding a character offset, or None (the body, or a separator)."""
    return next((p for p in parts if p.holds(offset)), None)


def shift(tokens: Iterable[Token], by: int) -> list[Token]:
    """The same tokens with their offsets moved by `by` characters."""
    return [replace(t, start=t.start + by, end=t.end + by) for t in tokens]


def part_tokens(article: Article, tokenize: Callable[[str], Sequence[Token]]) -> list[Token]:
    """The tokens of every headline part and caption, at their offsets (in reading order)."""
    out: list[Token] = []
    for part in article_parts(article):
        out += shift(tokenize(part.text), part.start)
    return out


def sentence_source(article: Article, offset: int) -> tuple[str, int]:
    """The text a word's sentence is found in, and the word's offset there: the body, or the
    headline part or caption the word is in (a word saved from a headline keeps the headline)."""
    part = part_at(article_parts(article), offset)
    if part is None:
        return article.text, offset
    return part.text, offset - part.start
