"""The reading session on a temp home: writes return changes, read-only refuses, placement."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.corpus.model import Article, Issue
from reader.language.model import Token
from reader.notes.store import NotesStore
from reader.reading.changes import (
    Exported,
    HighlightsChanged,
    LibraryChanged,
    ProgressChanged,
    WordsChanged,
)
from reader.reading.colours import HIGHLIGHT_HEX, next_colour
from reader.reading.listing import group_notes
from reader.reading.model import HskProfile, Progress, hsk_band, issue_label
from reader.reading.session import READ_ONLY_NOTICE, ReadingSession, Refused

TEXT_A = "会议指出，跨境电商发展迅速。今年以来，吉林省跨境电商进出口额持续增长。"
TEXT_B = "会议强调，要加强对非遗的系统性保护，推动文化产业发展。副省长景俊海出席会议。"


def _article(aid: str, text: str, title: str = "T") -> Article:
    return Article(id=aid, issue_id="iss", kind="article", title=title, paragraphs=(text,))


ISSUE = Issue(id="iss", source="iss.txt", paper="测试日报", date="2024-06-04", page=3,
              articles=(_article("iss-1", TEXT_A, "甲"), _article("iss-2", TEXT_B, "乙")))
A, B = ISSUE.articles


@pytest.fixture
def session(isolated_home: Path):
    s = ReadingSession(isolated_home)
    assert s.open_store() is None
    yield s
    s.close()


def test_highlight_writes_return_the_change_and_the_notice(session: ReadingSession) -> None:
    added = session.add_highlight(A, 5, 9, "yellow")
    assert isinstance(added, HighlightsChanged) and added.article_ids == {"iss-1"}
    hid = added.focus
    assert hid is not None and added.notice is None
    noted = session.update_note(hid, "trade")
    assert (noted.focus, noted.notice) == (hid, "Note saved.")
    assert session.update_note(hid, "  ").notice == "Note removed."
    assert session.set_color(hid, "blue").article_ids == {"iss-1"}
    gone = session.delete_highlight(hid)
    assert gone.notice == "Highlight deleted · u to undo" and gone.focus is None
    assert session.all_highlights() == []
    back = session.undo(here="iss-2")
    assert isinstance(back, HighlightsChanged) and back.focus == hid
    assert back.notice == ("Undone: highlight “跨境电商” deleted (in another article) "
                           "· ctrl+y to redo")
    assert [h.color for h in session.all_highlights()] == ["blue"]


def test_word_writes_and_the_saved_definition_rule(session: ReadingSession) -> None:
    from reader.language import lookup

    token = Token("跨境", 5, 7, hsk=None)
    result = lookup("跨境")
    saved = session.save_word(token, result, A, "跨境电商发展迅速")
    assert isinstance(saved, WordsChanged) and saved.notice == "Saved 跨境 to Saved words."
    (word,) = session.words()
    assert word.definition == "; ".join(result.entries[0].definitions)
    edited = session.update_word(word.id, "definition", " cross-border \n\n trans-border ")
    assert edited.notice == "Definition saved."
    assert session.words()[0].definition == "cross-border; trans-border"
    with pytest.raises(ValueError):
        session.update_word(word.id, "word", "x")
    assert session.delete_word(word.id).notice == "Deleted 跨境 · u to undo"
    restored = session.undo()
    assert isinstance(restored, WordsChanged) and restored.focus == word.id
    assert restored.notice == "Undone: 跨境 deleted · ctrl+y to redo"
    assert [w.definition for w in session.words()] == ["cross-border; trans-border"]


def test_a_word_without_an_entry_is_saved_with_its_parts(session: ReadingSession) -> None:
    from reader.language import lookup

    result = lookup("副省长")
    session.save_word(Token("副省长", 0, 3), result, B, "副省长景俊海出席会议。")
    definition = session.words()[0].definition
    if not result.entries:
        assert " + " in definition and "省长" in definition
    else:
        assert definition == "; ".join(result.entries[0].definitions)


def test_progress_is_saved_and_returned_as_a_change(session: ReadingSession) -> None:
    change = session.save_progress("iss-1", Progress(offset=12, read=True))
    assert change == ProgressChanged(article_id="iss-1", progress=Progress(12, True))
    assert session.progress("iss-1") == Progress(12, True)
    assert session.all_progress() == {"iss-1": Progress(12, True)}


def test_read_only_refuses_every_edit_with_one_sentence(isolated_home: Path) -> None:
    first = ReadingSession(isolated_home)
    first.open_store()
    second = ReadingSession(isolated_home)
    try:
        assert "read-only" in (second.open_store() or "")
        assert second.read_only
        edits = [
            lambda: second.add_highlight(A, 0, 2, "yellow"),
            lambda: second.update_note("h1", "x"),
            lambda: second.delete_highlight("h1"),
            lambda: second.undo(),
            lambda: second.redo(),
            lambda: second.set_color("h1", "blue"),
            lambda: second.update_word("w1", "note", "x"),
            lambda: second.put_term("会议", "", "meeting"),
            lambda: second.save_word(Token("会议", 0, 2), None, A, ""),
            lambda: second.delete_word("w1"),
        ]
        for edit in edits:
            with pytest.raises(Refused) as refused:
                edit()
            assert str(refused.value) == READ_ONLY_NOTICE
        # Reading on: the position is not written, but this run still hears of it.
        assert isinstance(second.save_progress("iss-1", Progress(3, False)), ProgressChanged)
        assert first.progress("iss-1") is None
    finally:
        second.close()
        first.close()


def test_placement_moves_a_highlight_and_the_notes_listing_agrees(
        session: ReadingSession) -> None:
    store = session.store
    assert isinstance(store, NotesStore)
    # A highlight made when the page was parsed differently: its article id is gone,
    # and its passage now stands in the second article.
    at = TEXT_B.index("非遗")
    old = Article(id="iss-9", issue_id="iss", kind="article", title="old",
                  paragraphs=(TEXT_B,))
    h = store.add_highlight("iss", old.id, old.text, at, at + 2)
    listed = group_notes(session.all_highlights(), [ISSUE])
    assert [(a.article_id, [e.start for e in a.entries]) for g in listed for a in g.articles] \
        == [("iss-2", [at])]  # the listing places it before the article is ever opened
    assert session.article_highlights(ISSUE, A) == []
    (placed,) = session.article_highlights(ISSUE, B)
    assert (placed.id, placed.start, placed.end) == (h.id, at, at + 2)
    assert store.get_highlight(h.id).article_id == "iss-2"  # the move was saved
    again = group_notes(session.all_highlights(), [ISSUE])
    assert [(a.article_id, [e.start for e in a.entries]) for g in again for a in g.articles] \
        == [("iss-2", [at])]


def test_a_lost_passage_is_an_orphan_in_its_article_and_in_the_listing(
        session: ReadingSession) -> None:
    store = session.store
    assert store is not None
    other = Article(id="iss-1", issue_id="iss", kind="article", title="x",
                    paragraphs=("完全不同的一段旧文字，今天已经不在了。",))
    h = store.add_highlight("iss", "iss-1", other.text, 0, 6)
    (placed,) = session.article_highlights(ISSUE, A)
    assert placed.orphan and placed.id == h.id
    (group,) = group_notes(session.all_highlights(), [ISSUE])
    assert group.articles[0].article_id == "iss-1" and group.articles[0].entries[0].orphan


def test_articles_are_found_by_id_or_unique_prefix(session: ReadingSession,
                                                    isolated_home: Path) -> None:
    assert session.find_article("nope") is None
    issues = session.load_library()
    assert isinstance(session.reload_library(), LibraryChanged)
    first = issues[0].articles[0]
    assert session.find_article(first.id).article == first
    prefix = first.id[: len(first.issue_id) + 1]  # e.g. `001-`: every article of the issue
    several = [a for a in issues[0].articles if a.id.startswith(prefix)]
    assert (session.find_article(prefix) is None) == (len(several) > 1)
    assert session.find_article(first.issue_id + "-" + first.id.rsplit("-", 1)[1]) is not None


def test_hsk_profiles_are_computed_once_and_stored(session: ReadingSession) -> None:
    art = next(a for i in session.load_library() for a in i.articles if a.kind == "article")
    computed = session.compute_profiles([art])
    assert list(computed) == [art.id]
    assert session.stored_profiles()[art.id] == computed[art.id]  # kept in the index
    profile = computed[art.id]
    assert isinstance(profile, HskProfile) and profile.total > 0
    assert abs(sum(profile.share(b) for b in ("1-3", "4-6", "7-9", "none")) - 1) < 1e-9
    assert [hsk_band(x) for x in (None, 1, 3, 4, 6, 7, 9)] == \
        ["none", "1-3", "1-3", "4-6", "4-6", "7-9", "7-9"]


def test_export_returns_the_path_and_remembers_the_folder(session: ReadingSession,
                                                          tmp_path: Path) -> None:
    session.load_library()
    art = next(f.article for f in session.library.articles() if len(f.article.text) > 2)
    session.add_highlight(art, 0, 2, "green")
    done = session.export(tmp_path / "out", None)
    assert isinstance(done, Exported) and Path(done.path).is_file()
    assert done.notice == f"Exported to {done.path}" and session.export_dir == tmp_path / "out"


def test_colours_and_labels_are_defined_once() -> None:
    from reader.notes.model import COLORS

    assert tuple(HIGHLIGHT_HEX) == COLORS
    assert [next_colour(c) for c in COLORS] == [*COLORS[1:], COLORS[0]]
    assert next_colour("mauve") == COLORS[0]
    assert issue_label(ISSUE) == "测试日报 · 2024-06-04 · page 3"


def test_the_notes_listing_is_kept_until_a_highlight_changes(session: ReadingSession) -> None:
    session.library = __import__("reader.reading.library", fromlist=["Library"]).Library([ISSUE])
    session.add_highlight(A, 5, 9, "yellow")
    first = session.notes_listing()
    assert first.total == 1 and session.notes_listing() is first  # kept
    changed = session.add_highlight(B, 0, 2, "green")
    second = session.notes_listing()
    assert second is not first and second.total == 2
    assert changed.focus in second.flat.entries
    assert [r for r in second.flat.rows if isinstance(r, tuple)] == [
        ("issue", "测试日报 · 2024-06-04 · page 3"), ("article", "甲"), ("article", "乙")]
    assert list(second.matching("非遗").entries) == []
    assert second.matching("会议").entries.keys() == {changed.focus}
