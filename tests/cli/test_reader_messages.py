"""What the readers say (issue 22): names shown safely, sizes exact, UTF-16 named, floods summarised.

* a file name with a newline or an ANSI escape sequence is shown escaped, on one
  line, in the terminal (skip lines, errors), in HTML (escaped twice) and in the handout;
* limits are decimal and the messages say exactly what they are
  ("is 1.06 MB, too large for a case file (limit 1 MB = 1,000,000 bytes)");
* UTF-16 without a byte-order mark is named, with the ``--encoding`` to use;
* 20,000 copies of one problem print 10 lines and one that counts the rest.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import time
from importlib import resources
from pathlib import Path

import pytest

import kit
from kit.case.safeyaml import MAX_BYTES as CASE_LIMIT
from kit.cli import main
from kit.explore.class_view import render_files
from kit.explore.handout import render_handout
from kit.fileio import check_upload, read_regular, show, size_text
from kit.learner.class_inputs import MAX_TOTAL_BYTES
from kit.learner.storage import MAX_SAVE_BYTES
from kit.parse.article import MAX_BYTES as ARTICLE_LIMIT

ARTICLE = resources.files("kit.data") / "article.txt"
REFERENCE = resources.files("kit.data") / "reference_case.yaml"
ESC = "\x1b[31m"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(list(argv), out=out)
    return code, out.getvalue(), err.getvalue()


# --- names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, shown",
    [
        ("a\nb.json", "a\\nb.json"),
        (f"{ESC}red.json", "\\x1b[31mred.json"),
        ("tab\there.json", "tab\\there.json"),
        ("line\u2028sep.json", "line\\u2028sep.json"),
        ("café.json", "café.json"),
    ],
)
def test_show_escapes_what_a_terminal_would_act_on(name, shown):
    assert show(name) == shown
    assert show(Path("/x") / name) == "/x/" + shown


def test_class_skip_lines_show_names_escaped_in_the_terminal_and_in_html(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    for n, name in enumerate(("a\nb.json", f"{ESC}red.json", "<b>bold.json")):
        (folder / name).write_text("{" * (n + 1), encoding="utf-8")  # not JSON: skipped, named
    code, out, err = run("class", str(folder))
    assert code == 2 and err.count("\n") == 1
    assert "\x1b" not in out and "\x1b" not in err
    lines = out.splitlines()
    assert lines[0] == "0 learners' codings read; 3 files skipped."
    assert f"{show(folder)}/a\\nb.json: is not a JSON file (skipped: unreadable)" in lines
    assert f"{show(folder)}/\\x1b[31mred.json: is not a JSON file (skipped: unreadable)" in lines
    assert len(lines) == 4  # one line per file: the newline in a name splits nothing
    page = render_files(kit.collect_codings(kit.load_case(), folder))
    assert "a\\nb.json" in page and "\x1b" not in page and "a\nb" not in page
    assert "&lt;b&gt;bold.json" in page and "<b>bold" not in page


def test_an_error_names_the_file_on_one_line(tmp_path):
    for name in ("no\nsuch.yaml", f"{ESC}no.yaml"):
        code, out, err = run("check", str(tmp_path / name))
        assert code == 2 and err.count("\n") == 1 and "\x1b" not in err
        assert show(tmp_path / name) in err and "no such file" in err


def test_check_ok_prints_the_name_escaped(tmp_path):
    shutil.copy(ARTICLE, tmp_path / "article.txt")
    (tmp_path / "a\nb.yaml").write_bytes(REFERENCE.read_bytes())
    code, out, _ = run("check", str(tmp_path / "a\nb.yaml"))
    assert code == 0 and out.count("\n") == 1 and out.startswith(f"{show(tmp_path)}/a\\nb.yaml: OK: ")


def test_the_handout_shows_the_article_file_name_escaped(tmp_path):
    path = tmp_path / f"a\n{ESC}<i>.txt"
    shutil.copy(ARTICLE, path)
    page = render_handout(kit.load_case(path))
    assert "a\\n\\x1b[31m&lt;i&gt;.txt" in page and "\x1b" not in page and "<i>" not in page


def test_a_symbolic_link_loop_says_so_not_permissions(tmp_path):
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop.name)
    code, _, err = run("check", str(loop))
    assert code == 2 and "points to itself (a loop)" in err and "point it at a real file" in err
    assert "permission" not in err


def test_an_upload_name_and_size_are_checked():
    name, raw = check_upload("peer\n.json", memoryview(b"{}"), limit=10)
    assert (name, raw) == ("peer\\n.json", b"{}")
    with pytest.raises(
        kit.KitError, match=r"^big\.json: is 11 bytes, too large for a file \(limit 10 bytes = 10 bytes\)"
    ):
        check_upload("big.json", b"x" * 11, limit=10)
    with pytest.raises(kit.KitError, match="is not a coding file"):
        check_upload("photo.png", b"x", limit=10, what="coding file", suffixes=(".json",))
    with pytest.raises(kit.KitError, match="could not be read"):
        check_upload("x.json", object(), limit=10)


def test_an_uploaded_coding_over_the_limit_is_refused_in_the_coder(tmp_path):
    coder = kit.StanceCoder(kit.load_case(), path=tmp_path / "mine.json")
    with pytest.raises(
        kit.SaveError, match=r"is 2\.5 MB, too large for a coding file \(limit 2 MB = 2,000,000 bytes\)"
    ):
        coder._compare_upload({"name": "peer.json", "content": b" " * 2_500_000})


def test_an_uploaded_article_over_the_limit_is_refused():
    from kit.lessons.lesson07 import uploaded_text

    class Upload:
        value = ({"name": "big\n.txt", "content": b"a" * (ARTICLE_LIMIT + 1)},)

    with pytest.raises(
        kit.ArticleError, match=r"^big\\n\.txt: is 50,000,001 bytes, too large for an article \(limit 50 MB"
    ):
        uploaded_text(Upload())


# --- sizes ------------------------------------------------------------------------------


def test_limits_are_decimal():
    assert (ARTICLE_LIMIT, CASE_LIMIT, MAX_SAVE_BYTES, MAX_TOTAL_BYTES) == (
        50_000_000,
        1_000_000,
        2_000_000,
        200_000_000,
    )
    assert [size_text(n) for n in (999, 1_000, 1_063_150, 50_000_000, 250_000_001)] == [
        "999 bytes",
        "1 kB",
        "1.06 MB",
        "50 MB",
        "250 MB",
    ]


def test_a_case_file_just_over_1_mb_says_how_large_it_is_and_the_exact_limit(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes(b"# padding\n" * 106_315)  # 1,063,150 bytes
    with pytest.raises(kit.CaseError) as info:
        kit.load_case(path)
    assert str(info.value) == (
        f"{show(path)}: is 1.06 MB, too large for a case file (limit 1 MB = 1,000,000 bytes); "
        "split the coding into several case files"
    )
    path.write_bytes(b"#" * 1_000_000 + b"\n")  # 1,000,001 bytes: never shown as "1 MB", the limit itself
    with pytest.raises(
        kit.CaseError, match=r"is 1,000,001 bytes, too large for a case file \(limit 1 MB = 1,000,000 bytes\)"
    ):
        kit.load_case(path)


def test_exactly_the_limit_is_accepted(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes(b"#" * (CASE_LIMIT - 1) + b"\n")
    with pytest.raises(kit.CaseError) as info:  # refused for what it holds, not for its size
        kit.load_case(path)
    assert "too large" not in str(info.value)
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(ARTICLE_LIMIT)  # 50,000,000 bytes: 50 MB is accepted (sparse)
    assert len(read_regular(big, limit=ARTICLE_LIMIT)) == ARTICLE_LIMIT
    with open(big, "ab") as handle:
        handle.write(b"x")
    with pytest.raises(
        kit.ArticleError, match=r"is 50,000,001 bytes, too large for an article \(limit 50 MB = 50,000,000 bytes\)"
    ):
        kit.load_article(big)


# --- UTF-16 without a byte-order mark ---------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_names_the_encoding_to_use(tmp_path, encoding):
    path = tmp_path / "article.txt"
    path.write_bytes(ARTICLE.read_text(encoding="utf-8").encode(encoding))
    code, _, err = run("export", str(path))
    assert code == 2 and err.count("\n") == 1
    assert f"--encoding {encoding}" in err and "binary" not in err
    assert run("summary", str(path), "--encoding", encoding)[0] == 0  # and the hint works
    with pytest.raises(kit.ArticleError, match=f'encoding="{encoding}"'):
        kit.load_article(path)


def test_a_utf16_case_file_without_a_byte_order_mark_names_the_encoding(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_bytes(REFERENCE.read_text(encoding="utf-8").encode("utf-16-le"))
    code, _, err = run("check", str(path))
    assert code == 2 and err.count("\n") == 1 and "--encoding utf-16-le" in err


def test_binary_data_is_still_called_binary(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(b"\x00\xff\x00\xfe" * 100)
    code, _, err = run("export", str(path))
    assert code == 2 and "binary file" in err and "utf-16" not in err


# --- floods -------------------------------------------------------------------------------------


def test_20000_duplicate_members_print_11_lines_not_20000(tmp_path):
    shutil.copy(ARTICLE, tmp_path / "article.txt")
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("members:"))
    indent = " " * (len(lines[at]) - len(lines[at].lstrip()))
    first = lines[at].split("[", 1)[1].split(",")[0].strip().strip("]") if "[" in lines[at] else None
    if first is None:  # block style: "- id" lines follow
        first = lines[at + 1].strip().lstrip("- ").strip()
        extra = [f"{indent}  - {first}"] * 20_000
        lines[at + 1 : at + 1] = extra
    else:
        lines[at] = lines[at].replace("[", "[" + ", ".join([first] * 20_000) + ", ", 1)
    path = tmp_path / "case.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(kit.CaseError) as info:
        kit.load_case(path)
    message = str(info.value).splitlines()
    assert message[0].startswith(f"{show(path)}: 20,000 problems in the case file")
    assert len(message) == 12, message[:3]  # the count, 10 problems, one line for the rest
    assert all("is listed twice" in line for line in message[1:11])
    assert "… and 19,990 more problems like the one on line" in message[11]
    code, _, err = run("check", str(path))
    assert code == 2 and len(err.splitlines()) == 12


def test_different_problems_are_all_listed(tmp_path):
    """Only a flood of one kind is cut short: 12 different problems are 12 lines."""
    from kit.case.yamlfile import Problems

    problems = Problems("case.yaml", {})
    for i in range(12):
        problems.add(("actors", i, f"field{'abcdefghijkl'[i]}x"), f"problem number {'abcdefghijkl'[i]}")
    assert len(problems.messages()) == 12
    for i in range(30):
        problems.add(("groups", 0, "members", i), f"'m{i}' is listed twice; keep one")
    assert len(problems.messages()) == 12 + 10 + 1


# --- writing a case reads the old file through the one reader ------------------------------------


def test_save_case_never_reads_a_huge_or_blocking_old_file(tmp_path):
    from kit.learner.casefile import save_case

    case = kit.load_case()
    huge = tmp_path / "huge.yaml"
    with open(huge, "wb") as handle:
        handle.truncate(250_000_001)
    with pytest.raises(kit.CaseError, match=r"is 250 MB, too large for a case file \(limit 1 MB = 1,000,000 bytes\)"):
        save_case(case, huge)
    assert huge.stat().st_size == 250_000_001  # left as it was
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    start = time.perf_counter()
    with pytest.raises(kit.CaseError, match="named pipe"):
        save_case(case, pipe)
    assert time.perf_counter() - start < 10
