"""The saved words as an Anki package from the app: the CLI's deck, the export's file rules."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reader.reading.changes import Exported

if TYPE_CHECKING:
    from reader.reading.session import ReadingSession


def export_apkg(session: ReadingSession, directory: Path, *, overwrite: bool = False,
                filename: str | None = None) -> Exported:
    """Write every saved word as `.apkg` into `directory` (blocks: call it from a thread).

    Raises ExportExistsError when the file exists and `overwrite` is False, as every export.
    """
    from reader.learning.anki_deck import APKG_FILE, apkg_bytes, article_infos, write_apkg
    from reader.notes.filenames import path_in

    directory = directory.expanduser()
    if directory.exists() and not directory.is_dir():
        raise NotADirectoryError(f"{directory} is a file, not a folder")
    words = session.words()
    data = apkg_bytes(words, article_infos(session.loaded_library().issues))
    directory.mkdir(parents=True, exist_ok=True)
    path = write_apkg(path_in(directory, filename or APKG_FILE), data, overwrite=overwrite)
    plural = "" if len(words) == 1 else "s"
    return Exported(path=str(path), notice=f"Exported {len(words)} saved word{plural} to "
                                           f"{path} (Anki: File > Import; importing it again "
                                           "updates the same notes)")
