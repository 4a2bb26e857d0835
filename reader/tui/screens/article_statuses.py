"""The article screen's word statuses: the marks loaded and kept current, the status keys, and
the page-turn offer ("mark the remaining new words known").

Statuses are written through the app's edit pipeline (`session.learning.set_status`, one undo
step each) and drawn from the change the pipeline broadcasts: only the words a change names
are re-styled and repainted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from reader.learning.status import KEY_STATUS, Status
from reader.reading.changes import Change, StatusesChanged, StoreReopened
from reader.tui.pipeline import EditingApp
from reader.tui.widgets.status_marks import markable_starts

if TYPE_CHECKING:
    from reader.corpus.model import Article
    from reader.language.model import Token
    from reader.reading.session import ReadingSession
    from reader.tui.widgets.article_view import ArticleView
    from reader.tui.widgets.status_marks import StatusMarks


class StatusScreen(Protocol):
    """What the part needs of the article screen (a protocol: no import cycle)."""

    session: ReadingSession
    article: Article

    @property
    def view(self) -> ArticleView:
        """The article text."""

    @property
    def app(self) -> EditingApp:
        """The app (its edit pipeline)."""

    @property
    def is_attached(self) -> bool:
        """True while the screen is in the DOM."""

    def run_worker(self, work: Callable[[], None], *, thread: bool, exclusive: bool,
                   group: str, exit_on_error: bool) -> object:
        """Run a worker."""

STATUS_KEYS = {**KEY_STATUS, "K": Status.KNOWN, "0": Status.NEW}
"""Status by key on the article screen: `k` moves the cursor up (vim) and `n` goes to the
next search match, so known is `K` and back-to-new is `0`."""


class ArticleStatuses:
    """Word statuses on one article screen."""

    def __init__(self, screen: StatusScreen) -> None:
        self.screen = screen
        """The article screen."""
        self.offered = False
        """True once the page-turn offer was made (once per opening)."""
        self.confirming = False
        """True after an F before the end of the article: the next F does it."""

    @property
    def marks(self) -> StatusMarks:
        """The view's status marks."""
        return self.screen.view.word_marks

    def load(self, tokens: list[Token] | None = None) -> None:
        """Work out which words take a mark and read the statuses, off the UI thread.

        `tokens`: the body's and the headline's and captions' (as the view got them); None
        reads them again (the store was reopened)."""
        screen = self.screen
        session, article = screen.session, screen.article
        if tokens is None:
            tokens = list(screen.view.tokens)

        def read() -> None:
            from reader.language.names import byline_names

            markable = markable_starts(tokens, byline_names(article.byline))
            statuses = session.learning.statuses()
            screen.app.call_from_thread(self._loaded, tokens, markable, statuses)

        screen.run_worker(read, thread=True, exclusive=True, group="statuses",
                          exit_on_error=False)

    def _loaded(self, tokens: list[Token], markable: frozenset[int],
                statuses: dict[str, Status]) -> None:
        """Draw the marks of the words just read."""
        if self.screen.is_attached:
            self.screen.view.repaint_starts(self.marks.load(tokens, markable, statuses))

    def session_changed(self, change: Change) -> None:
        """Re-style the words whose status changed (a key, the panel, an undo, a save)."""
        if not self.marks.loaded:
            return
        if isinstance(change, StoreReopened):
            self.load()  # the view's tokens are the same: only the statuses differ
            return
        statuses = self.screen.session.learning.statuses()
        if isinstance(change, StatusesChanged):
            changed = self.marks.update(statuses, change.words)
        elif statuses is not self.marks.statuses:  # a highlight or a save made words learning
            changed = self.marks.update(statuses)
        else:
            return
        self.screen.view.repaint_starts(changed)

    def set_key(self, key: str) -> None:
        """The status key pressed: give the cursor word that status."""
        view = self.screen.view
        if view.cursor is None:
            self.screen.app.notify("Put the cursor on a word first (w, or a click).",
                               severity="warning")
            return
        self.set_word(view.tokens[view.cursor].text, STATUS_KEYS[key])

    def set_word(self, word: str, status: Status) -> None:
        """Give a word a status (one undo step)."""
        screen = self.screen
        if not any("\u3400" <= ch <= "\u9fff" for ch in word):
            screen.app.notify("Only Chinese words take a status.", severity="warning")
            return
        if screen.session.learning.status(word) is status:
            screen.app.notify(f"{word} is {status.label} already.")
            return
        notice = f"{word}: {status.label} · u to undo"
        screen.app.edit(lambda s: s.learning.set_status(word, status, notice=notice))

    def remaining(self) -> list[str]:
        """The article's words still new."""
        return self.marks.remaining_new() if self.marks.loaded else []

    def mark_rest_known(self) -> None:
        """LingQ's page turn: every word of the article still new becomes known (one step)."""
        words = self.remaining()
        if not words:
            self.screen.app.notify("No new words left in this article.")
            return
        n = len(words)
        if not self.offered and not self.confirming:
            # before the end of the article one key would mark words not read yet: ask once
            self.confirming = True
            self.screen.app.notify(f"Mark all {n} new words of this article known, also those "
                                   "not read yet? Press F again to confirm.", timeout=6)
            return
        self.confirming = False
        label = f"{n} remaining new words marked known"
        notice = f"Marked the {n} remaining new words known · u to undo"
        self.screen.app.edit(lambda s: s.learning.set_status(words, Status.KNOWN, label=label,
                                                             notice=notice))

    def offer_page_turn(self) -> None:
        """At the end of the article, offer once to mark the words still new known."""
        if self.offered or not self.marks.loaded or self.screen.session.read_only:
            return
        n = len(self.remaining())
        if n:
            self.offered = True
            self.screen.app.notify(f"End of the article: press F to mark the {n} remaining new "
                               "words known.", timeout=8)
