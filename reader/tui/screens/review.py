"""The review screen: due saved words one at a time, in their own sentence, rated with FSRS.

The front is the sentence with the word blanked (`p` adds its pinyin); space shows the back.
Keys 1-4 rate on either side: a rating from the front counts as answered (recalled in one's
head), so the rating keys and buttons are the same on both sides and the key bar never changes
with the side. A rating moves to the next card at once: the card's texts are made before it
is shown and the write goes through the app's edit pipeline, so no key waits for the disk.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button, Static

from reader.language.spelling import display_pinyin
from reader.reading.reviewing import ReviewSitting, Source, sentence_pinyin, utc_now
from reader.reading.session import READ_ONLY_NOTICE, ReadingSession
from reader.tui.pipeline import OpenArticle
from reader.tui.review_card import Faces, card_faces, when_text
from reader.tui.review_queue import Rated, ReviewQueue
from reader.tui.screens.base import ReaderScreen
from reader.tui.widgets.key_bar import KeyBar
from reader.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from reader.learning.review import DueCard
    from reader.reading.changes import Change

RATING_NAMES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
"""The four FSRS ratings by key."""
PINYIN_BATCH = 25
"""Cards whose pinyin is made per message."""


class SittingOpened(Message):
    """The due cards were read."""

    def __init__(self, sitting: ReviewSitting) -> None:
        super().__init__()
        self.sitting = sitting
        """The sitting (its queue, read-only or not)."""
        self.queue = sitting.queue()
        """The cards to show, first first."""


class SourcesRead(Message):
    """The articles the cards' words come from."""

    def __init__(self, sources: dict[str, Source]) -> None:
        super().__init__()
        self.sources = sources
        """Word id -> where it was met."""


class PinyinRead(Message):
    """The pinyin of some cards' sentences and words."""

    def __init__(self, lines: dict[str, str], written: dict[str, str]) -> None:
        super().__init__()
        self.lines = lines
        """Sentence -> its reading."""
        self.written = written
        """Word id -> the word's pinyin as GB/T 16159 writes it (a proper noun's capital)."""


class RatingSaved(Message):
    """The edit pipeline answered a rating or an undo (`change` None: the write failed)."""

    def __init__(self, rated: Rated, undo: bool, change: Change | None) -> None:
        super().__init__()
        self.rated = rated
        self.undo = undo
        self.change = change


class RatingButton(Button):
    """A rating button: clicked, never focused (space and enter stay the screen's keys)."""

    can_focus = False


class ReviewScreen(ReaderScreen[None]):
    """Due cards one at a time: reveal, rate 1-4, undo; a summary at the end."""

    HELP_TITLE = "review"
    """What the help screen calls this screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("space", "reveal", "Show answer"),
        Binding("enter", "enter", "Show answer, then open the article", show=False),
        Binding("p", "pinyin", "Pinyin"),
        Binding("1", "rate(1)", "Again"),
        Binding("2", "rate(2)", "Hard"),
        Binding("3", "rate(3)", "Good"),
        Binding("4", "rate(4)", "Easy"),
        Binding("n", "next", "Next card"),
        Binding("o", "open", "Open article"),
        Binding("u", "undo", "Undo rating"),
        Binding("q", "back", "Back", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | space, enter | Show the answer: the word, pinyin, definition, note, HSK, article. |
    | p | Show or hide the sentence's pinyin (a hint). |
    | 1 2 3 4 | Rate the card Again, Hard, Good, Easy (or click the buttons), on either side. |
    | u | Undo the last rating (the card is shown again). |
    | o, enter | On the answer: open the article at the sentence. |
    | n | Read-only: the next card (ratings cannot be saved). |
    | escape, q | Back. |
    """

    DEFAULT_CSS = """
    ReviewScreen {
        align-horizontal: center;
        & > #review-status { height: 1; color: $text-muted; padding: 0 2; width: 1fr; }
        & > #review-card {
            height: 14; max-width: 90; border: round $primary; padding: 1 2; margin: 1 2 0 2;
            overflow: hidden;
        }
        & > #review-buttons { height: auto; max-width: 90; margin: 1 2 0 2;
                              align-horizontal: center; }
        #review-buttons > Button { margin: 0 1; min-width: 12; }
        & > #review-message { height: auto; max-width: 90; padding: 1 2; margin: 1 2; }
    }
    """

    def __init__(self, session: ReadingSession,
                 clock: Callable[[], datetime] = utc_now) -> None:
        super().__init__()
        self.session = session
        """The app's line to the core."""
        self.clock = clock
        """The time ratings are given at (a fixed clock in tests)."""
        self.sitting: ReviewSitting | None = None
        """The sitting, once the cards were read."""
        self.cards = ReviewQueue()
        """The cards to show, the ratings given and the writes on their way."""
        self.revealed = False
        """True when the back of the current card is shown."""
        self.show_pinyin = False
        """True when the sentence's pinyin is shown on the front."""
        self.sources: dict[str, Source] = {}
        self.pinyin: dict[str, str] = {}
        self.written: dict[str, str] = {}
        """Word id -> its pinyin as written (made in the loading worker)."""
        self._faces: dict[str, Faces] = {}
        self._cards_shown: bool | None = None
        self._status_text = ""

    def compose(self) -> ComposeResult:
        """The title, a status line, the card, the rating buttons, the end message, keys."""
        yield TitleBar()
        yield Static("Reading the cards due…", id="review-status", markup=False)
        # Fixed sizes: a key changes texts, never the layout (no frame waits for one).
        yield Static("", id="review-card")
        with Horizontal(id="review-buttons"):
            for n, name in RATING_NAMES.items():
                yield RatingButton(f"{n} {name}", id=f"rate-{n}", compact=True,
                                   variant="error" if n == 1 else "default")
        yield Static("", id="review-message", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        """Title the screen and read the due cards in the background."""
        self.title = "Review"
        self.sub_title = "saved words due" + (" · read-only" if self.session.read_only else "")
        self._mode(cards=False)
        self.load()

    # Loading ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="review-load", exit_on_error=False)
    def load(self) -> None:
        """Open the sitting; then the cards' articles and their sentences' pinyin."""
        sitting = ReviewSitting.open(self.session, self.clock)
        self.post_message(SittingOpened(sitting))
        queue = sitting.queue()
        if not queue:
            return
        self.post_message(SourcesRead(sitting.sources([c.word for c in queue])))
        # Spelling looks words up: with the language layer still loading, a lookup on the UI
        # thread would load it there (seconds), so every reading is made here, once it is in.
        self.session.language_ready.wait()
        done: set[str] = set()
        for start in range(0, len(queue), PINYIN_BATCH):
            words = [c.word for c in queue[start:start + PINYIN_BATCH]]
            lines = {w.sentence: sentence_pinyin(w.sentence) for w in words
                     if w.sentence and w.sentence not in done}
            done.update(lines)
            self.post_message(PinyinRead(lines, {w.id: display_pinyin(w.word, w.pinyin)
                                                 for w in words}))
        # The sitting's cards, texts and the language layer's caches live as long as the
        # review: a full collection walking them stalls a key by tens of milliseconds.
        gc.freeze()

    def on_sitting_opened(self, message: SittingOpened) -> None:
        """Show the first card (or say that none is due, and when one will be)."""
        self.sitting = message.sitting
        self.cards = ReviewQueue(message.queue)
        self._faces.clear()
        if self.sitting.read_only and self.queue:
            self.notify(READ_ONLY_NOTICE, severity="warning")
        self._cards_shown = None
        self.refresh_bindings()
        self._show()

    def on_sources_read(self, message: SourcesRead) -> None:
        """The cards' articles are known: the backs can name them."""
        self.sources.update(message.sources)
        self._faces.clear()
        self._show(keep=True)

    def on_pinyin_read(self, message: PinyinRead) -> None:
        """More sentences' pinyin: remake the hints that were waiting for it."""
        self.pinyin.update(message.lines)
        self.written.update(message.written)
        self._faces.clear()
        self._show(keep=True)

    # Showing ---------------------------------------------------------------------------

    @property
    def current(self) -> DueCard | None:
        """The card on screen (None when there is none)."""
        return self.cards.current

    @property
    def queue(self) -> list[DueCard]:
        """The cards still to show, current first."""
        return self.cards.cards

    @property
    def rated(self) -> list[Rated]:
        """The ratings of this sitting that stand."""
        return self.cards.rated

    def faces(self, card: DueCard) -> Faces:
        """The card's texts (made once, then kept)."""
        w = card.word
        faces = self._faces.get(w.id)
        if faces is None:
            faces = card_faces(card, self.sources.get(w.id), self.pinyin.get(w.sentence),
                               self.written.get(w.id))
            self._faces[w.id] = faces
        return faces

    def _mode(self, cards: bool) -> None:
        """Show the card and its buttons, or the end message (the one change of layout)."""
        if self._cards_shown is cards:
            return
        self._cards_shown = cards
        self.query_one("#review-card").display = cards
        self.query_one("#review-buttons").display = cards and not self._read_only
        self.query_one("#review-message").display = not cards

    def _show(self, keep: bool = False) -> None:
        """Show the current card's front (`keep`: as it is, revealed or not), or the end."""
        card = self.current
        if card is None:
            self._mode(cards=False)
            self.query_one("#review-message", Static).update(self._end_text())
            self._update_status()
            return
        if not keep:
            self.revealed = False
        self._mode(cards=True)
        self.query_one("#review-card", Static).update(self.card_text(card), layout=False)
        self._update_status()
        if len(self.queue) > 1:  # make the next card's texts while the user reads this one
            self.call_after_refresh(self.faces, self.queue[1])

    def card_text(self, card: DueCard) -> Text:
        """What the card box shows: the answer, or the front (with its pinyin when asked)."""
        faces = self.faces(card)
        if self.revealed:
            return faces.answer
        if self.show_pinyin:
            return Text("\n\n").join([faces.front, faces.pinyin])
        return faces.front

    def _update_status(self) -> None:
        """Rewrite the status line when what it says changed (a frame less per rating)."""
        text = self._status()
        if text != self._status_text:
            self._status_text = text
            self.query_one("#review-status", Static).update(text, layout=False)

    def _status(self) -> str:
        """`3 to review · 2 rated · 1 again · new card` and what the keys do now."""
        bits = [f"{len(self.queue)} to review", f"{len(self.rated)} rated"]
        if self.cards.again:
            bits.append(f"{self.cards.again} again")
        card = self.current
        if card is not None and card.new:
            bits.append("new card")
        if card is not None and not self._read_only:
            bits.append("rate it: 1-4" if self.revealed
                        else "space shows the answer · 1-4 rates it now")
        if self._read_only:
            bits.append(READ_ONLY_NOTICE)
        return " · ".join(bits)

    def _end_text(self) -> str:
        """The summary, or why there is nothing to review."""
        sitting = self.sitting
        if sitting is None:
            return "Reading the cards due…"
        if sitting.review is None:
            return "The notes could not be opened, so there is nothing to review."
        if self.cards.pending:
            return "Saving your last ratings…"
        now = self.clock()
        if self.cards.skipped:
            return f"That was every card due. {READ_ONLY_NOTICE}"
        if not self.rated:
            if sitting.next_due is not None:
                return ("No cards are due now. The next card is due "
                        f"{when_text(sitting.next_due, now)}.")
            return ("No cards to review: save words in an article (enter on a word, then s). "
                    "Words marked known are never asked.")
        summary = self.cards.summary
        ratings = summary.reviewed if summary else len(self.rated)
        again = summary.again if summary else self.cards.again
        cards = len({r.card.word.word for r in self.rated})
        times = f" ({ratings} ratings)" if ratings != cards else ""
        lines = [f"Review done: {cards} card{'' if cards == 1 else 's'} reviewed{times}, "
                 f"{again} again."]
        if summary is not None and summary.next_due is not None:
            lines.append(f"Next card due {when_text(summary.next_due, now)}.")
        lines.append("u takes back the last rating; escape goes back.")
        return "\n".join(lines)

    @property
    def _read_only(self) -> bool:
        return self.sitting is not None and self.sitting.read_only

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Read-only: no rating keys, a key for the next card instead.

        The keys do not change with the card's side: a new key bar on every key would cost
        more than the card itself, so every key does something on both sides.
        """
        if action in ("rate", "undo"):
            return not self._read_only
        if action == "next":
            return self._read_only
        return True

    # Keys ------------------------------------------------------------------------------

    def action_reveal(self) -> None:
        """Show the back of the card."""
        if self.current is None or self.revealed:
            return
        self.revealed = True
        self._show(keep=True)

    def action_enter(self) -> None:
        """Enter shows the answer; on the answer it opens the article."""
        if self.revealed:
            self.action_open()
        else:
            self.action_reveal()

    def action_pinyin(self) -> None:
        """Show or hide the sentence's pinyin on the front."""
        self.show_pinyin = not self.show_pinyin
        if self.current is not None and not self.revealed:
            self._show(keep=True)

    def action_rate(self, rating: int) -> None:
        """Rate the card and show the next one at once; the write follows in the background."""
        card = self.current
        if card is None or rating not in RATING_NAMES:
            return
        if self._read_only or not self.app.writable():
            return
        rated = self.cards.rate(rating)
        sitting = self.sitting
        assert sitting is not None
        word = card.word.word
        self._send(rated, False, lambda: sitting.rate(word, rating))
        self._show()

    def action_undo(self) -> None:
        """Take back the last rating: its card is shown again."""
        if not self.rated or self._read_only or not self.app.writable():
            return
        rated = self.cards.undo()
        assert rated is not None
        sitting = self.sitting
        assert sitting is not None
        word = rated.card.word.word
        self._send(rated, True, lambda: sitting.undo(word))
        self._show()

    def action_next(self) -> None:
        """Read-only: show the next card without rating this one."""
        if self.current is not None and self._read_only:
            self.cards.skip()
            self._show()

    def action_open(self) -> None:
        """Open the card's article at its sentence."""
        card = self.current
        if card is None:
            return
        if not self.revealed:  # the article would give the word away: the answer first
            self.action_reveal()
            return
        source = self.sources.get(card.word.id)
        if source is None or source.offset is None:
            self.notify("That sentence is not in the library any more.", severity="warning")
            return
        self.post_message(OpenArticle(card.word.article_id, source.offset))

    def action_back(self) -> None:
        """Leave the review (ratings still being saved are saved)."""
        self.dismiss(None)

    @on(Button.Pressed, "#review-buttons Button")
    def _clicked(self, event: Button.Pressed) -> None:
        """A rating by the mouse."""
        event.stop()
        self.action_rate(int((event.button.id or "rate-0").removeprefix("rate-")))

    def on_click(self, event: events.Click) -> None:
        """A click on the card's front shows the answer."""
        inside = event.widget is not None and event.widget.id == "review-card"
        if inside and self.current is not None and not self.revealed:
            self.action_reveal()

    # Writes ----------------------------------------------------------------------------

    def _send(self, rated: Rated, undo: bool, write: Callable[[], Change]) -> None:
        """Queue a rating's write on the edit pipeline; its answer comes back as a message."""

        def op(_session: ReadingSession) -> Change | None:
            change: Change | None = None
            try:
                change = write()
            finally:
                self.post_message(RatingSaved(rated, undo, change))
            return change

        self.app.edit(op)

    def on_rating_saved(self, message: RatingSaved) -> None:
        """A write answered: a card may come back; the end shows once all are saved."""
        before = self.current
        self.cards.answered(message.rated, message.undo, message.change)
        if before is None or self.current is not before:  # the end, or a card came or went
            self._show()
        else:
            self._update_status()

    def session_changed(self, change: Change) -> None:
        """The store was reopened elsewhere (a backup restored): read the cards again."""
        from reader.reading.changes import StoreReopened

        if isinstance(change, StoreReopened):
            self.cards = ReviewQueue()
            self.load()
