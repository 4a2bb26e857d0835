"""The app with a library of 3,000 pages against 5: library on screen, first key, memory.

Each figure comes from a fresh process (`python -m reader.benchmarks.library_app HOME`) that
runs the real app headless and reports its timings and peak memory as JSON; the 3,000-page
library is the one `reader.benchmarks.library` builds and caches.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reader.bench import Figure
from reader.benchmarks.library import peak_rss_mb

RUNS = 3
START = time.perf_counter()


async def _probe(home: Path) -> dict[str, float]:
    """Launch the app on `home`; time the library on screen, one key, one article open."""
    from reader.benchmarks.waiting import until
    from reader.tui.app import ReaderApp
    from reader.tui.screens.article import ArticleScreen
    from reader.tui.widgets.article_view import ArticleView
    from reader.tui.widgets.library_tree import LibraryTree

    out: dict[str, float] = {}
    app = ReaderApp(home=home)
    async with app.run_test(size=(100, 32)) as pilot:
        library = app.library_screen
        tree = library.query_one(LibraryTree)
        await until(lambda: tree.root.children)
        await library.wait_for_refresh()
        out["library_s"] = time.perf_counter() - START
        before = tree.cursor_line
        await pilot.press("down")
        await until(lambda: tree.cursor_line != before)
        await library.wait_for_refresh()
        out["key_s"] = time.perf_counter() - START
        # Relabel 3,000 article lines (or all there are): open issues until that many exist.
        await until(lambda: library.listed)
        ids = []
        for issue in library.listed:
            if len(ids) >= 3000:
                break
            tree.expand_issue(issue.id)
            ids += [a.id for a in issue.articles]
        await pilot.pause()
        out["expanded_s"] = time.perf_counter() - START
        t0 = time.perf_counter()
        tree.refresh_articles(ids[:3000])
        out["relabel_ms"] = (time.perf_counter() - t0) * 1000
        out["relabelled"] = min(len(ids), 3000)
        app.open_article(library.listed[-1].articles[0].id)
        await until(lambda: isinstance(app.screen, ArticleScreen)
                    and app.screen.query(ArticleView)
                    and app.screen.query_one(ArticleView).has_words)
        await app.screen.wait_for_refresh()
        out["article_s"] = time.perf_counter() - START
        await until(lambda: library.issues)  # the whole text loaded too, before memory is read
    out["rss_mb"] = peak_rss_mb()
    return out


def probe(home: Path) -> dict[str, float]:
    """One fresh app process on `home`: its timings and peak memory."""
    env = {**os.environ, "READER_HOME": str(home)}
    result = subprocess.run([sys.executable, "-m", "reader.benchmarks.library_app", str(home)],
                            capture_output=True, text=True, env=env, timeout=900)
    if result.returncode != 0:
        raise RuntimeError(f"app probe failed: {result.stderr.strip()[-300:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def figures() -> dict[str, Figure]:
    """App figures at 3,000 pages, as ratios to 5 pages where the machine's speed varies."""
    from reader.benchmarks.library import library_home

    big = library_home(3000)
    with tempfile.TemporaryDirectory(prefix="dubao-bench-") as tmp:
        small = Path(tmp) / "home"
        probe(small)
        probe(big)  # warm-ups: indexes up to date, token caches filled
        runs_small = [probe(small) for _ in range(RUNS)]
        runs_big = [probe(big) for _ in range(RUNS)]

    def med(runs: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in runs)

    keys_small = med(runs_small, "key_s") * 1000
    return {
        "app_library_3000_ratio": Figure(
            round(med(runs_big, "library_s") / med(runs_small, "library_s"), 3), "x", 1.5),
        "app_keys_5_ms": Figure(round(keys_small, 1), "ms"),
        "app_keys_3000_ms": Figure(round(med(runs_big, "key_s") * 1000, 1), "ms",
                                   round(keys_small * 1.5, 1)),
        "library_relabel_ms": Figure(round(med(runs_big, "relabel_ms"), 2), "ms", 16),
        "app_3000_rss_mb": Figure(round(max(r["rss_mb"] for r in runs_big), 1), "MB", 400),
    }


if __name__ == "__main__":
    print(json.dumps(asyncio.run(_probe(Path(sys.argv[1])))))
