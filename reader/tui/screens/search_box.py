"""The list screens' base (notes, saved words): a search box over a list it filters."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.widget import Widget
from textual.widgets import Input

from reader.tui.screens.base import ReaderScreen


class SearchScreen(ReaderScreen[None]):
    """A screen with a search Input over a list it filters as you type.

    A subclass sets `SEARCH_ID` (the Input's id), and provides `search_target()` (the list to
    focus after searching) and `_show()` (list again for the current query).
    """

    SEARCH_ID: ClassVar[str] = "search"
    """Id of the search Input on the screen."""

    def search_target(self) -> Widget:
        """The list the search filters."""
        raise NotImplementedError

    def _show(self) -> None:
        """List again for the current query."""
        raise NotImplementedError

    def _search_input(self) -> Input:
        """The search box."""
        return self.query_one(f"#{self.SEARCH_ID}", Input)

    @on(Input.Changed)
    def _search_changed(self, event: Input.Changed) -> None:
        """Search as you type."""
        if event.input.id == self.SEARCH_ID:
            self._show()

    @on(Input.Submitted)
    def _search_submitted(self, event: Input.Submitted) -> None:
        """Enter in the search box goes to the list."""
        if event.input.id == self.SEARCH_ID:
            self.search_target().focus()

    def action_search(self) -> None:
        """Focus the search box at once: keys typed right after `/` (a paste, a fast typist)
        are search text, never the list's commands (`x` deletes)."""
        self.set_focus(self._search_input())

    def action_back(self) -> None:
        """Clear the search, else go back."""
        box = self._search_input()
        if box.value:
            box.value = ""
            self.search_target().focus()
        else:
            self.dismiss(None)
