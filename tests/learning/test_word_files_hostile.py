"""`reader known import` on hostile files: FIFOs, devices, stdin, zip bombs, escape sequences."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from reader.cli import main
from reader.learning.vocabulary import Vocabulary
from reader.notes.store import NotesStore


def run_reader(*args: str, home: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """The CLI in its own process; the timeout only guards against a hang."""
    env = {**os.environ, "READER_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "reader.cli", *args], input=stdin,
                          capture_output=True, env=env, timeout=60)


def test_a_fifo_is_refused_without_hanging(isolated_home, tmp_path):
    for name in ("words.txt", "words.csv", "deck.apkg"):
        fifo = tmp_path / name
        os.mkfifo(fifo)
        done = run_reader("known", "import", str(fifo), home=isolated_home)
        assert done.returncode == 2, done.stderr
        err = done.stderr.decode()
        assert "FIFO" in err and "Traceback" not in err and err.count("\n") == 1


def test_a_device_is_refused(isolated_home):
    done = run_reader("known", "import", "/dev/zero", home=isolated_home)
    assert done.returncode == 2 and b"device" in done.stderr


def test_stdin_is_read_as_a_word_list(isolated_home):
    done = run_reader("known", "import", "-", home=isolated_home,
                      stdin="你好\n学习\n".encode())
    assert done.returncode == 0, done.stderr
    with NotesStore.open(isolated_home, read_only=True) as store:
        assert set(Vocabulary(store).statuses()) == {"你好", "学习"}


def test_a_package_whose_collection_inflates_past_the_limit_is_refused(
        isolated_home, tmp_path, capsys, monkeypatch):
    from reader.learning import word_files

    monkeypatch.setattr(word_files, "MAX_BYTES", 1 << 20)
    bomb = tmp_path / "bomb.apkg"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("collection.anki2", b"\0" * (4 << 20))  # 4 MB that zip to a few KB
    assert bomb.stat().st_size < (1 << 20)
    assert main(["known", "import", str(bomb)]) == 2
    assert "too large" in capsys.readouterr().err


def test_escape_sequences_never_reach_a_stored_word(isolated_home, tmp_path, capsys):
    f = tmp_path / "words.txt"
    f.write_text("\x1b[31m中国\x1b[0m\n\x1b]0;title\x07朋友\n", encoding="utf-8")
    assert main(["known", "import", str(f)]) == 0
    assert main(["known", "set", "\x1b[2J你好"]) == 0
    with NotesStore.open(isolated_home, read_only=True) as store:
        assert set(Vocabulary(store).statuses()) == {"中国", "朋友", "你好"}
    capsys.readouterr()
    assert main(["known", "export"]) == 0
    assert "\x1b" not in capsys.readouterr().out


def test_a_file_never_sets_words_back_to_new(isolated_home, tmp_path):
    assert main(["known", "set", "你好", "学习"]) == 0
    f = tmp_path / "ours.tsv"
    f.write_text("#columns:word\tstatus\n你好\tnew\n学习\tlearning-2\n", encoding="utf-8")
    assert main(["known", "import", str(f), "--force"]) == 0
    with NotesStore.open(isolated_home, read_only=True) as store:
        statuses = Vocabulary(store).statuses()
    assert statuses["你好"] == "known"  # "new" in a file is no status: --status applies
    assert statuses["学习"] == "learning-2"


def test_an_unknown_status_value_takes_the_given_status(isolated_home, tmp_path):
    f = tmp_path / "lingq.csv"
    f.write_text("term,status\n你好,5\n学习,3\n", encoding="utf-8")
    assert main(["known", "import", str(f), "--status", "learning-1"]) == 0
    with NotesStore.open(isolated_home, read_only=True) as store:
        statuses = Vocabulary(store).statuses()
    assert statuses == {"你好": "learning-1", "学习": "learning-4"}


def test_a_line_too_long_for_a_word_is_skipped(isolated_home, tmp_path, capsys):
    f = tmp_path / "words.txt"
    f.write_text("中" * 300_000 + "\n你好\n", encoding="utf-8")
    assert main(["known", "import", str(f)]) == 0
    assert "1 line without a Chinese word skipped" in capsys.readouterr().err
    with NotesStore.open(isolated_home, read_only=True) as store:
        assert set(Vocabulary(store).statuses()) == {"你好"}
    assert main(["known", "set", "中" * 101]) == 2
    assert "at most 100 characters" in capsys.readouterr().err
