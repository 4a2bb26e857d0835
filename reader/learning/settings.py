"""Learning settings kept in the notes file (long interval -> known, annotating keeps status).

The pinyin mode is a display preference (reader/settings.py, beside `p`/`t`/`g`), not kept here.
"""

from __future__ import annotations

from reader.errors import InputError
from reader.learning.changes import SettingChanged
from reader.notes.model import now_iso
from reader.notes.store import NotesStore

DEFAULTS: dict[str, object] = {
    "review_long_interval_known": False,
    "annotate_keeps_status": False,
}
"""Every setting with its default: whether a card reaching a long interval marks its word
known (off); whether highlighting or saving a word leaves its status alone (off: it becomes
learning)."""

CHOICES: dict[str, tuple[object, ...]] = {
    "review_long_interval_known": (False, True),
    "annotate_keeps_status": (False, True),
}


def get_setting(store: NotesStore, key: str) -> object:
    """A setting's value (its default when never set)."""
    if key not in DEFAULTS:
        raise InputError(f"unknown setting {key!r}")
    doc = store.keyed_docs("settings").get(key)
    return doc["value"] if doc and doc.get("value") in CHOICES[key] else DEFAULTS[key]


def set_setting(store: NotesStore, key: str, value: object) -> SettingChanged:
    """Change a setting (InputError for an unknown key or value)."""
    if key not in DEFAULTS:
        raise InputError(f"unknown setting {key!r}")
    if value not in CHOICES[key]:
        choices = ", ".join(str(c) for c in CHOICES[key])
        raise InputError(f"bad value {value!r} for {key}; choose one of {choices}")
    store.put_keyed("settings", {key: {"value": value, "updated": now_iso()}})
    return SettingChanged(key, value)
