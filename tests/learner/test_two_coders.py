"""Two StanceCoders on one save file (two tabs, the notebook opened twice, two processes): nothing lost.

Each save compares the file with what that coder last read or wrote (a
revision number and a digest of its bytes); if another copy saved meanwhile,
the codings are merged. A pair both coded differently keeps this side's
stance in the file and the other side's whole file next to it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kit.explore.coder import StanceCoder
from kit.learner.coderstate import CodingState, merge_codings
from kit.learner.codingfile import read_coding
from tests.handmade import small_case

ROOT = Path(__file__).resolve().parents[2]


def code(coder: StanceCoder, actor: str, position: str, value: str, sentence: int) -> None:
    coder.position.value = position
    coder.actor.value = actor
    coder.stance.value = value
    coder.evidence.value = sentence


def on_disk(path: Path) -> dict[tuple[str, str], str]:
    return {(r["actor"], r["position"]): r["value"] for r in json.loads(path.read_text())["stances"]}


def conflict_files(folder: Path, stem: str) -> list[Path]:
    return sorted(folder.glob(f"{stem}-conflict-*.json"))


# --- the merge itself ---------------------------------------------------------------------------


S, OPP, C = ({"value": v, "sentence": None} for v in ("support", "oppose", "conditional"))


@pytest.mark.parametrize(
    ("base", "mine", "theirs", "merged", "conflicts"),
    [
        ({}, {"a": S}, {"b": OPP}, {"a": S, "b": OPP}, ()),  # disjoint: union
        ({"a": S}, {"a": S}, {"a": OPP}, {"a": OPP}, ()),  # only they changed it
        ({"a": S}, {"a": OPP}, {"a": S}, {"a": OPP}, ()),  # only I changed it
        ({"a": S}, {}, {"a": S}, {}, ()),  # I removed it
        ({"a": S}, {"a": S}, {}, {}, ()),  # they removed it
        ({}, {"a": S}, {"a": S}, {"a": S}, ()),  # same change on both sides
        ({}, {"a": S}, {"a": OPP}, {"a": S}, ("a",)),  # both coded it differently: mine stays, listed
        ({"a": S}, {"a": OPP}, {"a": C}, {"a": OPP}, ("a",)),
        ({"a": S}, {}, {"a": OPP}, {}, ("a",)),  # I removed what they changed: theirs goes to the conflict file
    ],
)
def test_three_way_merge(base, mine, theirs, merged, conflicts):
    result = merge_codings(base, mine, theirs)
    assert result.coding == merged and result.conflicts == conflicts


# --- two coders in one kernel -------------------------------------------------------------------


def test_two_coders_on_one_file_merge_their_work(tmp_path):
    case, path = small_case(), tmp_path / "c.json"
    tab1, tab2 = StanceCoder(case, path=path), StanceCoder(case, path=path)
    code(tab1, "france", "air_strikes", "support", 1)
    tab2.position.value, tab2.actor.value = "strategy", "canada"
    tab2.stance.value = "support"  # saved at once: tab2 never saw tab1's save
    assert on_disk(path) == {("france", "air_strikes"): "support", ("canada", "strategy"): "support"}
    assert "Another copy of this coding" in tab2.message and "merged in, nothing was lost" in tab2.message
    assert "France" in tab2.html  # tab2 now shows tab1's stance too
    tab2.evidence.value = 4
    assert tab2.message.startswith("Saved 2 stances") and "Another copy" not in tab2.message  # nothing new to merge
    tab1.position.value, tab1.actor.value = "air_strikes", "john_kerry"
    tab1.stance.value = "support"
    assert len(on_disk(path)) == 3 and "merged in" in tab1.message
    tab1.evidence.value = 0
    assert {(s.actor, s.position) for s in tab1.stances()} == {(s.actor, s.position) for s in tab2.stances()} | {
        ("john_kerry", "air_strikes")
    }
    assert json.loads(path.read_text())["revision"] == 6  # two saves per change (stance, evidence)
    assert conflict_files(tmp_path, "c") == []


def test_the_same_pair_coded_differently_keeps_both(tmp_path):
    case, path = small_case(), tmp_path / "c.json"
    tab1, tab2 = StanceCoder(case, path=path), StanceCoder(case, path=path)
    code(tab1, "france", "air_strikes", "support", 1)
    code(tab1, "canada", "strategy", "support", 4)
    tab2.position.value, tab2.actor.value = "air_strikes", "france"
    tab2.stance.value = "oppose"  # the same pair, differently
    (other,) = conflict_files(tmp_path, "c")
    assert "coded France on 'Air strikes against IS' differently" in tab2.message
    assert "your stance is kept here" in tab2.message and other.name in tab2.message and other.name in tab2.status.value
    assert on_disk(path) == {("france", "air_strikes"): "oppose", ("canada", "strategy"): "support"}
    kept = read_coding(case, other)  # the other side's whole file, readable as a coding
    assert kept[("france", "air_strikes")] == {"value": "support", "sentence": 1, "type": None, "why": ""}
    assert ("canada", "strategy") in kept
    tab2.evidence.value = 1
    assert other.name in tab2.message  # still said after the next save
    assert len(conflict_files(tmp_path, "c")) == 1  # no new conflict: nothing new differs

    code(tab1, "john_kerry", "air_strikes", "support", 0)  # tab1 takes in tab2's stance for France
    assert on_disk(path)[("france", "air_strikes")] == "oppose"
    assert ("france", "air_strikes", "oppose") in {(s.actor, s.position, s.value) for s in tab1.stances()}
    tab1.position.value, tab1.actor.value = "air_strikes", "france"
    assert tab1.stance.value == "oppose"  # and shows it


def test_a_removal_in_one_tab_and_changes_in_the_other(tmp_path):
    case, path = small_case(), tmp_path / "c.json"
    first = StanceCoder(case, path=path)
    code(first, "france", "air_strikes", "support", 1)
    code(first, "canada", "strategy", "support", 4)
    second = StanceCoder(case, path=path)  # restores both
    first.position.value, first.actor.value = "air_strikes", "france"
    first.stance.value, first.evidence.value = "not coded", -1  # removed in the first tab
    code(second, "john_kerry", "air_strikes", "support", 0)  # added in the second
    assert on_disk(path) == {("canada", "strategy"): "support", ("john_kerry", "air_strikes"): "support"}
    assert conflict_files(tmp_path, "c") == []


def test_a_deleted_save_file_is_written_again(tmp_path):
    case, path = small_case(), tmp_path / "c.json"
    coder = StanceCoder(case, path=path)
    code(coder, "france", "air_strikes", "support", 1)
    path.unlink()
    coder.position.value, coder.actor.value = "strategy", "canada"
    coder.stance.value = "support"
    assert "had been removed" in coder.message and len(on_disk(path)) == 2


def test_a_file_replaced_by_something_else_is_moved_aside_not_overwritten(tmp_path):
    case, path = small_case(), tmp_path / "c.json"
    coder = StanceCoder(case, path=path)
    code(coder, "france", "air_strikes", "support", 1)
    path.write_text('{"cells": ["a notebook saved over the coding by mistake"]}')
    code(coder, "canada", "strategy", "support", 4)
    (kept,) = tmp_path.glob("c.json.foreign-*")
    assert "a notebook saved over" in kept.read_text() and kept.name in coder.message
    assert len(on_disk(path)) == 2


def test_revision_is_written_and_counts_up(tmp_path):
    case, path = small_case(), tmp_path / "c.json"
    state = CodingState(case, path)
    assert state.open() == "" and state.revision == 0
    for n in range(1, 4):
        state.set("france", "air_strikes", value=("support", "oppose", "conditional")[n - 1], sentence=None)
        state.save()
        assert json.loads(path.read_text())["revision"] == n == state.revision


# --- two processes ------------------------------------------------------------------------------

WRITER = r"""
import sys, time
from pathlib import Path
from tests.handmade import small_case
from kit.explore.coder import StanceCoder

path, go, me = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
case = small_case()
coder = StanceCoder(case, path=path)
pairs = [(a.id, p.id) for p in case.positions for a in case.actors]
shared, mine = pairs[0], pairs[1:][me::2]  # one pair both code; the rest split between the two
print("ready", flush=True)  # both have opened the (missing) file before either codes anything
while not go.exists():
    time.sleep(0.001)
for i, (actor, position) in enumerate([shared, *mine]):
    coder.position.value, coder.actor.value = position, actor
    coder.stance.value = ("conditional", "undecided")[me] if i == 0 else ("support", "oppose")[me]
    coder.evidence.value = i % 12
    assert "could not" not in coder.message, coder.message
print(coder.message)
"""


def run_writers(tmp_path: Path) -> tuple[Path, list[str]]:
    path, go = tmp_path / "shared.json", tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(go), str(me)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for me in (0, 1)
    ]
    for proc in procs:
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
    go.touch()  # both start coding at once
    outputs = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        outputs.append(out.strip())
    return path, outputs


@pytest.mark.slow
def test_two_processes_coding_one_file_lose_nothing(tmp_path):
    """Both code one pair first (neither has seen the other's), then half of the other pairs each, as fast as they can."""
    case = small_case()
    pairs = [(a.id, p.id) for p in case.positions for a in case.actors]
    path, messages = run_writers(tmp_path)
    final = on_disk(path)
    for me, value in ((0, "support"), (1, "oppose")):  # every pair each process coded is in the file
        for pair in pairs[1:][me::2]:
            assert final.get(pair) == value, (pair, final.get(pair), messages)
    # the pair both coded before seeing the other's: one stance in the file, the other in a conflict file
    others = conflict_files(tmp_path, "shared")
    assert others, messages
    kept = {final[pairs[0]]} | {read_coding(case, other).get(pairs[0], {}).get("value") for other in others}
    assert {"conditional", "undecided"} <= kept, (kept, messages)
    assert json.loads(path.read_text())["revision"] >= 2 * len(pairs)  # every save counted (two per pair)
    assert not list(tmp_path.glob(".*.tmp"))
