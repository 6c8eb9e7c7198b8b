"""Nothing lost when the save file cannot be read: it is moved aside before the first change is saved.

Permission and I/O errors are simulated by making ``os.open`` (which
:mod:`kit.fileio` reads every file with) fail for the save file (root reads any file, so ``chmod`` alone proves nothing as
root); a real ``chmod 000`` runs too when the tests are not run as root.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

import kit
from kit.explore.coder import StanceCoder
from kit.learner.coderstate import CodingState
from kit.learner.codingfile import FORMAT, case_identity
from tests.handmade import small_case


def code(coder: StanceCoder, actor: str, position: str, value: str, sentence: int) -> None:
    coder.position.value = position
    coder.actor.value = actor
    coder.stance.value = value
    coder.evidence.value = sentence


def saved_file(path: Path, rows: list[dict]) -> bytes:
    case = small_case()
    raw = json.dumps(
        {
            "format": FORMAT,
            "version": 1,
            "case": case_identity(case),
            "revision": 3,
            "stances": rows,
            "teacher_note": "keep",
        }
    ).encode()
    path.write_bytes(raw)
    return raw


def raw_of(path: Path) -> bytes:
    """The file's bytes, read past the simulated error."""
    with open(path, "rb") as handle:
        return handle.read()


EARLIER = [{"actor": "canada", "position": "strategy", "value": "support", "sentence": 4}]


@pytest.fixture()
def unreadable(monkeypatch):
    """Make reading one file fail with the given OSError (None: readable again).

    The error belongs to the file (its inode), as a real one would: the file
    moved aside keeps it, a new file written at the same path does not.
    """
    real = os.open
    broken: dict[int, OSError] = {}

    def open_(path, flags, *args, **kwargs):  # the kit reads every file with os.open (kit.fileio)
        if not flags & (os.O_WRONLY | os.O_RDWR):
            try:
                inode = os.stat(path).st_ino
            except (OSError, TypeError, ValueError):
                inode = None
            if inode in broken:
                raise broken[inode]
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)

    def set_error(path: Path, error: OSError | None) -> None:
        if error is None:
            broken.clear()
        else:
            broken[os.stat(path).st_ino] = error

    return set_error


ERRORS = {
    "permission": PermissionError(errno.EACCES, "Permission denied"),
    "io": OSError(errno.EIO, "Input/output error"),
}


@pytest.mark.parametrize("kind", sorted(ERRORS))
def test_unreadable_file_is_kept_and_moved_aside_by_the_first_change(tmp_path, unreadable, kind):
    path = tmp_path / "c.json"
    original = saved_file(path, EARLIER)
    unreadable(path, ERRORS[kind])
    coder = StanceCoder(small_case(), path=path)
    assert "cannot be read" in coder.message and ERRORS[kind].strerror in coder.message
    assert "not restored" in coder.message and "moves it aside" in coder.message and "\n" not in coder.message
    assert coder.stances() == () and raw_of(path) == original  # nothing touched yet
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.json"]

    code(coder, "france", "air_strikes", "support", 1)
    (kept,) = tmp_path.glob("c.json.unreadable-*")
    assert raw_of(kept) == original  # the earlier work, byte for byte
    assert coder.message.startswith("Saved 1 stance") and kept.name in coder.message
    assert ERRORS[kind].strerror in coder.message and kept.name in coder.status.value
    data = json.loads(path.read_text())
    assert [r["actor"] for r in data["stances"]] == ["france"]
    code(coder, "canada", "strategy", "oppose", 4)
    assert len(list(tmp_path.glob("c.json.unreadable-*"))) == 1  # moved aside once, not at every save
    assert kept.name in coder.message  # and still said


def test_a_file_readable_again_before_the_first_change_is_merged_not_moved(tmp_path, unreadable):
    path = tmp_path / "c.json"
    saved_file(path, EARLIER)
    unreadable(path, ERRORS["permission"])
    coder = StanceCoder(small_case(), path=path)
    unreadable(path, None)  # the learner fixed the permissions meanwhile
    code(coder, "france", "air_strikes", "support", 1)
    assert list(tmp_path.glob("c.json.*-*")) == []
    data = json.loads(path.read_text())
    assert {(r["actor"], r["value"]) for r in data["stances"]} == {("canada", "support"), ("france", "support")}
    assert data["teacher_note"] == "keep" and data["revision"] == 5  # 3, then one save per change (stance, evidence)


def test_a_file_that_becomes_unreadable_later_is_moved_aside_too(tmp_path, unreadable):
    path = tmp_path / "c.json"
    original = saved_file(path, EARLIER)
    coder = StanceCoder(small_case(), path=path)
    assert "Restored 1 stance" in coder.message
    unreadable(path, ERRORS["io"])
    code(coder, "france", "air_strikes", "support", 1)
    (kept,) = tmp_path.glob("c.json.unreadable-*")
    assert raw_of(kept) == original and kept.name in coder.message
    rows = json.loads(path.read_text())["stances"]
    assert {r["actor"] for r in rows} == {"canada", "france"}  # what it had restored is saved again


def test_a_failed_move_aside_never_overwrites_an_unreadable_file(tmp_path, unreadable, monkeypatch):
    path = tmp_path / "c.json"
    original = saved_file(path, EARLIER)
    unreadable(path, ERRORS["permission"])
    coder = StanceCoder(small_case(), path=path)

    def refuse(p, *, reason="corrupt"):
        raise kit.SaveError(f"{p}: could not be moved aside (Permission denied); copy it somewhere safe by hand")

    monkeypatch.setattr("kit.learner.coderstate.backup", refuse)
    code(coder, "france", "air_strikes", "support", 1)
    assert "could not be moved aside" in coder.message and "\n" not in coder.message
    assert raw_of(path) == original and sorted(p.name for p in tmp_path.iterdir()) == ["c.json"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_a_real_permission_error(tmp_path):
    path = tmp_path / "c.json"
    original = saved_file(path, EARLIER)
    path.chmod(0)
    try:
        coder = StanceCoder(small_case(), path=path)
        assert "Permission denied" in coder.message
        code(coder, "france", "air_strikes", "support", 1)
        (kept,) = tmp_path.glob("c.json.unreadable-*")
        kept.chmod(0o600)
        assert raw_of(kept) == original and kept.name in coder.message
    finally:
        for p in tmp_path.iterdir():
            p.chmod(0o600)


@pytest.mark.parametrize(
    "raw",
    [
        "latin-1 bytes: caf\xe9".encode("latin-1"),  # not UTF-8
        '{"format": "kit-coding", "stances": []}'.encode("utf-16"),  # UTF-16 with a BOM
        b"[" * 100_000 + b"]" * 100_000,  # valid JSON nested too deep to decode (RecursionError)
    ],
    ids=["latin-1", "utf-16", "deep-nesting"],
)
def test_an_undecodable_file_is_moved_aside_before_anything_is_written(tmp_path, raw):
    path = tmp_path / "c.json"
    path.write_bytes(raw)
    coder = StanceCoder(small_case(), path=path)
    (kept,) = tmp_path.glob("c.json.corrupt-*")
    assert kept.read_bytes() == raw and kept.name in coder.message and "damaged" in coder.message
    code(coder, "france", "air_strikes", "support", 1)
    assert kept.read_bytes() == raw and len(list(tmp_path.glob("c.json.*-*"))) == 1
    assert json.loads(path.read_text())["format"] == FORMAT


def test_a_save_file_that_is_a_folder_is_moved_aside(tmp_path):
    path = tmp_path / "c.json"
    (path / "inside").mkdir(parents=True)
    (path / "inside" / "work.txt").write_text("mine")
    coder = StanceCoder(small_case(), path=path)
    assert "cannot be read" in coder.message
    code(coder, "france", "air_strikes", "support", 1)
    (kept,) = tmp_path.glob("c.json.unreadable-*")
    assert (kept / "inside" / "work.txt").read_text() == "mine"
    assert json.loads(path.read_text())["stances"][0]["actor"] == "france"


def test_state_alone_reports_the_same(tmp_path, unreadable):
    """The pure state (no widgets) gives the messages the coder shows."""
    path = tmp_path / "c.json"
    original = saved_file(path, EARLIER)
    unreadable(path, ERRORS["io"])
    state = CodingState(small_case(), path)
    assert "cannot be read (Input/output error)" in state.open()
    state.set("france", "air_strikes", value="support", sentence=1)
    message = state.save()
    (kept,) = tmp_path.glob("c.json.unreadable-*")
    assert raw_of(kept) == original and kept.name in message
