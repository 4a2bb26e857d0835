"""The session's part for highlights: where they stand in an article, the notes listing, writes.

Screens reach it as `session.highlights` (the session keeps its older one-call names as thin
delegates). Every write returns `HighlightsChanged` and pushes one undo step on the session's
history after it succeeded; undo and redo return the same kind of change, so the screens
refresh from them as from the write. The part owns the grouped listing of the notes screen,
kept until a highlight changes.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

from reader.reading.changes import HighlightsChanged
from reader.reading.history import Gone, Step
from reader.reading.part_owner import SessionOwner

if TYPE_CHECKING:
    from reader.corpus.model import Article, Issue
    from reader.notes.model import Highlight
    from reader.notes.store import NotesStore
    from reader.reading.listing import Listing
    from reader.reading.placement import PlacedHighlight

T = TypeVar("T")

LABEL_CHARS = 12
"""Characters of a quote named in an undo notice."""


def quoted(text: str) -> str:
    """A short quote for a notice: `“跨境电商…”`."""
    text = " ".join(text.split())
    return f"“{text[:LABEL_CHARS]}…”" if len(text) > LABEL_CHARS else f"“{text}”"


def _changed(h: Highlight, focus: bool = True, notice: str | None = None) -> HighlightsChanged:
    """The change for one highlight's article (with the cursor put on it when `focus`)."""
    return HighlightsChanged(article_ids=frozenset({h.article_id}),
                             focus=h.id if focus else None, notice=notice)


@contextmanager
def _still_there(label: str, verb: str) -> Iterator[None]:
    """A step whose highlight was deleted (or put back) elsewhere becomes `Gone`."""
    from reader.errors import InputError

    try:
        yield
    except InputError:
        raise Gone(f"Not {verb}: {label} (the highlight was changed elsewhere).") from None


class HighlightsPart:
    """Highlights of one session: placing, listing, and the undoable writes."""

    def __init__(self, owner: SessionOwner) -> None:
        self._owner = owner
        self._listing: Listing | None = None
        self._generation = 0
        """Counts highlight writes (a listing built across a write is not kept)."""
        self._listing_lock = threading.Lock()

    def invalidate(self) -> None:
        """Highlights changed (or the library did): the grouped listing is out of date."""
        with self._owner.store_lock:
            self._listing = None
            self._generation += 1

    # Reading ---------------------------------------------------------------------------

    def in_article(self, issue: Issue, article: Article) -> list[PlacedHighlight]:
        """The article's highlights placed in its current text (moves saved when writable).

        The placement rule is `place_issue`'s, the same as the notes listing's.
        """
        store = self._owner.readable_store()
        if store is None:
            return []
        from reader.notes.errors import StoreError
        from reader.reading.placement import (
            PlacedHighlight,
            home_article,
            needs_saving,
            place_issue,
        )

        lock = self._owner.store_lock
        with lock:
            found = store.highlights(issue_id=issue.id)
        if not found:
            return []
        texts = {a.id: a.text for a in issue.articles}
        out = []
        for p in place_issue(found, issue):
            if home_article(p) != article.id:
                continue
            h = p.highlight
            if needs_saving(p) and p.article_id is not None and not self._owner.read_only:
                try:
                    with lock:
                        self.invalidate()
                        h = store.move_highlight(p, texts[p.article_id])
                except StoreError:
                    pass  # shown where it was found this time; saved on a later opening
            out.append(PlacedHighlight(h, p.start, p.end))
        return out

    def all(self, article_id: str | None = None) -> list[Highlight]:
        """Every highlight of the library (or of one article)."""
        store = self._owner.readable_store()
        if store is None:
            return []
        with self._owner.store_lock:
            return store.highlights(article_id=article_id)

    def listing(self) -> Listing:
        """Every highlight grouped by issue and article, placed as the article places them.

        Kept until a highlight is written (read-only: read afresh each time, since the other
        instance may have written).
        """
        from reader.reading.listing import build_listing

        lock = self._owner.store_lock
        with self._listing_lock:  # one build at a time: a second caller waits for the first
            with lock:
                listing, generation = self._listing, self._generation
            if listing is None or self._owner.read_only:
                issues = self._owner.loaded_library().issues
                listing = build_listing(self.all(), issues)
                # Tens of thousands of long-lived objects: keep the cycle collector from
                # walking them at every full collection (they have no cycles; refcounting
                # frees them when the listing is replaced).
                gc.freeze()
                with lock:
                    if generation == self._generation:
                        self._listing = listing
            return listing

    # Writing ---------------------------------------------------------------------------

    def _write(self, action: Callable[[NotesStore], T]) -> T:
        """Run one highlight write on the store (the listing is out of date after it)."""
        store = self._owner.writable_store()
        with self._owner.store_lock:
            self.invalidate()
            return action(store)

    def _push(self, label: str, undo: Callable[[], HighlightsChanged],
              redo: Callable[[], HighlightsChanged]) -> None:
        """Record a step; a highlight gone meanwhile drops it with a one-line notice."""

        def undo_step() -> HighlightsChanged:
            with _still_there(label, "undone"):
                return undo()

        def redo_step() -> HighlightsChanged:
            with _still_there(label, "redone"):
                return redo()

        self._owner.history.push(Step(label, undo_step, redo_step))

    def add(self, article: Article, start: int, end: int, color: str,
            note: str | None = None) -> HighlightsChanged:
        """Highlight `article.text[start:end]` in a colour (with a note, if given)."""
        h = self._write(lambda s: s.add_highlight(article.issue_id, article.id, article.text,
                                                  start, end, color=color, note=note))
        self._push_presence(f"highlight {quoted(h.quote)} added", h, present=True)
        return _changed(h)

    def delete(self, highlight_id: str) -> HighlightsChanged:
        """Delete a highlight (u puts it back)."""
        gone = self._write(lambda s: s.delete_highlight(highlight_id))
        self._push_presence(f"highlight {quoted(gone.quote)} deleted", gone, present=False)
        return _changed(gone, focus=False, notice="Highlight deleted · u to undo")

    def _push_presence(self, label: str, h: Highlight, *, present: bool) -> None:
        """A step that removes or puts back one highlight (same id, so later steps apply)."""
        kept = [h]  # the record as last removed: what putting it back restores

        def remove() -> HighlightsChanged:
            kept[0] = self._write(lambda s: s.delete_highlight(h.id))
            return _changed(kept[0], focus=False)

        def restore() -> HighlightsChanged:
            return _changed(self._write(lambda s: s.restore_highlight(kept[0])))

        if present:
            self._push(label, remove, restore)
        else:
            self._push(label, restore, remove)

    def set_color(self, highlight_id: str, color: str) -> HighlightsChanged:
        """Change a highlight's colour."""
        before, h = self._write(lambda s: (s.get_highlight(highlight_id),
                                           s.set_color(highlight_id, color)))
        old = before.color
        if old != h.color:
            self._push_field(f"{quoted(h.quote)} made {h.color}",
                             lambda s: s.set_color(highlight_id, old),
                             lambda s: s.set_color(highlight_id, color))
        return _changed(h)

    def update_note(self, highlight_id: str, note: str | None) -> HighlightsChanged:
        """Set or (blank) clear a highlight's note."""
        before, h = self._write(lambda s: (s.get_highlight(highlight_id),
                                           s.update_note(highlight_id, note)))
        old = before.note
        if old != h.note:
            what = "note removed" if h.note is None else (
                "note added" if old is None else "note edited")
            self._push_field(f"{what} on {quoted(h.quote)}",
                             lambda s: s.update_note(highlight_id, old),
                             lambda s: s.update_note(highlight_id, note))
        return _changed(h, notice="Note saved." if h.note else "Note removed.")

    def _push_field(self, label: str,
                    old: Callable[[NotesStore], Highlight],
                    new: Callable[[NotesStore], Highlight]) -> None:
        """A step that puts a field of one highlight back, or sets it again."""
        self._push(label, lambda: _changed(self._write(old)), lambda: _changed(self._write(new)))
