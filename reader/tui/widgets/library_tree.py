"""The library as a tree: issues by date, each opening onto its articles."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from reader.corpus.model import Article, Issue
from reader.reading.model import BANDS, HskProfile, Progress

BAND_STYLES = {"1-3": "green", "4-6": "yellow", "7-9": "red", "none": "grey50"}
"""Colour of each HSK band in the profile bar."""
BAR_CELLS = 8
"""Width of the HSK profile bar."""


def issue_label(issue: Issue) -> Text:
    """One line about an issue: paper, date (marked when inferred), page, section, count."""
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
    count = len(issue.articles)
    text.append(f"  · {count} article{'s' if count != 1 else ''}", "dim")
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


def article_label(
    article: Article, profile: HskProfile | None, progress: Progress | None
) -> Text:
    """One line about an article: read mark, title, kicker, byline, length, HSK profile."""
    text = Text()
    if progress is not None and progress.read:
        text.append("✓ ", "green")
    elif progress is not None:
        text.append("◐ ", "yellow")
    else:
        text.append("• ", "dim")
    if article.kind == "photo":
        text.append("[photo] ", "italic")
    if article.kicker:
        text.append(article.kicker + " ", "dim")
    text.append(article.title, "italic" if article.title_derived else "bold")
    if article.byline:
        text.append(f"  {article.byline}", "dim")
    text.append(f"  {article.length_label}  ", "dim")
    text.append_text(profile_bar(profile))
    return text


def matches(query: str, *fields: str | None) -> bool:
    """True when every word of the query occurs in one of the fields (case-insensitive)."""
    hay = " ".join(f for f in fields if f).lower()
    return all(word in hay for word in query.lower().split())


class LibraryTree(Tree[str]):
    """Issues and their articles; a node's data is an article id (issues have none)."""

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

    def show(
        self,
        issues: list[Issue],
        query: str,
        profiles: dict[str, HskProfile],
        progress: dict[str, Progress],
    ) -> int:
        """Rebuild the tree for a filter query; return the number of articles listed."""
        keep = self.cursor_node.data if self.cursor_node is not None else None
        self._labels = (profiles, progress)
        self._leaves: dict[str, TreeNode[str]] = {}
        self._articles = {a.id: a for i in issues for a in i.articles}
        self.clear()
        self.root.expand()
        shown = 0
        for issue in issues:
            issue_hit = matches(query, issue.paper, issue.date, issue.section, issue.id)
            arts = [
                a for a in issue.articles
                if issue_hit or matches(query, a.title, a.kicker, a.subtitle, a.byline, a.id)
            ]
            if not arts:
                continue
            node = self.root.add(issue_label(issue), expand=bool(query) or len(issues) <= 3)
            for art in arts:
                self._leaves[art.id] = node.add_leaf(
                    article_label(art, profiles.get(art.id), progress.get(art.id)), data=art.id
                )
                shown += 1
        if keep is None or not self.select_article(keep):
            self.cursor_line = 0
        return shown

    def relabel(
        self, issues: dict[str, Article], profiles: dict[str, HskProfile],
        progress: dict[str, Progress],
    ) -> None:
        """Refresh the article labels in place (new profiles or progress)."""
        for issue_node in self.root.children:
            for leaf in issue_node.children:
                art = issues.get(leaf.data or "")
                if art is not None:
                    leaf.set_label(article_label(art, profiles.get(art.id), progress.get(art.id)))

    def refresh_articles(self, article_ids: Iterable[str]) -> None:
        """Relabel just these articles' leaves (from the data the tree was last shown)."""
        leaves = getattr(self, "_leaves", {})
        if not leaves:
            return
        profiles, progress = self._labels
        for article_id in article_ids:
            leaf = leaves.get(article_id)
            art = self._articles.get(article_id)
            if leaf is not None and art is not None:
                leaf.set_label(article_label(art, profiles.get(art.id), progress.get(art.id)))

    def select_article(self, article_id: str) -> bool:
        """Move the cursor to an article's line (opening its issue); False if not listed."""
        for issue_node in self.root.children:
            for leaf in issue_node.children:
                if leaf.data == article_id:
                    issue_node.expand()
                    self.move_cursor(leaf)
                    return True
        return False
