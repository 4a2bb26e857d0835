"""Known words and review: word statuses, difficulty scores, imports, digests, FSRS cards.

Textual-free. Services take an open `NotesStore` and return small frozen change records
(`reader.learning.changes`) that the session hands to its subscribers.
"""
