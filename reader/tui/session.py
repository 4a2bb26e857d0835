"""The app's line to the core (library, language layer, notes store); every call may block.

Screens call these methods only from thread workers, never from the UI thread. The language
layer and the notes store are imported lazily so that the first frame does not wait for jieba,
pypinyin or the dictionary.
"""

from __future__ import annotations

import gc
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.corpus.model import Article, Issue
from reader.tui.notes_gateway import NotesGateway

if TYPE_CHECKING:  # the language layer is imported lazily: first frame first
    from reader.language.model import LookupResult, Token


@dataclass(frozen=True)
class Progress:
    """Where the reader left an article."""

    offset: int
    read: bool


@dataclass(frozen=True)
class HskProfile:
    """How the words of an article spread over HSK levels."""

    counts: dict[str, int]
    """Band (`1-3`, `4-6`, `7-9`, `none`) -> number of Han words."""

    @property
    def total(self) -> int:
        """Han words counted."""
        return sum(self.counts.values())

    def share(self, band: str) -> float:
        """Fraction of the words in a band (0 when there are none)."""
        return self.counts.get(band, 0) / self.total if self.total else 0.0


BANDS = ("1-3", "4-6", "7-9", "none")
LISTING_WAIT = 10.0
"""Longest the language layer waits for the library list before loading anyway (s)."""
TOKEN_LRU = 8
"""How many articles' tokens the session keeps (the open one and a few recent)."""
"""HSK 3.0 bands shown in the library, easiest first."""


def hsk_band(level: int | None) -> str:
    """The band of an HSK level (`none` for words outside HSK)."""
    if level is None:
        return "none"
    return "1-3" if level <= 3 else "4-6" if level <= 6 else "7-9"


class ReadingSession(NotesGateway):
    """Library, language and notes for one app run on one home folder."""

    def __init__(self, home: Path) -> None:
        self.home = home
        """The user's data folder."""
        self.store: Any = None
        """The notes store once opened (None when it could not be opened)."""
        self.read_only = False
        """True when another instance holds the store: reading works, edits are refused."""
        self.language_ready = threading.Event()
        """Set when jieba, pypinyin and the dictionary are loaded."""
        self.library_listed = threading.Event()
        """Set when the library list is on screen: the language layer loads after it."""
        self.store_ready = threading.Event()
        """Set when the notes store was opened (or failed to open)."""
        self.issues: list[Issue] = []
        """The library as last loaded."""
        self.deleted_highlights = []
        self.deleted_words = []
        self.highlight_color = "yellow"
        """Colour of the next highlight (the last one chosen this run)."""
        self.export_dir: Path | None = None
        """The folder of the last export this run (offered again next time)."""
        self._tokens: OrderedDict[str, list[Token]] = OrderedDict()
        """The last few opened articles' tokens (an LRU: never the whole library)."""
        self._store_lock = threading.RLock()
        """TinyDB is not thread-safe: one store call at a time."""

    # Library and language ------------------------------------------------------------

    def load_library(self, progress: Callable[[int, int], None] | None = None) -> list[Issue]:
        """Every issue of the library, sorted by date (`progress` hears of pages re-parsed)."""
        from reader.corpus.library import load_library

        self.issues = load_library(self.home, progress)
        return self.issues

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

    def warm_up(self) -> None:
        """Load jieba, pypinyin and the dictionary (seconds on a cold cache)."""
        # Loading jieba holds the GIL for seconds: the list of a big library goes first.
        self.library_listed.wait(timeout=LISTING_WAIT)
        from reader.language import warm_up

        warm_up()
        # The dictionaries are millions of long-lived objects: without this, every full
        # garbage collection walks them all and stalls the UI for tens of milliseconds.
        gc.freeze()
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

    def forget_tokens(self) -> None:
        """Drop cached tokens (benchmarks time a cold open)."""
        self._tokens.clear()

    def profile(self, article: Article) -> HskProfile:
        """The HSK profile of an article's Han words."""
        counts = Counter(hsk_band(t.hsk) for t in self.tokens(article) if t.is_han)
        return HskProfile(dict(counts))

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
        """Profile articles (without keeping their tokens) and store them in the index."""
        from reader.index.db import open_db
        from reader.index.profiles import compute_profile, save_profiles

        counts = {a.id: compute_profile(a.text) for a in articles}
        conn = open_db(self.home)  # in step already: the library was just loaded
        try:
            save_profiles(conn, counts)
        finally:
            conn.close()
        return {k: HskProfile(v) for k, v in counts.items()}

    def lookup(self, word: str) -> LookupResult:
        """Everything the dictionaries and glossaries know about a word."""
        from reader.language import lookup

        return lookup(word)

    def sentence_at(self, text: str, offset: int) -> tuple[int, int]:
        """The (start, end) of the sentence around a character offset."""
        from reader.language import sentence_at

        return sentence_at(text, offset)

    # Notes store -------------------------------------------------------------------------

    def open_store(self) -> str | None:
        """Open the notes store; return a warning for the user, or None when all is well."""
        from reader.notes.errors import StoreLockedError
        from reader.notes.store import NotesStore

        try:
            with self._store_lock:
                try:
                    self.store = NotesStore.open(self.home)
                except StoreLockedError:
                    self.store = NotesStore.open(self.home, read_only=True)
                    self.read_only = True
                    return "Another Dubao is running: this one is read-only."
            self._register_user_terms()
            notices = list(getattr(self.store, "notices", []))
            return " ".join(notices) or None
        finally:
            self.store_ready.set()

    def _register_user_terms(self) -> None:
        """Hand the user's own glossary to the language layer (it outranks other sources)."""
        from reader.language import set_user_terms

        with self._store_lock:
            if self.store is not None:
                set_user_terms(self.store)

    def close(self) -> None:
        """Release the store's lock (the data is already on disk)."""
        with self._store_lock:
            if self.store is not None:
                self.store.close()
                self.store = None

    def progress(self, article_id: str) -> Progress | None:
        """The saved reading position of an article, if any."""
        if self.store is None:
            return None
        with self._store_lock:
            found = self.store.get_progress(article_id)
        return None if found is None else Progress(offset=found.offset, read=found.read)

    def all_progress(self) -> dict[str, Progress]:
        """Saved progress of every article that has some."""
        if self.store is None:
            return {}
        with self._store_lock:
            return {
                p.article_id: Progress(offset=p.offset, read=p.read)
                for p in self.store.all_progress()
            }

    def save_progress(self, article_id: str, offset: int, read: bool) -> None:
        """Remember where the reader is in an article (no-op when read-only)."""
        if self.store is None or self.read_only:
            return
        with self._store_lock:
            self.store.set_progress(article_id, offset, read=read)

    def save_word(
        self, token: Token, result: LookupResult | None, article: Article, sentence: str
    ) -> None:
        """Save a word with its sentence and first definition to the user's glossary."""
        if self.store is None:
            raise RuntimeError("the notes store is not open")
        entry = result.entries[0] if result and result.entries else None
        definition = "; ".join(entry.definitions) if entry else ""
        if not definition and result and result.components:
            definition = " + ".join(
                f"{c.text} {'; '.join(c.definitions[:1])}" for c in result.components
            )
        with self._store_lock:
            self.store.save_word(
                token.text, token.pinyin or (result.pinyin if result else ""), definition,
                sentence, article.id, article.issue_id,
                traditional=entry.traditional if entry else None,
                hsk=(result.hsk if result and result.hsk is not None else token.hsk),
            )
