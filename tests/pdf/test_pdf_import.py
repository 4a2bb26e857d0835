"""`reader import page.pdf`: stored beside the kept original, listed and shown like text pages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.benchmarks.pdf_pages import LAYOUTS, Rendered, render_page, render_pages
from reader.corpus.library import load_library
from reader.corpus.pdf.store import PAGE_SUFFIX, import_pdf, load_pdf_page
from reader.errors import InputError

from .conftest import seed_items

REPO = Path(__file__).resolve().parents[2]


def run_reader(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "READER_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True,
                          text=True, env=env, cwd=REPO, timeout=300)


def _snapshot(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def page_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Rendered]:
    path = tmp_path_factory.mktemp("pdf") / "front page.pdf"
    return path, render_page(path, seed_items(), LAYOUTS[2])


def test_import_keeps_the_original_and_lists_the_page(page_pdf, isolated_home):
    pdf, truth = page_pdf
    result = run_reader("import", str(pdf), home=isolated_home)
    assert result.returncode == 0, result.stderr
    lib = isolated_home / "library"
    assert (lib / "front_page.pdf").read_bytes() == pdf.read_bytes()
    record = json.loads((lib / f"front_page{PAGE_SUFFIX}").read_text(encoding="utf-8"))
    assert record["pdf"] == "front_page.pdf" and record["page"] == 1 and record["extractor"] >= 1

    listed = json.loads(run_reader("issues", "--json", home=isolated_home).stdout)
    row = next(r for r in listed if r["id"] == "front_page")
    assert row["paper"] == truth.paper and row["date"] == truth.date and row["page"] == 5
    photos = sum(a.kind == "photo" for a in truth.articles)  # photo items are not articles
    assert (row["articles"], row["photos"]) == (len(truth.articles) - photos, photos)

    issue = next(i for i in load_library(isolated_home) if i.id == "front_page")
    story = next(a for a in issue.articles if a.kind == "article")
    shown = run_reader("show", story.id, home=isolated_home)
    assert shown.returncode == 0, shown.stderr
    assert story.title in shown.stdout and story.paragraphs[-1] in shown.stdout
    para = run_reader("show", story.id, "¶1", home=isolated_home)
    assert story.paragraphs[0] in para.stdout


def test_the_same_pdf_twice_is_refused_and_nothing_is_overwritten(page_pdf, isolated_home):
    pdf, _ = page_pdf
    assert run_reader("import", str(pdf), home=isolated_home).returncode == 0
    before = _snapshot(isolated_home / "library")
    again = run_reader("import", str(pdf), home=isolated_home)
    assert again.returncode == 2
    assert "already in the library" in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1
    assert _snapshot(isolated_home / "library") == before


def test_a_different_pdf_with_a_taken_name_gets_a_new_name(page_pdf, isolated_home, tmp_path):
    pdf, _ = page_pdf
    assert run_reader("import", str(pdf), home=isolated_home).returncode == 0
    before = _snapshot(isolated_home / "library")
    other = tmp_path / "front page.pdf"
    render_page(other, seed_items()[3:], LAYOUTS[0])
    result = run_reader("import", str(other), home=isolated_home)
    assert result.returncode == 0, result.stderr
    after = _snapshot(isolated_home / "library")
    assert all(after[name] == data for name, data in before.items())
    assert "front_page-2.pdf" in after and f"front_page-2{PAGE_SUFFIX}" in after


def test_a_multi_page_pdf_gives_one_issue_per_page_with_progress(isolated_home, tmp_path):
    items = seed_items()
    pdf = tmp_path / "paper.pdf"
    render_pages(pdf, [(items, LAYOUTS[0], Rendered(page=1)),
                       (items[6:], LAYOUTS[3], Rendered(page=2))])
    result = run_reader("import", str(pdf), home=isolated_home)
    assert result.returncode == 0, result.stderr
    assert "read page 2/2" in result.stderr
    ids = {i.id: i for i in load_library(isolated_home)}
    assert ids["paper-p1"].page == 1 and ids["paper-p2"].page == 2
    assert all(a.id.startswith("paper-p2-") for a in ids["paper-p2"].articles)


def test_a_folder_of_pdfs_is_imported(page_pdf, isolated_home):
    pdf, _ = page_pdf
    result = run_reader("import", str(pdf.parent), home=isolated_home)
    assert result.returncode == 0, result.stderr
    assert "front_page" in {i.id for i in load_library(isolated_home)}


def _bad_pdfs(folder: Path, good: Path) -> dict[str, Path]:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    from reader.benchmarks.pdf_pages import FONT, _fonts

    _fonts()
    out = {}
    out["encrypted"] = folder / "encrypted.pdf"
    c = canvas.Canvas(str(out["encrypted"]),
                      encrypt=pdfencrypt.StandardEncryption("secret", canModify=0))
    c.setFont(FONT, 10)
    c.drawString(50, 700, "本报讯 加密的一页" * 4)
    c.save()
    out["scan"] = folder / "scan.pdf"
    c = canvas.Canvas(str(out["scan"]))
    c.setFillGray(0.5)
    c.rect(20, 20, 500, 700, fill=1)
    c.save()
    out["500 pages"] = folder / "book.pdf"
    c = canvas.Canvas(str(out["500 pages"]))
    for k in range(500):
        c.setFont(FONT, 10)
        c.drawString(50, 700, f"第{k + 1}页")
        c.showPage()
    c.save()
    out["truncated"] = folder / "truncated.pdf"
    data = good.read_bytes()
    out["truncated"].write_bytes(data[: len(data) // 2])
    out["not a PDF"] = folder / "fake.pdf"
    out["not a PDF"].write_text("本报讯 这不是PDF。\n" * 20, encoding="utf-8")
    out["empty"] = folder / "empty.pdf"
    out["empty"].write_bytes(b"")
    return out


BAD = [("encrypted", "encrypted"), ("scan", "no text layer"), ("500 pages", "500 pages"),
       ("truncated", "not a readable PDF"), ("not a PDF", "not a PDF"), ("empty", "not a PDF")]


def test_bad_pdfs_give_one_line_each_exit_2_and_touch_nothing(page_pdf, isolated_home, tmp_path):
    pdf, _ = page_pdf
    import_pdf(pdf, isolated_home / "library")
    before = _snapshot(isolated_home / "library")
    bad = _bad_pdfs(tmp_path, pdf)
    result = run_reader("import", *(str(bad[kind]) for kind, _ in BAD), home=isolated_home)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    *lines, summary = result.stderr.strip().splitlines()
    assert summary.endswith(f"{len(BAD)} refused")  # several files: a summary at the end
    assert len(lines) == len(BAD)
    for line, (kind, message) in zip(lines, BAD, strict=True):
        assert str(bad[kind]) in line and message in line, (kind, line)
    assert _snapshot(isolated_home / "library") == before


def test_a_pdf_is_not_listed_as_a_text_page(page_pdf, isolated_home):
    pdf, _ = page_pdf
    result = run_reader("articles", str(pdf), home=isolated_home)
    assert result.returncode == 2
    assert "is a PDF" in result.stderr


def test_a_damaged_page_record_is_one_clear_error(tmp_path):
    record = tmp_path / f"x{PAGE_SUFFIX}"
    record.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="damaged PDF page record"):
        load_pdf_page(record)


def test_stale_records_are_read_again_from_the_kept_pdf(page_pdf, isolated_home):
    from reader.corpus.pdf.store import EXTRACTOR_VERSION, reread_stale

    pdf, _ = page_pdf
    lib = isolated_home / "library"
    pages, _ = import_pdf(pdf, lib)
    record_path = pages[0].stored
    good = json.loads(record_path.read_text(encoding="utf-8"))
    stale = {**good, "extractor": EXTRACTOR_VERSION - 1,
             "issue": {**good["issue"], "articles": []}}
    record_path.write_text(json.dumps(stale, ensure_ascii=False), encoding="utf-8")
    kept = (lib / "front_page.pdf").read_bytes()
    assert reread_stale(lib) == [record_path]
    assert json.loads(record_path.read_text(encoding="utf-8")) == good
    assert (lib / "front_page.pdf").read_bytes() == kept
    assert reread_stale(lib) == []


def test_articles_of_a_folder_skips_its_pdfs(page_pdf, isolated_home, tmp_path):
    pdf, _ = page_pdf
    (tmp_path / "page.pdf").write_bytes(pdf.read_bytes())
    (tmp_path / "page.txt").write_bytes((REPO / "seeds" / "004_7f22500536915bc1.txt").read_bytes())
    result = run_reader("articles", "--json", str(tmp_path), home=isolated_home)
    assert result.returncode == 0, result.stderr
    assert [i["id"] for i in json.loads(result.stdout)] == ["page"]
