"""Plain values of the reading session: reading progress and HSK profiles."""

from __future__ import annotations

from dataclasses import dataclass

from reader.corpus.model import Issue


@dataclass(frozen=True)
class Progress:
    """Where the reader left an article."""

    offset: int
    read: bool


@dataclass(frozen=True)
class HskProfile:
    """How the words of an article spread over HSK levels."""

    counts: dict[str, int]
    """Band (`1-3`, `4-6`, `7-9`, `none`) -> number of Han words."""

    @property
    def total(self) -> int:
        """Han words counted."""
        return sum(self.counts.values())

    def share(self, band: str) -> float:
        """Fraction of the words in a band (0 when there are none)."""
        return self.counts.get(band, 0) / self.total if self.total else 0.0


BANDS = ("1-3", "4-6", "7-9", "none")
"""HSK 3.0 bands shown in the library, easiest first."""


def hsk_band(level: int | None) -> str:
    """The band of an HSK level (`none` for words outside HSK)."""
    if level is None:
        return "none"
    return "1-3" if level <= 3 else "4-6" if level <= 6 else "7-9"


def issue_label(issue: Issue) -> str:
    """`人民日报 · 2024-06-04 · page 3` (parts that are unknown are left out)."""
    bits = [issue.paper_label, issue.date or ""]
    if issue.page is not None:
        bits.append(f"page {issue.page}")
    return " · ".join(b for b in bits if b)
