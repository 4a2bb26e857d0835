"""Exports into folders without permission and templates that change their data (issue 15)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def unprivileged(cmd: list[str]) -> list[str]:
    """Without root's power to ignore permission bits (as a normal user runs)."""
    if os.geteuid() != 0:
        return cmd
    setpriv = shutil.which("setpriv")
    assert setpriv, "root without setpriv cannot test permissions"
    return [setpriv, "--inh-caps=-all",
            "--bounding-set=-dac_override,-dac_read_search,-fowner", "--", *cmd]


def reader(*args: str, home: Path, drop_root: bool = False) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "reader", *args]
    return subprocess.run(unprivileged(cmd) if drop_root else cmd, capture_output=True,
                          text=True, env={**os.environ, "READER_HOME": str(home)}, cwd=REPO,
                          timeout=120)


def one_line(result: subprocess.CompletedProcess, code: int) -> str:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result.stderr


@pytest.fixture
def annotated(isolated_home: Path) -> Path:
    listing = json.loads(reader("articles", "--json", home=isolated_home).stdout)
    art = next(a for i in listing for a in i["articles"] if a["title"] == "快递小哥的一天")
    done = reader("annotate", art["id"], "--quote", "快递小哥", "--note", "n",
                  home=isolated_home)
    assert done.returncode == 0, done.stderr
    return isolated_home


@pytest.mark.parametrize("out", ["noperm/", "noperm/x.md", "noperm/sub/"])
def test_export_into_a_folder_without_permission_is_one_line(annotated, tmp_path, out):
    folder = tmp_path / "noperm"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = reader("export", "--out", str(tmp_path / out), home=annotated,
                        drop_root=True)
    finally:
        folder.chmod(0o755)
    assert "Permission denied" in one_line(result, 1)
    assert list(folder.iterdir()) == []


def test_export_words_into_a_folder_without_permission_is_one_line(annotated, tmp_path):
    folder = tmp_path / "noperm"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = reader("export-words", "--out", str(folder / "w.tsv"), home=annotated,
                        drop_root=True)
    finally:
        folder.chmod(0o755)
    assert "Permission denied" in one_line(result, 1)
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("body", ["{{ meta.clear() }}", "{{ meta.pop('title') }}",
                                  "{{ issues.append(1) }}", "{{ counts.update(x=1) }}"])
def test_a_template_cannot_change_its_data(annotated, tmp_path, body):
    template = tmp_path / "t.j2"
    template.write_text(body + "{{ title }}", encoding="utf-8")
    err = one_line(reader("export", "--template", str(template), "--out", "-",
                          home=annotated), 2)
    assert "template" in err


def test_a_template_cannot_build_a_huge_string(annotated, tmp_path):
    template = tmp_path / "t.j2"
    template.write_text("{{ 'x' * 10**8 }}", encoding="utf-8")
    err = one_line(reader("export", "--template", str(template), "--out", "-",
                          home=annotated), 2)
    assert "too large" in err


def test_a_template_that_is_a_fifo_is_refused_at_once(annotated, tmp_path):
    fifo = tmp_path / "t.j2"
    os.mkfifo(fifo)
    err = one_line(reader("export", "--template", str(fifo), "--out", "-", home=annotated), 2)
    assert "FIFO" in err
