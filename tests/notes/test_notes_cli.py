"""`reader annotate`, `notes`, `words`, `note-edit`, `forget` on the real seed articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.corpus.library import load_library
from reader.notes.store import NotesStore

KEYS = {"id", "issue_id", "article_id", "article_title", "quote", "note", "color", "start",
        "end", "created", "updated"}


@pytest.fixture(scope="module")
def article():
    """The longest seed article and its issue."""
    best = max(((i, a) for i in load_library(Path("/nonexistent")) for a in i.articles),
               key=lambda pair: len(pair[1].text))
    return best


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def repeated_quote(text: str) -> str:
    """A 4-character piece of text that occurs at least twice."""
    for i in range(len(text) - 4):
        piece = text[i:i + 4]
        if "\n" not in piece and text.count(piece) >= 2 and piece.strip() == piece:
            return piece
    raise AssertionError("no repeated quote")


def test_annotate_then_list_as_json(capsys, isolated_home, article):
    issue, art = article
    quote = repeated_quote(art.text)
    code, out, err = run(capsys, "annotate", art.id, "--quote", quote, "--occurrence", "2",
                         "--note", "第二次", "--color", "blue", "--home", str(isolated_home))
    assert code == 0, err
    hid = out.strip()
    assert hid.startswith("h-")

    code, out, _ = run(capsys, "notes", "--json", "--home", str(isolated_home))
    (item,) = json.loads(out)
    assert KEYS <= set(item)
    second = art.text.find(quote, art.text.find(quote) + 1)
    assert (item["id"], item["start"], item["end"]) == (hid, second, second + len(quote))
    assert (item["quote"], item["note"], item["color"]) == (quote, "第二次", "blue")
    assert (item["article_id"], item["issue_id"]) == (art.id, issue.id)
    assert item["article_title"] == art.title

    code, out, _ = run(capsys, "notes", "--json", "--article", art.id[:-3])  # unique prefix
    assert [x["id"] for x in json.loads(out)] == [hid]
    code, out, err = run(capsys, "notes", "--json", "--issue", "no-such-issue")
    assert code == 2 and out == "" and "no issue" in err
    code, out, _ = run(capsys, "notes")
    assert quote in out and "第二次" in out and hid in out


def test_annotate_errors_exit_2_in_one_line(capsys, isolated_home, article):
    _, art = article
    for argv in (["--quote", "这句话不在文章里ZZZ"],
                 ["--quote", art.text[:6], "--occurrence", "99"],
                 ["--quote", "   "]):
        code, out, err = run(capsys, "annotate", art.id, *argv)
        assert code == 2 and out == ""
        assert err.count("\n") == 1 and err.startswith("reader: ")
    code, _, err = run(capsys, "annotate", "no-such-article", "--quote", "x")
    assert code == 2 and "no article" in err
    with NotesStore.open(isolated_home, read_only=True) as s:
        assert s.highlights() == []


def test_note_edit_and_forget(capsys, isolated_home, article):
    issue, art = article
    _, out, _ = run(capsys, "annotate", art.id, "--quote", art.text[2:8])
    hid = out.strip()
    with NotesStore.open(isolated_home) as s:
        wid = s.save_word("文化", "wén huà", "culture", art.text[:30], art.id, issue.id).id

    assert run(capsys, "note-edit", hid, "新的笔记")[0] == 0
    assert run(capsys, "note-edit", wid, "常用词")[0] == 0
    code, out, _ = run(capsys, "words", "--json")
    (word,) = json.loads(out)
    assert (word["id"], word["word"], word["note"]) == (wid, "文化", "常用词")
    code, out, _ = run(capsys, "notes", "--json")
    assert json.loads(out)[0]["note"] == "新的笔记"

    code, _, err = run(capsys, "forget", hid)
    assert code == 0 and "deleted highlight" in err
    code, _, err = run(capsys, "forget", hid)
    assert code == 2 and "no highlight with id" in err
    assert run(capsys, "forget", wid)[0] == 0
    code, _, err = run(capsys, "note-edit", "x-1", "text")
    assert code == 2
    code, out, _ = run(capsys, "words", "--json")
    assert json.loads(out) == []


def test_corrupt_file_message_and_restore(capsys, isolated_home, article):
    _, art = article
    run(capsys, "annotate", art.id, "--quote", art.text[2:8])
    NotesStore.open(isolated_home).close()  # refresh the backup
    (isolated_home / "notes.json").write_bytes(b'{"meta": ')
    code, out, err = run(capsys, "annotate", art.id, "--quote", art.text[10:14])
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "moved to notes.json.corrupt-" in err and "--restore-backup" in err
    code, _, err = run(capsys, "notes", "--restore-backup")
    assert code == 0 and "restored" in err
    code, out, _ = run(capsys, "notes", "--json")
    assert [x["quote"] for x in json.loads(out)] == [art.text[2:8]]
