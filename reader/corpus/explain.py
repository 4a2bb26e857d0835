"""Why a page split the way it did: per block, what the parser took it for and the cues."""

from __future__ import annotations

from pathlib import Path

from reader.corpus.assemble import assemble
from reader.corpus.blocks import build_units
from reader.corpus.decode import read_issue_text
from reader.corpus.lines import read_lines
from reader.errors import InputError

MAX_BYTES = 8_000_000

_KIND = {
    "para": "body text",
    "loose": "headline-like line",
    "byline": "byline",
    "credit": "photo credit",
    "caption": "photo caption",
    "continued": "continuation marker",
    "masthead": "masthead",
    "pagenote": "page note",
    "signoff": "sign-off",
}
_WHY = {
    "byline": "a reporter's name after 记者/通讯员",
    "credit": "ends with 摄",
    "caption": "图为…, a photo credit or an arrow",
    "continued": "（上接/下转第…版）",
    "masthead": "paper name, printed date or page number",
    "pagenote": "（本版图片…）",
    "signoff": "a name in brackets after a sentence end",
}


def explain(text: str) -> list[tuple[int, str, str, tuple[str, ...]]]:
    """(first page line, block text, what it was taken for, cues) for every block of a page."""
    lines = read_lines(text)
    units = build_units(lines)
    assembly = assemble(units)
    heads = {
        pos: n for n, d in enumerate((d for d in assembly.drafts if d.paragraphs), start=1)
        for pos, _, _ in d.head_lines
    }
    notes: dict[int, list[tuple[str, tuple[str, ...]]]] = {}
    for k, role, cues in assembly.notes:
        notes.setdefault(k, []).append((role, cues))
    out = []
    for k, u in enumerate(units):
        first = u.lines[0].index + 1 if u.lines else 0
        role = _KIND.get(u.kind, u.kind)
        cues: tuple[str, ...] = (_WHY[u.kind],) if u.kind in _WHY else ()
        if u.kind == "loose":
            shape = []
            ln = u.lines[0]
            if ln.vertical:
                shape.append("vertical")
            if ln.spaced:
                shape.append("letter-spaced")
            shape.append("no sentence punctuation at the end" if not ln.term else "short")
            cues = (", ".join(shape),)
        if u.kind == "loose" and u.lines:
            n = heads.get(u.lines[0].index)
            cues += (
                (f"matched by its words and place to article {n}",) if n
                else ("left to the page: no body claims it",)
            )
        if u.kind == "para" and u.lines and u.lines[0].gap_before:
            cues += ("a blank line before it",)
        for role2, cues2 in notes.get(k, []):
            role = f"{role}: {role2}"
            cues += cues2
        out.append((first, u.text, role, cues))
    return out


def format_explain(text: str, width: int = 24) -> str:
    """The explanation as plain text lines, one block a line, its cues indented below."""
    rows = []
    for first, block, role, cues in explain(text):
        shown = block if len(block) <= width else block[: width - 1] + "…"
        rows.append(f"{first:>4}  {role}  {shown}")
        rows += [f"        - {c}" for c in cues]
    return "\n".join(rows)


def read_page(path: Path) -> str:
    """The decoded, sanitised text of one page file (InputError when it cannot be read)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"{path}: the file is too large")
        return read_issue_text(path.read_bytes(), str(path))
    except IsADirectoryError as exc:
        raise InputError(f"{path}: is a folder, not a file") from exc
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except PermissionError as exc:
        raise InputError(f"{path}: permission denied") from exc


def explain_json(text: str) -> list[dict[str, object]]:
    """The explanation as JSON rows: line, text, role, cues."""
    return [
        {"line": first, "text": block, "role": role, "cues": list(cues)}
        for first, block, role, cues in explain(text)
    ]
