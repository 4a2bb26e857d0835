"""`reader articles --explain`: per block, what the parser took it for and why."""

from __future__ import annotations

import json

from test_cli import run_reader

from reader.corpus.explain import explain

PAGE = """新用户日报
2025年3月15日 星期六 第2版 经济
长春冰雪旅游持续升温
本报讯（记者 王小明）今年冬季，长春市冰雪旅游持续升温，各大滑雪场和冰雪乐园游客络绎不绝。
业内人士表示，冰雪旅游已成为拉动冬季消费的重要引擎。
"""


def test_each_block_says_what_it_was_taken_for_and_why():
    rows = {text: (role, cues) for _, text, role, cues in explain(PAGE)}
    role, cues = rows["长春冰雪旅游持续升温"]
    assert role == "headline-like line"
    assert any("article 1" in c for c in cues)
    role, cues = next(v for k, v in rows.items() if k.startswith("本报讯"))
    assert role.endswith("starts article 1") and any("dateline" in c for c in cues)
    assert rows["新用户日报"][0] == "masthead"


def test_explain_command_prints_json_and_text(isolated_home, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    result = run_reader("articles", "--explain", "--json", str(page), home=isolated_home)
    assert result.returncode == 0 and result.stderr == ""
    data = json.loads(result.stdout)
    assert data[0]["source"] == str(page)
    assert {"line", "text", "role", "cues"} <= data[0]["blocks"][0].keys()
    text = run_reader("articles", "--explain", str(page), home=isolated_home)
    assert text.returncode == 0 and "starts article 1" in text.stdout


def test_explain_refuses_a_missing_file_in_one_line(isolated_home, tmp_path):
    result = run_reader("articles", "--explain", str(tmp_path / "nope.txt"), home=isolated_home)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
