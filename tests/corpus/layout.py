"""Make printed-page text from known articles: columns of a given width, headlines placed."""

from __future__ import annotations

from dataclasses import dataclass

from reader.corpus.lines import cells


@dataclass
class Story:
    """An article to lay out."""

    title: str
    paragraphs: list[str]
    kicker: str | None = None
    dateline: str | None = None
    byline_after: str | None = None


NO_LINE_START = "，。、；：！？”’）》"


def wrap(paragraph: str, columns: int) -> list[str]:
    """Hard-wrap a paragraph into a column `columns` characters wide, first line indented.

    The indent itself is lost, as in the extracted pages, so the first line is shorter.
    Punctuation never starts a line (it hangs on the line before, as typesetters do).
    """
    limit = 2 * columns
    lines, cur, width = [], "", 0
    budget = limit - 4
    for ch in paragraph:
        w = cells(ch)
        if width + w > budget and cur and ch not in NO_LINE_START:
            lines.append(cur)
            cur, width, budget = "", 0, limit
        cur += ch
        width += w
    if cur:
        lines.append(cur)
    return lines


def page(stories: list[Story], columns: int, headlines: str = "before",
         blank_lines: bool = True) -> str:
    """Lay out stories in one column each; headlines `before` each body or `after` all."""
    out: list[str] = []
    trailing: list[str] = []
    for story in stories:
        heads = ([story.kicker] if story.kicker else []) + [story.title]
        if headlines == "before":
            out += heads
            if story.byline_after:
                out.append(story.byline_after)  # under the headline, as such pages print it
        else:
            trailing += heads
        for k, para in enumerate(story.paragraphs):
            text = para
            if k == 0 and story.dateline:
                text = story.dateline + para
            out += wrap(text, columns)
        if story.byline_after and headlines != "before":
            out.append(story.byline_after)
    out += trailing
    sep = "\n\n" if blank_lines else "\n"
    return sep.join(out) + "\n"


def spaced(text: str) -> str:
    """Letter-space a headline the way pages print decorative titles."""
    return " ".join(text)
