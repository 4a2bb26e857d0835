"""Newspaper names: a list of well-known papers and the shape of a paper's name."""

from __future__ import annotations

import re

KNOWN = (
    "人民日报海外版", "人民日报", "中国青年报", "解放军报", "经济日报", "光明日报", "工人日报",
    "农民日报", "科技日报", "法治日报", "法制日报", "中国日报", "新华每日电讯", "参考消息",
    "环球时报", "北京日报", "北京晚报", "新京报", "解放日报", "文汇报", "新民晚报", "南方日报",
    "南方周末", "南方都市报", "羊城晚报", "扬子晚报", "齐鲁晚报", "楚天都市报", "华西都市报",
    "吉林日报", "长春晚报", "城市晚报", "新文化报", "辽宁日报", "黑龙江日报",
    "人民日報海外版", "人民日報", "明報", "東方日報", "大公報", "文匯報", "星島日報",
    "香港商報", "信報", "成報", "香港經濟日報", "經濟日報", "蘋果日報", "聯合報", "中國時報",
    "自由時報", "聯合早報", "澳門日報", "太陽報", "頭條日報", "晴報", "都市日報",
)
"""Papers named as printed, longest first where one name holds another."""

_KNOWN_RE = re.compile("|".join(sorted(KNOWN, key=len, reverse=True)))
_SHAPE = re.compile(
    r"^[\u4e00-\u9fff]{2,6}(?:日[报報]|晚[报報]|早[报報]|[时時][报報]|商[报報]|周[报報]|都市[报報])"
    r"(?:海外版)?$"
)
"""A masthead made of a name and 日报/晚报/…: 新用户日报, 某某晚报."""
_BARE = re.compile(r"^[\u4e00-\u9fff]{1,5}[报報]$")
"""Any name ending in 报 (明報, 大公報): taken only at the top of a page."""


def paper_name(text: str, top: bool = False) -> str | None:
    """The paper a masthead line names; a bare `XX报` counts only at the top of the page."""
    token = text.strip()
    m = _KNOWN_RE.match(token)
    if m and (m.end() == len(token) or token[m.end()] in _AFTER_NAME):
        return m.group(0)
    cut = next((k for k, ch in enumerate(token) if ch in _AFTER_NAME), len(token))
    head = token[:cut]
    if (_SHAPE.match(head) or (top and _BARE.match(head))) and (cut == len(token) or top):
        return head
    return None


_AFTER_NAME = " \u30000123456789"
"""What may follow a paper's name on a one-line masthead: a space or the date."""
