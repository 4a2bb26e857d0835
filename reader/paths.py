"""Where things live: the user's home (notes, library), caches and the bundled seeds."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from reader.errors import InputError

APP_NAME = "dubao"


def reader_home(override: str | os.PathLike[str] | None = None) -> Path:
    """Return the user data directory: `--home`, else $READER_HOME, else platformdirs."""
    if override:
        home = Path(override).expanduser()
    elif os.environ.get("READER_HOME"):
        home = Path(os.environ["READER_HOME"]).expanduser()
    else:
        home = Path(platformdirs.user_data_dir(APP_NAME))
    if home.exists() and not home.is_dir():
        raise InputError(f"{home}: the data folder is a file, not a folder (see --home)")
    return home


def cache_dir() -> Path:
    """Return the directory for derived caches: $READER_CACHE, else platformdirs."""
    env = os.environ.get("READER_CACHE")
    base = Path(env).expanduser() if env else Path(platformdirs.user_cache_dir(APP_NAME))
    base.mkdir(parents=True, exist_ok=True)
    return base


def library_dir(home: Path) -> Path:
    """Return the folder holding the user's imported issues."""
    return home / "library"


def notes_path(home: Path) -> Path:
    """Return the path of the TinyDB file with the user's annotations."""
    return home / "notes.json"


def seeds_dir() -> Path:
    """Return the folder of the bundled seed issues (installed or in a source checkout)."""
    package = Path(__file__).resolve().parent
    installed = package / "_bundled_seeds"
    if installed.is_dir():
        return installed
    return package.parent / "seeds"
