"""Safe export file names and writing exports without ever overwriting unasked."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from reader.corpus.decode import printable
from reader.errors import InputError
from reader.notes.durable_storage import atomic_write, fsync_dir

MAX_NAME_BYTES = 120
"""Longest file name we build, in UTF-8 bytes (file systems allow 255; leave room)."""
_RESERVED = {"con", "prn", "aux", "nul", "clock$", "conin$", "conout$",
             *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
"""Windows device names, refused with any extension (`con.md` is the console there)."""
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*\u2028\u2029]')


class ExportExistsError(InputError):
    """The export target exists; ask before overwriting (exit status 2 in the CLI)."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{printable(path)} already exists; choose another name or allow "
                         "overwriting")
        self.path = path
        """The file that would have been overwritten."""


def safe_filename(stem: str, ext: str = ".md", fallback: str = "notes") -> str:
    """A file name from free text: no separators, controls, reserved names or leading dots."""
    text = unicodedata.normalize("NFC", stem)
    # Control characters separate words; invisible format characters (bidi overrides that
    # disguise `txt.exe`), private-use and unassigned ones go.
    text = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text
                   if unicodedata.category(ch) not in ("Cf", "Co", "Cs", "Cn"))
    text = _UNSAFE.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip(" .")  # Windows drops trailing dots and spaces
    text = text.replace(" ", "_").lstrip("-~")     # no option-like or home-like names
    base = text.split(".")[0].lower()
    if base in _RESERVED:
        text = "_" + text
    if not text:
        text = fallback
    limit = MAX_NAME_BYTES - len(ext.encode("utf-8"))
    raw = text.encode("utf-8")[:limit]
    text = raw.decode("utf-8", errors="ignore").rstrip(" ._")  # never cut inside a character
    return (text or fallback) + ext


def export_filename(paper: str | None, date: str | None, title: str | None,
                    ext: str = ".md") -> str:
    """`<paper>_<date>_<title>.md`, made safe; missing parts are left out."""
    parts = [p.strip() for p in (paper, date, title) if p and p.strip()]
    return safe_filename(" ".join(parts) if parts else "dubao-notes", ext)


def path_in(directory: Path, filename: str) -> Path:
    """`directory/filename`, refusing names that would leave the directory."""
    if "/" in filename or "\\" in filename or "\x00" in filename or filename in ("", ".", ".."):
        raise InputError(f"{filename!r} is not a plain file name")
    target = (directory / filename).resolve()
    if target.parent != directory.resolve():
        raise InputError(f"{filename!r} would leave {directory}")
    return target


def write_export(directory: Path, filename: str, text: str, overwrite: bool = False) -> Path:
    """Write `text` as `directory/filename`; ExportExistsError if it exists and not `overwrite`.

    A new file is created exclusively (no race can replace someone else's file); an
    allowed overwrite replaces the file atomically.
    """
    directory.mkdir(parents=True, exist_ok=True)
    target = path_in(directory, filename)
    return write_file(target, text.encode("utf-8"), overwrite)


def write_file(target: Path, data: bytes, overwrite: bool = False) -> Path:
    """Write `data` as `target`; ExportExistsError if it exists and not `overwrite`.

    A new file is created exclusively (no race can replace someone else's file); an
    allowed overwrite replaces the file atomically; only regular files are ever replaced.
    """
    if target.exists() and not target.is_file():
        raise InputError(f"{printable(target)} is not a regular file; not writing there")
    if overwrite and target.exists():
        atomic_write(target, data)
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        raise ExportExistsError(target) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    fsync_dir(target.parent)
    return target


def free_name(directory: Path, filename: str) -> str:
    """`filename`, or `name-2.md`, `name-3.md`, … : the first that does not exist yet."""
    path = Path(filename)
    candidate, n = filename, 1
    while (directory / candidate).exists():
        n += 1
        candidate = f"{path.stem}-{n}{path.suffix}"
    return candidate
