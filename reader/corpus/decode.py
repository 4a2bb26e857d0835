"""Turn the bytes of an issue file into safe text: detect the encoding, strip control codes."""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
from pathlib import Path

from reader.errors import InputError

MAX_BYTES = 2 * 1024 * 1024
"""Largest issue file accepted; a printed page is about 20 KB."""

MAX_LINE_CHARS = 20_000
"""Longest line `reader import` accepts: a newspaper paragraph is under 2,000 characters."""

STREAM_NAMES = ("-", "/dev/stdin")
"""Arguments that mean "read standard input" (read once, with the same size limit)."""


class NotRegularFileError(OSError):
    """The path is a FIFO, a device, a socket or a folder: it is never read."""


class FileTooLargeError(OSError):
    """The file (or stream) holds more bytes than the reader accepts."""


def _kind(mode: int) -> str:
    """A few words for a file type that is not a regular file."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _read_fd(fd: int, limit: int, name: str) -> bytes:
    """Read at most `limit` bytes from `fd`; FileTooLargeError when there are more."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = os.read(fd, min(1 << 20, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise FileTooLargeError(27, f"more than {limit} bytes", name)


def read_limited(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, read without ever blocking.

    A FIFO, device, socket or folder raises NotRegularFileError before a byte is read (it
    is opened non-blocking, so a FIFO without a writer cannot hang the open); a bigger file
    raises FileTooLargeError, even when its size grows or lies (as /proc files do).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFileError(22, f"is {_kind(st.st_mode)}, not a regular file",
                                      str(path))
        if st.st_size > limit:
            raise FileTooLargeError(27, f"{st.st_size} bytes, more than {limit}", str(path))
        return _read_fd(fd, limit, str(path))
    finally:
        os.close(fd)


def read_stdin(limit: int = MAX_BYTES) -> bytes:
    """Standard input, read once, refusing more than `limit` bytes (InputError)."""
    try:
        data = sys.stdin.buffer.read(limit + 1)  # never more than the limit in memory
    except OSError as exc:
        raise InputError(f"stdin: cannot read ({exc.strerror or exc})") from exc
    if len(data) > limit:
        raise InputError(f"stdin: the input is too large (more than {limit} bytes)")
    return data


def printable(path: str | os.PathLike[str]) -> str:
    """A file name (or any argument) as it may be printed in a message: one line, no escape
    sequences, controls or bidi overrides."""
    return sanitize(str(path)).replace("\n", " ")


def read_input_file(path: str | os.PathLike[str], limit: int = MAX_BYTES) -> bytes:
    """Read a file named by the user (`-` and /dev/stdin: standard input); InputError if bad."""
    if str(path) in STREAM_NAMES:
        return read_stdin(limit)
    name = printable(path)
    try:
        return read_limited(path, limit)
    except FileTooLargeError:
        try:
            size = f"{Path(path).stat().st_size} bytes; "
        except OSError:
            size = ""
        raise InputError(f"{name}: the file is too large ({size}at most {limit})") from None
    except NotRegularFileError as exc:
        raise InputError(f"{name}: {exc.strerror}") from None
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# ESC-introduced sequences (CSI, OSC, DCS, SOS/PM/APC and two-byte escapes) and their
# 8-bit C1 forms; removed whole so that no fragment can drive a terminal.
_ESCAPES = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]                       # CSI
    | \x1b[\]PX^_].*?(?:\x07|\x1b\\|\x9c)          # OSC, DCS, SOS, PM, APC
    | \x9b[0-?]*[ -/]*[@-~]                       # 8-bit CSI
    | [\x90\x9d\x98\x9e\x9f].*?(?:\x07|\x9c)       # 8-bit OSC, DCS, ...
    | \x1b[ -/]*[0-~]?                            # other ESC sequences
    """,
    re.VERBOSE | re.DOTALL,
)
_NOT_TEXT = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ud800-\udfff\ufffe\uffff]"
)
"""Control codes, private-use and non-characters: a text full of them is binary."""
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Bidi overrides and isolates can make text display differently from what it is.
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def decode_bytes(data: bytes, name: str = "file") -> str:
    """Decode an issue file: BOM-marked UTF-8/16/32, else UTF-8, else GB18030.

    Raises InputError (one line) for empty, oversized or binary input.
    """
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    if is_pdf_bytes(data):
        raise InputError(f"{name}: is a PDF, not a text page (import it with `reader import`)")
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: the file is too large ({len(data)} bytes; at most {MAX_BYTES})")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: not valid {encoding.upper()} text") from exc
            return _checked(text, name)
    if b"\x00" in data:
        raise InputError(f"{name}: this looks like a binary file, not text")
    for encoding in ("utf-8", "gb18030"):
        try:
            return _checked(data.decode(encoding), name)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{name}: the text is neither UTF-8 nor GB18030/GBK")


def is_pdf_bytes(data: bytes) -> bool:
    """True when the bytes start like a PDF (`%PDF-`, which the format allows after junk)."""
    return b"%PDF-" in data[:1024]


def _checked(text: str, name: str) -> str:
    """Reject text that is mostly not text (a binary that happened to decode)."""
    if not text.strip():
        raise InputError(f"{name}: the file is empty")
    # Escape sequences are stripped later, so they do not make a text binary.
    bad = len(_NOT_TEXT.findall(_ESCAPES.sub("", text)))
    if bad > max(8, len(text) // 50):
        raise InputError(f"{name}: this looks like a binary file, not text")
    return text


def sanitize(text: str) -> str:
    """Normalise newlines and strip escape sequences, C0/C1 controls and bidi overrides."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = _ESCAPES.sub("", text)
    text = _CONTROLS.sub("", text)
    text = _BIDI.sub("", text)
    return text.replace("\t", " ")


def check_line_lengths(text: str, name: str = "file") -> None:
    """Refuse text with a line longer than any newspaper paragraph (InputError)."""
    longest = max(map(len, text.split("\n")), default=0)
    if longest > MAX_LINE_CHARS:
        raise InputError(f"{name}: a line of {longest} characters is longer than any newspaper "
                         f"paragraph (at most {MAX_LINE_CHARS}); split it into paragraphs")


def read_issue_text(data: bytes, name: str = "file") -> str:
    """Decode and sanitise the bytes of an issue file; refuse text that is empty after it."""
    text = sanitize(decode_bytes(data, name))
    if not text.strip():
        raise InputError(f"{name}: the file has no readable text")
    return text
