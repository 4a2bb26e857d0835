"""The article screen's side panels: the glossary (a looked-up word) and the notes list.

Each is mounted beside the text the first time it is needed (opening an article stays fast);
at most one is shown at a time.
"""

from __future__ import annotations

from textual.widget import Widget

from reader.tui.widgets.glossary_panel import GlossaryPanel
from reader.tui.widgets.notes_panel import NotesPanel


class SidePanels:
    """The panels beside the article text, mounted into `row` on first use."""

    def __init__(self, row: Widget) -> None:
        self.row = row
        """The container the text and its panels share."""

    def _find(self, kind: type[Widget]) -> Widget | None:
        """The mounted panel of a kind, if any."""
        found = self.row.query(kind)
        return found.first() if found else None

    @property
    def glossary(self) -> GlossaryPanel:
        """The glossary panel (mounted now if it is not yet)."""
        found = self._find(GlossaryPanel)
        if isinstance(found, GlossaryPanel):
            return found
        panel = GlossaryPanel()
        self.row.mount(panel)
        return panel

    @property
    def notes(self) -> NotesPanel:
        """The notes panel (mounted now if it is not yet)."""
        found = self._find(NotesPanel)
        if isinstance(found, NotesPanel):
            return found
        panel = NotesPanel()
        self.row.mount(panel)
        return panel

    @property
    def glossary_open(self) -> bool:
        """True when the glossary panel is shown."""
        found = self._find(GlossaryPanel)
        return found is not None and found.display

    @property
    def notes_open(self) -> bool:
        """True when the notes panel is shown."""
        found = self._find(NotesPanel)
        return found is not None and found.display

    @property
    def notes_focused(self) -> NotesPanel | None:
        """The notes panel when it is shown and its list has the focus."""
        found = self._find(NotesPanel)
        if isinstance(found, NotesPanel) and found.display and found.options.has_focus:
            return found
        return None

    def shown_notes(self) -> NotesPanel | None:
        """The notes panel if it was ever mounted (to keep it up to date)."""
        found = self._find(NotesPanel)
        return found if isinstance(found, NotesPanel) else None
