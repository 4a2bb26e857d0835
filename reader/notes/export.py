"""Markdown export of highlights and notes: placed in today's text, rendered by a template."""

from __future__ import annotations

import copy
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.corpus.model import Article, Issue
from reader.errors import InputError
from reader.language.hsk import hsk_text
from reader.language.spelling import display_pinyin
from reader.notes.anchoring import place
from reader.notes.filenames import export_filename, write_export
from reader.notes.locations import format_location, paragraph_of
from reader.notes.markdown_text import blockquote, escape_inline, paragraphs
from reader.notes.model import COLORS, Highlight, SavedWord
from reader.notes.quote_pinyin import pinyin_line

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment

DEFAULT_TEMPLATE = Path(__file__).with_name("templates") / "notes.md.j2"
"""The template users can copy and pass back with `--template`."""


def _code(text: str) -> str:
    """Inline code that cannot be broken out of (backticks and line breaks removed)."""
    return "`" + " ".join(str(text).replace("`", "'").split()) + "`"


MAX_TEMPLATE_BYTES = 1 << 20
"""Largest template file read (the packaged one is under 2 KB)."""

MAX_TEMPLATE_STRING = 10_000_000
"""Longest string a template may build by repetition (`'x' * 10**8` is refused)."""


def environment() -> SandboxedEnvironment:
    """The Jinja2 environment: sandboxed and immutable, strict, with the Markdown filters."""
    # Jinja2 and PyYAML load on first export, not with every `reader` command.
    from jinja2 import StrictUndefined
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class _Environment(ImmutableSandboxedEnvironment):
        """Templates can neither change their data nor build huge strings."""

        intercepted_binops = frozenset({"*", "**"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "*" and isinstance(right, int) and isinstance(left, str | list):
                if len(left) * max(right, 0) > MAX_TEMPLATE_STRING:
                    raise SecurityError("the template builds a value that is too large")
            if operator == "*" and isinstance(left, int) and isinstance(right, str | list):
                return self.call_binop(context, operator, right, left)
            if operator == "**" and isinstance(right, int) and abs(right) > 10_000:
                raise SecurityError("the template computes a power that is too large")
            return super().call_binop(context, operator, left, right)

    env = _Environment(autoescape=False, undefined=StrictUndefined,
                       keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(md=escape_inline, md_block=paragraphs, blockquote=blockquote, code=_code)
    return env


def _word_index(words: Iterable[SavedWord]) -> dict[str, list[SavedWord]]:
    """Saved words by first character, longest first, to find them in quotes quickly."""
    index: dict[str, list[SavedWord]] = defaultdict(list)
    for w in words:
        if w.word:
            index[w.word[0]].append(w)
    for bucket in index.values():
        bucket.sort(key=lambda w: -len(w.word))
    return index


def _words_in(quote: str, index: dict[str, list[SavedWord]]) -> list[dict[str, Any]]:
    """The saved words that occur in `quote`, in order of first occurrence, each once."""
    seen: dict[str, dict[str, Any]] = {}
    for i, ch in enumerate(quote):
        for w in index.get(ch, ()):
            if w.word not in seen and quote.startswith(w.word, i):
                gloss = w.definition.split(";")[0].split("/")[0].strip()
                seen[w.word] = {"word": w.word, "pinyin": display_pinyin(w.word, w.pinyin),
                                "gloss": gloss,
                                "hsk": w.hsk, "hsk_text": hsk_text(w.hsk), "note": w.note}
    return list(seen.values())


def _issue_heading(issue: Issue) -> str:
    parts = [issue.paper_label, issue.date or "undated"]
    if issue.page:
        parts.append(f"page {issue.page}")
    if issue.section:
        parts.append(issue.section)
    return " · ".join(parts)


def _article_context(art: Article, issue: Issue) -> dict[str, Any]:
    return {"id": art.id, "title": art.title, "kicker": art.kicker, "subtitle": art.subtitle,
            "byline": art.byline, "dateline": art.dateline, "date": issue.date,
            "highlights": []}


def _highlight_context(h: Highlight, location: str | None, index: dict[str, list[SavedWord]],
                       pinyin: bool, method: str) -> dict[str, Any]:
    return {"id": h.id, "quote": h.quote, "note": h.note, "color": h.color,
            "created": h.created, "updated": h.updated, "location": location,
            "pinyin": pinyin_line(h.quote) if pinyin else None,
            "words": _words_in(h.quote, index), "placed_by": method,
            "article_id": h.article_id, "issue_id": h.issue_id}


def build_context(
    highlights: list[Highlight], words: list[SavedWord], library: list[Issue], *,
    pinyin: bool = False, title: str | None = None, exported: str | None = None,
) -> dict[str, Any]:
    """Everything a template sees: issues > articles > highlights in reading order, orphans."""
    index = _word_index(words)
    by_issue: dict[str, list[Highlight]] = defaultdict(list)
    for h in highlights:
        by_issue[h.issue_id].append(h)
    issues_out, orphans = [], []
    known = {i.id for i in library}
    for issue in library:
        hs = by_issue.get(issue.id)
        if not hs:
            continue
        texts = {a.id: a.text for a in issue.articles}
        placed: dict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
        for h in hs:
            own = issue.article(h.article_id)
            p = place(h, own.text if own else "", texts, article_id=h.article_id)
            if p.orphan or p.article_id is None:
                orphans.append(_highlight_context(h, None, index, pinyin, "orphan"))
                continue
            art = issue.article(p.article_id)
            assert art is not None
            loc = format_location(art.id, paragraph_of(art.paragraph_starts(), p.start))
            placed[art.id].append((p.start, _highlight_context(h, loc, index, pinyin,
                                                               p.method)))
        articles_out = []
        for art in issue.articles:
            if art.id in placed:
                ctx = _article_context(art, issue)
                ctx["highlights"] = [c for _, c in sorted(placed[art.id], key=lambda x: x[0])]
                articles_out.append(ctx)
        if articles_out:
            issues_out.append({"id": issue.id, "paper": issue.paper, "date": issue.date,
                               "page": issue.page, "section": issue.section,
                               "heading": _issue_heading(issue), "articles": articles_out})
    for issue_id, hs in by_issue.items():
        if issue_id not in known:
            orphans += [_highlight_context(h, None, index, pinyin, "orphan") for h in hs]
    orphans.sort(key=lambda c: (c["issue_id"], c["article_id"], c["created"]))
    return _finish(issues_out, orphans, title, exported)


def _finish(issues: list[dict[str, Any]], orphans: list[dict[str, Any]], title: str | None,
            exported: str | None) -> dict[str, Any]:
    """Add counts, the title and the YAML front matter."""
    placed = [h for i in issues for a in i["articles"] for h in a["highlights"]]
    every = placed + orphans
    counts = {
        "issues": len(issues),
        "articles": sum(len(i["articles"]) for i in issues),
        "highlights": len(every),
        "notes": sum(1 for h in every if h["note"]),
        "orphans": len(orphans),
        "saved_words": len({w["word"] for h in every for w in h["words"]}),
    }
    exported = exported or datetime.now().astimezone().isoformat(timespec="seconds")
    if title is None:
        only = issues[0]["articles"][0] if counts["articles"] == 1 else None
        title = only["title"] if only else "Notes from Dubao"
    meta: dict[str, Any] = {"title": title}
    if len(issues) == 1:
        one = issues[0]
        meta.update(paper=one["paper"], issue_date=one["date"], page=one["page"])
    # Colours carry the reader's own meaning (vocabulary, key fact, ...): keep them, in the
    # order the app offers them.
    used = Counter(h["color"] for h in every)
    colors = {c: used[c] for c in (*COLORS, *sorted(set(used) - set(COLORS))) if used[c]}
    meta.update(exported=exported, counts=counts, colors=colors)
    import yaml

    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=False)
    return {"title": title, "exported": exported, "counts": counts, "issues": issues,
            "orphans": orphans, "front_matter": front, "meta": meta}


def render(context: dict[str, Any], template_text: str | None = None) -> str:
    """Render the context with a template (default: the packaged one)."""
    from jinja2 import TemplateError

    env = environment()
    source = template_text if template_text is not None else DEFAULT_TEMPLATE.read_text(
        encoding="utf-8")
    try:
        # A user's template gets a copy: even one that got round the sandbox cannot change the
        # caller's data. Ours changes nothing, and copying 10,000 highlights costs a third of
        # the export.
        data = context if template_text is None else copy.deepcopy(context)
        out = env.from_string(source).render(**data)
    except TemplateError as exc:
        line = getattr(exc, "lineno", None)
        where = f" (line {line})" if line else ""
        raise InputError(f"the template cannot be used{where}: {exc.message or exc}") from None
    except Exception as exc:  # noqa: BLE001 - a user template can fail in any way
        problem = f"{type(exc).__name__}: {exc}"
        raise InputError(f"the template failed while rendering: {problem}") from None
    # Templates stay readable with generous blank lines; Markdown needs at most one.
    return re.sub(r"\n{3,}", "\n\n", out).strip("\n") + "\n"


def load_template(path: Path) -> str:
    """Read a user template file (InputError when unreadable)."""
    from reader.corpus.decode import read_input_file

    try:
        data = read_input_file(path, MAX_TEMPLATE_BYTES)  # a FIFO or device: refused at once
        return data.decode("utf-8")
    except InputError as exc:
        raise InputError(f"cannot read template {exc}") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot read template {path}: {exc}") from None


def export_markdown(
    highlights: list[Highlight], words: list[SavedWord], library: list[Issue], *,
    pinyin: bool = False, template_text: str | None = None, exported: str | None = None,
) -> str:
    """The Markdown export of these highlights (one call: context, then template)."""
    context = build_context(highlights, words, library, pinyin=pinyin, exported=exported)
    return render(context, template_text)


def export_to_directory(
    directory: Path, highlights: list[Highlight], words: list[SavedWord], library: list[Issue],
    *, overwrite: bool = False, pinyin: bool = False, filename: str | None = None,
) -> Path:
    """Write the export into `directory` under a safe name from paper, date and title.

    Raises ExportExistsError (with `.path`) when that file exists and `overwrite` is False,
    so the UI can ask and call again with `overwrite=True` (or pick `free_name`).
    """
    context = build_context(highlights, words, library, pinyin=pinyin)
    meta = context["meta"]
    name = filename or export_filename(meta.get("paper"), meta.get("issue_date"), meta["title"])
    return write_export(directory, name, render(context), overwrite=overwrite)


def suggested_filename(highlights: list[Highlight], library: list[Issue]) -> str:
    """The file name `export_to_directory` would use (for a save dialog)."""
    meta = build_context(highlights, [], library)["meta"]
    return export_filename(meta.get("paper"), meta.get("issue_date"), meta["title"])
