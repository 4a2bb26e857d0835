"""Fixtures for the reading app: a home with a known issue and a warmed language layer."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import ISSUE_TEXT


@pytest.fixture(scope="session", autouse=True)
def warm_language() -> None:
    """Load jieba, pypinyin and the dictionary once for the whole session."""
    from reader.language import warm_up

    warm_up()


@pytest.fixture
def home(isolated_home: Path) -> Path:
    """A home whose library holds the test issue (besides the bundled seeds)."""
    library = isolated_home / "library"
    library.mkdir()
    (library / "test_issue.txt").write_text(ISSUE_TEXT, encoding="utf-8")
    return isolated_home
