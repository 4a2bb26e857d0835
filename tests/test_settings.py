"""reader.settings: remembered display preferences and export folder, one JSON file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.settings import (
    SETTINGS_FILE,
    Settings,
    export_folder,
    load_settings,
    remember_export_folder,
    save_settings,
    settings_path,
    update_settings,
)


def test_defaults_without_a_file(isolated_home: Path):
    assert load_settings(isolated_home) == Settings()
    assert not settings_path(isolated_home).exists()


def test_changes_survive_a_restart_and_keep_newer_keys(isolated_home: Path):
    path = settings_path(isolated_home)
    path.write_text(json.dumps({"from_a_newer_version": [1, 2]}), encoding="utf-8")
    s = update_settings(isolated_home, pinyin_line=True, tone_colours=True, segments="space",
                        theme="textual-light")
    assert load_settings(isolated_home) == s
    assert (s.pinyin_line, s.tone_colours, s.segments, s.theme) == (
        True, True, "space", "textual-light")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["from_a_newer_version"] == [1, 2] and data["pinyin_line"] is True
    assert sorted(p.name for p in isolated_home.iterdir()) == [SETTINGS_FILE]  # no temp left


def test_bad_values_fall_back_and_are_refused(isolated_home: Path):
    settings_path(isolated_home).write_text(json.dumps(
        {"pinyin_line": 1, "tone_colours": "yes", "segments": "sparkles", "theme": 7,
         "export_folder": None}), encoding="utf-8")
    assert load_settings(isolated_home) == Settings()
    with pytest.raises(ValueError):
        save_settings(isolated_home, Settings(segments="sparkles"))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        update_settings(isolated_home, font_size=3)


@pytest.mark.parametrize("damage", [b"{\"pinyin_line\": tr", b"\xff\xfe\x00", b"[1, 2]"])
def test_a_damaged_file_gives_defaults_and_is_moved_aside_not_overwritten(
        isolated_home: Path, damage: bytes):
    path = settings_path(isolated_home)
    path.write_bytes(damage)
    assert load_settings(isolated_home) == Settings()
    update_settings(isolated_home, tone_colours=True)
    assert load_settings(isolated_home).tone_colours
    assert path.with_name(f"{SETTINGS_FILE}.damaged").read_bytes() == damage


def test_export_folder_is_remembered_while_it_exists(isolated_home: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch):
    fake_home = tmp_path / "user"
    fake_home.mkdir()
    monkeypatch.setenv("HOME", str(fake_home))
    monkeypatch.chdir(tmp_path)
    assert export_folder(isolated_home) == fake_home  # never the current folder
    (fake_home / "Documents").mkdir()
    assert export_folder(isolated_home) == fake_home / "Documents"
    out = tmp_path / "exports"
    out.mkdir()
    assert remember_export_folder(isolated_home, out)
    assert export_folder(isolated_home) == out.resolve()
    out.rmdir()
    assert export_folder(isolated_home) == fake_home / "Documents"


def test_an_unwritable_home_does_not_fail_an_export(tmp_path: Path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert remember_export_folder(blocked / "home", tmp_path) is False


def test_pinyin_mode_and_status_marks_are_kept_and_checked(isolated_home: Path):
    s = update_settings(isolated_home, pinyin_mode="not-known", status_marks=False)
    assert load_settings(isolated_home) == s
    assert (s.pinyin_mode, s.status_marks) == ("not-known", False)
    settings_path(isolated_home).write_text(json.dumps(
        {"pinyin_mode": "sometimes", "status_marks": "no"}), encoding="utf-8")
    assert load_settings(isolated_home) == Settings()  # bad values: the defaults
    with pytest.raises(ValueError):
        save_settings(isolated_home, Settings(pinyin_mode="sometimes"))  # type: ignore[arg-type]
