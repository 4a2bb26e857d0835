"""Article ids of the bundled seeds, as they were before the parser weighed more cues.

Annotations hang on these ids: a parser change must not move them.
"""

from __future__ import annotations

import pytest
from test_seeds import SEEDS

from reader.corpus.decode import read_issue_text
from reader.corpus.parse import parse_issue

IDS = {
    "000_7f3daf117c43b295": [
        "ddaa5f80", "7f8cc921", "694e0f87", "e02eeb2c", "887ca68a", "0591c72d", "fa2a4462",
        "c77844e4", "aa9dde32",
    ],
    "001_cf020c94727bd2ef": [
        "e59735bd", "ab3f6850", "1ee36c52", "4447f242", "8fc57fd1", "a1a2dc3c", "7a78f343",
    ],
    "002_42bc9256d97c8f20": [
        "0c91c07f", "8497a8ff", "479c2cc2", "bee1f938", "5777227f", "d7d04b93", "34151b60",
        "b9bf46f6", "a65e1dfa",
    ],
    "003_f0ed6576e03ff77b": [
        "dc541f36", "46acf80c", "c485dd77", "472a4730", "d1005623",
    ],
    "004_7f22500536915bc1": [
        "cf41947f", "aefa5614", "c642bbf7", "f5a8e5b6", "d3e554f7",
    ],
}


@pytest.mark.parametrize("stem", sorted(IDS))
def test_seed_article_ids_do_not_move(stem):
    issue = parse_issue(read_issue_text((SEEDS / f"{stem}.txt").read_bytes()), issue_id=stem)
    assert [a.id.removeprefix(f"{stem}-") for a in issue.articles] == IDS[stem]
