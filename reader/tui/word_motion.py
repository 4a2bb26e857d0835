"""Where the word cursor goes: by word, by line, by screen (pure functions over a layout)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from reader.tui.article_layout import ArticleLayout, is_word


def words(layout: ArticleLayout) -> list[int]:
    """Indexes of the tokens the cursor can stop on, in reading order."""
    return [i for i in layout.words if i in layout.token_lines]


def step_word(layout: ArticleLayout, token: int | None, step: int) -> int | None:
    """The word `step` words after (or before, when negative) `token`."""
    if token is not None and step != 0:
        return _step_near(layout, token, step)
    stops = words(layout)
    if not stops:
        return None
    if token is None:
        return stops[0] if step >= 0 else stops[-1]
    after = [i for i in stops if i > token]
    before = [i for i in stops if i < token]
    if step > 0:
        return after[min(step, len(after)) - 1] if after else token
    return before[max(step, -len(before))] if before else token


def _step_near(layout: ArticleLayout, token: int, step: int) -> int:
    """`step_word` from a word, looking only at the words near it (a bisection, then a walk):
    a big page has 300,000 words, too many to list on every key."""
    stops, placed = layout.words, layout.token_lines
    found = token
    if step > 0:
        k, left = bisect_right(stops, token), step
        while k < len(stops) and left:
            if stops[k] in placed:
                found, left = stops[k], left - 1
            k += 1
    else:
        k, left = bisect_left(stops, token) - 1, -step
        while k >= 0 and left:
            if stops[k] in placed:
                found, left = stops[k], left - 1
            k -= 1
    return found


def step_line(layout: ArticleLayout, token: int | None, lines: int) -> int | None:
    """The word nearest the cursor's column `lines` body lines below (or above)."""
    if token is None:
        return step_word(layout, None, lines)
    rows = layout.token_lines.get(token)
    if not rows:
        return token
    y = rows[0]
    line = layout.lines[y]
    span = next(s for s in line.spans if s.token == token)
    column = span.x + span.width // 2
    body = layout.body_lines()
    here = bisect_left(body, y)
    target = min(max(here + lines, 0), len(body) - 1)
    if target == here:
        return token
    candidates = [s for s in layout.lines[body[target]].spans if is_word(layout.tokens[s.token])]
    if not candidates:
        # A line of punctuation only: keep going in the same direction.
        return step_line(layout, token, lines + (1 if lines > 0 else -1)) if 0 < target < len(
            body
        ) - 1 else token
    best = min(candidates, key=lambda s: abs(s.x + s.width // 2 - column))
    return best.token


def first_word_on_or_after(layout: ArticleLayout, y: int) -> int | None:
    """The first word drawn on line `y` or below it."""
    for line in layout.lines[max(y, 0) :]:
        for span in line.spans if line.kind == "body" else ():
            if is_word(layout.tokens[span.token]):
                return span.token
    return None
