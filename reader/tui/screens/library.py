"""The first screen: the library's issues by date, filter as you type, open an article."""

from __future__ import annotations

from typing import ClassVar

from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Input, Static, Tree

from reader.corpus.model import Article, Issue
from reader.reading.changes import Change, ProgressChanged
from reader.reading.model import HskProfile, Progress
from reader.reading.session import ReadingSession
from reader.tui.messages import LibraryLoaded, ProfileReady, ProgressLoaded
from reader.tui.pipeline import EditingApp, OpenArticle
from reader.tui.widgets.key_bar import KeyBar
from reader.tui.widgets.library_tree import LibraryTree
from reader.tui.widgets.title_bar import TitleBar
from reader.tui.worker_errors import ReportsWorkerErrors


class LibraryScreen(ReportsWorkerErrors, Screen[None]):
    """Issues sorted by date, each expandable to its articles."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "filter", "Filter"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
        Binding("n", "app.notes", "Notes"),
        Binding("w", "app.saved_words", "Saved words"),
        Binding("r", "reload", "Reload"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | / | Type to filter issues and articles. |
    | escape | Clear the filter. |
    | n | Every highlight and note of the library. |
    | w | Every saved word (your glossary). |
    | r | Read the library again (after `reader import`). |
    """

    HELP_EXTRA: ClassVar[list[tuple[str, str]]] = [
        ("enter / click", "Open the article (or open and close an issue)"),
        ("space", "Open or close the issue"),
        ("up / down", "Move through issues and articles"),
    ]
    """Keys handled by the tree itself, for the help screen."""

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
        """Every issue of the library (empty until loaded)."""
        self.articles: dict[str, Article] = {}
        """Article id -> article."""
        self.profiles: dict[str, HskProfile] = {}
        """Article id -> HSK profile, filled in as the language layer gets to them."""
        self.progress: dict[str, Progress] = {}
        """Article id -> saved reading progress."""

    def compose(self) -> ComposeResult:
        """Header, filter box, the tree, a status line and the footer."""
        yield TitleBar()
        yield Input(
            placeholder="Filter: paper, date, title, byline…  (press / )", id="filter", compact=True
        )
        tree = LibraryTree("Library", id="library")
        tree.show_root = False
        yield tree
        yield Static("Loading the library…", id="library-status")
        yield KeyBar()

    def on_mount(self) -> None:
        """Start reading the library in the background."""
        self.title = "Dubao 读报"
        self.sub_title = "Library"
        self.query_one(LibraryTree).focus()
        self.call_after_refresh(self.load)
        self.app.session_changed.subscribe(self, self._session_changed)

    def _session_changed(self, change: Change) -> None:
        """Relabel only the leaves a change touches (a read mark after reading)."""
        if isinstance(change, ProgressChanged):
            self.progress[change.article_id] = change.progress
            self.query_one(LibraryTree).refresh_articles([change.article_id])

    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def load(self) -> None:
        """Read and parse the library, then the saved progress, then the HSK profiles."""
        issues = self.session.load_library()
        self.post_message(LibraryLoaded(issues))
        self.session.store_ready.wait(timeout=10)
        self.post_message(ProgressLoaded(self.session.all_progress()))
        self.session.language_ready.wait()
        for issue in issues:
            for art in issue.articles:
                self.post_message(ProfileReady(art.id, self.session.profile(art)))

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        """Show the issues."""
        self.issues = message.issues
        self.articles = {a.id: a for i in message.issues for a in i.articles}
        self._rebuild()
        if self.open_article:
            wanted, self.open_article = self.open_article, None
            self.post_message(OpenArticle(wanted))

    def on_progress_loaded(self, message: ProgressLoaded) -> None:
        """Mark read and started articles."""
        self.progress.update(message.progress)
        self.query_one(LibraryTree).relabel(self.articles, self.profiles, self.progress)

    def on_profile_ready(self, message: ProfileReady) -> None:
        """Show one more HSK profile."""
        self.profiles[message.article_id] = message.profile
        self.query_one(LibraryTree).relabel(self.articles, self.profiles, self.progress)

    def set_progress(self, article_id: str, progress: Progress) -> None:
        """Update one article's read mark (after reading it)."""
        self.progress[article_id] = progress
        self.query_one(LibraryTree).relabel(self.articles, self.profiles, self.progress)

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
        tree = self.query_one(LibraryTree)
        shown = tree.show(self.issues, query, self.profiles, self.progress)
        total = len(self.articles)
        status = f"{len(self.issues)} issues, {total} articles"
        if query:
            status = f"{shown} of {total} articles match “{query}”"
        self.query_one("#library-status", Static).update(status)

    @on(Tree.NodeSelected, "#library")
    def _open(self, event: Tree.NodeSelected[str]) -> None:
        """Open the chosen article."""
        if event.node.data:
            self.post_message(OpenArticle(event.node.data))

    def action_filter(self) -> None:
        """Focus the filter box."""
        self.query_one("#filter", Input).focus()

    def action_clear_filter(self) -> None:
        """Empty the filter and go back to the list."""
        box = self.query_one("#filter", Input)
        box.value = ""
        self.query_one(LibraryTree).focus()

    def action_reload(self) -> None:
        """Read the library again."""
        self.query_one("#library-status", Static).update("Loading the library…")
        self.load()

    def select_article(self, article_id: str) -> None:
        """Put the list's cursor on an article (so going back lands on it)."""
        tree = self.query_one(LibraryTree)
        if not tree.select_article(article_id):
            self.query_one("#filter", Input).value = ""
            self._rebuild()
            tree.select_article(article_id)

    def find(self, article_id: str) -> tuple[Issue, Article] | None:
        """The issue and article with this id (or a unique prefix), once loaded."""
        hits = [
            (issue, art) for issue in self.issues for art in issue.articles
            if art.id == article_id or art.id.startswith(article_id)
        ]
        exact = [h for h in hits if h[1].id == article_id]
        return (exact or hits)[0] if len(exact or hits) == 1 else None
