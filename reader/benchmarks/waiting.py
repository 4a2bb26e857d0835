"""Waiting on the app in the benchmarks' probes, without fixed sleeps in what is timed."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable


async def until(check: Callable[[], object], limit: float = 300.0) -> None:
    """Yield to the app until `check()` holds (a tight loop: a timing ends when it holds)."""
    deadline = time.perf_counter() + limit
    while not check():
        if time.perf_counter() > deadline:
            raise TimeoutError("the app did not get there in time")
        await asyncio.sleep(0.0005)
