"""The saved words screen: words saved with `s`, with pinyin, gloss, HSK, sentence, source."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable, Input, Static

from reader.corpus.model import Article, Issue
from reader.language.hsk import hsk_label
from reader.language.spelling import display_pinyin, stored_spelling
from reader.reading.article_parts import article_parts
from reader.reading.changes import Change, WordsChanged
from reader.reading.model import issue_label
from reader.reading.session import ReadingSession
from reader.reading.words import source_offset, word_matches
from reader.tui.pipeline import OpenArticle
from reader.tui.screens.base import undo_bindings
from reader.tui.screens.note_editor import NoteEditor
from reader.tui.screens.search_box import SearchScreen
from reader.tui.widgets.key_bar import KeyBar
from reader.tui.widgets.notes_panel import shorten
from reader.tui.widgets.title_bar import TitleBar
from reader.tui.word_details import append_word_details

if TYPE_CHECKING:
    from reader.notes.model import SavedWord


class WordsLoaded(Message):
    """The saved words and the library they point into."""

    def __init__(self, words: list[SavedWord], library: list[Issue], focus: str | None,
                 written: dict[str, str]) -> None:
        super().__init__()
        self.words = words
        """Every saved word, oldest first."""
        self.written = written
        """Word id -> its pinyin as GB/T 16159 writes it (spelling looks words up)."""
        self.library = library
        """The library (for article titles and jumps)."""
        self.focus = focus
        """A word to put the cursor on, if any."""


class SavedWordsScreen(SearchScreen):
    """Every saved word; edit its definition or note, delete it, go to its sentence."""

    HELP_TITLE = "saved words"
    """What the help screen calls this screen."""

    SEARCH_ID = "words-search"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("slash", "search", "Search"),
        Binding("d", "definition", "Edit definition"),
        Binding("a", "note", "Note"),
        Binding("x", "delete", "Delete"),
        Binding("e", "export", "Export for Anki"),
        *undo_bindings(),
        Binding("q", "back", "Back", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape, q | Clear the search, else back. |
    | / | Search words, pinyin, definitions, notes and sentences. |
    | enter | Open the article at the sentence the word was saved from. |
    | d | Edit the chosen definition. |
    | a | Edit your own note on the word. |
    | x | Delete the word. |
    | u / ctrl+y, U | Undo the last change of any kind / redo it. |
    | e | Export every saved word for Anki (TSV or an .apkg deck, with your notes). |
    """

    HELP_EXTRA: ClassVar[list[tuple[str, str]]] = [
        ("enter / click", "Open the article at the word's sentence"),
        ("up / down", "Move through the words"),
    ]
    """Keys of the table itself, for the help screen."""

    DEFAULT_CSS = """
    SavedWordsScreen {
        & > #words-search { margin: 0 1; }
        & > DataTable { height: 1fr; }
        & > #word-detail {
            height: auto; max-height: 9; padding: 0 1; background: $panel;
            border-top: solid $primary;
        }
        & > #words-status { height: 1; color: $text-muted; padding: 0 1; }
    }
    """

    def __init__(self, session: ReadingSession) -> None:
        super().__init__()
        self.session = session
        """The app's line to the core."""
        self.words: list[SavedWord] = []
        """Every saved word."""
        self.written: dict[str, str] = {}
        """Word id -> its pinyin as written (made by the loading worker)."""
        self.shown: dict[str, SavedWord] = {}
        """Word id -> word, for the rows listed."""
        self.titles: dict[str, tuple[str, str, str]] = {}
        """Article id -> (title, issue label, text)."""
        self.articles: dict[str, Article] = {}
        """Article id -> the article (its headline and captions are sources too)."""

    def compose(self) -> ComposeResult:
        """Header, search, the table, the chosen word in full, status and keys."""
        yield TitleBar()
        yield Input(placeholder="Search words, pinyin, definitions, notes  (press / )",
                    id="words-search", compact=True)
        table: DataTable[str | Text] = DataTable(id="words", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static("", id="word-detail")
        yield Static("Loading your words…", id="words-status", markup=False)
        yield KeyBar()

    @property
    def table(self) -> DataTable[str | Text]:
        """The table of words."""
        return self.query_one("#words", DataTable)

    def on_mount(self) -> None:
        """Set the columns and load the words in the background."""
        self.title = "Saved words"
        self.sub_title = "words saved with s" + (" · read-only" if self.session.read_only else "")
        self.table.add_columns("Word", "Pinyin", "HSK", "Definition", "Article")
        self.table.focus()
        self.load()

    def session_changed(self, change: Change) -> None:
        """Words were saved, edited or deleted (here or in an article): list them again."""
        if isinstance(change, WordsChanged):
            self.load(change.focus)

    @work(thread=True, exclusive=True, group="words", exit_on_error=False)
    def load(self, focus: str | None = None) -> None:
        """Read the saved words (and the library, for titles)."""
        words = self.session.words()
        # Spelling looks each word up: done here, so the UI thread never loads the language
        # layer (seconds) when this screen is opened right after start.
        self.session.language_ready.wait()
        written = {w.id: display_pinyin(w.word, w.pinyin) for w in words}
        self.post_message(WordsLoaded(words, self.session.loaded_library().issues, focus,
                                      written))

    def on_words_loaded(self, message: WordsLoaded) -> None:
        """Fill the table."""
        self.words = message.words
        self.written = message.written
        self.titles = {
            art.id: (art.title, issue_label(issue), art.text)
            for issue in message.library for art in issue.articles
        }
        self.articles = {art.id: art for issue in message.library for art in issue.articles}
        self._show(message.focus)

    def _show(self, focus: str | None = None) -> None:
        """List the words matching the search."""
        query = self.query_one("#words-search", Input).value
        keep = focus or self.selected_id
        table = self.table
        table.clear()
        self.shown = {}
        for w in self.words:
            if not word_matches(w, query):
                continue
            self.shown[w.id] = w
            title = self.titles.get(w.article_id, ("(not in the library)", "", ""))[0]
            table.add_row(
                # Text: never markup
                Text(w.word, "bold"), Text(self.spelled(w)), hsk_label(w.hsk),
                Text(shorten(w.definition, 48)), Text(shorten(title, 24)), key=w.id,
            )
        if keep in self.shown:
            table.move_cursor(row=table.get_row_index(keep))
        total = len(self.words)
        status = f"{total} saved word{'' if total == 1 else 's'}"
        if query.strip():
            status = f"{len(self.shown)} of {total} words match “{query.strip()}”"
        elif not total:
            status = "No saved words yet: in an article, look a word up (enter), then press s."
        self.query_one("#words-status", Static).update(status)
        self._detail()

    def spelled(self, w: SavedWord) -> str:
        """The word's pinyin as shown (made by the loading worker)."""
        return self.written.get(w.id) or stored_spelling(w.word, w.pinyin)

    @property
    def selected_id(self) -> str | None:
        """The word under the table's cursor."""
        if not self.shown or self.table.row_count == 0:
            return None
        key = self.table.coordinate_to_cell_key(self.table.cursor_coordinate).row_key
        return key.value

    @property
    def selected(self) -> SavedWord | None:
        """The saved word under the cursor."""
        return self.shown.get(self.selected_id or "")

    @on(DataTable.RowHighlighted, "#words")
    def _detail(self) -> None:
        """Show the chosen word in full under the table."""
        w = self.selected
        detail = self.query_one("#word-detail", Static)
        if w is None:
            detail.update("")
            return
        text = append_word_details(Text(), w, self.spelled(w))
        if w.sentence:
            text.append("\n")
            at = w.sentence.find(w.word)
            if at >= 0:
                end = at + len(w.word)
                text.append(w.sentence[:at])
                text.append(w.sentence[at:end], "bold reverse")
                text.append(w.sentence[end:])
            else:
                text.append(w.sentence)
        title, label, _ = self.titles.get(w.article_id, (w.article_id, "not in the library", ""))
        text.append(f"\n— {title} · {label}", "dim")
        detail.update(text)

    def search_target(self) -> Widget:
        """The list the search box filters."""
        return self.table

    @on(DataTable.RowSelected, "#words")
    def _go(self) -> None:
        """Open the article at the word's sentence."""
        w = self.selected
        if w is None:
            return
        found = self.titles.get(w.article_id)
        if found is None:
            self.notify("That article is not in the library any more.", severity="warning")
            return
        parts = article_parts(self.articles[w.article_id])  # saved from a headline, maybe
        self.post_message(OpenArticle(w.article_id, source_offset(found[2], w, parts)))

    def action_definition(self) -> None:
        """Edit the definition kept for the word."""
        w = self.selected
        if w is None or not self.app.writable():
            return
        heading = f"{w.word}  {self.spelled(w)}"
        editor = NoteEditor(f"Definition of {w.word}", heading, w.definition)
        self.app.push_screen(editor, partial(self._field_written, w.id, "definition"))

    def action_note(self) -> None:
        """Edit your note on the word."""
        w = self.selected
        if w is None or not self.app.writable():
            return
        heading = f"{w.word}  {self.spelled(w)}"
        editor = NoteEditor(f"Note on {w.word}", heading, w.note)
        self.app.push_screen(editor, partial(self._field_written, w.id, "note"))

    def _field_written(self, word_id: str, field: str, value: str | None) -> None:
        """Save an edited field (None: cancelled)."""
        if value is not None:
            self.app.edit(lambda s: s.update_word(word_id, field, value))

    def action_delete(self) -> None:
        """Delete the word under the cursor (u brings it back)."""
        w = self.selected
        if w is not None:
            word_id = w.id
            self.app.edit(lambda s: s.delete_word(word_id))

    @work(group="export", exclusive=True, exit_on_error=False)
    async def action_export(self) -> None:
        """Export every saved word for Anki (TSV or `.apkg`)."""
        from reader.tui.screens.words_export import run_words_export

        await run_words_export(self, self.session)
