"""`reader export` / `reader export-words` end to end, and the Anki TSV/CSV format."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml

from reader.cli import main
from reader.corpus.library import load_library
from reader.notes.export_words import COLUMNS, export_words, marked_sentence
from reader.notes.model import SavedWord
from reader.notes.store import NotesStore


@pytest.fixture(scope="module")
def seed():
    issue = load_library(Path("/nonexistent"))[0]
    return issue, _first_text(issue)


def _first_text(issue):
    """The first article of an issue that has a body (photo items have none)."""
    return next(a for a in issue.articles if a.kind == "article")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def hostile_word() -> SavedWord:
    return SavedWord("w-1", "经济", "jīng jì", 'economy;\t"business"\n<b>x</b>',
                     "冰雪\t经济\n持续升温，经济向好。", "a-1", "i", traditional="經濟", hsk=3,
                     note="my\tnote <i>\n2</i>")


def test_tsv_has_anki_headers_and_clean_fields():
    text = export_words([hostile_word()], {"a-1": "标题\t一"})
    lines = text.split("\n")
    assert lines[:3] == ["#separator:tab", "#html:true", "#columns:" + "\t".join(COLUMNS)]
    assert lines[4:] == [""]
    fields = lines[3].split("\t")
    assert len(fields) == len(COLUMNS) == 8
    assert fields[:3] == ["经济", "經濟", "jīngjì"]  # GB/T 16159, as shown everywhere
    assert fields[3] == "economy; &quot;business&quot; &lt;b&gt;x&lt;/b&gt;"
    assert fields[4] == "3"
    assert fields[5] == "冰雪 <b>经济</b> 持续升温，<b>经济</b>向好。"
    assert fields[6] == "标题 一"
    assert COLUMNS[7] == "Note" and fields[7] == "my note &lt;i&gt;<br>2&lt;/i&gt;"


def test_anki_export_keeps_the_users_note_and_the_hsk_band():
    from dataclasses import replace

    word = replace(hostile_word(), note="港=harbour\n<i>see\t港口</i>", hsk=7)
    fields = export_words([word], {}).split("\n")[3].split("\t")
    assert fields[7] == "港=harbour<br>&lt;i&gt;see 港口&lt;/i&gt;"
    assert fields[4] == "7-9"
    rows = list(csv.reader(io.StringIO(export_words([word], {}, fmt="csv").split("\n", 3)[3])))
    assert rows[0][COLUMNS.index("Note")] == fields[7]


def test_csv_parses_back_to_eight_columns():
    text = export_words([hostile_word(), hostile_word()], {}, fmt="csv")
    rows = list(csv.reader(io.StringIO("\n".join(text.split("\n")[3:]))))
    assert [len(r) for r in rows if r] == [8, 8]
    assert rows[0][3].startswith("economy; &quot;business&quot;")


def test_marked_sentence_escapes_before_marking():
    assert marked_sentence("a<b 词 c", "词") == "a&lt;b <b>词</b> c"
    assert marked_sentence("没有", "词") == "没有"


def test_export_command_to_stdout_file_and_folder(capsys, isolated_home, seed, tmp_path):
    issue, art = seed
    code, out, err = run(capsys, "annotate", art.id, "--quote", art.text[5:15], "--note", "# 注")
    assert code == 0, err
    code, out, err = run(capsys, "export", "--article", art.id)
    assert code == 0 and err == ""
    front = yaml.safe_load(out.split("---\n")[1])
    assert front["counts"]["highlights"] == 1 and front["title"] == art.title
    assert "\\# 注" in out and f"`{art.id} ¶1`" in out

    target = tmp_path / "out.md"
    assert run(capsys, "export", "--out", str(target))[0] == 0
    assert target.read_text(encoding="utf-8").startswith("---\n")
    code, _, err = run(capsys, "export", "--out", str(target))
    assert code == 2 and "already exists" in err and err.count("\n") == 1
    assert "--force" in err
    target.write_text("mine", encoding="utf-8")
    code, _, err = run(capsys, "export", "--out", str(target))
    assert target.read_text(encoding="utf-8") == "mine"
    assert run(capsys, "export", "--out", str(target), "--force")[0] == 0
    assert target.read_text(encoding="utf-8") != "mine"

    folder = tmp_path / "exports"
    folder.mkdir()
    code, _, err = run(capsys, "export", "--issue", issue.id, "--out", str(folder))
    assert code == 0
    (written,) = folder.iterdir()
    assert written.suffix == ".md" and str(written) in err
    code, _, err = run(capsys, "export", "--issue", issue.id, "--out", str(folder))
    assert code == 2 and list(folder.iterdir()) == [written]
    assert "--force" in err and str(written) in err and err.count("\n") == 1


def test_export_pinyin_and_errors(capsys, isolated_home, seed):
    issue, art = seed
    quote = "吉林"
    assert quote in art.text
    run(capsys, "annotate", art.id, "--quote", quote)
    code, out, _ = run(capsys, "export", "--pinyin")
    assert code == 0 and "> Jílín" in out
    code, _, err = run(capsys, "export", "--article", "no-such-article")
    assert code == 2 and "no article" in err
    code, _, err = run(capsys, "export", "--template", "/no/such/template.j2")
    assert code == 2 and "cannot read template" in err


def test_export_words_command(capsys, isolated_home, seed, tmp_path):
    issue, art = seed
    with NotesStore.open(isolated_home) as s:
        s.save_word("吉林", "jí lín", "Jilin province", art.text[:30], art.id, issue.id, hsk=None)
    code, out, _ = run(capsys, "export-words")
    assert code == 0
    row = out.split("\n")[3].split("\t")
    assert row[0] == "吉林" and row[2] == "Jílín" and row[6] == art.title  # a place
    target = tmp_path / "words.csv"
    assert run(capsys, "export-words", "--format", "csv", "--out", str(target))[0] == 0
    assert target.read_text(encoding="utf-8").startswith("#separator:comma\n")


def test_export_to_directory_for_the_app(isolated_home, seed, tmp_path):
    from reader.notes.export import export_to_directory, suggested_filename
    from reader.notes.filenames import ExportExistsError

    issue, art = seed
    library = load_library(isolated_home)
    with NotesStore.open(isolated_home) as s:
        s.add_highlight(issue.id, art.id, art.text, 0, 8, note="x")
        hs, words = s.highlights(), s.words()
    name = suggested_filename(hs, library)
    assert "/" not in name and name.endswith(".md")
    path = export_to_directory(tmp_path / "out", hs, words, library)
    assert path.name == name and path.read_text(encoding="utf-8").startswith("---\n")
    path.write_text("edited by the user", encoding="utf-8")
    with pytest.raises(ExportExistsError) as err:
        export_to_directory(tmp_path / "out", hs, words, library)
    assert err.value.path == path and path.read_text(encoding="utf-8") == "edited by the user"
    export_to_directory(tmp_path / "out", hs, words, library, overwrite=True)
    assert path.read_text(encoding="utf-8").startswith("---\n")
