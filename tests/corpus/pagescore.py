"""Scores of the parser on generated pages: exact bodies, titles and paragraph counts.

Run `python tests/corpus/pagescore.py [PAGES] [SEED] [held-out]` for the table per feature.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from pagegen import FEATURES, HAN_RE, Truth, pages  # noqa: E402

from reader.corpus.model import Issue  # noqa: E402
from reader.corpus.parse import parse_issue  # noqa: E402


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def score(issue: Issue, truth: Truth) -> tuple[int, int, int, int]:
    """(bodies, titles, paragraph counts) exactly right, and the number of stories."""
    arts = [a for a in issue.articles if a.kind == "article"]
    bodies = titles = paras = 0
    for s, title in zip(truth.stories, truth.titles, strict=True):
        head = s.paragraphs[0][:12]
        found = [a for a in arts if a.paragraphs and head in "".join(a.paragraphs)[:200]]
        if not found:
            continue
        a = found[0]
        want = list(s.paragraphs)
        got = list(a.paragraphs)
        bodies += _norm("".join(got)) == _norm("".join(want)) or got == want
        titles += not a.title_derived and _norm(a.title) == _norm(title)
        paras += len(got) == len(want)
    return bodies, titles, paras, len(truth.stories)


def han_found(issue: Issue) -> Counter:
    """Han characters of everything the parser kept: articles and furniture."""
    found: list[str] = list(issue.furniture)
    for a in issue.articles:
        found += [a.kicker or "", "" if a.title_derived else a.title, a.subtitle or ""]
        found += [a.byline or "", a.dateline or "", a.continued_from or ""]
        found += [*a.paragraphs, *a.captions]
    return Counter(HAN_RE.findall("".join(found)))


def han_of(text: str) -> Counter:
    """Han characters of a text."""
    return Counter(HAN_RE.findall(text))


def table(
    n: int = 6, seed: int = 12, held_out: bool = False
) -> list[tuple[str, list[tuple[int, int, int, int]]]]:
    """Scores per feature for (simplified, traditional) x (no datelines, datelines)."""
    rows = []
    for layout in FEATURES:
        cells_ = []
        for trad in (False, True):
            for datelines in (False, True):
                tot = [0, 0, 0, 0]
                for text, truth in pages(layout, trad, datelines, n=n, seed=seed,
                                         held_out=held_out):
                    issue = parse_issue(text, issue_id="gen")
                    for i, v in enumerate(score(issue, truth)):
                        tot[i] += v
                cells_.append(tuple(tot))
        rows.append((layout.name, cells_))
    return rows


def print_table(n: int = 6, seed: int = 12, held_out: bool = False) -> None:
    """Print the score table: % bodies/titles/paragraph counts exactly right."""
    head = ["simp", "simp+dl", "trad", "trad+dl"]
    print(f"{'feature':26}" + "".join(f"{h:>16}" for h in head))
    totals = [[0, 0, 0, 0] for _ in head]
    for name, row in table(n, seed, held_out):
        out = f"{name:26}"
        for k, (b, t, p, m) in enumerate(row):
            out += f"{100*b//m:>6}{100*t//m:>5}{100*p//m:>5}"
            for i, v in enumerate((b, t, p, m)):
                totals[k][i] += v
        print(out)
    out = f"{'ALL':26}"
    for b, t, p, m in totals:
        out += f"{100*b//m:>6}{100*t//m:>5}{100*p//m:>5}"
    print(out)
    print("(each cell: % bodies, titles, paragraph counts exactly right)")


if __name__ == "__main__":
    print_table(int(sys.argv[1]) if len(sys.argv) > 1 else 6,
                int(sys.argv[2]) if len(sys.argv) > 2 else 12,
                "held-out" in sys.argv)
