"""The Textual app `reader` opens: library first, articles on top, help and themes app-wide."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.worker import Worker, WorkerState

from reader.reading.changes import Change, StoreReopened
from reader.reading.reviewing import utc_now
from reader.reading.session import ReadingSession
from reader.tui import display_prefs
from reader.tui.pipeline import EditingApp, OpenArticle
from reader.tui.screens.library import LibraryScreen

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.screen import Screen

# The article and help screens, and the palette's providers, are imported when first needed:
# the library's first frame should not wait for modules it does not show.


def _actions_provider() -> type[Provider]:
    """The palette provider of the current screen's actions (imported on first use)."""
    from reader.tui.commands import ActionsProvider

    return ActionsProvider


def _articles_provider() -> type[Provider]:
    """The palette provider that opens articles by title (imported on first use)."""
    from reader.tui.commands import ArticlesProvider

    return ArticlesProvider


DARK, LIGHT = "textual-dark", "textual-light"
"""The two themes `ctrl+t` switches between (any other can be chosen from the palette)."""


class ReaderApp(EditingApp):
    """Dubao: read Chinese newspapers word by word."""

    CSS_PATH = "reader.tcss"
    TITLE = "Dubao 读报"
    COMMANDS = App.COMMANDS | {_actions_provider, _articles_provider}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help"),
        Binding("ctrl+n", "notes", "All notes", show=False),
        Binding("ctrl+g", "saved_words", "Saved words", show=False),
        Binding("R", "review", "Review saved words", show=False),
        Binding("ctrl+e", "add_term", "Add a glossary term", show=False),
        Binding("ctrl+t", "toggle_theme", "Light/dark", show=False),
        Binding("ctrl+q", "quit", "Quit", show=False),
        Binding("ctrl+r", "restore_backup", "Restore the notes backup"),
        Binding("D", "digest", "New words of this issue", show=False),
        Binding("T", "stats", "Progress stats", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | ? | Every key of the current screen. |
    | ctrl+n | Every highlight and note of the library. |
    | ctrl+g | Saved words: every word saved with `s`. |
    | R | Review the saved words that are due (spaced repetition). |
    | ctrl+e | Add a glossary term (your own definition, first in every lookup). |
    | ctrl+t | Switch between the light and the dark theme. |
    | ctrl+p | Command palette: every action, and open any article by title. |
    | ctrl+q | Quit (the reading position is saved). |
    | ctrl+r | Restore the notes backup (only when a damaged notes file was set aside). |
    | D | The new words of the issue you are in (the digest), most frequent first. |
    | T | Progress: words known over time, words read per day, articles finished. |
    """

    def __init__(self, home: Path, article_id: str | None = None, *,
                 review: bool = False) -> None:
        super().__init__(ReadingSession(Path(home)))
        self.review_at_start = review
        """Open on the review screen (`reader review`)."""
        self.clock: Callable[[], datetime] = utc_now
        """The time reviews are rated at (a fixed clock in tests)."""
        self.library_screen = LibraryScreen(self.session, open_article=article_id)
        """The first screen, always at the bottom of the stack."""
        self.theme = DARK

    def get_default_screen(self) -> LibraryScreen:
        """The library is the first screen."""
        return self.library_screen

    def on_mount(self) -> None:
        """Once the first frame is out, warm the language layer and open the notes store."""
        self.session_changed.subscribe(self, self._session_changed)
        # Loading jieba holds the GIL for long stretches: starting it after the first
        # refresh keeps it from delaying the first frame.
        self.call_after_refresh(self.open_store)
        self.call_after_refresh(self.warm_up)
        display_prefs.attach(self)  # p, t, g and the theme, as the reader left them
        if self.review_at_start:
            self.action_review()

    @work(thread=True, exclusive=True, group="warm-up", exit_on_error=False)
    def warm_up(self) -> None:
        """Load jieba, pypinyin and the dictionary without holding up the first frame; then
        group the highlights for the notes screen (it opens at once, even over many)."""
        self.session.warm_up()
        self.session.store_ready.wait()
        if len(self.session.library):
            self.session.notes_listing()

    @work(thread=True, exclusive=True, group="store", exit_on_error=False)
    def open_store(self) -> None:
        """Open the notes store; say so when another instance holds it."""
        warning = self.session.open_store()
        if warning and self.session.read_only:
            self.call_from_thread(self._read_only, warning)
        elif warning:  # a notice only: the store can still write
            self.call_from_thread(self.notify, warning, severity="warning", timeout=8)

    def _read_only(self, warning: str) -> None:
        """Tell the user (header and a notice) that edits are off, or what the store said."""
        if not self.session.read_only:
            self.notify(warning, severity="warning", timeout=8)
            return
        self.sub_title = "read-only"
        for screen in self.screen_stack:
            sub = screen.sub_title
            screen.sub_title = f"{sub} · read-only" if sub else "read-only"
        if self.session.backup_waiting:
            warning += ". Press ctrl+r (or “Restore” in the palette) to restore the backup"
            self.refresh_bindings()
        self.notify(warning, severity="warning", timeout=12)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer the backup's restore only while one waits."""
        if action == "restore_backup":
            return self.session.backup_waiting
        return True

    def action_restore_backup(self) -> None:
        """Put the notes backup back and reopen the store (through the edit pipeline)."""
        if self.session.backup_waiting:
            # quiet: the pipeline would refuse a read-only session's write; this one ends it.
            self.edit(lambda s: s.restore_backup(), quiet=True)

    def _session_changed(self, change: Change) -> None:
        """The store was reopened: take "read-only" off the titles when it can write now."""
        if not isinstance(change, StoreReopened):
            return
        self.refresh_bindings()
        if change.read_only:
            return
        self.sub_title = ""
        for screen in self.screen_stack:
            sub = screen.sub_title or ""
            screen.sub_title = sub.replace(" · read-only", "").replace("read-only", "")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The app's own workers: a failure becomes a notice instead of a crash."""
        if event.state == WorkerState.ERROR:
            self.report_failure(event.worker)
        if event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            # a worker waiting on these (a review sitting, a lookup) must not wait for ever:
            # cancelled at quit before it ran, the store or the language layer never comes
            if event.worker.group == "store":
                self.session.store_ready.set()
            if event.worker.group == "warm-up":
                self.session.language_ready.set()

    def on_open_article(self, message: OpenArticle) -> None:
        """A screen asked for an article."""
        self.open_article(message.article_id, message.offset)

    def open_article(self, article_id: str, offset: int | None = None) -> None:
        """Open an article of the loaded library by id (or unique prefix), at `offset` if given.

        Article screens on top of the stack are closed first; a notes or saved-words screen
        stays under the article, so going back returns to it.
        """
        found = self.session.find_article(article_id)
        if found is None:
            self.notify(f"No article with id {article_id!r}.", severity="error")
            return
        from reader.tui.screens.article import ArticleScreen

        while isinstance(self.screen, ArticleScreen):
            self.pop_screen()
        self.library_screen.select_article(found.article.id)
        self.push_screen(ArticleScreen(self.session, found.issue, found.article, offset))

    def action_digest(self) -> None:
        """Open the digest of the issue on screen (the article's, or the library cursor's)."""
        issue = getattr(self.screen, "issue", None)
        if issue is None:
            self.library_screen.action_digest()
            return
        from reader.tui.screens.digest import DigestScreen

        self.push_screen(DigestScreen(self.session, issue.id))

    def action_stats(self) -> None:
        """Open the progress screen."""
        from reader.tui.screens.stats import StatsScreen

        self.push_screen(StatsScreen(self.session))

    def action_help(self) -> None:
        """Show every key of the current screen."""
        from reader.tui.screens.help import HelpScreen, key_rows

        if isinstance(self.screen, HelpScreen):
            return
        screen = self.screen
        title = getattr(screen, "HELP_TITLE", "library")
        legend = getattr(screen, "help_legend", None)
        self.push_screen(HelpScreen(key_rows(screen), title, tones=title == "article",
                                    legend=legend() if callable(legend) else None))

    def action_command_palette(self) -> None:
        """Open the palette, unless one is already on the stack (under a pushed screen)."""
        from textual.command import CommandPalette

        # Textual checks only the top screen: a second palette would reuse the first's id.
        if any(isinstance(screen, CommandPalette) for screen in self.screen_stack):
            return
        super().action_command_palette()

    def action_add_term(self) -> None:
        """Ask for a glossary term (starting on the looked-up word, if any) and add it."""
        from reader.tui.screens.dialogs import TermDialog
        from reader.tui.widgets.glossary_panel import GlossaryPanel

        if isinstance(self.screen, TermDialog) or not self.writable():
            return
        word = pinyin = ""
        for panel in self.screen.query(GlossaryPanel):
            if panel.display and panel.token is not None:
                word, pinyin = panel.token.text, panel.token.pinyin or ""

        def add(answer: tuple[str, str, str] | None) -> None:
            if answer is not None:
                term, reading, definition = answer
                self.edit(lambda s: s.put_term(term, reading, definition))

        self.push_screen(TermDialog(word, pinyin), add)

    def action_notes(self) -> None:
        """Show every highlight and note of the library."""
        from reader.tui.screens.notes import NotesScreen

        if not self._back_to(NotesScreen):
            self.push_screen(NotesScreen(self.session))

    def action_saved_words(self) -> None:
        """Show every saved word."""
        from reader.tui.screens.saved_words import SavedWordsScreen

        if not self._back_to(SavedWordsScreen):
            self.push_screen(SavedWordsScreen(self.session))

    def _back_to(self, kind: type[Screen[object]]) -> bool:
        """Go back to the screen of `kind` in the stack, closing those above it; False when
        there is none. Opening Saved words or Notes again from an article they led to goes
        back to them: the stack never grows by one article and one list per jump."""
        if not any(isinstance(screen, kind) for screen in self.screen_stack):
            return False
        while not isinstance(self.screen, kind):
            self.pop_screen()
        return True

    def action_review(self) -> None:
        """Review the saved words that are due."""
        from reader.tui.screens.review import ReviewScreen

        if isinstance(self.screen, ReviewScreen):
            return
        if any(isinstance(screen, ReviewScreen) for screen in self.screen_stack):
            # one sitting at a time: a second would queue the cards the first still shows
            self.notify("The review is open already: escape goes back to it.")
            return
        self.push_screen(ReviewScreen(self.session, self.clock))

    def action_toggle_theme(self) -> None:
        """Switch between the light and the dark theme."""
        self.theme = LIGHT if self.current_theme.dark else DARK

    async def action_quit(self) -> None:
        """Save the reading position, then quit."""
        from reader.tui.screens.article import ArticleScreen

        for screen in self.screen_stack:
            if isinstance(screen, ArticleScreen):
                screen.save_progress_now()
        # Writes asked for before the quit (the position just flushed among them) go first.
        await self.workers.wait_for_complete([w for w in self.workers if w.group == "edits"])
        self.session.close()
        self.exit(0)
