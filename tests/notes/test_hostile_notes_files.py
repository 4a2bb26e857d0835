"""Hostile notes files and lock files (issue 15): set aside or refused, never a hang or a crash."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

from reader.notes.errors import CorruptStoreError, StoreError
from reader.notes.store import NotesStore

TEXT = "今天天气很好，我们去公园散步。明天可能会下雨，记得带伞。"
ESC = "\x1b[31mRED\x1b[0m \x1b]0;pwned-title\x07 \x1b]52;c;ZXZpbA==\x07\u202e"


def reader(*args: str, home: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    """Run `reader` in a subprocess; a hang fails the test through TimeoutExpired."""
    return subprocess.run([sys.executable, "-m", "reader", *args, "--home", str(home)],
                          cwd=REPO, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "PYTHONPATH": str(REPO)})


def one_line_error(result: subprocess.CompletedProcess, code: int = 1) -> str:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result.stderr


def huge_int() -> bytes:
    return ('{"meta":{"1":{"schema_version":' + "9" * 5000 + "}}}").encode()


def deep_nesting() -> bytes:
    return b"[" * 100_000 + b"]" * 100_000


@pytest.mark.parametrize("content", [huge_int, deep_nesting], ids=["huge-int", "deep-nesting"])
def test_unparsable_numbers_and_nesting_are_a_corrupt_file(isolated_home, content):
    notes = isolated_home / "notes.json"
    notes.write_bytes(content())
    with pytest.raises(CorruptStoreError) as err:
        NotesStore.open(isolated_home)
    assert err.value.moved_to is not None and err.value.moved_to.read_bytes() == content()
    assert not notes.exists() or notes.read_bytes() != content()


@pytest.mark.parametrize("content", [huge_int, deep_nesting], ids=["huge-int", "deep-nesting"])
def test_cli_sets_such_a_file_aside_in_one_line(isolated_home, content):
    (isolated_home / "notes.json").write_bytes(content())
    err = one_line_error(reader("notes", home=isolated_home))
    assert "could not be read" in err
    # A write sets it aside, says so in one line and starts the new file: its change is kept.
    done = reader("annotate", "002_42bc9256d97c8f20-479c2cc2", "--quote", "清晨",
                  home=isolated_home)
    assert done.returncode == 0, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "moved to notes.json.corrupt-" in done.stderr
    (aside,) = isolated_home.glob("notes.json.corrupt-*")
    assert aside.read_bytes() == content()
    with NotesStore.open(isolated_home, read_only=True) as store:
        assert [h.quote for h in store.highlights()] == ["清晨"]


def test_notes_file_as_a_fifo_neither_hangs_nor_is_replaced(isolated_home):
    notes = isolated_home / "notes.json"
    os.mkfifo(notes)
    for args in (("notes",), ("forget", "h-00000000")):
        err = one_line_error(reader(*args, home=isolated_home, timeout=30))
        assert "FIFO" in err
    assert notes.is_fifo()
    store = NotesStore.open_for_app(isolated_home)  # the app's way: read-only, with a reason
    assert store.read_only and "FIFO" in (store.read_only_reason or "")
    store.close()


def test_lock_file_symlink_never_touches_its_target(isolated_home, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("root:x:0:0:root:/root:/bin/bash\n")
    before = victim.read_bytes()
    (isolated_home / "notes.json.lock").symlink_to(victim)
    with pytest.raises(StoreError, match="symbolic link"):
        NotesStore.open(isolated_home)
    err = one_line_error(reader("forget", "h-00000000", home=isolated_home))
    assert "symbolic link" in err
    assert victim.read_bytes() == before


def test_lock_file_hard_link_is_not_written(isolated_home, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    os.link(victim, isolated_home / "notes.json.lock")
    with pytest.raises(StoreError, match="not a plain lock file"):
        NotesStore.open(isolated_home)
    assert victim.read_text() == "keep me\n"


def test_glossary_and_saved_word_fields_are_sanitised_once_at_the_store(isolated_home):
    from reader.notes.model import UserTerm

    with NotesStore.open(isolated_home) as store:
        store.put_term(UserTerm("会议" + ESC, "huì" + ESC, ("meeting " + ESC,), "kind" + ESC))
        w = store.save_word("公园" + ESC, "gōng" + ESC, "park" + ESC, TEXT + ESC, "a", "i",
                            traditional="公園" + ESC, note="n" + ESC)
        w2 = store.update_word(w.id, definition="garden" + ESC)
        assert w2.traditional.strip() == "公園RED"  # untouched fields keep their value
    raw = (isolated_home / "notes.json").read_text(encoding="utf-8")
    assert "\x1b" not in raw and "\x07" not in raw and "\u202e" not in raw
    with NotesStore.open(isolated_home, read_only=True) as store:
        (term,) = store.user_terms()
        assert term.word == "会议RED" and term.kind == "kindRED"
        assert store.words()[0].definition.strip() == "gardenRED"


def test_escape_codes_already_in_a_file_never_come_out(isolated_home):
    with NotesStore.open(isolated_home) as store:
        from reader.notes.model import UserTerm

        store.put_term(UserTerm("会议", "huìyì", ("meeting",), None))
    notes = isolated_home / "notes.json"
    data = json.loads(notes.read_text(encoding="utf-8"))
    (doc,) = data["glossary"].values()
    doc["definitions"] = ["meeting " + ESC]  # as written by an older Dubao
    notes.write_text(json.dumps(data), encoding="utf-8")
    with NotesStore.open(isolated_home, read_only=True) as store:
        assert "\x1b" not in store.user_terms()[0].definitions[0]


def test_cli_glossary_escapes_never_reach_the_terminal(isolated_home):
    added = reader("glossary", "add", "会议", "RED-DEF " + ESC, "--kind", "\x1b[5mblink",
                   home=isolated_home)
    assert added.returncode == 0, added.stderr
    for args in (("glossary", "list"), ("glossary", "list", "--json"), ("lookup", "会议"),
                 ("lookup", "--json", "会议")):
        out = reader(*args, home=isolated_home)
        assert out.returncode == 0, out.stderr
        assert "RED-DEF" in out.stdout
        assert "\x1b" not in out.stdout and "\x07" not in out.stdout, args
        assert "\u202e" not in out.stdout
