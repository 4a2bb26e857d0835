"""An imported PDF page is in the app's library and opens like a text page."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.benchmarks.pdf_pages import LAYOUTS, render_page
from reader.corpus.pdf.store import import_pdf

from .conftest import seed_items


def test_the_app_lists_and_opens_an_imported_pdf_page(isolated_home: Path, tmp_path: Path):
    from reader.tui.app import ReaderApp
    from reader.tui.screens.article import ArticleScreen
    from reader.tui.widgets.article_view import ArticleView

    pdf = tmp_path / "pdfpage.pdf"
    render_page(pdf, seed_items(), LAYOUTS[1])
    pages, _ = import_pdf(pdf, isolated_home / "library")
    story = next(a for a in pages[0].issue.articles if a.kind == "article")

    async def until(pilot, check, what: str) -> None:
        for _ in range(600):
            if check():
                return
            await pilot.pause(0.05)
        raise AssertionError(f"gave up waiting for {what}")

    async def scenario() -> None:
        app = ReaderApp(home=isolated_home)
        async with app.run_test(size=(100, 32)) as pilot:
            await until(pilot, lambda: app.library_screen.issues, "the library")
            assert "pdfpage" in {i.id for i in app.library_screen.issues}
            app.open_article(story.id)
            await until(pilot, lambda: isinstance(app.screen, ArticleScreen)
                        and app.screen.query(ArticleView), "the article screen")
            view = app.screen.query_one(ArticleView)
            await until(pilot, lambda: view.has_words, "the words")
            text = "".join(t.text for t in view.tokens)
            assert story.paragraphs[0][:20] in text

    asyncio.run(scenario())
