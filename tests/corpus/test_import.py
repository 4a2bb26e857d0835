"""Decoding, sanitising and importing issue files; each bad file is refused cleanly."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.corpus.decode import decode_bytes, read_issue_text, sanitize
from reader.corpus.library import import_file, issue_sources, load_library
from reader.errors import InputError

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "003_f0ed6576e03ff77b.txt"
TEXT = SEED.read_text(encoding="utf-8")


def run_reader(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "READER_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, env=env,
        cwd=REPO,
    )


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        TEXT.encode("utf-32"),
        TEXT.encode("gb18030"),
        TEXT.replace("，", ",").encode("gbk", errors="ignore"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf32-bom", "gb18030", "gbk"],
)
def test_encodings_decode_to_the_same_text(data):
    text = read_issue_text(data)
    assert "吉林外国语大学" in text
    assert not text.startswith("\ufeff")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x00\x01\x02\xff\xfe\x00" * 100, "binary"),
        (bytes(range(256)) * 20, "binary"),
        (b"a" * (3 * 1024 * 1024), "too large"),
        (b"\xc3\x28\xa0\xa1\xff" * 50, "neither UTF-8 nor GB18030"),
    ],
    ids=["empty", "blank", "nul-binary", "binary", "oversized", "undecodable"],
)
def test_bad_bytes_are_refused_with_a_clear_message(data, message):
    with pytest.raises(InputError, match=message):
        read_issue_text(data, "page.txt")


def test_control_characters_and_escape_sequences_are_stripped():
    hostile = (
        "本报讯\x1b[31m红色\x1b[0m\x1b]0;title\x07标题\x9b2J清屏\x07\x08\x7f\u202e反向"
        "\x1bP+q\x1b\\结束\r\n第二行"
    )
    clean = sanitize(decode_bytes(hostile.encode("utf-8") + "正文".encode()))
    assert clean == "本报讯红色标题清屏反向结束\n第二行正文"
    assert all(ch == "\n" or ord(ch) >= 0x20 for ch in clean)


def test_import_adds_to_library_and_never_overwrites(isolated_home, tmp_path):
    src = tmp_path / "my_page.txt"
    src.write_text(TEXT.replace("吉林", "延边", 2), encoding="gb18030")  # not a seed's text
    issue, stored = import_file(isolated_home, src)
    assert stored.read_text(encoding="utf-8") == read_issue_text(src.read_bytes())
    assert issue.id == "my_page" and len(issue.articles) >= 5
    # Same text again: refused, nothing written.
    with pytest.raises(InputError, match="already in the library"):
        import_file(isolated_home, src)
    # A different text under the same name gets a new name; the first file is untouched.
    before = stored.read_bytes()
    src.write_text(TEXT.replace("吉林", "长春", 3), encoding="utf-8")
    issue2, stored2 = import_file(isolated_home, src)
    assert stored2 != stored and stored.read_bytes() == before
    assert {p.stem for p in issue_sources(isolated_home)} >= {"my_page", issue2.id}
    assert len(load_library(isolated_home)) == 7


def test_import_cli_reports_each_bad_file_and_exits_2(isolated_home, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(TEXT.replace("吉林", "延边", 2), encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 200)
    missing = tmp_path / "missing.txt"
    result = run_reader("import", str(good), str(empty), str(binary), str(missing),
                        home=isolated_home)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert any("empty" in ln for ln in lines)
    assert any("binary" in ln for ln in lines)
    assert any("no such file" in ln for ln in lines)
    assert "Traceback" not in result.stderr
    assert (isolated_home / "library" / "good.txt").exists()


def test_a_folder_is_not_a_file(isolated_home, tmp_path):
    result = run_reader("import", str(tmp_path), home=isolated_home)
    assert result.returncode == 2 and "folder" in result.stderr


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
        b"\n\n  %PDF-1.7\n" + "本报讯".encode(),
    ],
    ids=["pdf", "pdf-after-junk"],
)
def test_a_pdf_is_never_read_as_a_text_page(data, tmp_path):
    with pytest.raises(InputError, match="is a PDF"):
        read_issue_text(data, "page.pdf")
