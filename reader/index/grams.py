"""Text -> search terms: overlapping character bigrams for CJK, lower-cased words otherwise.

FTS5's trigram tokenizer cannot serve one- and two-character queries, and two characters is
the most common length of a Chinese word; overlapping bigrams serve 2+ characters as phrases
and one character as a prefix query, from one index.
"""

from __future__ import annotations


def _is_cjk(ch: str) -> bool:
    return ord(ch) >= 0x2E80 and ch.isalnum()


def runs(text: str) -> list[tuple[bool, str]]:
    """Split text into (is_cjk, run) pieces of alphanumeric characters; the rest separates."""
    out: list[tuple[bool, str]] = []
    cur: list[str] = []
    cur_cjk = False
    for ch in text:
        if ch.isalnum():
            cjk = _is_cjk(ch)
            if cur and cjk != cur_cjk:
                out.append((cur_cjk, "".join(cur)))
                cur = []
            cur_cjk = cjk
            cur.append(ch)
        elif cur:
            out.append((cur_cjk, "".join(cur)))
            cur = []
    if cur:
        out.append((cur_cjk, "".join(cur)))
    return out


def index_terms(text: str) -> str:
    """The space-separated terms stored in the full-text index for `text`."""
    terms: list[str] = []
    for cjk, run in runs(text):
        if cjk:
            terms.extend(run[i:i + 2] for i in range(len(run) - 1))
            terms.append(run[-1])  # a run's last character, so one-character prefixes find it
        else:
            terms.append(run.lower())
    return " ".join(terms)


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression that every text containing `query` satisfies (None: no terms).

    It is a filter: callers confirm each hit by a substring search of the text.
    """
    parts: list[str] = []
    for cjk, run in runs(query):
        if cjk and len(run) == 1:
            parts.append(f'"{run}"*')
        elif cjk:
            parts.append('"' + " ".join(run[i:i + 2] for i in range(len(run) - 1)) + '"')
        else:
            parts.append(f'"{run.lower()}"*')
    return " AND ".join(parts) or None
