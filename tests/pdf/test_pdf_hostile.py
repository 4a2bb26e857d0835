"""PDF import on hostile files and faults: FIFOs, leftover and failed temporary files."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.benchmarks.pdf_pages import LAYOUTS, render_page
from reader.corpus.pdf.store import PAGE_SUFFIX, import_pdf

from .conftest import seed_items

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def one_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "page.pdf"
    render_page(path, seed_items(), LAYOUTS[0])
    return path


def test_a_fifo_named_like_a_pdf_is_refused_without_hanging(isolated_home, tmp_path):
    fifo = tmp_path / "page.pdf"
    os.mkfifo(fifo)
    env = {**os.environ, "READER_HOME": str(isolated_home)}
    done = subprocess.run([sys.executable, "-m", "reader", "import", str(fifo)], cwd=REPO,
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 2
    assert "FIFO" in done.stderr and "Traceback" not in done.stderr


def test_a_leftover_temp_file_does_not_block_the_import(one_page, tmp_path):
    library = tmp_path / "library"
    library.mkdir()
    (library / "page.pdf.tmp").write_bytes(b"left by a killed import")
    pages, _skipped = import_pdf(one_page, library)
    assert [p.stored.name for p in pages] == ["page" + PAGE_SUFFIX]
    assert (library / "page.pdf").read_bytes() == one_page.read_bytes()


FULL_DISK = textwrap.dedent("""
    import resource, signal, sys
    from pathlib import Path
    from reader.corpus.pdf.store import import_pdf
    from reader.errors import ReaderError
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG, as a full disk gives ENOSPC
    resource.setrlimit(resource.RLIMIT_FSIZE, (1000, resource.RLIM_INFINITY))
    try:
        import_pdf(Path(sys.argv[1]), Path(sys.argv[2]))
    except ReaderError as exc:
        print("refused:", exc)
""")


def test_a_failed_write_leaves_no_temp_file_in_the_library(one_page, tmp_path):
    library = tmp_path / "library"
    library.mkdir()
    done = subprocess.run([sys.executable, "-c", FULL_DISK, str(one_page), str(library)],
                          cwd=REPO, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert "refused: cannot write to the library" in done.stdout, done.stderr
    assert sorted(p.name for p in library.iterdir()) == []


def test_refusals_print_the_file_name_without_escape_sequences(one_page, tmp_path):
    import shutil

    from reader.errors import InputError

    library = tmp_path / "library"
    hostile = tmp_path / "front\x1b[31m\x1b]0;x\x07.pdf"
    shutil.copy(one_page, hostile)
    import_pdf(hostile, library)
    with pytest.raises(InputError) as refused:  # the same PDF again
        import_pdf(hostile, library)
    assert "already in the library" in str(refused.value)
    assert "\x1b" not in str(refused.value) and "\x07" not in str(refused.value)
