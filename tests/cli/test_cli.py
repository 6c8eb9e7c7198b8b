"""The command line: summaries, JSON export, and one-line errors with exit status 2."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from kit.cli import main


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_no_command_prints_a_summary_of_the_bundled_article():
    code, text = run()
    assert code == 0
    assert "24 paragraphs" in text
    assert "John Kerry" in text
    assert "Phil Stewart" in text  # named, but as credits: not an actor
    assert "not actors (credits)" in text


def test_export_json_has_the_documented_shape():
    code, text = run("export")
    assert code == 0
    data = json.loads(text)
    assert data["schema"].startswith("kit.article/")
    art = data["article"]
    assert set(art) >= {"text", "paragraphs", "sentences", "credits"}
    assert set(art["paragraphs"][0]) >= {"index", "kind", "start", "end"}
    assert set(art["sentences"][0]) >= {"paragraph", "start", "end"}
    assert set(art["credits"]) >= {"by", "additional_reporting", "writing", "editing"}
    assert set(data["actors"][0]) >= {"id", "name", "kind", "aliases", "role", "country"}
    assert set(data["mentions"][0]) == {"actor", "start", "end"}
    assert set(data["quotes"][0]) >= {
        "start",
        "end",
        "speaker",
        "speaker_start",
        "speaker_end",
        "cue",
        "paragraph",
        "partial",
        "continued",
        "rule",
    }
    assert set(data["reported"][0]) >= {"speaker", "cue", "start", "end"}
    for key in ("positions", "stances", "groups", "coalitions"):
        assert data[key], f"the bundled export carries the reference coding: {key} is empty"
    # offsets are honest: every quote's span is text inside the article
    text_ = art["text"]
    for q in data["quotes"]:
        assert 0 <= q["start"] < q["end"] <= len(text_)


def test_export_of_an_unseen_article(tmp_path):
    path = tmp_path / "other.txt"
    path.write_text('Prime Minister Jane Doe said: "We will act."\n', encoding="utf-8")
    code, text = run("export", str(path))
    assert code == 0
    data = json.loads(text)
    assert data["article"]["text"].startswith("Prime Minister")
    assert data["positions"] == []


@pytest.mark.parametrize(
    "argv, words",
    [
        (["export", "/nonexistent/article.txt"], "no such file"),
        (["summary", "/nonexistent/article.txt"], "no such file"),
        (["draft", "/nonexistent/article.txt"], "no such file"),
        (["check", "/nonexistent/case.yaml"], "case.yaml"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(argv, words, capsys):
    code, _ = run(*argv)
    err = capsys.readouterr().err
    assert code == 2
    assert words in err
    assert "Traceback" not in err
    assert err.startswith("error: ")


def test_non_utf8_is_read_with_a_note_and_a_wrong_encoding_says_what_to_do(tmp_path, capsys):
    path = tmp_path / "latin.txt"
    path.write_bytes("Fran\u00e7ois said: \u201cOui.\u201d".encode("cp1252"))
    code, text = run("export", str(path))  # not UTF-8: read as Windows-1252, with a one-line note
    err = capsys.readouterr().err
    assert code == 0 and "François" in json.loads(text)["article"]["text"] and "Windows-1252" in err
    code, text = run("export", str(path), "--encoding", "cp1252")
    assert code == 0 and "François" in json.loads(text)["article"]["text"]
    code, _ = run("export", str(path), "--encoding", "utf-8")  # a wrong encoding, given: one line, exit 2
    err = capsys.readouterr().err
    assert code == 2 and str(path) in err and 'encoding="cp1252"' in err and err.count("\n") == 1


def test_csv_needs_an_out_folder(capsys):
    code, _ = run("export", "--format", "csv")
    assert code == 2 and "--out" in capsys.readouterr().err


def test_real_process_never_prints_a_traceback(tmp_path):
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\xff\x00\xfe" * 100)
    proc = subprocess.run(
        [sys.executable, "-m", "kit", "export", str(binary)], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "binary" in proc.stderr
    assert "Traceback" not in proc.stderr
