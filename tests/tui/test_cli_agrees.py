"""The CLI and the app say the same thing: lengths, unknown papers, orphaned highlights."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from reader.cli import main
from reader.corpus.library import load_library
from reader.notes.store import NotesStore
from reader.tui.widgets.library_tree import article_label, issue_label

REPO = Path(__file__).resolve().parents[2]
PLAIN = ("今天的天气很好，我们一起去公园散步，看见很多人在跑步。公园里的花开得很漂亮。\n\n"
         "明天可能会下雨，记得带伞出门。 天气预报说雨会很大。\n")
"""A page with no masthead (so no paper) and two paragraphs (a line break, a space)."""


def wide_cli(home: Path, *argv: str) -> str:
    """`reader ARGV` on a wide terminal (so table cells do not wrap); its stdout."""
    env = {**os.environ, "READER_HOME": str(home), "COLUMNS": "220"}
    done = subprocess.run([sys.executable, "-m", "reader", *argv], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_lengths_and_unknown_paper_are_the_same_in_cli_and_app(isolated_home: Path):
    (isolated_home / "library").mkdir()
    (isolated_home / "library" / "plain.txt").write_text(PLAIN, encoding="utf-8")
    library = load_library(isolated_home)
    plain = next(i for i in library if i.id == "plain")
    (art,) = plain.articles
    assert art.length == len(re.sub(r"\s", "", PLAIN))
    listing = wide_cli(isolated_home, "articles")
    shown = {}
    for issue in library:
        for a in issue.articles:
            line = next(x for x in listing.splitlines() if a.id in x)
            shown[a.id] = re.search(r"([\d,]+) chars", line).group(1)
            app_line = article_label(a, None, None).plain
            assert re.search(r"([\d,]+) chars", app_line).group(1) == shown[a.id], a.id
            assert shown[a.id] == f"{a.length:,}"
    issues = wide_cli(isolated_home, "issues")
    row = next(x for x in issues.splitlines() if x.rstrip().endswith(" plain"))
    assert "Unknown paper" in row and "Unknown paper" in issue_label(plain).plain
    assert "Unknown paper" in next(x for x in listing.splitlines() if x.endswith("plain"))


def test_reader_notes_marks_orphans_as_the_app_does(isolated_home: Path, capsys):
    library = isolated_home / "library"
    library.mkdir()
    page = library / "plain.txt"
    page.write_text(PLAIN, encoding="utf-8")
    (art,) = next(i for i in load_library(isolated_home) if i.id == "plain").articles
    with NotesStore.open(isolated_home) as store:
        for quote in ("公园散步", "记得带伞"):
            start = art.text.index(quote)
            store.add_highlight("plain", art.id, art.text, start, start + 4)
    page.write_text(PLAIN.replace("记得带伞", "不用担心"), encoding="utf-8")
    assert main(["notes", "--json"]) == 0
    items = {x["quote"]: x["orphan"] for x in json.loads(capsys.readouterr().out)}
    assert items == {"公园散步": False, "记得带伞": True}
    assert main(["notes"]) == 0
    out = capsys.readouterr().out
    lost = next(x for x in out.splitlines() if "记得带伞" in x)
    kept = next(x for x in out.splitlines() if "公园散步" in x)
    assert "(not in the text now)" in lost and "(not in the text" not in kept


def test_reader_notes_indents_multi_line_quotes_and_notes(isolated_home: Path, capsys):
    library = isolated_home / "library"
    library.mkdir()
    (library / "plain.txt").write_text(PLAIN, encoding="utf-8")
    (art,) = next(i for i in load_library(isolated_home) if i.id == "plain").articles
    start, end = art.text.index("漂亮"), art.text.index("记得") + 2
    assert "\n" in art.text[start:end]
    with NotesStore.open(isolated_home) as store:
        store.add_highlight("plain", art.id, art.text, start, end, note="一\n二")
    assert main(["notes"]) == 0
    lines = capsys.readouterr().out.splitlines()
    first = next(i for i, x in enumerate(lines) if "漂亮" in x)
    assert lines[first + 1].startswith(" " * 8) and "记得" in lines[first + 1]
    assert lines[first + 2].strip() == "一" and lines[first + 3] == "      二"


def test_photo_items_are_photos_not_articles_in_cli_and_app(isolated_home: Path):
    library = load_library(isolated_home)
    issue = next(i for i in library if i.id == "004_7f22500536915bc1")  # 1 article, 4 photos
    assert issue_label(issue).plain.endswith("· 1 article, 4 photos")
    rows = json.loads(wide_cli(isolated_home, "issues", "--json"))
    row = next(r for r in rows if r["id"] == issue.id)
    assert (row["articles"], row["photos"]) == (1, 4)
    listing = wide_cli(isolated_home, "articles")
    for art in issue.articles:
        app_line = article_label(art, None, None).plain
        cli_line = next(x for x in listing.splitlines() if art.id in x)
        if art.kind == "photo":
            assert app_line.startswith(f"• Photo: {art.title}")
            assert cli_line.strip().startswith(f"Photo: {art.title}")
        else:
            assert "Photo:" not in app_line + cli_line
