"""A unit: a run of printed lines the parser treats as one thing."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.corpus.lines import Line


@dataclass
class Unit:
    """A run of lines the parser treats as one thing."""

    kind: str
    """para, loose, byline, credit, caption, signoff, continued, masthead, pagenote."""
    lines: list[Line] = field(default_factory=list)
    text: str = ""

    @property
    def term(self) -> bool:
        """True when the unit ends with sentence punctuation."""
        return bool(self.lines) and self.lines[-1].term
