"""Screenshots of the real app on the bundled seeds: `python -m reader.tui.screenshots [--out DIR]`.

Drives ReaderApp with Textual's Pilot in a temporary home at 100x32 cells and saves one SVG
per view the README tour shows. `take_screenshots` returns what each shot must contain so a
test can check the pictures are what the app shows.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from textual.pilot import Pilot

from reader.corpus.library import load_library
from reader.language import lookup, tokenize, warm_up
from reader.notes.store import NotesStore

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp

SIZE = (100, 32)
ARTICLE_TITLE = "快递小哥的一天"
"""The article the tour reads: everyday language, names, a clear story."""
KNOWN_WORD = "快递"
NOTE = "快递小哥 = delivery guy; 小哥 is a friendly word for a young man"


@dataclass
class Shot:
    """One saved screenshot and the texts it must show."""

    name: str
    path: Path
    expect: list[str] = field(default_factory=list)


async def _wait(pilot: Pilot[object], check: Callable[[], object], what: str) -> None:
    """Let the app run until `check()` holds (about 30 s at most)."""
    for _ in range(600):
        if check():
            return
        await pilot.pause(0.05)
    raise RuntimeError(f"gave up waiting for {what}")


def _unknown_compound(text: str) -> str:
    """A word of the article with no dictionary entry that breaks into known parts."""
    for tok in tokenize(text):
        if len(tok.text) >= 3 and tok.is_han:
            result = lookup(tok.text, tok.pos)
            if not result.entries and result.components and not result.name:
                return tok.text
    raise RuntimeError("no unknown compound in the tour article")


def _import_pdf_page(home: Path) -> str:
    """A 4-column newspaper PDF page (made from seed stories) imported; its issue id."""
    from reader.benchmarks.pdf_pages import LAYOUTS, render_page, stories_from
    from reader.corpus.library import load_file
    from reader.corpus.pdf.store import import_pdf
    from reader.paths import library_dir, seeds_dir

    items = stories_from([load_file(p) for p in sorted(seeds_dir().glob("*.txt"))])
    layout = next(lay for lay in LAYOUTS if lay.columns == 4)
    pdf = Path(tempfile.mkdtemp(prefix="dubao-pdf-")) / "jilin-evening.pdf"
    render_page(pdf, items[:6], layout)
    pages, _skipped = import_pdf(pdf, library_dir(home))
    return pages[0].issue.id


def _prepare_home(home: Path) -> tuple[str, str]:
    """Highlights with a note and a saved word, as a reader would have made them."""
    art = next(
        (a, i) for i in load_library(home) for a in i.articles if a.title == ARTICLE_TITLE
    )
    article, issue = art
    text = article.text
    with NotesStore.open(home) as store:
        for quote, colour, note in (
            ("快递小哥张贺然见车来了", "yellow", NOTE),
            ("一切如行云流水", "green", None),
            ("麻利地骑上三轮车", "blue", "麻利 málì: quick and neat"),
        ):
            start = text.index(quote)
            store.add_highlight(issue.id, article.id, text, start, start + len(quote),
                                color=colour, note=note)
        sentence = text[: text.index("。") + 1]
        for word, gloss in (("快递", "express delivery"), ("黑漆漆", "pitch-dark")):
            found = lookup(word)
            store.save_word(word, found.pinyin, gloss, sentence, article.id, issue.id,
                            hsk=found.hsk)
        _seed_statuses(store)
    return article.id, text


def _seed_statuses(store: NotesStore) -> None:
    """A learner's vocabulary: HSK 1-4 known, a few words at each learning level."""
    from reader.learning.status import LEARNING, Status
    from reader.learning.vocabulary import Vocabulary
    from reader.learning.word_files import hsk_words

    vocabulary = Vocabulary(store)
    vocabulary.set_status(hsk_words(range(1, 5)), Status.KNOWN)
    for words, status in zip((("快递", "小哥"), ("麻利",), ("三轮车",), ("清晨",)), LEARNING,
                             strict=True):
        vocabulary.set_status(words, status)


async def _shoot(out: Path) -> list[Shot]:
    """Drive the app through the tour and save each view."""
    from reader.tui.app import ReaderApp
    from reader.tui.screens.article import ArticleScreen
    from reader.tui.screens.note_editor import NoteEditor
    from reader.tui.widgets.article_view import ArticleView
    from reader.tui.widgets.library_tree import LibraryTree

    shots: list[Shot] = []
    home = Path(tempfile.mkdtemp(prefix="dubao-shots-"))
    article_id, text = _prepare_home(home)
    pdf_issue = _import_pdf_page(home)
    unknown = _unknown_compound(text)
    app = ReaderApp(home=home)

    def save(name: str, *expect: str) -> None:
        path = Path(app.save_screenshot(f"{name}.svg", str(out)))
        shots.append(Shot(name, path, list(expect)))

    async with app.run_test(size=SIZE) as pilot:
        await _wait(pilot, lambda: app.library_screen.issues, "the library")
        app.library_screen.select_article(article_id)  # opens its paper, month and issue
        await pilot.pause(1.0)  # let the HSK profiles arrive
        save("01-library", "Library", "快递小哥的一天")

        await pilot.press("enter")  # the tour article
        await _wait(pilot, lambda: isinstance(app.screen, ArticleScreen), "the article")
        view = app.screen.query_one(ArticleView)
        await _wait(pilot, lambda: view.has_words and view.page is not None, "the words")
        index = next(i for i, t in enumerate(view.tokens)
                     if t.text == KNOWN_WORD and view.in_body(i))  # not the headline's
        region = view.word_region(index)
        assert region is not None
        await pilot.hover(None, offset=(region.x + 1, region.y))
        await pilot.pause(0.2)
        hovered = view.popup_text.split()[0]
        save("02-hover-pinyin", hovered, ARTICLE_TITLE)

        await pilot.press("p", "t")
        await pilot.pause(0.2)
        save("03-pinyin-line-tone-colours", "kuàidì", "qīngchén")
        await pilot.press("p", "p", "p", "t")  # p: over words not known, none, on hover

        view.move_cursor(index)
        await pilot.press("enter")
        await pilot.pause(0.5)
        save("04-glossary-known-word", "express delivery", "CC-CEDICT")
        await pilot.press("escape")

        unknown_index = next(i for i, t in enumerate(view.tokens)
                             if t.text == unknown and view.in_body(i))
        view.move_cursor(unknown_index)
        await pilot.press("enter")
        await pilot.pause(0.5)
        save("05-glossary-unknown-compound", unknown, "Breakdown")
        await pilot.press("escape")

        await pilot.press("m")
        await pilot.pause(0.5)
        save("06-highlights-notes-panel", "一切如行云流水", "delivery guy")

        first = text.index("快递小哥张贺然")
        view.move_cursor(view.page.word_at_offset(first))
        await pilot.press("a")
        await _wait(pilot, lambda: isinstance(app.screen, NoteEditor), "the note editor")
        await pilot.pause(0.3)
        save("07-note-editor", "delivery guy")
        await pilot.press("escape")
        await pilot.press("escape")  # notes panel
        await pilot.press("escape")  # back to the library

        await pilot.press("ctrl+g")
        await pilot.pause(0.8)
        save("08-saved-words", "黑漆漆", "pitch-dark")
        await pilot.press("escape")

        await pilot.press("ctrl+n")
        await pilot.pause(0.8)
        save("09-notes-screen", "一切如行云流水", "delivery guy")
        await pilot.press("escape")

        app.open_article(article_id)
        await _wait(pilot, lambda: isinstance(app.screen, ArticleScreen), "the article again")
        await pilot.pause(0.5)
        await pilot.press("question_mark")
        await pilot.pause(0.5)
        save("10-help", "Keys", "Highlight")
        await pilot.press("escape")
        await pilot.press("ctrl+t")
        await pilot.pause(0.5)
        save("11-light-theme", ARTICLE_TITLE)
        await pilot.press("ctrl+t")
        await pilot.press("escape")  # back to the library

        pdf_article = next(a for i in app.session.issues if i.id == pdf_issue
                           for a in i.articles if a.kind == "article")
        tree = app.library_screen.query_one(LibraryTree)  # its articles may still be loading
        await _wait(pilot, lambda: tree.select_article(pdf_article.id), "the PDF article's line")
        await pilot.pause(0.5)
        save("12-pdf-page-in-library", pdf_article.title[:12])  # the line may cut the rest

        app.open_article(article_id)  # word-status tints, pinyin over words not known
        await _wait(pilot, lambda: isinstance(app.screen, ArticleScreen)
                    and app.screen.query(ArticleView), "the article")
        view = app.screen.query_one(ArticleView)
        await _wait(pilot, lambda: view.word_marks.loaded, "the status marks")
        await pilot.press("p", "p")
        await pilot.pause(0.3)
        save("13-word-status-marks", ARTICLE_TITLE, "qīngchén")
        await pilot.press("p", "p")

        from reader.tui.screens.review import ReviewScreen

        await pilot.press("R")  # the saved words' review: the front, with its pinyin
        review = app.screen
        await _wait(pilot, lambda: isinstance(review, ReviewScreen)
                    and review.current is not None and review.sources
                    and review.current.word.sentence in review.pinyin, "the review")
        assert isinstance(review, ReviewScreen)
        assert review.current is not None
        if review.current.word.word != "黑漆漆":  # 快递 (saved in the same second) first
            await pilot.press("space", "4")  # Easy; then 黑漆漆, blanked in its sentence
            await _wait(pilot, lambda: review.current is not None
                        and review.current.word.word == "黑漆漆", "the card of 黑漆漆")
        await pilot.press("p")
        await pilot.pause(0.3)
        save("14-review-front", "Review", "＿＿＿", "hēiqīqī", "space shows the answer")
        await pilot.press("space")
        await pilot.pause(0.3)
        save("15-review-answer", "黑漆漆", "pitch-dark", "Again", "Easy")
        await pilot.press("escape")
        await pilot.press("escape")  # from the article back to the library
        await _wait(pilot, lambda: app.screen is app.library_screen, "the library")
        await _known_words_tour(pilot, app, article_id, save)
    return shots


async def _known_words_tour(pilot: Pilot[object], app: ReaderApp, article_id: str,
                            save: Callable[..., None]) -> None:
    """The digest of the tour article's issue (HSK 1-4 known, one word marked) and the stats."""
    from reader.learning.status import Status
    from reader.learning.word_files import hsk_words
    from reader.reading.model import Progress
    from reader.tui.screens.digest import DigestScreen
    from reader.tui.screens.stats import StatsScreen

    known = hsk_words(range(1, 5))
    app.edit(lambda s: s.learning.set_status(known, Status.KNOWN))
    app.edit(lambda s: s.save_progress(article_id, Progress(offset=0, read=True)))
    await _wait(pilot, lambda: len(app.session.learning.statuses()) >= len(known),
                "the known words")
    app.library_screen.select_article(article_id)
    await pilot.pause(0.3)
    await pilot.press("d")
    await _wait(pilot, lambda: isinstance(app.screen, DigestScreen) and app.screen.loaded,
                "the digest")
    digest = app.screen
    assert isinstance(digest, DigestScreen)
    top = next(iter(digest.words))
    await pilot.press("k")  # the most frequent new word: known, it leaves the list
    await _wait(pilot, lambda: top not in digest.words, "the word marked known")
    await pilot.pause(0.3)
    save("16-issue-digest", "First sentence", next(iter(digest.words)))
    await pilot.press("escape")
    await pilot.press("t")
    await _wait(pilot, lambda: isinstance(app.screen, StatsScreen)
                and app.screen.stats is not None, "the stats")
    await pilot.pause(0.5)
    save("17-progress-stats", "Words known", "Articles finished per day", "1 article finished")
    await pilot.press("escape")


def take_screenshots(out: Path) -> list[Shot]:
    """Save the tour's screenshots as SVG files in `out`; return what each must show."""
    out.mkdir(parents=True, exist_ok=True)
    warm_up()
    return asyncio.run(_shoot(out))


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(
        prog="python -m reader.tui.screenshots", description="Save SVG screenshots of the app."
    )
    parser.add_argument("--out", default="screenshots", help="folder for the SVG files")
    args = parser.parse_args(argv)
    for shot in take_screenshots(Path(args.out)):
        sys.stdout.write(f"{shot.path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
