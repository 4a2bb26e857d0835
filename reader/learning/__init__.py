"""Known words and review: word statuses, difficulty scores, imports, digests, FSRS cards.

Textual-free. Services take an open `NotesStore` and return small frozen change records
(`reader.learning.changes`) that the session hands to its subscribers:

- `Vocabulary(store)`: `statuses()`, `status(word)`, `set_status(words, status)`,
  `apply({word: status})`, `undo(change)`, `note_annotated(words)` -> WordStatusChanged.
- `scoring`: `article_counts(article)` / `count_words(tokens, names)` once per article,
  then `score(counts, statuses)` -> ArticleScore (known_share, new_words) on every change;
  `touches(counts, change.words)` says which articles to re-score; `token_status` for marks;
  `new_words_in` for "mark the remaining new words known".
- `Reviewer(store)`: `due(now)`, `rate(word, 1-4, now)` -> CardReviewed, `undo(reviewed)`
  -> ReviewUndone, `stats(now)`; `ReviewSession(reviewer, clock)` for one sitting:
  `current`, `rate(n)`, `undo()`, `summary()` (reviewed, again, next due).
- `settings`: `get_setting`/`set_setting` (review_long_interval_known,
  annotate_keeps_status) -> SettingChanged; `status.shows_pinyin(mode, status)`.
- `digest.digest(issue, statuses)`, `stats.learning_stats(...)`, `word_files` (import/export),
  `anki_deck.apkg_bytes(words, articles)`.
"""
