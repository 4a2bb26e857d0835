"""NotesStore API: highlights, words, progress, user terms, read-only mode, persistence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.errors import InputError
from reader.notes.errors import ReadOnlyError, StoreLockedError, UnknownIdError
from reader.notes.store import NotesStore

TEXT = "今天天气很好，我们去公园散步。\n明天可能会下雨，记得带伞。公园里人很多。"


@pytest.fixture
def store(isolated_home: Path):
    s = NotesStore.open(isolated_home)
    yield s
    s.close()


def reopen(home: Path) -> NotesStore:
    return NotesStore.open(home, read_only=True)


def test_add_highlight_computes_quote_and_context(store, isolated_home):
    start = TEXT.index("公园")
    h = store.add_highlight("i1", "i1-a", TEXT, start, start + 2, color="green", note="park")
    assert h.id.startswith("h-")
    assert (h.quote, h.prefix, h.suffix) == ("公园", TEXT[:start], TEXT[start + 2:][:32])
    assert h.created == h.updated and h.created.endswith("+00:00")
    with reopen(isolated_home) as again:
        assert again.highlights() == [h]


def test_highlights_filter_and_order(store):
    late = store.add_highlight("i1", "i1-a", TEXT, 20, 24)
    early = store.add_highlight("i1", "i1-a", TEXT, 2, 4)
    other = store.add_highlight("i2", "i2-b", TEXT, 0, 2)
    assert store.highlights(article_id="i1-a") == [early, late]
    assert store.highlights(issue_id="i2") == [other]
    assert len(store.highlights()) == 3


def test_bad_highlights_are_refused(store):
    with pytest.raises(InputError):
        store.add_highlight("i1", "i1-a", TEXT, 5, 5)
    with pytest.raises(InputError):
        store.add_highlight("i1", "i1-a", TEXT, 0, len(TEXT) + 1)
    with pytest.raises(InputError, match="unknown colour"):
        store.add_highlight("i1", "i1-a", TEXT, 0, 2, color="red")
    assert store.highlights() == []


def test_update_note_color_delete_and_restore(store, isolated_home):
    h = store.add_highlight("i1", "i1-a", TEXT, 0, 2)
    assert store.update_note(h.id, "  ").note is None
    assert store.update_note(h.id, "天气").note == "天气"
    assert store.set_color(h.id, "pink").color == "pink"
    with pytest.raises(InputError):
        store.set_color(h.id, "mauve")
    gone = store.delete_highlight(h.id)
    assert gone.note == "天气" and store.highlights() == []
    with pytest.raises(UnknownIdError):
        store.update_note(h.id, "x")
    store.restore_highlight(gone)
    with reopen(isolated_home) as again:
        assert again.get_highlight(h.id) == gone
    with pytest.raises(InputError):
        store.restore_highlight(gone)


def test_move_highlight_after_reanchoring(store):
    h = store.add_highlight("i1", "i1-a", TEXT, 7, 9)
    new_text = "插入的文字" + TEXT
    (placement,) = store.reanchor([h], new_text)
    moved = store.move_highlight(placement, new_text)
    assert (moved.start, moved.quote) == (12, "我们")
    assert moved.prefix.endswith("，") and moved.prefix.startswith("插入")


def test_saved_words_crud(store, isolated_home):
    w = store.save_word("公园", "gōng yuán", "park", "我们去公园散步。", "i1-a", "i1",
                        traditional="公園", hsk=2)
    assert w.id.startswith("w-") and w.note is None
    again = store.save_word("公园", "gōng yuán", "public park", "公园里人很多。", "i1-a", "i1",
                            replace=True)
    assert again.id == w.id and len(store.words()) == 1
    assert store.get_word(w.id).definition == "public park"
    assert store.update_word(w.id, note="常用").note == "常用"
    with pytest.raises(InputError):
        store.update_word(w.id, created="yesterday")
    with reopen(isolated_home) as ro:
        assert ro.words()[0].note == "常用"
    assert store.delete_word(w.id).word == "公园"
    assert store.words() == []


def test_words_saved_in_the_same_second_keep_the_order_they_were_saved(
        store, isolated_home, monkeypatch):
    import reader.notes.store as store_module

    monkeypatch.setattr(store_module, "now_iso", lambda: "2026-01-01T08:00:00+00:00")
    words = ["快递", "黑漆漆", "公园", "清晨", "货车", "缓缓", "门口", "包子"]
    for w in words:
        store.save_word(w, "", "", "", "i1-a", "i1")
    assert [w.word for w in store.words()] == words
    with reopen(isolated_home) as again:
        assert [w.word for w in again.words()] == words


def test_a_deleted_word_is_restored_with_its_id_once(store, isolated_home):
    w = store.save_word("公园", "gōng yuán", "park", "我们去公园散步。", "i1-a", "i1", note="常用")
    gone = store.delete_word(w.id)
    assert store.restore_word(gone) == gone
    with reopen(isolated_home) as again:
        assert again.get_word(w.id) == gone
    with pytest.raises(InputError):
        store.restore_word(gone)  # there already
    store.delete_word(w.id)
    store.save_word("公园", "gōng yuán", "park", "", "i1-a", "i1")  # saved again, a new id
    with pytest.raises(InputError):
        store.restore_word(gone)  # one record per word
    assert len(store.words()) == 1


def test_saving_a_saved_word_keeps_the_users_edits_and_says_so(store, isolated_home):
    first = store.add_word("香港", "Xiānggǎng", "Hong Kong", "我省经贸团启程赴香港。", "i1-a",
                           "i1", hsk=5)
    assert not first.already_saved
    store.update_word(first.word.id, definition="Hong Kong SAR", note="港=harbour")
    again = store.add_word("香港", "xiāng gǎng", "Hong Kong", "香港是一座城市。", "i2-b", "i2",
                           note="overwritten?")
    assert again.already_saved and again.word.id == first.word.id
    kept = store.get_word(first.word.id)
    assert (kept.definition, kept.sentence, kept.article_id, kept.issue_id, kept.note) == (
        "Hong Kong SAR", "我省经贸团启程赴香港。", "i1-a", "i1", "港=harbour")
    assert store.save_word("香港", "x", "Hong Kong", "s", "i3-c", "i3") == kept
    assert store.find_word("香港") == kept and store.find_word("九龙") is None
    with reopen(isolated_home) as ro:
        assert ro.words() == [kept]


def test_progress(store, isolated_home):
    assert store.get_progress("i1-a") is None
    p = store.set_progress("i1-a", 120)
    assert (p.offset, p.read) == (120, False)
    assert store.set_progress("i1-a", 120) == p  # unchanged: no write, same record
    store.set_progress("i1-a", 300, read=True)
    with reopen(isolated_home) as ro:
        got = ro.get_progress("i1-a")
    assert (got.offset, got.read) == (300, True)
    store.close()  # the notes file then holds every change (the journal is folded in)
    data = json.loads((isolated_home / "notes.json").read_text(encoding="utf-8"))
    assert len(data["progress"]) == 1


def test_user_glossary_terms(store, isolated_home):
    from reader.notes.model import UserTerm

    store.put_term(UserTerm("两会", "liǎng huì", ("the Two Sessions",), "institution"))
    store.put_term(UserTerm("一带一路", "yī dài yī lù", ("Belt and Road",)))
    defs = ("NPC and CPPCC plenary sessions", "the Two Sessions")
    store.put_term(UserTerm("两会", "liǎng huì", defs, "institution"))  # replaces
    with reopen(isolated_home) as ro:
        terms = ro.user_terms()
    assert [(t.word, t.definitions, t.kind) for t in terms] == [
        ("一带一路", ("Belt and Road",), None), ("两会", defs, "institution")]
    with pytest.raises(InputError):
        store.put_term(UserTerm(" ", "x", ("y",)))
    assert store.delete_term("两会") is True
    assert store.delete_term("两会") is False
    assert [t.word for t in store.user_terms()] == ["一带一路"]


def test_store_is_the_language_layers_user_term_store(store):
    user_terms = pytest.importorskip("reader.language.user_terms")
    assert isinstance(store, user_terms.UserTermStore)
    term = user_terms.make_term("新质生产力", "xīn zhì shēng chǎn lì", ["new productive forces"])
    store.put_term(term)
    assert store.user_terms() == [term]


def test_read_only_store_refuses_writes_and_needs_no_lock(store, isolated_home):
    store.add_highlight("i1", "i1-a", TEXT, 0, 2)
    with NotesStore.open(isolated_home, read_only=True) as ro:
        assert len(ro.highlights()) == 1
        with pytest.raises(ReadOnlyError):
            ro.add_highlight("i1", "i1-a", TEXT, 3, 5)
        with pytest.raises(ReadOnlyError):
            ro.set_progress("i1-a", 3)
    assert len(store.highlights()) == 1


def test_second_writer_is_refused_until_close(isolated_home):
    first = NotesStore.open(isolated_home)
    with pytest.raises(StoreLockedError, match="in use by another running Dubao"):
        NotesStore.open(isolated_home)
    first.close()
    NotesStore.open(isolated_home).close()


def test_file_is_plain_tinydb_json(store, isolated_home):
    from tinydb import TinyDB

    h = store.add_highlight("i1", "i1-a", TEXT, 0, 2, note="注")
    store.close()  # the notes file then holds every change (the journal is folded in)
    assert not (isolated_home / "notes.json.journal").exists()
    with TinyDB(isolated_home / "notes.json", access_mode="r") as db:
        docs = db.table("highlights").all()
        meta = db.table("meta").all()
    assert docs[0]["id"] == h.id and docs[0]["note"] == "注"
    assert meta[0]["schema_version"] == 3


def test_unusable_home_is_one_clear_error(tmp_path, capsys):
    from reader.cli import main
    from reader.notes.errors import StoreError

    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="cannot open the notes in"):
        NotesStore.open(not_a_folder)
    assert main(["note-edit", "h-1", "x", "--home", str(not_a_folder)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is a file, not a folder" in err
