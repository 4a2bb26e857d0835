"""GB/T 16159 spelling, spoken tones of 一 and 不, and `reader segment --explain/--spoken`."""

import json

import pytest

from reader.cli import main
from reader.language import tokenize
from reader.language.sandhi import spoken_tones
from reader.language.spelling import text_pinyin, token_pinyin, written_pinyin
from reader.notes.quote_pinyin import pinyin_line


def test_words_written_together_with_apostrophe_and_capitals():
    assert written_pinyin("香港", ["xiāng", "gǎng"], "ns") == "Xiānggǎng"
    assert written_pinyin("西安", ["xī", "ān"], "ns") == "Xī'ān"
    assert written_pinyin("王小明", ["wáng", "xiǎo", "míng"], "nr") == "Wáng Xiǎomíng"
    assert written_pinyin("欧阳修", ["ōu", "yáng", "xiū"], "nr") == "Ōuyáng Xiū"
    assert written_pinyin("获悉", ["huò", "xī"]) == "huòxī"


def test_one_spelling_in_tokens_lookup_and_export():
    by_text = {t.text: t for t in tokenize("吉林省商务厅获悉，长春支行开业。", use_cache=False)}
    assert token_pinyin(by_text["获悉"]) == "huòxī"
    assert token_pinyin(by_text["长春"]) == "Chángchūn"
    line = pinyin_line("记者从吉林省商务厅获悉")
    assert "huòxī" in line and line.startswith("Jìzhě cóng") and "jí lín" not in line
    assert text_pinyin(tokenize("长春 2024", use_cache=False)) == "Chángchūn 2024"


@pytest.mark.parametrize(("text", "written"), [
    ("据了解，这是长春的工程。", "Jù liǎojiě, zhè shì Chángchūn de gōngchéng."),
    ("他说：“好！”然后走了。", 'Tā shuō: "Hǎo!" Ránhòu zǒu le.'),
    ("（据报道）会议召开……", "(Jù bàodào) huìyì zhàokāi..."),
    ("交通、教育", "Jiāotōng, jiàoyù"),
])
def test_text_pinyin_writes_marks_against_their_word_and_capitalises_sentences(text, written):
    # GB/T 16159: a sentence's first letter is a capital; marks are written as in Western text
    assert text_pinyin(tokenize(text, use_cache=False)) == written


@pytest.mark.parametrize(("text", "word", "spoken"), [
    ("一个人", "一个", "yígè"),
    ("一天", "一天", "yìtiān"),
    ("不是", "不是", "búshì"),
    ("不去。", "不", "bú"),
    ("不好", "不好", "bùhǎo"),
    ("看一看", "看一看", "kànyikàn"),
    ("第一天", "第一天", "dìyītiān"),
    ("一月", "一月", "yīyuè"),
    ("统一思想", "统一", "tǒngyī"),
])
def test_spoken_tones_of_yi_and_bu(text, word, spoken):
    tokens = tokenize(text, use_cache=False)
    spoken_by_text = {t.text: token_pinyin(t) for t in spoken_tones(tokens)}
    assert spoken_by_text[word] == spoken
    written = {t.text: t for t in tokens}[word]
    assert all(s.numbers in ("yi1", "bu4") for s in written.syllables if s.char in "一不")


def test_segment_spoken_and_explain(capsys):
    assert main(["segment", "--spoken", "--json", "一个人不是"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["pinyin"] for r in rows] == ["yí gè", "rén", "bú shì"]
    assert main(["segment", "--explain", "--json", "他为人民所爱戴，我们得努力。"]) == 0
    rows = {r["text"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["为"]["sources"] == ["rule (neighbouring words)"]
    assert rows["人民"]["sources"] == ["dictionary", "dictionary"]
    assert main(["segment", "--explain", "当天下午"]) == 0
    out = capsys.readouterr().out
    assert "dāngtiān" in out and "model 1.00" in out


def test_breakdown_puts_common_senses_first_and_explains_abb():
    from reader.language import lookup

    result = lookup("黑漆漆")
    assert result.pinyin == "hēiqīqī"
    first, rest = result.components
    assert first.definitions[0] == "black"
    assert not any(d.startswith("abbr.") for d in first.definitions[:3])
    assert rest.text == "漆漆" and "ABB reduplication" in rest.definitions[0]
    assert lookup("经济社会发展").pinyin == "jīngjì shèhuì fāzhǎn"


def test_stored_pinyin_is_displayed_in_one_spelling():
    """Saved words and glossary terms keep CC-CEDICT's spaced syllables; shown GB/T 16159."""
    from reader.language.spelling import display_pinyin, term_pinyin

    assert display_pinyin("香港", "xiāng gǎng") == "Xiānggǎng"  # a place, as the pop-up says
    assert display_pinyin("快递", "kuài dì") == "kuàidì"
    assert display_pinyin("西安", "xī ān") == "Xī'ān"
    assert display_pinyin("吉林省", "jí lín shěng") == "Jílínshěng"
    assert display_pinyin("习近平", "xí jìn píng") == "Xí Jìnpíng"
    assert display_pinyin("非遗", "fei1 yi2") == "fēiyí"
    assert display_pinyin("香港", "Xiānggǎng") == "Xiānggǎng"  # already written: unchanged
    assert display_pinyin("快递", "kuài") == "kuài"  # the user's, not aligned: as stored
    assert display_pinyin("快递", "kuài dì", proper=True) == "Kuàidì"
    assert term_pinyin("我省", "wǒ shěng", "term") == "wǒshěng"
    assert term_pinyin("长白山", "cháng bái shān", "place") == "Chángbáishān"


def test_typed_pinyin_matches_with_or_without_tones_and_spaces():
    from reader.language.tones import pinyin_matches

    for query in ("xianggang", "xiang gang", "xiang", "gang", "xiang1gang3", "xiāng",
                  "xiāng gǎng", "xiānggǎng", "Xianggang"):
        assert pinyin_matches("xiāng gǎng", query), query
        assert pinyin_matches("Xiānggǎng", query), query
    for query in ("xiang3", "xiǎng", "kuaidi", "xiang1gang1", ""):
        assert not pinyin_matches("xiāng gǎng", query), query
    assert pinyin_matches("lǜ sè", "lvse") and pinyin_matches("lǜ sè", "lü4")


def test_a_word_cut_at_a_line_end_keeps_its_spelling():
    from reader.language.spelling import slice_pieces

    [token] = [t for t in tokenize("吉林省", use_cache=False) if t.text == "吉林省"]
    assert "".join(p for p, _ in slice_pieces(token, token.start, token.end)) == "Jílínshěng"
    assert "".join(p for p, _ in slice_pieces(token, token.start, token.start + 2)) == "Jílín"
    assert "".join(p for p, _ in slice_pieces(token, token.start + 2, token.end)) == "shěng"
    [name] = [t for t in tokenize("副省长景俊海出席", use_cache=False) if t.text == "景俊海"]
    assert "".join(p for p, _ in slice_pieces(name, name.start, name.end)) == "Jǐng Jùnhǎi"
    assert "".join(p for p, _ in slice_pieces(name, name.start, name.start + 2)) == "Jǐng Jùn"


def test_news_glossary_entries_are_spelled_gb_t():
    from reader.language.lookup import lookup

    [news] = [e for e in lookup("我省").entries if e.source == "news"]
    assert news.pinyin == "wǒshěng"


def test_ordinary_words_jieba_tags_as_names_are_written_in_lower_case():
    # jieba's dictionary tags 蓝图 nr and 城市 ns; CC-CEDICT has them only as ordinary words
    tokens = tokenize("擘画发展新蓝图，建设文明城市，长春市和吉林省，王小明来了", use_cache=False)
    written = text_pinyin(tokens)
    assert "lántú" in written and "chéngshì" in written and "wénmíng" in written
    assert "Chángchūnshì" in written and "Jílínshěng" in written and "Wáng Xiǎomíng" in written
    assert {t.text: t.pos for t in tokens}["蓝图"] == "n"


@pytest.mark.parametrize(("text", "written"), [
    # jieba tags these nr; CC-CEDICT has them as a place, an ordinary word, or not at all
    ("拓展延吉至海参崴航线。", "Yánjí"),
    ("打造智能化设施。", "zhìnénghuà"),
    ("森林康养、温泉医养。", "wēnquán"),
    # an abstract noun's suffix ends no proper noun (jieba tags these ns and nr)
    ("推进法治化建设。", "fǎzhìhuà"),
    ("提升群众满意度。", "mǎnyìdù"),
    ("增强获得感幸福感。", "xìngfúgǎn"),
    ("建设陆港型国家物流枢纽。", "lùgǎngxíng"),
    # a lone character jieba tags nr is a name only before a title or kin word
    ("布局海外仓。", "hǎiwài cāng"),
    ("如今，薛阿姨每天都来。", "Xuē āyí"),
    # no name follows a number, and none ends in a particle
    ("村民500余人参加。", "500 yúrén"),
    ("但是干得多挣得就多。", "gàn de duō"),
    # two characters read as a name only when that reads better than two words
    ("快递小哥张贺然见车来了。", "Zhāng Hèrán jiàn chē lái le"),
    ("辽宁游客王辉说。", "Wáng Huī shuō"),
    # CC-CEDICT writes a person's surname and given name with capitals (Xi2 Jin4 ping2)
    ("习近平总书记指出。", "Xí Jìnpíng"),
])
def test_person_tags_hold_only_for_names(text, written):
    assert written in text_pinyin(tokenize(text, use_cache=False))


def test_dictionary_entries_split_only_chinese_personal_names():
    from reader.language.lookup import lookup

    assert lookup("习近平").entries[0].pinyin == "Xí Jìnpíng"
    assert lookup("诸葛亮").entries[0].pinyin == "Zhūgě Liàng"
    # one capital in CC-CEDICT: one word, as GB/T 16159 writes foreign and one-part names
    assert lookup("孔子").entries[0].pinyin == "Kǒngzǐ"
    assert lookup("奥巴马").entries[0].pinyin == "Àobāmǎ"
    assert not lookup("延吉", pos="nr").name and lookup("延吉", pos="nr").pinyin == "Yánjí"
