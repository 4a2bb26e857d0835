"""`reader bench`: runs every area's benchmark and reports its figures."""

from __future__ import annotations

import importlib
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# Each module exposes `figures() -> dict[str, Figure]`.
BENCH_MODULES = (
    "reader.benchmarks.corpus",
    "reader.benchmarks.language",
    "reader.benchmarks.notes",
    "reader.benchmarks.export",
    "reader.benchmarks.tui",
    "reader.benchmarks.learning",
    "reader.benchmarks.pdf",
    "reader.benchmarks.library",
    "reader.benchmarks.library_app",
    "reader.benchmarks.article_statuses",
    "reader.benchmarks.review_app",
    "reader.benchmarks.known_library",
    "reader.benchmarks.hostile",
)


@dataclass(frozen=True)
class Figure:
    """One measured figure with its unit, goal and direction."""

    value: float
    unit: str
    goal: float | None = None
    better: str = "lower"

    def to_json(self) -> dict[str, Any]:
        """The JSON shape of one figure in `reader bench --json`."""
        return {"value": self.value, "unit": self.unit, "goal": self.goal, "better": self.better}

    @property
    def meets_goal(self) -> bool | None:
        """True/False against the goal, None when there is no goal."""
        if self.goal is None:
            return None
        return self.value <= self.goal if self.better == "lower" else self.value >= self.goal


def time_ms(fn: Callable[[], object], runs: int = 5, warmup: int = 1) -> list[float]:
    """Call `fn` `warmup` times untimed, then `runs` times; return each duration in ms."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def median_ms(fn: Callable[[], object], runs: int = 5, warmup: int = 1) -> float:
    """Median duration of `fn` in ms over `runs` timed calls."""
    return round(statistics.median(time_ms(fn, runs, warmup)), 3)


def run_all(only: list[str] | None = None) -> dict[str, Figure]:
    """Run the benchmark modules (all, or those whose short name is in `only`)."""
    figures: dict[str, Figure] = {}
    for name in BENCH_MODULES:
        short = name.rsplit(".", 1)[-1]
        if only and short not in only:
            continue
        figures.update(importlib.import_module(name).figures())
    return figures
