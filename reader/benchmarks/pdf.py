"""PDF figures: reading one 4-column newspaper page (characters to articles)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from reader.bench import Figure, median_ms
from reader.errors import ReaderError


def figures() -> dict[str, Figure]:
    """Measure `pdf_import_page_ms`: open a rendered 4-column page and read its articles."""
    from reader.benchmarks.pdf_pages import LAYOUTS, render_page, stories_from
    from reader.corpus.library import load_file
    from reader.corpus.pdf.document import open_pdf
    from reader.corpus.pdf.page import read_page
    from reader.paths import seeds_dir

    items = stories_from([load_file(p) for p in sorted(seeds_dir().glob("*.txt"))])
    layout = next(lay for lay in LAYOUTS if lay.columns == 4)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.pdf"
        try:
            render_page(path, items, layout)
        except ReaderError as exc:  # reportlab is a test extra
            sys.stderr.write(f"reader bench: pdf skipped: {exc}\n")
            return {}

        def read() -> None:
            with open_pdf(path) as pdf:
                read_page(pdf.page(0), "bench", str(path))

        return {"pdf_import_page_ms": Figure(median_ms(read, runs=5), "ms", goal=500.0)}
