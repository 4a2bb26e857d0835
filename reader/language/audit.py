"""Corpus audits: dictionary coverage of the tokens, and pinyin disagreements with CC-CEDICT."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reader.language.cedict import load_index
from reader.language.lookup import is_explained, lookup
from reader.language.readings import pypinyin_reading, word_reading
from reader.language.tones import ALL_HAN, HAN, normalize_numbers


def corpus_texts(home: Path) -> list[str]:
    """The article texts of the library (bundled seeds plus imported issues)."""
    from reader.corpus.library import load_library

    return [a.text for issue in load_library(home) for a in issue.articles]


@dataclass
class Coverage:
    """How well the distinct Han tokens of some texts are explained."""

    distinct: int = 0
    with_entry: int = 0
    """Tokens with a whole-word entry from any source (user, news glossary, CC-CEDICT)."""
    with_cedict: int = 0
    explained: int = 0
    """Tokens with an entry, a complete breakdown, a name label or a quantity explanation."""
    unexplained: list[str] = field(default_factory=list)
    without_entry: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        """Counts, shares and the words that miss out."""
        def share(n: int) -> float:
            return round(n / self.distinct, 4) if self.distinct else 0.0

        return {"distinct_han_tokens": self.distinct, "with_entry": self.with_entry,
                "with_entry_share": share(self.with_entry), "with_cedict": self.with_cedict,
                "with_cedict_share": share(self.with_cedict), "explained": self.explained,
                "explained_share": share(self.explained), "unexplained": self.unexplained,
                "without_entry": self.without_entry}


def coverage(texts: list[str], bare_jieba: bool = False) -> Coverage:
    """Coverage of the distinct Han tokens of `texts` by our tokenize (or bare jieba.lcut)."""
    from reader.language import tokenize, warm_up

    tokens: dict[str, str | None] = {}
    if bare_jieba:
        import jieba

        warm_up()  # bare jieba, but with the glossary words it is given in the app
        for text in texts:
            for word in jieba.lcut(text):
                if HAN.search(word):
                    tokens.setdefault(word, None)
    else:
        for text in texts:
            for tok in tokenize(text):
                if tok.is_han:
                    tokens.setdefault(tok.text, tok.pos)
    cov = Coverage(distinct=len(tokens))
    index = load_index()
    for word, pos in sorted(tokens.items()):
        result = lookup(word, pos=pos)
        if result.entries:
            cov.with_entry += 1
        else:
            cov.without_entry.append(word)
        if word in index:
            cov.with_cedict += 1
        if is_explained(result):
            cov.explained += 1
        else:
            cov.unexplained.append(word)
    return cov


@dataclass(frozen=True)
class Disagreement:
    """A corpus word whose pypinyin reading is none of CC-CEDICT's readings."""

    word: str
    pypinyin: str
    cedict: tuple[str, ...]
    ours: str

    @property
    def fixed(self) -> bool:
        """True when our reading is one of CC-CEDICT's."""
        return self.ours in self.cedict

    def to_json(self) -> dict[str, object]:
        """The JSON shape of one disagreement."""
        return {"word": self.word, "pypinyin": self.pypinyin, "cedict": list(self.cedict),
                "ours": self.ours, "ours_matches_cedict": self.fixed}


def pinyin_disagreements(texts: list[str]) -> tuple[int, list[Disagreement]]:
    """Every multi-character all-Han jieba token CC-CEDICT knows, checked against pypinyin.

    Returns the number of such words and those where pypinyin (fed the token) disagrees with
    every CC-CEDICT reading, with our reading beside it.
    """
    import jieba

    from reader.language import warm_up

    warm_up()
    index = load_index()
    words = sorted({w for text in texts for w in jieba.lcut(text)
                    if len(w) > 1 and ALL_HAN.fullmatch(w) and w in index})
    out = []
    for word in words:
        cedict = tuple(" ".join(normalize_numbers(s) for s in r.split())
                       for r in index.readings(word))
        theirs = pypinyin_reading(word)
        if theirs not in cedict:
            out.append(Disagreement(word, theirs, cedict, " ".join(word_reading(word))))
    return len(words), out
