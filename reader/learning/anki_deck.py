"""Saved words as an Anki package (`.apkg`, via genanki) with stable ids: re-importing updates."""

from __future__ import annotations

import html
import io
import itertools
import json
import os
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from reader.corpus.model import Issue
from reader.language.hsk import hsk_label
from reader.language.spelling import display_pinyin
from reader.notes.export_words import card_facts, marked_sentence
from reader.notes.model import SavedWord

MODEL_ID = 1_607_392_319
"""Anki note type id of Dubao's word notes; never change it (Anki matches notes by it)."""
DECK_ID = 2_059_400_110
"""Anki deck id of the Dubao deck."""
FIELDS = ("Simplified", "Traditional", "Pinyin", "Definition", "Note", "HSK", "Sentence",
          "Article", "Date")
"""Note fields in order."""
APKG_FILE = "dubao-words.apkg"
"""The package's file name when only a folder is given (CLI and app)."""

_CSS = ".card { font-family: sans-serif; font-size: 22px; text-align: center; }\n" \
       ".hanzi { font-size: 48px; } .sentence { font-size: 26px; } .meta { color: #888; }"
_FRONT = '<div class="hanzi">{{Simplified}}</div><div class="sentence">{{Sentence}}</div>'
_BACK = ('{{FrontSide}}<hr id="answer"><div>{{Pinyin}}</div><div>{{Definition}}</div>'
         '<div>{{Note}}</div><div class="meta">HSK {{HSK}} · {{Article}} · {{Date}}</div>')


@dataclass(frozen=True)
class ArticleInfo:
    """What a card says about the article a word was saved from."""

    title: str
    paper: str | None = None
    date: str | None = None


def note_guid(word: SavedWord) -> str:
    """The note's stable guid: from the word itself, so re-exports update the same note."""
    import genanki

    return genanki.guid_for("dubao-word", word.word)


def _tag(text: str) -> str:
    """Anki tags hold no blanks."""
    return "_".join(text.split())


def build_notes(words: Iterable[SavedWord], articles: Mapping[str, ArticleInfo]) -> list:
    """One genanki.Note per saved word."""
    import genanki

    model = genanki.Model(MODEL_ID, "Dubao word", fields=[{"name": f} for f in FIELDS],
                          templates=[{"name": "Word in its sentence", "qfmt": _FRONT,
                                      "afmt": _BACK}], css=_CSS)
    notes = []
    for w in words:
        traditional, hsk = card_facts(w)
        info = articles.get(w.article_id) or ArticleInfo(w.article_id)
        fields = [html.escape(v, quote=False) for v in (
            w.word, traditional, display_pinyin(w.word, w.pinyin), w.definition, w.note or "",
            hsk_label(hsk))]
        fields += [marked_sentence(w.sentence, w.word), html.escape(info.title, quote=False),
                   html.escape(info.date or "", quote=False)]
        tags = [f"HSK{hsk_label(hsk)}" if hsk else "HSK-none"]
        if info.paper:
            tags.append(_tag(info.paper))
        notes.append(genanki.Note(model=model, fields=fields, guid=note_guid(w), tags=tags))
    return notes


def apkg_bytes(words: Iterable[SavedWord], articles: Mapping[str, ArticleInfo],
               deck_name: str = "Dubao") -> bytes:
    """The `.apkg` file's bytes: a zip holding the SQLite collection Anki imports."""
    import genanki

    deck = genanki.Deck(DECK_ID, deck_name)
    for note in build_notes(words, articles):
        deck.add_note(note)
    package = genanki.Package(deck)
    # Package.write_to_file leaves its temporary database behind; build it ourselves.
    with tempfile.TemporaryDirectory(prefix="dubao-apkg-") as tmp:
        db = os.path.join(tmp, "collection.anki2")
        con = sqlite3.connect(db)
        try:
            stamp = time.time()
            package.write_to_db(con.cursor(), stamp, itertools.count(int(stamp * 1000)))
            con.commit()
        finally:
            con.close()
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            z.write(db, "collection.anki2")
            z.writestr("media", json.dumps({}))
    return buf.getvalue()


def article_infos(issues: Iterable[Issue]) -> dict[str, ArticleInfo]:
    """What the cards say about each article of a library, by article id."""
    return {a.id: ArticleInfo(a.title, i.paper, i.date) for i in issues for a in i.articles}


def write_apkg(target: Path, data: bytes, overwrite: bool) -> Path:
    """Write the package; an existing file only with `overwrite` (replaced atomically)."""
    from reader.notes.filenames import write_file

    return write_file(target, data, overwrite)
