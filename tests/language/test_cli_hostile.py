"""`reader lookup` and `reader segment` with markup, escapes and huge input (issue 15)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def reader(*args: str | bytes, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", *args], cwd=REPO, input=stdin,
                          capture_output=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO)})


@pytest.mark.parametrize("word", ["[/]", "会[/bold]", "[bold]会[/bold]", "[@click=app.quit]x[/]"])
def test_lookup_prints_markup_in_the_word_as_text(word):
    out = reader("lookup", word)
    assert out.returncode == 0, out.stderr.decode()
    assert word.encode() in out.stdout


def test_lookup_never_echoes_escape_sequences():
    out = reader("lookup", "\x1b]0;pwned\x07\x1b[31m会议")
    assert out.returncode == 0, out.stderr.decode()
    assert b"\x1b" not in out.stdout and b"\x07" not in out.stdout
    assert "会议".encode() in out.stdout


def test_lookup_refuses_invalid_utf8_in_one_line():
    out = reader("lookup", "--json", b"\xed\xa0\x80")
    assert out.returncode == 2 and out.stdout == b""
    assert b"not valid UTF-8" in out.stderr and b"Traceback" not in out.stderr


def test_lookup_refuses_a_word_longer_than_any_headword():
    out = reader("lookup", "一" * 40_000)
    assert out.returncode == 2 and b"at most" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_segment_refuses_text_over_the_limit_from_stdin():
    out = reader("segment", stdin="中文".encode() * 200_000)
    assert out.returncode == 2 and b"too long" in out.stderr
    assert b"Traceback" not in out.stderr
