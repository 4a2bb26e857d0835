"""known_share and new_words per article, with names, places and numbers left out."""

from __future__ import annotations

import pytest

from reader.corpus.library import load_library
from reader.language import tokenize
from reader.language.model import Token
from reader.language.names import byline_names
from reader.learning.classify import Kind, word_kind
from reader.learning.scoring import WordCounts, article_counts, count_words, score, touches
from reader.learning.status import Status
from reader.learning.word_files import hsk_words, parse_levels


@pytest.fixture(scope="module")
def bundled():
    from pathlib import Path

    return [a for issue in load_library(Path("/nonexistent-home")) for a in issue.articles
            if a.paragraphs]


def _kinds(text: str, names: frozenset[str] = frozenset()) -> dict[str, Kind | None]:
    return {t.text: word_kind(t, names) for t in tokenize(text)}


def test_jilin_places_are_places_not_words():
    kinds = _kinds("吉林省长春市和珲春市、延边州的企业。我在长春工作，他去延边、珲春和吉林。")
    for place in ("吉林", "珲春", "长春", "延边"):
        assert kinds[place] is Kind.PLACE, place


def test_byline_names_are_names():
    assert byline_names("本报记者 邱国强 通讯员 张贵凤") == {"邱国强", "张贵凤"}
    assert byline_names("吉林日报记者 裴雨虹") == {"裴雨虹"}
    assert byline_names("长春晚报融媒体中心记者 关丽君") == {"关丽君"}
    assert byline_names("记者邵美琦") == {"邵美琦"}
    assert byline_names("记者 相文婷") == {"相文婷"}
    assert byline_names(None) == frozenset()


def test_every_bundled_byline_name_is_left_out(bundled):
    for article in bundled:
        names = byline_names(article.byline)
        counts = article_counts(article)
        assert not names & set(counts.counts), article.id
    assert all(byline_names(a.byline) for a in bundled if a.byline)


def test_common_words_jieba_tags_as_names_stay_words():
    # jieba's tagger calls these nr/ns; the dictionary knows them as common words.
    for text in ("养老服务", "海关检查", "城市发展", "高水平开放"):
        kinds = [word_kind(t) for t in tokenize(text)]
        assert kinds and all(k is Kind.WORD for k in kinds), (text, kinds)


def test_numbers_are_left_out():
    counts = count_words(tokenize("2024年全省新增3.5万人，第三次会议。"))
    assert not any(ch.isdigit() for w in counts.counts for ch in w)
    assert "第三次" not in counts.counts and counts.left_out["number"] >= 1
    assert "会议" in counts.counts


def test_score_counts_known_running_words_and_distinct_new_words():
    counts = WordCounts({"发展": 3, "经济": 2, "振兴": 1, "口岸": 4})
    s = score(counts, {"发展": Status.KNOWN, "口岸": Status.IGNORED, "经济": Status.LEARNING_1})
    assert (s.running, s.known, s.new_words, s.learning_words) == (6, 3, 1, 1)
    assert s.known_share == 0.5
    assert score(WordCounts({}), {}).known_share is None
    assert touches(counts, {"振兴"}) and not touches(counts, {"别的"})
    assert WordCounts.from_json(counts.to_json()) == counts


def test_marking_a_word_known_raises_the_share():
    tokens = [Token.build("发展", 0, 2, (), "v", 1), Token.build("振兴", 2, 4, (), "v", None)]
    counts = count_words(tokens)
    before = score(counts, {"发展": Status.KNOWN})
    after = score(counts, {"发展": Status.KNOWN, "振兴": Status.KNOWN})
    assert (before.known_share, before.new_words) == (0.5, 1)
    assert (after.known_share, after.new_words) == (1.0, 0)


def test_bundled_articles_with_hsk_1_to_4_known_score_between_30_and_95(bundled):
    statuses = dict.fromkeys(hsk_words(parse_levels("1-4")), Status.KNOWN)
    shares = {}
    for article in bundled:
        s = score(article_counts(article), statuses)
        assert s.running > 50, article.id
        shares[article.id] = s.known_share
        assert 0.30 <= s.known_share <= 0.95, (article.id, s.known_share)
        assert s.new_words > 0
    assert len(shares) >= 25


def test_session_helpers():
    from reader.learning.changes import apply_to
    from reader.learning.scoring import new_words_in, token_status
    from reader.learning.status import shows_pinyin

    counts = WordCounts({"发展": 3, "经济": 2, "振兴": 5})
    statuses = {"经济": Status.KNOWN}
    assert new_words_in(counts, statuses) == ("振兴", "发展")
    tokens = tokenize("吉林经济发展")
    marks = {t.text: token_status(t, statuses) for t in tokens}
    assert marks == {"吉林": None, "经济": Status.KNOWN, "发展": Status.NEW}
    assert shows_pinyin("all", Status.KNOWN) and not shows_pinyin("not-known", Status.KNOWN)
    assert shows_pinyin("not-known", Status.LEARNING_1) and not shows_pinyin("off", Status.NEW)
    from reader.learning.changes import StatusChange, WordStatusChanged

    change = WordStatusChanged((StatusChange("经济", Status.KNOWN, Status.NEW),
                                StatusChange("振兴", Status.NEW, Status.IGNORED)))
    assert apply_to(dict(statuses), change) == {"振兴": Status.IGNORED}
    assert apply_to(apply_to(dict(statuses), change), change.inverse()) == statuses
