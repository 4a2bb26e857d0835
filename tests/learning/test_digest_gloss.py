"""The digest's gloss is the look-up's most helpful sense: a cross-reference ("old variant
of 和[he2]", "see …", "used in …") never comes first when the word has a real meaning."""

from __future__ import annotations

from reader.corpus.library import find_issue
from reader.language.lookup import _MINOR, senses
from reader.learning.digest import digest

ISSUE = "000_7f3daf117c43b295"


def test_senses_put_meanings_before_cross_references():
    assert senses("和", ("he2",))[0] == "and"
    assert senses("以")[0] == "to use"
    assert not _MINOR.match(senses("以", ("yi3",))[0])
    # The reading in the text picks the entry: 得 de the particle, not dé "to obtain".
    assert senses("得", ("de5",))[0].startswith("structural particle")
    assert _MINOR.match("used in 丁当") and _MINOR.match("Japanese variant of 和")


def test_digest_glosses_are_real_meanings(isolated_home):
    words = {w.word: w for w in digest(find_issue(isolated_home, ISSUE), {})}
    assert words["和"].gloss == "and"
    for w in words.values():
        real = [s for s in senses(w.word) if not _MINOR.match(s)]
        if real and w.gloss in senses(w.word):
            assert not _MINOR.match(w.gloss), (w.word, w.gloss)
