"""`reader known import|export`: HSK seeding, word files, round-trips, bad files."""

from __future__ import annotations

import sqlite3
import zipfile

import pytest

from reader.cli import main
from reader.learning.status import Status
from reader.learning.vocabulary import Vocabulary
from reader.learning.word_files import hsk_words
from reader.notes.store import NotesStore


def _statuses(home):
    with NotesStore.open(home, read_only=True) as store:
        return Vocabulary(store).statuses()


def make_apkg(path, notes):
    """An Anki package as Anki 2.1 writes it (the tables the reader needs), stdlib only."""
    db = path.with_suffix(".anki2")
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE notes (id integer primary key, guid text, mid integer, "
                "mod integer, usn integer, tags text, flds text, sfld text, csum integer, "
                "flags integer, data text)")
    for i, fields in enumerate(notes, 1):
        con.execute("INSERT INTO notes VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (i, f"g{i}", 1, 0, -1, "", "\x1f".join(fields), fields[0], 0, 0, ""))
    con.commit()
    con.close()
    with zipfile.ZipFile(path, "w") as z:
        z.write(db, "collection.anki2")
        z.writestr("media", "{}")


def test_hsk_seeding_counts_and_is_idempotent(isolated_home, capsys):
    assert main(["known", "import", "--hsk", "1-2"]) == 0
    err = capsys.readouterr().err
    n = len(hsk_words([1, 2]))
    assert f"{n:,} words read; marked {n:,} known" in err
    assert main(["known", "import", "--hsk", "1-2"]) == 0
    assert f"{n} already had that status" in capsys.readouterr().err
    assert len(_statuses(isolated_home)) == n


def test_import_keeps_other_statuses_unless_forced(isolated_home, tmp_path, capsys):
    with NotesStore.open(isolated_home) as store:
        Vocabulary(store).set_status("公园", Status.LEARNING_2)
    f = tmp_path / "words.txt"
    f.write_text("公园\n散步\n\nhello\n", encoding="utf-8")
    assert main(["known", "import", str(f)]) == 0
    err = capsys.readouterr().err
    assert "1 kept their own status (use --force" in err and "1 line without" in err
    assert _statuses(isolated_home) == {"公园": Status.LEARNING_2, "散步": Status.KNOWN}
    assert main(["known", "import", str(f), "--force"]) == 0
    assert _statuses(isolated_home)["公园"] is Status.KNOWN


def test_anki_tsv_import(isolated_home, tmp_path):
    f = tmp_path / "anki.txt"
    f.write_text("#separator:tab\n#html:true\n<b>经济</b>\tjīngjì\teconomy\n"
                 "gōngyuán\t公园\tpark\n", encoding="utf-8")
    assert main(["known", "import", str(f)]) == 0
    assert set(_statuses(isolated_home)) == {"经济", "公园"}


def test_apkg_import(isolated_home, tmp_path):
    deck = tmp_path / "deck.apkg"
    make_apkg(deck, [["振兴", "zhènxīng", "revitalize"], ["<div>口岸</div>[sound:a.mp3]", "x"],
                     ["no chinese", "here"]])
    assert main(["known", "import", str(deck)]) == 0
    assert _statuses(isolated_home) == {"振兴": Status.KNOWN, "口岸": Status.KNOWN}


@pytest.mark.parametrize("fmt", ["tsv", "lingq", "lute"])
def test_export_import_round_trip(isolated_home, tmp_path, fmt):
    with NotesStore.open(isolated_home) as store:
        Vocabulary(store).apply({"发展": Status.KNOWN, "振兴": Status.KNOWN,
                                 "口岸": Status.LEARNING_3, "吉林": Status.IGNORED})
    out = tmp_path / f"known.{'tsv' if fmt == 'tsv' else 'csv'}"
    assert main(["known", "export", "--format", fmt, "--all", "--out", str(out)]) == 0
    assert main(["known", "export", "--format", fmt, "--out", str(out)]) == 2  # no --force
    other = tmp_path / "other"
    other.mkdir()
    assert main(["--home", str(other), "known", "import", str(out)]) == 0
    got = _statuses(other)
    if fmt == "lingq":  # LingQ has no ignored status: ignored words come back known
        assert got == {"发展": Status.KNOWN, "振兴": Status.KNOWN, "口岸": Status.LEARNING_3,
                       "吉林": Status.KNOWN}
    else:
        assert got == _statuses(isolated_home)


def test_known_only_export_to_stdout(isolated_home, capsys):
    with NotesStore.open(isolated_home) as store:
        Vocabulary(store).apply({"发展": Status.KNOWN, "口岸": Status.LEARNING_3})
    assert main(["known", "export"]) == 0
    assert capsys.readouterr().out == "#columns:word\tstatus\n发展\tknown\n"


@pytest.mark.parametrize("content", [b"", b"\xff\xfe\x00bad", b"hello\nworld\n",
                                     b"PK\x03\x04 not a zip"])
def test_bad_files_are_one_line_exit_2(isolated_home, tmp_path, capsys, content):
    f = tmp_path / "bad.apkg" if content.startswith(b"PK") else tmp_path / "bad.txt"
    f.write_bytes(content)
    assert main(["known", "import", str(f)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("reader: ")
    assert _statuses(isolated_home) == {}


def test_usage_errors(isolated_home, capsys):
    assert main(["known", "import"]) == 2
    assert main(["known", "import", "--hsk", "0-12"]) == 2
    assert main(["known", "import", "--hsk", "1", "--status", "maybe"]) == 2
    assert main(["known", "import", "/no/such/file"]) == 2
    assert capsys.readouterr().err.count("\n") == 4


def test_new_anki_format_is_explained(isolated_home, tmp_path, capsys):
    deck = tmp_path / "new.apkg"
    with zipfile.ZipFile(deck, "w") as z:
        z.writestr("collection.anki2", b"placeholder")
        z.writestr("collection.anki21b", b"\x28\xb5\x2f\xfd")
    assert main(["known", "import", str(deck)]) == 2
    assert "Support older Anki versions" in capsys.readouterr().err


def test_lute_csv_keeps_only_chinese_terms(isolated_home, tmp_path):
    f = tmp_path / "lute.csv"
    f.write_text("language,term,translation,parent,status,tags,pronunciation\n"
                 "Chinese,经济,economy,,W,,\nJapanese,経済,economy,,W,,\n"
                 "Chinese,口岸,port,,2,,\n", encoding="utf-8")
    assert main(["known", "import", str(f)]) == 0
    assert _statuses(isolated_home) == {"经济": Status.KNOWN, "口岸": Status.LEARNING_2}
