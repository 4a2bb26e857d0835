"""The reader's display preferences (`p`, `t`, `g`, `l`, `y`, the theme), remembered across runs.

Read once per run off the UI thread and kept in memory, so an article opens in the remembered
modes without waiting on the disk; every change is written in the background through
`reader.settings`. The settings are a convenience, never user data: a failed write is ignored.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from textual.app import App

if TYPE_CHECKING:
    from reader.settings import Settings

# reader.settings (and the notes layer under it) is imported in the workers: the app's first
# frame must not wait on it (tests/test_architecture.py).

DISPLAY_FIELDS = ("pinyin_line", "tone_colours", "segments", "spoken_tones", "theme",
                  "pinyin_mode", "status_marks")
"""The settings this module owns (the export folder is remembered by the export dialog)."""


@dataclass
class _State:
    """One app's preferences: loaded yet, the values, and the write order."""

    settings: Settings | None = None
    loaded: bool = False
    queued: int = 0
    written: int = 0


_STATES: WeakKeyDictionary[App[Any], _State] = WeakKeyDictionary()
_WRITE_LOCK = threading.Lock()


def _state(app: App[Any]) -> _State:
    """The app's preferences (the defaults until they are loaded)."""
    state = _STATES.get(app)
    if state is None:
        state = _STATES[app] = _State()
    return state


def current(app: App[Any]) -> Settings | None:
    """The remembered preferences, or None while they are still being read."""
    state = _state(app)
    return state.settings if state.loaded else None


def attach(app: App[Any]) -> None:
    """Read the preferences in a worker, apply them (theme and open articles), then remember
    every theme change."""
    home = app.session.home  # type: ignore[attr-defined]

    def read() -> None:
        from reader.settings import Settings, load_settings

        try:
            settings = load_settings(home)
        except (OSError, ValueError):
            settings = Settings()
        app.call_from_thread(_loaded, app, settings)

    app.run_worker(read, thread=True, group="display-prefs", exit_on_error=False)


def _loaded(app: App[Any], settings: Settings) -> None:
    """Apply what was read: the theme now, and the modes of any article already open."""
    state = _state(app)
    state.settings, state.loaded = settings, True
    if settings.theme and settings.theme in app.available_themes and settings.theme != app.theme:
        app.theme = settings.theme
    app.theme_changed_signal.subscribe(app, lambda theme: remember(app, theme=theme.name))
    from reader.tui.widgets.article_view import ArticleView

    for screen in app.screen_stack:
        for view in screen.query(ArticleView):
            apply_to(view, settings)


def apply_to(view: Any, settings: Settings) -> None:
    """Put an article view in the remembered modes (the settings are checked on loading)."""
    view.ruby, view.tones = settings.pinyin_line, settings.tone_colours
    view.segments = settings.segments
    view.pinyin_mode, view.marks_shown = settings.pinyin_mode, settings.status_marks
    view.spoken = settings.spoken_tones


def remember(app: App[Any], **changes: Any) -> None:
    """Keep changed preferences (fields of `DISPLAY_FIELDS`) and write them in the background."""
    state = _state(app)
    if not state.loaded or state.settings is None:
        return  # not read yet: writing now would overwrite what the reader chose last time
    new = replace(state.settings, **changes)
    if new == state.settings:
        return
    state.settings = new
    state.queued += 1
    order, home = state.queued, app.session.home  # type: ignore[attr-defined]
    values = {name: getattr(new, name) for name in DISPLAY_FIELDS}

    def write() -> None:
        from reader.settings import update_settings

        with _WRITE_LOCK:
            if order < state.written:
                return  # a newer change was written already
            try:
                update_settings(home, **values)
            except (OSError, ValueError):
                return
            state.written = order

    app.run_worker(write, thread=True, group="display-prefs", exit_on_error=False)
