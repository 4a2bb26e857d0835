"""Segmentation: offsets, glossary words, user words, the disk cache."""

import subprocess
import sys
from pathlib import Path

from reader.language import MemoryUserTerms, UserTerm, set_user_terms, tokenize

REPO = Path(__file__).resolve().parents[2]


def test_tokens_cover_the_text_exactly(corpus_texts):
    text = corpus_texts[0]
    tokens = tokenize(text, use_cache=False)
    assert "".join(t.text for t in tokens) == text
    assert all(text[t.start:t.end] == t.text for t in tokens)
    assert all(a.end == b.start for a, b in zip(tokens, tokens[1:], strict=False))


def test_punctuation_and_space_tokens_have_no_syllables():
    tokens = tokenize("6 月 3 日，在长春。\n新段落", use_cache=False)
    for t in tokens:
        if not t.is_han:
            assert t.syllables == () and t.pinyin == ""
    han = [t for t in tokens if t.is_han]
    assert all(len(t.syllables) == len(t.text) for t in han)


def test_glossary_terms_are_one_token():
    text = "满载货物的中欧班列鸣笛出发，优化营商环境，综保区迎来十五五开局。"
    words = [t.text for t in tokenize(text, use_cache=False)]
    for term in ("中欧班列", "营商环境", "综保区", "十五五"):
        assert term in words


def test_unknown_compounds_split_into_dictionary_words_but_names_stay():
    words = [t.text for t in tokenize("经济社会高质量发展，曹路宝出席。", use_cache=False)]
    assert words[:2] == ["经济", "社会"]
    assert "曹路宝" in words


def test_user_terms_join_segmentation_and_leave_again():
    text = "这是一个卡拉米新词。"
    before = [t.text for t in tokenize(text, use_cache=False)]
    assert "卡拉米" not in before
    set_user_terms(MemoryUserTerms([UserTerm("卡拉米", "kǎ lā mǐ", ("a test word",))]))
    tokens = tokenize(text)
    word = [t for t in tokens if t.text == "卡拉米"]
    assert word and word[0].pinyin == "kǎ lā mǐ"
    set_user_terms(None)
    assert [t.text for t in tokenize(text)] == before


def test_disk_cache_round_trip_without_jieba(tmp_path):
    text = "吉林省非物质文化遗产保护传承工作专题推进会在长春召开。"
    first = tokenize(text)
    assert tokenize(text) == first
    code = (
        "import sys; from reader.language import tokenize\n"
        f"toks = tokenize({text!r})\n"
        "print(' '.join(t.pinyin for t in toks if t.pinyin)); print('jieba' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                         text=True, check=True).stdout.splitlines()
    assert out[0] == " ".join(t.pinyin for t in first if t.pinyin)
    assert out[1] == "False"


def test_toneless_of_a_token():
    token = [t for t in tokenize("跨境电商", use_cache=False) if t.text == "跨境"][0]
    assert token.toneless == "kuajing"
