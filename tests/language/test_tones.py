"""Tone numbers, tone marks and toneless search keys."""

import pytest

from reader.language import toneless
from reader.language.tones import marks_to_numbers, numbers_to_marks, parse_reading, syllable


@pytest.mark.parametrize(("numbers", "marks"), [
    ("chang2", "cháng"), ("chun1", "chūn"), ("lu:4", "lǜ"), ("nü3", "nǚ"), ("de5", "de"),
    ("gui4", "guì"), ("liu2", "liú"), ("zhuang4", "zhuàng"), ("xue2", "xué"), ("Xi2", "xí"),
])
def test_numbers_to_marks_and_back(numbers, marks):
    assert numbers_to_marks(numbers) == marks
    assert marks_to_numbers(marks) == numbers.lower().replace("u:", "ü")


def test_neutral_syllable_has_tone_five_and_no_mark():
    s = syllable("的", "de5")
    assert (s.marks, s.numbers, s.tone) == ("de", "de5", 5)
    assert syllable("，", "").tone == 0


def test_parse_reading_accepts_marks_numbers_and_run_together():
    assert parse_reading("fēi yí") == ["fei1", "yi2"]
    assert parse_reading("fei1yi2") == ["fei1", "yi2"]
    assert parse_reading("lv4 nǚ") == ["lü4", "nü3"]


def test_toneless():
    assert toneless("kuà jìng") == "kuajing"
    assert toneless("Cháng chūn") == "changchun"
    assert toneless("nǚ xìng") == "nvxing"
    assert toneless("kua4 jing4") == "kuajing"
