"""One writer at a time across processes; the lock dies with its process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from conftest import REPO

from reader.notes.errors import StoreLockedError
from reader.notes.store import NotesStore

HOLDER = (
    "import sys, time\n"
    "from pathlib import Path\n"
    "from reader.notes.store import NotesStore\n"
    "s = NotesStore.open(Path(sys.argv[1]))\n"
    "print('held', flush=True)\n"
    "time.sleep(60)\n"
)


def test_second_process_is_refused_and_lock_frees_when_holder_dies(isolated_home):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(isolated_home)], cwd=REPO,
                              stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": "."})
    try:
        assert holder.stdout.readline().strip() == b"held"
        with pytest.raises(StoreLockedError) as err:
            NotesStore.open(isolated_home)
        assert err.value.holder_pid == holder.pid
        assert f"process {holder.pid}" in str(err.value)
        with NotesStore.open(isolated_home, read_only=True) as ro:  # the UI's fallback
            assert ro.read_only
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    with NotesStore.open(isolated_home) as store:
        assert not store.read_only


def test_cli_reports_a_locked_store_in_one_line(isolated_home):
    held = NotesStore.open(isolated_home)
    try:
        out = subprocess.run(
            [sys.executable, "-m", "reader", "forget", "h-00000000", "--home", str(isolated_home)],
            cwd=REPO, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": "."},
        )
    finally:
        held.close()
    assert out.returncode == 1
    assert out.stderr.count("\n") == 1 and "in use by another running Dubao" in out.stderr
    assert "Traceback" not in out.stderr and out.stdout == ""
