"""The reading session: one owner for the library, the notes store and the language layer.

Every method may block (disk, jieba): the app calls them from thread workers, never from the
UI thread. Every write returns a `Change` saying what changed and what to tell the user; the
read-only refusal lives only in `_writable`. The language layer and the notes store are
imported lazily so that the app's first frame does not wait for them.

The session's parts own their data: `highlights` (HighlightsPart), `wordbook` (saved words and
glossary terms) and `learning` (word statuses). Every undoable write pushes one step on
`history`; `undo` and `redo` take back or make again the last one, whatever its kind.
"""

from __future__ import annotations

import gc
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from reader.corpus.model import Article, Issue
from reader.reading.changes import (
    Change,
    Exported,
    HighlightsChanged,
    LibraryChanged,
    ProgressChanged,
    StatusesChanged,
    StoreReopened,
    TermsChanged,
    WordsChanged,
)
from reader.reading.colours import DEFAULT_COLOUR
from reader.reading.highlights_part import HighlightsPart
from reader.reading.history import History
from reader.reading.learning_part import LearningPart
from reader.reading.library import Found, Library
from reader.reading.model import HskProfile, Progress
from reader.reading.part_owner import Refused
from reader.reading.words_part import WordsPart

if TYPE_CHECKING:  # imported lazily: the first frame does not wait for them
    from reader.language.model import LookupResult, Token
    from reader.notes.model import Highlight, SavedWord
    from reader.notes.store import NotesStore
    from reader.reading.listing import Listing
    from reader.reading.placement import PlacedHighlight

READ_ONLY_NOTICE = "This Dubao is read-only: nothing can be changed here."
"""What the user is told when an edit is refused (the only wording)."""

LISTING_WAIT = 10.0
"""Longest the language layer waits for the library list before loading anyway (s)."""
TOKEN_LRU = 8
"""How many articles' tokens the session keeps (the open one and a few recent)."""


WORDS_FILE = "dubao-words.tsv"
"""The file name of the saved words' Anki export (as `reader export-words` names it)."""


def _placed(change: Change, here: str | None) -> Change:
    """The change, its notice saying so when its highlight is not in the article `here`."""
    if (here is None or not isinstance(change, HighlightsChanged) or not change.article_ids
            or here in change.article_ids or not change.notice):
        return change
    what, dot, rest = change.notice.partition(" · ")
    return replace(change, notice=f"{what} (in another article){dot}{rest}")


class ReadingSession:
    """Library, language and notes for one app run on one home folder."""

    def __init__(self, home: Path) -> None:
        self.home = home
        """The user's data folder."""
        self.store: NotesStore | None = None
        """The notes store once opened (None before, or when it could not be opened)."""
        self.read_only = False
        """True when another instance holds the store: reading works, edits are refused."""
        self.language_ready = threading.Event()
        """Set when jieba, pypinyin and the dictionary are loaded (or failed to load)."""
        self.library_listed = threading.Event()
        """Set when the library list is on screen: the language layer loads after it."""
        self.store_ready = threading.Event()
        """Set when the notes store was opened (or failed to open)."""
        self.library = Library()
        """The library as last loaded."""
        self.highlight_color = DEFAULT_COLOUR
        """Colour of the next highlight (the last one chosen this run)."""
        self.export_dir: Path | None = None
        """The folder of the last export this run (offered again next time)."""
        self._tokens: OrderedDict[str, list[Token]] = OrderedDict()
        """The last few opened articles' tokens (an LRU: never the whole library)."""
        self._store_lock = threading.RLock()
        """TinyDB is not thread-safe: one store call at a time."""
        self.history = History()
        """This run's undoable changes (`undo`, `redo`)."""
        self.learning = LearningPart(self)
        """Word statuses and review."""
        self._side_changes: list[Change] = []
        """Changes a write made besides the one it returns (the words of a new highlight
        becoming learning), for the pipeline to broadcast too."""
        self.highlights = HighlightsPart(self)
        """Highlights: placing, the notes listing, undoable writes."""
        self.wordbook = WordsPart(self)
        """Saved words and glossary terms, undoable writes."""

    # Library ---------------------------------------------------------------------------

    @property
    def issues(self) -> list[Issue]:
        """Every issue of the loaded library, in library order."""
        return self.library.issues

    def load_library(self, progress: Callable[[int, int], None] | None = None) -> list[Issue]:
        """Read the library (again); return its issues (`progress` hears of pages re-parsed)."""
        from reader.corpus.library import load_library

        self.library = Library(load_library(self.home, progress))
        self.highlights.invalidate()
        return self.library.issues

    def reload_library(self) -> LibraryChanged:
        """Read the library again, as a change for the screens that list it."""
        self.load_library()
        return LibraryChanged()

    def loaded_library(self) -> Library:
        """The library, read now if nobody has read it yet."""
        if not len(self.library):
            self.load_library()
        return self.library

    def library_pages(self) -> tuple[list[Issue], dict[str, int]]:
        """The issues the index holds, without articles, and article counts (quickest)."""
        from reader.corpus.library import library_pages

        return library_pages(self.home)

    def library_summaries(
        self, progress: Callable[[int, int], None] | None = None
    ) -> tuple[list[Issue], dict[str, int]]:
        """The library without article text, and article lengths (quick, for the list)."""
        from reader.corpus.library import library_summaries

        return library_summaries(self.home, progress)

    def find_article(self, article_id: str) -> Found | None:
        """The loaded article with this id, or the only one whose id starts with it.

        Before the library's text is loaded (a big library lists first), the one page that
        holds the article is read from the library index.
        """
        if len(self.library):
            return self.library.find(article_id)
        import sqlite3

        from reader.corpus.library import find_article
        from reader.errors import InputError

        try:
            found = find_article(self.home, article_id, check_files=False)
        except (InputError, sqlite3.DatabaseError):
            return None
        return Found(found.issue, found.article)

    # Language --------------------------------------------------------------------------

    def warm_up(self) -> None:
        """Load jieba, pypinyin and the dictionary (seconds on a cold cache)."""
        from reader.language import warm_up

        # Loading jieba holds the GIL for seconds: the list of a big library goes first.
        self.library_listed.wait(timeout=LISTING_WAIT)
        try:
            warm_up()
            # The dictionaries are millions of long-lived objects: without this, every full
            # garbage collection walks them all and stalls the UI for tens of milliseconds.
            gc.freeze()
        finally:
            self.language_ready.set()

    def tokens(self, article: Article) -> list[Token]:
        """The article's tokens (kept for the last few articles opened)."""
        cached = self._tokens.get(article.id)
        if cached is None:
            from reader.language import tokenize

            cached = self._tokens[article.id] = list(tokenize(article.text))
            while len(self._tokens) > TOKEN_LRU:
                self._tokens.popitem(last=False)
        else:
            self._tokens.move_to_end(article.id)
        return cached

    def stored_profiles(self) -> dict[str, HskProfile]:
        """Profiles already in the library index (no tokens are read)."""
        from reader.index.db import open_db
        from reader.index.profiles import stored_profiles

        conn = open_db(self.home)
        try:
            return {k: HskProfile(v) for k, v in stored_profiles(conn).items()}
        finally:
            conn.close()

    def compute_profiles(self, articles: list[Article]) -> dict[str, HskProfile]:
        """Profile and count articles (without keeping their tokens); store both in the index."""
        from reader.index.db import open_db
        from reader.index.profiles import save_profiles
        from reader.index.word_counts import profile_and_count, save_counts

        counts, words = profile_and_count(articles)
        conn = open_db(self.home)  # in step already: the library was just loaded
        try:
            save_profiles(conn, counts)
            save_counts(conn, words)
        finally:
            conn.close()
        return {k: HskProfile(v) for k, v in counts.items()}

    def lookup(self, word: str) -> LookupResult:
        """Everything the dictionaries and glossaries know about a word."""
        from reader.language import lookup

        return lookup(word)

    def sentence_of(self, text: str, offset: int) -> tuple[str, int]:
        """The sentence around `offset` (stripped) and where `offset` falls in it."""
        from reader.language import sentence_at

        start, end = sentence_at(text, offset)
        raw = text[start:end]
        return raw.strip(), offset - start - (len(raw) - len(raw.lstrip()))

    # The notes store -------------------------------------------------------------------

    def open_store(self) -> str | None:
        """Open the notes store; return a warning for the user, or None when all is well."""
        from reader.notes.store import NotesStore

        try:
            with self._store_lock:
                # Writable when possible; otherwise read-only, showing what can be read.
                self.store = NotesStore.open_for_app(self.home)
                self.read_only = self.store.read_only
            self._register_user_terms()  # read-only too: lookups use the user's glossary
            if self.store.read_only_reason:
                return self.store.read_only_reason
            return " ".join(self.store.notices) or None
        finally:
            self.store_ready.set()

    @property
    def backup_waiting(self) -> bool:
        """True when the notes file was damaged and a backup waits to be restored."""
        store = self.store
        return self.read_only and store is not None and store.backup is not None

    def restore_backup(self) -> Change:
        """Put the notes backup back and reopen the store (writable when it now can be)."""
        from reader.notes.errors import StoreError
        from reader.notes.store import NotesStore

        self.store_ready.wait()
        if not self.backup_waiting:
            return Change(notice="There is no notes backup waiting to be restored.")
        try:
            with self._store_lock:
                old = self.store
                store, message = NotesStore.restore_and_open(self.home)
                if old is not None:
                    old.close()
                self.store, self.read_only = store, store.read_only
        except (StoreError, OSError) as exc:
            return Change(notice=f"The backup could not be restored: {exc}")
        self._register_user_terms()
        self.highlights.invalidate()
        self.history.clear()
        self.learning.reset()
        if store.read_only:
            message += f"; still read-only: {store.read_only_reason}"
        else:
            message += "; notes can be saved again."
        return StoreReopened(read_only=store.read_only, notice=message)

    def _register_user_terms(self) -> None:
        """Hand the user's own glossary to the language layer (it outranks other sources)."""
        from reader.language import set_user_terms

        with self._store_lock:
            if self.store is not None:
                set_user_terms(self.store)

    def close(self) -> None:
        """Release the store's lock (the data is already on disk); nothing waits for an
        opening that will not come."""
        with self._store_lock:
            if self.store is not None:
                self.store.close()
                self.store = None
        self.store_ready.set()

    @property
    def store_lock(self) -> threading.RLock:
        """One store call at a time (for the session's parts)."""
        return self._store_lock

    def readable_store(self) -> NotesStore | None:
        """The store once its opening is over (None when it could not be opened)."""
        return self._readable()

    def writable_store(self) -> NotesStore:
        """The store, or `Refused` with the one sentence the user is told."""
        return self._writable()

    def _side_change(self, change: StatusesChanged) -> None:
        """Keep a status change a write made on the side, when it changed anything."""
        if not change.words:
            return
        with self._store_lock:
            self._side_changes.append(change)
        status = change.change

        def again(c: object) -> None:
            with self._store_lock:
                self._side_changes.append(self.learning.revert(c))

        # one step with the write that caused it: undoing a save puts the status back too
        self.history.extend_last(lambda: again(status),
                                 lambda: again(status.inverse()))  # type: ignore[attr-defined]

    def take_side_changes(self) -> list[Change]:
        """The changes writes made besides those they returned, oldest first (then forgotten)."""
        with self._store_lock:
            changes, self._side_changes = self._side_changes, []
        return changes

    def undo(self, here: str | None = None) -> Change:
        """Take back the last undoable change of this run, whatever its kind.

        `here`: the article on screen; the notice says when the change was in another one.
        """
        self._writable()
        return _placed(self.history.undo(), here)

    def redo(self, here: str | None = None) -> Change:
        """Make the last undone change again (`here` as for `undo`)."""
        self._writable()
        return _placed(self.history.redo(), here)

    def _readable(self) -> NotesStore | None:
        """The store once its opening is over (None when it could not be opened)."""
        self.store_ready.wait()
        return self.store

    def _writable(self) -> NotesStore:
        """The store, or `Refused` with the one sentence the user is told."""
        store = self._readable()
        if self.read_only:
            raise Refused(READ_ONLY_NOTICE)
        if store is None:
            raise Refused("The notes could not be opened, so nothing can be saved.")
        return store

    # Reading progress ------------------------------------------------------------------

    def progress(self, article_id: str) -> Progress | None:
        """The saved reading position of an article, if any."""
        store = self._readable()
        if store is None:
            return None
        with self._store_lock:
            found = store.get_progress(article_id)
        return None if found is None else Progress(offset=found.offset, read=found.read)

    def all_progress(self) -> dict[str, Progress]:
        """Saved progress of every article that has some."""
        store = self._readable()
        if store is None:
            return {}
        with self._store_lock:
            return {p.article_id: Progress(offset=p.offset, read=p.read)
                    for p in store.all_progress()}

    def save_progress(self, article_id: str, progress: Progress) -> ProgressChanged:
        """Remember where the reader is in an article.

        Read-only, nothing is written, but the change still goes out: this run's library
        marks the article as read.
        """
        if self.read_only:
            return ProgressChanged(article_id=article_id, progress=progress)
        store = self._writable()
        with self._store_lock:
            store.set_progress(article_id, progress.offset, read=progress.read)
        return ProgressChanged(article_id=article_id, progress=progress)

    # Highlights (the highlights part does the work) ------------------------------------

    def article_highlights(self, issue: Issue, article: Article) -> list[PlacedHighlight]:
        """The article's highlights placed in its current text (see `HighlightsPart`)."""
        return self.highlights.in_article(issue, article)

    def all_highlights(self) -> list[Highlight]:
        """Every highlight of the library."""
        return self.highlights.all()

    def notes_listing(self) -> Listing:
        """Every highlight grouped by issue and article (kept until a highlight changes)."""
        return self.highlights.listing()

    def add_highlight(self, article: Article, start: int, end: int, color: str,
                      note: str | None = None) -> HighlightsChanged:
        """Highlight `article.text[start:end]` in a colour (with a note, if given)."""
        changed = self.highlights.add(article, start, end, color, note)
        from reader.reading.annotated import highlight_words  # its words become learning

        self._side_change(self.learning.note_annotated(
            highlight_words(self.tokens(article), article, start, end)))
        return changed

    def update_note(self, highlight_id: str, note: str | None) -> HighlightsChanged:
        """Set or (blank) clear a highlight's note."""
        return self.highlights.update_note(highlight_id, note)

    def set_color(self, highlight_id: str, color: str) -> HighlightsChanged:
        """Change a highlight's colour."""
        return self.highlights.set_color(highlight_id, color)

    def delete_highlight(self, highlight_id: str) -> HighlightsChanged:
        """Delete a highlight (u puts it back)."""
        return self.highlights.delete(highlight_id)

    # Saved words and glossary terms (the words part does the work) ------------------------

    def words(self) -> list[SavedWord]:
        """Every saved word, oldest first."""
        return self.wordbook.words()

    def saved_word(self, word: str) -> SavedWord | None:
        """The saved record of `word`, or None (also while the store is still opening)."""
        return self.wordbook.saved_word(word)

    def save_word(self, token: Token, result: LookupResult | None, article: Article,
                  sentence: str) -> Change:
        """Save a word with its sentence and first definition (a saved word is left as is);
        a newly saved word becomes learning."""
        changed = self.wordbook.save(token, result, article, sentence)
        if isinstance(changed, WordsChanged):
            self._side_change(self.learning.note_annotated([token.text]))
        return changed

    def update_word(self, word_id: str, field: str, value: str) -> WordsChanged:
        """Change a saved word's definition (kept on one line) or note."""
        return self.wordbook.update(word_id, field, value)

    def delete_word(self, word_id: str) -> WordsChanged:
        """Remove a saved word (u puts it back)."""
        return self.wordbook.delete(word_id)

    def put_term(self, word: str, pinyin: str, definition: str,
                 kind: str | None = None) -> TermsChanged:
        """Add a glossary term, or replace the one for the same word; lookups use it at once."""
        return self.wordbook.put_term(word, pinyin, definition, kind)

    def terms_changed(self) -> None:
        """The user's glossary terms changed: lookups use them, articles are segmented again."""
        self._register_user_terms()
        # Terms join the segmenter's words: articles are segmented again when next shown.
        self._tokens.clear()

    def export_words(self, directory: Path, *, overwrite: bool = False,
                     filename: str | None = None) -> Exported:
        """Write the saved words as an Anki TSV into `directory` (made when missing).

        Raises ExportExistsError when the file exists and `overwrite` is False.
        """
        from reader.notes.export_words import export_words
        from reader.notes.filenames import write_export

        directory = directory.expanduser()
        if directory.exists() and not directory.is_dir():
            raise NotADirectoryError(f"{directory} is a file, not a folder")
        words = self.words()
        titles = {a.id: a.title for i in self.loaded_library().issues for a in i.articles}
        path = write_export(directory, filename or WORDS_FILE, export_words(words, titles),
                            overwrite=overwrite)
        self.export_dir = directory
        plural = "" if len(words) == 1 else "s"
        return Exported(path=str(path), notice=f"Exported {len(words)} saved word{plural} to "
                                               f"{path} (Anki: File > Import)")

    # Export ----------------------------------------------------------------------------

    def export_scope(self, article_id: str | None) -> list[Highlight]:
        """The highlights an export covers: one article's, or all."""
        return self.highlights.all(article_id)

    def export_name(self, article_id: str | None) -> tuple[str, int]:
        """(file name the export would get, number of highlights it holds)."""
        from reader.notes.export import suggested_filename

        highlights = self.export_scope(article_id)
        return suggested_filename(highlights, self.loaded_library().issues), len(highlights)

    def export(self, directory: Path, article_id: str | None, *, pinyin: bool = False,
               overwrite: bool = False, filename: str | None = None) -> Exported:
        """Write the Markdown export into `directory` (made when missing).

        Raises ExportExistsError when the file exists and `overwrite` is False.
        """
        from reader.notes.export import export_to_directory

        directory = directory.expanduser()
        if directory.exists() and not directory.is_dir():
            raise NotADirectoryError(f"{directory} is a file, not a folder")
        highlights = self.export_scope(article_id)
        path = export_to_directory(directory, highlights, self.words(),
                                   self.loaded_library().issues, overwrite=overwrite,
                                   pinyin=pinyin, filename=filename)
        self.export_dir = directory
        return Exported(path=str(path), notice=f"Exported to {path}")
