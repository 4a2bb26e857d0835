"""Library-wide search: Chinese characters through the bigram index, pinyin through words."""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass

from reader.index.grams import match_expression, runs

SENTENCE_END = "。！？!?；;\n"
MAX_CONTEXT = 120
"""Longest sentence shown around a match (characters); longer ones are cut around it."""


@dataclass(frozen=True)
class Hit:
    """One article that matches, with its first match in the sentence around it."""

    article_id: str
    issue_id: str
    title: str
    paper: str | None
    date: str | None
    offset: int
    """Character offset of the first match in the article's text."""
    length: int
    sentence: str
    mark: tuple[int, int]
    """(start, end) of the match inside `sentence`."""
    matches: int
    """How many times the article matches."""
    word: str
    """The text that matched (the word itself for a pinyin query)."""

    def to_json(self) -> dict[str, object]:
        """The JSON shape of `reader search --json`."""
        return {"article": self.article_id, "issue": self.issue_id, "title": self.title,
                "paper": self.paper, "date": self.date, "offset": self.offset,
                "length": self.length, "sentence": self.sentence, "mark": list(self.mark),
                "matches": self.matches, "word": self.word}


@dataclass(frozen=True)
class Results:
    """Search results, newest first."""

    query: str
    words: tuple[str, ...]
    """What was looked for: the query, or the words a pinyin query stands for."""
    total: int
    """Articles that match (all of them, even beyond `hits`)."""
    hits: tuple[Hit, ...]


def sentence_around(text: str, start: int, end: int) -> tuple[str, tuple[int, int]]:
    """The sentence holding text[start:end] and where the match sits in it."""
    left = max((text.rfind(ch, 0, start) for ch in SENTENCE_END), default=-1) + 1
    ends = [i for i in (text.find(ch, end) for ch in SENTENCE_END) if i >= 0]
    right = min(ends) + 1 if ends else len(text)
    if right - left > MAX_CONTEXT:
        left = max(left, start - MAX_CONTEXT // 2)
        right = min(right, max(end, left + MAX_CONTEXT))
    sentence = text[left:right].rstrip("\n")
    return sentence, (start - left, end - left)


def search_words(conn: sqlite3.Connection, words: list[str], limit: int = 50,
                 query: str | None = None) -> Results:
    """Articles whose text contains any of `words` (case-insensitive), newest first."""
    words = [w for w in dict.fromkeys(w.strip() for w in words) if w]
    exprs = [e for e in (match_expression(w) for w in words) if e]
    label = query if query is not None else " ".join(words)
    if not exprs:
        return Results(label, tuple(words), 0, ())
    match = " OR ".join(f"({e})" for e in exprs)
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)),
                         re.IGNORECASE)
    order = " ORDER BY p.date IS NULL, p.date DESC, p.issue_id, a.ord"
    join = (" FROM grams JOIN articles a ON a.rowid = grams.rowid"
            " JOIN pages p ON p.id = a.page_id")
    where = " WHERE grams MATCH ?"
    # A query of one unbroken run of letters or digits matches its bigram phrase exactly when
    # it is a substring, so the index alone can count; otherwise every candidate is checked.
    exact = all(len(runs(w)) == 1 for w in words)
    if exact:
        total = conn.execute("SELECT count(*) FROM grams WHERE grams MATCH ?",
                             (match,)).fetchone()[0]
        top = [r[0] for r in conn.execute(f"SELECT a.rowid{join}{where}{order} LIMIT ?",
                                          (match, limit))]
        rows = [conn.execute("SELECT a.id, p.issue_id, a.title, p.paper, p.date, t.paragraphs"
                             " FROM articles a JOIN pages p ON p.id = a.page_id"
                             " JOIN texts t ON t.rowid = a.rowid"
                             " WHERE a.rowid = ?", (rowid,)).fetchone() for rowid in top]
    else:
        total = 0
        rows = conn.execute(
            f"SELECT a.id, p.issue_id, a.title, p.paper, p.date, t.paragraphs{join}"
            f" JOIN texts t ON t.rowid = a.rowid{where}{order}",
            (match,)).fetchall()
    hits: list[Hit] = []
    for art_id, issue_id, title, paper, date, paragraphs in rows:
        text = "\n".join(json.loads(paragraphs))
        found = list(pattern.finditer(text))
        if not found:
            continue  # the index is a filter: a phrase of bigrams may span two words' edges
        if not exact:
            total += 1
        if len(hits) < limit:
            first = found[0]
            sentence, mark = sentence_around(text, first.start(), first.end())
            hits.append(Hit(art_id, issue_id, title, paper, date, first.start(),
                            first.end() - first.start(), sentence, mark, len(found),
                            first.group(0)))
    return Results(label, tuple(words), total, tuple(hits))


_PINYIN = re.compile(r"^[a-zA-Zü:\u00c0-\u01dc\u0300-\u030c1-5' ]+$")


def is_pinyin(query: str) -> bool:
    """True when a query reads as pinyin (letters, tone marks or numbers, spaces)."""
    return bool(_PINYIN.match(query.strip())) and any(c.isalpha() for c in query)


def search(conn: sqlite3.Connection, query: str, limit: int = 50) -> Results:
    """Search the library: characters as typed; pinyin for the whole words it spells."""
    query = query.strip()
    if not is_pinyin(query):
        return search_words(conn, [query], limit)
    from reader.index.pinyin import words_for

    words = words_for(conn, query)
    return search_words(conn, [*words, query], limit, query=query)
