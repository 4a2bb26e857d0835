"""Devices, FIFOs, standard input and unwritable homes (issue 15): one line, never a hang."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# A seed's text made new (the library refuses a seed's exact text as a duplicate).
PAGE = (REPO / "seeds" / "004_7f22500536915bc1.txt").read_bytes() + "\n本报讯 新的一页。\n".encode()


def unprivileged(cmd: list[str]) -> list[str]:
    """Without root's power to ignore permission bits (as a normal user runs)."""
    if os.geteuid() != 0:
        return cmd
    setpriv = shutil.which("setpriv")
    assert setpriv, "root without setpriv cannot test permissions"
    return [setpriv, "--inh-caps=-all",
            "--bounding-set=-dac_override,-dac_read_search,-fowner", "--", *cmd]


def reader(*args: str, home: Path, stdin: bytes | None = None, timeout: float = 60,
           drop_root: bool = False) -> subprocess.CompletedProcess:
    """`reader ARGS` in a subprocess; a hang fails through TimeoutExpired."""
    cmd = [sys.executable, "-m", "reader", *args, "--home", str(home)]
    return subprocess.run(unprivileged(cmd) if drop_root else cmd, cwd=REPO, input=stdin,
                          capture_output=True, timeout=timeout,
                          env={**os.environ, "PYTHONPATH": str(REPO)})


def one_line(result: subprocess.CompletedProcess, code: int) -> str:
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == code, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    return err


@pytest.mark.parametrize("command", ["import", "articles"])
def test_devices_are_refused_before_a_byte_is_read(isolated_home, command):
    err = one_line(reader(command, "/dev/zero", home=isolated_home, timeout=30), 2)
    assert "not a regular file" in err and "device" in err


def test_a_fifo_is_refused_without_waiting_for_a_writer(isolated_home, tmp_path):
    fifo = tmp_path / "page.txt"
    os.mkfifo(fifo)
    err = one_line(reader("import", str(fifo), home=isolated_home, timeout=30), 2)
    assert "FIFO" in err


def test_a_fifo_in_the_library_does_not_hang_the_listing(isolated_home):
    library = isolated_home / "library"
    library.mkdir()
    os.mkfifo(library / "zz.txt")
    listed = reader("issues", "--json", home=isolated_home, timeout=60)
    assert listed.returncode == 0, listed.stderr
    assert b"zz" not in listed.stdout


@pytest.mark.parametrize("name", ["-", "/dev/stdin"])
def test_standard_input_is_read_once(isolated_home, name):
    done = reader("import", name, home=isolated_home, stdin=PAGE)
    assert done.returncode == 0, done.stderr
    (stored,) = (isolated_home / "library").glob("*.txt")
    assert stored.read_bytes() == PAGE.decode("utf-8").encode("utf-8")


def test_standard_input_has_the_same_size_limit(isolated_home):
    err = one_line(reader("import", "-", home=isolated_home, stdin=b"a" * (3 << 20)), 2)
    assert "too large" in err
    assert not (isolated_home / "library").exists()


def test_import_into_a_home_without_permission_is_one_line_and_leaves_nothing(
        isolated_home, tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes(PAGE)
    library = isolated_home / "library"
    library.mkdir()
    library.chmod(0o555)
    try:
        err = one_line(reader("import", str(page), home=isolated_home, drop_root=True), 1)
    finally:
        library.chmod(0o755)
    assert "Permission denied" in err and "nothing was imported" in err
    assert list(library.iterdir()) == []


def test_a_line_longer_than_any_paragraph_is_refused_at_import(isolated_home, tmp_path):
    page = tmp_path / "long.txt"
    page.write_bytes(PAGE + ("长" * 30_000).encode() + b"\n")
    err = one_line(reader("import", str(page), home=isolated_home), 2)
    assert "longer than any newspaper paragraph" in err
    assert not (isolated_home / "library").exists()


def test_import_on_a_full_disk_is_one_line_and_leaves_no_temp_file(tmp_path):
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        home = mount / "home"
        (home / "library").mkdir(parents=True)
        stat = os.statvfs(mount)
        (mount / "filler").write_bytes(b"x" * (stat.f_bavail * stat.f_frsize - 4096))
        page = tmp_path / "page.txt"
        page.write_bytes(PAGE)
        err = one_line(reader("import", str(page), home=home), 1)
        assert "No space left on device" in err
        assert list((home / "library").iterdir()) == []
    finally:
        subprocess.run(["umount", str(mount)], check=False)
