"""A monkey test: thousands of random keys, pastes and mouse events; no exception allowed.

The keys come from the bindings of whatever is on screen at each step (found at run time, so
the test follows the UI as it changes), plus random printable keys, text with markup and
escape sequences pasted into inputs, clicks, hovers, drags and terminal resizes. The seed is
fixed; a failure names the seed, the step and the last events.
"""

from __future__ import annotations

import asyncio
import inspect
import random
import unicodedata
from collections import Counter, deque
from pathlib import Path

import pytest
from textual import events
from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import KEY_NAME_REPLACEMENTS, key_to_character
from textual.message import Message
from textual.pilot import Pilot
from textual.screen import ModalScreen
from textual.widgets import Input, TextArea
from textual.worker import Worker, WorkerState

from reader.errors import ReaderError
from reader.notes.store import NotesStore
from reader.tui.app import ReaderApp

from .helpers import MARKER, article_id_of, wait_for

SEED = 20260301
EVENTS = 900
"""Events sent in one run (keys, bursts of typing, pastes, mouse, resizes): ~1,300 keys."""
REOPEN_EVERY = 150
"""Every so many events the test article is opened again (the monkey rarely finds it)."""
SIZES = ((100, 32), (80, 24), (60, 20), (120, 40), (200, 50), (70, 30))
"""Terminal sizes the run switches between."""

NEVER_PRESS = {"suspend_process"}
"""Actions the monkey must not trigger: they would stop the test process itself."""

HOSTILE = (
    "[/]", "[@click=app.quit]x[/]", "[@click=app.monkey_injected]x[/]", "[bold red]b[/bold red]",
    "[link=file:///etc/passwd]x[/link]", "[", "]", "\\[/]", "[/", "[[/]]",
    "\x1b[31mred\x1b[0m", "\x1b]0;title\x07", "\x1b[2J\x1b[H", "\x1b]8;;http://x\x1b\\l\x1b]8;;\x1b\\",
    "\x00\x07\x08\x7f", "\u202etxt.exe", "\u200b\ufeff", "{{ 7*7 }}{% raw %}", "%s%n%d",
    "../../etc/passwd", "~/../../", "香港[/]经贸", "xianggang", "lüyou", "a\tb\nc\r\nd",
    "𠀀𪚥🙂", "#" * 300, "跨境电商" * 50,
)
"""Text a user could paste or type: markup, terminal escapes, controls, odd Unicode."""

PRINTABLE = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    "[]/@=!#$%^&*()-_+{}|;:'\",.<>?`~\\ 跨境电商会议香港"
)


def _app_css() -> list[Path]:
    """The app's stylesheets as absolute paths (relative ones are relative to its module)."""
    css = ReaderApp.CSS_PATH or []
    here = Path(inspect.getfile(ReaderApp)).parent
    return [here / p for p in ([css] if isinstance(css, str | Path) else css)]


class MonkeyApp(ReaderApp):
    """The real app, except that quitting is recorded instead of ending the run."""

    CSS_PATH = _app_css()

    quit_requests = 0
    """How often something asked the app to quit (a key, the palette, a link)."""
    injected = 0
    """How often text typed by the user ran as an action link (must stay 0)."""

    async def action_quit(self) -> None:
        """Count the request; the run goes on with the same app and store."""
        self.quit_requests += 1

    def action_monkey_injected(self) -> None:
        """Only reachable if pasted markup became a live `@click` link."""
        self.injected += 1


def bindings_on_screen(app: ReaderApp) -> list[Binding]:
    """Every binding of the screen, its widgets and the app (declared or active)."""
    nodes: list[DOMNode] = [app, app.screen, *app.screen.walk_children()]
    found: dict[tuple[str, str], Binding] = {}
    for node in nodes:
        for cls in type(node).__mro__:
            for b in Binding.make_bindings(cls.__dict__.get("BINDINGS", ())):
                found.setdefault((b.key, b.action), b)
    for key, active in app.active_bindings.items():
        found.setdefault((key, active.binding.action), active.binding)
    return [b for b in found.values()
            if b.action.rsplit(".", 1)[-1] not in NEVER_PRESS]


def key_event(key: str) -> events.Key:
    """The Key event a terminal sends for `key` (a key name like `ctrl+p`, or a character)."""
    if len(key) == 1 and not key.isalnum():
        # Textual names punctuation keys by their Unicode name: `?` is `question_mark`.
        name = unicodedata.name(key, "").lower().replace(" ", "_").replace("-", "_")
        return events.Key(KEY_NAME_REPLACEMENTS.get(name, name) or key, key)
    char = key_to_character(key)
    return events.Key(key, char if char is not None else (key if len(key) == 1 else None))


def would_suspend(app: ReaderApp, key: str) -> bool:
    """True when pressing `key` now would run an action the monkey must not."""
    active = app.active_bindings.get(key)
    return active is not None and active.binding.action.rsplit(".", 1)[-1] in NEVER_PRESS


class Monkey:
    """Sends one random event at a time and remembers the last ones for the report."""

    def __init__(self, app: MonkeyApp, pilot: Pilot[object], rng: random.Random) -> None:
        self.app, self.pilot, self.rng = app, pilot, rng
        self.size = SIZES[0]
        self.recent: deque[str] = deque(maxlen=25)
        self.screens: Counter[str] = Counter()
        """Events sent per screen class."""
        self.sent = 0
        """Keys pressed so far."""

    def where(self) -> str:
        """The screen stack, bottom first (for the report)."""
        return "/".join(type(s).__name__ for s in self.app.screen_stack)

    async def step(self) -> None:
        """One event, chosen by weight."""
        self.screens[type(self.app.screen).__name__] += 1
        roll = self.rng.random()
        if roll < 0.45:
            await self.binding_key()
        elif roll < 0.75:
            await self.printable_key()
        elif roll < 0.80:
            await self.paste()
        elif roll < 0.99:
            await self.mouse()
        else:
            self.size = self.rng.choice(SIZES)
            self.recent.append(f"resize {self.size}")
            await self.pilot.resize_terminal(*self.size)

    async def press(self, *keys: str) -> None:
        """Send a burst of keys as a fast typist would, then let the app catch up once.

        Pilot's `press` waits for the process to go idle after every key (20-40 ms even
        when nothing happens), which would make a few thousand keys take minutes.
        """
        keys = tuple(k for k in keys if not would_suspend(self.app, k))
        self.recent.append(f"keys {' '.join(keys)!r} on {self.where()}")
        self.sent += len(keys)
        for key in keys:
            self.app.post_message(key_event(key))
        await self.pilot.pause()

    async def binding_key(self) -> None:
        """One key bound on the current screen.

        One at a time: a burst such as `ctrl+p down pageup` trips a race inside Textual's
        command palette (KeyError in OptionList._move_page before its options are laid out).
        """
        bindings = bindings_on_screen(self.app)
        if bindings:
            await self.press(self.rng.choice(bindings).key)

    async def printable_key(self) -> None:
        """A burst of printable keys (typed into an input, or taken as commands)."""
        await self.press(*(self.rng.choice(PRINTABLE) for _ in range(self.burst())))

    def burst(self) -> int:
        """How many keys the next burst holds."""
        return self.rng.choice((1, 1, 2, 3, 5, 8))

    async def paste(self) -> None:
        """Paste hostile text into the focused input (or the screen), sometimes submit it."""
        text = self.rng.choice(HOSTILE)
        target = self.app.focused or self.app.screen
        self.recent.append(f"paste {text[:40]!r} into {type(target).__name__}")
        target.post_message(events.Paste(text))
        await self.pilot.pause()
        if isinstance(target, Input | TextArea) and self.rng.random() < 0.5:
            await self.press(self.rng.choice(("enter", "ctrl+s", "tab")))

    async def mouse(self) -> None:
        width, height = self.size
        x, y = self.rng.randrange(width), self.rng.randrange(height)
        kind = self.rng.choice(("click", "click", "hover", "hover", "double", "drag"))
        self.recent.append(f"{kind} at {(x, y)} on {self.where()}")
        if kind == "click":
            await self.pilot.click(offset=(x, y))
        elif kind == "hover":
            await self.pilot.hover(offset=(x, y))
        elif kind == "double":
            await self.pilot.double_click(offset=(x, y))
        else:
            await self.pilot.mouse_down(offset=(x, y))
            to = (self.rng.randrange(width), self.rng.randrange(height))
            await self.pilot.hover(offset=to)
            await self.pilot.mouse_up(offset=to)


def seed_notes(home: Path) -> None:
    """A highlight with a note and a saved word, so every screen has something to act on."""
    from reader.corpus.library import load_library

    art = next(a for i in load_library(home) for a in i.articles if MARKER in a.text)
    start = art.text.index("跨境电商")
    with NotesStore.open(home) as store:
        store.add_highlight(art.issue_id, art.id, art.text, start, start + 4, note="[b]注[/b]")
        store.save_word("跨境", "kuàjìng", "cross-border [/]", art.text[:30], art.id,
                        art.issue_id, hsk=7, note="[@click=app.monkey_injected]x[/]")


def test_random_keys_pastes_and_clicks_never_raise(home: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # Exports and screenshots land in a temp home and folder, never the user's.
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    seed_notes(home)
    failures: list[str] = []

    handled: list[str] = []

    def hook(message: Message) -> None:
        """A failed worker is turned into a notice by the app; here a bug fails the test.

        Our own errors (ReaderError: unknown id, read-only, write failed) are the one-line
        messages users are meant to see, so they are only listed; anything else is a bug.
        """
        if isinstance(message, Worker.StateChanged) and message.state == WorkerState.ERROR:
            error = message.worker.error
            text = f"worker {message.worker.name!r}: {type(error).__name__}: {error}"
            (handled if isinstance(error, ReaderError) else failures).append(text)

    async def scenario() -> Monkey:
        app = MonkeyApp(home=home)
        async with app.run_test(size=SIZES[0], message_hook=hook) as pilot:
            monkey = Monkey(app, pilot, random.Random(SEED))
            await wait_for(pilot, lambda: app.library_screen.issues, "the library")
            for n in range(EVENTS):
                # Not over a dialog or the palette: no user can open an article from there.
                if (n % REOPEN_EVERY == REOPEN_EVERY // 3
                        and not isinstance(app.screen, ModalScreen)):
                    monkey.recent.append("open the test article")
                    app.open_article(article_id_of(app))
                await monkey.step()
                if failures or app.return_code is not None or app.injected:
                    failures.append(f"at event {n} (seed {SEED}), after:\n  "
                                    + "\n  ".join(monkey.recent))
                    print(failures[-1])  # shown by pytest with the app's exception
                    break
            while isinstance(app.screen, ModalScreen):  # an open dialog holds its worker
                await app.screen.dismiss(None)
            await app.workers.wait_for_complete()
        return monkey

    monkey = asyncio.run(scenario())  # an exception in the app is raised here
    print("errors shown to the user:", *handled, sep="\n  ")
    assert not failures, "\n".join(failures)
    assert monkey.sent >= 1000, f"only {monkey.sent} keys were pressed"
    assert len(monkey.screens) >= 5, f"the monkey only saw {dict(monkey.screens)}"
