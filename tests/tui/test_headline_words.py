"""Headlines, subtitles and captions are read like the body (issue 14, item 9): hover shows
their pinyin, the cursor walks onto them, enter looks them up and `s` saves them with the
headline as the sentence; photo items open onto a segmented caption with only the keys that
work there."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.geometry import Offset

from reader.notes.store import NotesStore
from reader.reading.article_parts import article_parts
from reader.tui.app import ReaderApp
from reader.tui.screens.saved_words import SavedWordsScreen
from reader.tui.widgets.article_view import NOT_IN_BODY, ArticleView
from reader.tui.widgets.key_bar import KeyBar

from .helpers import article_ready, notices, wait_for
from .test_new_user_ui import shown

HEADLINE_ARTICLE = "002_42bc9256d97c8f20-8497a8ff"
"""我省经贸团启程赴香港拓商机: a bundled article with a headline."""
PHOTO_ITEM = "002_42bc9256d97c8f20-0c91c07f"
"""A bundled photo item: a caption and no body."""


async def open_article(pilot, app: ReaderApp, article_id: str) -> ArticleView:  # type: ignore[no-untyped-def]
    """Open a bundled article by id and wait for its words."""
    await wait_for(pilot, lambda: app.library_screen.issues, "the library")
    app.open_article(article_id)
    return await article_ready(pilot, app)


def part_words(view: ArticleView, kind: str) -> list[int]:
    """Indexes of the word tokens inside the article's parts of one kind (title, caption)."""
    parts = [p for p in article_parts(view.article) if p.kind == kind]
    assert parts, kind
    assert view.page is not None
    return [i for i in view.page.words
            if any(p.holds(view.tokens[i].start) for p in parts)]


async def hover_word(pilot, view: ArticleView, token: int) -> None:  # type: ignore[no-untyped-def]
    """Move the mouse over a word and wait until the view marks it."""
    region = view.word_region(token)
    assert region is not None, "the word is not on screen"
    at = Offset(region.x - view.region.x, region.y - view.region.y)
    await pilot.hover(ArticleView, offset=at)
    await wait_for(pilot, lambda: view.hover == token, "the hover")


def test_headline_words_hover_move_look_up_and_save_with_the_headline(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=(100, 32)) as pilot:
            view = await open_article(pilot, app, HEADLINE_ARTICLE)
            title = view.article.title
            words = part_words(view, "title")
            assert "".join(view.tokens[i].text for i in words) in title
            # The mouse: pinyin of a headline word.
            xianggang = next(i for i in words if view.tokens[i].text == "香港")
            await hover_word(pilot, view, xianggang)
            assert "xiānggǎng" in view.popup_text.lower()
            # The keyboard: home goes to the headline's first word, enter looks it up.
            await pilot.press("home")
            assert view.cursor == words[0]
            while view.cursor != xianggang:
                before = view.cursor
                await pilot.press("w")
                assert view.cursor != before
            await pilot.press("enter")
            screen = app.screen
            await wait_for(pilot, lambda: screen.panel_open and screen.panel.result is not None,
                           "the lookup")
            assert screen.panel.token is view.tokens[xianggang]
            assert screen.panel.sentence == title
            await pilot.press("s")
            await app.workers.wait_for_complete()
            await wait_for(pilot, lambda: any("Saved 香港" in n for n in notices(app)), "save")
            # j from the headline goes down into the body.
            await pilot.press("escape", "j", "j")
            assert view.in_body(view.cursor)
            # Saved words: enter goes back to the word in the headline, where it was saved.
            await pilot.press("ctrl+g")
            await wait_for(pilot, lambda: isinstance(app.screen, SavedWordsScreen)
                           and app.screen.words, "the saved words")
            await pilot.press("enter")
            again = await article_ready(pilot, app)
            await wait_for(pilot, lambda: again.cursor is not None, "the cursor")
            assert again.cursor == xianggang and not again.in_body(again.cursor)
        with NotesStore.open(home, read_only=True) as store:
            (word,) = [w for w in store.words() if w.word == "香港"]
            assert word.sentence == title

    asyncio.run(scenario())


def test_a_headline_word_is_looked_up_but_never_highlighted(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=(100, 32)) as pilot:
            view = await open_article(pilot, app, HEADLINE_ARTICLE)
            await pilot.press("home")
            assert not view.in_body(view.cursor)
            await pilot.press("h")
            await pilot.press("v")
            assert not view.selecting
            await app.workers.wait_for_complete()
            assert notices(app).count(NOT_IN_BODY) == 2
            # A drag over headline words only selects none of the body: refused the same way.
            title = part_words(view, "title")
            view.selection.start(title[0])
            view.selection.extend(title[2])
            assert view.selecting and view.selection_range() is None
            await pilot.press("h")
            await app.workers.wait_for_complete()
            assert notices(app).count(NOT_IN_BODY) == 3
            view.clear_selection()
            assert not view.highlights.ranges()
            # A selection from the body up into the headline stops at the body's start.
            await pilot.press("j", "j", "v", "k", "k", "k")
            selected = view.selection_range()
            assert selected is not None and selected[0] == 0

    asyncio.run(scenario())


def test_pinyin_lines_cover_the_headline(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=(100, 32)) as pilot:
            view = await open_article(pilot, app, HEADLINE_ARTICLE)
            await pilot.press("p")
            await wait_for(pilot, lambda: view.ruby, "pinyin lines")
            assert view.page is not None
            first = part_words(view, "title")[0]
            y = view.page.token_lines[first][0]
            assert view.page.lines[y - 1].kind == "ruby"
            syllables = view.tokens[first].syllables
            assert view.render_line(y - 1).text.strip().startswith(syllables[0].marks)

    asyncio.run(scenario())


def test_a_photo_item_shows_its_caption_as_words_with_the_keys_that_work(home: Path) -> None:
    async def scenario() -> None:
        app = ReaderApp(home=home)
        async with app.run_test(size=(100, 32)) as pilot:
            view = await open_article(pilot, app, PHOTO_ITEM)
            assert view.article.kind == "photo" and not view.article.text
            caption = part_words(view, "caption")
            assert len(caption) > 10
            word = caption[len(caption) // 2]
            await hover_word(pilot, view, word)
            tok = view.tokens[word]
            assert view.popup_text and (tok.syllables[0].marks[:1].lower()
                                        in view.popup_text.lower())
            await pilot.click(ArticleView, offset=Offset(
                view.word_region(word).x - view.region.x, view.word_region(word).y - view.region.y))
            screen = app.screen
            await wait_for(pilot, lambda: screen.panel_open and screen.panel.result is not None,
                           "the lookup")
            assert screen.panel.token is tok
            assert screen.panel.sentence in view.article.captions[0]
            await pilot.press("escape")
            await pilot.pause()
            bar = shown(app.screen.query_one(KeyBar))
            for key in ("Look up", "Save word", "Pinyin", "Tones", "Back"):
                assert key in bar, (key, bar)
            for key in ("Highlight", "Note", "Select", "Search", "Notes"):
                assert key not in bar, (key, bar)

    asyncio.run(scenario())


def test_the_library_counts_articles_without_photos_and_names_photos(home: Path) -> None:
    async def scenario() -> None:
        from textual.widgets import Static

        from reader.tui.widgets.library_tree import LibraryTree

        app = ReaderApp(home=home)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = app.library_screen
            await wait_for(pilot, lambda: screen.issues, "the library")
            await app.workers.wait_for_complete()
            articles = sum(i.article_count for i in screen.issues)
            assert articles < sum(len(i.articles) for i in screen.issues)
            status = screen.query_one("#library-status", Static)
            await wait_for(pilot, lambda: f"{articles:,} articles" in str(status.content),
                           "the count")
            tree = screen.query_one(LibraryTree)
            tree.expand_issue("004_7f22500536915bc1")
            await pilot.pause()
            labels = [str(n.label) for n in tree._issue_nodes["004_7f22500536915bc1"].children]
            assert sum(label.startswith("• Photo: ") for label in labels) == 4
            assert not any(" 0 chars" in label for label in labels)

    asyncio.run(scenario())
