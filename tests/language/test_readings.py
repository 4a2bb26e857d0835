"""Pinyin in context: CC-CEDICT's whole-word reading, pinned corrections, pypinyin fallback."""

import pytest

from reader.language import tokenize
from reader.language.audit import pinyin_disagreements
from reader.language.readings import (
    pypinyin_reading,
    pypinyin_table_reading,
    reading_overrides,
    word_reading,
)
from reader.language.tones import ALL_HAN

# Words of the seeds where pypinyin (fed the jieba token) is wrong and CC-CEDICT right.
CEDICT_FIXES = {
    "支行": "zhi1 hang2", "珲春": "hun2 chun1", "珲春市": "hun2 chun1 shi4",
    "长三角": "chang2 san1 jiao3", "长白": "chang2 bai2", "长效": "chang2 xiao4",
    "悠长": "you1 chang2", "框架": "kuang4 jia4", "变为": "bian4 wei2", "挣得": "zheng4 de2",
    "海参崴": "hai3 shen1 wai3", "无处": "wu2 chu4", "母子": "mu3 zi3", "电子": "dian4 zi3",
}


@pytest.mark.parametrize(("word", "expected"), sorted(CEDICT_FIXES.items()))
def test_cedict_reading_wins_over_pypinyin(word, expected):
    assert " ".join(word_reading(word)) == expected
    assert pypinyin_reading(word) != expected  # the error we fix is still pypinyin's


@pytest.mark.parametrize(("word", "expected"), sorted(reading_overrides().items()))
def test_pinned_readings(word, expected):
    assert " ".join(word_reading(word)) == expected


def test_city_name_in_running_text(corpus_texts):
    """pypinyin reads 珲春 (on almost every line of one seed) as huī chūn; it is hún chūn."""
    from pypinyin import Style, lazy_pinyin

    text = "吉林省珲春市。从这里出游，以珲春为支点，长春兴隆综合保税区。"
    raw = lazy_pinyin(text, style=Style.TONE3)
    assert raw[3] == "hui1"  # the failure the issue describes
    tokens = tokenize(text, use_cache=False)
    readings = {t.text: t.pinyin for t in tokens}
    assert readings["珲春"] == "hún chūn" and readings["珲春市"] == "hún chūn shì"
    assert readings["长春"] == "cháng chūn"
    in_corpus = [t for text in corpus_texts for t in tokenize(text) if "珲春" in t.text]
    assert len(in_corpus) > 10 and all(t.syllables[0].numbers == "hun2" for t in in_corpus)


def test_neutral_tones_in_context():
    tokens = tokenize("他跑得很快，更好地统一思想，他来了，我的书。", use_cache=False)
    by_text = {t.text: t for t in tokens}
    assert by_text["得"].syllables[0].tone == 5
    assert by_text["地"].syllables[0].tone == 5
    assert by_text["了"].pinyin == "le"
    assert by_text["的"].pinyin_numbers == "de5"
    # 得 not after a verb keeps its full tone.
    lone = [t for t in tokenize("得", use_cache=False)][0]
    assert lone.syllables[0].tone == 2


def test_table_reading_matches_pypinyin_on_every_corpus_token(corpus_texts):
    import jieba

    words = {w for text in corpus_texts for w in jieba.lcut(text) if ALL_HAN.fullmatch(w)}
    assert len(words) > 3000
    differ = [w for w in words if pypinyin_table_reading(w) != pypinyin_reading(w).split()]
    assert differ == []


def test_every_corpus_disagreement_is_resolved(corpus_texts):
    """Our reading is CC-CEDICT's, or a pinned correction, for every disagreement."""
    checked, found = pinyin_disagreements(corpus_texts)
    assert checked > 2000 and found
    pinned = reading_overrides()
    unresolved = [d.word for d in found if not d.fixed and d.word not in pinned]
    assert unresolved == []


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("快递小哥麻利地骑上三轮车。", "地", "de"),
        ("车辆有序地进行通关。", "地", "de"),
        ("这块地种玉米。", "地", "dì"),
        ("他很长时间没来。", "长时间", "cháng shí jiān"),
        ("孩子长大了。", "长大", "zhǎng dà"),
    ],
)
def test_readings_found_wrong_by_a_new_user(text, word, expected):
    tokens = {t.text: t.pinyin for t in tokenize(text, use_cache=False)}
    assert tokens[word] == expected
