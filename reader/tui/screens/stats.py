"""Progress: words known over time, words read per day and articles finished, as plots.

The plots are textual-plotext widgets (MIT; Plotext inside a Textual widget), imported when
the screen opens so the library's start does not pay for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Static

from reader.learning.stats import reading_totals
from reader.reading.changes import Change, ProgressChanged, StatusesChanged
from reader.reading.session import ReadingSession
from reader.tui.screens.base import ReaderScreen
from reader.tui.widgets.key_bar import KeyBar
from reader.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from textual_plotext import PlotextPlot

    from reader.learning.stats import LearningStats

TICKS = 6
"""Most date labels under a plot (more would overlap)."""


class StatsReady(Message):
    """The figures, made from the statuses, the reading progress and the library."""

    def __init__(self, stats: LearningStats) -> None:
        super().__init__()
        self.stats = stats


def summary(stats: LearningStats) -> str:
    """The totals line above the plots."""
    return (f"Known {stats.known:,} · learning {stats.learning:,} · ignored {stats.ignored:,}"
            f" · {reading_totals(stats).replace(', ', ' · ')}")


def _ticks(days: Sequence[str]) -> tuple[list[int], list[str]]:
    """At most TICKS evenly spread positions and their `MM-DD` labels."""
    if not days:
        return [], []
    step = max(1, -(-len(days) // TICKS))
    picks = list(range(0, len(days), step))
    return picks, [days[k][5:] for k in picks]


def _counts(top: int) -> tuple[list[int], list[str]]:
    """Whole-number ticks from 0 to past `top` (counts are never fractions)."""
    step = max(1, -(-top // 4))
    marks = list(range(0, top + step, step))
    return marks, [f"{m:,}" for m in marks]


class StatsScreen(ReaderScreen[None]):
    """Three small plots of the reader's progress."""

    HELP_TITLE = "progress"
    """What the help screen calls this screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("r", "reload", "Refresh"),
        Binding("q", "back", "Back", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape, q | Back. |
    | r | Count again. |
    """

    DEFAULT_CSS = """
    StatsScreen {
        & > #stats-summary { height: 1; padding: 0 1; }
        & > #known-plot { height: 1fr; }
        & > Horizontal { height: 1fr; }
        & > Horizontal > PlotextPlot { width: 1fr; }
    }
    """

    def __init__(self, session: ReadingSession) -> None:
        super().__init__()
        self.session = session
        """The app's line to the core."""
        self.stats: LearningStats | None = None
        """The figures shown (None until counted)."""

    def compose(self) -> ComposeResult:
        """Header, totals, the plots and keys."""
        from textual_plotext import PlotextPlot

        yield TitleBar()
        yield Static("Counting…", id="stats-summary", markup=False)
        yield PlotextPlot(id="known-plot")
        with Horizontal():
            yield PlotextPlot(id="read-plot")
            yield PlotextPlot(id="finished-plot")
        yield KeyBar()

    def on_mount(self) -> None:
        """Count in the background."""
        super().on_mount()
        self.title = "Progress"
        self.sub_title = "words known, words read, articles finished"
        self.load()

    @work(thread=True, exclusive=True, group="stats", exit_on_error=False)
    def load(self) -> None:
        """Build the figures (words read needs each read article's tokens: from the cache)."""
        from reader.learning.stats import learning_stats

        self.session.store_ready.wait()
        store = self.session.readable_store()
        docs: dict = {}
        progress: list = []
        if store is not None:
            with self.session.store_lock:
                docs = dict(store.keyed_docs("statuses"))
                progress = store.all_progress()
        articles = {}
        if progress:
            self.session.language_ready.wait()
            articles = {f.article.id: f.article for f in self.session.loaded_library().articles()}
        self.post_message(StatsReady(learning_stats(docs, progress, articles)))

    def session_changed(self, change: Change) -> None:
        """A status or a reading position changed: count again."""
        if isinstance(change, StatusesChanged | ProgressChanged):
            self.load()

    def on_stats_ready(self, message: StatsReady) -> None:
        """Draw the plots."""
        self.stats = stats = message.stats
        self.query_one("#stats-summary", Static).update(summary(stats))
        if len(stats.known_by_day) > 1:
            self._line("#known-plot", "Words known", stats.known_by_day)
        else:  # one day is one point: a bar shows it
            self._bars("#known-plot", "Words known", stats.known_by_day)
        self._bars("#read-plot", "Words read per day", stats.read_by_day)
        self._bars("#finished-plot", "Articles finished per day", stats.finished_by_day)

    def _plot(self, selector: str, title: str, empty: bool) -> PlotextPlot:
        from textual_plotext import PlotextPlot

        widget = self.query_one(selector, PlotextPlot)
        plt = widget.plt
        plt.clear_data()
        plt.clear_figure()
        plt.title(title + (" — nothing yet" if empty else ""))
        return widget

    def _line(self, selector: str, title: str, series: Sequence[tuple[str, int]]) -> None:
        widget = self._plot(selector, title, not series)
        if series:
            plt = widget.plt
            days = [d for d, _v in series]
            plt.plot(list(range(len(days))), [v for _d, v in series], marker="braille")
            plt.xticks(*_ticks(days))
            plt.yticks(*_counts(max(v for _d, v in series)))
        widget.refresh()

    def _bars(self, selector: str, title: str, series: Sequence[tuple[str, int]]) -> None:
        widget = self._plot(selector, title, not series)
        if series:
            plt = widget.plt
            days = [d for d, _v in series]
            plt.bar(list(range(len(days))), [v for _d, v in series], width=0.6)
            pad = max(0.0, (TICKS - len(days)) / 2)  # a day or two: bars, not a wall
            plt.xlim(-0.5 - pad, len(days) - 0.5 + pad)
            plt.xticks(*_ticks(days))
            plt.yticks(*_counts(max(v for _d, v in series)))
        widget.refresh()

    def action_reload(self) -> None:
        """Count again."""
        self.load()

    def action_back(self) -> None:
        """Back to where the screen was opened."""
        self.dismiss(None)
