"""The command line on hostile files (issue 14): one line, exit 2, never a hang, never "internal error".

Run for real through ``python -m kit`` (a subprocess, with a timeout: a FIFO
must not block it) and in-process through ``kit.cli.main``. Permission cases
run for real as the unprivileged user ``nobody`` when the tests run as root
and ``setpriv`` exists (root reads everything), from a copy of the kit that
``nobody`` can read wherever the repository is cloned (:mod:`tests.unprivileged`);
the same messages are also checked with the system call made to fail.
"""

from __future__ import annotations

import errno
import io
import os
import shutil
import stat
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import pytest

import kit
from kit.cli import main
from tests.unprivileged import AS_NOBODY, Runtime, can_drop_root, shared_tempdir

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = resources.files("kit.data") / "article.txt"
REFERENCE = resources.files("kit.data") / "reference_case.yaml"
as_root = pytest.mark.skipif(not can_drop_root(), reason="needs root and setpriv to run as nobody")
# the fixture ``nobody`` (tests/conftest.py): the kit copied where nobody can read it


def kit_process(
    *argv: str, prefix: list[str] | None = None, timeout: float = 60, runtime: Runtime | None = None
) -> tuple[int, str, float]:
    """Run ``python -m kit argv`` (as ``runtime`` says, else from this clone); return the exit status, stderr and the seconds it took."""
    env = {
        "PYTHONPATH": runtime.pythonpath if runtime else str(ROOT),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "MPLBACKEND": "Agg",
        "LANG": "C.UTF-8",
    }
    start = time.perf_counter()
    proc = subprocess.run(
        [*(prefix or []), runtime.python if runtime else sys.executable, "-m", "kit", *argv],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd="/",
        env=env,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    return proc.returncode, proc.stderr, time.perf_counter() - start


def one_line_exit_2(code: int, err: str, *words: str) -> str:
    assert code == 2, err
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert "internal error" not in err and "Traceback" not in err
    for word in words:
        assert word in err, err
    assert "; " in err, f"no hint of what to do in {err!r}"
    return err


def run(*argv: str) -> tuple[int, str]:
    """``kit.cli.main`` in this process: exit status and stderr."""
    err = io.StringIO()
    saved, sys.stderr = sys.stderr, err
    try:
        code = main(list(argv), out=io.StringIO())
    finally:
        sys.stderr = saved
    return code, err.getvalue()


@pytest.fixture
def shared(tmp_path_factory) -> Path:
    """A folder anyone may enter (pytest's own are private to root), with the article and a case."""
    folder = shared_tempdir("kit-hostile-")
    if folder is None:
        pytest.skip("no temporary folder that nobody can enter")
    shutil.copy(ARTICLE, folder / "article.txt")
    (folder / "case.yaml").write_bytes(REFERENCE.read_bytes())
    for path in folder.iterdir():
        path.chmod(0o644)
    yield folder
    for path in folder.rglob("*"):
        if path.is_dir():
            path.chmod(0o755)
    shutil.rmtree(folder, ignore_errors=True)


# --- only regular files are read ----------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize(
    "argv",
    [
        ["export", "{fifo}.txt"],
        ["summary", "{fifo}.txt"],
        ["draft", "{fifo}.txt"],
        ["check", "{fifo}.yaml"],
        ["export", "--case", "{fifo}.yaml"],
    ],
)
def test_a_named_pipe_without_a_writer_never_blocks(tmp_path, argv):
    for suffix in (".txt", ".yaml"):
        os.mkfifo(tmp_path / f"pipe{suffix}")
    argv = [a.format(fifo=tmp_path / "pipe") for a in argv]
    code, err, seconds = kit_process(*argv, timeout=30)
    one_line_exit_2(code, err, "named pipe (FIFO)", "not a regular file")
    assert "no such file" not in err
    assert seconds < 20


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_are_refused_without_reading_them(device):
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    for argv in (["export", device], ["check", device]):
        code, err, seconds = kit_process(*argv)
        one_line_exit_2(code, err, device, "character device", "not a regular file")
        assert seconds < 20


def test_a_file_swapped_for_a_device_after_stat_is_still_refused(tmp_path, monkeypatch):
    """O_NONBLOCK + fstat after open: the check holds even if the path changes in between."""
    real_open, path = os.open, tmp_path / "article.txt"
    path.write_text("Kerry said so.", encoding="utf-8")
    monkeypatch.setattr(
        os, "open", lambda p, flags, *a, **k: real_open("/dev/zero" if str(p) == str(path) else p, flags, *a, **k)
    )
    with pytest.raises(kit.ArticleError, match="character device"):
        kit.load_article(path)


def test_the_size_cap_is_enforced_while_reading(tmp_path, monkeypatch):
    """A file larger than stat says (it grew, or stat lies) is still cut off at the cap."""
    path = tmp_path / "case.yaml"
    path.write_bytes(b"# padding\n" * 300_000)  # 3 MB: over the case file limit
    real_stat, real_fstat, inode = os.stat, os.fstat, os.stat(path).st_ino

    def small(result):
        return os.stat_result((result.st_mode, *result[1:6], 10, *result[7:])) if result.st_ino == inode else result

    monkeypatch.setattr(os, "stat", lambda p, *args, **kwargs: small(real_stat(p, *args, **kwargs)))
    monkeypatch.setattr(os, "fstat", lambda fd: small(real_fstat(fd)))
    assert os.stat(path).st_size == 10
    with pytest.raises(
        kit.CaseError, match=r"is more than 1 MB, too large for a case file \(limit 1 MB = 1,000,000 bytes\)"
    ):
        kit.load_case(path)


def test_nul_bytes_after_the_first_8_kb_mean_a_binary_file(tmp_path):
    path = tmp_path / "article.txt"
    text = ARTICLE.read_bytes() * 3
    assert len(text) > 8192
    path.write_bytes(text + b"\x00more text")
    code, err = run("export", str(path))
    one_line_exit_2(code, err, "binary file")
    with pytest.raises(kit.ArticleError, match="binary"):
        kit.load_article(path)


def test_utf16_text_with_its_byte_order_mark_is_not_binary(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(ARTICLE.read_text(encoding="utf-8").encode("utf-16"))
    assert kit.load_article(path, encoding="utf-16").text.startswith(kit.load_article().text[:40])
    path.write_bytes("Kerry\x00 said.".encode("utf-16"))
    with pytest.raises(kit.ArticleError, match="binary"):
        kit.load_article(path, encoding="utf-16")


def test_an_article_of_several_megabytes_is_still_read(tmp_path):
    path = tmp_path / "long.txt"
    path.write_bytes(ARTICLE.read_bytes() * 1200)  # about 5 MB
    assert len(kit.read_text(path)) > 4_900_000


# --- names ------------------------------------------------------------------------


def test_a_300_character_file_name(tmp_path):
    name = str(tmp_path / ("n" * 300 + ".txt"))
    for argv in (["export", name], ["check", name[:-4] + ".yaml"]):
        code, err = run(*argv)
        one_line_exit_2(code, err, "file name too long", "rename")


def test_a_missing_path_with_a_newline_is_printed_escaped_on_one_line(tmp_path):
    for path in (str(tmp_path / "no\nsuch.txt"), str(tmp_path / "no\nsuch.yaml"), str(tmp_path / "a\x1b[31mred.txt")):
        code, err, _ = kit_process("export", path)
        one_line_exit_2(code, err, "no such file")
        assert "\\n" in err or "\\x1b" in err
        assert "\x1b" not in err


def test_check_on_a_folder_names_it(tmp_path):
    code, err = run("check", str(tmp_path))
    one_line_exit_2(code, err, "is a folder")


# --- permissions: for real as nobody, and with the system call made to fail ------------


@as_root
def test_unreadable_files_and_folders_for_real(shared, nobody):
    (shared / "locked").mkdir()
    shutil.copy(ARTICLE, shared / "locked" / "article.txt")
    (shared / "locked").chmod(0o000)
    (shared / "case.yaml").chmod(0o000)
    (shared / "article.txt").chmod(0o000)
    for argv, words in [
        (["export", str(shared / "locked" / "article.txt")], "permission denied"),
        (["summary", str(shared / "article.txt")], "permission denied"),
        (["check", str(shared / "case.yaml")], "permission denied"),
        (["export", "--case", str(shared / "case.yaml")], "permission denied"),
    ]:
        code, err, _ = kit_process(*argv, prefix=AS_NOBODY, runtime=nobody)
        one_line_exit_2(code, err, words, "ask for read access")


@as_root
def test_unwritable_out_for_real(shared, nobody):
    (shared / "readonly").mkdir(mode=0o555)
    (shared / "readonly").chmod(0o555)
    for argv in (
        ["export", "--out", str(shared / "readonly" / "x.json")],
        ["export", "--format", "csv", "--out", str(shared / "readonly" / "tables")],
        ["export", "--format", "dna", "--out", str(shared / "readonly" / "x.csv")],
    ):
        code, err, _ = kit_process(*argv, prefix=AS_NOBODY, runtime=nobody)
        one_line_exit_2(code, err, str(shared / "readonly"))
        assert "permission denied" in err.lower()


@pytest.mark.parametrize(
    "failing, errno_, words",
    [
        ("stat", errno.EACCES, "permission denied"),  # a folder on the path that cannot be entered
        ("open", errno.EACCES, "permission denied"),  # the file itself
        ("open", errno.EIO, "cannot be read (Input/output error)"),
        ("read", errno.EIO, "cannot be read (Input/output error)"),
        ("stat", errno.ELOOP, "symbolic links"),
    ],
)
@pytest.mark.parametrize("argv", [["export", "{dir}/article.txt"], ["check", "{dir}/case.yaml"]])
def test_every_os_error_while_reading_is_one_line(tmp_path, monkeypatch, failing, errno_, words, argv):
    shutil.copy(ARTICLE, tmp_path / "article.txt")
    (tmp_path / "case.yaml").write_bytes(REFERENCE.read_bytes())
    target = argv[-1].format(dir=tmp_path)
    real = getattr(os, failing)

    def fail(*args, **kwargs):
        if failing == "read" or str(args[0]) == target:
            raise OSError(errno_, os.strerror(errno_), target)
        return real(*args, **kwargs)

    monkeypatch.setattr(os, failing, fail)
    code, err = run(*argv[:-1], target)
    one_line_exit_2(code, err, target, words)


def test_any_other_os_error_is_still_one_line_and_exit_2(monkeypatch):
    def broken(case):
        raise OSError(errno.EIO, "Input/output error", "/some/file\nname")

    monkeypatch.setattr(kit.cli, "summary_text", broken)
    code, err = run("summary")
    one_line_exit_2(code, err, "/some/file\\nname", "Input/output error")


# --- --out ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv, words",
    [
        (["export", "--out", "{tmp}"], "is a folder; give a file name"),
        (["export", "--format", "graphml", "--out", "{tmp}"], "is a folder"),
        (["export", "--format", "dna", "--out", "{tmp}"], "is a folder"),
        (["export", "--format", "csv", "--out", "{tmp}/existing.txt"], "is a file, but --format csv writes several"),
        (["export", "--out", "{tmp}/no/such/folder/x.json"], "does not exist"),
        (["export", "--out", "{tmp}/existing.txt/x.json"], "is a file, not a folder"),
        (["export", "--format", "csv", "--out", "{tmp}/existing.txt/tables"], "file"),
        (["export", "--out", "/dev/full"], "disk is full"),
    ],
)
def test_every_bad_out_is_one_line(tmp_path, argv, words):
    (tmp_path / "existing.txt").write_text("keep me", encoding="utf-8")
    argv = [a.format(tmp=tmp_path) for a in argv]
    if "/dev/full" in argv and not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    code, err = run(*argv)
    one_line_exit_2(code, err, words)
    assert (tmp_path / "existing.txt").read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize(
    "errno_, words", [(errno.EACCES, "permission denied"), (errno.EROFS, "read-only"), (errno.ENOSPC, "disk is full")]
)
def test_unwritable_out_messages(tmp_path, monkeypatch, errno_, words):
    out = str(tmp_path / "x.json")

    def refuse(self, *args, **kwargs):
        raise OSError(errno_, os.strerror(errno_), str(self))

    monkeypatch.setattr(Path, "write_text", refuse)
    code, err = run("export", "--out", out)
    one_line_exit_2(code, err, f"--out {out}", words)


def test_a_good_out_still_works(tmp_path):
    assert run("export", "--out", str(tmp_path / "x.json")) == (0, "")
    code, _ = run("export", "--format", "csv", "--out", str(tmp_path / "tables"))
    assert code == 0 and len(list((tmp_path / "tables").glob("*.csv"))) == 4
    assert stat.S_ISREG(os.stat(tmp_path / "x.json").st_mode)
