"""Word statuses (new, learning 1-4, known, ignored) and the rules that set them."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """How well the user knows a word (by its simplified form); NEW is never stored."""

    NEW = "new"
    LEARNING_1 = "learning-1"
    LEARNING_2 = "learning-2"
    LEARNING_3 = "learning-3"
    LEARNING_4 = "learning-4"
    KNOWN = "known"
    IGNORED = "ignored"

    @property
    def learning(self) -> bool:
        """True for the four learning levels."""
        return self.value.startswith("learning-")

    @property
    def level(self) -> int | None:
        """1-4 for a learning level, else None."""
        return int(self.value[-1]) if self.learning else None

    @property
    def label(self) -> str:
        """How the status is shown: `new`, `learning 2`, `known`, `ignored`."""
        return self.value.replace("-", " ")


LEARNING = (Status.LEARNING_1, Status.LEARNING_2, Status.LEARNING_3, Status.LEARNING_4)
"""The learning levels, lowest first."""

KEY_STATUS = {"1": Status.LEARNING_1, "2": Status.LEARNING_2, "3": Status.LEARNING_3,
              "4": Status.LEARNING_4, "k": Status.KNOWN, "i": Status.IGNORED, "n": Status.NEW}
"""Suggested one-key shortcuts for the article screen."""


def parse_status(text: str) -> Status:
    """A status from its value, label or key (`known`, `learning 2`, `2`, `k`); ValueError."""
    raw = text.strip().lower()
    if raw in KEY_STATUS:
        return KEY_STATUS[raw]
    try:
        return Status(raw.replace(" ", "-"))
    except ValueError:
        choices = ", ".join(s.value for s in Status)
        raise ValueError(f"unknown word status {text!r}; choose one of {choices}") from None


def status_after_annotation(current: Status, *, keep: bool = False) -> Status | None:
    """The status a word gets when the user highlights or saves it, None to leave it.

    A new word becomes learning 1 (LingQ's rule: what you save is what you learn) unless the
    user said otherwise (`keep`); known, ignored and learning words keep their status.
    """
    if keep or current is not Status.NEW:
        return None
    return Status.LEARNING_1


PINYIN_MODES = ("all", "not-known", "off")
"""Where the pinyin line and the hover show pinyin: every word, words not known, nowhere."""


def shows_pinyin(mode: str, status: Status) -> bool:
    """True when a word with `status` gets pinyin in pinyin `mode`."""
    if mode == "off":
        return False
    return mode != "not-known" or status is not Status.KNOWN
