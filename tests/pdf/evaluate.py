"""Score the PDF reader on random layouts it was never tuned on (`python tests/pdf/evaluate.py N`).

Each seed draws 24 pages (2-6 columns, random spans, masthead/banner/strip, photos, head gaps,
fake bold, body 8-10 pt, three page sizes) from the seed articles, renders them with reportlab
and prints the share of bodies, titles, bylines, kicker+subtitle and captions read back exactly.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pdf.conftest import seed_items  # noqa: E402
from reader.benchmarks.pdf_pages import Layout, render_page  # noqa: E402
from reader.corpus.pdf.document import open_pdf  # noqa: E402
from reader.corpus.pdf.page import read_page  # noqa: E402


def _spans(rng: random.Random, n: int) -> tuple[tuple[int, ...], ...]:
    out = []
    for _ in range(3):
        row, left = [], n
        while left:
            s = rng.randint(1, left)
            row.append(s)
            left -= s
        out.append(tuple(row))
    return tuple(out)


def main(seed: int, verbose: bool = False) -> str:
    """Render and read 24 random pages; return the one-line score."""
    rng = random.Random(seed)
    items = seed_items()
    layouts = []
    for k in range(24):
        n = rng.randint(2, 6)
        layouts.append(Layout(
            f"fresh{k}-{n}col", n, _spans(rng, n), top=rng.choice(["masthead", "banner", "strip"]),
            photo_every=rng.choice([0, 2, 3, 4]), head_gap=rng.choice([0.15, 0.4, 0.6, 0.9]),
            footer=rng.random() < 0.5, overprint_heads=rng.random() < 0.3,
            body=rng.choice([8.0, 9.0, 10.0]),
            page=rng.choice([(842.0, 1191.0), (595.0, 842.0), (700.0, 1000.0)])))
    tmp = Path(tempfile.mkdtemp())
    n = bodies = titles = bylines = heads = caps = cap_n = leaks = 0
    ms = []
    for lay in layouts:
        shift = rng.randrange(len(items))
        pdf = tmp / f"{lay.name}.pdf"
        truth = render_page(pdf, items[shift:] + items[:shift], lay)
        t0 = time.perf_counter()
        with open_pdf(pdf) as doc:
            got = read_page(doc.page(0), lay.name, str(pdf))
        ms.append((time.perf_counter() - t0) * 1000)
        by_title = {a.title: a for a in got.articles if a.kind == "article"}
        got_bodies = {a.paragraphs for a in got.articles if a.kind == "article"}
        got_caps = {a.captions for a in got.articles if a.kind == "photo"}
        for a in truth.articles:
            if a.kind == "photo":
                cap_n += 1
                caps += a.captions in got_caps
                leaks += any(a.captions[0][:12] in g.text for g in got.articles)
                continue
            n += 1
            bodies += a.paragraphs in got_bodies
            m = by_title.get(a.title)
            titles += m is not None
            bylines += m is not None and m.byline == a.byline
            heads += m is not None and (m.kicker, m.subtitle) == (a.kicker, a.subtitle)
            if verbose and (a.paragraphs not in got_bodies or m is None):
                print("miss", lay, a.title)
        leaks += sum(truth.paper in g.text or "星期六" in g.text for g in got.articles)
    return (f"seed={seed} pages={len(layouts)} articles={n} bodies={bodies / n:.3f} "
            f"titles={titles / n:.3f} bylines={bylines / n:.3f} kicker+subtitle={heads / n:.3f} "
            f"captions={caps}/{cap_n} caption/masthead text in bodies={leaks} "
            f"median read ms={sorted(ms)[len(ms) // 2]:.0f}")


if __name__ == "__main__":
    print(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5150, "-v" in sys.argv))
