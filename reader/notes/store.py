"""NotesStore: the one TinyDB file of highlights, saved words, progress and user terms."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import partial
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Table

from reader.errors import InputError
from reader.notes import anchoring, store_file
from reader.notes.cleaning import clean, clean_doc, clean_line, clean_note
from reader.notes.durable_storage import DurableStorage, JournalTable, Tables, probe_writable
from reader.notes.errors import (
    NOT_WRITABLE,
    ReadOnlyError,
    StoreError,
    StoreNotWritableError,
    UnknownIdError,
)
from reader.notes.locking import StoreLock
from reader.notes.model import (
    COLORS,
    Highlight,
    Placement,
    Progress,
    SavedWord,
    UserTerm,
    WordSave,
    now_iso,
)
from reader.notes.schema import FIELDS, check_fields, new_id
from reader.paths import notes_path

WORD_FIELDS = ("word", "pinyin", "definition", "sentence", "traditional", "hsk", "note")
"""Fields of a saved word that `update_word` may change."""

KEYED_TABLES = {"statuses": "word", "cards": "word", "reviews": "id", "settings": "key"}
"""Tables of reader.learning, each keyed by one field; `keyed_docs`/`put_keyed` serve them."""


def _check_color(color: str) -> str:
    """Return a valid colour name or raise InputError listing the valid ones."""
    if color not in COLORS:
        raise InputError(f"unknown colour {color!r}; choose one of {', '.join(COLORS)}")
    return color


class _NotesDB(TinyDB):
    """TinyDB whose tables journal single-document writes (see `JournalTable`)."""

    table_class = JournalTable


class NotesStore:
    """The user's annotations, saved to `notes.json` after every change.

    Open it with `NotesStore.open(home)`; only one process may open it for writing at a time
    (StoreLockedError otherwise); `read_only=True` skips the lock and refuses writes.
    """

    def __init__(self, path: Path, tables: Tables, lock: StoreLock | None,
                 read_only: bool, notices: list[str], *, reason: str | None = None,
                 backup: Path | None = None) -> None:
        self.path = path
        """The notes file."""
        self.read_only = read_only
        """True when opened without the lock; every write raises ReadOnlyError."""
        self.notices = notices
        """Things the user should be told about the opening (upgrade, cleaned temp files).

        A notice never means the store is read-only: only `read_only` says that."""
        self.read_only_reason = reason
        """Why edits are off, as one line for the user (set by `open_for_app`)."""
        self.backup = backup
        """A backup that `restore_and_open` can put back (the file was damaged or missing)."""
        self._lock = lock
        for table in ("words", "glossary"):
            for doc in tables.get(table, {}).values():
                clean_doc(table, doc)
        self._storage = DurableStorage(
            path, tables, partial(store_file.reload_tables, path), read_only=read_only
        )
        self._db = _NotesDB(storage=lambda: self._storage)
        self._index: dict[str, dict[str, int]] = {}
        self._build_index()

    @classmethod
    def open(cls, home: Path, read_only: bool = False) -> NotesStore:
        """Open the notes of `home`, creating the file when there is none."""
        path = notes_path(home)
        if read_only:
            return cls(path, store_file.load_read_only(path, now_iso()), None, True, [])
        lock = StoreLock(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            lock.acquire()
            # Every save renames a temp file in the folder: find out now, not at the first
            # edit, whether the folder can be written (an existing lock file can be).
            probe_writable(path.parent)
            tables, notices = store_file.load_for_writing(path, now_iso())
        except OSError as exc:
            lock.release()
            reason = exc.strerror or str(exc)
            error = (StoreNotWritableError if exc.errno in NOT_WRITABLE else StoreError)
            raise error(f"cannot open the notes in {path.parent}: {reason}") from exc
        except BaseException:
            lock.release()
            raise
        return cls(path, tables, lock, False, notices)

    @classmethod
    def open_for_app(cls, home: Path) -> NotesStore:
        """Open for an interactive session: writable when possible, else read-only with
        `read_only_reason` set, showing what can be read. Never raises a StoreError."""
        from reader.notes.opening import open_for_app

        return open_for_app(cls, home)

    @classmethod
    def restore_and_open(cls, home: Path) -> tuple[NotesStore, str]:
        """Restore the backup (the app's action), then `open_for_app`; (store, message)."""
        from reader.notes.opening import restore_and_open

        return restore_and_open(cls, home)

    @staticmethod
    def restore_backup(home: Path) -> tuple[Path, Path | None]:
        """Restore `notes.json.bak` (taking the lock); returns (backup, replaced file moved to)."""
        path = notes_path(home)
        lock = StoreLock(path)
        lock.acquire()
        try:
            return store_file.restore_backup(path)
        finally:
            lock.release()

    def close(self) -> None:
        """Release the lock; the data is already on disk."""
        self._db.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> NotesStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- internals -------------------------------------------------------------------------

    def _table(self, name: str) -> Table:
        return self._db.table(name, cache_size=0)

    def _build_index(self) -> None:
        """Map record ids (and article ids for progress) to TinyDB document ids."""
        data = self._storage.read()
        self._index = {
            "highlights": {d["id"]: int(k) for k, d in data.get("highlights", {}).items()},
            "words": {d["id"]: int(k) for k, d in data.get("words", {}).items()},
            "glossary": {d["word"]: int(k) for k, d in data.get("glossary", {}).items()},
            "progress": {d["article_id"]: int(k) for k, d in data.get("progress", {}).items()},
        }
        for table, key in KEYED_TABLES.items():
            self._index[table] = {d[key]: int(k) for k, d in data.get(table, {}).items()}

    def _check_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyError(self.path)

    def _write(self, action: Any) -> Any:
        """Run one TinyDB write; after a failed save, indexes follow the reloaded state."""
        self._check_writable()
        try:
            return action()
        except StoreError:
            self._db.clear_cache()
            self._build_index()
            raise

    def _doc(self, table: str, record_id: str) -> tuple[int, dict[str, Any]]:
        doc_id = self._index[table].get(record_id)
        if doc_id is None:
            kind = {"highlights": "highlight", "words": "saved word", "glossary": "term"}[table]
            # Glossary terms are keyed by their word, the other records by their id.
            raise UnknownIdError(f"no {kind} with id {record_id!r}")
        return doc_id, self._storage.read()[table][str(doc_id)]

    def _fresh_id(self, table: str, prefix: str) -> str:
        while True:
            record_id = new_id(prefix)
            if record_id not in self._index[table]:
                return record_id

    def _insert(self, table: str, doc: dict[str, Any], key: str) -> None:
        doc_id = self._write(lambda: self._table(table).insert(doc))
        self._index[table][key] = doc_id

    def _update(self, table: str, record_id: str, fields: dict[str, Any]) -> dict[str, Any]:
        doc_id, doc = self._doc(table, record_id)
        fields = {**fields, "updated": now_iso()}
        self._write(lambda: self._table(table).update(fields, doc_ids=[doc_id]))
        return {**doc, **fields}

    def _remove(self, table: str, record_id: str) -> dict[str, Any]:
        doc_id, doc = self._doc(table, record_id)
        doc = dict(doc)
        self._write(lambda: self._table(table).remove(doc_ids=[doc_id]))
        del self._index[table][record_id]
        return doc

    # -- highlights ------------------------------------------------------------------------

    def add_highlight(
        self, issue_id: str, article_id: str, text: str, start: int, end: int,
        color: str = "yellow", note: str | None = None,
    ) -> Highlight:
        """Highlight `text[start:end]` of an article (text = `article.text`) and save it."""
        self._check_writable()
        if not (0 <= start < end <= len(text)) or not text[start:end].strip():
            raise InputError(f"nothing to highlight at {start}-{end}")
        prefix, suffix = anchoring.context(text, start, end)
        stamp = now_iso()
        h = Highlight(
            id=self._fresh_id("highlights", "h"), issue_id=issue_id, article_id=article_id,
            start=start, end=end, quote=text[start:end], prefix=prefix, suffix=suffix,
            color=_check_color(color), note=clean_note(note), created=stamp, updated=stamp,
        )
        self._insert("highlights", h.to_doc(), h.id)
        return h

    def highlights(self, article_id: str | None = None,
                   issue_id: str | None = None) -> list[Highlight]:
        """Highlights (of one article or issue), in text order within each article."""
        docs = self._storage.read().get("highlights", {}).values()
        out = [
            Highlight.from_doc(d) for d in docs
            if (article_id is None or d["article_id"] == article_id)
            and (issue_id is None or d["issue_id"] == issue_id)
        ]
        out.sort(key=lambda h: (h.issue_id, h.article_id, h.start, h.created))
        return out

    def get_highlight(self, highlight_id: str) -> Highlight:
        """The highlight with this id (UnknownIdError when there is none)."""
        return Highlight.from_doc(self._doc("highlights", highlight_id)[1])

    def update_note(self, highlight_id: str, note: str | None) -> Highlight:
        """Set (or, with None/blank, clear) the note of a highlight."""
        return Highlight.from_doc(
            self._update("highlights", highlight_id, {"note": clean_note(note)})
        )

    def set_color(self, highlight_id: str, color: str) -> Highlight:
        """Change the colour of a highlight."""
        return Highlight.from_doc(
            self._update("highlights", highlight_id, {"color": _check_color(color)})
        )

    def move_highlight(self, placement: Placement, text: str) -> Highlight:
        """Save where re-anchoring found a highlight (`text` = the placed article's text)."""
        h = placement.highlight
        if placement.orphan:
            raise InputError(f"highlight {h.id} has no place to move to")
        prefix, suffix = anchoring.context(text, placement.start, placement.end)
        fields = {
            "article_id": placement.article_id, "start": placement.start,
            "end": placement.end, "quote": text[placement.start:placement.end],
            "prefix": prefix, "suffix": suffix,
        }
        return Highlight.from_doc(self._update("highlights", h.id, fields))

    def delete_highlight(self, highlight_id: str) -> Highlight:
        """Delete a highlight and return it (keep it to `restore_highlight` on undo)."""
        return Highlight.from_doc(self._remove("highlights", highlight_id))

    def restore_highlight(self, h: Highlight) -> Highlight:
        """Put back a deleted highlight with its id and dates (undo)."""
        self._check_writable()
        if h.id in self._index["highlights"]:
            raise InputError(f"highlight {h.id} already exists")
        self._insert("highlights", h.to_doc(), h.id)
        return h

    @staticmethod
    def reanchor(highlights: Iterable[Highlight], article_text: str,
                 issue_texts: Mapping[str, str] | None = None,
                 article_id: str | None = None) -> list[Placement]:
        """Place highlights in the current text (see `reader.notes.anchoring.reanchor`)."""
        return anchoring.reanchor(highlights, article_text, issue_texts, article_id)

    # -- saved words -----------------------------------------------------------------------

    def save_word(
        self, word: str, pinyin: str, definition: str, sentence: str, article_id: str,
        issue_id: str, *, traditional: str | None = None, hsk: int | None = None,
        note: str | None = None, replace: bool = False,
    ) -> SavedWord:
        """Save a word to the user's glossary; a saved word stays as the user left it.

        See `add_word` for the `replace` flag and to learn whether the word was new.
        """
        return self.add_word(
            word, pinyin, definition, sentence, article_id, issue_id,
            traditional=traditional, hsk=hsk, note=note, replace=replace,
        ).word

    def add_word(
        self, word: str, pinyin: str, definition: str, sentence: str, article_id: str,
        issue_id: str, *, traditional: str | None = None, hsk: int | None = None,
        note: str | None = None, replace: bool = False,
    ) -> WordSave:
        """Save a new word, or report it `already_saved` and leave the saved record unchanged.

        The user may have edited the definition, sentence or note of a saved word, so saving
        it again changes nothing unless `replace=True` (the user asked to overwrite).
        """
        word = clean_line(word).strip()
        if not word:
            raise InputError("cannot save an empty word")
        fields = {
            "word": word, "pinyin": clean_line(pinyin), "definition": clean(definition),
            "sentence": clean(sentence), "article_id": article_id, "issue_id": issue_id,
            "traditional": clean_line(traditional), "hsk": hsk,
        }
        existing = self.find_word(word)
        if existing is not None:
            if not replace:
                return WordSave(existing, already_saved=True)
            if note is not None:
                fields["note"] = clean_note(note)
            return WordSave(SavedWord.from_doc(self._update("words", existing.id, fields)),
                            already_saved=True)
        self._check_writable()
        stamp = now_iso()
        saved = SavedWord(id=self._fresh_id("words", "w"), note=clean_note(note),
                          created=stamp, updated=stamp, **fields)
        self._insert("words", saved.to_doc(), saved.id)
        return WordSave(saved, already_saved=False)

    def find_word(self, word: str) -> SavedWord | None:
        """The saved record of `word` (its simplified form), or None when it is not saved."""
        word = clean_line(word).strip()
        return next((w for w in self.words() if w.word == word), None)

    def has_word(self, word: str) -> bool:
        """True when `word` is saved (no records built: a review checks it on every rating)."""
        return any(d.get("word") == word for d in self._storage.read().get("words", {}).values())

    def words(self) -> list[SavedWord]:
        """Saved words, oldest first; words saved in the same second in the order saved."""
        docs = self._storage.read().get("words", {})
        # Stamps have whole seconds, and ids are random: the file's document ids, which grow
        # with each insert, keep two quick saves in order.
        ordered = sorted(docs.items(), key=lambda kv: (str(kv[1].get("created", "")),
                                                       int(kv[0]) if kv[0].isdigit() else 0))
        return [SavedWord.from_doc(d) for _, d in ordered]

    def get_word(self, word_id: str) -> SavedWord:
        """The saved word with this id (UnknownIdError when there is none)."""
        return SavedWord.from_doc(self._doc("words", word_id)[1])

    def update_word(self, word_id: str, **fields: Any) -> SavedWord:
        """Change fields of a saved word (definition, note, pinyin, sentence, ...)."""
        bad = sorted(set(fields) - set(WORD_FIELDS))
        if bad:
            raise InputError(f"cannot change {', '.join(bad)} of a saved word")
        for key, value in fields.items():
            if key == "note":
                fields[key] = clean_note(value)
            elif key in ("word", "pinyin", "traditional"):
                fields[key] = clean_line(value)
            elif key != "hsk":
                fields[key] = clean(value)
        return SavedWord.from_doc(self._update("words", word_id, fields))

    def delete_word(self, word_id: str) -> SavedWord:
        """Remove a saved word and return it (keep it to `restore_word` on undo)."""
        return SavedWord.from_doc(self._remove("words", word_id))

    def restore_word(self, w: SavedWord) -> SavedWord:
        """Put back a deleted saved word with its id and dates (undo)."""
        self._check_writable()
        if w.id in self._index["words"] or self.find_word(w.word) is not None:
            raise InputError(f"{w.word} is saved already")
        self._insert("words", w.to_doc(), w.id)
        return w

    # -- reading progress ------------------------------------------------------------------

    def get_progress(self, article_id: str) -> Progress | None:
        """The saved reading position in an article, or None."""
        doc_id = self._index["progress"].get(article_id)
        if doc_id is None:
            return None
        d = self._storage.read()["progress"][str(doc_id)]
        return Progress(d["article_id"], d["offset"], d["read"], d["updated"])

    def set_progress(self, article_id: str, offset: int, read: bool = False) -> Progress:
        """Remember the reading position (a write only when something changed)."""
        self._check_writable()
        current = self.get_progress(article_id)
        if current is not None and (current.offset, current.read) == (offset, read):
            return current
        p = Progress(article_id, max(0, offset), read, now_iso())
        doc_id = self._index["progress"].get(article_id)
        if doc_id is None:
            self._insert("progress", p.to_doc(), article_id)
        else:
            self._write(lambda: self._table("progress").update(p.to_doc(), doc_ids=[doc_id]))
        return p

    def all_progress(self) -> list[Progress]:
        """Every saved reading position."""
        docs = self._storage.read().get("progress", {}).values()
        return [Progress(d["article_id"], d["offset"], d["read"], d["updated"]) for d in docs]

    # -- user glossary (implements reader.language's UserTermStore protocol) ---------------

    def user_terms(self) -> list[UserTerm]:
        """The user's own glossary terms, for the language layer's lookups."""
        docs = self._storage.read().get("glossary", {}).values()
        return [UserTerm(d["word"], d["pinyin"], tuple(d["definitions"]), d.get("kind"))
                for d in sorted(docs, key=lambda d: d["word"])]

    def put_term(self, term: UserTerm) -> None:
        """Add `term`, or replace the term with the same word."""
        self._check_writable()
        word = (clean_line(term.word) or "").strip()
        definitions = [d for d in (clean(d).strip() for d in term.definitions) if d]
        if not word or not definitions:
            raise InputError("a glossary term needs the word and a definition")
        stamp = now_iso()
        kind = (clean_line(term.kind) or "").strip() or None
        doc = {"word": word, "pinyin": clean_line(term.pinyin), "definitions": definitions,
               "kind": kind}
        doc_id = self._index["glossary"].get(word)
        if doc_id is None:
            self._insert("glossary", {**doc, "created": stamp, "updated": stamp}, word)
        else:
            fields = {**doc, "updated": stamp}
            self._write(lambda: self._table("glossary").update(fields, doc_ids=[doc_id]))

    def delete_term(self, word: str) -> bool:
        """Remove the term for `word`; False when there was none."""
        if word not in self._index["glossary"]:
            return False
        self._remove("glossary", word)
        return True

    # -- keyed tables of reader.learning (statuses, cards, reviews, settings) -------------

    def keyed_docs(self, table: str) -> dict[str, dict[str, Any]]:
        """The documents of a keyed table by their key (read-only views; do not mutate)."""
        key = KEYED_TABLES[table]
        return {d[key]: d for d in self._storage.read().get(table, {}).values()}

    def put_keyed(self, table: str, docs: Mapping[str, dict[str, Any] | None]) -> None:
        """Insert or replace (a document) or remove (None) documents by key, in one save each
        for removals, replacements and insertions, so a bulk import is one write, not 3,000."""
        self._check_writable()
        key, index, t = KEYED_TABLES[table], self._index[table], self._table(table)
        removals = [index[k] for k, d in docs.items() if d is None and k in index]
        changes = {index[k]: {**d, key: k} for k, d in docs.items() if d is not None and k in index}
        additions = [(k, {**d, key: k}) for k, d in docs.items()
                     if d is not None and k not in index]
        # A document the schema check refuses would get the whole file set aside on the
        # next open: refuse it here instead.
        check_fields({table: {str(n): d for n, d in enumerate(
            [*changes.values(), *(d for _k, d in additions)])}}, FIELDS)

        def replace(doc: dict[str, Any]) -> None:
            new = changes[index[doc[key]]]
            doc.clear()
            doc.update(new)

        if removals:
            self._write(lambda: t.remove(doc_ids=removals))
            for k, d in docs.items():
                if d is None:
                    index.pop(k, None)
        if changes:
            self._write(lambda: t.update(replace, doc_ids=list(changes)))
        if additions:
            ids = self._write(lambda: t.insert_multiple([d for _k, d in additions]))
            index.update((k, doc_id) for (k, _d), doc_id in zip(additions, ids, strict=True))
