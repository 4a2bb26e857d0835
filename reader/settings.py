"""The reader's remembered choices: display preferences and the last export folder.

One small JSON file, `settings.json` in READER_HOME, written atomically. Textual-free, so the
app, the CLI and tests share it. A missing or damaged file means the defaults; a damaged file
is moved aside (never overwritten) the next time settings are saved.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal

from reader.notes.durable_storage import atomic_write

SETTINGS_FILE = "settings.json"
"""The file's name inside READER_HOME."""

SegmentMode = Literal["shade", "space", "off"]
"""How words are set apart in the text (`g` cycles them): shading, spaces, nothing."""
SEGMENT_MODES: tuple[SegmentMode, ...] = ("shade", "space", "off")
"""Valid segment modes, in the order `g` cycles them."""
PinyinMode = Literal["all", "not-known", "off"]
"""Which words get pinyin (line and hover): every word, words not known, none."""
PINYIN_MODES: tuple[PinyinMode, ...] = ("all", "not-known", "off")
"""Valid pinyin modes (`reader.learning.status.PINYIN_MODES`, spelled out: no import)."""


@dataclass(frozen=True)
class Settings:
    """Everything remembered between runs; every field has a default."""

    pinyin_line: bool = False
    """`p`: pinyin written above every word."""
    tone_colours: bool = False
    """`t`: syllables coloured by tone."""
    segments: SegmentMode = "shade"
    """`g`: how words are set apart."""
    spoken_tones: bool = False
    """`y`: 一 and 不 shown in their spoken tones (yí gè); written pinyin keeps dictionary tones."""
    theme: str | None = None
    """The Textual theme name (`ctrl+t` or the palette); None for the app's default."""
    export_folder: str | None = None
    """The folder the last export went to (absolute path)."""
    pinyin_mode: PinyinMode = "all"
    """`p` with the pinyin line: which words get pinyin (`off`: none, not even on hover)."""
    status_marks: bool = True
    """`l`: new and learning words tinted by their status."""


_DEFAULTS = Settings()
_TYPES: dict[str, tuple[type, ...]] = {
    "pinyin_line": (bool,), "tone_colours": (bool,), "segments": (str,), "spoken_tones": (bool,),
    "theme": (str, type(None)), "export_folder": (str, type(None)),
    "pinyin_mode": (str,), "status_marks": (bool,),
}
"""Accepted JSON types per field; a value of another type falls back to the default."""


def settings_path(home: Path) -> Path:
    """Where the settings of `home` are kept."""
    return home / SETTINGS_FILE


def _read_raw(path: Path) -> dict[str, Any] | None:
    """The file's JSON object; {} when there is no file; None when it is damaged."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _from_raw(raw: dict[str, Any]) -> Settings:
    """Settings from a JSON object: unknown keys ignored, bad values replaced by defaults."""
    values: dict[str, Any] = {}
    for f in fields(Settings):
        value = raw.get(f.name, getattr(_DEFAULTS, f.name))
        # bool is an int subclass, and ints are not bools here: check the exact type.
        if type(value) not in _TYPES[f.name]:
            value = getattr(_DEFAULTS, f.name)
        if f.name == "segments" and value not in SEGMENT_MODES:
            value = _DEFAULTS.segments
        if f.name == "pinyin_mode" and value not in PINYIN_MODES:
            value = _DEFAULTS.pinyin_mode
        values[f.name] = value
    return Settings(**values)


def load_settings(home: Path) -> Settings:
    """The remembered settings of `home` (the defaults when none are saved or readable)."""
    raw = _read_raw(settings_path(home))
    return _from_raw(raw) if raw is not None else Settings()


def save_settings(home: Path, settings: Settings) -> Settings:
    """Write `settings` atomically (keys of newer versions are kept); returns them.

    Raises OSError when the folder cannot be written; callers in the UI may ignore it (the
    settings are a convenience, never user data).
    """
    _check(settings)
    path = settings_path(home)
    raw = _read_raw(path)
    if raw is None and path.exists():
        # Damaged: keep it for the user to look at rather than writing over it.
        os.replace(path, path.with_name(f"{SETTINGS_FILE}.damaged"))
        raw = {}
    merged = {**(raw or {}), **asdict(settings)}
    home.mkdir(parents=True, exist_ok=True)
    text = json.dumps(merged, ensure_ascii=False, indent=2) + "\n"
    atomic_write(path, text.encode("utf-8"))
    return settings


_UPDATES = threading.Lock()
"""Read-change-write of the file, one at a time: two workers changing different fields (the
export folder, a display mode) at once must not lose either change."""


def update_settings(home: Path, **changes: Any) -> Settings:
    """Change some settings (by field name) and save; returns the new settings."""
    unknown = sorted(set(changes) - {f.name for f in fields(Settings)})
    if unknown:
        raise TypeError(f"unknown settings: {', '.join(unknown)}")
    with _UPDATES:
        return save_settings(home, replace(load_settings(home), **changes))


def _check(settings: Settings) -> None:
    """ValueError for values that would not load back the same."""
    for f in fields(Settings):
        value = getattr(settings, f.name)
        if type(value) not in _TYPES[f.name]:
            raise ValueError(f"setting {f.name} cannot be {value!r}")
    if settings.segments not in SEGMENT_MODES:
        raise ValueError(f"setting segments must be one of {', '.join(SEGMENT_MODES)}")
    if settings.pinyin_mode not in PINYIN_MODES:
        raise ValueError(f"setting pinyin_mode must be one of {', '.join(PINYIN_MODES)}")


def remember_export_folder(home: Path, folder: Path) -> bool:
    """Remember the folder an export was just written to; False when it could not be saved.

    The export itself succeeded, so failing to remember its folder is not worth an error.
    """
    try:
        update_settings(home, export_folder=str(folder.expanduser().resolve()))
    except OSError:
        return False
    return True


def export_folder(home: Path) -> Path:
    """The folder to offer for an export: the last one used, else ~/Documents, else ~.

    The last folder counts while it still exists; the current folder is never offered (it
    is often a source checkout).
    """
    last = load_settings(home).export_folder
    if last and Path(last).is_dir():
        return Path(last)
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()
