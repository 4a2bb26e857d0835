"""The screenshot script drives the real app and each picture shows what it should."""

from __future__ import annotations

import html
import re
from pathlib import Path

from reader.tui.screenshots import take_screenshots


def _svg_text(path: Path) -> str:
    """The visible text of a Textual SVG screenshot, spaces removed."""
    raw = path.read_text(encoding="utf-8")
    texts = re.findall(r"<text[^>]*>(.*?)</text>", raw, flags=re.S)
    return re.sub(r"\s+", "", html.unescape("".join(texts)).replace("\xa0", " "))


def test_every_screenshot_is_made_and_shows_its_subject(tmp_path: Path) -> None:
    shots = take_screenshots(tmp_path)
    assert len(shots) >= 8
    names = {s.name for s in shots}
    for wanted in ("library", "hover-pinyin", "pinyin-line", "glossary-known",
                   "glossary-unknown", "notes-panel", "note-editor", "saved-words", "help",
                   "light-theme", "word-status-marks"):
        assert any(wanted in n for n in names), wanted
    for shot in shots:
        assert shot.path.exists() and shot.path.stat().st_size > 5000, shot.name
        text = _svg_text(shot.path)
        for expected in shot.expect:
            assert re.sub(r"\s+", "", expected) in text, (shot.name, expected)
    hover = next(s for s in shots if "hover" in s.name)
    assert "kuàidì" in _svg_text(hover.path)
