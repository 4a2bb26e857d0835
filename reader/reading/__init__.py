"""The reading session: the user's library, notes and words, and the rules over them (no Textual).

The app's screens call `ReadingSession`; every write returns a `Change` (see `changes`) that
the app broadcasts, so each screen refreshes only what it shows.
"""
