"""The session's calls to the notes store for annotating: highlights, notes, saved words, export.

A mixin of `ReadingSession` (which holds the store and its lock). Every method may block on
disk I/O: screens call them only from thread workers. Each edit refuses when the store was
opened read-only, with a message the app shows as is.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.corpus.model import Article, Issue
from reader.tui.article_highlights import PlacedHighlight

if TYPE_CHECKING:
    from reader.notes.model import Highlight, SavedWord

READ_ONLY_NOTICE = "Read-only: another Dubao is running, so nothing can be changed here."
"""What the user is told when an edit is refused."""


class ReadOnlyNotice(Exception):
    """An edit was asked of a read-only session (the message is for the user)."""

    def __init__(self) -> None:
        super().__init__(READ_ONLY_NOTICE)


class NotesGateway:
    """Annotation calls of the reading session (a mixin: needs `store`, `read_only`, a lock)."""

    store: Any
    read_only: bool
    _store_lock: threading.RLock

    deleted_highlights: list[Highlight]
    """Highlights deleted this run, last one last (`u` puts the last one back)."""
    deleted_words: list[SavedWord]
    """Saved words deleted this run, last one last."""
    issues: list[Issue]
    """The library as last loaded (articles are looked up here)."""

    def load_library(self) -> list[Issue]:  # implemented by ReadingSession
        """Every issue of the library."""
        raise NotImplementedError

    def _writable(self) -> Any:
        """The store, or an error the user understands when edits are impossible."""
        if self.store is None:
            raise RuntimeError("the notes store is not open")
        if self.read_only:
            raise ReadOnlyNotice()
        return self.store

    def library(self) -> list[Issue]:
        """The loaded library (read now when no screen has loaded it yet)."""
        return self.issues or self.load_library()

    # Highlights of one article -------------------------------------------------------------

    def article_highlights(self, issue: Issue, article: Article) -> list[PlacedHighlight]:
        """The article's highlights placed in its current text (moves saved when writable).

        Highlights of the issue whose article no longer exists (the parser split the page
        differently) are placed too: here, in another article of the issue, or nowhere.
        """
        if self.store is None:
            return []
        from reader.notes.errors import StoreError
        from reader.notes.store import NotesStore

        with self._store_lock:
            found = self.store.highlights(issue_id=issue.id)
        known = {a.id for a in issue.articles}
        mine = [h for h in found if h.article_id == article.id or h.article_id not in known]
        if not mine:
            return []
        texts = {a.id: a.text for a in issue.articles}
        out: list[PlacedHighlight] = []
        for p in NotesStore.reanchor(mine, article.text, texts, article.id):
            h = p.highlight
            if p.orphan:
                if h.article_id == article.id:
                    out.append(PlacedHighlight(h, -1, -1))
                continue
            if (p.method != "exact" or p.article_id != h.article_id) and not self.read_only:
                try:
                    with self._store_lock:
                        h = self.store.move_highlight(p, texts[p.article_id])
                except StoreError:
                    pass  # shown where it was found this time; saved on a later opening
            if p.article_id == article.id:
                out.append(PlacedHighlight(h, p.start, p.end))
        return out

    def add_highlight(self, article: Article, start: int, end: int, color: str,
                      note: str | None = None) -> Highlight:
        """Highlight `article.text[start:end]` in a colour."""
        store = self._writable()
        with self._store_lock:
            return store.add_highlight(article.issue_id, article.id, article.text, start, end,
                                       color=color, note=note)

    def update_note(self, highlight_id: str, note: str | None) -> Highlight:
        """Set or (blank) clear a highlight's note."""
        store = self._writable()
        with self._store_lock:
            return store.update_note(highlight_id, note)

    def set_color(self, highlight_id: str, color: str) -> Highlight:
        """Change a highlight's colour."""
        store = self._writable()
        with self._store_lock:
            return store.set_color(highlight_id, color)

    def delete_highlight(self, highlight_id: str) -> Highlight:
        """Delete a highlight (kept for `undo_delete`)."""
        store = self._writable()
        with self._store_lock:
            gone = store.delete_highlight(highlight_id)
        self.deleted_highlights.append(gone)
        return gone

    def undo_delete(self) -> Highlight | None:
        """Put back the last deleted highlight (None when there is nothing to undo)."""
        store = self._writable()
        if not self.deleted_highlights:
            return None
        h = self.deleted_highlights[-1]
        with self._store_lock:
            store.restore_highlight(h)
        self.deleted_highlights.pop()
        return h

    # The whole library -----------------------------------------------------------------------

    def all_highlights(self) -> list[Highlight]:
        """Every highlight of the library."""
        if self.store is None:
            return []
        with self._store_lock:
            return self.store.highlights()

    def words(self) -> list[SavedWord]:
        """Every saved word, oldest first."""
        if self.store is None:
            return []
        with self._store_lock:
            return self.store.words()

    def update_word(self, word_id: str, **fields: str | None) -> SavedWord:
        """Change a saved word's definition or note."""
        store = self._writable()
        with self._store_lock:
            return store.update_word(word_id, **fields)

    def delete_word(self, word_id: str) -> SavedWord:
        """Remove a saved word (kept for `undo_word_delete`)."""
        store = self._writable()
        with self._store_lock:
            gone = store.delete_word(word_id)
        self.deleted_words.append(gone)
        return gone

    def undo_word_delete(self) -> SavedWord | None:
        """Save the last deleted word again (None when there is nothing to undo)."""
        store = self._writable()
        if not self.deleted_words:
            return None
        w = self.deleted_words.pop()
        with self._store_lock:
            return store.save_word(
                w.word, w.pinyin, w.definition, w.sentence, w.article_id, w.issue_id,
                traditional=w.traditional, hsk=w.hsk, note=w.note,
            )

    # Export ------------------------------------------------------------------------------------

    def export_scope(self, article_id: str | None) -> list[Highlight]:
        """The highlights an export covers: one article's, or all."""
        if self.store is None:
            return []
        with self._store_lock:
            return self.store.highlights(article_id=article_id)

    def export_name(self, article_id: str | None) -> tuple[str, int]:
        """(file name the export would get, number of highlights it holds)."""
        from reader.notes.export import suggested_filename

        highlights = self.export_scope(article_id)
        return suggested_filename(highlights, self.library()), len(highlights)

    def export(self, directory: Path, article_id: str | None, *, pinyin: bool = False,
               overwrite: bool = False, filename: str | None = None) -> Path:
        """Write the Markdown export into `directory` (made when missing).

        Raises ExportExistsError when the file exists and `overwrite` is False.
        """
        from reader.notes.export import export_to_directory

        directory = directory.expanduser()
        if directory.exists() and not directory.is_dir():
            raise NotADirectoryError(f"{directory} is a file, not a folder")
        highlights = self.export_scope(article_id)
        return export_to_directory(directory, highlights, self.words(), self.library(),
                                   overwrite=overwrite, pinyin=pinyin, filename=filename)
