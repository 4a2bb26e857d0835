"""Fixtures of the language tests: the corpus text, no user terms leaking between tests."""

from __future__ import annotations

import pytest

from reader.language import set_user_terms


@pytest.fixture(autouse=True)
def no_user_terms():
    """Every test starts and ends without registered user terms."""
    set_user_terms(None)
    yield
    set_user_terms(None)


@pytest.fixture(scope="session")
def corpus_texts() -> list[str]:
    """The article texts of the bundled seeds."""
    from reader.corpus.library import load_file
    from reader.paths import seeds_dir

    return [a.text for p in sorted(seeds_dir().glob("*.txt")) for a in load_file(p).articles]
