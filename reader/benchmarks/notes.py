"""Notes store figures: time to add one highlight to a file of 1,000 / 10,000, time to load."""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from reader.bench import Figure, median_ms, time_ms
from reader.notes.anchoring import context
from reader.notes.model import COLORS, Highlight, now_iso
from reader.notes.schema import empty_tables, new_id
from reader.notes.store import NotesStore
from reader.notes.store_file import encode
from reader.paths import notes_path, seeds_dir

ADDS = 30
"""Highlights added (and timed) per figure; the median and p95 come from these."""


def sample_text() -> str:
    """Real newspaper text from the bundled seeds (the raw file is enough for timing)."""
    for path in sorted(seeds_dir().glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if len(text) > 2000:
            return text
    return "今天天气很好，我们去公园散步。明天可能会下雨，记得带伞。" * 200


def write_notes_file(home: Path, count: int, text: str) -> None:
    """Write a notes file holding `count` realistic highlights (a note on every third)."""
    tables = empty_tables(now_iso())
    stamp = now_iso()
    span = max(1, len(text) - 200)
    for n in range(count):
        start = (n * 97) % span
        end = start + 4 + n % 40
        prefix, suffix = context(text, start, end)
        h = Highlight(
            id=new_id("h"), issue_id="000_bench", article_id=f"000_bench-{n % 50:08x}",
            start=start, end=end, quote=text[start:end], prefix=prefix, suffix=suffix,
            color=COLORS[n % len(COLORS)], note=("读后感：" + text[end:end + 30]) if n % 3 == 0
            else None, created=stamp, updated=stamp,
        )
        tables["highlights"][str(n + 1)] = h.to_doc()
    home.mkdir(parents=True, exist_ok=True)
    notes_path(home).write_bytes(encode(tables))


def add_times(count: int, text: str) -> list[float]:
    """Per-add durations (ms) of ADDS highlights added to a store that holds `count`."""
    with tempfile.TemporaryDirectory(prefix="dubao-bench-") as tmp:
        home = Path(tmp)
        write_notes_file(home, count, text)
        store = NotesStore.open(home)
        try:
            n = iter(range(10**9))

            def add() -> None:
                i = next(n)
                start = (i * 131) % (len(text) - 100)
                store.add_highlight("000_bench", "000_bench-x", text, start, start + 12,
                                    note="bench")

            return time_ms(add, runs=ADDS, warmup=2)
        finally:
            store.close()


def load_time(count: int, text: str) -> float:
    """Median time (ms) to open (lock, read, check, back up) and close a store of `count`."""
    with tempfile.TemporaryDirectory(prefix="dubao-bench-") as tmp:
        home = Path(tmp)
        write_notes_file(home, count, text)
        return median_ms(lambda: NotesStore.open(home).close(), runs=5)


def figures() -> dict[str, Figure]:
    """The notes figures of issues 4 and 11."""
    text = sample_text()
    small = add_times(1000, text)
    large = add_times(10000, text)
    huge = add_times(50000, text)
    p95 = statistics.quantiles(large, n=20)[-1]
    return {
        "add_highlight_1000_ms": Figure(round(statistics.median(small), 3), "ms"),
        "add_highlight_10000_ms": Figure(round(statistics.median(large), 3), "ms", goal=50),
        "add_highlight_10000_p95_ms": Figure(round(p95, 3), "ms"),
        # Issue 11: one more highlight among 50,000 (each add is journalled and fsynced).
        "add_highlight_50000_ms": Figure(round(statistics.median(huge), 3), "ms", goal=50),
        "add_highlight_50000_p95_ms": Figure(round(statistics.quantiles(huge, n=20)[-1], 3),
                                             "ms"),
        "load_10000_ms": Figure(load_time(10000, text), "ms"),
    }
