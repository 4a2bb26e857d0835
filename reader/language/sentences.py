"""Sentence bounds in article text, for "the sentence a word stands in"."""

from __future__ import annotations

_END = "。！？!?；;…"
"""Characters that end a sentence; closing quotes and brackets after them stay with it."""
_CLOSERS = "”’」』）)】\"'"


def sentence_at(text: str, offset: int) -> tuple[int, int]:
    """Start and end offsets of the sentence containing `offset` (clamped into the text).

    Sentences end after 。！？；… (and any closing quotes) or at a line break; leading
    spaces and full-width indents are left out of the span.
    """
    if not text:
        return (0, 0)
    offset = min(max(offset, 0), len(text) - 1)
    # A closing quote right after 。 belongs to the sentence it closes.
    while offset > 0 and text[offset] in _CLOSERS and text[offset - 1] in _END + _CLOSERS:
        offset -= 1
    start = offset
    while start > 0:
        prev = text[start - 1]
        if prev == "\n":
            break
        if prev in _END or (prev in _CLOSERS and start > 1 and text[start - 2] in _END):
            break
        start -= 1
    end = offset
    while end < len(text) and text[end] != "\n":
        if text[end] in _END:
            end += 1
            while end < len(text) and text[end] in _CLOSERS:
                end += 1
            break
        end += 1
    while start < end and text[start] in " \t\u3000":
        start += 1
    return (start, max(end, start))
