"""The first screen: the library by paper and month, filter as you type, open an article."""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static, Tree

from reader.corpus.decode import printable
from reader.corpus.model import Article, Issue
from reader.learning.status import Status
from reader.reading.changes import Change, ProgressChanged, StatusesChanged, StoreReopened
from reader.reading.difficulty import SORT_LABELS, SORTS, LibraryDifficulty, split_filter
from reader.reading.model import HskProfile, Progress
from reader.reading.session import ReadingSession
from reader.tui.messages import LibraryLoaded, ProgressLoaded
from reader.tui.pipeline import EditingApp, OpenArticle
from reader.tui.screens.base import undo_bindings
from reader.tui.widgets.key_bar import KeyBar
from reader.tui.widgets.library_tree import FILTER_LIMIT, LibraryTree, library_legend
from reader.tui.widgets.title_bar import TitleBar
from reader.tui.worker_errors import ReportsWorkerErrors

if TYPE_CHECKING:
    from reader.learning.scoring import ArticleScore

PROFILE_PAUSE = 0.02
"""Seconds the profile pass rests between batches."""
PROFILE_BATCH = 32
"""Articles profiled per message: one relabel per batch keeps the screen's queue short."""
_NO_STATUSES: Mapping[str, Status] = {}
"""The statuses while the store is opening (one object, so scores made from it are kept)."""


class ProfilesReady(Message):
    """HSK profiles of some articles (stored ones at start, then each computed batch)."""

    def __init__(self, profiles: dict[str, HskProfile]) -> None:
        super().__init__()
        self.profiles = profiles
        """Article id -> profile."""


class LibraryListed(Message):
    """The library's issues without their articles: enough to show the list."""

    def __init__(self, issues: list[Issue], counts: dict[str, int]) -> None:
        super().__init__()
        self.issues = issues
        """Issues with no articles attached."""
        self.counts = counts
        """Issue id -> number of articles."""


class ArticlesListed(Message):
    """The library's articles without their text: enough to open issues and filter."""

    def __init__(self, issues: list[Issue], chars: dict[str, int]) -> None:
        super().__init__()
        self.issues = issues
        """Issues whose articles carry titles and bylines but no text."""
        self.chars = chars
        """Article id -> length of its text."""


class ScoresReady(Message):
    """Every article scored against the statuses (for sorting and filtering by difficulty)."""

    def __init__(self, scores: dict[str, ArticleScore]) -> None:
        super().__init__()
        self.scores = scores
        """Article id -> score."""


class IndexProgress(Message):
    """Pages (re-)parsed into the library index so far."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        """Pages parsed."""
        self.total = total
        """Pages to parse."""


class LibraryScreen(ReportsWorkerErrors, Screen[None]):
    """Issues sorted by date, each expandable to its articles."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "filter", "Filter"),
        Binding("s", "search", "Search all"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
        Binding("n", "app.notes", "Notes"),
        Binding("w", "app.saved_words", "Saved words"),
        Binding("o", "sort", "Sort"),
        Binding("e", "readable", "Only ≥90% known", show=False),
        Binding("d", "digest", "Digest"),
        Binding("t", "stats", "Progress stats", show=False),
        Binding("r", "reload", "Reload", show=False),
        Binding("q", "app.quit", "Quit"),
        *undo_bindings(show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | / | Type to filter issues and articles. |
    | s | Search the text of every article (characters or pinyin). |
    | escape | Clear the filter. |
    | n | Every highlight and note of the library. |
    | w | Saved words: every word saved with `s`. |
    | o | Sort: library order, most known first, fewest new words first. |
    | e | Only articles you can read: ≥ 90% known (the filter term `known>=90`). |
    | d | The new words of the issue under the cursor, most frequent first. |
    | t | Your progress: words known over time, words read, articles finished. |
    | r | Read the library again (after `reader import`). |
    | q | Quit (also ctrl+q anywhere). |
    | u / ctrl+y, U | Undo the last change of any kind / redo it. |
    """

    HELP_EXTRA: ClassVar[list[tuple[str, str]]] = [
        ("enter / click", "Open the article (or open and close an issue)"),
        ("space", "Open or close the issue"),
        ("up / down", "Move through issues and articles"),
        ("known>=90 new<20", "Filter terms: share known (%) and new words (>=, <=, >, <, =)"),
    ]
    """Keys handled by the tree itself, for the help screen."""
    HELP_TITLE = "library"
    """What the help screen is about."""

    @staticmethod
    def help_legend() -> list[Text]:
        """What the marks and colours of the list mean, for the help screen."""
        return library_legend()

    DEFAULT_CSS = """
    LibraryScreen {
        & > #filter { margin: 0 1; }
        & > LibraryTree { height: 1fr; }
        & > #library-status { height: 1; color: $text-muted; padding: 0 1; }
    }
    """

    app = getters.app(EditingApp)

    def __init__(self, session: ReadingSession, open_article: str | None = None) -> None:
        super().__init__()
        self.session = session
        """The app's line to the core."""
        self.open_article = open_article
        """An article id to open as soon as the library is loaded (`reader open ID`)."""
        self.issues: list[Issue] = []
        """Every issue of the library with its text (empty until loaded)."""
        self.listed: list[Issue] = []
        """The issues as listed (articles without text), shown before the text is loaded."""
        self.counts: dict[str, int] = {}
        """Issue id -> number of articles, as soon as the list is shown."""
        self.articles: dict[str, Article] = {}
        """Article id -> article."""
        self.profiles: dict[str, HskProfile] = {}
        """Article id -> HSK profile, filled in as the language layer gets to them."""
        self.progress: dict[str, Progress] = {}
        """Article id -> saved reading progress."""
        self.difficulty = LibraryDifficulty(session.home, self._statuses)
        """Known share and new words per article, scored as lines are drawn."""
        self.sort = "library"
        """The order of the list (one of `SORTS`)."""
        self.ranked_scores: dict[str, ArticleScore] | None = None
        """Every article's score, while a sort or difficulty filter needs them."""
        self._had_statuses = False
        """Whether the lines were labelled with a known column (any word has a status)."""

    def compose(self) -> ComposeResult:
        """Header, filter box, the tree, a status line and the footer."""
        yield TitleBar()
        yield Input(
            placeholder="Filter: paper, date, title, byline…  (press / )", id="filter", compact=True
        )
        tree = LibraryTree("Library", id="library")
        tree.show_root = False
        yield tree
        yield Static("Loading the library…", id="library-status", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        """Start reading the library in the background."""
        self.title = "Dubao 读报"
        self.sub_title = "Library"
        tree = self.query_one(LibraryTree)
        tree.set_scorer(self._score, self._prefetch)
        tree.focus()
        self.call_after_refresh(self.load)
        self.app.hear_changes(self, self._session_changed)

    def _session_changed(self, change: Change) -> None:
        """Relabel only the leaves a change touches (a read mark after reading)."""
        if isinstance(change, ProgressChanged):
            self.progress[change.article_id] = change.progress
            self.query_one(LibraryTree).refresh_articles([change.article_id])
        elif isinstance(change, StatusesChanged):
            touched = self.difficulty.changed(change.words)
            if self.difficulty.has_statuses() != self._had_statuses:
                self._had_statuses = not self._had_statuses
                self.query_one(LibraryTree).relabel()  # the known column comes or goes
            else:
                self.query_one(LibraryTree).refresh_articles(touched)
            self.ranked_scores = None  # a sorted or filtered list is made again on return
        elif isinstance(change, StoreReopened):
            self._rescore_all()

    def _statuses(self) -> Mapping[str, Status]:
        """The statuses snapshot, empty until the store is open (lines never wait for it)."""
        if not self.session.store_ready.is_set():
            return _NO_STATUSES
        return self.session.learning.statuses()

    def _score(self, art_id: str) -> ArticleScore | None:
        """An article's score for its line; none before the user has given any word a status
        (every line would say 0% known)."""
        return self.difficulty.score(art_id) if self.difficulty.has_statuses() else None

    def _prefetch(self, ids: Iterable[str]) -> None:
        """Score an opening issue's lines with one query (when there is a column to show)."""
        if self.difficulty.has_statuses():
            self.difficulty.prefetch(ids)

    def _rescore_all(self) -> None:
        """Statuses read afresh (the store opened): every line's score is made again."""
        self.difficulty.reset()
        self._had_statuses = self.difficulty.has_statuses()
        self.ranked_scores = None
        self.query_one(LibraryTree).relabel()

    def on_screen_resume(self) -> None:
        """Back on the library: a sorted or filtered list follows statuses changed meanwhile."""
        self.app.catch_up(self)  # the changes made while it was covered come first
        if self.ranked_scores is None and self._ranked():
            self._rebuild()

    def _ranked(self) -> bool:
        """True when the list is sorted or filtered by difficulty."""
        _words, conditions = split_filter(self.query_one("#filter", Input).value)
        return bool(conditions) or self.sort != "library"

    @work(thread=True, exclusive=True, group="scores", exit_on_error=False)
    def score_library(self) -> None:
        """Score every article from the counts in the index (no article is segmented)."""
        self.post_message(ScoresReady(self.difficulty.score_all()))

    def on_scores_ready(self, message: ScoresReady) -> None:
        """Sort or filter by difficulty now that every article has a score."""
        self.ranked_scores = message.scores
        self._rebuild()

    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def load(self) -> None:
        """Read the library from its index, then progress, stored and missing HSK profiles."""
        from textual.worker import get_current_worker

        worker = get_current_worker()
        # What the index holds shows first; the files are checked (and changed pages parsed
        # again) right after, and the list is redrawn if that changed anything.
        pages, counts = self.session.library_pages()
        if pages:
            self.post_message(LibraryListed(pages, counts))
        listed, chars = self.session.library_summaries(
            progress=lambda done, total: self.post_message(IndexProgress(done, total)))
        fresh = {i.id: i.article_count for i in listed}
        if fresh != counts or [i.id for i in listed] != [i.id for i in pages]:
            self.post_message(LibraryListed(listed, fresh))
        self.post_message(ArticlesListed(listed, chars))
        stored = self.session.stored_profiles()
        self.post_message(ProfilesReady(stored))
        issues = self.session.load_library()
        self.post_message(LibraryLoaded(issues))
        self.session.store_ready.wait(timeout=10)
        self.post_message(ProgressLoaded(self.session.all_progress()))
        self.session.language_ready.wait()
        missing = [a for i in issues for a in i.articles if a.id not in stored]
        for k in range(0, len(missing), PROFILE_BATCH):
            if worker.is_cancelled:
                return
            self.post_message(ProfilesReady(
                self.session.compute_profiles(missing[k:k + PROFILE_BATCH])))
            # Segmenting holds the GIL: a pause per batch keeps keys and article opens brisk
            # while a big import is profiled for the first time.
            time.sleep(PROFILE_PAUSE)

    def on_index_progress(self, message: IndexProgress) -> None:
        """Say how far the re-parse of the library has got."""
        if message.done < message.total:
            self.query_one("#library-status", Static).update(
                f"Indexing the library… {message.done:,} of {message.total:,} pages")

    def on_library_listed(self, message: LibraryListed) -> None:
        """Show the issues (their articles follow)."""
        self.counts = message.counts
        self.query_one(LibraryTree).set_library(message.issues, self.profiles, self.progress,
                                                counts=message.counts)
        self._rebuild()

    def on_articles_listed(self, message: ArticlesListed) -> None:
        """Attach the articles (without text) to the listed issues."""
        self.listed = message.issues
        self.query_one(LibraryTree).set_articles(message.issues, message.chars)
        if self.query_one("#filter", Input).value.strip():
            self._rebuild()  # a filter typed while the articles were on their way
        self.call_after_refresh(self.session.library_listed.set)
        if self.open_article:
            wanted, self.open_article = self.open_article, None
            self.post_message(OpenArticle(wanted))

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        """Hold the whole library (with text) for opening articles."""
        self.issues = message.issues
        self.articles = {a.id: a for i in message.issues for a in i.articles}

    def on_progress_loaded(self, message: ProgressLoaded) -> None:
        """Mark read and started articles."""
        self.progress.update(message.progress)
        self.query_one(LibraryTree).refresh_articles(message.progress)
        self._rescore_all()  # the store is open: scores made before it had no statuses

    def on_profiles_ready(self, message: ProfilesReady) -> None:
        """Show a batch of HSK profiles (only those lines are relabelled)."""
        self.profiles.update(message.profiles)
        self.difficulty.forget_absent()  # the pass stored the word counts with the profiles
        self.query_one(LibraryTree).refresh_articles(message.profiles)

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        """Filter as you type."""
        self._rebuild()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        """Enter in the filter box goes to the list."""
        self.query_one(LibraryTree).focus()

    def _rebuild(self) -> None:
        """List the issues and articles that match the filter."""
        query = self.query_one("#filter", Input).value.strip()
        words, conditions = split_filter(query)
        tree = self.query_one(LibraryTree)
        ranked = bool(conditions) or self.sort != "library"
        if ranked and self.ranked_scores is None:
            self.query_one("#library-status", Static).update("Scoring the library…")
            self.score_library()
            return
        shown = tree.show(query=words, conditions=conditions, sort=self.sort,
                          scores=self.ranked_scores)
        total = sum(self.counts.values())
        status = f"{len(self.counts):,} issues, {total:,} articles"
        if query:
            status = f"{shown:,} of {total:,} articles match “{printable(query)}”"
        elif ranked:
            status = f"{total:,} articles"
        if self.sort != "library":
            status += f", {SORT_LABELS[self.sort]}"
            if shown > FILTER_LIMIT:
                status += f" (the first {FILTER_LIMIT})"
        self.query_one("#library-status", Static).update(status)

    @on(Tree.NodeSelected, "#library")
    def _open(self, event: Tree.NodeSelected[str]) -> None:
        """Open the chosen article."""
        if event.node.data:
            self.post_message(OpenArticle(event.node.data))

    def action_filter(self) -> None:
        """Focus the filter box at once (keys typed right after `/` are filter text)."""
        self.set_focus(self.query_one("#filter", Input))

    def action_clear_filter(self) -> None:
        """Empty the filter and go back to the list."""
        box = self.query_one("#filter", Input)
        box.value = ""
        self.query_one(LibraryTree).focus()

    def action_search(self) -> None:
        """Open full-text search over the whole library."""
        from reader.tui.screens.search import SearchScreen

        self.app.push_screen(SearchScreen(self.session))

    def action_sort(self) -> None:
        """Cycle the order: library, most known first, fewest new words first."""
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.notify(f"Sorted: {SORT_LABELS[self.sort]}", timeout=2)
        self._rebuild()

    def action_readable(self) -> None:
        """Show only articles ≥ 90% known (toggles `known>=90` in the filter)."""
        box = self.query_one("#filter", Input)
        parts = box.value.split()
        kept = [p for p in parts if [str(c) for c in split_filter(p)[1]] != ["known>=90%"]]
        box.value = " ".join(kept if len(kept) < len(parts) else [*parts, "known>=90"])

    def action_digest(self) -> None:
        """Open the vocabulary digest of the issue under the cursor."""
        issue = self.query_one(LibraryTree).issue_at_cursor()
        if issue is None:
            self.notify("Put the cursor on an issue or an article first.")
            return
        from reader.tui.screens.digest import DigestScreen

        self.app.push_screen(DigestScreen(self.session, issue.id))

    def action_stats(self) -> None:
        """Open the progress screen."""
        from reader.tui.screens.stats import StatsScreen

        self.app.push_screen(StatsScreen(self.session))

    def action_reload(self) -> None:
        """Read the library again."""
        self.query_one("#library-status", Static).update("Loading the library…")
        self.load()

    def action_undo(self) -> None:
        """Take back the last change of this run, whatever its kind."""
        self.app.edit(lambda s: s.undo())

    def action_redo(self) -> None:
        """Make the last undone change again."""
        self.app.edit(lambda s: s.redo())

    def select_article(self, article_id: str) -> None:
        """Put the list's cursor on an article (so going back lands on it)."""
        tree = self.query_one(LibraryTree)
        if not tree.select_article(article_id):
            self.query_one("#filter", Input).value = ""
            self._rebuild()
            tree.select_article(article_id)
