"""Export command edges: folders named before they exist, special files, failing templates."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def reader(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "READER_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True,
                          text=True, env=env, cwd=REPO)


def _annotate(home: Path) -> None:
    listing = json.loads(reader("articles", "--json", home=home).stdout)
    art = next(a for i in listing for a in i["articles"] if a["title"] == "快递小哥的一天")
    note = "escape \x1b[31mred\x1b[0m and \x07bell"
    done = reader("annotate", art["id"], "--quote", "快递小哥", "--note", note, home=home)
    assert done.returncode == 0, done.stderr


def test_out_with_a_trailing_slash_is_a_folder_even_before_it_exists(isolated_home, tmp_path):
    _annotate(isolated_home)
    target = tmp_path / "notes"
    result = reader("export", "--out", f"{target}/", home=isolated_home)
    assert result.returncode == 0, result.stderr
    (written,) = target.iterdir()
    assert written.suffix == ".md" and "快递小哥" in written.read_text(encoding="utf-8")


def test_special_files_are_never_written_even_with_force(isolated_home):
    _annotate(isolated_home)
    result = reader("export", "--out", "/dev/null", "--force", home=isolated_home)
    assert result.returncode == 2 and "not a regular file" in result.stderr
    assert Path("/dev/null").is_char_device()


def test_template_failing_at_render_time_is_one_line(isolated_home, tmp_path):
    _annotate(isolated_home)
    for body in ("{{ 1/0 }}", "{{ title + 1 }}", "{% include 'nope.j2' %}"):
        template = tmp_path / "t.j2"
        template.write_text(body, encoding="utf-8")
        result = reader("export", "--template", str(template), home=isolated_home)
        assert result.returncode == 2, body
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_notes_lose_terminal_escape_sequences(isolated_home):
    _annotate(isolated_home)
    (item,) = json.loads(reader("notes", "--json", home=isolated_home).stdout)
    assert item["note"] == "escape red and bell"
