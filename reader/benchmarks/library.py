"""Library at scale: `reader issues` at 3,000 pages against 5, search, import, memory.

The bench builds its own library of generated pages (each a seed page with its dates moved
and place names swapped, so every page has its own content) in the cache folder and keeps it
between runs; the first run takes minutes, later runs reuse it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reader.bench import Figure
from reader.paths import cache_dir, seeds_dir

GENERATOR_VERSION = 1
"""Bump when generated pages change, so a cached library is made again."""
PLACES = ("长春", "吉林", "四平", "辽源", "通化", "白山", "松原", "白城", "延边", "珲春")
_FULL_DATE = re.compile(r"(20\d\d)年(\d{1,2})月(\d{1,2})日")
_SHORT_DATE = re.compile(r"(?<![年\d])(\d{1,2})月(\d{1,2})日")


def generated_page(k: int) -> str:
    """Page k: seed k % 5 with dates moved by k // 5 days and place names rotated."""
    seeds = sorted(seeds_dir().glob("*.txt"))
    text = seeds[k % len(seeds)].read_text(encoding="utf-8")
    shift = dt.timedelta(days=k // len(seeds) + 1)

    def full(m: re.Match[str]) -> str:
        try:
            d = dt.date(int(m[1]), int(m[2]), int(m[3])) + shift
        except ValueError:
            return m[0]
        return f"{d.year}年{d.month}月{d.day}日"

    def short(m: re.Match[str]) -> str:
        try:
            d = dt.date(2024, int(m[1]), int(m[2])) + shift
        except ValueError:
            return m[0]
        return f"{d.month}月{d.day}日"

    text = _SHORT_DATE.sub(short, _FULL_DATE.sub(full, text))
    turn = (k // 7) % len(PLACES)
    table = {p: PLACES[(i + turn) % len(PLACES)] for i, p in enumerate(PLACES)}
    # Paper names (吉林日报, 长春晚报) stay: a reader's library holds a few papers.
    text = re.sub(f"({'|'.join(PLACES)})(?!日报|晚报)", lambda m: table[m[0]], text)
    return text + f"\n（第{k}版）\n"


def write_pages(folder: Path, start: int, count: int) -> None:
    """Write generated pages start .. start+count-1 as files into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(start, start + count):
        (folder / f"jl-{k:05d}.txt").write_text(generated_page(k), encoding="utf-8")


def library_home(pages: int) -> Path:
    """A home with `pages` generated pages imported (seeds included), cached between runs."""
    base = cache_dir() / f"bench-library-{pages}-v{GENERATOR_VERSION}"
    home = base / "home"
    if (base / "ready").exists():
        return home
    shutil.rmtree(base, ignore_errors=True)
    src = base / "pages"
    write_pages(src, 0, max(0, pages - 5))
    run_reader(home, "import", str(src))
    shutil.rmtree(src)
    (base / "ready").write_text("ok", encoding="utf-8")
    return home


_WRAPPER = """
import sys
from reader.benchmarks.library import peak_rss_mb
from reader.cli import main
try:
    code = main(sys.argv[2:])
finally:
    with open(sys.argv[1], "w") as fh:
        fh.write(str(peak_rss_mb()))
sys.exit(code)
"""


def peak_rss_mb() -> float:
    """This process's peak resident memory (MB), counted from its own start.

    `VmHWM` belongs to the running program only; `ru_maxrss` would also count the parent
    a child was forked from.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_reader(home: Path, *args: str) -> tuple[float, int]:
    """Run `reader ARGS` in a fresh process; return (seconds, peak RSS in MB)."""
    env = {**os.environ, "READER_HOME": str(home)}
    with tempfile.NamedTemporaryFile(prefix="dubao-rss-", delete=False) as fh:
        report = Path(fh.name)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", _WRAPPER, str(report), *args], env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    seconds = time.perf_counter() - t0
    try:
        rss = int(float(report.read_text() or 0))
    finally:
        report.unlink(missing_ok=True)
    return seconds, rss


def _median_run(home: Path, *args: str, runs: int = 5) -> tuple[float, int]:
    run_reader(home, *args)  # warm-up: the index is made or brought up to date here
    results = [run_reader(home, *args) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def search_ms(home: Path) -> float:
    """Median time of a two- and a four-character query over the library (in-process)."""
    from reader.corpus.library import open_index
    from reader.index.search import search

    times = []
    with open_index(home) as conn:
        for query in ("吉林", "对外开放") * 5:
            t0 = time.perf_counter()
            search(conn, query)
            times.append((time.perf_counter() - t0) * 1000)
    return round(statistics.median(times), 2)


def import_per_page_ms(count: int = 100) -> float:
    """Batch import of `count` new pages in one process, per page (ms)."""
    from reader.corpus.library import import_file, open_index

    with tempfile.TemporaryDirectory(prefix="dubao-bench-") as tmp:
        src, home = Path(tmp) / "in", Path(tmp) / "home"
        write_pages(src, 10_000, count)
        t0 = time.perf_counter()
        with open_index(home) as conn:
            for path in sorted(src.glob("*.txt")):
                import_file(home, path, conn)
        return round((time.perf_counter() - t0) * 1000 / count, 2)


def figures() -> dict[str, Figure]:
    """Library figures: `reader issues` ratio and memory, search, import."""
    small = Path(tempfile.mkdtemp(prefix="dubao-bench-"))
    big = library_home(3000)
    t_small, _ = _median_run(small, "issues")
    t_big, rss_big = _median_run(big, "issues")
    shutil.rmtree(small, ignore_errors=True)
    return {
        "library_issues_3000_ratio": Figure(round(t_big / t_small, 3), "x", 1.5),
        "library_issues_3000_rss_mb": Figure(rss_big, "MB", 80),
        "search_3000_ms": Figure(search_ms(big), "ms", 100),
        "import_per_page_ms": Figure(import_per_page_ms(), "ms", 50),
    }
