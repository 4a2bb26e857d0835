"""Photo items (a caption, no body) are listed as photos and never counted as articles, the
same in the core, `reader issues`, `reader articles` and their `--json` (issue 14, item 9)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from reader.corpus.library import issue_rows, load_library

REPO = Path(__file__).resolve().parents[2]

PHOTO_PAGE = "004_7f22500536915bc1"
"""The bundled page with one article and four photos."""


def run_reader(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """`reader ARGS` in a subprocess with this home."""
    env = {**os.environ, "READER_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True,
                          text=True, env=env, cwd=REPO, stdin=subprocess.DEVNULL, timeout=120)


def test_a_page_counts_its_articles_without_its_photos(isolated_home: Path) -> None:
    issue = next(i for i in load_library(isolated_home) if i.id == PHOTO_PAGE)
    assert (issue.article_count, issue.photo_count) == (1, 4)
    assert len(issue.articles) == 5
    photo = next(a for a in issue.articles if a.kind == "photo")
    assert photo.label == f"Photo: {photo.title}" and photo.length > 0
    row = next(r for r in issue_rows(isolated_home) if r["id"] == PHOTO_PAGE)
    assert (row["articles"], row["photos"]) == (1, 4)


def test_reader_issues_and_articles_list_photos_as_photos(isolated_home: Path) -> None:
    rows = json.loads(run_reader("issues", "--json", home=isolated_home).stdout)
    row = next(r for r in rows if r["id"] == PHOTO_PAGE)
    assert (row["articles"], row["photos"]) == (1, 4)
    table = run_reader("issues", home=isolated_home).stdout.splitlines()
    assert table[0].split()[4:6] == ["articles", "photos"]
    line = next(x for x in table if x.endswith(PHOTO_PAGE))
    assert line.split()[-3:-1] == ["1", "4"]
    listing = run_reader("articles", home=isolated_home).stdout.splitlines()
    issues = json.loads(run_reader("articles", "--json", home=isolated_home).stdout)
    for issue in issues:
        for art in issue["articles"]:
            line = next(x for x in listing if art["id"] in x)
            assert (art["kind"] == "photo") == line.strip().startswith("Photo: "), line
            assert " 0 chars" not in line
