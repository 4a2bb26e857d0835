"""`reader export-words --format apkg`: one note per saved word, stable ids, readable by stdlib."""

from __future__ import annotations

import sqlite3
import zipfile

from reader.cli import main
from reader.notes.store import NotesStore

ARTICLE = "000_7f3daf117c43b295-ddaa5f80"


def _read(path, tmp_path):
    with zipfile.ZipFile(path) as z:
        assert "collection.anki2" in z.namelist()
        db = tmp_path / f"{path.stem}.anki2"
        db.write_bytes(z.read("collection.anki2"))
    con = sqlite3.connect(db)
    try:
        rows = con.execute("SELECT guid, mid, tags, flds FROM notes ORDER BY guid").fetchall()
        cards = con.execute("SELECT count(*) FROM cards").fetchone()[0]
    finally:
        con.close()
    return rows, cards


def test_apkg_has_one_note_per_word_and_stable_ids(isolated_home, tmp_path, capsys):
    with NotesStore.open(isolated_home) as store:
        store.save_word("吉林", "Jílín", "Jilin province", "吉林省的经济<发展>。", ARTICLE,
                        "000_7f3daf117c43b295", note="我的笔记")
        store.save_word("振兴", "zhènxīng", "revitalize", "全面振兴。", ARTICLE,
                        "000_7f3daf117c43b295")
    first, second = tmp_path / "a.apkg", tmp_path / "b.apkg"
    assert main(["export-words", "--format", "apkg", "--out", str(first)]) == 0
    assert "wrote 2 words" in capsys.readouterr().err
    assert main(["export-words", "--format", "apkg", "--out", str(first)]) == 2  # no --force
    with NotesStore.open(isolated_home) as store:
        (w,) = [w for w in store.words() if w.word == "振兴"]
        store.update_word(w.id, definition="to revive")
    assert main(["export-words", "--format", "apkg", "--out", str(second)]) == 0
    rows1, cards1 = _read(first, tmp_path)
    rows2, _ = _read(second, tmp_path)
    assert len(rows1) == 2 and cards1 == 2
    assert [r[:2] for r in rows1] == [r[:2] for r in rows2]  # same guids and note type
    fields = {r[3].split("\x1f")[0]: r[3].split("\x1f") for r in rows2}
    jilin = fields["吉林"]
    assert len(jilin) == 9
    assert jilin[1] == "吉林" and jilin[2] == "Jílín" and jilin[4] == "我的笔记"
    assert jilin[6] == "<b>吉林</b>省的经济&lt;发展&gt;。"
    assert jilin[8] and jilin[7]  # article title and date
    assert fields["振兴"][3] == "to revive"
    tags = {r[3].split("\x1f")[0]: r[2].split() for r in rows2}
    assert any(t.startswith("HSK") for t in tags["振兴"])
    assert len(tags["吉林"]) == 2  # HSK band and paper


def test_apkg_needs_an_out_file(isolated_home, capsys):
    assert main(["export-words", "--format", "apkg"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_apkg_and_markdown_spell_stored_pinyin_gb_t(isolated_home, tmp_path, capsys):
    """Pinyin stored one syllable at a time (`xiāng gǎng`) is exported as GB/T 16159 writes it,
    in the Anki field and in the Markdown export's word list (issue 14 item 18)."""
    from reader.corpus.library import load_library
    from reader.notes.export import export_markdown

    library = load_library(isolated_home / "library")
    issue = library[0]
    article = next(a for a in issue.articles if "吉林" in a.text)
    at = article.text.index("吉林")
    with NotesStore.open(isolated_home) as store:
        store.save_word("吉林", "jí lín", "Jilin province", article.text[at:at + 12], article.id,
                        issue.id)
        store.save_word("快递", "kuài dì", "express delivery", "快递到了。", ARTICLE, issue.id)
        store.add_highlight(issue.id, article.id, article.text, at, at + 12)
    out = tmp_path / "w.apkg"
    assert main(["export-words", "--format", "apkg", "--out", str(out)]) == 0
    rows, _ = _read(out, tmp_path)
    pinyin = {r[3].split("\x1f")[0]: r[3].split("\x1f")[2] for r in rows}
    assert pinyin == {"吉林": "Jílín", "快递": "kuàidì"}
    with NotesStore.open(isolated_home, read_only=True) as store:
        md = export_markdown(store.highlights(), store.words(), library)
    assert "**吉林** Jílín:" in md and "jí lín" not in md
