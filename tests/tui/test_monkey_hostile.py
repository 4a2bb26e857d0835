"""The monkey on a library of hostile pages, and hostile text typed into every input.

The pages are generated here and imported the way `reader import` does it: markup-looking
titles and file names (`[/]`, `[@click=…]`, `[bold]`), escape sequences and controls (stripped
at import), a line close to the line limit, headlines with nothing under them, a PDF-like name.
One run tours every input and dialog of every screen and types markup and control characters
into each; another sends random events with the hostile pages opened now and then. Any
exception, a quit, or typed markup that runs as an action fails the run. Seeds are fixed.
"""

from __future__ import annotations

import asyncio
import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.command import CommandPalette
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, TextArea
from textual.worker import Worker, WorkerState

from reader.corpus.decode import MAX_LINE_CHARS
from reader.corpus.library import import_file
from reader.errors import ReaderError
from reader.tui.screens.article import ArticleScreen

from .helpers import MARKER, wait_for
from .test_monkey import SIZES, Monkey, MonkeyApp, key_event, seed_notes

SEED = 20260415
EVENTS = 350
"""Random events on the hostile library (the tour below covers every input on purpose)."""

TYPED = (
    "[/]", "[@click=app.monkey_injected]x[/]", "[@click=app.quit]q[/]", "[bold]粗",
    "[link=file:///etc/passwd]x[/link]", "\x1b[31mred\x1b[0m\x1b]0;title\x07", "\x00\x08\x7f\x9b",
    "\u202eexe.txt", "a\tb\nc\r\nd", "\\[/]", "[[/]]", "香港[/]经贸",
)
"""Pasted into every input and dialog, one after another."""
KEYS = ("left_square_bracket", "slash", "right_square_bracket", "at", "escape")
"""Typed key by key as well (escape last: it may close the dialog)."""

NAMES = ("[]", "[@click=app.monkey_injected]q[", "[bold]粗[", "esc\x1b[31m\x07",
         "scan.pdf", "%PDF-1.4", "\u202etxt.exe")
"""File names of the hostile pages (each gets `.txt`); `/` cannot be in a file name, so the
names hold opening tags, and the pages `[/]`."""

_HAN = re.compile(r"[\u4e00-\u9fff]")
"""A Chinese character: a word a note can be made on."""


def hostile_pages() -> list[str]:
    """Page texts: markup in headlines and bodies, escapes, a near-limit line, empty items."""
    body = "今年以来，吉林省跨境电商进出口额持续增长，为稳外贸作出积极贡献。"
    long_line = (body * (MAX_LINE_CHARS // len(body)))[: MAX_LINE_CHARS - 10]
    pages = []
    for n, name in enumerate(NAMES):
        name = name.replace("%PDF-", "PDF ")  # `%PDF-` near the start marks a PDF file
        pages.append(
            f"测试日报{n}\n2024年6月{n + 1}日 星期二 第{n + 1}版 要闻\n\n"
            f"跨境电商{name}发展\n\n"
            f"本报讯（记者 [@click=app.monkey_injected]x[/]）会议[/]指出，{name}跨境电商。\n"
            f"\x1b[2J\x1b]8;;http://x\x1b\\链接\x1b]8;;\x1b\\ [bold red]红[/bold red] \\[/] "
            f"第{n}篇\n"
            + (long_line + "\n" if n == 0 else body + "\n")
            + f"\n空标题{n}[/]\n\n"
            + f"会议强调[/]\n\n本报讯 要加强对非遗的系统性保护{name}，推动文化产业发展。\n"
        )
    return pages


HOSTILE_ISSUES: list[str] = []
"""Ids of the imported hostile pages (filled by the fixture)."""


@pytest.fixture
def hostile_home(home: Path, tmp_path: Path) -> Path:
    """The test home with the hostile pages imported from files made here."""
    folder = tmp_path / "incoming"
    folder.mkdir()
    HOSTILE_ISSUES.clear()
    for name, text in zip(NAMES, hostile_pages(), strict=True):
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        issue, _ = import_file(home, path)
        HOSTILE_ISSUES.append(issue.id)
    seed_notes(home)
    return home


class Run:
    """The app, its pilot and what went wrong, for one scenario."""

    def __init__(self) -> None:
        self.failures: list[str] = []
        self.handled: list[str] = []
        self.trail: list[str] = []

    def hook(self, message: Message) -> None:
        """A failed worker fails the run, unless it is one of our one-line errors."""
        if isinstance(message, Worker.StateChanged) and message.state == WorkerState.ERROR:
            error = message.worker.error
            text = f"worker {message.worker.name!r}: {type(error).__name__}: {error}"
            (self.handled if isinstance(error, ReaderError) else self.failures).append(text)

    def check(self, app: MonkeyApp, where: str) -> None:
        """Record a quit, an exit or an injected action as a failure."""
        if app.return_code is not None or app.quit_requests or app.injected:
            self.failures.append(f"{where}: exit={app.return_code} quit={app.quit_requests} "
                                 f"injected={app.injected}")


def hostile_ids(app: MonkeyApp) -> list[str]:
    """Ids of the articles of the hostile pages that have a body."""
    return [a.id for issue in app.library_screen.issues for a in issue.articles
            if issue.id in HOSTILE_ISSUES and a.paragraphs]


async def back_to_library(app: MonkeyApp, pilot: object) -> None:
    """Close dialogs and screens down to the library."""
    while app.screen is not app.library_screen:
        if isinstance(app.screen, ModalScreen):
            app.screen.dismiss(None)
        else:
            app.pop_screen()
        await pilot.pause()  # type: ignore[attr-defined]


async def fill_inputs(app: MonkeyApp, pilot: object, run: Run, where: str) -> int:
    """Paste every TYPED text (and type KEYS) into each input of the screen; submit each.

    Returns how many inputs were filled. Submitting may close the screen: the inputs still
    attached are filled, the others are left.
    """
    screen = app.screen
    boxes = [w for w in screen.query("*") if isinstance(w, Input | TextArea)]
    filled = 0
    for box in boxes:
        for text in TYPED:
            if app.screen is not screen or not box.is_attached:
                return filled
            box.focus()
            if isinstance(box, Input):
                box.value = ""
            else:
                box.text = ""
            box.post_message(events.Paste(text))
            await pilot.pause()  # type: ignore[attr-defined]
            run.check(app, f"{where}: pasted {text!r} into {type(box).__name__}")
        filled += 1
        for key in KEYS[:-1]:
            app.post_message(key_event(key))
        await pilot.pause()  # type: ignore[attr-defined]
        run.check(app, f"{where}: typed into {type(box).__name__}")
    # Submit what is in the focused box now (markup and controls), then leave.
    focused = app.focused
    if app.screen is screen and isinstance(focused, Input | TextArea):
        await pilot.press("ctrl+s" if isinstance(focused, TextArea) else "enter")  # type: ignore[attr-defined]
        await pilot.pause()  # type: ignore[attr-defined]
        run.check(app, f"{where}: submitted")
    return filled


def _on(kind: type, then: Callable[[MonkeyApp], bool] = lambda app: True) -> Callable[
        [MonkeyApp], bool]:
    return lambda app: isinstance(app.screen, kind) and then(app)


async def tour(app: MonkeyApp, pilot: object, run: Run) -> list[str]:
    """Open every input and dialog there is and fill it; the names of those reached."""
    from reader.tui.screens.dialogs import TermDialog
    from reader.tui.screens.export_dialog import ExportDialog
    from reader.tui.screens.note_editor import NoteEditor
    from reader.tui.screens.notes import NotesScreen
    from reader.tui.screens.saved_words import SavedWordsScreen
    from reader.tui.screens.search import SearchScreen
    from reader.tui.screens.words_export import WordsExportDialog

    test_article = next(a.id for i in app.library_screen.issues for a in i.articles
                        if MARKER in a.text)
    hostile = hostile_ids(app)
    focused_input = lambda app: isinstance(app.focused, Input | TextArea)  # noqa: E731
    stops: list[tuple[str, Callable[[], None] | tuple[str, ...], Callable[[MonkeyApp], bool]]] = [
        ("library filter", ("slash",), focused_input),
        ("search all", ("s",), _on(SearchScreen)),
        ("command palette", ("ctrl+p",), _on(CommandPalette)),
        ("glossary term", ("ctrl+e",), _on(TermDialog)),
        ("notes search", ("ctrl+n", "slash"), _on(NotesScreen, focused_input)),
        ("notes note editor", ("ctrl+n", "a"), _on(NoteEditor)),
        ("notes export folder", ("ctrl+n", "e"), _on(ExportDialog)),
        ("saved-word definition", ("ctrl+g", "d"), _on(NoteEditor)),
        ("saved-word note", ("ctrl+g", "a"), _on(NoteEditor)),
        ("saved-word search", ("ctrl+g", "slash"), _on(SavedWordsScreen, focused_input)),
        ("saved-words export folder", ("ctrl+g", "e"), _on(WordsExportDialog)),
    ]
    for article_id in (test_article, *hostile[:4]):
        def opener(article_id: str = article_id) -> None:
            app.open_article(article_id)
        stops += [
            (f"article {article_id} search", opener, _on(ArticleScreen)),
            (f"article {article_id} note", opener, _on(ArticleScreen)),
            (f"article {article_id} export", opener, _on(ArticleScreen)),
            (f"article {article_id} term", opener, _on(ArticleScreen)),
        ]
    after_open = {"search": ("slash",), "note": ("right", "a"), "export": ("e",),
                  "term": ("right", "ctrl+e")}
    reached = []
    for name, how, ready in stops:
        await back_to_library(app, pilot)
        run.trail.append(name)
        if callable(how):
            how()
            await wait_for(pilot, lambda r=ready: r(app)  # type: ignore[arg-type, misc]
                           and app.screen.query("ArticleView")
                           and app.screen.query_one("ArticleView").has_words, name)
            keys = after_open[name.rsplit(" ", 1)[-1]]
            if name.endswith(" note"):  # notes go on the text: headline words are look-up only
                view = app.screen.query_one("ArticleView")
                view.move_cursor(next(i for i, t in enumerate(view.tokens)  # type: ignore[attr-defined]
                                      if view.in_body(i) and _HAN.search(t.text)))  # type: ignore[attr-defined]
        else:
            keys = how
        for n, key in enumerate(keys):
            await pilot.press(key)  # type: ignore[attr-defined]
            if n < len(keys) - 1:  # a list to act on is loaded (the last key may open a
                await app.workers.wait_for_complete()  # dialog that its worker waits on)
            await pilot.pause()  # type: ignore[attr-defined]
        if not callable(how):
            await wait_for(pilot, lambda r=ready: r(app), name)  # type: ignore[arg-type]
        else:
            await wait_for(pilot, lambda: isinstance(app.focused, Input | TextArea)  # type: ignore[arg-type]
                           or isinstance(app.screen, ModalScreen), name)
        if await fill_inputs(app, pilot, run, name):
            reached.append(name)
        await back_to_library(app, pilot)
        await app.workers.wait_for_complete()
        if run.failures:
            break
    await back_to_library(app, pilot)
    return reached


def test_monkey_types_markup_and_controls_into_every_input_and_dialog(
        hostile_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)  # export folders such as `[/]` are made here
    run = Run()

    async def scenario() -> list[str]:
        app = MonkeyApp(home=hostile_home)
        async with app.run_test(size=SIZES[0], message_hook=run.hook) as pilot:
            await wait_for(pilot, lambda: app.library_screen.issues, "the library")
            reached = await tour(app, pilot, run)
            await app.workers.wait_for_complete()
        return reached

    reached = asyncio.run(scenario())  # an exception in the app is raised here
    print("errors shown to the user:", *run.handled, sep="\n  ")
    assert not run.failures, "\n".join(run.failures) + "\nafter: " + " / ".join(run.trail)
    missing = {"library filter", "search all", "command palette", "glossary term",
               "notes search", "notes note editor", "notes export folder",
               "saved-word definition", "saved-word note", "saved-word search",
               "saved-words export folder"} - set(reached)
    assert not missing, f"never reached: {sorted(missing)}"
    kinds = {name.rsplit(" ", 1)[-1] for name in reached if name.startswith("article ")}
    assert kinds == {"search", "note", "export", "term"}, reached


def test_monkey_on_a_library_of_hostile_pages(hostile_home: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    run = Run()

    async def scenario() -> Monkey:
        app = MonkeyApp(home=hostile_home)
        async with app.run_test(size=SIZES[0], message_hook=run.hook) as pilot:
            rng = random.Random(SEED)
            monkey = Monkey(app, pilot, rng)
            await wait_for(pilot, lambda: app.library_screen.issues, "the library")
            hostile = hostile_ids(app)
            assert len(hostile) >= len(NAMES)
            for n in range(EVENTS):
                if n % 50 == 10 and not isinstance(app.screen, ModalScreen):
                    article_id = rng.choice(hostile)
                    monkey.recent.append(f"open {article_id}")
                    app.open_article(article_id)
                await monkey.step()
                if run.failures or app.return_code is not None or app.injected:
                    run.failures.append(f"at event {n} (seed {SEED}), after:\n  "
                                        + "\n  ".join(monkey.recent))
                    break
            while isinstance(app.screen, ModalScreen):
                await app.screen.dismiss(None)
            await app.workers.wait_for_complete()
        return monkey

    monkey = asyncio.run(scenario())
    print("errors shown to the user:", *run.handled, sep="\n  ")
    assert not run.failures, "\n".join(run.failures)
    assert monkey.screens["ArticleScreen"] > 0, dict(monkey.screens)
