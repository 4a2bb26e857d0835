"""Numbers with measure words (`120件`, `1.7万余户`, `亿元`) explained as such."""

from __future__ import annotations

import re
from collections.abc import Callable

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
           "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_MAGNITUDES = {"万": 10_000, "亿": 100_000_000}
_APPROX = {"余": "more than", "多": "more than", "几": "several", "近": "nearly"}

_QUANTITY = re.compile(
    r"^(?P<ord>第)?(?P<num>[0-9０-９]+(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千]+)?"
    r"(?P<approx1>[余多几])?(?P<mag>[万亿]{1,2})?(?P<approx2>[余多])?(?P<unit>.{0,2})$"
)


def chinese_number(text: str) -> int | None:
    """Value of a numeral written in characters (`三`, `十五`, `一百二十`), None if it is not."""
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = current * 10 + _DIGITS[ch] if current and text[0] not in _UNITS else \
                _DIGITS[ch]
        elif ch in _UNITS:
            total += (current or 1) * _UNITS[ch]
            current = 0
        else:
            return None
    return total + current


def _format(value: float) -> str:
    """`17000.0` -> `17,000`; keeps decimals that matter (`1.5`)."""
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")


def explain_quantity(word: str, gloss: Callable[[str], str | None]) -> str | None:
    """One-line explanation of a number with a measure word, or None if `word` is not one.

    `gloss(unit)` returns a short gloss of the measure word or noun after the number (None
    when unknown, which means `word` is not a quantity).
    """
    m = _QUANTITY.match(word)
    if not m:
        return None
    num, mag, unit = m.group("num"), m.group("mag") or "", m.group("unit")
    approx = m.group("approx1") or m.group("approx2")
    if not (num or mag or approx) or (not unit and not mag):
        return None
    value: float | None = None
    if num:
        ascii_num = num.translate(str.maketrans("０１２３４５６７８９．", "0123456789."))
        value = float(ascii_num) if ascii_num[0].isdigit() else chinese_number(num)
        if value is None:
            return None
    factor = 1
    for ch in mag:
        factor *= _MAGNITUDES[ch]
    parts = [_APPROX[approx]] if approx else []
    if value is not None:
        parts.append(("ordinal " if m.group("ord") else "") + _format(value * factor))
    elif mag:
        parts.append(f"×{factor:,} ({mag})")
    else:
        parts.append("(a number)")
    text = " ".join(parts)
    if unit:
        unit_gloss = gloss(unit)
        if unit_gloss is None:
            return None
        text += f" + {unit} ({unit_gloss})"
    return f"number with measure word: {text}"
