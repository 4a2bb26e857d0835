"""The help screen: every key of the screen it was opened from, and what the mouse does."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from reader.tui.tones import tone_legend

PLACES = {"ArticleView": "Article text", "LibraryTree": "Library list", "Input": "Text box"}
"""Widget class -> how the help screen names it."""
DESCRIPTIONS = {"command_palette": "Command palette: every action, open any article"}
"""Actions whose own description is too terse."""
HIDDEN_ACTIONS = {"screen.copy_text", "copy_text"}
"""Built-in bindings that do nothing useful here."""

KEY_NAMES = {
    "slash": "/", "question_mark": "?", "escape": "esc", "space": "space",
    "pagedown": "pgdn", "pageup": "pgup",
}
"""Key names as the help screen writes them."""


def key_label(keys: str) -> str:
    """`w,right` -> `w / right`, with friendly names."""
    out = []
    for key in keys.split(","):
        key = key.strip()
        out.append(KEY_NAMES.get(key, key.replace("ctrl+", "ctrl-")))
    return " / ".join(out)


OWN_PACKAGE = "reader."
"""Bindings declared by classes of this package are listed; Textual's own are not (the tree's
"Cursor to parent", "Page Left", the app's "Focus Next"), except the ones in KEPT_ACTIONS."""
KEPT_ACTIONS = {"command_palette"}
"""Textual's own actions worth listing."""


def own_binding(node: object, binding: Binding) -> bool:
    """True when one of this package's classes (not Textual) declares the binding."""
    if binding.action in KEPT_ACTIONS:
        return True
    for cls in type(node).__mro__:
        if not cls.__module__.startswith(OWN_PACKAGE):
            continue
        for declared in cls.__dict__.get("BINDINGS", []):
            if isinstance(declared, Binding) and declared.action == binding.action:
                return True
            if isinstance(declared, tuple) and len(declared) > 1 and declared[1] == binding.action:
                return True
    return False


def key_rows(screen: Screen[object]) -> list[tuple[str, str, str]]:
    """(where, keys, what) for every key bound on a screen, its focused widget and the app."""
    rows: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    by_action: dict[tuple[str, str], list[str]] = {}
    owners: dict[tuple[str, str], str] = {}
    for key, active in screen.active_bindings.items():
        binding: Binding = active.binding
        if not binding.description or binding.system or binding.action in HIDDEN_ACTIONS:
            continue
        node = active.node
        if not own_binding(node, binding):
            continue
        where = "App" if node is screen.app else (
            "Screen" if node is screen else PLACES.get(type(node).__name__, type(node).__name__)
        )
        ident = (binding.action, DESCRIPTIONS.get(binding.action, binding.description))
        by_action.setdefault(ident, []).append(key)
        owners[ident] = where
    for ident, keys in by_action.items():
        if ident in seen:
            continue
        seen.add(ident)
        rows.append((owners[ident], key_label(",".join(keys)), ident[1]))
    order = {"App": 2, "Screen": 0}
    rows.sort(key=lambda r: order.get(r[0], 1))
    for keys, what in getattr(screen, "HELP_EXTRA", []):
        rows.append(("Mouse & list", keys, what))
    return rows


class HelpScreen(ModalScreen[None]):
    """Every key that works where help was asked for."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape, q, ? | Close the help screen. |
    """

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        & > VerticalScroll {
            width: 90%; max-width: 90; height: 90%;
            background: $panel; border: thick $primary; padding: 0 1;
        }
    }
    """

    def __init__(
        self, rows: list[tuple[str, str, str]], title: str, tones: bool,
        legend: list[Text] | None = None,
    ) -> None:
        super().__init__()
        self.legend = legend or []
        """Lines saying what the screen's marks and colours mean."""
        self.rows = rows
        """(where, keys, what) rows to list."""
        self.help_title = title
        """What the help is about."""
        self.show_tones = tones
        """Add the tone colour legend."""

    def compose(self) -> ComposeResult:
        """A table of keys."""
        table = Table(title=f"Keys: {self.help_title}", expand=True, show_edge=False)
        table.add_column("Keys", style="bold", no_wrap=True)
        table.add_column("What it does")
        table.add_column("Where", style="dim")
        for where, keys, what in self.rows:
            table.add_row(keys, what, where)
        with VerticalScroll():
            yield Static(table, id="help-keys")
            if self.show_tones:
                legend = Text("Tone colours (MDBG / Zhongwen convention): ")
                legend.append_text(tone_legend())
                yield Static(legend)
            for line in self.legend:
                yield Static(line, classes="legend")
            yield Static(Text("escape closes this help; ctrl+q quits Dubao.", "dim"))

