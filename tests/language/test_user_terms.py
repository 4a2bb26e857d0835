"""Validation of user glossary terms (the store itself is tested with the notes store)."""


import pytest

from reader.errors import InputError
from reader.language import make_term


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
