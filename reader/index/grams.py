"""Text -> search terms: overlapping character bigrams for CJK, Latin and digits alike.

FTS5's trigram tokenizer cannot serve one- and two-character queries, and two characters is
the most common length of a Chinese word; overlapping bigrams serve 2+ characters as phrases
and one character as a prefix query, from one index.
"""

from __future__ import annotations


def runs(text: str) -> list[str]:
    """Lower-cased runs of alphanumeric characters (Han, Latin, digits); the rest separates."""
    out: list[str] = []
    cur: list[str] = []
    for ch in text:
        if ch.isalnum():
            cur.append(ch)
        elif cur:
            out.append("".join(cur).lower())
            cur = []
    if cur:
        out.append("".join(cur).lower())
    return out


def index_terms(text: str) -> str:
    """The space-separated terms stored in the full-text index for `text`."""
    terms: list[str] = []
    for run in runs(text):
        terms.extend(run[i:i + 2] for i in range(len(run) - 1))
        terms.append(run[-1])  # a run's last character, so one-character prefixes find it
    return " ".join(terms)


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression that every text containing `query` satisfies (None: no terms).

    It is a filter: callers confirm each hit by a substring search of the text.
    """
    parts: list[str] = []
    for run in runs(query):
        if len(run) == 1:
            parts.append(f'"{run}"*')
        else:
            parts.append('"' + " ".join(run[i:i + 2] for i in range(len(run) - 1)) + '"')
    return " AND ".join(parts) or None
