"""The library's issue lines count articles and photos the same on every launch: built in the
run, or loaded from the index before the articles are read (a trial found `0 articles`)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.corpus.library import issue_rows, library_pages
from reader.tui.app import ReaderApp
from reader.tui.widgets.library_tree import LibraryTree

from .helpers import wait_for


def expected(home: Path) -> dict[str, str]:
    """Each issue's counts as `reader issues` gives them, written as the library writes them."""
    out = {}
    for row in issue_rows(home):
        n, photos = row["articles"], row["photos"]
        text = f"· {n} article{'s' if n != 1 else ''}"
        if photos:
            text += f", {photos} photo{'s' if photos != 1 else ''}"
        out[str(row["id"])] = text
    return out


async def issue_lines(home: Path) -> dict[str, str]:
    """Launch the app, wait for the whole library, open every issue; each issue line's text."""
    app = ReaderApp(home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.library_screen.issues, "the library")
        await wait_for(pilot, lambda: app.library_screen.listed, "the articles")
        tree = app.library_screen.query_one(LibraryTree)
        lines = {}
        for issue in app.library_screen.issues:
            tree.expand_issue(issue.id)
            lines[issue.id] = tree._issue_node(issue.id).label.plain  # type: ignore[union-attr]
        return lines


def test_issue_counts_agree_on_first_and_second_launch(isolated_home: Path) -> None:
    first = asyncio.run(issue_lines(isolated_home))
    second = asyncio.run(issue_lines(isolated_home))  # now the index is loaded from disk
    want = expected(isolated_home)
    assert any(", 1 photo" in w for w in want.values())  # the seeds hold photo items
    for run in (first, second):
        assert set(run) == set(want)
        for issue_id, line in run.items():
            assert line.endswith(want[issue_id]), (issue_id, line, want[issue_id])


def test_issues_listed_without_articles_know_their_counts(isolated_home: Path) -> None:
    issue_rows(isolated_home)  # builds the index
    pages, _counts = library_pages(isolated_home)
    rows = {r["id"]: r for r in issue_rows(isolated_home)}
    for issue in pages:
        assert not issue.articles
        assert (issue.article_count, issue.photo_count) == (
            rows[issue.id]["articles"], rows[issue.id]["photos"])
