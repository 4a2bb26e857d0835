"""Keyboard-only review on the real app with 200 due cards: key to repaint, show-back and rate.

A fresh process (`python -m reader.benchmarks.review_app HOME`) runs the app headless on the
review screen and presses space (show the back) and 3 (Good) in turn, from the key's sending
to the end of the repaint it causes. What counts is the UI thread's own time over that span
(`time.thread_time`: the key's handling and its frame), which other processes on a busy
machine do not inflate; the wall-clock p95 is reported beside it. Textual paces repaints at
60 fps, a wait of up to 16.7 ms that is no work of ours: the probe runs with TEXTUAL_FPS=1000.
Ratings are written by the edit worker meanwhile, as when a reader rates fast.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reader.bench import Figure

CARDS = 200
"""Due cards in the sitting."""
KEYS = 150
"""Keys timed per run (show-back and rate, in turn), after a few untimed ones."""
WARM_KEYS = 10
"""Keys pressed untimed first (imports, first layouts)."""
RUNS = 3
"""Fresh app processes; each figure is the median over them (one busy moment of a shared
machine is not the app's worst frame)."""


def prepare_home(home: Path, cards: int = CARDS) -> int:
    """Save `cards` distinct words of the bundled articles with their sentences; the count."""
    from reader.corpus.library import load_library
    from reader.language import tokenize
    from reader.notes.store import NotesStore

    saved: dict[str, tuple[str, str, str, str]] = {}
    for issue in load_library(home):
        for art in issue.articles:
            for sentence in art.text.split("。"):
                for tok in tokenize(sentence):
                    if tok.is_han and len(tok.text) > 1 and tok.text not in saved:
                        saved[tok.text] = (tok.pinyin, sentence + "。", art.id, issue.id)
                if len(saved) >= cards:
                    break
    with NotesStore.open(home) as store:
        for word, (pinyin, sentence, article_id, issue_id) in list(saved.items())[:cards]:
            store.save_word(word, pinyin, f"gloss of {word}", sentence, article_id, issue_id)
    return min(cards, len(saved))


async def _probe(home: Path) -> dict[str, object]:
    """Open the app on the review screen and time each key until the repaint after it."""
    from textual import events

    from reader.benchmarks.waiting import until
    from reader.commands.app import make_app
    from reader.tui.screens.review import ReviewScreen

    reveal: list[float] = []
    rate: list[float] = []
    walls: list[float] = []
    app = make_app(home, review=True)
    async with app.run_test(size=(100, 32)):
        await until(lambda: isinstance(app.screen, ReviewScreen) and app.screen.current)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        sentences = {c.word.sentence for c in screen.queue}
        await until(lambda: sentences <= screen.pinyin.keys())  # every hint made
        await screen.wait_for_refresh()
        if 2 * len(screen.queue) < WARM_KEYS + KEYS:  # else a key would wait for no card
            raise RuntimeError(f"only {len(screen.queue)} cards are due")
        for i in range(WARM_KEYS + KEYS):
            # Not Pilot.press: it waits for the process to look idle (20 ms or more).
            key = "3" if screen.revealed else "space"
            rated_before = len(screen.rated)

            def changed(key: str = key, n: int = rated_before) -> bool:
                return len(screen.rated) > n if key == "3" else screen.revealed

            t0, c0 = time.perf_counter(), time.thread_time()
            app.post_message(events.Key(key, "3" if key == "3" else " "))
            while not changed():
                await screen.wait_for_refresh()
            await screen.wait_for_refresh()  # the frame showing the change
            wall, cpu = (time.perf_counter() - t0) * 1000, (time.thread_time() - c0) * 1000
            if i >= WARM_KEYS:
                (rate if key == "3" else reveal).append(cpu)
                walls.append(wall)
        rated = len(screen.rated)
        await app.workers.wait_for_complete()
    return {"reveal": reveal, "rate": rate, "wall": walls, "rated": rated}


def probe(home: Path) -> dict[str, list[float]]:
    """One fresh app process on `home`: the keys' timings."""
    env = {**os.environ, "READER_HOME": str(home), "TEXTUAL_FPS": "1000"}
    result = subprocess.run([sys.executable, "-m", "reader.benchmarks.review_app", str(home)],
                            capture_output=True, text=True, env=env, timeout=900)
    if result.returncode != 0:
        raise RuntimeError(f"review probe failed: {result.stderr.strip()[-300:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def figures() -> dict[str, Figure]:
    """review_key_ms: key to repaint in keyboard-only review (max and p95 of show-back and rate,
    each the median over RUNS fresh processes)."""
    with tempfile.TemporaryDirectory(prefix="dubao-bench-review-") as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        prepare_home(home)
        runs = []
        for n in range(RUNS):  # each process on the same fresh cards (a rated card is not due)
            copy = Path(tmp) / f"run-{n}"
            shutil.copytree(home, copy)
            runs.append(probe(copy))

    def med(of: object) -> float:
        return round(statistics.median(of(r) for r in runs), 2)  # type: ignore[operator]

    return {
        "review_key_max_ms": Figure(med(lambda r: max(r["reveal"] + r["rate"])), "ms", 16),
        "review_key_p95_ms": Figure(med(lambda r: p95(r["reveal"] + r["rate"])), "ms", 16),
        "review_reveal_median_ms": Figure(med(lambda r: statistics.median(r["reveal"])), "ms"),
        "review_rate_median_ms": Figure(med(lambda r: statistics.median(r["rate"])), "ms"),
        "review_key_wall_p95_ms": Figure(med(lambda r: p95(r["wall"])), "ms"),
    }


if __name__ == "__main__":
    print(json.dumps(asyncio.run(_probe(Path(sys.argv[1])))))
