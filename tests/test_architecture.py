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
        "import reader.corpus, reader.language, reader.notes, reader.index\n"
        "for pkg in (reader.corpus, reader.language, reader.notes, reader.index):\n"
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
