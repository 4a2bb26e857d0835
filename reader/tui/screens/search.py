"""Full-text search of the whole library: type characters or pinyin, enter opens at the match."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.reading.session import ReadingSession
from reader.tui.pipeline import OpenArticle
from reader.tui.widgets.key_bar import KeyBar
from reader.tui.widgets.title_bar import TitleBar
from reader.tui.worker_errors import ReportsWorkerErrors

if TYPE_CHECKING:
    from reader.index.search import Hit, Results

LIMIT = 200
"""Most articles listed for one query."""


class SearchDone(Message):
    """Results of one query (dropped if the box has changed since)."""

    def __init__(self, query: str, results: Results) -> None:
        super().__init__()
        self.query = query
        """The query as typed."""
        self.results = results
        """What was found."""


def hit_label(hit: Hit) -> Text:
    """Title, paper and date, then the sentence with the match marked."""
    text = Text()
    text.append(hit.title, "bold")
    text.append(f"  {hit.paper or 'Unknown paper'} · {hit.date or 'undated'}", "dim")
    if hit.matches > 1:
        text.append(f" · {hit.matches} matches", "dim")
    a, b = hit.mark
    sentence = hit.sentence.replace("\n", " ")
    text.append("\n  ")
    text.append(sentence[:a])
    text.append(sentence[a:b], "reverse bold")
    text.append(sentence[b:])
    return text


class SearchScreen(ReportsWorkerErrors, Screen[None]):
    """A query box over every article's text and a list of matching sentences."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("down", "to_results", "Results", show=False),
        Binding("ctrl+o", "saved", "Your words"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Back to the library. |
    | down | From the box to the results. |
    | ctrl+o | Where your saved words and highlighted passages occur (those holding the query). |
    """

    HELP_TITLE = "search"
    HELP_EXTRA: ClassVar[list[tuple[str, str]]] = [
        ("enter", "Open the article at the match"),
        ("kuajing / kuàjìng", "Pinyin finds the whole words it spells"),
    ]
    """Keys handled by the list and box themselves, for the help screen."""

    DEFAULT_CSS = """
    SearchScreen {
        & > #search-query { margin: 0 1; }
        & > OptionList { height: 1fr; }
        & > #search-status { height: 1; color: $text-muted; padding: 0 1; }
    }
    """

    def __init__(self, session: ReadingSession) -> None:
        super().__init__()
        self.session = session
        """The app's line to the core."""
        self.hits: list[Hit] = []
        """The results listed, in order."""

    def compose(self) -> ComposeResult:
        """Header, query box, results, status and footer."""
        yield TitleBar()
        yield Input(placeholder="Search every article: 跨境, 对外开放, kuajing, kuàjìng",
                    id="search-query", compact=True)
        yield OptionList(id="search-results")
        yield Static("Type characters or pinyin.", id="search-status", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        """Focus the box."""
        self.title = "Dubao 读报"
        self.sub_title = "Search"
        self.query_one("#search-query", Input).focus()

    @on(Input.Changed, "#search-query")
    def _changed(self, event: Input.Changed) -> None:
        """Search as you type (in a worker; a newer query cancels an older one)."""
        query = event.value.strip()
        if not query:
            self.hits = []
            self.query_one(OptionList).clear_options()
            self.query_one("#search-status", Static).update("Type characters or pinyin.")
            return
        self.run_search(query)

    @on(Input.Submitted, "#search-query")
    def _submitted(self) -> None:
        """Enter in the box goes to the results."""
        self.action_to_results()

    def action_saved(self) -> None:
        """Search for the saved words and highlighted passages (those holding the query)."""
        self.query_one("#search-status", Static).update("Searching your words…")
        self.run_saved(self.query_one("#search-query", Input).value.strip())

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_saved(self, query: str) -> None:
        """Where the user's saved words and highlighted passages occur in the library."""
        from reader.corpus.library import open_index
        from reader.index.search import search_words

        words = [w.word for w in self.session.words()]
        words += [h.quote for h in self.session.all_highlights()]
        words = [w for w in words if query in w]
        with open_index(self.session.home) as conn:
            results = search_words(conn, words, LIMIT, query=query or "your words")
        self.post_message(SearchDone(query, results))

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, query: str) -> None:
        """Run one query against the library index."""
        from reader.corpus.library import open_index
        from reader.index.search import search

        with open_index(self.session.home) as conn:
            results = search(conn, query, LIMIT)
        self.post_message(SearchDone(query, results))

    def on_search_done(self, message: SearchDone) -> None:
        """List the results of the query still in the box."""
        if message.query != self.query_one("#search-query", Input).value.strip():
            return
        results = message.results
        self.hits = list(results.hits)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(hit_label(h), id=str(n)) for n, h in enumerate(self.hits)])
        words = ", ".join(w for w in results.words if w != results.query)
        spelled = f" (as {words})" if words else ""
        more = f", showing {len(self.hits)}" if len(self.hits) < results.total else ""
        count = f"{results.total:,} article{'s' if results.total != 1 else ''}"
        self.query_one("#search-status", Static).update(
            Text(f"{count} match “{results.query}”{spelled}{more}"))

    @on(OptionList.OptionSelected, "#search-results")
    def _open(self, event: OptionList.OptionSelected) -> None:
        """Open the chosen article at its match."""
        hit = self.hits[int(event.option.id or 0)]
        self.post_message(OpenArticle(hit.article_id, hit.offset))

    def action_to_results(self) -> None:
        """Move to the results list."""
        options = self.query_one(OptionList)
        if options.option_count:
            options.focus()
            if options.highlighted is None:
                options.highlighted = 0

    def action_back(self) -> None:
        """Back to the library."""
        self.app.pop_screen()
