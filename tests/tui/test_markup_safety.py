"""No text from a page, a note, a file name, an id or an argument is read as markup."""

from __future__ import annotations

import ast
import asyncio
from pathlib import Path

from textual.widgets import Input

from reader.tui.app import ReaderApp
from reader.tui.commands import ArticlesProvider, plain_highlight
from reader.tui.screens.export_dialog import ExportDialog

from .helpers import notices, open_test_article, wait_for

SIZE = (100, 32)
REPO = Path(__file__).resolve().parents[2]
MARKUP_PAGE = """测试日报
2024年6月4日 星期二 第3版 要闻

跨境电商发展[迅速]

本报讯（记者 裴雨虹）会议[/]指出，跨境电商发展迅速。
今年以来，吉林省跨境电商进出口额持续增长，为稳外贸作出积极贡献。
"""


def _calls(name: str) -> list[tuple[str, ast.Call]]:
    """Every call of a method or function with this name in reader/, with its file."""
    out = []
    for path in (REPO / "reader").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if called == name:
                    out.append((str(path.relative_to(REPO)), node))
    return out


def test_no_notice_or_markup_is_built_from_formatted_text() -> None:
    notify = _calls("notify")
    assert len(notify) > 20  # the grep sees the calls
    # Every notice goes through the app's `notify`, which never parses a plain string as
    # markup; nobody may switch that back on.
    asked = [f for f, call in notify if any(k.arg == "markup" for k in call.keywords)]
    assert asked == ["reader/tui/pipeline.py", "reader/tui/pipeline.py"]
    formatted = [f for f, call in _calls("from_markup")
                 if call.args and isinstance(call.args[0], ast.JoinedStr)]
    assert formatted == ["reader/tui/widgets/key_bar.py"]  # key names of our own bindings
    overrides = [p for p in (REPO / "reader").rglob("*.py")
                 if "def notify(" in p.read_text(encoding="utf-8")]
    assert [str(p.relative_to(REPO)) for p in overrides] == ["reader/tui/pipeline.py"]


def test_palette_hits_keep_markup_characters_as_text() -> None:
    from textual.fuzzy import Matcher

    title = "Open: 会议[/]指出 [b]bold[/b] [@click=app.quit]q[/]"
    shown = plain_highlight(Matcher("会议"), title)
    assert shown.plain == title
    assert plain_highlight(Matcher("zzz"), title).plain == title


def test_markup_in_an_id_a_title_and_a_folder_is_shown_as_typed(home: Path,
                                                                tmp_path: Path) -> None:
    (home / "library" / "markup.txt").write_text(MARKUP_PAGE, encoding="utf-8")
    folder = tmp_path / "[@click=app.quit]q[/]"

    async def scenario() -> None:
        app = ReaderApp(home=home, article_id="[/]")  # `reader open '[/]'`
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await wait_for(pilot, lambda: "No article with id '[/]'." in notices(app),
                           "the unknown id")
            # The palette finds the title with markup characters, and opens it.
            await wait_for(pilot, lambda: app.session.issues, "the library's articles")
            found = [hit async for hit in ArticlesProvider(app.screen).search("发展[迅速]")]
            assert any("跨境电商发展[迅速]" in str(h.text) for h in found)
            # A highlight, then an export into a folder whose name is markup.
            view = await open_test_article(pilot, app)
            view.move_cursor(view.page.word_at_offset(0))  # the body's first word
            await pilot.press("h")
            await wait_for(pilot, lambda: len(view.highlights) == 1, "the highlight")
            await pilot.press("e")
            await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog), "the dialog")
            app.screen.query_one(Input).value = str(folder)
            await pilot.press("enter")
            await wait_for(pilot, lambda: any(n.startswith("Exported to") for n in notices(app)),
                           "the export")
            # Shown as typed (parsed, it would read `…/q` with a clickable q).
            await wait_for(pilot, lambda: any(str(folder) in t.render().plain
                                              for t in app.screen.query("Toast")), "the toast")
            assert app.is_running
        assert len(list(folder.iterdir())) == 1

    asyncio.run(scenario())


def test_a_filter_with_markup_and_controls_is_shown_as_typed_in_the_status(home: Path) -> None:
    typed = "[/][@click=app.quit]q\x1b[31m\u202e"

    async def scenario() -> str:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: app.library_screen.listed, "the library")
            await pilot.press("slash")
            app.screen.query_one("#filter", Input).value = typed  # parsed, `[/]` would crash
            await pilot.pause()
            status = app.screen.query_one("#library-status").render()
            assert app.is_running
            return str(status)

    assert asyncio.run(scenario()).endswith("match “[/][@click=app.quit]q”")  # escapes gone


def test_a_notice_quoting_escapes_and_controls_shows_none_of_them(home: Path) -> None:
    async def scenario() -> list[str]:
        app = ReaderApp(home=home)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            app.notify("Could not export to /tmp/\x1b]0;pwned\x07x\x1b[2J\x9b31m\u202e: denied")
            await pilot.pause()
            return [*notices(app), *(t.render().plain for t in app.screen.query("Toast"))]

    shown = asyncio.run(scenario())
    assert "Could not export to /tmp/x: denied" in shown
    assert not any(ch in "".join(shown) for ch in "\x1b\x07\x9b\u202e")
