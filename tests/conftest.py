"""Shared fixtures: every test gets its own READER_HOME and cache directory."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"

# Test helpers (page layouts and the like) live beside the tests that use them.
sys.path.insert(0, str(Path(__file__).resolve().parent / "corpus"))


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point READER_HOME at a fresh temp dir so no test touches the real home."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("READER_HOME", str(home))
    return home


@pytest.fixture(scope="session", autouse=True)
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache dir per test session: derived caches are rebuilt once, not per test."""
    import os

    cache = tmp_path_factory.mktemp("cache")
    os.environ["READER_CACHE"] = str(cache)
    return cache
