"""The in-article search folds pinyin as the index and saved-words search do: ü as v."""

from __future__ import annotations

from reader.language import tokenize
from reader.language.tones import pinyin_matches, toneless
from reader.tui.article_search import find_matches, fold_pinyin

TEXT = "绿色发展，旅游路线。"


def _found(query: str) -> list[str]:
    return [TEXT[a:b] for a, b in find_matches(TEXT, list(tokenize(TEXT)), query)]


def test_u_umlaut_is_typed_as_v_or_u_umlaut_in_every_search() -> None:
    assert fold_pinyin("lǜ sè") == fold_pinyin("lv4se4") == fold_pinyin("lü se") == "lvse"
    assert _found("lvse") == _found("lüsè") == ["绿色"]
    assert _found("lvyou") == ["旅游"]
    assert _found("luxian") == ["路线"]  # lu is lù, never lǜ
    assert _found("luse") == [] and _found("luyou") == []
    # the same answers as the saved-words matcher and the index's folding
    assert pinyin_matches("lǜ sè", "lvse") and not pinyin_matches("lǜ sè", "luse")
    assert toneless("lüsè") == toneless("lvse") == fold_pinyin("lǜsè")
