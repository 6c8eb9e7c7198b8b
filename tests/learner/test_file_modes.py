"""File modes of what the kit writes (issue 22): the umask for new files, the old mode for
replaced ones, and a read-only file never replaced -- for saves, exports and the command line.

Read-only is tested with the mode bits (``chmod 0444``), which holds for root too:
root may write any file, but the kit still refuses one its owner made read-only.
"""

from __future__ import annotations

import io
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

import kit
from kit.cli import main
from kit.errors import SaveError
from kit.explore.coder import StanceCoder
from kit.export import write_csv, write_dna, write_graphml
from kit.learner.coderstate import CodingState
from kit.learner.storage import clean_stale_tmp, load_json, save_bytes, save_json
from kit.writing import is_read_only, open_new, replaced_mode
from tests.handmade import small_case

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")

OLD = b'{"old": true}\n'


@pytest.fixture(params=[0o022, 0o077, 0o002], ids=["umask022", "umask077", "umask002"])
def umask(request) -> Iterator[int]:
    """Run the test under this umask (the process's; restored afterwards)."""
    before = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(before)


def mode_of(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def read_only_file(path: Path, raw: bytes = OLD) -> Path:
    path.write_bytes(raw)
    path.chmod(0o444)
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def code(coder: StanceCoder, actor: str, position: str, value: str, sentence: int) -> None:
    coder.position.value = position
    coder.actor.value = actor
    coder.stance.value = value
    coder.evidence.value = sentence


def run(*argv: str) -> tuple[int, str]:
    """``kit.cli.main`` in this process: exit status and stderr."""
    err = io.StringIO()
    saved, sys.stderr = sys.stderr, err
    try:
        code = main(list(argv), out=io.StringIO())
    finally:
        sys.stderr = saved
    return code, err.getvalue()


# --- new files follow the umask, as open() would ------------------------------------------


def test_a_new_save_follows_the_umask(tmp_path, umask):
    path = save_json(tmp_path / "coding.json", {"stances": []})
    assert mode_of(path) == 0o666 & ~umask
    with open(tmp_path / "by-open.json", "w") as handle:  # what the learner would expect
        handle.write("{}")
    assert mode_of(path) == mode_of(tmp_path / "by-open.json")


def test_a_coders_save_and_export_follow_the_umask(tmp_path, umask):
    state = CodingState(small_case(), tmp_path / "coding.json")
    state.open()
    state.set("canada", "strategy", value="support", sentence=4)
    state.save()
    exported = state.export(tmp_path / "for-a-peer.json")
    assert mode_of(tmp_path / "coding.json") == 0o666 & ~umask
    assert mode_of(exported) == 0o666 & ~umask


def test_exports_and_cli_outputs_follow_the_umask(tmp_path, umask):
    case = kit.load_case()
    paths = [
        *write_csv(case, tmp_path / "tables"),
        write_dna(case, tmp_path / "dna.csv"),
        write_graphml(case, tmp_path / "net.graphml"),
    ]
    assert run("export", "--out", str(tmp_path / "x.json")) == (0, "")
    assert run("handout", "--out", str(tmp_path / "handout.html"))[0] == 0
    paths += [tmp_path / "x.json", tmp_path / "handout.html"]
    assert {p.name: mode_of(p) for p in paths} == {p.name: 0o666 & ~umask for p in paths}


# --- a replaced file keeps its mode -----------------------------------------------------------


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664, 0o666])
def test_a_replaced_save_keeps_its_mode_whatever_the_umask(tmp_path, umask, mode):
    path = tmp_path / "coding.json"
    path.write_bytes(OLD)
    path.chmod(mode)
    save_json(path, {"new": True})
    assert load_json(path) == {"new": True}
    assert mode_of(path) == mode
    assert leftovers(tmp_path) == []


def test_a_replaced_save_does_not_keep_setuid_bits(tmp_path):
    path = tmp_path / "coding.json"
    path.write_bytes(OLD)
    path.chmod(0o4755)
    save_bytes(path, b"{}")
    assert mode_of(path) == 0o755


def test_open_new_gives_exactly_the_mode_asked_for(tmp_path, umask):
    os.close(open_new(tmp_path / "a", mode=0o664))
    os.close(open_new(tmp_path / "b"))
    assert (mode_of(tmp_path / "a"), mode_of(tmp_path / "b")) == (0o664, 0o666 & ~umask)
    with pytest.raises(FileExistsError):
        open_new(tmp_path / "a")
    assert replaced_mode(tmp_path / "a") == 0o664
    assert replaced_mode(tmp_path / "missing") is None and replaced_mode(tmp_path) is None


def test_the_temporary_file_is_one_a_killed_save_leaves_for_clean_stale_tmp(tmp_path, monkeypatch):
    """The temporary name still matches what :func:`clean_stale_tmp` removes."""
    seen: list[str] = []
    real_replace = os.replace

    def spy(src, dst):
        seen.append(os.path.basename(src))
        raise OSError(5, "Input/output error")  # killed before the swap: the temp file is removed by save_bytes

    monkeypatch.setattr(os, "replace", spy)
    with pytest.raises(SaveError):
        save_bytes(tmp_path / "coding.json", b"{}")
    monkeypatch.setattr(os, "replace", real_replace)
    (tmp_path / seen[0]).write_bytes(b"{}")  # as if the save had been killed instead
    assert [p.name for p in clean_stale_tmp(tmp_path / "coding.json", max_age_s=-1)] == seen


# --- a read-only file is never replaced --------------------------------------------------------


def test_a_read_only_save_is_refused_and_left_as_it_was(tmp_path):
    path = read_only_file(tmp_path / "coding.json")
    assert is_read_only(path)
    with pytest.raises(SaveError) as info:
        save_json(path, {"new": True})
    message = str(info.value)
    assert "\n" not in message
    for words in ("coding.json", "is read-only", "was not replaced", "chmod u+w", "another name"):
        assert words in message
    assert path.read_bytes() == OLD and mode_of(path) == 0o444
    assert leftovers(tmp_path) == []
    path.chmod(0o644)
    assert not is_read_only(path)
    save_json(path, {"new": True})  # writable again: saved
    assert load_json(path) == {"new": True}


def test_a_coding_state_refuses_a_read_only_file_and_keeps_its_coding(tmp_path):
    path = tmp_path / "coding.json"
    state = CodingState(small_case(), path)
    state.open()
    state.set("canada", "strategy", value="support", sentence=4)
    state.save()
    raw = path.read_bytes()
    path.chmod(0o444)
    state.set("canada", "strategy", value="oppose", sentence=4)
    with pytest.raises(SaveError, match="read-only"):
        state.save()
    assert path.read_bytes() == raw
    assert state.coding[("canada", "strategy")]["value"] == "oppose"


def test_the_coder_says_its_save_file_is_read_only_and_loses_no_work(tmp_path):
    path = tmp_path / "coding.json"
    first = StanceCoder(small_case(), path=path)
    code(first, "canada", "strategy", "support", 4)
    raw = path.read_bytes()
    path.chmod(0o444)

    coder = StanceCoder(small_case(), path=path)
    assert "Restored 1 stance" in coder.message
    assert "read-only" in coder.message and "chmod u+w" in coder.message  # said before any change
    code(coder, "canada", "strategy", "oppose", 4)  # autosave: refused, no traceback
    assert "read-only" in coder.message and "Nothing is lost" in coder.message
    assert "Traceback" not in coder.status.value and "read-only" in coder.status.value
    assert path.read_bytes() == raw and mode_of(path) == 0o444
    assert coder.coding[("canada", "strategy")]["value"] == "oppose"  # kept in memory

    path.chmod(0o644)  # the learner makes it writable: the next change saves everything
    coder.why.value = "they said so"
    assert coder.message.startswith("Saved 1 stance")
    assert load_json(path)["stances"][0]["value"] == "oppose"
    assert load_json(path)["stances"][0]["why"] == "they said so"


def test_exports_refuse_a_read_only_target(tmp_path):
    case = kit.load_case()
    for writer, name in ((write_dna, "dna.csv"), (write_graphml, "net.graphml")):
        path = read_only_file(tmp_path / name)
        with pytest.raises(SaveError, match="is read-only, so it was not replaced"):
            writer(case, path)
        assert path.read_bytes() == OLD


def test_csv_export_writes_no_table_if_one_is_read_only(tmp_path):
    folder = tmp_path / "tables"
    folder.mkdir()
    read_only_file(folder / "stances.csv")
    with pytest.raises(SaveError, match="stances.csv: is read-only"):
        write_csv(kit.load_case(), folder)
    assert sorted(p.name for p in folder.iterdir()) == ["stances.csv"]
    assert (folder / "stances.csv").read_bytes() == OLD


EXAMPLE_CLASS = str(resources.files("kit.data") / "example_class.zip")


@pytest.mark.parametrize(
    "argv, target, option",
    [
        (["export", "--out", "{t}"], "x.json", "--out"),
        (["export", "--format", "dna", "--out", "{t}"], "x.csv", "--out"),
        (["export", "--format", "graphml", "--out", "{t}"], "x.graphml", "--out"),
        (["export", "--format", "csv", "--out", "{dir}/tables"], "tables/quotes.csv", "--out"),
        (["handout", "--out", "{t}"], "handout.html", "--out"),
        (["class", EXAMPLE_CLASS, "--html", "{t}"], "class.html", "--html"),
    ],
)
def test_the_command_line_refuses_a_read_only_output(tmp_path, argv, target, option):
    path = tmp_path / target
    path.parent.mkdir(exist_ok=True)
    read_only_file(path)
    argv = [a.format(t=path, dir=tmp_path) for a in argv]
    code, err = run(*argv)
    assert code == 2, err
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert f"{option} {path}: is read-only, so it was not replaced" in err
    assert f"chmod u+w) or choose another {option}" in err
    assert path.read_bytes() == OLD and mode_of(path) == 0o444
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # nothing else written


# --- for real, as an ordinary user (root may write anything; nobody may not) --------------------

NOBODY_SAVES = """
import os, sys
from kit.errors import SaveError
from kit.learner.storage import save_json
os.umask(0o027)
for name in sys.argv[1:]:
    try:
        save_json(name, {"new": True})
        print("saved", oct(os.stat(name).st_mode & 0o777))
    except SaveError as exc:
        print("refused", exc)
"""


def test_for_real_as_nobody_a_read_only_save_is_refused_and_new_ones_follow_the_umask(nobody):
    """An ordinary user may replace a read-only file of theirs (renaming needs no write permission on it)."""
    from tests.unprivileged import AS_NOBODY, shared_tempdir

    folder = shared_tempdir("kit-modes-")
    assert folder is not None
    try:
        os.chown(folder, 65534, 65534)
        mine = read_only_file(folder / "coding.json")
        os.chown(mine, 65534, 65534)
        theirs = folder / "theirs.json"  # root's, writable by root only: nobody may not write it
        theirs.write_bytes(OLD)
        theirs.chmod(0o644)
        env = {"PYTHONPATH": nobody.pythonpath, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "MPLBACKEND": "Agg"}
        proc = subprocess.run(
            [*AS_NOBODY, nobody.python, "-c", NOBODY_SAVES, str(mine), str(theirs), str(folder / "new.json")],
            capture_output=True,
            text=True,
            cwd="/",
            env=env,
            timeout=60,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        refused, refused_too, saved = proc.stdout.splitlines()
        for line in (refused, refused_too):
            assert line.startswith("refused ") and "is read-only, so it was not replaced" in line
        assert saved == "saved 0o640"
        assert mine.read_bytes() == OLD and mode_of(mine) == 0o444
        assert theirs.read_bytes() == OLD and os.stat(theirs).st_uid == 0

        proc = subprocess.run(
            [*AS_NOBODY, nobody.python, "-m", "kit", "export", "--out", str(mine)],
            capture_output=True,
            text=True,
            cwd="/",
            env=env,
            timeout=60,
            check=False,
        )
        assert proc.returncode == 2 and f"--out {mine}: is read-only" in proc.stderr, proc.stderr
        assert mine.read_bytes() == OLD
    finally:
        shutil.rmtree(folder, ignore_errors=True)
