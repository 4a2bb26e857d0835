"""Export messages never carry escape sequences from the folder or file names they print."""

from __future__ import annotations

import pytest

from reader.cli import main
from reader.notes.store import NotesStore

ESC_DIR = "out\x1b[31m\x1b]0;pwned\x07[/]"


def _save_a_word(home) -> None:
    with NotesStore.open(home) as store:
        store.save_word("开放", "kāifàng", "to open", "对外开放。", "a1", "i1")


@pytest.mark.parametrize("argv", [
    ["export-words"], ["export-words", "--format", "apkg"], ["export"],
    ["known", "export"],
])
def test_written_and_refused_messages_are_printable(isolated_home, tmp_path, capsys, argv,
                                                    monkeypatch):
    _save_a_word(isolated_home)
    assert main(["known", "set", "开放"]) == 0
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    out = f"{ESC_DIR}/"
    assert main([*argv, "--out", out]) == 0
    first = capsys.readouterr().err
    assert main([*argv, "--out", out]) == 2  # the file is there now: refused, not replaced
    second = capsys.readouterr().err
    for err in (first, second):
        assert "\x1b" not in err and "\x07" not in err and err.strip()
    assert "out[/]" in second
