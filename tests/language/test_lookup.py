"""Lookup: source priority, resolved references, breakdowns, quantities, names, coverage."""


from reader.language import MemoryUserTerms, UserTerm, is_explained, lookup, set_user_terms
from reader.language.audit import coverage


def test_cedict_entry_with_classifiers_and_hsk():
    result = lookup("东西")
    assert result.hsk == 1
    assert {e.pinyin for e in result.entries} == {"dōngxī", "dōngxi"}
    thing = [e for e in result.entries if e.pinyin == "dōngxi"][0]
    assert "个 gè" in thing.classifiers
    assert not any(d.startswith("CL:") for d in thing.definitions)


def test_cross_reference_resolved_to_target_gloss():
    result = lookup("乾")
    variant = [e for e in result.entries if e.definitions == ("old variant of 乾[qian2]",)][0]
    assert variant.see_also and "Eight Trigrams" in variant.see_also[0]


def test_traditional_form_lookup():
    result = lookup("長春")
    assert result.entries and result.entries[0].simplified == "长春"
    assert result.pinyin == "Chángchūn"


def test_priority_user_then_news_then_cedict():
    assert [e.source for e in lookup("非遗").entries] == ["news"]
    set_user_terms(MemoryUserTerms([
        UserTerm("非遗", "fēi yí", ("my own note",)),
        UserTerm("发展", "fā zhǎn", ("to develop (mine)",)),
    ]))
    assert [e.source for e in lookup("非遗").entries] == ["user", "news"]
    sources = [e.source for e in lookup("发展").entries]
    assert sources[0] == "user" and "cedict" in sources


def test_breakdown_of_unknown_word_uses_longest_known_parts():
    result = lookup("经济社会发展")
    assert not result.entries
    assert [c.text for c in result.components] == ["经济", "社会", "发展"]
    assert result.components[0].pinyin == "jīngjì"
    assert is_explained(result)


def test_component_gloss_follows_the_reading_in_context():
    result = lookup("工商银行长春支行")
    assert [c.text for c in result.components] == ["工商银行", "长春", "支行"]
    assert result.components[2].pinyin == "zhīháng"


def test_numbers_with_measure_words():
    assert "17,000" in lookup("1.7万余户").number and "more than" in lookup("1.7万余户").number
    assert "120" in lookup("120件").number and "件" in lookup("120件").number
    assert lookup("第十七届").number.startswith("number with measure word: ordinal 17")
    assert lookup("发展").number is None


def test_names():
    assert lookup("曹路宝").name
    assert lookup("曹路宝", pos="nr").name
    assert not lookup("文明", pos="nr").name  # jieba tags it nr; it is not a name
    assert not lookup("发展").name


def test_corpus_coverage_meets_the_issue(corpus_texts):
    ours = coverage(corpus_texts)
    assert ours.distinct > 3000
    assert ours.explained == ours.distinct, ours.unexplained
    assert ours.with_entry / ours.distinct >= 0.80
    bare = coverage(corpus_texts, bare_jieba=True)
    assert bare.explained == bare.distinct, bare.unexplained
    assert bare.with_entry / bare.distinct > bare.with_cedict / bare.distinct
