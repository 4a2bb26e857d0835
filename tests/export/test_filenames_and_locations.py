"""Safe export file names, no-overwrite writing, and `ID ¶n` locations."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.errors import InputError
from reader.notes.filenames import (
    MAX_NAME_BYTES,
    ExportExistsError,
    export_filename,
    free_name,
    path_in,
    safe_filename,
    write_export,
)
from reader.notes.locations import Location, format_location, paragraph_of, parse_location


@pytest.mark.parametrize(("stem", "expected"), [
    ("人民日报 2024-03-09 两会特刊", "人民日报_2024-03-09_两会特刊.md"),
    ("a/b\\c", "a_b_c.md"),
    ("../../etc/passwd", "etc_passwd.md"),
    ("tab\there\nnewline\x00nul\x1b[31m", "tab_here_newline_nul_[31m.md"),
    ('what? "quoted" <x>|y*:z', "what_quoted_x_y_z.md"),
    ("CON", "_CON.md"),
    ("nul.tar", "_nul.tar.md"),
    ("com1", "_com1.md"),
    (".hidden", "hidden.md"),
    ("trailing dots...", "trailing_dots.md"),
    ("-rf", "rf.md"),
    ("", "notes.md"),
    ("///", "notes.md"),
    ("\u202etxt.exe", "txt.exe.md"),
])
def test_safe_filename(stem, expected):
    assert safe_filename(stem) == expected


def test_long_names_are_cut_on_a_character_boundary():
    name = safe_filename("长" * 200)
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert name.endswith(".md") and set(name[:-3]) == {"长"}


def test_export_filename_from_paper_date_title():
    name = export_filename("吉林日报", "2024-03-09", "冰雪经济/热")
    assert name == "吉林日报_2024-03-09_冰雪经济_热.md"
    assert export_filename(None, None, None) == "dubao-notes.md"


@pytest.mark.parametrize("bad", ["../x.md", "a/b.md", "..", ".", "", "x\x00.md"])
def test_path_in_refuses_names_that_leave_the_folder(tmp_path, bad):
    with pytest.raises(InputError):
        path_in(tmp_path, bad)


def test_path_in_refuses_a_symlink_pointing_out(tmp_path):
    outside = tmp_path / "outside.md"
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "link.md").symlink_to(outside)
    with pytest.raises(InputError, match="would leave"):
        write_export(folder, "link.md", "x", overwrite=True)
    assert not outside.exists()


def test_write_export_never_overwrites_unasked(tmp_path):
    tmp_path = tmp_path / "out"
    first = write_export(tmp_path, "a.md", "first")
    assert first.read_text(encoding="utf-8") == "first"
    with pytest.raises(ExportExistsError) as err:
        write_export(tmp_path, "a.md", "second")
    assert err.value.path == first and first.read_text(encoding="utf-8") == "first"
    assert free_name(tmp_path, "a.md") == "a-2.md"
    write_export(tmp_path, "a.md", "second", overwrite=True)
    assert first.read_text(encoding="utf-8") == "second"
    assert sorted(os.listdir(tmp_path)) == ["a.md"]


def test_write_export_creates_the_folder(tmp_path):
    path = write_export(tmp_path / "new" / "dir", "x.md", "内容")
    assert path == (tmp_path / "new" / "dir" / "x.md").resolve()
    assert Path(path).read_text(encoding="utf-8") == "内容"


@pytest.mark.parametrize(("text", "expected"), [
    ("000_7f3daf117c43b295-9dd6f1fb ¶3", Location("000_7f3daf117c43b295-9dd6f1fb", 3)),
    ("000_7f3daf117c43b295-9dd6f1fb¶12", Location("000_7f3daf117c43b295-9dd6f1fb", 12)),
    ("000_7f3daf117c43b295-9dd6f1fb#p2", Location("000_7f3daf117c43b295-9dd6f1fb", 2)),
    ("000_7f3daf117c43b295-9dd6f1fb:2", Location("000_7f3daf117c43b295-9dd6f1fb", 2)),
    ("000_7f3daf117c43b295-9dd6f1fb", Location("000_7f3daf117c43b295-9dd6f1fb", None)),
])
def test_parse_location(text, expected):
    assert parse_location(text) == expected


@pytest.mark.parametrize("bad", ["", "a b", "x ¶0", "x ¶y", "x ¶"])
def test_parse_location_rejects(bad):
    with pytest.raises(InputError):
        parse_location(bad)


def test_format_and_paragraph_of():
    assert format_location("a-1", 3) == "a-1 ¶3"
    assert parse_location(format_location("a-1", 3)) == Location("a-1", 3)
    starts = [0, 10, 25]
    assert [paragraph_of(starts, o) for o in (0, 9, 10, 24, 25, 99)] == [1, 1, 2, 2, 3, 3]
