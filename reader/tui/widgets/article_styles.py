"""The article view's look: its component classes, highlight colours, and strip styles read once."""

from __future__ import annotations

from rich.style import Style
from textual.widget import Widget

from reader.reading.colours import HIGHLIGHT_HEX
from reader.tui.widgets.article_strips import StripStyles
from reader.tui.widgets.status_marks import STATUS_STYLES

HIGHLIGHT_STYLES = tuple(f"hl-{name}" for name in HIGHLIGHT_HEX)
"""Mark styles of the highlight colours (`hl-` + the store's colour name)."""
MARK_STYLES = ("match", "match-current", "selection", "note", "note-popup", *HIGHLIGHT_STYLES)
"""Component classes (without the `article-view--` prefix) drawn as marks."""
DECOR_STYLES = ("source", "kicker", "title", "subtitle", "byline", "rule", "caption")
"""Component classes of the headline block and captions."""
COMPONENTS = ("shade", "hover", "cursor", "ruby", "popup", *DECOR_STYLES, *MARK_STYLES,
              *STATUS_STYLES.values())
"""Every component class of the view, without the prefix."""

HIGHLIGHT_CSS = "\n".join(
    f"    & > .article-view--hl-{name} {{ background: {hex_} 38%; }}"
    for name, hex_ in HIGHLIGHT_HEX.items()
)
"""The highlight colours as CSS rules (from the one table of colours)."""


def read_strip_styles(widget: Widget) -> StripStyles:
    """The strip styles from the widget's component classes (translucent colours blended)."""
    base_bg = widget.background_colors[1]

    def get(name: str) -> Style:
        styles = widget.get_component_styles(f"article-view--{name}")
        bg = base_bg + styles.background if styles.has_rule("background") else None
        color = None
        if styles.has_rule("color"):
            under = bg or base_bg
            # `auto` colours (as $foreground-muted is) mean "contrast with what is under".
            color = (under.get_contrast_text(styles.color.a) if styles.color.auto
                     else under + styles.color)
        return Style.combine([
            Style(
                bgcolor=bg.rich_color if bg is not None else None,
                color=color.rich_color if color is not None else None,
            ),
            styles.text_style if styles.has_rule("text_style") else Style(),
        ])

    return StripStyles(
        base=widget.rich_style, shade=get("shade"), hover=get("hover"), cursor=get("cursor"),
        ruby=get("ruby"), popup=get("popup"), decor={name: get(name) for name in DECOR_STYLES},
        marks={name: get(name) for name in MARK_STYLES},
    )
