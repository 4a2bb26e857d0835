"""`reader segment`, `reader lookup` and `reader glossary` from the command line."""

import io
import json

import pytest

from reader.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_segment_json_shape_and_offsets(capsys):
    text = "在长春召开，中欧班列。"
    code, out, err = run(capsys, "segment", "--json", text)
    assert code == 0
    rows = json.loads(out)
    assert all(set(r) == {"text", "start", "end", "pinyin"} for r in rows)
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)
    assert {"text": "长春", "start": 1, "end": 3, "pinyin": "cháng chūn"} in rows
    assert [r["pinyin"] for r in rows if r["text"] == "，"] == [""]


def test_segment_reads_stdin(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("支行行长".encode())))
    code, out, _ = run(capsys, "segment", "--json")
    assert code == 0 and [r["pinyin"] for r in json.loads(out)] == ["zhī háng", "háng zhǎng"]


def test_segment_reads_gb18030_stdin_and_refuses_undecodable_bytes(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("长春".encode("gb18030"))))
    code, out, _ = run(capsys, "segment", "--json")
    assert code == 0 and json.loads(out)[0]["pinyin"] == "cháng chūn"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"\xc3\x28\xa0\xa1\xff")))
    code, out, err = run(capsys, "segment", "--json")
    assert code == 2 and out == "" and "neither UTF-8 nor GB18030" in err


def test_segment_without_text_is_an_input_error(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"  ")))
    code, out, err = run(capsys, "segment")
    assert code == 2 and out == "" and err.count("\n") == 1


def test_lookup_json_shape(capsys):
    code, out, _ = run(capsys, "lookup", "--json", "長春", "经济社会发展", "曹路宝")
    assert code == 0
    rows = json.loads(out)
    assert [set(r) for r in rows] == [
        {"word", "pinyin", "hsk", "entries", "components", "name"}] * 3
    assert rows[0]["entries"][0] == {
        "source": "cedict", "simplified": "长春", "traditional": "長春",
        "pinyin": "Chángchūn", "definitions": rows[0]["entries"][0]["definitions"]}
    assert rows[1]["entries"] == [] and [c["text"] for c in rows[1]["components"]] == [
        "经济", "社会", "发展"]
    assert rows[2]["name"] is True


def test_lookup_readable_and_errors(capsys):
    code, out, _ = run(capsys, "lookup", "非遗")
    assert code == 0 and "intangible cultural heritage" in out
    code, out, err = run(capsys, "lookup")
    assert code == 2 and out == ""


def test_glossary_commands(capsys, isolated_home):
    code, _, _ = run(capsys, "glossary", "add", "卡拉米", "a made-up word",
                     "--pinyin", "ka3 la1 mi3")
    assert code == 0
    code, _, err = run(capsys, "glossary", "add", "卡拉米", "again")
    assert code == 2 and "already" in err
    assert run(capsys, "glossary", "edit", "卡拉米", "--kind", "term")[0] == 0
    code, out, _ = run(capsys, "glossary", "list", "--json")
    assert json.loads(out) == [{"word": "卡拉米", "pinyin": "kǎ lā mǐ",
                                "definitions": ["a made-up word"], "kind": "term"}]
    code, out, _ = run(capsys, "lookup", "--json", "卡拉米")
    assert json.loads(out)[0]["entries"][0]["source"] == "user"
    assert run(capsys, "glossary", "delete", "卡拉米")[0] == 0
    assert run(capsys, "glossary", "delete", "卡拉米")[0] == 2
    assert (isolated_home / "notes.json").exists()  # the glossary lives in the notes store


@pytest.mark.parametrize("argv", [["glossary", "add", "词", "x", "--pinyin", "ci2 ci2"],
                                  ["glossary", "edit", "没有", "x"]])
def test_glossary_bad_input(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert code == 2 and err.startswith("reader: ")


def test_cli_spells_pinyin_gb_t(capsys, isolated_home):
    """`reader segment` writes a surname capitalised; `reader glossary add` and `reader words`
    write a word's syllables together (issue 14 item 18)."""
    from reader.notes.store import NotesStore

    code, out, _ = run(capsys, "segment", "曾先生说")
    assert code == 0 and "曾(Zēng)" in out
    code, _, err = run(capsys, "glossary", "add", "航时", "flight hours", "--pinyin", "hang2 shi2")
    assert code == 0 and "hángshí" in err
    with NotesStore.open(isolated_home) as store:
        store.save_word("快递", "kuài dì", "express delivery", "快递到了。", "a1", "i1")
    code, out, _ = run(capsys, "words")
    assert code == 0 and "kuàidì" in out and "kuài dì" not in out
    code, out, _ = run(capsys, "words", "--json")
    assert json.loads(out)[0]["pinyin"] == "kuài dì"  # stored data is not rewritten
