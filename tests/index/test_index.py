"""The library index: rebuilt from the pages whenever it cannot be trusted, searched exactly."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.corpus.library import (
    import_file,
    issue_rows,
    load_file,
    load_library,
    open_index,
    remove_issue,
)
from reader.errors import InputError
from reader.index.db import index_path
from reader.index.search import search

REPO = Path(__file__).resolve().parents[2]
SEEDS = sorted((REPO / "seeds").glob("*.txt"))


def parsed_library(home: Path) -> list:
    """The library parsed straight from the files, in library order (the reference)."""
    files = SEEDS + sorted((home / "library").glob("*.txt"))
    issues = [load_file(p) for p in files]
    return sorted(issues, key=lambda i: (i.date is None, i.date or "", i.id))


def own_page(tmp_path: Path, name: str, old: str = "吉林", new: str = "延边") -> Path:
    page = tmp_path / name
    page.write_text(SEEDS[0].read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return page


def test_index_matches_a_fresh_parse_and_lists_without_text(isolated_home, tmp_path):
    import_file(isolated_home, own_page(tmp_path, "mine.txt"))
    assert load_library(isolated_home) == parsed_library(isolated_home)
    rows = issue_rows(isolated_home)
    assert [(r["id"], r["articles"], r["photos"]) for r in rows] == [
        (i.id, i.article_count, i.photo_count) for i in parsed_library(isolated_home)]


@pytest.mark.parametrize("damage", ["deleted", "truncated", "garbled", "not-sqlite", "schema"])
def test_a_damaged_index_is_rebuilt_from_the_pages(isolated_home, tmp_path, damage):
    import_file(isolated_home, own_page(tmp_path, "mine.txt"))
    expected = parsed_library(isolated_home)
    path = index_path(isolated_home)
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    data = path.read_bytes()
    if damage == "deleted":
        path.unlink()
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 3])
    elif damage == "garbled":
        path.write_bytes(data[:100] + bytes((b * 7 + 13) % 256 for b in data[100:]))
    elif damage == "not-sqlite":
        path.write_text("hello, I am not an index", encoding="utf-8")
    else:
        conn = sqlite3.connect(path)
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'schema'")
        conn.commit()
        conn.close()
    assert load_library(isolated_home) == expected
    with open_index(isolated_home) as conn:
        assert conn.execute("SELECT count(*) FROM pages").fetchone()[0] == len(expected)


def test_pages_of_another_parser_version_are_parsed_again(isolated_home):
    expected = load_library(isolated_home)
    with open_index(isolated_home) as conn:
        conn.execute("UPDATE pages SET parser = 'old', n_articles = 99")
        conn.execute("UPDATE articles SET title = 'stale'")
    assert load_library(isolated_home) == expected
    with open_index(isolated_home) as conn:
        assert conn.execute("SELECT count(*) FROM pages WHERE parser = 'old'").fetchone() == (0,)


def test_a_page_changed_on_disk_is_indexed_again(isolated_home, tmp_path):
    _, stored = import_file(isolated_home, own_page(tmp_path, "mine.txt"))
    assert search_ids(isolated_home, "乌托邦城") == set()
    stored.write_text(stored.read_text(encoding="utf-8").replace("延边", "乌托邦城"),
                      encoding="utf-8")
    os.utime(stored, ns=(1, 1))  # a different mtime, as an editor would leave
    assert load_library(isolated_home) == parsed_library(isolated_home)
    assert search_ids(isolated_home, "乌托邦城")
    stored.unlink()
    assert load_library(isolated_home) == parsed_library(isolated_home)
    assert search_ids(isolated_home, "乌托邦城") == set()


def search_ids(home: Path, query: str) -> set[str]:
    with open_index(home) as conn:
        return {h.article_id for h in search(conn, query, limit=10_000).hits}


@pytest.mark.parametrize("query", ["吉林", "长春", "的", "省", "跨境电商", "对外开放", "5",
                                   "十五五",
                                   "不存在的词语"])
def test_search_matches_a_brute_force_scan_of_the_seeds(isolated_home, query):
    arts = [a for i in load_library(isolated_home) for a in i.articles]
    expected = {a.id: a.text.count(query) for a in arts if query in a.text}
    with open_index(isolated_home) as conn:
        results = search(conn, query, limit=10_000)
    assert results.total == len(expected)
    assert {h.article_id: h.matches for h in results.hits} == expected
    texts = {a.id: a.text for a in arts}
    for hit in results.hits:
        assert texts[hit.article_id][hit.offset:hit.offset + len(query)] == query
        assert hit.sentence[hit.mark[0]:hit.mark[1]] == query


@pytest.mark.parametrize("query", ["kuajing", "kuàjìng", "kua4jing4", "Jílín", "lvyou"])
def test_pinyin_finds_the_whole_words_it_spells(isolated_home, query):
    word = {"kuajing": "跨境", "kuàjìng": "跨境", "kua4jing4": "跨境", "Jílín": "吉林",
            "lvyou": "旅游"}[query]
    arts = [a for i in load_library(isolated_home) for a in i.articles]
    with open_index(isolated_home) as conn:
        results = search(conn, query, limit=10_000)
    assert word in results.words
    assert {a.id for a in arts if word in a.text} <= {h.article_id for h in results.hits}
    assert "跨径" not in results.words or query != "Jílín"


def test_toned_pinyin_narrows_to_those_tones(isolated_home):
    with open_index(isolated_home) as conn:
        toneless = set(search(conn, "shiyan").words) - {"shiyan"}
        toned = set(search(conn, "shíyàn").words) - {"shíyàn"}
    assert "实验" in toned and toned < toneless and "试验" not in toned


def test_same_content_under_another_name_is_refused(isolated_home, tmp_path):
    import_file(isolated_home, own_page(tmp_path, "a.txt"))
    copy = tmp_path / "b.txt"
    copy.write_bytes((tmp_path / "a.txt").read_text(encoding="utf-8").encode("gb18030"))
    with pytest.raises(InputError, match="already in the library as a"):
        import_file(isolated_home, copy)
    with pytest.raises(InputError, match="already in the library"):
        import_file(isolated_home, SEEDS[1])


def test_remove_moves_the_page_aside_and_keeps_seeds(isolated_home, tmp_path):
    issue, stored = import_file(isolated_home, own_page(tmp_path, "a.txt"))
    data = stored.read_bytes()
    moved = remove_issue(isolated_home, issue.id)
    assert not stored.exists() and moved.read_bytes() == data
    assert moved.parent == isolated_home / "removed"
    assert issue.id not in {r["id"] for r in issue_rows(isolated_home)}
    with pytest.raises(InputError, match="bundled"):
        remove_issue(isolated_home, SEEDS[0].stem)
    with pytest.raises(InputError, match="no issue"):
        remove_issue(isolated_home, "nope")
    # Importing it again works, and removing it again does not overwrite the first copy.
    issue, stored = import_file(isolated_home, own_page(tmp_path, "a.txt"))
    again = remove_issue(isolated_home, issue.id)
    assert again != moved and moved.read_bytes() == data


def run_reader(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "READER_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True,
                          text=True, env=env, cwd=REPO)


def test_batch_import_summary_and_search_json(isolated_home, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    own_page(folder, "one.txt")
    own_page(folder, "two.txt", "长春", "四平")
    (folder / "copy.txt").write_bytes((folder / "one.txt").read_bytes())
    (folder / "bad.txt").write_bytes(b"")
    result = run_reader("import", str(folder), home=isolated_home)
    assert result.returncode == 2, result.stderr
    assert "2 pages imported, 1 duplicate skipped, 1 refused" in result.stderr
    assert "empty" in result.stderr and "Traceback" not in result.stderr
    assert "(1 articles)" not in result.stderr
    again = run_reader("import", str(folder / "*.txt"), home=isolated_home)
    assert "0 pages imported, 3 duplicates skipped, 1 refused" in again.stderr
    found = run_reader("search", "--json", "四平", home=isolated_home)
    data = json.loads(found.stdout)
    assert found.returncode == 0 and data["total"] >= 1
    assert all("四平" in h["sentence"] for h in data["hits"])
    text = run_reader("search", "四平", home=isolated_home)
    assert re.search(r"\d+ articles? found", text.stderr)


def test_search_saved_finds_saved_words_and_highlights(isolated_home):
    from reader.notes.store import NotesStore

    art = next(a for i in load_library(isolated_home) for a in i.articles if "跨境" in a.text)
    with NotesStore.open(isolated_home) as store:
        store.save_word("跨境", "kuàjìng", "cross-border", "", art.id, art.issue_id)
        start = art.text.index("跨境")
        store.add_highlight(art.issue_id, art.id, art.text, start, start + 4)
    result = run_reader("search", "--saved", "--json", "--limit", "1000", home=isolated_home)
    data = json.loads(result.stdout)
    quote = art.text[start:start + 4]
    expected = {a.id for i in load_library(isolated_home) for a in i.articles
                if "跨境" in a.text or quote in a.text}
    assert {h["article"] for h in data["hits"]} == expected
    assert run_reader("search", home=isolated_home).returncode == 2
