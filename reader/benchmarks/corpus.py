"""Corpus figures: how long parsing the bundled seeds, and one 20,000-character page, takes."""

from __future__ import annotations

from reader.bench import Figure, median_ms
from reader.corpus.decode import read_issue_text
from reader.corpus.grams import clear_cache
from reader.corpus.parse import parse_issue
from reader.paths import seeds_dir

PAGE_CHARS = 20_000


def big_page(texts: list[str], size: int = PAGE_CHARS) -> str:
    """One page of `size` characters: the seeds' printed lines in turn, cut at a line end."""
    out: list[str] = []
    total = 0
    for text in texts:
        for line in text.split("\n"):
            if not line.strip():
                continue
            if total + len(line) + 1 > size:
                return "\n".join(out) + "\n"
            out.append(line)
            total += len(line) + 1
    return "\n".join(out) + "\n"


def figures() -> dict[str, Figure]:
    """Measure `parse_seeds_ms` (all five seeds) and `parse_page_20k_ms`, caches cleared."""
    raw = [(p.stem, p.read_bytes()) for p in sorted(seeds_dir().glob("*.txt"))]

    def parse_all() -> None:
        clear_cache()
        for stem, data in raw:
            parse_issue(read_issue_text(data, stem), issue_id=stem)

    page = big_page([read_issue_text(data, stem) for stem, data in raw])

    def parse_big() -> None:
        clear_cache()
        parse_issue(page, issue_id="page-20k")

    return {
        "parse_seeds_ms": Figure(median_ms(parse_all, runs=7), "ms", goal=100.0),
        "parse_page_20k_ms": Figure(median_ms(parse_big, runs=7), "ms", goal=50.0),
    }
