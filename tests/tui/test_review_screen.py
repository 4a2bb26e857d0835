"""The review screen by keys on a fixed clock: cloze, answer, ratings, undo, summary."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

from reader.commands.app import make_app
from reader.corpus.library import load_library
from reader.learning.status import Status
from reader.learning.vocabulary import Vocabulary
from reader.notes.store import NotesStore
from reader.reading.session import READ_ONLY_NOTICE
from reader.tui.app import ReaderApp
from reader.tui.review_card import BLANK
from reader.tui.screens.article import ArticleScreen
from reader.tui.screens.review import ReviewScreen

from .helpers import MARKER, notices, open_test_article, wait_for

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
WORDS = {"跨境": "cross-border", "会议": "meeting", "文化": "culture"}


def save_words(home: Path) -> str:
    """Save three words of the test article with their sentences; return the article id."""
    art, issue = next((a, i) for i in load_library(home) for a in i.articles
                      if MARKER in a.text)
    sentences = [s + "。" for s in art.text.split("。")]
    with NotesStore.open(home) as store:
        for word, gloss in WORDS.items():
            sentence = next(s for s in sentences if word in s).strip()
            store.save_word(word, "", gloss, sentence, art.id, issue.id, hsk=3,
                            note=f"my note on {word}")
    return art.id


def clocked_app(home: Path, review: bool = False) -> ReaderApp:
    """The app on `home` whose ratings are given at NOW (`review`: opened on the review)."""
    app = make_app(home, review=review)
    app.clock = lambda: NOW
    return app


def shown(screen: ReviewScreen) -> str:
    """The text of the card's front (or answer)."""
    return str(screen.query_one("#review-card").render())


async def first_card(pilot, app) -> ReviewScreen:
    """Wait for the review screen and its first card."""
    await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen)
                   and app.screen.current is not None, "the first card")
    return app.screen


async def settled(pilot, screen: ReviewScreen) -> None:
    """Every rating sent is saved and answered."""
    await wait_for(pilot, lambda: not screen.cards.pending, "the ratings to be saved")
    await pilot.pause()


async def rate(pilot, screen: ReviewScreen, key: str) -> str:
    """Show the answer, rate the card by key; return the word rated."""
    word = screen.current.word.word
    await pilot.press("space", key)
    return word


def test_a_review_session_by_keys(home: Path) -> None:
    save_words(home)

    async def run() -> None:
        app = clocked_app(home)
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.press("R")
            screen = await first_card(pilot, app)
            first = screen.current.word
            front = shown(screen)
            assert first.word not in front and BLANK * len(first.word) in front
            assert "3 to review" in str(screen.query_one("#review-status").render())
            await pilot.press("p")
            await wait_for(pilot, lambda: first.sentence in screen.pinyin, "the pinyin")
            await pilot.pause()
            assert screen.show_pinyin and "moment" not in shown(screen)
            assert screen.pinyin[first.sentence] in shown(screen)
            await pilot.press("space")
            answer = shown(screen)
            assert first.word in answer and WORDS[first.word] in answer and "HSK 3" in answer
            assert "测试日报" in answer  # the issue the sentence comes from
            assert screen.pinyin[first.sentence] not in shown(screen)
            assert screen.query_one("#review-buttons").display

            assert await rate(pilot, screen, "3") == first.word  # Good: due in 10 minutes
            second = screen.current.word.word
            assert second != first.word  # the next card at once, before the write is back
            await rate(pilot, screen, "1")  # Again: asked once more at the end
            assert len(screen.queue) == 2  # the third, and the Again card
            await settled(pilot, screen)
            assert len(screen.queue) == 2
            await pilot.press("u")
            assert screen.current.word.word == second and not screen.revealed
            await settled(pilot, screen)
            # the undone card first, then the third; the first (Good) is not asked again
            assert len(screen.queue) == 2 and screen.queue[0].word.word == second
            assert first.word not in [c.word.word for c in screen.queue]
            with_store = app.session.readable_store()
            with app.session.store_lock:
                assert with_store.keyed_docs("cards").get(second) is None
            assert any("Undone: the rating of" in n for n in notices(app))

            third = ""
            await rate(pilot, screen, "4")  # the undone card, Easy
            third = await rate(pilot, screen, "1")  # the third, Again
            while screen.current is not None:
                await rate(pilot, screen, "4")
                await settled(pilot, screen)
            await settled(pilot, screen)
            end = str(screen.query_one("#review-message").render())
            assert "3 cards reviewed (4 ratings), 1 again" in end, end
            assert "Next card due" in end
            assert third and third != second

            await pilot.press("u")  # the summary's last rating comes back
            assert screen.current is not None
            await settled(pilot, screen)
            await rate(pilot, screen, "4")
            await settled(pilot, screen)
            assert "3 cards reviewed (4 ratings)" in str(
                screen.query_one("#review-message").render())

        with NotesStore.open(home, read_only=True) as store:
            reviews = store.keyed_docs("reviews").values()
            assert len(reviews) == 4 and sum(r["rating"] == 1 for r in reviews) == 1
            assert set(store.keyed_docs("cards")) == set(WORDS)

    asyncio.run(run())


def test_reader_review_opens_the_app_on_the_review_screen(home: Path) -> None:
    save_words(home)

    async def run() -> None:
        app = make_app(home, review=True)
        async with app.run_test(size=(100, 32)) as pilot:
            screen = await first_card(pilot, app)
            await pilot.press("space")
            await wait_for(pilot, lambda: screen.sources, "the cards' articles")
            await pilot.press("enter")  # on the answer: the article, at the sentence
            await wait_for(pilot, lambda: isinstance(app.screen, ArticleScreen), "the article")
            await pilot.press("R")  # one sitting at a time
            assert isinstance(app.screen, ArticleScreen)
            assert any("review is open already" in n for n in notices(app))
            await pilot.press("escape")
            await wait_for(pilot, lambda: app.screen is screen, "back to the review")

    asyncio.run(run())


def test_a_known_word_is_never_shown(home: Path) -> None:
    save_words(home)
    with NotesStore.open(home) as store:
        Vocabulary(store).set_status("跨境", Status.KNOWN)

    async def run() -> None:
        app = clocked_app(home)
        seen = set()
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.press("R")
            await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review")
            screen = app.screen
            await wait_for(pilot, lambda: screen.sitting is not None, "the cards")
            assert len(screen.queue) == 2
            assert app.session.learning.status("会议") is Status.NEW  # the snapshot is read
            while screen.current is not None:
                seen.add(await rate(pilot, screen, "4"))
            await settled(pilot, screen)
            # the rating's status change reached the session's snapshot (articles mark it)
            assert app.session.learning.status("会议") is not Status.NEW
            assert app.session.learning.status("跨境") is Status.KNOWN
        assert seen == {"会议", "文化"}

    asyncio.run(run())


def test_nothing_due_says_when_the_next_card_is(home: Path) -> None:
    save_words(home)

    async def run() -> None:
        app = clocked_app(home)
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.press("R")
            screen = await first_card(pilot, app)
            while screen.current is not None:
                await rate(pilot, screen, "4")
            await settled(pilot, screen)
            await pilot.press("escape", "R")
            await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen)
                           and app.screen is not screen and app.screen.sitting, "again")
            message = str(app.screen.query_one("#review-message").render())
            assert "No cards are due now. The next card is due" in message, message

    asyncio.run(run())


def test_read_only_shows_the_cards_without_rating(home: Path) -> None:
    save_words(home)

    async def run() -> None:
        with NotesStore.open(home):  # another running Dubao holds the lock
            app = make_app(home)
            async with app.run_test(size=(100, 32)) as pilot:
                await wait_for(pilot, lambda: app.session.read_only, "the read-only store")
                await pilot.press("R")
                await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen)
                               and app.screen.current is not None, "a card")
                screen = app.screen
                assert READ_ONLY_NOTICE in str(screen.query_one("#review-status").render())
                await pilot.press("space", "3")
                assert screen.revealed and not screen.rated  # no rating taken
                assert not screen.query_one("#review-buttons").display
                await pilot.press("n", "n", "n")
                assert screen.current is None
        with NotesStore.open(home, read_only=True) as store:
            assert not store.keyed_docs("reviews")

    asyncio.run(run())


def test_r_typed_in_a_search_box_is_a_letter_not_the_review(home: Path) -> None:
    save_words(home)

    async def run() -> None:
        from textual.widgets import Input

        from reader.tui.screens.saved_words import SavedWordsScreen

        app = make_app(home)
        async with app.run_test(size=(100, 32)) as pilot:
            await wait_for(pilot, app.session.store_ready.is_set, "the store")
            await pilot.press("ctrl+g")
            await wait_for(pilot, lambda: isinstance(app.screen, SavedWordsScreen), "the words")
            await pilot.press("slash", "R")
            await pilot.pause()
            assert isinstance(app.screen, SavedWordsScreen)
            assert app.screen.query_one("#words-search", Input).value == "R"

    asyncio.run(run())


def test_r_on_an_article_opens_the_review_and_escape_returns(home: Path) -> None:
    save_words(home)

    async def run() -> None:
        app = make_app(home)
        async with app.run_test(size=(100, 32)) as pilot:
            await open_test_article(pilot, app)
            article = app.screen
            await pilot.press("R")
            await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen)
                           and app.screen.current is not None, "the review")
            await pilot.press("o")  # on the front: the answer first, never the article
            assert app.screen.revealed and isinstance(app.screen, ReviewScreen)
            await pilot.press("escape")
            await wait_for(pilot, lambda: app.screen is article, "the article again")

    asyncio.run(run())


async def open_review(pilot, app) -> ReviewScreen:
    """Press R and wait for the first card."""
    await pilot.press("R")
    return await first_card(pilot, app)


def status(screen: ReviewScreen) -> str:
    """The status line above the card."""
    return str(screen.query_one("#review-status").render())


def test_three_new_cards_rated_good_end_the_sitting_each_shown_once(home: Path) -> None:
    save_words(home)

    async def run() -> None:
        app = clocked_app(home)  # the clock stands still: a card due in 10 minutes is not due
        async with app.run_test(size=(100, 32)) as pilot:
            screen = await open_review(pilot, app)
            seen: list[str] = []
            for left in (3, 2, 1):
                assert f"{left} to review" in status(screen), status(screen)
                seen.append(await rate(pilot, screen, "3"))
                await settled(pilot, screen)
                assert len(screen.queue) == left - 1  # "N to review" is what will be shown
            assert sorted(seen) == sorted(WORDS) and screen.current is None
            end = str(screen.query_one("#review-message").render())
            assert screen.query_one("#review-message").display
            assert "Review done: 3 cards reviewed, 0 again." in end, end
            assert "Next card due" in end and "(in 10 minutes)" in end, end

    asyncio.run(run())


def test_an_again_card_comes_back_once_more_before_the_summary(home: Path) -> None:
    save_words(home)

    async def run() -> None:
        app = clocked_app(home)
        async with app.run_test(size=(100, 32)) as pilot:
            screen = await open_review(pilot, app)
            seen = [await rate(pilot, screen, "1")]  # Again: it comes back in this sitting
            assert "3 to review" in status(screen), status(screen)
            while screen.current is not None and len(seen) < 10:
                seen.append(await rate(pilot, screen, "3"))
                await settled(pilot, screen)
            assert len(seen) == 4 and seen[-1] == seen[0]  # the Again card, last, once more
            assert len(set(seen)) == 3
            end = str(screen.query_one("#review-message").render())
            assert "3 cards reviewed (4 ratings), 1 again." in end, end

    asyncio.run(run())


def test_a_rating_key_on_the_front_rates_the_card(home: Path) -> None:
    save_words(home)

    async def run() -> None:
        app = clocked_app(home)
        async with app.run_test(size=(100, 32)) as pilot:
            screen = await open_review(pilot, app)
            first = screen.current.word.word
            assert not screen.revealed and "1-4 rates it now" in status(screen)
            assert screen.query_one("#review-buttons").display  # the buttons work here too
            await pilot.press("4")  # from the front: counts as answered
            assert [r.card.word.word for r in screen.rated] == [first]
            assert screen.current.word.word != first and not screen.revealed
            second = screen.current.word.word
            await pilot.click("#rate-3")  # the mouse too
            assert [r.rating for r in screen.rated] == [4, 3]
            assert screen.current.word.word not in (first, second)
            await settled(pilot, screen)
            with app.session.store_lock:
                cards = app.session.readable_store().keyed_docs("cards")
                assert first in cards and second in cards

    asyncio.run(run())


def test_the_back_spells_a_proper_noun_once_the_worker_has_read_it(home: Path) -> None:
    """The word's written pinyin comes from the loading worker (a lookup can load the language
    layer, seconds on the UI thread): stored `xiāng gǎng` is shown as `Xiānggǎng`."""
    art, issue = next((a, i) for i in load_library(home) for a in i.articles
                      if MARKER in a.text)
    with NotesStore.open(home) as store:
        store.save_word("香港", "xiāng gǎng", "Hong Kong", "他去香港了。", art.id, issue.id)

    async def run() -> None:
        app = clocked_app(home, review=True)
        async with app.run_test(size=(100, 32)) as pilot:
            screen = await first_card(pilot, app)
            word_id = screen.current.word.id
            await wait_for(pilot, lambda: word_id in screen.written, "the word's spelling")
            assert app.session.language_ready.is_set()  # it was made after the layer loaded
            await pilot.press("space")
            await pilot.pause()
            assert "香港  Xiānggǎng" in shown(screen)

    asyncio.run(run())
