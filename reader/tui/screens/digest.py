"""The digest of an issue: its new words, most frequent first, to mark known, ignore or save."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable, Static

from reader.language.hsk import hsk_label
from reader.reading.changes import Change, StatusesChanged
from reader.reading.session import ReadingSession
from reader.tui.pipeline import OpenArticle
from reader.tui.screens.base import ReaderScreen
from reader.tui.widgets.key_bar import KeyBar
from reader.tui.widgets.notes_panel import shorten
from reader.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from reader.corpus.model import Issue
    from reader.learning.digest import DigestWord
    from reader.learning.status import Status


class DigestReady(Message):
    """The issue's new words, ranked."""

    def __init__(self, issue: Issue | None, words: list[DigestWord]) -> None:
        super().__init__()
        self.issue = issue
        """The issue (None when it is not in the library)."""
        self.words = words
        """Its new words, most frequent first."""


class DigestScreen(ReaderScreen[None]):
    """An issue's new words with pinyin, HSK band, gloss and the first sentence each is in."""

    HELP_TITLE = "issue digest"
    """What the help screen calls this screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("k", "status('known')", "Known"),
        Binding("i", "status('ignored')", "Ignore"),
        Binding("s", "save", "Save"),
        Binding("q", "back", "Back", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape, q | Back. |
    | k | Mark the word known (it leaves the list). |
    | i | Ignore the word (a name or a word you will not learn). |
    | s | Save the word with its sentence (it becomes learning). |
    """

    HELP_EXTRA: ClassVar[list[tuple[str, str]]] = [
        ("enter / click", "Open the article at the sentence the word is first in"),
        ("up / down", "Move through the words"),
    ]
    """Keys of the table itself, for the help screen."""

    DEFAULT_CSS = """
    DigestScreen {
        & > DataTable { height: 1fr; }
        & > #digest-detail {
            height: auto; max-height: 6; padding: 0 1; background: $panel;
            border-top: solid $primary;
        }
        & > #digest-status { height: 1; color: $text-muted; padding: 0 1; }
    }
    """

    def __init__(self, session: ReadingSession, issue_id: str) -> None:
        super().__init__()
        self.session = session
        """The app's line to the core."""
        self.issue_id = issue_id
        """The issue whose words are listed."""
        self.words: dict[str, DigestWord] = {}
        """Word -> its digest entry, for the rows listed."""
        self.loaded = False
        """True once the words have been listed."""

    def compose(self) -> ComposeResult:
        """Header, the table, the chosen word's sentence, status and keys."""
        yield TitleBar()
        table: DataTable[str | Text] = DataTable(id="digest", cursor_type="row",
                                                 zebra_stripes=True)
        yield table
        yield Static("", id="digest-detail")
        yield Static("Finding the new words…", id="digest-status", markup=False)
        yield KeyBar()

    @property
    def table(self) -> DataTable[str | Text]:
        """The table of words."""
        return self.query_one("#digest", DataTable)

    def on_mount(self) -> None:
        """Set the columns and rank the words in the background."""
        super().on_mount()
        self.title = "New words"
        self.sub_title = self.issue_id
        self.table.add_columns("#", "Word", "Pinyin", "HSK", "Gloss", "First sentence")
        self.table.focus()
        self.load()

    @work(thread=True, exclusive=True, group="digest", exit_on_error=False)
    def load(self) -> None:
        """Rank the issue's new words (tokens from the cache, glosses from the dictionary)."""
        from reader.learning.digest import digest

        issue = next((i for i in self.session.loaded_library().issues
                      if i.id == self.issue_id), None)
        self.session.language_ready.wait()
        self.session.store_ready.wait()
        words = digest(issue, self.session.learning.statuses()) if issue is not None else []
        self.post_message(DigestReady(issue, words))

    def on_digest_ready(self, message: DigestReady) -> None:
        """Fill the table."""
        self.loaded = True
        if message.issue is not None:
            self.sub_title = f"{message.issue.paper_label} · {message.issue.date or 'undated'}"
        table = self.table
        table.clear()
        self.words = {}
        for w in message.words:
            self.words[w.word] = w
            # Text cells: words, glosses and sentences are never read as markup.
            table.add_row(str(w.count), Text(shorten(w.word, 6), "bold"),
                          Text(shorten(w.pinyin, 14)), hsk_label(w.hsk),
                          Text(shorten(w.gloss, 24)), Text(shorten(w.sentence.strip(), 14)),
                          key=w.word)
        self._status(message.issue is None)
        self._detail()

    def _status(self, missing: bool = False) -> None:
        n = len(self.words)
        text = (f"No issue {self.issue_id} in the library." if missing else
                f"{n} new word{'' if n == 1 else 's'} in this issue, most frequent first"
                if n else "No new words left in this issue.")
        self.query_one("#digest-status", Static).update(text)

    def session_changed(self, change: Change) -> None:
        """Words marked elsewhere (or here) leave the list; a word made new again comes back."""
        if not isinstance(change, StatusesChanged) or not self.loaded:
            return
        from reader.learning.status import Status

        statuses = self.session.learning.statuses()
        if any(statuses.get(w, Status.NEW) is Status.NEW for w in change.words):
            self.load()  # an undo, say: the word may belong here again
            return
        for word in change.words:
            if word in self.words:
                del self.words[word]
                self.table.remove_row(word)
        self._status()
        self._detail()

    @property
    def selected(self) -> DigestWord | None:
        """The word under the cursor."""
        if not self.words or self.table.row_count == 0:
            return None
        key = self.table.coordinate_to_cell_key(self.table.cursor_coordinate).row_key
        return self.words.get(key.value or "")

    @on(DataTable.RowHighlighted, "#digest")
    def _detail(self) -> None:
        """Show the chosen word's sentence in full, the word in bold."""
        w = self.selected
        detail = self.query_one("#digest-detail", Static)
        if w is None:
            detail.update("")
            return
        text = Text()
        text.append(w.word, "bold").append(f"  {w.pinyin}  ")
        if w.hsk is not None:
            text.append(f"{hsk_label(w.hsk)}  ", "dim")
        text.append(w.gloss)
        text.append(f"\n{w.count}× in {w.articles} article{'' if w.articles == 1 else 's'}: ",
                    "dim")
        sentence = w.sentence.strip()
        at = sentence.find(w.word)
        if at >= 0:
            text.append(sentence[:at]).append(w.word, "bold underline")
            text.append(sentence[at + len(w.word):])
        else:
            text.append(sentence)
        detail.update(text)

    def action_status(self, value: str) -> None:
        """Give the word under the cursor a status (through the edit pipeline)."""
        from reader.learning.status import Status

        w = self.selected
        if w is None:
            return
        status: Status = Status(value)
        self.app.edit(lambda s: s.learning.set_status(w.word, status))

    def action_save(self) -> None:
        """Save the word with its first sentence; it becomes learning."""
        w = self.selected
        if w is None:
            return

        def save(s: ReadingSession) -> Change:
            found = s.library.get(w.article_id)
            if found is None:
                return Change(notice=f"The article of {w.word} is not in the library.")
            token = next((t for t in s.tokens(found.article) if t.start == w.offset), None)
            if token is None:
                return Change(notice=f"{w.word} was not found in its article.")
            sentence, _at = s.sentence_of(found.article.text, w.offset)
            return s.save_word(token, s.lookup(w.word), found.article, sentence)

        self.app.edit(save)

    @on(DataTable.RowSelected, "#digest")
    def action_open(self) -> None:
        """Open the article at the sentence the word is first in."""
        w = self.selected
        if w is not None:
            self.post_message(OpenArticle(w.article_id, w.offset))

    def action_back(self) -> None:
        """Back to where the digest was opened."""
        self.dismiss(None)
