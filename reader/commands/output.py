"""Shared output helpers for sub-commands: JSON on stdout, messages on stderr."""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console

# No emoji codes (`:x:`) and no highlighting: Chinese text and user notes print as they are.
stdout = Console(highlight=False, soft_wrap=True, emoji=False)
stderr = Console(stderr=True, highlight=False, emoji=False)


def plural(n: int, word: str) -> str:
    """`1 article`, `2 articles`, `1,234 words`."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def print_json(data: Any) -> None:
    """Print UTF-8 JSON (not ASCII-escaped) on stdout and nothing else."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
    sys.stdout.write("\n")
    sys.stdout.flush()


def message(text: str) -> None:
    """Print a one-line human message on stderr (no markup, no wrapping)."""
    sys.stderr.write(text.replace("\n", " ") + "\n")
    sys.stderr.flush()
