"""Highlighted and saved words become learning (issue 16), the same in the app's session and in
`reader annotate`; the setting `annotate_keeps_status` leaves them alone."""

from __future__ import annotations

from pathlib import Path

from reader.cli import main
from reader.corpus.library import load_library
from reader.language import lookup, tokenize
from reader.learning.settings import set_setting
from reader.learning.status import Status
from reader.learning.vocabulary import Vocabulary
from reader.notes.store import NotesStore
from reader.reading.annotated import highlight_words
from reader.reading.session import ReadingSession

QUOTE = "快递小哥张贺然见车来了"
"""A passage of the tour article: two words, a name and a verb phrase."""


def _article(home: Path):  # noqa: ANN202 - (Issue, Article)
    return next((i, a) for i in load_library(home) for a in i.articles if QUOTE in a.text)


def test_a_highlight_makes_its_new_words_learning_but_not_names_or_known_words(
        isolated_home: Path) -> None:
    issue, article = _article(isolated_home)
    start = article.text.index(QUOTE)
    words = highlight_words(tokenize(article.text), article, start, start + len(QUOTE))
    assert "快递" in words and "张贺然" not in words  # a name is never a word to learn
    with NotesStore.open(isolated_home) as store:
        Vocabulary(store).set_status("小哥", Status.KNOWN)
    session = ReadingSession(isolated_home)
    session.open_store()
    try:
        session.add_highlight(article, start, start + len(QUOTE), "yellow")
        statuses = session.learning.statuses()
        assert statuses["快递"] is Status.LEARNING_1
        assert statuses["小哥"] is Status.KNOWN  # known words keep their status
        assert "张贺然" not in statuses
        token = next(t for t in tokenize(article.text) if t.text == "黑漆漆")
        session.save_word(token, lookup("黑漆漆"), article, "天空还黑漆漆的。")
        assert session.learning.status("黑漆漆") is Status.LEARNING_1
    finally:
        session.close()


def test_reader_annotate_does_the_same_and_the_setting_keeps_statuses(
        isolated_home: Path, capsys) -> None:  # noqa: ANN001
    _issue, article = _article(isolated_home)
    assert main(["annotate", article.id, "--quote", QUOTE, "--home", str(isolated_home)]) == 0
    with NotesStore.open(isolated_home) as store:
        assert Vocabulary(store).status("快递") is Status.LEARNING_1
        set_setting(store, "annotate_keeps_status", True)
    assert main(["annotate", article.id, "--quote", "黑漆漆", "--home",
                 str(isolated_home)]) == 0
    with NotesStore.open(isolated_home) as store:
        assert Vocabulary(store).status("黑漆漆") is Status.NEW
    capsys.readouterr()
