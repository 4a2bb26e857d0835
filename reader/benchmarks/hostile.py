"""A hostile 2 MB page in the real app: time to open it, peak memory, key response.

The page is as big as `reader import` accepts (MAX_BYTES), with lines close to
MAX_LINE_CHARS, one huge article, many tiny ones, markup-looking brackets, control codes
and escape sequences (stripped at import), and mixed scripts. Each figure comes from a
fresh process (`python -m reader.benchmarks.hostile HOME ARTICLE_ID`) that runs the app
headless, so that its peak memory is the app's own.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from reader.bench import Figure
from reader.benchmarks.waiting import until
from reader.corpus.decode import MAX_BYTES, MAX_LINE_CHARS
from reader.paths import seeds_dir

RUNS = 3
"""Fresh app processes (each on a page of its own, so no cache helps)."""
KEYS = 10
"""Timed presses of each key in one run."""
TINY_ARTICLES = 400
"""Short articles on the page, besides the huge one."""
HOSTILE_BITS = (
    "[/]", "[@click=app.quit]q[/]", "[bold]粗[/bold]", "[link=file:///etc/passwd]x[/link]",
    "\x1b[31m红\x1b[0m", "\x1b]0;title\x07", "\x07\x08\x7f", "\u202etxt", "Ελληνικά", "русский",
    "العربية", "עברית", "हिन्दी", "한국어", "日本語のかな", "🙂👍🏽", "𠀀𪚥", "ｆｕｌｌｗｉｄｔｈ",
    "Latin text, 123,456.78 km²", "\u200b", "{{ 7*7 }}", "%s%n", "\\[/]", "[[", "]]",
)
"""Pieces mixed into the text: markup, terminal escapes, controls, other scripts."""


def _seed_text() -> str:
    """The bundled pages' body text, one run of characters without line breaks."""
    return "".join(
        line.strip() for p in sorted(seeds_dir().glob("*.txt"))
        for line in p.read_text(encoding="utf-8").splitlines() if line.strip()
    )


def hostile_page(serial: str, limit: int = MAX_BYTES) -> str:
    """A page of at most `limit` UTF-8 bytes: a masthead, TINY_ARTICLES short articles and
    one huge article whose lines are just under MAX_LINE_CHARS."""
    text = _seed_text()
    head = f"测速日报\n2024年6月4日 星期二 第3版 要闻 {serial}\n\n"
    parts = [head]
    for n in range(TINY_ARTICLES):
        start = (n * 97) % (len(text) - 60)
        bit = HOSTILE_BITS[n % len(HOSTILE_BITS)]
        parts.append(f"短讯第{n}则{bit}\n\n本报讯 {text[start:start + 40]}{bit}。\n\n")
        if n % 50 == 0:  # an article with a headline and nothing under it
            parts.append(f"空稿{n}\n\n")
    parts.append(f"长篇报道{serial}[/]\n\n本报讯（记者 [@click=app.quit]q[/]）")
    size = len("".join(parts).encode("utf-8"))
    line_len = MAX_LINE_CHARS - 500
    k = 0
    while True:
        pieces, cells = [], 0
        while cells < line_len:
            start = (k * 131) % (len(text) - 400)
            pieces.append(text[start:start + 300] + HOSTILE_BITS[k % len(HOSTILE_BITS)])
            cells += len(pieces[-1])
            k += 1
        line = "".join(pieces)[:line_len] + "，\n"  # mid-sentence: one paragraph goes on
        room = limit - size - 100
        encoded = len(line.encode("utf-8"))
        if encoded > room:
            cut = line[: max(0, room // 3)]
            if cut:
                parts.append(cut + "。\n")
            break
        parts.append(line)
        size += encoded
    return "".join(parts)


async def _probe(home: Path, article_id: str, whole: bool = False) -> dict[str, float]:
    """Open the huge article in the app; time the open and each kind of key; peak memory.

    With `whole`, the article shown holds every paragraph of its page: the worst a parser
    could make of the page (one article of the whole 2 MB).
    """
    from dataclasses import replace

    from textual.events import Key, MouseMove

    from reader.benchmarks.library import peak_rss_mb
    from reader.tui.app import ReaderApp
    from reader.tui.screens.article import ArticleScreen
    from reader.tui.widgets.article_view import ArticleView

    out: dict[str, float] = {}
    app = ReaderApp(home=home)
    async with app.run_test(size=(100, 32)) as pilot:
        library = app.library_screen
        await until(lambda: library.issues and app.session.language_ready.is_set())
        await pilot.pause()
        t0 = time.perf_counter()
        if whole:
            found = app.session.find_article(article_id)
            assert found is not None
            paragraphs = [p for a in found.issue.articles for p in a.paragraphs]
            article = replace(found.article, paragraphs=tuple(paragraphs))
            app.push_screen(ArticleScreen(app.session, found.issue, article))
        else:
            app.open_article(article_id)
        await until(lambda: isinstance(app.screen, ArticleScreen)
                     and app.screen.query(ArticleView)
                     and app.screen.query_one(ArticleView).has_words)
        await app.screen.wait_for_refresh()  # the frame with the words
        out["open_ms"] = (time.perf_counter() - t0) * 1000
        view = app.screen.query_one(ArticleView)
        view.focus()
        await pilot.pause()

        async def timed(key: str, moved: Callable[[], object]) -> float:
            before = moved()
            await pilot.pause()
            t0 = time.perf_counter()
            app.post_message(Key(key, None))  # Pilot.press would also wait for idle
            await until(lambda: moved() != before, limit=30)
            await app.screen.wait_for_refresh()
            return (time.perf_counter() - t0) * 1000

        keys: list[float] = []
        for key in ("right", "down", "pagedown"):
            for _ in range(KEYS):
                keys.append(await timed(key, lambda: (view.cursor, view.scroll_y)))
        hovers = []
        view.scroll_to(y=0, animate=False, force=True)
        await pilot.pause()
        shown = [i for i, t in enumerate(view.tokens[:5000]) if t.is_han and view.word_region(i)]
        for i in shown[1 : KEYS + 1]:
            region = view.word_region(i)
            assert region is not None
            t0 = time.perf_counter()
            app.post_message(MouseMove(app.screen, region.x, region.y, 0, 0, 0, False, False,
                                       False, screen_x=region.x, screen_y=region.y))
            await until(lambda i=i: view.hover == i, limit=30)
            await app.screen.wait_for_refresh()
            hovers.append((time.perf_counter() - t0) * 1000)
        out["key_ms"] = statistics.median(keys)
        out["key_max_ms"] = max(keys)
        out["hover_ms"] = statistics.median(hovers) if hovers else float("nan")
    out["rss_mb"] = peak_rss_mb()
    return out


def probe(home: Path, article_id: str, whole: bool = False) -> dict[str, float]:
    """One fresh app process on `home` opening `article_id`: timings and peak memory."""
    env = {**os.environ, "READER_HOME": str(home)}
    result = subprocess.run(
        [sys.executable, "-m", "reader.benchmarks.hostile", str(home), article_id,
         *(["whole"] if whole else [])],
        capture_output=True, text=True, env=env, timeout=900,
    )
    if result.returncode != 0:
        raise RuntimeError(f"hostile page probe failed: {result.stderr.strip()[-500:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def imported_home(root: Path) -> tuple[Path, str]:
    """A home holding one fresh hostile page, imported; the id of its longest article."""
    from reader.corpus.library import import_file

    home = root / f"home-{uuid.uuid4().hex[:6]}"
    home.mkdir(parents=True)
    page = root / f"hostile-{uuid.uuid4().hex[:6]}.txt"
    page.write_text(hostile_page(uuid.uuid4().hex[:8]), encoding="utf-8")
    issue, _ = import_file(home, page)
    return home, max(issue.articles, key=lambda a: len(a.text)).id


def figures() -> dict[str, Figure]:
    """The 2 MB page's figures: medians over RUNS fresh processes (peak memory: the worst).

    `page_2mb_*` open the whole page as one article; `page_2mb_parsed_open_ms` opens the
    longest article the parser made of it.
    """
    with tempfile.TemporaryDirectory(prefix="dubao-bench-hostile-") as tmp:
        homes = [imported_home(Path(tmp)) for _ in range(RUNS)]
        parsed = [probe(home, article) for home, article in homes]
        whole = [probe(home, article, whole=True) for home, article in homes]

    def med(runs: list[dict[str, float]], key: str) -> float:
        return round(statistics.median(r[key] for r in runs), 1)

    return {
        "page_2mb_open_ms": Figure(med(whole, "open_ms"), "ms", goal=3000),
        "page_2mb_rss_mb": Figure(round(max(r["rss_mb"] for r in whole), 1), "MB", goal=500),
        "page_2mb_key_ms": Figure(med(whole, "key_ms"), "ms", goal=50),
        "page_2mb_key_max_ms": Figure(med(whole, "key_max_ms"), "ms", goal=50),
        "page_2mb_hover_ms": Figure(med(whole, "hover_ms"), "ms", goal=50),
        "page_2mb_parsed_open_ms": Figure(med(parsed, "open_ms"), "ms", goal=3000),
        "page_2mb_parsed_rss_mb": Figure(round(max(r["rss_mb"] for r in parsed), 1), "MB",
                                         goal=500),
        "page_2mb_parsed_key_ms": Figure(med(parsed, "key_ms"), "ms", goal=50),
    }


if __name__ == "__main__":
    print(json.dumps(asyncio.run(_probe(Path(sys.argv[1]), sys.argv[2], "whole" in sys.argv))))
