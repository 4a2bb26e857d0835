"""`reader digest` (new words of an issue) and `reader stats` (progress figures)."""

from __future__ import annotations

import json

from reader.cli import main
from reader.corpus.library import find_article, find_issue
from reader.language.model import Syllable
from reader.language.spelling import syllables_pinyin
from reader.learning.digest import digest
from reader.learning.stats import learning_stats
from reader.learning.status import Status
from reader.learning.vocabulary import Vocabulary
from reader.notes.model import Progress
from reader.notes.store import NotesStore

ISSUE = "000_7f3daf117c43b295"


def test_joined_pinyin_follows_gb_t_16159():
    syl = (Syllable("西", "xī", "xi1", 1), Syllable("安", "ān", "an1", 1))
    # the digest writes pinyin with the one GB/T function (a place is capitalised)
    assert syllables_pinyin("西安", syl) == "xī'ān"
    assert syllables_pinyin("西安", syl, "ns") == "Xī'ān"
    assert syllables_pinyin("跨境", (Syllable("跨", "kuà", "kua4", 4),
                                   Syllable("境", "jìng", "jing4", 4))) == "kuàjìng"


def test_digest_ranks_new_words_by_frequency(isolated_home):
    issue = find_issue(isolated_home, ISSUE)
    words = digest(issue, {})
    counts = [w.count for w in words]
    assert counts == sorted(counts, reverse=True) and counts[0] > 5
    top = words[0]
    assert top.pinyin and top.gloss and top.word in top.sentence
    article = next(a for a in issue.articles if a.id == top.article_id)
    assert article.text[top.offset:top.offset + len(top.word)] == top.word
    names = {"吉林", "珲春", "长春", "延边"}
    assert not names & {w.word for w in words}
    # A word marked known leaves the digest; learning words only on request.
    later = digest(issue, {top.word: Status.KNOWN, words[1].word: Status.LEARNING_2},
                   limit=20)
    assert top.word not in {w.word for w in later} and words[1].word not in \
        {w.word for w in later}
    with_learning = digest(issue, {words[1].word: Status.LEARNING_2}, include_learning=True,
                          limit=20)
    assert words[1].word in {w.word for w in with_learning}


def test_digest_cli_json_and_errors(isolated_home, capsys):
    assert main(["known", "import", "--hsk", "1-4"]) == 0
    capsys.readouterr()
    assert main(["digest", ISSUE, "--json", "--limit", "5"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["issue_id"] == ISSUE and len(data["words"]) == 5
    assert {"word", "count", "pinyin", "hsk", "gloss", "sentence"} <= set(data["words"][0])
    assert all(w["hsk"] not in ("1", "2", "3", "4") for w in data["words"])
    assert main(["digest", "no-such-issue"]) == 2
    assert main(["digest", ISSUE, "--limit", "0"]) == 2


def test_stats_series(isolated_home, capsys):
    found = find_article(isolated_home, f"{ISSUE}-ddaa5f80")
    docs = {"发展": {"status": "known", "known_at": "2026-01-02T10:00:00+00:00",
                     "updated": "2026-01-02T10:00:00+00:00"},
            "振兴": {"status": "known", "known_at": "2026-01-01T10:00:00+00:00",
                     "updated": "2026-01-03T10:00:00+00:00"},
            "口岸": {"status": "learning-2", "updated": "2026-01-03T10:00:00+00:00"}}
    progress = [Progress(found.article.id, 0, True, "2026-01-02T12:00:00+00:00"),
                Progress(found.article.id, 10, False, "2026-01-03T12:00:00+00:00")]
    stats = learning_stats(docs, progress, {found.article.id: found.article})
    assert stats.known_by_day == (("2026-01-01", 1), ("2026-01-02", 2))
    assert stats.finished_by_day == (("2026-01-02", 1),)
    read = dict(stats.read_by_day)
    assert read["2026-01-02"] > 100 and 0 < read["2026-01-03"] < 10
    assert (stats.known, stats.learning) == (2, 1)


def test_stats_cli(isolated_home, capsys):
    with NotesStore.open(isolated_home) as store:
        Vocabulary(store).set_status(["发展", "振兴"], Status.KNOWN)
        store.set_progress(f"{ISSUE}-ddaa5f80", 0, read=True)
    assert main(["stats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["known"] == 2 and data["articles_finished"] == 1 and data["words_read"] > 100
    assert main(["stats"]) == 0
    assert "Words known" in capsys.readouterr().out
