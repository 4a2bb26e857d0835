"""`reader` / `reader open`: bad ids and missing terminals end at once with one line, exit 2."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from reader.corpus.library import load_library

REPO = Path(__file__).resolve().parent.parent
LIMIT = 120
"""Seconds before a run counts as hung (the bug was an app spinning for ever)."""


def reader(*argv: str, stdin: int | None = subprocess.DEVNULL) -> subprocess.CompletedProcess:
    """Run `python -m reader ARGV` with stdout and stderr captured (so not a terminal)."""
    return subprocess.run([sys.executable, "-m", "reader", *argv], cwd=REPO, stdin=stdin,
                          capture_output=True, text=True, timeout=LIMIT, env=os.environ.copy())


def one_error_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("reader: ")
    assert "\x1b" not in result.stderr and "Traceback" not in result.stderr
    return result.stderr


def test_open_an_unknown_id_is_one_line_and_exit_2():
    err = one_error_line(reader("open", "NOSUCHID"))
    assert "no article with id 'NOSUCHID'" in err


@pytest.mark.parametrize("argv", [(), ("open",), ("open", "SEED")])
def test_without_a_terminal_the_app_does_not_start(argv):
    if argv[-1:] == ("SEED",):
        art = next(a for a in load_library(Path("/nonexistent"))[0].articles)
        argv = ("open", art.id)  # a valid id: resolved, then the terminal check
    err = one_error_line(reader(*argv))
    assert "not a terminal" in err


def test_a_terminal_on_stdin_only_is_not_enough():
    leader, follower = pty.openpty()
    try:
        err = one_error_line(reader(stdin=follower))
    finally:
        os.close(leader)
        os.close(follower)
    assert "not a terminal" in err
