"""The corpus commands as a script would use them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run_reader(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "READER_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, env=env,
        cwd=REPO,
    )


def test_version_and_help(isolated_home):
    assert run_reader("--version", home=isolated_home).stdout.startswith("reader ")
    helped = run_reader("--help", home=isolated_home)
    assert helped.returncode == 0
    for command in ("issues", "articles", "show", "import", "bench"):
        assert command in helped.stdout


def test_articles_json_shape(isolated_home):
    result = run_reader("articles", "--json", home=isolated_home)
    assert result.returncode == 0 and result.stderr == ""
    issues = json.loads(result.stdout)
    assert len(issues) == 5
    keys = {"id", "source", "paper", "date", "date_inferred", "page", "articles"}
    art_keys = {"id", "kind", "kicker", "title", "title_derived", "subtitle", "byline",
                "continued_from", "paragraphs", "captions"}
    for issue in issues:
        assert keys <= issue.keys()
        for art in issue["articles"]:
            assert art_keys <= art.keys()
            assert art["kind"] in ("article", "photo")
    assert "吉林" in result.stdout  # UTF-8, not \\u escapes


def test_articles_on_given_paths(isolated_home, tmp_path):
    page = tmp_path / "p.txt"
    page.write_text((REPO / "seeds" / "003_f0ed6576e03ff77b.txt").read_text(), encoding="utf-8")
    result = run_reader("articles", "--json", str(tmp_path), home=isolated_home)
    assert [i["id"] for i in json.loads(result.stdout)] == ["p"]


def test_issues_listing(isolated_home):
    result = run_reader("issues", "--json", home=isolated_home)
    rows = json.loads(result.stdout)
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert {r["paper"] for r in rows} >= {"吉林日报", "长春晚报"}


def test_show_prints_clean_text_and_unknown_id_exits_2(isolated_home):
    listing = json.loads(run_reader("articles", "--json", home=isolated_home).stdout)
    art = next(a for i in listing for a in i["articles"] if a["title"] == "快递小哥的一天")
    shown = run_reader("show", art["id"], home=isolated_home)
    assert shown.returncode == 0
    assert shown.stdout.startswith("快递小哥的一天\n")
    assert "本报记者 邱国强 通讯员 张贵凤" in shown.stdout
    assert "　　1月7日清晨6时30分" in shown.stdout
    missing = run_reader("show", "nope", home=isolated_home)
    assert missing.returncode == 2
    assert missing.stderr.count("\n") == 1 and "Traceback" not in missing.stderr


def test_bad_usage_exits_2(isolated_home):
    result = run_reader("articles", "--no-such-flag", home=isolated_home)
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_show_understands_export_locations(isolated_home):
    listing = json.loads(run_reader("articles", "--json", home=isolated_home).stdout)
    art = next(a for i in listing for a in i["articles"] if a["title"] == "快递小哥的一天")
    for form in (f"{art['id']} ¶2", f"{art['id']}#p2", f"{art['id']}:2"):
        shown = run_reader("show", form, home=isolated_home)
        assert shown.returncode == 0
        assert shown.stdout.strip().endswith(art["paragraphs"][1])
        assert art["paragraphs"][0] not in shown.stdout
    too_far = run_reader("show", f"{art['id']} ¶99", home=isolated_home)
    assert too_far.returncode == 2 and "13 paragraphs" in too_far.stderr


def test_home_option_before_or_after_the_command(tmp_path):
    home = tmp_path / "elsewhere"
    listing = json.loads(run_reader("articles", "--json", home=tmp_path / "unused").stdout)
    first = next(a for a in listing[0]["articles"] if a["kind"] == "article")
    art = first["id"]
    env_home = tmp_path / "env-home"
    first = subprocess.run(
        [sys.executable, "-m", "reader", "--home", str(home), "annotate", art,
         "--quote", first["paragraphs"][0][:6]],
        capture_output=True, text=True, cwd=REPO,
        env={**os.environ, "READER_HOME": str(env_home)},
    )
    assert first.returncode == 0, first.stderr
    assert (home / "notes.json").exists() and not env_home.exists()
    second = subprocess.run(
        [sys.executable, "-m", "reader", "notes", "--json", "--home", str(home)],
        capture_output=True, text=True, cwd=REPO,
        env={**os.environ, "READER_HOME": str(env_home)},
    )
    assert len(json.loads(second.stdout)) == 1


def test_page_text_that_looks_like_markup_prints_as_is(isolated_home, tmp_path):
    seed = (REPO / "seeds" / "003_f0ed6576e03ff77b.txt").read_text(encoding="utf-8")
    hostile = seed.replace(
        "吉林外国语大学 举行国际健康义诊活动", "[/red][bold]吉林外国语大学 :x: 举行国际健康义诊活动"
    )
    page = tmp_path / "markup.txt"
    page.write_text(hostile, encoding="utf-8")
    assert run_reader("import", str(page), home=isolated_home).returncode == 0
    for argv in (("issues",), ("articles",)):
        result = run_reader(*argv, home=isolated_home)
        assert result.returncode == 0 and "Traceback" not in result.stderr
    listing = run_reader("articles", home=isolated_home).stdout
    assert "[/red][bold]吉林外国语大学 :x: 举行国际健康义诊活动" in listing


def test_import_refuses_a_page_without_articles(isolated_home, tmp_path):
    page = tmp_path / "x.txt"
    page.write_text("x\n", encoding="utf-8")
    result = run_reader("import", str(page), home=isolated_home)
    assert result.returncode == 2 and "no articles found" in result.stderr
    assert not (isolated_home / "library" / "x.txt").exists()


def test_home_that_is_a_file_and_unknown_bench_area_are_input_errors(tmp_path):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    result = run_reader("issues", home=not_a_folder)
    assert result.returncode == 2 and "not a folder" in result.stderr
    result = run_reader("bench", "--only", "nope", home=tmp_path)
    assert result.returncode == 2 and "no benchmark area nope" in result.stderr
