"""``python -m kit handout``: a printable HTML file for the bundled case, a case file or an article."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from kit.cli import main


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_handout_writes_the_bundled_case(tmp_path):
    target = tmp_path / "handout.html"
    code, text = run("handout", "--out", str(target))
    assert code == 0 and text == ""
    page = target.read_text(encoding="utf-8")
    assert "¶&nbsp;1</span>" in page and "Worksheet" in page and "Teacher's key" not in page


def test_handout_key_and_stdout():
    code, page = run("handout", "--key")
    assert code == 0 and page.startswith("<!DOCTYPE html>") and "Teacher's key" in page


def test_handout_of_an_article_file(tmp_path):
    article = tmp_path / "mine.txt"
    article.write_text("The minister said the talks would go on.\n“We will meet again,” she said.\n", encoding="utf-8")
    code, page = run("handout", str(article))
    assert code == 0 and "We will meet again" in page and "¶&nbsp;2</span>" in page


def test_handout_errors_are_one_line(tmp_path, capsys):
    code, _ = run("handout", str(tmp_path / "missing.txt"))
    assert code == 2
    code, _ = run("handout", "--out", str(tmp_path / "no" / "such" / "folder" / "h.html"))
    err = capsys.readouterr().err
    assert code == 2 and "cannot write the handout" in err and "Traceback" not in err


def test_python_dash_m_kit_handout(tmp_path):
    target = tmp_path / "h.html"
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run(
        [sys.executable, "-m", "kit", "handout", "--out", str(target)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert target.stat().st_size > 5000 and "wrote" in proc.stderr
