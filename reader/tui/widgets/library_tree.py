"""The library as a tree: papers, then months, then issues, each opening onto its articles.

Article leaves are made only when their issue is opened (or a filter lists them), so a
library of thousands of pages shows at once; labels are refreshed per article.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.strip import Strip
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from reader.corpus.model import Article, Issue
from reader.reading.difficulty import Condition, sort_key
from reader.reading.model import BANDS, HskProfile, Progress
from reader.tui.widgets.known_bar import KNOWN_STYLE, known_bar

if TYPE_CHECKING:
    from reader.learning.scoring import ArticleScore

BAND_STYLES = {"1-3": "green", "4-6": "yellow", "7-9": "red", "none": "grey50"}
"""Colour of each HSK band in the profile bar."""
BAR_CELLS = 8
"""Width of the HSK profile bar."""


def issue_label(issue: Issue, count: int | None = None) -> Text:
    """One line about an issue: paper, date (marked when inferred), page, section, counts of
    articles and photos (photo items are not articles)."""
    text = Text()
    text.append(issue.paper_label, "bold")
    if issue.date:
        text.append(f"  {issue.date}")
        if issue.date_inferred:
            text.append(" (inferred)", "italic dim")
    else:
        text.append("  undated", "dim")
    if issue.page is not None:
        text.append(f"  p. {issue.page}")
    if issue.section:
        text.append(f"  {issue.section}")
    count = issue.article_count if count is None else count  # photo items are no articles
    text.append(f"  · {count} article{'s' if count != 1 else ''}", "dim")
    photos = issue.photo_count  # known once the articles are listed
    if photos:
        text.append(f", {photos} photo{'s' if photos != 1 else ''}", "dim")
    return text


def profile_bar(profile: HskProfile | None) -> Text:
    """A small bar of the article's words by HSK band (easy green ... hard red, grey none)."""
    if profile is None or not profile.total:
        return Text("·" * BAR_CELLS, "dim")
    text = Text()
    cells = 0
    for band in BANDS:
        n = round(profile.share(band) * BAR_CELLS)
        n = min(n, BAR_CELLS - cells)
        text.append("█" * n, BAND_STYLES[band])
        cells += n
    if cells < BAR_CELLS:
        text.append("█" * (BAR_CELLS - cells), BAND_STYLES["none"])
    easy = round(profile.share("1-3") * 100)
    text.append(f" {easy:>3}% HSK≤3", "dim")
    return text


def library_legend() -> list[Text]:
    """Lines saying what the read marks and the HSK bar's colours mean."""
    marks = Text("Marks: ")
    marks.append("• ", "dim").append("not opened yet   ")
    marks.append("◐ ", "yellow").append("started   ")
    marks.append("✓ ", "green").append("read to the end")
    bar = Text("HSK bar (share of the article's words by level): ")
    names = {"1-3": "HSK 1-3", "4-6": "HSK 4-6", "7-9": "HSK 7-9", "none": "not in HSK"}
    for band in BANDS:
        if band in names:
            bar.append("█ ", BAND_STYLES[band]).append(f"{names[band]}   ")
    bar.rstrip()
    share = Text("The figure after the bar is the share of words at HSK 1-3.")
    known = Text("Before the title: the share of the article's running words you know, ")
    known.append("█", KNOWN_STYLE).append(" a bar of it, and its distinct new words (names, "
                                           "places, numbers and ignored words left out).")
    return [marks, bar, share, known]


def article_label(
    article: Article, profile: HskProfile | None, progress: Progress | None,
    chars: int | None = None, score: ArticleScore | None = None,
) -> Text:
    """One line about an article: read mark, title, kicker, byline, length, HSK profile and
    the known-words bar."""
    text = Text()
    if progress is not None and progress.read:
        text.append("✓ ", "green")
    elif progress is not None:
        text.append("◐ ", "yellow")
    else:
        text.append("• ", "dim")
    if article.kind != "photo":  # a photo has no running text to know
        text.append_text(known_bar(score))
    if article.kicker:
        text.append(article.kicker + " ", "dim")
    if article.kind == "photo":  # its caption's start, not an article's title
        text.append("Photo: ", "dim").append(article.title, "italic")
    else:
        text.append(article.title, "italic" if article.title_derived else "bold")
    if article.byline:
        text.append(f"  {article.byline}", "dim")
    length = article.length if chars is None else chars
    text.append(f"  {length:,} chars  ", "dim")
    if article.kind != "photo":  # a caption has no HSK profile worth a bar
        text.append_text(profile_bar(profile))
    return text


def matches(query: str, *fields: str | None) -> bool:
    """True when every word of the query occurs in one of the fields (case-insensitive)."""
    hay = " ".join(f for f in fields if f).lower()
    return all(word in hay for word in query.lower().split())


FILTER_LIMIT = 100
"""Most article lines a filter lists (a broad filter on a year of papers would list all)."""


def _issue_hay(issue: Issue) -> str:
    return " ".join(f for f in (issue.paper, issue.date, issue.section, issue.id) if f).lower()


def _article_hay(art: Article) -> str:
    fields = (art.title, art.kicker, art.subtitle, art.byline, art.id)
    return " ".join(f for f in fields if f).lower()


class LibraryTree(Tree[str]):
    """Papers, months, issues and their articles; an article leaf's data is its id."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | j / k | Move down / up (besides the arrows). |
    """

    DEFAULT_CSS = """
    LibraryTree { height: 1fr; background: $surface; }
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._issues: list[Issue] = []
        self._articles: dict[str, Article] = {}
        self._issue_of: dict[str, Issue] = {}
        self._profiles: dict[str, HskProfile] = {}
        self._progress: dict[str, Progress] = {}
        self._leaves: dict[str, TreeNode[str]] = {}
        self._issue_nodes: dict[str, TreeNode[str]] = {}
        self._pending: dict[int, Issue | list[Issue]] = {}
        """Lines whose children are not made yet: node id -> its issue, or a month's issues."""
        self._month_of: dict[str, TreeNode[str]] = {}
        """Issue id -> the month line it sits under."""
        self._hay: list[tuple[str, list[int], list[Article]]] = []
        self._chars: dict[str, int] = {}
        self._counts: dict[str, int] = {}
        self._by_id: dict[str, Issue] = {}
        self._articles_ready = True
        self._stale: set[str] = set()
        """Articles whose line is off screen and must be relabelled when it shows."""
        self._score: Callable[[str], ArticleScore | None] = lambda _id: None
        self._prefetch: Callable[[Iterable[str]], None] = lambda _ids: None

    def set_scorer(self, score: Callable[[str], ArticleScore | None],
                   prefetch: Callable[[Iterable[str]], None]) -> None:
        """Where article lines get their known-words score (`prefetch`: an issue's at once)."""
        self._score = score
        self._prefetch = prefetch

    def set_library(
        self, issues: list[Issue], profiles: dict[str, HskProfile],
        progress: dict[str, Progress], chars: dict[str, int] | None = None,
        counts: dict[str, int] | None = None,
    ) -> None:
        """Hold the library (and the shared profile and progress maps) for listing.

        `chars` gives article lengths when the issues carry no text (a quick listing);
        `counts` gives article counts when the issues carry no articles yet (the quickest
        one: `set_articles` brings them).
        """
        self._counts = counts or {}
        self._articles_ready = counts is None
        self._by_id = {i.id: i for i in issues}
        self._issues = issues
        self._chars = chars or {}
        self._profiles = profiles
        self._progress = progress
        self._articles = {a.id: a for i in issues for a in i.articles}
        self._issue_of = {a.id: i for i in issues for a in i.articles}
        self._hay = []

    def set_articles(self, issues: list[Issue], chars: dict[str, int]) -> None:
        """The same issues with their articles: open issues get their leaves now."""
        self.set_library(issues, self._profiles, self._progress, chars)
        for pending in list(self._pending.values()):
            if not isinstance(pending, list):
                node = self._issue_nodes.get(pending.id)
                if node is not None and node.is_expanded:
                    self._fill(node)

    def _haystack(self) -> tuple[str, list[int], list[Article]]:
        """All the text to filter on as one lower-cased string (made at the first filter).

        One string searched by `str.find` answers a filter over a year of pages in a few
        milliseconds; a Python loop over 20,000 articles' fields takes a frame or more.
        """
        if not self._hay and self._issues:
            parts: list[str] = []
            starts: list[int] = []
            order: list[Article] = []
            pos = 0
            for issue in self._issues:
                head = _issue_hay(issue)
                for art in issue.articles:
                    part = f"{head}\x00{_article_hay(art)}\n"
                    starts.append(pos)
                    order.append(art)
                    parts.append(part)
                    pos += len(part)
            self._hay = [("".join(parts), starts, order)]  # type: ignore[list-item]
        return self._hay[0] if self._hay else ("", [], [])  # type: ignore[return-value]

    def _matching(self, words: list[str]) -> list[Article]:
        """Articles (in library order) whose issue or own fields hold every word."""
        blob, starts, order = self._haystack()
        found: set[int] | None = None
        for word in words:
            hits: set[int] = set()
            at = blob.find(word)
            while at >= 0:
                k = bisect_right(starts, at) - 1
                hits.add(k)
                nxt = starts[k + 1] if k + 1 < len(starts) else len(blob)
                at = blob.find(word, nxt)  # one hit per article is enough
            found = hits if found is None else found & hits
            if not found:
                return []
        return [order[k] for k in sorted(found or ())]

    def _label(self, art: Article) -> Text:
        return article_label(art, self._profiles.get(art.id), self._progress.get(art.id),
                             self._chars.get(art.id), self._score(art.id))

    def _add_issue(self, parent: TreeNode[str], issue: Issue,
                   arts: list[Article] | None, expand: bool) -> TreeNode[str]:
        node = parent.add(issue_label(issue, self._counts.get(issue.id)), allow_expand=True)
        self._issue_nodes[issue.id] = node
        if arts is None:
            self._pending[node.id] = issue
        else:
            self._prefetch([a.id for a in arts])
            for art in arts:
                self._leaves[art.id] = node.add_leaf(self._label(art), data=art.id)
        if expand:
            self._fill(node)
            node.expand()
        return node

    def _fill(self, node: TreeNode[str]) -> None:
        """Make a month's issue lines or an issue's article leaves the first time it opens."""
        pending = self._pending.pop(node.id, None)
        if isinstance(pending, list):
            for issue in pending:  # the freshest copy: articles may have come meanwhile
                self._add_issue(node, self._by_id.get(issue.id, issue), None, False)
        elif pending is not None:
            if not self._articles_ready:
                self._pending[node.id] = pending  # filled when the articles arrive
                return
            arts = self._by_id[pending.id].articles
            self._prefetch([a.id for a in arts])
            for art in arts:
                self._leaves[art.id] = node.add_leaf(self._label(art), data=art.id)

    def _issue_node(self, issue_id: str) -> TreeNode[str] | None:
        """An issue's line, made (by filling its month) when it was not made yet."""
        node = self._issue_nodes.get(issue_id)
        if node is None and issue_id in self._month_of:
            self._fill(self._month_of[issue_id])
            node = self._issue_nodes.get(issue_id)
        return node

    def _on_tree_node_expanded(self, event: Tree.NodeExpanded[str]) -> None:
        self._fill(event.node)

    def show(
        self,
        issues: list[Issue] | None = None,
        query: str = "",
        profiles: dict[str, HskProfile] | None = None,
        progress: dict[str, Progress] | None = None,
        conditions: tuple[Condition, ...] = (),
        sort: str = "library",
        scores: Mapping[str, ArticleScore] | None = None,
    ) -> int:
        """Rebuild the tree for a filter query; return the number of articles that match.

        Without a query: papers, then months, then issues (closed). With one: the matching
        issues, open, with their matching articles. `conditions` (`known>=90`) and `sort`
        (`known`: most known first, `new`: fewest new words) need `scores` of every article;
        a sorted list is grouped by issue in the order of each issue's first article.
        """
        if issues is not None:
            self.set_library(issues, profiles if profiles is not None else self._profiles,
                             progress if progress is not None else self._progress)
        keep = self.cursor_node.data if self.cursor_node is not None else None
        self.clear()
        self._stale.clear()
        self._leaves.clear()
        self._issue_nodes.clear()
        self._pending.clear()
        self._month_of.clear()
        self.root.expand()
        words = query.lower().split()
        shown = 0
        ranked = bool(conditions) or sort != "library"
        if not words and not ranked:
            shown = (sum(a.kind != "photo" for a in self._articles.values())
                     if self._articles_ready else sum(self._counts.values()))
            few = len(self._issues) <= 3
            papers: dict[str, dict[str, list[Issue]]] = {}
            for issue in self._issues:
                month = issue.date[:7] if issue.date else "undated"
                papers.setdefault(issue.paper_label, {}).setdefault(
                    month, []).append(issue)
            for paper, months in papers.items():
                count = sum(len(v) for v in months.values())
                pnode = self.root.add(Text.assemble((paper, "bold"), (
                    f"  · {count} issue{'s' if count != 1 else ''}", "dim")), expand=True)
                for k, (month, month_issues) in enumerate(sorted(months.items(), reverse=True)):
                    n = len(month_issues)
                    mnode = pnode.add(Text.assemble(month, (
                        f"  · {n} issue{'s' if n != 1 else ''}", "dim")), allow_expand=True)
                    self._pending[mnode.id] = month_issues
                    self._month_of.update((i.id, mnode) for i in month_issues)
                    if few or (k == 0 and len(months) == 1):
                        self._fill(mnode)
                        mnode.expand()
                        if few:
                            for issue in month_issues:
                                self.expand_issue(issue.id)
        else:
            hits = self._matching(words) if words else list(self._articles.values())
            if ranked:
                hits = self._ranked(hits, conditions, sort, scores or {})
            shown = sum(a.kind != "photo" for a in hits)  # photos are listed, not counted
            by_issue: dict[str, list[Article]] = {}
            for art in hits[:FILTER_LIMIT]:
                by_issue.setdefault(art.issue_id, []).append(art)
            for issue_id, arts in by_issue.items():
                self._add_issue(self.root, self._issue_of[arts[0].id], arts, False)
                self._issue_nodes[issue_id].expand()
        if keep is None or not self.select_article(keep):
            self.cursor_line = 0
        return shown

    @staticmethod
    def _ranked(hits: list[Article], conditions: tuple[Condition, ...], sort: str,
                scores: Mapping[str, ArticleScore]) -> list[Article]:
        """The hits that meet every condition, in the order `sort` asks for."""
        if conditions:
            hits = [a for a in hits
                    if all(c.holds(scores.get(a.id)) for c in conditions)]
        if sort != "library":
            order = {a.id: k for k, a in enumerate(hits)}
            hits = sorted(hits, key=lambda a: sort_key(sort, scores.get(a.id), order[a.id]))
        return hits

    def refresh_articles(self, article_ids: Iterable[str]) -> None:
        """Relabel just these articles' lines (new profile, progress or notes).

        Lines on screen change now; the others when they are next drawn, so relabelling
        thousands of articles costs microseconds each.
        """
        top = self.scroll_offset.y
        bottom = top + self.size.height
        for art_id in article_ids:
            leaf = self._leaves.get(art_id)
            if leaf is None:
                continue
            if top <= leaf.line < bottom:
                self._stale.discard(art_id)
                leaf.set_label(self._label(self._articles[art_id]))
            else:
                self._stale.add(art_id)

    def render_line(self, y: int) -> Strip:
        """Draw a line, first bringing a stale article label up to date."""
        if self._stale:
            node = self.get_node_at_line(self.scroll_offset.y + y)
            if node is not None and node.data in self._stale:
                self._stale.discard(node.data)
                node.set_label(self._label(self._articles[node.data]))
        return super().render_line(y)

    def relabel(
        self, issues: dict[str, Article] | None = None,
        profiles: dict[str, HskProfile] | None = None,
        progress: dict[str, Progress] | None = None,
    ) -> None:
        """Refresh every listed article label (only lines that exist are touched)."""
        if profiles is not None:
            self._profiles = profiles
        if progress is not None:
            self._progress = progress
        self.refresh_articles(list(self._leaves))

    def issue_at_cursor(self) -> Issue | None:
        """The issue of the line under the cursor (an article's or the issue line's own)."""
        node = self.cursor_node
        if node is None:
            return None
        if node.data:
            return self._issue_of.get(node.data)
        for issue_id, issue_node in self._issue_nodes.items():
            if issue_node is node:
                return self._by_id.get(issue_id)
        return None

    def expand_issue(self, issue_id: str) -> None:
        """Open an issue's line (and its paper and month), making its article leaves."""
        node = self._issue_node(issue_id)
        if node is not None:
            parent = node.parent
            while parent is not None:
                parent.expand()
                parent = parent.parent
            self._fill(node)
            node.expand()

    def select_article(self, article_id: str) -> bool:
        """Move the cursor to an article's line (opening its issue); False if not listed."""
        issue = self._issue_of.get(article_id)
        if issue is None or self._issue_node(issue.id) is None:
            return False
        self.expand_issue(issue.id)
        leaf = self._leaves.get(article_id)
        if leaf is None:
            return False
        _ = self.last_line  # rebuilds the line table, so the new leaf's line is known
        self.move_cursor(leaf)
        return True
