"""Collecting a class's coding files: every bad input named in one line and skipped, files never touched."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest

import kit
from kit.analysis.class_agreement import class_agreement
from kit.learner import class_inputs as cf
from kit.learner.class_files import SKIP_KINDS, class_case, collect_codings, example_class
from tests.classdata import make_example_class


@pytest.fixture(scope="module")
def case():
    return kit.load_case()


@pytest.fixture(scope="module")
def gen():
    return make_example_class()


def _good(case, gen, n=6, seed=1):
    return gen.synthetic_class(case, n, noise=0.1, seed=seed)


def _bad(case, gen, good):
    """One file of every bad kind, by file name -> bytes."""
    other = {"title": "Another article", "article_sha256": "f" * 64}
    newer = json.loads(good[0][1])
    newer["version"] = 99
    return {
        "damaged.json": good[1][1][:150],
        "empty-file.json": b"",
        "not-a-coding.json": b'{"hello": "world"}',
        "newer.json": json.dumps(newer).encode(),
        "other-article.json": gen.coding_file(
            case, {("john_kerry", "air_strikes"): ("support", None)}, learner="X", identity=other
        ),
        "other-scheme.json": gen.coding_file(case, {("john_kerry", "sanctions"): ("support", None)}, learner="Y"),
        "nothing-coded.json": gen.coding_file(case, {("john_kerry", "air_strikes"): (None, 3)}, learner="Z"),
        "zz-duplicate.json": good[2][1],
        "notes.txt": b"a teacher's note",
    }


EXPECTED_KIND = {
    "damaged.json": "unreadable",
    "empty-file.json": "unreadable",
    "not-a-coding.json": "not a coding",
    "newer.json": "newer version",
    "other-article.json": "other article",
    "other-scheme.json": "other scheme",
    "nothing-coded.json": "empty",
    "zz-duplicate.json": "duplicate",
    "notes.txt": "not a coding",
}


def _write(folder: Path, files: dict[str, bytes]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buffer.getvalue()


def _state(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_every_bad_file_is_named_in_one_line_and_the_rest_is_read(case, gen, tmp_path):
    good = _good(case, gen)
    _write(tmp_path / "class", dict(good) | _bad(case, gen, good))
    files = collect_codings(case, tmp_path / "class")
    assert [f.name for f in files.learners] == [f"Synthetic learner {i:02d}" for i in range(1, 7)]
    kinds = {Path(s.source).name: s.kind for s in files.skipped}
    assert kinds == EXPECTED_KIND
    lines = files.summary_lines()
    assert lines[0].startswith("6 learners' codings read; 9 files skipped")
    for name in EXPECTED_KIND:
        mine = [line for line in lines if Path(line.split(": ")[0]).name == name]
        assert len(mine) == 1 and "\n" not in mine[0], name
    assert set(s.kind for s in files.skipped) <= set(SKIP_KINDS)
    assert "is the same file as" in next(s.reason for s in files.skipped if s.kind == "duplicate")
    assert "sanctions" in next(s.reason for s in files.skipped if s.kind == "other scheme")


def test_files_and_folders_are_never_modified_and_nothing_is_written(case, gen, tmp_path):
    good = _good(case, gen)
    folder = tmp_path / "class"
    _write(folder, dict(good) | _bad(case, gen, good))
    (folder / "class.zip").write_bytes(_zip(dict(good)))
    before = _state(tmp_path)
    collect_codings(case, folder)
    collect_codings(case, [folder / "class.zip", *sorted(folder.glob("*.json"))])
    assert _state(tmp_path) == before


def test_zip_is_read_in_memory_never_extracted(case, gen, tmp_path, monkeypatch):
    def refuse(*_a, **_k):
        raise AssertionError("extracted to disk")

    monkeypatch.setattr(zipfile.ZipFile, "extract", refuse)
    monkeypatch.setattr(zipfile.ZipFile, "extractall", refuse)
    good = _good(case, gen)
    path = tmp_path / "download.zip"
    path.write_bytes(_zip({f"Jane Doe_{i}_assignsubmission_file_/{n}": d for i, (n, d) in enumerate(good)}))
    files = collect_codings(case, path)
    assert len(files.learners) == 6 and not files.skipped
    assert sorted(tmp_path.iterdir()) == [path]


def test_learners_named_by_file_then_folder_then_file_name(case, gen, tmp_path):
    coding = {("john_kerry", "air_strikes"): ("support", None)}
    named = gen.coding_file(case, coding, learner="  Ada   Lovelace ")
    anonymous = gen.coding_file(case, {("chuck_hagel", "air_strikes"): ("oppose", None)}, learner=None)
    third = gen.coding_file(case, {("nato", "air_strikes"): ("oppose", None)}, learner=None)
    data = _zip({"a/x.json": named, "Jane Doe_123_assignsubmission_file_/coding.json": anonymous, "bob.json": third})
    files = collect_codings(case, ("class.zip", data))
    assert sorted(f.name for f in files.learners) == ["Ada Lovelace", "Jane Doe", "bob"]
    anon = files.anonymised()
    assert [f.name for f in anon.learners] == ["Learner 1", "Learner 2", "Learner 3"]
    assert all("Jane" not in f.source for f in anon.learners)
    assert collect_codings(case, ("class.zip", data), anonymise=True).codings() == anon.codings()


def test_the_same_learner_twice_keeps_the_file_saved_last(case, gen, tmp_path):
    old = gen.coding_file(
        case, {("john_kerry", "air_strikes"): ("oppose", None)}, learner="Ada", saved="2024-09-01T10:00:00"
    )
    new = gen.coding_file(
        case, {("john_kerry", "air_strikes"): ("support", None)}, learner="Ada", saved="2024-09-02T10:00:00"
    )
    _write(tmp_path, {"b-new.json": new, "a-old.json": old})
    files = collect_codings(case, tmp_path)
    assert [f.stances() for f in files.learners] == [{("john_kerry", "air_strikes"): "support"}]
    (skip,) = files.skipped
    assert skip.kind == "older file" and "b-new.json" in skip.reason


def test_uploads_as_widget_entries_and_name_bytes_pairs(case, gen):
    good = _good(case, gen, n=2)
    files = collect_codings(case, [{"name": good[0][0], "content": memoryview(good[0][1])}, good[1]])
    assert len(files.learners) == 2


def test_rows_the_case_does_not_know_are_left_out_with_a_note(case, gen):
    data = json.loads(gen.coding_file(case, {("john_kerry", "air_strikes"): ("support", None)}, learner="Ada"))
    data["stances"].append({"actor": "nobody", "position": "air_strikes", "value": "support", "sentence": None})
    files = collect_codings(case, ("ada.json", json.dumps(data).encode()))
    assert len(files.learners) == 1 and not files.skipped
    assert files.warnings == (
        "ada.json: 1 row could not be read (unknown actor, stance or sentence) and were left out",
    )


def test_justifications_are_kept(case, gen):
    files = collect_codings(case, _good(case, gen, n=1))
    (learner,) = files.learners
    assert learner.notes and set(learner.notes) <= set(learner.coding)


def test_zip_limits_hidden_files_nested_zips_and_damage(case, gen, monkeypatch):
    good = _good(case, gen, n=3)
    members = dict(good) | {"__MACOSX/._x.json": b"junk", ".hidden.json": b"junk", "inner.zip": _zip(dict(good))}
    files = collect_codings(case, ("class.zip", _zip(members)))
    assert len(files.learners) == 3
    assert [s.kind for s in files.skipped] == ["not a coding"] and "zip inside the zip" in files.skipped[0].reason

    monkeypatch.setattr(cf, "MAX_FILES", 2)
    files = collect_codings(case, ("class.zip", _zip(dict(good))))
    assert len(files.learners) == 2 and files.skipped[0].kind == "too large"
    monkeypatch.setattr(cf, "MAX_FILES", 2000)

    monkeypatch.setattr(cf, "MAX_FILE_BYTES", 500)
    files = collect_codings(case, ("class.zip", _zip(dict(good))))
    assert not files.learners and {s.kind for s in files.skipped} == {"too large"} and len(files.skipped) == 3
    monkeypatch.setattr(cf, "MAX_FILE_BYTES", 2_000_000)

    monkeypatch.setattr(cf, "MAX_TOTAL_BYTES", len(good[0][1]) + 10)
    files = collect_codings(case, ("class.zip", _zip(dict(good))))
    assert len(files.learners) == 1 and files.skipped[-1].kind == "too large"
    monkeypatch.setattr(cf, "MAX_TOTAL_BYTES", 200_000_000)

    broken = bytearray(_zip(dict(good)))
    broken[40:80] = b"\0" * 40  # inside the first member's compressed data
    files = collect_codings(case, ("class.zip", bytes(broken)))
    assert any(s.kind == "unreadable" for s in files.skipped) and len(files.learners) >= 1
    files = collect_codings(case, ("class.zip", b"not a zip at all"))
    assert [s.kind for s in files.skipped] == ["unreadable"] and not files.learners


def test_a_password_protected_member_is_named(case, gen):
    good = _good(case, gen, n=2)
    data = bytearray(_zip({good[0][0]: good[0][1], "locked.json": good[1][1]}))
    central = data.rindex(b"PK\x01\x02")  # the last member's central directory entry
    data[central + 8] |= 0x1  # the "encrypted" flag, as a password-protected zip sets it
    files = collect_codings(case, ("class.zip", bytes(data)))
    assert len(files.learners) == 1
    assert [(s.kind, s.reason) for s in files.skipped] == [("unreadable", "is password-protected")]


def test_a_missing_file_is_named_not_raised(case, tmp_path):
    files = collect_codings(case, tmp_path / "nope.json")
    assert not files.learners and files.skipped[0].kind == "unreadable" and "no such file" in files.skipped[0].reason


def test_a_case_without_positions_is_refused_with_a_teaching_message(case):
    from dataclasses import replace

    with pytest.raises(kit.KitError, match="no positions"):
        collect_codings(replace(case, positions=()), [])


def test_bundled_example_class_is_synthetic_and_shows_every_kind(case):
    files = collect_codings(case, example_class())
    assert files.synthetic and "synthetic" in files.summary_lines()[0]
    assert len(files.learners) == 24
    assert {s.kind for s in files.skipped} == {
        "unreadable",
        "empty",
        "duplicate",
        "other article",
        "other scheme",
        "older file",
    }
    assert all(f.name.startswith("Synthetic learner") for f in files.learners)
    with zipfile.ZipFile(io.BytesIO(example_class()[1])) as z:
        assert b"SYNTHETIC" in z.comment
        assert all("synthetic" in n for n in z.namelist())


def test_bundled_example_is_what_the_script_makes(case, gen):
    assert gen.example_zip(case) == example_class()[1], "run scripts/make_example_class.py"


def test_class_case_carries_the_majority_and_feeds_the_coalition_explorer(case, gen):
    files = collect_codings(case, gen.synthetic_class(case, 12, noise=0.2, seed=5))
    agreement = class_agreement(files.codings(), positions=[p.id for p in case.positions], samples=20)
    majority = class_case(case, files, agreement)
    assert {(s.actor, s.position): s.value for s in majority.stances} == agreement.majority
    assert all(s.note.startswith("class majority:") for s in majority.stances)
    assert majority.actors == case.actors and majority.groups == case.groups
    assert any(s.evidence for s in majority.stances)
    explorer = kit.CoalitionExplorer(majority)
    assert explorer.case is majority and "Coalition" in explorer.html


def test_two_hundred_files_read_quickly(case, gen):
    import time

    batch = gen.synthetic_class(case, 200, noise=0.2, seed=2)
    start = time.perf_counter()
    files = collect_codings(case, batch)
    assert len(files.learners) == 200
    assert time.perf_counter() - start < 2.0
