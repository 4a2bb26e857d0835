"""The status-mark tables the article painter reads: only the words a change names move."""

from __future__ import annotations

from rich.style import Style

from reader.language import tokenize
from reader.learning.status import Status
from reader.tui.widgets.status_marks import (
    PINYIN_CYCLE,
    Palette,
    StatusMarks,
    markable_starts,
    next_pinyin,
)

TEXT = "会议指出，吉林省跨境电商发展迅速。会议强调，景俊海出席会议。"
MARKED = (Status.NEW, Status.LEARNING_1, Status.LEARNING_2, Status.LEARNING_3,
          Status.LEARNING_4)
PALETTE = Palette({s: Style(bgcolor=f"#0000{n:02x}") for n, s in enumerate(MARKED, 1)},
                  {s: Style(bgcolor=f"#00{n:02x}00") for n, s in enumerate(MARKED, 1)})


def loaded(statuses: dict[str, Status]) -> tuple[StatusMarks, list]:
    tokens = list(tokenize(TEXT))
    marks = StatusMarks()
    marks.set_palette(PALETTE)
    marks.load(tokens, markable_starts(tokens), statuses)
    return marks, tokens


def starts_of(tokens: list, word: str) -> set[int]:
    return {t.start for t in tokens if t.text == word}


def test_new_and_learning_words_are_tinted_known_names_and_places_are_not() -> None:
    marks, tokens = loaded({"发展": Status.KNOWN, "迅速": Status.LEARNING_3,
                            "强调": Status.IGNORED})
    by_word = {t.text: marks.marked(t) for t in tokens if t.is_han}
    assert by_word["会议"] is Status.NEW and by_word["迅速"] is Status.LEARNING_3
    assert by_word["发展"] is None and by_word["强调"] is None
    assert by_word["吉林省"] is None and by_word["景俊海"] is None  # a place, a name
    meeting = starts_of(tokens, "会议")
    assert len(meeting) == 3
    assert {marks.tints[s] for s in meeting} == {(PALETTE.plain[Status.NEW],
                                                  PALETTE.shaded[Status.NEW])}


def test_a_change_restyles_only_the_words_it_names() -> None:
    marks, tokens = loaded({})
    before = dict(marks.tints)
    changed = marks.update({"会议": Status.LEARNING_2}, {"会议"})
    assert changed == starts_of(tokens, "会议")
    assert {k: v for k, v in marks.tints.items() if k not in changed} == \
        {k: v for k, v in before.items() if k not in changed}
    assert marks.update({"会议": Status.LEARNING_2}, {"会议"}) == set()  # nothing new
    # without the words named, every word that differs is found
    assert marks.update({"会议": Status.KNOWN, "跨境": Status.KNOWN}) == \
        starts_of(tokens, "会议") | starts_of(tokens, "跨境")
    assert not any(s in marks.tints for s in starts_of(tokens, "跨境"))
    assert "跨境" not in marks.remaining_new() and "电商" in marks.remaining_new()
    assert "吉林省" not in marks.remaining_new()


def test_hiding_the_marks_and_the_pinyin_modes() -> None:
    marks, tokens = loaded({"会议": Status.KNOWN})
    assert marks.tints and not marks.no_pinyin
    assert marks.set_shown(False) and not marks.tints
    hidden = marks.set_pinyin_mode("not-known")
    assert hidden == starts_of(tokens, "会议") == marks.no_pinyin  # known words only
    marks.set_pinyin_mode("off")
    assert marks.no_pinyin == {t.start for t in tokens if t.is_han}
    marks.set_pinyin_mode("all")
    assert not marks.no_pinyin


def test_p_cycles_hover_line_line_not_known_off() -> None:
    state = PINYIN_CYCLE[0]
    seen = []
    for _ in PINYIN_CYCLE:
        state = next_pinyin(*state)
        seen.append(state)
    assert seen == [*PINYIN_CYCLE[1:], PINYIN_CYCLE[0]]
    assert next_pinyin(False, "not-known") == (True, "all")  # a state off the cycle
