"""Saved words as an Anki-ready TSV or CSV: one card per word, no stray tabs or newlines."""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterable, Mapping

from reader.errors import InputError
from reader.language.hsk import hsk_label
from reader.language.spelling import display_pinyin
from reader.notes.model import SavedWord
from reader.notes.quote_pinyin import dictionary_facts

COLUMNS = ("Simplified", "Traditional", "Pinyin", "Definition", "HSK", "Sentence", "Article",
           "Note")
"""Card fields in order; Anki maps them to note fields on import (new ones go last, so an
existing field mapping keeps working)."""


def _field(text: object) -> str:
    """One field as HTML (Anki's `html:true`), on one line, without tabs or double quotes."""
    return html.escape(" ".join(str(text or "").split()), quote=True)


def _note_field(note: str | None) -> str:
    """The user's note as HTML on one line: its line breaks become `<br>`."""
    lines = [_field(line) for line in (note or "").splitlines()]
    return "<br>".join(line for line in lines if line)


def marked_sentence(sentence: str, word: str) -> str:
    """The sentence as HTML with the word's occurrences in bold (`<b>…</b>`)."""
    flat = " ".join(sentence.split())
    if not word or word not in flat:
        return _field(flat)
    # Parts are escaped as they are: `_field` would trim the spaces around the word.
    mark = f"<b>{_field(word)}</b>"
    return mark.join(html.escape(part, quote=True) for part in flat.split(word))


def card_facts(word: SavedWord) -> tuple[str, int | None]:
    """The traditional form and HSK level a card shows: the saved ones, else the dictionary's."""
    traditional, hsk = word.traditional, word.hsk
    if traditional is None or hsk is None:
        found_trad, found_hsk = dictionary_facts(word.word)
        traditional = traditional or found_trad or word.word
        hsk = hsk if hsk is not None else found_hsk
    return traditional, hsk


def word_rows(words: Iterable[SavedWord], titles: Mapping[str, str]) -> list[list[str]]:
    """One row of fields per saved word; `titles` maps article ids to titles."""
    rows = []
    for w in words:
        traditional, hsk = card_facts(w)
        rows.append([
            _field(w.word), _field(traditional), _field(display_pinyin(w.word, w.pinyin)),
            _field(w.definition),
            hsk_label(hsk) if hsk else "", marked_sentence(w.sentence, w.word),
            _field(titles.get(w.article_id) or w.article_id), _note_field(w.note),
        ])
    return rows


def export_words(words: Iterable[SavedWord], titles: Mapping[str, str],
                 fmt: str = "tsv") -> str:
    """The file text: Anki header lines (separator, html, columns), then one row per word."""
    if fmt not in ("tsv", "csv"):
        raise InputError(f"unknown format {fmt!r}; use tsv or csv")
    buf = io.StringIO()
    separator = "\t" if fmt == "tsv" else ","
    buf.write(f"#separator:{'tab' if fmt == 'tsv' else 'comma'}\n#html:true\n")
    buf.write(f"#columns:{separator.join(COLUMNS)}\n")
    rows = word_rows(words, titles)
    if fmt == "tsv":
        # Fields hold no tabs, newlines or quotes (see `_field`), so a plain join is exact.
        buf.writelines("\t".join(row) + "\n" for row in rows)
    else:
        csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()
