"""The footer: the keys that matter on the current screen, each clickable, in one widget.

Textual's Footer mounts a widget per key and rebuilds them whenever focus moves; this bar is
text, so opening a screen stays fast. Clicking a key presses it. When the keys do not fit on one
line the bar wraps onto a second (never cutting a key off), up to MAX_LINES.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

MAX_LINES = 3
"""Most lines the bar takes (a screen with more keys than that lists the rest under `?`)."""


def key_display(key: str) -> str:
    """How a key is written in the bar (`ctrl+p` -> `^p`, `slash` -> `/`)."""
    names = {"slash": "/", "question_mark": "?", "escape": "esc", "enter": "⏎", "space": "␣"}
    return names.get(key, key.replace("ctrl+", "^"))


class KeyBar(Static):
    """One line listing the screen's shown bindings; a click on one presses its key."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: auto;
        max-height: 3;
        width: 1fr;
        background: $footer-background;
        color: $footer-foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        link-style: none;
        link-style-hover: reverse;
        link-background-hover: $accent;
    }
    """

    def on_mount(self) -> None:
        """Follow the screen's bindings as focus moves."""
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_resize(self, event: events.Resize) -> None:
        """Lay the keys out again for the new width."""
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        """Stop following."""
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        """Rewrite the bar from the active bindings."""
        if screen is not self.screen:
            return
        parts: list[Content] = []
        seen: set[str] = set()
        bindings = list(screen.active_bindings.items())
        # The screen's own keys first (they matter most), then the focused widget's, then
        # the app's: on a narrow terminal the bar is cut at the end.
        rank = {screen: 0, screen.app: 2}
        bindings.sort(key=lambda item: rank.get(item[1].node, 1))
        for key, active in bindings:
            binding = active.binding
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            shown = key_display(key)
            parts.append(Content.from_markup(
                f"[bold $footer-key-foreground @click=app.simulate_key({key!r})] $key [/]"
                "$what",
                key=shown, what=binding.description,
            ))
        parts.append(Content.from_markup(
            "[bold $footer-key-foreground @click=app.command_palette] ^p [/]palette"
        ))
        self.update(Content("\n").join(self.lines(parts, self.size.width)))

    @staticmethod
    def lines(parts: list[Content], width: int) -> list[Content]:
        """The keys laid out in lines of at most `width` cells, never splitting a key."""
        if width <= 0:
            return [Content(" ").join(parts)]
        lines: list[list[Content]] = [[]]
        used = 0
        for part in parts:
            need = part.cell_length + (1 if lines[-1] else 0)
            if lines[-1] and used + need > width and len(lines) < MAX_LINES:
                lines.append([])
                used, need = 0, part.cell_length
            lines[-1].append(part)
            used += need
        return [Content(" ").join(line) for line in lines]
