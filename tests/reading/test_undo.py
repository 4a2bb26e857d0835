"""Undo and redo of every kind of change: highlights, colours, notes, saved words, terms."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.corpus.model import Article
from reader.language.model import Token
from reader.learning.status import Status
from reader.notes.store import NotesStore
from reader.reading.changes import Change, HighlightsChanged, TermsChanged, WordsChanged
from reader.reading.session import ReadingSession

TEXT = "会议指出，跨境电商发展迅速。今年以来，吉林省跨境电商进出口额持续增长。"
ART = Article(id="iss-1", issue_id="iss", kind="article", title="甲", paragraphs=(TEXT,))
AT = TEXT.index("跨境电商")


def _open(home: Path) -> ReadingSession:
    session = ReadingSession(home)
    assert session.open_store() is None
    return session


@pytest.fixture
def session(isolated_home: Path) -> Iterator[ReadingSession]:
    s = _open(isolated_home)
    yield s
    s.close()


def _colours(session: ReadingSession) -> dict[str, str]:
    return {h.id: h.color for h in session.all_highlights()}


def _reopened(session: ReadingSession) -> NotesStore:
    """The notes file as another run reads it (the session is closed)."""
    session.close()
    return NotesStore.open(session.home, read_only=True)


def test_a_new_highlight_is_undone_and_redone_with_its_id(session: ReadingSession) -> None:
    hid = session.add_highlight(ART, AT, AT + 4, "yellow").focus
    assert hid is not None
    undone = session.undo()
    assert isinstance(undone, HighlightsChanged) and undone.article_ids == {"iss-1"}
    assert undone.notice == "Undone: highlight “跨境电商” added · ctrl+y to redo"
    assert session.all_highlights() == []
    redone = session.redo()
    assert isinstance(redone, HighlightsChanged) and redone.focus == hid
    assert redone.notice == "Redone: highlight “跨境电商” added"
    assert list(_colours(session)) == [hid]
    with _reopened(session) as store:
        assert store.get_highlight(hid).quote == "跨境电商"


def test_steps_after_a_re_added_highlight_still_apply(session: ReadingSession) -> None:
    hid = session.add_highlight(ART, AT, AT + 4, "yellow").focus
    assert hid is not None
    session.set_color(hid, "blue")
    session.undo()  # yellow again
    assert _colours(session) == {hid: "yellow"}
    session.undo()  # gone
    session.redo()  # back, same id
    session.redo()  # blue again: the colour step finds it
    assert _colours(session) == {hid: "blue"}
    assert session.redo().notice == "Nothing to redo."


def test_a_deleted_highlight_comes_back_and_goes_again(session: ReadingSession) -> None:
    hid = session.add_highlight(ART, AT, AT + 4, "pink", note="trade").focus
    assert hid is not None
    session.delete_highlight(hid)
    back = session.undo(here="iss-1")
    assert isinstance(back, HighlightsChanged) and back.focus == hid
    assert back.notice == "Undone: highlight “跨境电商” deleted · ctrl+y to redo"
    assert [(h.id, h.color, h.note) for h in session.all_highlights()] == [(hid, "pink", "trade")]
    session.redo()
    assert session.all_highlights() == []
    session.undo()
    with _reopened(session) as store:
        assert store.get_highlight(hid).note == "trade"


def test_a_colour_change_is_undone(session: ReadingSession) -> None:
    hid = session.add_highlight(ART, AT, AT + 4, "yellow").focus
    assert hid is not None
    session.set_color(hid, "green")
    undone = session.undo()
    assert isinstance(undone, HighlightsChanged) and undone.focus == hid
    assert undone.notice == "Undone: “跨境电商” made green · ctrl+y to redo"
    assert _colours(session) == {hid: "yellow"}
    session.redo()
    assert _colours(session) == {hid: "green"}
    session.set_color(hid, "green")  # no change: no step
    session.undo()
    assert _colours(session) == {hid: "yellow"}


def test_notes_set_edited_and_cleared_are_undone_in_turn(session: ReadingSession) -> None:
    hid = session.add_highlight(ART, AT, AT + 4, "yellow").focus
    assert hid is not None
    session.update_note(hid, "first")
    session.update_note(hid, "second")
    session.update_note(hid, "")

    def note() -> str | None:
        return session.all_highlights()[0].note

    assert session.undo().notice == "Undone: note removed on “跨境电商” · ctrl+y to redo"
    assert note() == "second"
    assert session.undo().notice == "Undone: note edited on “跨境电商” · ctrl+y to redo"
    assert note() == "first"
    assert session.undo().notice == "Undone: note added on “跨境电商” · ctrl+y to redo"
    assert note() is None
    session.redo()
    session.redo()
    assert note() == "second"
    with _reopened(session) as store:
        assert store.get_highlight(hid).note == "second"


def _save(session: ReadingSession, word: str = "跨境") -> Change:
    from reader.language import lookup

    return session.save_word(Token(word, AT, AT + len(word)), lookup(word), ART, "跨境电商发展迅速")


def test_a_saved_word_is_unsaved_and_saved_again_with_its_id(session: ReadingSession) -> None:
    saved = _save(session)
    assert isinstance(saved, WordsChanged)
    (word,) = session.words()
    undone = session.undo()
    assert isinstance(undone, WordsChanged) and undone.word_ids == {word.id}
    assert undone.notice == "Undone: 跨境 saved · ctrl+y to redo"
    assert session.words() == []
    redone = session.redo()
    assert isinstance(redone, WordsChanged) and redone.focus == word.id
    assert session.words() == [word]
    with _reopened(session) as store:
        assert store.get_word(word.id).word == "跨境"


def test_saving_a_saved_word_again_is_no_step(session: ReadingSession) -> None:
    _save(session)
    again = _save(session)
    assert type(again) is Change and "already saved" in (again.notice or "")
    session.undo()  # takes back the first save
    assert session.words() == []
    assert session.undo().notice == "Nothing to undo."


def test_an_edited_definition_and_note_are_undone(session: ReadingSession) -> None:
    _save(session)
    (word,) = session.words()
    session.update_word(word.id, "definition", "cross-border\nover the border")
    session.update_word(word.id, "note", "as in e-commerce")
    assert session.undo().notice == "Undone: note of 跨境 · ctrl+y to redo"
    assert session.words()[0].note is None
    undone = session.undo()
    assert isinstance(undone, WordsChanged) and undone.focus == word.id
    assert session.words()[0].definition == word.definition
    session.redo()
    assert session.words()[0].definition == "cross-border; over the border"
    with _reopened(session) as store:
        assert store.get_word(word.id).definition == "cross-border; over the border"


def test_a_deleted_word_comes_back_as_it_was(session: ReadingSession) -> None:
    _save(session)
    (word,) = session.words()
    session.update_word(word.id, "note", "mine")
    session.delete_word(word.id)
    back = session.undo()
    assert isinstance(back, WordsChanged) and back.focus == word.id
    assert [(w.id, w.note) for w in session.words()] == [(word.id, "mine")]
    session.redo()
    assert session.words() == []
    session.undo()
    session.undo()  # the note, on the word put back under its own id
    assert session.words()[0].note is None


def _mine(word: str) -> list[tuple[str, ...]]:
    """The definitions lookups give for `word` from the user's glossary."""
    from reader.language import lookup

    return [e.definitions for e in lookup(word).entries if e.source == "user"]


def test_a_glossary_term_added_or_replaced_is_undone(session: ReadingSession) -> None:
    added = session.put_term("跨境", "kuà jìng", "across the border (mine)")
    assert isinstance(added, TermsChanged) and added.notice == "Added 跨境 in Glossary terms."
    session.put_term("跨境", "kuà jìng", "over the border (mine)")
    assert _mine("跨境") == [("over the border (mine)",)]
    undone = session.undo()
    assert isinstance(undone, TermsChanged) and undone.word == "跨境"
    assert undone.notice == "Undone: glossary term 跨境 updated · ctrl+y to redo"
    assert _mine("跨境") == [("across the border (mine)",)]
    session.undo()
    assert _mine("跨境") == []
    session.redo()
    with _reopened(session) as store:
        assert [t.definitions for t in store.user_terms()] == [("across the border (mine)",)]


def test_every_kind_of_change_is_undone_last_first(session: ReadingSession) -> None:
    hid = session.add_highlight(ART, AT, AT + 4, "yellow").focus
    assert hid is not None
    session.learning.set_status("会议", Status.KNOWN)
    _save(session)
    session.set_color(hid, "blue")
    session.undo()
    assert _colours(session) == {hid: "yellow"} and len(session.words()) == 1
    session.undo()
    assert session.words() == [] and session.learning.status("会议") is Status.KNOWN
    session.undo()
    assert session.learning.status("会议") is Status.NEW and len(session.all_highlights()) == 1
    session.undo()
    assert session.all_highlights() == []
    assert session.undo().notice == "Nothing to undo."


def test_a_step_whose_record_is_gone_says_so_and_is_dropped(session: ReadingSession) -> None:
    hid = session.add_highlight(ART, AT, AT + 4, "yellow").focus
    assert hid is not None
    session.set_color(hid, "blue")
    _save(session)
    (word,) = session.words()
    store = session.store
    assert store is not None
    store.delete_word(word.id)  # behind the session's back, as another tool would
    store.delete_highlight(hid)
    gone = session.undo()
    assert gone.notice == "Not undone: 跨境 saved (the saved word was changed elsewhere)."
    gone = session.undo()
    assert gone.notice == ("Not undone: “跨境电商” made blue "
                           "(the highlight was changed elsewhere).")
    # Both steps were dropped: nothing to redo, and the next undo is the step before them.
    assert session.redo().notice == "Nothing to redo."
    assert session.undo().notice == ("Not undone: highlight “跨境电商” added "
                                     "(the highlight was changed elsewhere).")
    assert session.undo().notice == "Nothing to undo."



def test_undoing_a_save_or_a_highlight_puts_its_words_status_back(
        session: ReadingSession) -> None:
    _save(session)
    assert session.learning.status("跨境").learning  # a saved word becomes learning
    assert [c.words for c in session.take_side_changes()] == [{"跨境"}]  # and screens hear it
    session.undo()
    assert session.words() == [] and session.learning.status("跨境") is Status.NEW
    assert [c.words for c in session.take_side_changes()] == [{"跨境"}]
    session.redo()
    assert len(session.words()) == 1 and session.learning.status("跨境").learning
    session.take_side_changes()
    session.add_highlight(ART, TEXT.index("今年"), TEXT.index("今年") + 4, "yellow")
    (learning,) = session.take_side_changes()
    assert learning.words and all(session.learning.status(w).learning for w in learning.words)
    session.undo()
    assert all(session.learning.status(w) is Status.NEW for w in learning.words)
    with _reopened(session) as store:
        assert store.highlights() == []
