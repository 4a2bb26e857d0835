"""Garbage collection paused while a big, acyclic structure is built (tokens, a layout).

The app freezes its dictionaries out of the collector (`gc.freeze`), so the collector's
generations then hold little; building the 300,000 tokens of a 2 MB page triggers full
collections again and again, each walking every token made so far: the build became
quadratic and took several times longer than the work itself. Tokens and layout lines hold
no reference cycles, so nothing is lost by collecting once afterwards instead.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run a block without automatic collections (nested and threaded uses are counted)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
