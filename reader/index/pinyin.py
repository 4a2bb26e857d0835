"""Pinyin -> Chinese words, from CC-CEDICT, kept in the index for whole-word pinyin search."""

from __future__ import annotations

import sqlite3

from reader.index.pages import transaction

MAX_WORDS = 200
"""Most words one pinyin query stands for (`shi` alone spells hundreds)."""


def _stamp() -> str:
    from reader.language.cedict import INDEX_VERSION, cedict_path

    source = cedict_path()
    return f"2.{INDEX_VERSION}.{source.stat().st_size}"


def _ensure(conn: sqlite3.Connection) -> None:
    """Build the pinyin table once per dictionary version."""
    stamp = _stamp()
    row = conn.execute("SELECT value FROM meta WHERE key = 'pinyin'").fetchone()
    if row is not None and row[0] == stamp:
        return
    from reader.language.cedict import load_index
    from reader.language.tones import toneless

    index = load_index()
    rows = []
    for word, packed in index._entries.items():  # noqa: SLF001 - a bulk read of the dictionary
        for line in packed.split("\n"):
            numbers = line.split("\t", 2)[1].lower()
            rows.append((word, toneless(numbers.replace("u:", "v")), numbers.replace(" ", "")))
    with transaction(conn):
        conn.execute("DROP TABLE IF EXISTS pinyin")
        conn.execute("CREATE TABLE pinyin (word TEXT NOT NULL, toneless TEXT NOT NULL,"
                     " numbers TEXT NOT NULL)")
        conn.executemany("INSERT INTO pinyin VALUES (?, ?, ?)", rows)
        conn.execute("CREATE INDEX pinyin_toneless ON pinyin(toneless)")
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('pinyin', ?)", (stamp,))


def words_for(conn: sqlite3.Connection, query: str) -> list[str]:
    """The dictionary words whose whole reading is `query` (toned when it carries tones)."""
    import unicodedata

    from reader.language.tones import numbers_to_marks_text, toneless

    _ensure(conn)
    typed = unicodedata.normalize("NFC", query.lower()).replace(" ", "").replace("'", "")
    bare = toneless(typed.replace("ü", "v"))
    rows = conn.execute("SELECT word, numbers FROM pinyin WHERE toneless = ? LIMIT 5000",
                        (bare,)).fetchall()
    if any(c.isdigit() for c in typed):  # tone numbers: kua4jing4
        rows = [r for r in rows if r[1].replace("u:", "v") == typed.replace("ü", "v")]
    elif typed.replace("ü", "v") != bare:  # tone marks: kuàjìng
        def marks(numbers: str) -> str:
            spaced = " ".join(_syllables(numbers))
            return numbers_to_marks_text(spaced).replace(" ", "")
        rows = [r for r in rows if marks(r[1]) == typed]
    return list(dict.fromkeys(r[0] for r in rows))[:MAX_WORDS]


def _syllables(numbers: str) -> list[str]:
    """Split `kua4jing4` (as stored, spaces removed) back into syllables at the tone digits."""
    out, cur = [], ""
    for ch in numbers:
        cur += ch
        if ch.isdigit():
            out.append(cur)
            cur = ""
    if cur:
        out.append(cur)
    return out
