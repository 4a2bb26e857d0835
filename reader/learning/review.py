"""Spaced repetition of saved words with FSRS: the due queue, ratings, undo, statistics."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from reader.errors import InputError
from reader.learning.changes import CardReviewed, ReviewUndone, WordStatusChanged
from reader.learning.settings import get_setting
from reader.learning.status import LEARNING, Status
from reader.learning.vocabulary import Vocabulary
from reader.notes.model import SavedWord
from reader.notes.schema import new_id
from reader.notes.store import NotesStore

RATINGS = {1: "again", 2: "hard", 3: "good", 4: "easy"}
"""FSRS ratings by key."""

KNOWN_AFTER_DAYS = 60
"""A card scheduled this far out counts as known (only with the setting on)."""

_LEVEL_DAYS = (1, 7, 21)
"""Next-interval bounds (days) of learning levels 1-3; longer is level 4."""


def _utc(now: datetime | None) -> datetime:
    now = now or datetime.now(UTC)
    if now.tzinfo is None:
        raise ValueError("review times must be timezone-aware")
    return now.astimezone(UTC)


def _when(stamp: object) -> datetime | None:
    """A stored ISO time, or None when it is not one with a time zone (a damaged record)."""
    try:
        when = datetime.fromisoformat(str(stamp))
    except ValueError:
        return None
    return when if when.tzinfo is not None else None


def _card_due(card: dict[str, Any] | None) -> datetime | None:
    """When a stored card is due; None for no card or one that cannot be read, which is
    reviewed as new (a hand-edited card must not stop every review)."""
    return None if card is None else _when(card.get("due"))


def cloze(sentence: str, word: str, blank: str = "＿") -> str:
    """The sentence with each occurrence of the word blanked, one blank per character (the
    front of a card); a sentence without the word is returned as it is."""
    return sentence.replace(word, blank * len(word)) if word else sentence


def card_id_for(word: str) -> int:
    """A stable card id for a word (FSRS's default id sleeps and depends on the clock)."""
    return int(hashlib.sha1(word.encode("utf-8")).hexdigest()[:12], 16)


@dataclass(frozen=True)
class DueCard:
    """A card to review: the saved word and when it is due (new cards are due at once)."""

    word: SavedWord
    due: datetime
    new: bool
    """True when the word was never reviewed."""

    def to_json(self) -> dict[str, object]:
        """The JSON shape of `reader review --due --json`."""
        w = self.word
        return {"word": w.word, "id": w.id, "pinyin": w.pinyin, "definition": w.definition,
                "sentence": w.sentence, "cloze": cloze(w.sentence, w.word),
                "article_id": w.article_id, "hsk": w.hsk,
                "due": self.due.isoformat(), "new": self.new}


@dataclass(frozen=True)
class ReviewStats:
    """Counts for `reader review --stats` and the session summary."""

    cards: int
    new: int
    due_now: int
    due_today: int
    reviewed_today: int
    again_today: int
    next_due: datetime | None

    def to_json(self) -> dict[str, object]:
        """The JSON shape of `reader review --stats --json`."""
        return {"cards": self.cards, "new": self.new, "due_now": self.due_now,
                "due_today": self.due_today, "reviewed_today": self.reviewed_today,
                "again_today": self.again_today,
                "next_due": self.next_due.isoformat() if self.next_due else None}


class Reviewer:
    """FSRS over the saved words of a NotesStore; known and ignored words are never queued."""

    def __init__(self, store: NotesStore, scheduler: Any = None) -> None:
        from fsrs import Scheduler

        self.store = store
        """The notes store holding `cards` and `reviews`."""
        self.scheduler = scheduler if scheduler is not None else Scheduler()
        """The fsrs.Scheduler (default parameters unless given)."""
        self.vocabulary = Vocabulary(store)
        """Word statuses, which a rating may change."""

    def _queueable(self) -> list[tuple[SavedWord, dict[str, Any] | None]]:
        statuses = self.store.keyed_docs("statuses")
        cards = self.store.keyed_docs("cards")
        out = []
        for w in self.store.words():
            status = statuses.get(w.word)
            if status and status["status"] in (Status.KNOWN.value, Status.IGNORED.value):
                continue
            out.append((w, cards.get(w.word)))
        return out

    def due(self, now: datetime | None = None, limit: int | None = None) -> list[DueCard]:
        """Cards due at `now`, oldest due first, then new cards in the order they were saved."""
        now = _utc(now)
        due, new = [], []
        for word, card in self._queueable():
            when = _card_due(card)
            if when is None:
                new.append(DueCard(word, now, True))
            elif when <= now:
                due.append(DueCard(word, when, False))
        due.sort(key=lambda c: c.due)
        queue = due + new
        return queue[:limit] if limit is not None else queue

    def card(self, word: str) -> dict[str, Any] | None:
        """The stored FSRS card of a word (fsrs.Card.to_dict shape plus `updated`), or None."""
        return self.store.keyed_docs("cards").get(word)

    def rate(self, word: str, rating: int, now: datetime | None = None) -> CardReviewed:
        """Rate a saved word's card (1 again .. 4 easy); stores the card and a review log."""
        from fsrs import Card, Rating

        if rating not in RATINGS:
            raise InputError(f"bad rating {rating!r}; use 1 (again) to 4 (easy)")
        if not self.store.has_word(word):
            raise InputError(f"{word!r} is not a saved word")
        now = _utc(now)
        before = self.card(word)
        card = Card(card_id=card_id_for(word), due=now)
        if _card_due(before) is not None:
            try:
                card = Card.from_dict({k: v for k, v in before.items() if k != "updated"})
            except (KeyError, TypeError, ValueError):
                pass  # unreadable: reviewed as a new card
        card, _log = self.scheduler.review_card(card, Rating(rating), review_datetime=now)
        doc = {**card.to_dict(), "updated": now.isoformat()}
        review_id = new_id("r")
        self.store.put_keyed("cards", {word: doc})
        self.store.put_keyed("reviews", {review_id: {
            "word": word, "rating": rating, "reviewed": now.isoformat(),
            "due": doc["due"], "state": doc["state"]}})
        status = self._status_after(word, card.due - now)
        return CardReviewed(word, rating, card.due, review_id,
                            None if before is None else dict(before), status)

    def _status_after(self, word: str, interval: timedelta) -> WordStatusChanged:
        """The learning level follows the next interval; known only if the user allows it."""
        days = interval.total_seconds() / 86400
        current = self.vocabulary.status(word)
        if current in (Status.KNOWN, Status.IGNORED):
            return WordStatusChanged(())
        if days >= KNOWN_AFTER_DAYS and get_setting(self.store, "review_long_interval_known"):
            return self.vocabulary.set_status(word, Status.KNOWN)
        level = sum(days >= bound for bound in _LEVEL_DAYS)
        return self.vocabulary.set_status(word, LEARNING[level])

    def undo(self, reviewed: CardReviewed) -> ReviewUndone:
        """Take back a rating: the card, the review log and the word's status as before."""
        self.store.put_keyed("cards", {reviewed.word: reviewed.before})
        self.store.put_keyed("reviews", {reviewed.review_id: None})
        return ReviewUndone(reviewed.word, self.vocabulary.undo(reviewed.status))

    def stats(self, now: datetime | None = None) -> ReviewStats:
        """How many cards there are, are new, are due now and today, were reviewed today."""
        now = _utc(now)
        end_of_day = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0,
                                                       microsecond=0)
        start_of_day = now.replace(hour=0, minute=0, second=0, microsecond=0)
        queue = self._queueable()
        all_dues = [_card_due(c) for _w, c in queue]
        dues = [d for d in all_dues if d is not None]
        new = len(all_dues) - len(dues)
        reviews = [r for r in self.store.keyed_docs("reviews").values()
                   if (when := _when(r["reviewed"])) is not None and when >= start_of_day]
        later = [d for d in dues if d > now]
        return ReviewStats(
            cards=len(queue), new=new, due_now=sum(d <= now for d in dues) + new,
            due_today=sum(d < end_of_day for d in dues) + new,
            reviewed_today=len(reviews), again_today=sum(r["rating"] == 1 for r in reviews),
            next_due=min(later) if later else None)
