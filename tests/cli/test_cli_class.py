"""``python -m kit class``: a zip, a folder or files in; the class report out; one line per bad file."""

from __future__ import annotations

import io
import zipfile

from kit.cli import main
from kit.learner.class_files import example_class


def _run(*argv):
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_cli_class_on_a_zip_folder_and_files(tmp_path, capsys):
    path = tmp_path / "class.zip"
    path.write_bytes(example_class()[1])
    code, text = _run("class", str(path), "--anonymise")
    assert code == 0
    assert text.startswith("24 learners' codings read; 6 files skipped")
    assert "synthetic-other-scheme.json" in text and "Krippendorff" not in text  # plain words
    assert "all positions:" in text and "Pairs to discuss" in text and "matches the reference on" in text
    with zipfile.ZipFile(path) as z:
        z.extractall(tmp_path / "unzipped")
    code, folder_text = _run("class", str(tmp_path / "unzipped"))
    assert code == 0 and folder_text.splitlines()[0] == text.splitlines()[0]
    singles = sorted(str(p) for p in (tmp_path / "unzipped").rglob("synthetic-learner-0*.json"))
    code, files_text = _run("class", *singles, "--reference")
    assert code == 0 and "reference counted as one more coder" in files_text


def test_cli_class_html_page(tmp_path, capsys):
    path = tmp_path / "class.zip"
    path.write_bytes(example_class()[1])
    out = tmp_path / "view.html"
    code, _ = _run("class", str(path), "--html", str(out), "--teacher")
    assert code == 0
    page = out.read_text(encoding="utf-8")
    assert (
        page.startswith("<!doctype html>")
        and "data:image/png;base64," in page
        and "far from the class consensus" in page
    )


def test_cli_class_with_nothing_readable_exits_2_with_one_line(tmp_path, capsys):
    bad = tmp_path / "x.json"
    bad.write_text("{", encoding="utf-8")
    code, text = _run("class", str(bad))
    assert code == 2 and text == ""  # one file given, and refused: its line is the error
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"error: {bad}: is not a JSON file; give the learners'")
    (tmp_path / "y.json").write_text("[]", encoding="utf-8")
    code, text = _run("class", str(bad), str(tmp_path / "y.json"))  # several: one line each, then the error
    assert code == 2
    assert "x.json: is not a JSON file (skipped: unreadable)" in text
    assert capsys.readouterr().err.strip() == "error: no learner's coding could be read: see the skipped files above"
