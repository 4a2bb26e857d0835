"""Stable locations like `000_7f3daf117c43b295-9dd6f1fb ¶3` (article id, paragraph number)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from reader.errors import InputError

_LOCATION = re.compile(r"^\s*(?P<id>[^\s¶#:]+)\s*(?:(?:¶|#p|:)\s*(?P<para>\d+))?\s*$")


@dataclass(frozen=True)
class Location:
    """An article and, optionally, one of its paragraphs (1-based)."""

    article_id: str
    paragraph: int | None = None

    def __str__(self) -> str:
        return self.article_id if self.paragraph is None else f"{self.article_id} ¶{self.paragraph}"


def format_location(article_id: str, paragraph: int | None) -> str:
    """`<article id> ¶<n>`, the form exports print and `reader show` reads."""
    return str(Location(article_id, paragraph))


def parse_location(text: str) -> Location:
    """Read `ID`, `ID ¶3`, `ID¶3`, `ID#p3` or `ID:3` (ASCII forms for shells without ¶)."""
    m = _LOCATION.match(text)
    if not m:
        raise InputError(f"{text!r} is not an article id or a location like `ID ¶3`")
    para = m.group("para")
    if para is not None and int(para) < 1:
        raise InputError("paragraphs are numbered from 1")
    return Location(m.group("id"), int(para) if para else None)


def paragraph_of(paragraph_starts: list[int], offset: int) -> int:
    """The 1-based number of the paragraph holding `offset` (starts from `paragraph_starts`)."""
    return max(1, bisect_right(paragraph_starts, offset))
