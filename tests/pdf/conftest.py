"""Generated PDF pages: seed articles set in many layouts, with the truth kept beside."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from reader.benchmarks.pdf_pages import LAYOUTS, Layout, Rendered, render_page, stories_from
from reader.corpus.decode import read_issue_text
from reader.corpus.model import Article, Issue
from reader.corpus.parse import parse_issue
from reader.corpus.pdf.document import open_pdf
from reader.corpus.pdf.page import read_page

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

PAGE_NOTE = "（本版图片均由新华社提供）"
BASE = Layout("base-4col", 4, ((4,), (2, 2)), photo_every=3)
# Held out: the base layout with one feature changed at a time (not used to tune).
VARIANTS = (
    BASE,
    replace(BASE, name="one-2col", columns=2, spans=((2,), (1, 1))),
    replace(BASE, name="one-3col", columns=3, spans=((3,), (2, 1))),
    replace(BASE, name="one-5col", columns=5, spans=((5,), (3, 2))),
    replace(BASE, name="one-6col", columns=6, spans=((6,), (3, 3))),
    replace(BASE, name="one-banner", top="banner"),
    replace(BASE, name="one-strip", top="strip"),
    replace(BASE, name="one-no-photo", photo_every=0),
    replace(BASE, name="one-tight-head", head_gap=0.15),
    replace(BASE, name="one-small-body", body=8.0),
    replace(BASE, name="one-footer", footer=True),
    replace(BASE, name="one-side-by-side", spans=((1, 1, 1, 1),)),
    replace(BASE, name="one-fake-bold-heads", overprint_heads=True),
    replace(BASE, name="one-photos-side-by-side", spans=((2, 2), (4,)), photo_every=1),
    replace(BASE, name="one-photo-beside-heads", spans=((1, 1, 2),), photo_every=3),
    replace(BASE, name="one-page-note", note=PAGE_NOTE),
)


@dataclass
class Case:
    """One generated page: its layout, the truth and what the extractor read."""

    layout: Layout
    pdf: Path
    truth: Rendered
    got: Issue

    @property
    def true_articles(self) -> list[Article]:
        """The stories drawn (not photos)."""
        return [a for a in self.truth.articles if a.kind == "article"]


def seed_items() -> list[Article]:
    """Articles and photo items of the seeds, as the text parser reads them."""
    issues = [
        parse_issue(read_issue_text(p.read_bytes(), p.name), issue_id=p.stem)
        for p in sorted(SEEDS.glob("*.txt"))
    ]
    return stories_from(issues)


def _cases(layouts: tuple[Layout, ...], folder: Path) -> list[Case]:
    items = seed_items()
    cases = []
    for k, layout in enumerate(layouts):
        shift = (k * 7) % len(items)  # each page starts at another story: all get used
        pdf = folder / f"{layout.name}.pdf"
        truth = render_page(pdf, items[shift:] + items[:shift], layout)
        (folder / f"{layout.name}.truth.json").write_text(
            json.dumps([a.to_json() for a in truth.articles], ensure_ascii=False, indent=1),
            encoding="utf-8",
        )
        with open_pdf(pdf) as doc:
            got = read_page(doc.page(0), layout.name, str(pdf))
        cases.append(Case(layout, pdf, truth, got))
    return cases


@pytest.fixture(scope="session")
def tuned_cases(tmp_path_factory: pytest.TempPathFactory) -> list[Case]:
    """The layouts the extractor was developed on."""
    return _cases(LAYOUTS, tmp_path_factory.mktemp("pdf-tuned"))


@pytest.fixture(scope="session")
def held_out_cases(tmp_path_factory: pytest.TempPathFactory) -> list[Case]:
    """One feature of a base layout changed at a time."""
    return _cases(VARIANTS, tmp_path_factory.mktemp("pdf-held-out"))
