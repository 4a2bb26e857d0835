"""Figures of the reading app, measured headless: first frame, article open, hover."""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from reader.bench import Figure
from reader.benchmarks.waiting import until
from reader.corpus.model import Article, Issue
from reader.paths import seeds_dir

ARTICLE_CHARS = 3000
"""Length of the articles opened by `article_open_ms`."""
HIGHLIGHTS = 1000
"""Highlights in each issue for the `*_1000hl_ms` figures (a note on every third)."""
RUNS = 5
"""Timed runs per figure (after one untimed run)."""
NOTES_VOLUME = 50_000
"""Highlights in the library for `notes_screen_50000_ms`."""
NOTES_RUNS = 3
"""Timed openings of the notes screen (after one untimed one)."""

_FIRST_FRAME = """
import sys, time
t0 = time.perf_counter()
from collections.abc import Callable
from pathlib import Path
if sys.argv[1] == "reader":
    from reader.tui.app import ReaderApp
    app = ReaderApp(home=Path(sys.argv[2]))
else:
    from textual.app import App
    from textual.widgets import Static

    class Minimal(App):
        def compose(self):
            yield Static("Hello")

    app = Minimal()

async def first_frame(pilot):
    await app.screen.wait_for_refresh()
    print(f"{(time.perf_counter() - t0) * 1000:.3f}")
    app.exit()

app.run(headless=True, size=(100, 32), auto_pilot=first_frame)
"""
"""Time from the start of a fresh interpreter (imports included) to the first painted frame."""


def _first_frame_ms(kind: str, home: Path) -> float:
    """One fresh-process measurement of the time to the first frame."""
    root = Path(__file__).resolve().parents[2]
    path = os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")])
    env = dict(os.environ, PYTHONPATH=path)
    out = subprocess.run(
        [sys.executable, "-c", _FIRST_FRAME, kind, str(home)],
        capture_output=True, text=True, env=env, timeout=120, check=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


def first_frame_ratio(home: Path) -> float:
    """Median time to the library's first frame over that of a minimal Textual app."""
    _first_frame_ms("minimal", home), _first_frame_ms("reader", home)  # warm the OS caches
    minimal, reader = [], []
    for _ in range(RUNS):
        minimal.append(_first_frame_ms("minimal", home))
        reader.append(_first_frame_ms("reader", home))
    return statistics.median(reader) / statistics.median(minimal)


def _bench_issues(root: Path, count: int) -> list[Issue]:
    """`count` distinct pages of about ARTICLE_CHARS of body each, parsed.

    Each page carries a fresh serial number, so that no article is in the segmentation cache:
    `article_open_ms` times a first reading.
    """
    from reader.corpus.library import load_file

    serial = uuid.uuid4().hex[:8]
    text = "".join(
        line.strip() for p in sorted(seeds_dir().glob("*.txt"))
        for line in p.read_text(encoding="utf-8").splitlines() if line.strip()
    )
    root.mkdir(parents=True, exist_ok=True)
    issues = []
    for n in range(count):
        body = text[n * ARTICLE_CHARS : (n + 1) * ARTICLE_CHARS]
        paras = [body[i : i + 300] + f"{serial}。" for i in range(0, len(body), 300)]
        path = root / f"bench_{n}.txt"
        path.write_text(
            f"测速日报\n\n本报讯 测速稿件{serial}\n\n" + "\n".join(paras) + "\n",
            encoding="utf-8",
        )
        issues.append(load_file(path))
    return issues


def _opened(issue: Issue) -> Article:
    """The article of an issue that the figures open: the one closest to ARTICLE_CHARS."""
    return min(issue.articles, key=lambda a: abs(len(a.text) - ARTICLE_CHARS))


def write_highlights(home: Path, issues: list[Issue], count: int = HIGHLIGHTS) -> None:
    """A notes file with `count` highlights (overlapping, a third with notes) in each issue,
    all in the article the figures open."""
    from reader.notes.anchoring import context
    from reader.notes.model import COLORS, Highlight, now_iso
    from reader.notes.schema import empty_tables, new_id
    from reader.notes.store_file import encode
    from reader.paths import notes_path

    stamp = now_iso()
    tables = empty_tables(stamp)
    for issue in issues:
        article = _opened(issue)
        text, span = article.text, max(1, len(article.text) - 12)
        for n in range(count):
            start = (n * 7) % span
            end = start + 2 + n % 7
            prefix, suffix = context(text, start, end)
            h = Highlight(
                id=new_id("h"), issue_id=issue.id, article_id=article.id, start=start, end=end,
                quote=text[start:end], prefix=prefix, suffix=suffix,
                color=COLORS[n % len(COLORS)],
                note=f"读后感 {n}：" + text[end:end + 20] if n % 3 == 0 else None,
                created=stamp, updated=stamp,
            )
            tables["highlights"][str(len(tables["highlights"]) + 1)] = h.to_doc()
    home.mkdir(parents=True, exist_ok=True)
    notes_path(home).write_bytes(encode(tables))


async def _reading_figures(
    home: Path, issues: list[Issue], highlights: int = 0
) -> tuple[float, float]:
    """(article_open_ms, hover_ms) medians from one headless app run.

    With `highlights`, each article must show that many before it counts as open.
    """
    from textual.events import MouseMove

    from reader.tui.app import ReaderApp
    from reader.tui.screens.article import ArticleScreen
    from reader.tui.widgets.article_view import ArticleView

    app = ReaderApp(home=home)
    async with app.run_test(size=(100, 32)) as pilot:
        library = app.library_screen
        # After warm-up: the language layer is loaded and the library fully profiled.
        await until(lambda: library.issues and app.session.language_ready.is_set()
                     and len(library.profiles) == len(library.articles), limit=120)
        await pilot.pause()
        articles = [(issue, _opened(issue)) for issue in issues]
        opens = []
        for issue, article in articles:
            while isinstance(app.screen, ArticleScreen):
                app.pop_screen()
                await pilot.pause()
            t0 = time.perf_counter()
            screen = ArticleScreen(app.session, issue, article)
            app.push_screen(screen)
            await until(lambda s=screen: s.is_mounted and s.query(ArticleView)
                         and s.query_one(ArticleView).has_words
                         and len(s.query_one(ArticleView).highlights) >= highlights)
            await screen.wait_for_refresh()  # the frame with the words
            opens.append((time.perf_counter() - t0) * 1000)
        view = app.screen.query_one(ArticleView)
        words = [i for i, t in enumerate(view.tokens) if t.is_han and view.word_region(i)]
        hovers = []
        for i in words[: RUNS * 4]:
            region = view.word_region(i)
            assert region is not None
            await pilot.pause()
            t0 = time.perf_counter()
            app.post_message(MouseMove(
                app.screen, region.x, region.y, 0, 0, 0, False, False, False,
                screen_x=region.x, screen_y=region.y,
            ))
            await until(lambda i=i: view.hover == i, limit=5)
            await app.screen.wait_for_refresh()  # the frame with the pinyin
            hovers.append((time.perf_counter() - t0) * 1000)
    return statistics.median(opens[1:]), statistics.median(hovers[1:])


async def _notes_figures(home: Path) -> tuple[float, float]:
    """(notes_screen_ms, longest UI stall ms) medians: open the notes screen over the library.

    The stall is the longest the event loop went without running a 1 ms ticker while the
    screen opened: the UI thread is blocked for at most that long.
    """
    from reader.tui.app import ReaderApp
    from reader.tui.screens.notes import NotesScreen

    app = ReaderApp(home=home)
    async with app.run_test(size=(100, 32)) as pilot:
        await until(lambda: app.library_screen.issues and app.session.store_ready.is_set()
                     and app.session.language_ready.is_set(), limit=300)
        await pilot.pause()
        opens, stalls = [], []
        for _ in range(NOTES_RUNS + 1):
            while isinstance(app.screen, NotesScreen):
                app.pop_screen()
                await pilot.pause()
            longest, last = 0.0, time.perf_counter()
            done = asyncio.Event()

            async def tick(done: asyncio.Event = done) -> None:
                nonlocal longest, last
                while not done.is_set():
                    await asyncio.sleep(0.001)
                    now = time.perf_counter()
                    longest, last = max(longest, now - last), now

            ticker = asyncio.ensure_future(tick())
            t0 = time.perf_counter()
            screen = NotesScreen(app.session)
            app.push_screen(screen)
            await until(lambda s=screen: s.is_mounted and s.listing.option_count > 0, limit=120)
            await screen.wait_for_refresh()  # the frame with the first highlights
            opens.append((time.perf_counter() - t0) * 1000)
            done.set()
            await ticker
            stalls.append(longest * 1000)
    return statistics.median(opens[1:]), statistics.median(stalls[1:])


LIBRARY_ARTICLES = 3000
"""Articles in the library for `library_relabel_ms`."""


async def _relabel_figure() -> float:
    """Median time to relabel one article's leaf (a read mark after reading) and paint it,
    in a library tree of LIBRARY_ARTICLES articles, every issue open."""
    from textual.app import App, ComposeResult

    from reader.reading.model import Progress
    from reader.tui.widgets.library_tree import LibraryTree

    issues = [
        Issue(id=f"i{n:03}", source=f"i{n:03}.txt", paper="人民日报",
              date=f"2024-01-{n % 28 + 1:02}", articles=tuple(
                  Article(id=f"i{n:03}-{k:02}", issue_id=f"i{n:03}", kind="article",
                          title=f"第{k}篇 跨境电商发展迅速", paragraphs=("会议指出。" * 40,))
                  for k in range(LIBRARY_ARTICLES // 100)))
        for n in range(100)
    ]
    progress: dict[str, Progress] = {}

    class Library(App[None]):
        def compose(self) -> ComposeResult:
            yield LibraryTree("Library")

    app = Library()
    async with app.run_test(size=(100, 32)) as pilot:
        tree = app.query_one(LibraryTree)
        tree.show(issues, "", {}, progress)
        for node in tree.root.children:
            node.expand()
        await pilot.pause()
        await app.screen.wait_for_refresh()
        times = []
        for n in range(RUNS * 4 + 1):
            article_id = issues[n].articles[0].id  # on screen: the top of the tree
            progress[article_id] = Progress(offset=0, read=True)
            t0 = time.perf_counter()
            tree.refresh_articles([article_id])
            await app.screen.wait_for_refresh()
            times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times[1:])


def figures() -> dict[str, Figure]:
    """The reading app's figures (each from one run of the real app, headless)."""
    with tempfile.TemporaryDirectory(prefix="dubao-bench-tui-") as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        ratio = first_frame_ratio(home)
        issues = _bench_issues(Path(tmp) / "pages", RUNS + 1)
        open_ms, hover_ms = asyncio.run(_reading_figures(home, issues))
        # The same with 1,000 highlights in each article's issue (fresh pages: no cache).
        annotated = Path(tmp) / "annotated"
        issues = _bench_issues(Path(tmp) / "pages-hl", RUNS + 1)
        write_highlights(annotated, issues)
        open_hl, hover_hl = asyncio.run(_reading_figures(annotated, issues, HIGHLIGHTS))
        # The notes screen over 50,000 highlights (5,000 in each of 10 issues).
        volume = Path(tmp) / "volume"
        issues = _bench_issues(Path(tmp) / "pages-volume", 10)
        write_highlights(volume, issues, NOTES_VOLUME // len(issues))
        notes_ms, notes_stall = asyncio.run(_notes_figures(volume))
    relabel_ms = asyncio.run(_relabel_figure())
    return {
        "first_frame_ratio": Figure(round(ratio, 3), "x", goal=1.5),
        "article_open_ms": Figure(round(open_ms, 3), "ms", goal=150),
        "hover_ms": Figure(round(hover_ms, 3), "ms", goal=16),
        "article_open_1000hl_ms": Figure(round(open_hl, 3), "ms", goal=150),
        "hover_1000hl_ms": Figure(round(hover_hl, 3), "ms", goal=16),
        "notes_screen_50000_ms": Figure(round(notes_ms, 3), "ms", goal=300),
        "notes_screen_50000_stall_ms": Figure(round(notes_stall, 3), "ms", goal=50),
        "library_relabel_ms": Figure(round(relabel_ms, 3), "ms", goal=16),
    }
