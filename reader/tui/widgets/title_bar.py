"""The header: app title, the screen's title and subtitle (and read-only), in one widget."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class TitleBar(Static):
    """One line with the title and subtitle of the screen it is on."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        height: 1;
        width: 1fr;
        background: $panel;
        color: $foreground;
        text-align: center;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def on_mount(self) -> None:
        """Follow the screen's title and subtitle."""
        self.watch(self.screen, "title", self._retitle)
        self.watch(self.screen, "sub_title", self._retitle)

    def _retitle(self) -> None:
        """Show the current title and subtitle."""
        title = self.screen.title or self.app.title
        sub = self.screen.sub_title
        self.update(Content.from_markup("[b]$title[/b] [dim]$sub", title=title,
                                        sub=f"— {sub}" if sub else ""))

    @property
    def text(self) -> str:
        """The plain text shown."""
        return str(self.content)
