"""The user glossary fallback store and input validation."""

import json

import pytest

from reader.errors import InputError, ReaderError
from reader.language import JsonUserTerms, UserTerm, UserTermStore, make_term


def test_json_store_round_trip(tmp_path):
    store = JsonUserTerms(tmp_path / "g.json")
    assert isinstance(store, UserTermStore)
    assert store.user_terms() == []
    store.put_term(UserTerm("长吉图", "cháng jí tú", ("pilot zone",), "place"))
    store.put_term(UserTerm("长吉图", "cháng jí tú", ("edited",), None))
    assert [t.definitions for t in JsonUserTerms(tmp_path / "g.json").user_terms()] == [
        ("edited",)]
    assert store.delete_term("长吉图") and not store.delete_term("长吉图")
    assert store.user_terms() == []


def test_damaged_file_is_reported_and_left_alone(tmp_path):
    path = tmp_path / "g.json"
    path.write_text("{not json", encoding="utf-8")
    store = JsonUserTerms(path)
    with pytest.raises(ReaderError, match="damaged"):
        store.user_terms()
    with pytest.raises(ReaderError):
        store.put_term(UserTerm("词", "cí", ("word",)))
    assert path.read_text(encoding="utf-8") == "{not json"
    path.write_text(json.dumps([{"word": ""}]), encoding="utf-8")
    with pytest.raises(ReaderError):
        store.user_terms()


def test_make_term_validates():
    term = make_term("非遗", "fei1 yi2", ["heritage"])
    assert term.pinyin == "fēi yí"
    assert make_term("非遗", "", ["x"], default_reading="fei1 yi2").pinyin == "fēi yí"
    with pytest.raises(InputError, match="syllables"):
        make_term("非遗", "fei1", ["x"])
    with pytest.raises(InputError, match="definition"):
        make_term("非遗", "fei1 yi2", ["  "])
    with pytest.raises(InputError, match="one word"):
        make_term("非 遗", "", ["x"])
