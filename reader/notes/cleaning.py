"""Cleaning what users write before it is stored: no escape sequences, controls or bidi."""

from __future__ import annotations

from typing import Any

from reader.corpus.decode import sanitize


def clean(text: str) -> str:
    """A user-written field without escape sequences, control codes or bidi overrides."""
    return sanitize(text) if isinstance(text, str) else text


def clean_line(text: str | None) -> str | None:
    """A one-line field (word, pinyin, kind) cleaned, its line breaks made spaces."""
    if not isinstance(text, str):
        return text
    return " ".join(clean(text).split("\n"))


def clean_doc(table: str, doc: dict[str, Any]) -> None:
    """Clean, in place, the user-written fields of a stored word or term (files from before)."""
    if table == "glossary":
        for key in ("word", "pinyin", "kind"):
            doc[key] = clean_line(doc.get(key))
        if isinstance(doc.get("definitions"), list):
            doc["definitions"] = [clean(d) for d in doc["definitions"]]
    elif table == "words":
        for key in ("word", "pinyin", "traditional"):
            doc[key] = clean_line(doc.get(key))
        for key in ("definition", "sentence", "note"):
            doc[key] = clean(doc.get(key))


def clean_note(note: str | None) -> str | None:
    """Notes lose terminal escape sequences and control codes; empty ones are stored as None."""
    note = sanitize(note) if note else note
    return note if note and note.strip() else None
