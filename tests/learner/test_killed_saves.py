"""Saves killed half-way: the save file is always a complete state, and leftovers are cleaned up on open.

A saver process (the pure :class:`~kit.learner.coderstate.CodingState`, saving as fast
as it can) is killed with SIGKILL again and again at random moments; after
each kill the save file must hold one complete state (the one its revision
names), and the next process to open the file removes the temporary files the
killed ones left behind. The savers are forked from the test (a spawned
interpreter would spend most of the test importing; two spawned processes
writing one file are tested in test_two_coders.py).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kit.learner import storage
from kit.learner.coderstate import CodingState
from kit.learner.codingfile import FORMAT, Coding, case_identity
from kit.records import Case
from tests.handmade import small_case

KILLS = 50
VALUES = ("support", "oppose", "conditional", "undecided")


def state(case: Case, rev: int) -> Coding:
    """The complete state after save number ``rev``: the first ``rev`` pairs coded, every value
    shifted by one at each save, so a file mixing two saves cannot pass for either."""
    pairs = [(a.id, p.id) for p in case.positions for a in case.actors]
    n = len(case.article.sentences)
    return {
        pair: {"value": VALUES[(rev + j) % 4], "sentence": (rev + j) % n}
        for j, pair in enumerate(pairs[: min(rev, len(pairs))])
    }


def start_saver(case: Case, path: Path) -> tuple[int, int]:
    """Fork a process that opens ``path`` and saves the next state, again and again, until killed.

    Returns its pid and how many stale temporary files its open removed (once it is ready).
    """
    ready, tell = os.pipe()
    pid = os.fork()
    if pid == 0:  # the saver; it never returns into pytest
        try:
            os.close(ready)
            saver = CodingState(case, path)
            saver.open()
            os.write(tell, f"{len(saver.cleaned)}\n".encode())
            while True:
                saver.coding = state(case, saver.revision + 1)
                saver.save()
        finally:
            os._exit(1)
    os.close(tell)
    with os.fdopen(ready) as line:
        answer = line.readline()
    assert answer.strip().isdigit(), "the saver died before it was ready"
    return pid, int(answer)


def tmp_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.tmp"))


def writer_pid(tmp: Path) -> int | None:
    part = tmp.name.split(".pid", 1)
    return int(part[1].split(".", 1)[0]) if len(part) == 2 else None


def check_complete(path: Path, case) -> int:
    """The save file holds exactly the state its revision names; returns that revision."""
    data = json.loads(path.read_bytes())  # never half a file
    assert data["format"] == FORMAT and data["case"] == case_identity(case)
    rev = data["revision"]
    expected = state(case, rev)
    got = {(r["actor"], r["position"]): {"value": r["value"], "sentence": r["sentence"]} for r in data["stances"]}
    assert got == expected, f"revision {rev}: a mix of saves"
    return rev


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork and SIGKILL: POSIX")
def test_a_saver_killed_mid_save_again_and_again(tmp_path):
    case = small_case()
    path = tmp_path / "coding.json"
    rng = random.Random(14)
    revisions, left_behind, cleaned = [0], 0, 0
    for _kill in range(KILLS):
        pid, removed = start_saver(case, path)
        try:
            cleaned += removed
            # opening removed every leftover of the killed savers; only this saver's own may exist
            assert all(writer_pid(t) == pid for t in tmp_files(tmp_path)), tmp_files(tmp_path)
            deadline = time.monotonic() + 60  # let it save at least once before the kill
            while (
                not path.exists() or json.loads(path.read_bytes())["revision"] == revisions[-1]
            ) and time.monotonic() < deadline:
                time.sleep(0.001)
            time.sleep(rng.uniform(0, 0.02))
        finally:
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        revisions.append(check_complete(path, case))
        assert revisions[-1] >= revisions[-2], "the file went back to an older state"
        left_behind += len(tmp_files(tmp_path))
    assert revisions[-1] >= KILLS  # it really saved, at least once between two kills
    # the last saver's leftover (if any) goes when the file is next opened
    reopened = CodingState(case, path)
    assert reopened.open().startswith("Restored")
    cleaned += len(reopened.cleaned)
    assert tmp_files(tmp_path) == [] and sorted(p.name for p in tmp_path.iterdir()) == ["coding.json"]
    assert cleaned == left_behind  # every leftover seen after a kill was removed by the next open
    print(
        f"{KILLS} kills, revisions {revisions[1]}..{revisions[-1]}, {left_behind} temporary files left behind, "
        f"all removed on the next open"
    )


# --- the cleanup rules, one by one ------------------------------------------------------------


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_open_removes_leftovers_of_dead_writers_and_old_ones(tmp_path):
    case = small_case()
    path = tmp_path / "c.json"
    state = CodingState(case, path)
    state.open()
    state.set("france", "air_strikes", value="support", sentence=1)
    state.save()
    dead = tmp_path / f".c.json.pid{dead_pid()}.abcd1234.tmp"
    old = tmp_path / ".c.json.q9z_x8y7.tmp"  # an older kit's name, with no process id
    live = tmp_path / f".c.json.pid{os.getppid()}.live5678.tmp"  # a live writer, just started
    live_old = tmp_path / f".c.json.pid{os.getppid()}.slow0000.tmp"
    other = tmp_path / ".other.json.pid1.abcd1234.tmp"  # another file's: not this file's business
    for p in (dead, old, live, live_old, other):
        p.write_text('{"half": ')
    stamp = time.time() - storage.STALE_TMP_AGE_S - 5
    for p in (old, live_old):
        os.utime(p, (stamp, stamp))
    again = CodingState(case, path)
    assert again.open().startswith("Restored 1 stance")
    assert sorted(p.name for p in again.cleaned) == sorted(p.name for p in (dead, old, live_old))
    assert sorted(p.name for p in tmp_files(tmp_path)) == sorted([live.name, other.name])


def test_cleanup_never_touches_the_save_file_or_backups(tmp_path):
    path = tmp_path / "c.json"
    keep = [
        "c.json",
        "c.json.corrupt-20240912-101500",
        "c-conflict-20240912-101500.json",
        ".c.json.notes",
        ".c.json.pid1.tmp",
        ".c.json.pidX.abcd1234.tmp",
    ]
    for name in keep:
        (tmp_path / name).write_text("x")
        os.utime(tmp_path / name, (0, 0))
    assert storage.clean_stale_tmp(path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(keep)


def test_save_names_its_temporary_file_after_the_writer(tmp_path, monkeypatch):
    seen = []
    real = storage.os.replace

    def spy(src, dst):
        seen.append(Path(src).name)
        return real(src, dst)

    monkeypatch.setattr(storage.os, "replace", spy)
    storage.save_json(tmp_path / "x.json", {})
    (name,) = seen
    assert name.startswith(f".x.json.pid{os.getpid()}.") and name.endswith(".tmp")
    assert writer_pid(tmp_path / name) == os.getpid()
