"""Photo captions: text before a credit, `图为…`, arrows, and captions set in their own width."""

from __future__ import annotations

from reader.corpus.lines import PHOTO_ARROWS, Line, han_count, is_credit
from reader.corpus.units import Unit

CAPTION_OPENERS = ("图为", "圖為", "图中", "圖中", "上图", "下图", "上圖", "下圖")
"""How a photo caption begins."""


def mark_captions(units: list[Unit]) -> list[Unit]:
    """Turn photo captions (text before a credit, `图为…`, arrows) into caption units."""
    out: list[Unit] = []
    for u in units:
        if u.kind == "credit":
            credit = [u]
            while out and out[-1].kind == "byline":
                credit.insert(0, out.pop())
            if out and out[-1].kind in ("para", "loose", "caption"):
                prev = out.pop()
                lines = _absorb_caption_lines(out, prev.lines)
                text = "".join(ln.text for ln in lines)
                text = text.lstrip(PHOTO_ARROWS) + " " + " ".join(c.text for c in credit)
                out.append(Unit("caption", lines, text))
                continue
            out.append(Unit("caption", u.lines, " ".join(c.text for c in credit)))
            continue
        if u.kind in ("para", "loose") and (
            u.text[:1] in PHOTO_ARROWS
            or (("图为" in u.text or "圖為" in u.text) and is_credit(u.text))
        ):
            lines = _absorb_caption_lines(out, u.lines)
            text = "".join(ln.text for ln in lines).lstrip(PHOTO_ARROWS)
            out.append(Unit("caption", lines, text))
            continue
        if u.kind in ("para", "loose") and u.text.startswith(CAPTION_OPENERS) and (
            han_count(u.text) <= 80
        ):
            out.append(Unit("caption", u.lines, u.text))
            continue
        if u.kind in ("para", "loose") and u.text.endswith(("提供)", "提供）")):
            out.append(Unit("caption", u.lines, u.text))
            continue
        out.append(u)
    # A one-line paragraph standing between two captions is a caption too.
    for i in range(1, len(out) - 1):
        u = out[i]
        if (
            u.kind == "para" and len(u.lines) == 1 and out[i - 1].kind == "caption"
            and out[i + 1].kind == "caption" and han_count(u.text) <= 60
        ):
            out[i] = Unit("caption", u.lines, u.text)
    return out


def _absorb_caption_lines(out: list[Unit], lines: list[Line]) -> list[Line]:
    """Pull the caption's earlier lines back out of `out`: adjacent lines of like width.

    A caption set in its own narrow or wide column was cut into headline-like pieces by
    the reflow; stop at anything that ends a paragraph or has another width.
    """
    lines = list(lines)
    ref = max(ln.width for ln in lines)
    while out and out[-1].kind in ("loose", "para", "caption"):
        prev = out[-1]
        if prev.kind == "caption" and is_credit(prev.text):
            break
        if prev.lines[-1].index != lines[0].index - 1:
            break
        if prev.kind == "para" and prev.term:
            break
        if any(abs(ln.width - ref) > max(8, ref // 4) for ln in prev.lines[:-1]):
            break
        if abs(prev.lines[-1].width - ref) > max(8, ref // 4) and prev.kind == "loose":
            break
        out.pop()
        lines = prev.lines + lines
    return lines
