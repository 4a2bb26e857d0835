"""Corpus figures: how long parsing the bundled seeds takes."""

from __future__ import annotations

from reader.bench import Figure, median_ms
from reader.corpus.decode import read_issue_text
from reader.corpus.parse import parse_issue
from reader.paths import seeds_dir


def figures() -> dict[str, Figure]:
    """Measure `parse_seeds_ms`: decode and parse all five seeds, uncached."""
    raw = [(p.stem, p.read_bytes()) for p in sorted(seeds_dir().glob("*.txt"))]

    def parse_all() -> None:
        for stem, data in raw:
            parse_issue(read_issue_text(data, stem), issue_id=stem)

    return {"parse_seeds_ms": Figure(median_ms(parse_all, runs=7), "ms", goal=100.0)}
