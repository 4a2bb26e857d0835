"""Pinyin lines and dictionary facts for exports, from the language layer when it is there."""

from __future__ import annotations

from functools import lru_cache


def pinyin_line(text: str) -> str:
    """The reading of `text` word by word (GB/T 16159: `Jílínshěng shāngwùtīng huòxī`).

    Uses the language layer's `tokenize` (jieba words, the user's glossary) when installed;
    otherwise pypinyin's own phrase segmentation.
    """
    try:
        from reader.language import tokenize
        from reader.language.spelling import text_pinyin
    except ImportError:
        return _pypinyin_line(text)
    return text_pinyin(tokenize(text))


def _pypinyin_line(text: str) -> str:
    """Fallback reading with pypinyin (syllables joined per character run)."""
    from pypinyin import Style, pinyin

    parts = (s[0] for s in pinyin(text, style=Style.TONE, errors=lambda x: [x]) if s)
    return " ".join(" ".join(parts).split())


@lru_cache(maxsize=4096)
def dictionary_facts(word: str) -> tuple[str | None, int | None]:
    """(traditional form, HSK level) of a word from the language layer; Nones without it."""
    try:
        from reader.language import lookup
    except ImportError:
        return None, None
    try:
        result = lookup(word)
    except Exception:  # a lookup failure must not stop an export of the user's own data
        return None, None
    traditional = next((e.traditional for e in result.entries if e.traditional), None)
    return traditional, result.hsk
