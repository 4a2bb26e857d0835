"""`lookup(word)`: entries from user > news > CC-CEDICT, else a breakdown, name or quantity."""

from __future__ import annotations

import re
import sys

from reader.language import user_terms
from reader.language.cedict import RawEntry, load_index
from reader.language.glossary import news_entries
from reader.language.hsk import hsk_level
from reader.language.model import Component, Entry, LookupResult
from reader.language.names import NAME_TAGS, cedict_person, looks_like_name
from reader.language.quantities import explain_quantity
from reader.language.readings import word_reading
from reader.language.spelling import join_syllables, written_pinyin
from reader.language.tones import is_han, numbers_to_marks
from reader.language.words import split_known

_CLASSIFIER = re.compile(r"([^\s,\[|]+\|)?([^\s,\[|]+)\[([^\]]+)\]")
_REFERENCE = re.compile(
    r"^(?:see also|see|(?:old |archaic |ancient |Japanese )?variant of|abbr\. for|"
    r"erhua variant of|same as)\s+(?:[^\s\[|]+\|)?([^\s\[|,;]+)(?:\[([^\]]+)\])?")
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUNS = re.compile(f"[{_HAN}]+|[^{_HAN}]+")
_GLOSS_DEFS = 3
"""How many definitions of a cross-reference target are shown."""


def entry_pinyin(numbers: str, word: str = "", person: bool = False) -> str:
    """CC-CEDICT tone numbers as one GB/T 16159 word, keeping proper nouns' capital (`Chángchūn`);
    a `person`'s name splits surname and given name (`Xí Jìnpíng`)."""
    marks = [numbers_to_marks(part.replace("u:", "ü")) for part in numbers.split()]
    word = word if len(word) == len(marks) else " " * len(marks)
    return written_pinyin(word, marks, "nr" if person else "", proper=numbers[:1].isupper())


def _classifiers(definition: str) -> tuple[str, ...]:
    """`CL:個|个[ge4],位[wei4]` -> (`个 gè`, `位 wèi`)."""
    return tuple(f"{simp} {entry_pinyin(py)}"
                 for _trad, simp, py in _CLASSIFIER.findall(definition[3:]))


def _gloss_of(target: str, numbers: str | None) -> str:
    """`target: first definitions`, preferring the entry with the referenced reading."""
    entries = load_index().entries(target)
    if numbers:
        wanted = numbers.replace(" ", "")
        # Exact case first: `qian2` means the common word, `Qian2` the surname.
        entries = ([e for e in entries if e.pinyin.replace(" ", "") == wanted]
                   or [e for e in entries if e.pinyin.replace(" ", "").lower() == wanted.lower()]
                   or entries)
    for e in entries:
        defs = [d for d in e.definitions if not _REFERENCE.match(d) and not d.startswith("CL:")]
        if defs:
            return f"{target} {entry_pinyin(e.pinyin)}: {'; '.join(defs[:_GLOSS_DEFS])}"
    return target


def cedict_entry(raw: RawEntry) -> Entry:
    """A CC-CEDICT entry with classifiers and cross-references resolved."""
    definitions: list[str] = []
    classifiers: tuple[str, ...] = ()
    see_also: list[str] = []
    for d in raw.definitions:
        if d.startswith("CL:"):
            classifiers += _classifiers(d)
            continue
        definitions.append(d)
        ref = _REFERENCE.match(d)
        if ref:
            see_also.append(_gloss_of(ref.group(1), ref.group(2)))
    person = cedict_person(raw.pinyin)
    return Entry("cedict", raw.simplified, raw.traditional,
                 entry_pinyin(raw.pinyin, raw.simplified, person),
                 tuple(definitions), classifiers=classifiers, see_also=tuple(see_also))


def entries_for(word: str) -> tuple[Entry, ...]:
    """Every entry for `word`, user terms first, then the news glossary, then CC-CEDICT."""
    out: list[Entry] = []
    user = user_terms.user_entry(word)
    if user is not None:
        out.append(user)
    news = news_entries().get(word)
    if news is not None:
        out.append(news)
    out.extend(cedict_entry(raw) for raw in load_index().entries(word))
    return tuple(out)


def senses(word: str, reading: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Every definition of `word`, most helpful first: the entries whose reading matches
    `reading` (tone numbers), common-word senses before proper nouns', and cross-references
    (variants, "see …", "used in …", abbreviations, surnames) after the real meanings."""
    entries = entries_for(word)
    if reading and all(reading):
        wanted = join_syllables(numbers_to_marks(r) for r in reading)
        matching = [e for e in entries if e.pinyin.lower() == wanted]
        entries = tuple(matching) or entries
    defs: list[tuple[bool, str]] = []
    for e in entries:
        # Senses of a proper-noun entry (黑 Hēi "abbr. for Heilongjiang") come after the
        # common word's own senses (黑 hēi "black").
        proper = e.source == "cedict" and e.pinyin[:1].isupper()
        for d in e.definitions:
            if all(d != seen for _, seen in defs):
                defs.append((proper, d))
    # Surnames, variants and abbreviations are rarely what a reader needs first.
    defs.sort(key=lambda pd: (bool(_MINOR.match(pd[1])), pd[0]))
    return tuple(d for _, d in defs)


def _short_gloss(word: str, reading: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The first definitions of a known word, from the entries whose reading matches."""
    return senses(word, reading)[:6]


_MINOR = re.compile(r"(?:surname |(?:[\w-]+ )?variant of|abbr\. for|see |used in |same as )",
                    re.IGNORECASE)
"""A sense that points elsewhere rather than giving a meaning."""


def _abb(word: str) -> bool:
    """True for an ABB adjective (黑漆漆, 绿油油, 亮晶晶): a word and a repeated syllable."""
    return len(word) == 3 and word[1] == word[2] and word[0] != word[1] and \
        all(is_han(ch) for ch in word)


def components_of(word: str) -> tuple[Component, ...]:
    """The longest known sub-words and characters of `word`, each with its gloss."""
    reading = word_reading(word)
    if _abb(word):
        first = Component(word[0], numbers_to_marks(reading[0]),
                          _short_gloss(word[0], reading[:1]))
        hint = (f"ABB reduplication: the repeated {word[1]} makes {word[0]} vivid, "
                f"\"very {word[0]}\" ({word[1]}: "
                + "; ".join(_short_gloss(word[1], reading[1:2])[:2]) + ")")
        return (first, Component(word[1:], join_syllables(numbers_to_marks(r) for r in
                                                           reading[1:]), (hint,)))
    parts: list[str] = []
    for run in _RUNS.findall(word):
        parts.extend((split_known(run, singles=True) or [run]) if is_han(run[0]) else [run])
    out = []
    start = 0
    for part in parts:
        span = reading[start:start + len(part)]
        start += len(part)
        pinyin = join_syllables(numbers_to_marks(r) for r in span if r)
        out.append(Component(part, pinyin, _short_gloss(part, span)))
    return tuple(out)


def _unit_gloss(unit: str) -> str | None:
    """A short gloss of the measure word after a number, preferring its classifier sense."""
    defs = [d for e in load_index().entries(unit) for d in e.definitions]
    if not defs:
        return None
    for d in defs:
        if d.startswith("classifier for") or d.startswith("measure word"):
            return d
    return defs[0]


def _tagged_name(word: str) -> bool | None:
    """Whether jieba's dictionary tags `word` as a name; None when it has no tag for it or
    jieba is not loaded (lookup never loads jieba just for this)."""
    posseg = sys.modules.get("jieba.posseg")
    tag = posseg.dt.word_tag_tab.get(word) if posseg is not None else None
    return None if tag is None else tag in NAME_TAGS


def is_name(word: str, entries: tuple[Entry, ...], tagged: bool | None) -> bool:
    """Whether `word` is a person's name (`tagged`: jieba's tag says so; None: no tag known).

    jieba's dictionary tags many ordinary words and places `nr` (文明, 延吉), so a tag counts only
    with CC-CEDICT's reading of a person's name (`Xi2 Jin4 ping2`, see `names.checked_tag`) or,
    for unknown words, a surname-first shape.
    """
    if len(word) < 2:
        return False
    if entries:
        return bool(tagged) and any(cedict_person(e.pinyin) for e in load_index().entries(word))
    return tagged is not False and looks_like_name(word)


def lookup(word: str, pos: str | None = None) -> LookupResult:
    """Everything known about `word`; `pos` is the token's jieba tag when looked up in text."""
    word = word.strip()
    reading = word_reading(word)
    entries = entries_for(word)
    tagged: bool | None = (pos in NAME_TAGS if pos else None) if pos is not None \
        else _tagged_name(word)
    name = is_name(word, entries, tagged)
    proper = any(e.source == "cedict" and e.pinyin[:1].isupper() for e in entries) and \
        not any(e.source == "cedict" and e.pinyin[:1].islower() for e in entries)
    marks = [numbers_to_marks(r) for r in reading]
    shown_pos = "nr" if name else ("" if pos in NAME_TAGS else pos or "")
    pinyin = written_pinyin(word, marks, shown_pos, proper) \
        if all(marks) else " ".join(m for m in marks if m)
    number = None if entries else explain_quantity(word, _unit_gloss)
    components = () if entries or len(word) < 2 or not _RUNS.match(word) or \
        not any(is_han(ch) for ch in word) else components_of(word)
    if components and not name and not _abb(word) and all(c.pinyin for c in components):
        pinyin = " ".join(c.pinyin for c in components)  # a phrase: one word per part
    notes: tuple[str, ...] = ()
    if name and not entries:
        notes = ("probably a person's name",)
    return LookupResult(word, pinyin, hsk_level(word), entries, components, name, number, notes)


def is_explained(result: LookupResult) -> bool:
    """True when a result explains its word: an entry, a name, a quantity or a full breakdown."""
    if result.entries or result.name or result.number:
        return True
    return bool(result.components) and all(c.definitions or not is_han(c.text[0])
                                           for c in result.components)
