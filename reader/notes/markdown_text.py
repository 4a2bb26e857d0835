"""Markdown escaping: user and newspaper text always renders as the literal text it is."""

from __future__ import annotations

import re
import unicodedata

_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
"""Characters that start inline syntax anywhere: code, emphasis, links, HTML, tables,
strike-through, entities. Escaping `[` and `<` also defuses `[x](javascript:…)` and
`<script>`, since no link or tag can open."""
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
_BLOCK_START = "#>+-=:"
"""Characters that open a block (heading, quote, list, setext rule, definition) at line start."""


def _strip_controls(text: str) -> str:
    """Drop control characters (keep tab and newline) and normalise line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        ch for ch in text
        if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf") or ch == "\u200d"
    )


def escape_line(line: str) -> str:
    """Escape one line so that it is plain paragraph text."""
    # Leading blanks would make an indented code block, trailing ones a hard break.
    line = line.strip(" \t")
    line = _INLINE.sub(r"\\\1", line)
    m = _ORDERED.match(line)
    if m:
        return f"{m.group(1)}\\{m.group(2)}{line[m.end():]}"
    if line[:1] in _BLOCK_START and line:
        return "\\" + line
    return line


def escape_markdown(text: str) -> str:
    """Escape text (possibly several lines) for use as Markdown paragraph content."""
    return "\n".join(escape_line(line) for line in _strip_controls(text).split("\n"))


def escape_inline(text: str) -> str:
    """Escape text that must stay on one line (headings, list items, table-free labels)."""
    return escape_line(" ".join(_strip_controls(text).split()))


def blockquote(text: str) -> str:
    """The escaped text as a Markdown blockquote, one `> ` per line (`>` for blank lines)."""
    lines = escape_markdown(text).split("\n")
    return "\n".join(f"> {line}" if line else ">" for line in lines)


def paragraphs(text: str) -> str:
    """Escaped multi-line user text where each line break stays a line break."""
    lines = escape_markdown(text).split("\n")
    # A trailing backslash is CommonMark's hard line break; blank lines stay paragraph breaks.
    out = []
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        out.append(line + "\\" if line and nxt else line)
    return "\n".join(out)
