"""`reader settings`: the learning settings can be listed, shown and switched, and bad input is
one line with exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.learning.settings import get_setting
from reader.notes.store import NotesStore


def test_a_setting_is_switched_on_and_the_store_keeps_it(isolated_home: Path,
                                                           capsys: pytest.CaptureFixture[str]):
    assert main(["settings", "review_long_interval_known", "on"]) == 0
    assert "review_long_interval_known is on" in capsys.readouterr().err
    with NotesStore.open(isolated_home, read_only=True) as store:
        assert get_setting(store, "review_long_interval_known") is True
    assert main(["settings", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"review_long_interval_known": True,
                                                   "annotate_keeps_status": False}


@pytest.mark.parametrize("argv", [["settings", "nope"], ["settings", "nope", "on"],
                                  ["settings", "annotate_keeps_status", "maybe"]])
def test_bad_keys_and_values_are_one_line_and_exit_2(isolated_home: Path,
                                                     capsys: pytest.CaptureFixture[str],
                                                     argv: list[str]):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("reader: ")
    with NotesStore.open(isolated_home, read_only=True) as store:
        assert get_setting(store, "annotate_keeps_status") is False
