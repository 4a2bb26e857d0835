"""Export figure: time to render 10,000 highlights on the seed articles as Markdown."""

from __future__ import annotations

from pathlib import Path

from reader.bench import Figure, median_ms
from reader.corpus.library import load_library
from reader.notes.anchoring import context
from reader.notes.export import export_markdown
from reader.notes.model import COLORS, Highlight, SavedWord, now_iso

COUNT = 10_000


def sample(count: int) -> tuple[list[Highlight], list[SavedWord], list]:
    """`count` highlights spread over the seed articles (a note on every third), 200 words."""
    library = load_library(Path("/nonexistent-dubao-home"))  # seeds only
    articles = [(i, a) for i in library for a in i.articles if len(a.text) > 100]
    stamp = now_iso()
    highlights = []
    for n in range(count):
        issue, art = articles[n % len(articles)]
        start = (n * 37) % (len(art.text) - 40)
        end = start + 4 + n % 30
        prefix, suffix = context(art.text, start, end)
        highlights.append(Highlight(
            f"h-{n:08x}", issue.id, art.id, start, end, art.text[start:end], prefix, suffix,
            COLORS[n % len(COLORS)], f"# 笔记 {n} <b>*重要*</b>" if n % 3 == 0 else None,
            stamp, stamp,
        ))
    words = []
    for n in range(200):
        issue, art = articles[n % len(articles)]
        at = (n * 53) % (len(art.text) - 4)
        words.append(SavedWord(f"w-{n:08x}", art.text[at:at + 2], "pīn yīn", "a gloss; more",
                               art.text[max(0, at - 10):at + 12], art.id, issue.id, hsk=n % 7))
    return highlights, words, library


def figures() -> dict[str, Figure]:
    """The export figure of issue 7."""
    highlights, words, library = sample(COUNT)
    ms = median_ms(lambda: export_markdown(highlights, words, library), runs=3)
    return {"export_10000_ms": Figure(ms, "ms", goal=1000)}
