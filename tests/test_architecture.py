"""The core packages never import Textual, and every module has a docstring."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_core_does_not_import_textual():
    code = (
        "import sys, importlib, pkgutil\n"
        "import reader.corpus, reader.language, reader.notes, reader.learning, reader.reading\n"
        "import reader.index\n"
        "import reader.settings  # Textual-free modules outside the core packages\n"
        "for pkg in (reader.corpus, reader.language, reader.notes, reader.learning,\n"
        "            reader.reading, reader.index):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(len(bad)); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_module_has_a_docstring():
    missing = []
    for path in (REPO / "reader").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if not ast.get_docstring(tree):
            missing.append(str(path.relative_to(REPO)))
    assert missing == []


def _imports(path: Path) -> set[str]:
    """Every `reader.*` module a file imports, anywhere in it (lazy imports too)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("reader"):
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("reader"))
    return out


def test_no_import_cycles_in_the_ui() -> None:
    modules = {
        ".".join(p.relative_to(REPO).with_suffix("").parts): p
        for p in (REPO / "reader" / "tui").rglob("*.py")
    }
    graph = {m: {i for i in _imports(p) if i in modules and i != m} for m, p in modules.items()}
    cycles = []

    def visit(node: str, path: list[str]) -> None:
        for nxt in graph[node]:
            if nxt in path:
                cycles.append(path[path.index(nxt):] + [nxt])
            elif len(path) < 12:
                visit(nxt, [*path, nxt])

    for m in graph:
        visit(m, [m])
    assert cycles == []


def test_the_app_starts_without_the_language_and_notes_layers() -> None:
    """They load after the first frame (jieba and the dictionaries take seconds)."""
    code = (
        "import sys\n"
        "import reader.tui.app\n"
        "late = sorted(m for m in sys.modules\n"
        "              if m.startswith(('reader.language', 'reader.notes')))\n"
        "print(late); sys.exit(1 if late else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr
