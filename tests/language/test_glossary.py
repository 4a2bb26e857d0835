"""The news glossary data file: enough hand-checked terms, all well-formed and all needed."""

import pytest

from reader.language.cedict import load_index
from reader.language.glossary import KINDS, glossary_path, news_entries, parse_glossary
from reader.paths import seeds_dir


def test_glossary_has_enough_terms_cedict_lacks():
    entries = news_entries()
    assert len(entries) >= 120
    index = load_index()
    assert [w for w in entries if w in index] == []
    # The seeds as printed (bylines, headlines and all), line breaks inside words removed.
    text = "".join("".join(p.read_text(encoding="utf-8").split())
                   for p in seeds_dir().glob("*.txt"))
    assert [w for w in entries if w not in text] == []
    assert {e.kind for e in entries.values()} <= set(KINDS)
    for term in ("非遗", "中欧班列", "营商环境", "综保区", "十五五"):
        assert term in entries


def test_file_is_data_with_header():
    lines = glossary_path().read_text(encoding="utf-8").splitlines()
    assert "term\tpinyin\tkind\tenglish" in lines


@pytest.mark.parametrize(("line", "message"), [
    ("非遗\tfei1\tterm\tx", "does not fit"),
    ("非遗\tfei1 yi2\tslogan\tx", "unknown kind"),
    ("非遗\tfei1 yi2\tterm", "4 tab-separated"),
    ("非遗\tfei1 yi2\tterm\tx\n非遗\tfei1 yi2\tterm\ty", "listed twice"),
])
def test_bad_lines_are_reported_with_line_number(line, message):
    with pytest.raises(ValueError, match=message) as err:
        parse_glossary(line, "g.tsv")
    assert "g.tsv:" in str(err.value)
