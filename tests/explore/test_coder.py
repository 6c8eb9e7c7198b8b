"""The stance coder's files: comparing with a peer from the widget, two files compared,
the comparison view's evidence and kappa, nothing lost on save, the folder flushed after a save.

Driven in-process (set control values, assert on state and rendered HTML); never
asserts on ``Output.outputs``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
from dataclasses import replace
from pathlib import Path

import pytest

import kit
from kit.analysis import compare_codings
from kit.explore.coder import StanceCoder
from kit.explore.coderview import render_pair
from kit.learner import storage
from kit.learner.codingfile import FORMAT, case_identity, compare_files, evidence_type
from kit.records import NOT_CODED
from tests.handmade import small_case, structured_case, toy_case


def code(coder: StanceCoder, actor: str, position: str, value: str, sentence: int) -> None:
    coder.position.value = position
    coder.actor.value = actor
    coder.stance.value = value
    coder.evidence.value = sentence


def upload_item(name: str, content: bytes) -> dict:
    """One file as ipywidgets 8's FileUpload holds it after a browser upload."""
    return {
        "name": name,
        "type": "application/json",
        "size": len(content),
        "content": memoryview(content),
        "last_modified": dt.datetime(2024, 9, 12, 10, 15, tzinfo=dt.timezone.utc),
    }


def folder_state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def rows_of(html_text: str, caption: str) -> list[list[str]]:
    """The cells of each body row of the table with this caption."""
    table = html_text.split(caption, 1)[1].split("</table>", 1)[0]
    body = table.split("<tbody>", 1)[1]
    return [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", body)]


@pytest.fixture()
def pair(tmp_path):
    """A learner with two stances and a peer's exported file (disagreeing on France)."""
    case = small_case()
    me = StanceCoder(case, path=tmp_path / "me.json")
    code(me, "france", "air_strikes", "support", 1)
    code(me, "canada", "strategy", "support", 4)
    peer = StanceCoder(case, path=tmp_path / "peer" / "peer.json")
    code(peer, "france", "air_strikes", "oppose", 1)
    return me, peer.export(tmp_path / "peer" / "anna.json")


# --- 1. comparing with a peer from the widget -------------------------------------------


def test_upload_control_is_a_labelled_json_picker():
    coder = StanceCoder(small_case())
    assert coder.upload.accept == ".json" and coder.upload.multiple is False
    assert "peer" in coder.upload.description.lower()
    assert coder.upload.tooltip


def test_uploading_a_peers_file_shows_the_same_comparison_as_compare_with(pair):
    me, exported = pair
    me.compare_with(exported)
    by_path = me.html
    assert me.mode == "peer" and "Your peer" in by_path
    me.stance.value = "oppose"  # a change hides the comparison...
    me.stance.value = "support"  # ...and this one restores the same coding
    assert me.mode == "coding" and me.html != by_path
    me.upload.value = (upload_item("anna.json", exported.read_bytes()),)
    assert me.mode == "peer" and me.html == by_path
    assert me.message == "Compared your coding with anna.json." and "anna.json" in me.status.value
    assert me.upload.value == ()  # forgotten, so the same file can be chosen again


def test_the_same_file_can_be_uploaded_again_after_more_coding(pair):
    me, exported = pair
    item = upload_item("anna.json", exported.read_bytes())
    me.upload.value = (item,)
    assert "agree on <strong>0 of 1</strong>" in me.html  # Canada, coded by one only, is left out
    code(me, "france", "air_strikes", "oppose", 1)  # now agrees with the peer on France
    assert me.mode == "coding"
    me.upload.value = (dict(item),)
    assert me.mode == "peer" and "agree on <strong>1 of 1</strong>" in me.html


OTHER_CASE = {"title": "Another article", "article_sha256": "0" * 64}


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"this is not json", "is not a JSON file"),
        (b"\xff\xfe\x00 binary", "is not a JSON file"),
        (b"", "is empty"),
        (b"  \n", "is empty"),
        (json.dumps({"cells": [1, 2]}).encode(), "is not a kit file"),
        (json.dumps([1, 2]).encode(), "is not a kit file"),
        (
            json.dumps({"format": FORMAT, "version": 1, "case": OTHER_CASE, "stances": []}).encode(),
            "different article ('Another article')",
        ),
        (json.dumps({"format": FORMAT, "version": 99, "stances": []}).encode(), "newer version"),
        ("SAME-CASE", "has no list of stances"),
    ],
)
def test_a_bad_upload_is_one_line_in_the_status_and_touches_nothing(pair, content, words):
    me, _exported = pair
    if content == "SAME-CASE":
        content = json.dumps({"format": FORMAT, "version": 1, "case": case_identity(me.case), "stances": "x"}).encode()
    before, html_before = folder_state(me.path.parent), me.html
    me.upload.value = (upload_item("bad <file>.json", content),)
    assert words in me.message, me.message
    assert me.message.startswith("bad <file>.json: ") and "choose a file exported" in me.message
    assert "\n" not in me.message and "Traceback" not in me.message
    assert "bad &lt;file&gt;.json" in me.status.value  # escaped in the status line
    assert me.mode == "coding" and me.html == html_before
    assert folder_state(me.path.parent) == before  # own save file untouched, no backups made
    assert me.upload.value == ()


def test_an_upload_without_readable_content_is_a_message(pair):
    me, _exported = pair
    me.upload.value = ({**upload_item("odd.json", b""), "content": "not bytes"},)
    assert me.message == "odd.json: could not be read; choose the file again" and me.mode == "coding"
    me.upload.value = ({**upload_item("\n", b""), "content": None},)
    assert me.message.startswith("the uploaded file: is empty;")


def test_upload_before_coding_anything_says_what_to_do(pair, tmp_path):
    _me, exported = pair
    fresh = StanceCoder(small_case(), path=tmp_path / "fresh.json")
    fresh.upload.value = (upload_item("anna.json", exported.read_bytes()),)
    assert "not coded any stance" in fresh.message and fresh.mode == "coding"
    assert not fresh.path.exists()


def test_compare_with_a_damaged_peer_file_leaves_it_where_it_is(pair):
    me, exported = pair
    exported.write_bytes(b'{"format": "kit-coding", "stances": [')
    with pytest.raises(kit.SaveError, match="anna.json: is not a JSON file; choose a file exported"):
        me.compare_with(exported)
    names = sorted(p.name for p in exported.parent.iterdir() if p.name != "learner.json")  # the exporter's id
    assert names == ["anna.json", "peer.json"]
    with pytest.raises(kit.SaveError, match="no such file"):
        me.compare_with(exported.with_name("missing.json"))


def test_upload_is_disabled_when_the_case_has_nothing_to_code():
    case = small_case()
    coder = StanceCoder(replace(case, positions=()))
    assert coder.upload.disabled


# --- 2. two arbitrary codings, e.g. for a teacher ------------------------------------------


@pytest.fixture()
def two_files(tmp_path):
    case = small_case()
    anna = StanceCoder(case, path=tmp_path / "anna-save.json")
    code(anna, "france", "air_strikes", "support", 1)
    code(anna, "john_kerry", "air_strikes", "oppose", 6)
    ben = StanceCoder(case, path=tmp_path / "ben-save.json")
    code(ben, "france", "air_strikes", "support", 1)
    code(ben, "john_kerry", "air_strikes", "support", 0)
    code(ben, "canada", "strategy", "support", 4)
    return case, anna, ben, anna.export(tmp_path / "anna.json"), ben.export(tmp_path / "ben.json")


def test_compare_files_agrees_with_compare_codings(two_files):
    case, anna, ben, a, b = two_files
    agreement = compare_files(case, a, b)
    expected = compare_codings(anna.stances(), ben.stances(), positions=[p.id for p in case.positions])
    assert (agreement.n, agreement.percent, agreement.kappa) == (expected.n, expected.percent, expected.kappa)
    assert agreement.disagreements == expected.disagreements and agreement.n == 2  # Canada: Ben's only
    assert [(a, p) for a, p, _x, _y in agreement.one_sided] == [("canada", "strategy")]
    same = compare_files(case, a.read_bytes(), str(b))  # bytes and str paths work too
    assert same.disagreements == agreement.disagreements
    assert kit.compare_files is compare_files


def test_render_pair_shows_both_files_evidence_and_kappa(two_files):
    case, _anna, _ben, a, b = two_files
    agreement = compare_files(case, a, b)
    page = render_pair(case, agreement, first="anna.json", second="<ben>.json")
    assert "anna.json compared with &lt;ben&gt;.json" in page and "<ben>" not in page
    assert "Cohen's kappa is not shown: with only 2 pairs" in page and "<strong>1 of 2</strong>" in page
    rows = {r[0]: r for r in rows_of(page, "Where the codings differ")}
    assert set(rows) == {"John Kerry"}
    assert "oppose" in rows["John Kerry"][2] and "Kerry said the plan was ready." in rows["John Kerry"][2]
    assert "support" in rows["John Kerry"][3] and "We will strike them from the air" in rows["John Kerry"][3]
    once = {r[0]: r for r in rows_of(page, "Coded by one only")}  # left out of the figures, still shown
    assert "not coded" in once["Canada"][2] and "Canada wants a strategy." in once["Canada"][3]


def test_compare_files_errors_are_clear_and_touch_no_file(two_files, tmp_path):
    case, _anna, _ben, a, b = two_files
    before = folder_state(tmp_path)
    with pytest.raises(kit.SaveError, match="missing.json: no such file"):
        compare_files(case, a, tmp_path / "missing.json")
    (tmp_path / "other.json").write_text(
        json.dumps({"format": FORMAT, "version": 1, "case": OTHER_CASE, "stances": []})
    )
    before["other.json"] = (tmp_path / "other.json").read_bytes()
    with pytest.raises(kit.SaveError, match="other.json: belongs to a different article"):
        compare_files(case, tmp_path / "other.json", b)
    (tmp_path / "blank.json").write_text(
        json.dumps({"format": FORMAT, "version": 1, "case": case_identity(case), "stances": []})
    )
    before["blank.json"] = (tmp_path / "blank.json").read_bytes()
    with pytest.raises(kit.KitError, match="neither coding has a stance"):
        compare_files(case, tmp_path / "blank.json", tmp_path / "blank.json")
    with pytest.raises(kit.KitError, match="no positions"):
        compare_files(replace(case, positions=()), a, b)
    assert folder_state(tmp_path) == before


# --- 3. the comparison view shows both codings' evidence and the true kappa ----------------


def test_comparison_shows_both_evidences_and_the_computed_kappa():
    case = small_case()
    coder = StanceCoder(case)
    code(coder, "france", "air_strikes", "support", 1)  # as the reference
    code(coder, "islamic_state", "air_strikes", "oppose", 10)  # as the reference
    code(coder, "canada", "strategy", "support", 4)  # as the reference
    code(coder, "john_kerry", "air_strikes", "oppose", 6)  # reference: support, "We will strike them from the air"
    code(coder, "anon_british_official", "strategy", "support", 4)  # reference: conditional, "We need a strategy first"
    agreement = coder.compare_reference()
    page = coder.html
    mine = coder.stances()
    keys = {(s.actor, s.position) for s in mine}
    expected = compare_codings(
        [s for s in case.stances if (s.actor, s.position) in keys], mine, positions=[p.id for p in case.positions]
    )
    assert 0 < expected.kappa < 1  # a kappa that tells a right value from a wrong one
    assert agreement.kappa == pytest.approx(expected.kappa)
    assert "Cohen's kappa is not shown: with only 5 pairs" in page and f"{expected.kappa:.2f}" not in page
    assert "agree on <strong>3 of 5</strong>" in page
    rows = {r[0]: r for r in rows_of(page, "Where you differ")}
    assert set(rows) == {"John Kerry", "a British official"}
    yours, reference = rows["John Kerry"][2], rows["John Kerry"][3]
    assert "<strong>oppose</strong>" in yours and "Kerry said the plan was ready." in yours
    assert "<strong>support</strong>" in reference and "We will strike them from the air" in reference
    assert "We will strike" not in yours and "plan was ready" not in reference
    yours, reference = rows["a British official"][2], rows["a British official"][3]
    assert "Canada wants a strategy." in yours and "We need a strategy first" in reference
    assert "We will strike them from the air" not in page.split("Your coding compared")[0]  # only in the comparison


# --- 4. nothing lost on save -----------------------------------------------------------------


def test_unknown_top_level_keys_are_written_back(tmp_path):
    case = small_case()
    path = tmp_path / "c.json"
    extra = {"teacher_note": {"graded": True, "mark": [1, 2]}, "group": "B"}
    path.write_text(json.dumps({"format": FORMAT, "version": 1, "case": case_identity(case), "stances": [], **extra}))
    coder = StanceCoder(case, path=path)
    code(coder, "france", "air_strikes", "support", 1)
    data = json.loads(path.read_text())
    assert {k: data[k] for k in extra} == extra and len(data["stances"]) == 1
    code(StanceCoder(case, path=path), "canada", "strategy", "support", 4)  # restored and saved again
    data = json.loads(path.read_text())
    assert {k: data[k] for k in extra} == extra and len(data["stances"]) == 2
    assert data["format"] == FORMAT and data["case"] == case_identity(case)


def test_stances_that_are_not_a_list_are_backed_up_before_the_first_overwrite(tmp_path):
    case = small_case()
    path = tmp_path / "c.json"
    original = {
        "format": FORMAT,
        "version": 1,
        "case": case_identity(case),
        "stances": {"france": "support"},
        "note": "keep me",
    }
    path.write_text(json.dumps(original))
    coder = StanceCoder(case, path=path)
    assert "not a list" in coder.message and "backup" in coder.message and "\n" not in coder.message
    assert json.loads(path.read_text()) == original and list(tmp_path.iterdir()) == [path]  # not yet touched
    code(coder, "france", "air_strikes", "support", 1)
    (kept,) = tmp_path.glob("c.json.unreadable-*")
    assert json.loads(kept.read_text()) == original
    assert coder.message.startswith("Saved 1 stance") and kept.name in coder.message
    data = json.loads(path.read_text())
    assert [r["actor"] for r in data["stances"]] == ["france"] and data["note"] == "keep me"
    code(coder, "canada", "strategy", "support", 4)
    assert len(list(tmp_path.glob("c.json.unreadable-*"))) == 1  # backed up once, not at every save
    assert coder.message.startswith("Saved 2 stances") and kept.name in coder.message  # still said


def test_a_failed_backup_never_overwrites(tmp_path, monkeypatch):
    case = small_case()
    path = tmp_path / "c.json"
    path.write_text(json.dumps({"format": FORMAT, "version": 1, "case": case_identity(case), "stances": "oops"}))
    before = path.read_bytes()
    coder = StanceCoder(case, path=path)

    def refuse(p, *, reason="corrupt"):
        raise kit.SaveError(f"{p}: could not be moved aside (Permission denied); copy it somewhere safe by hand")

    monkeypatch.setattr("kit.learner.coderstate.backup", refuse)
    code(coder, "france", "air_strikes", "support", 1)
    assert "could not be moved aside" in coder.message and path.read_bytes() == before


# --- 5. the folder is flushed after the swap ----------------------------------------------------


needs_o_directory = pytest.mark.skipif(not hasattr(os, "O_DIRECTORY"), reason="POSIX only")


@needs_o_directory
def test_save_fsyncs_the_folder_after_the_swap(tmp_path, monkeypatch):
    target = tmp_path / "a.json"
    seen = []
    real = os.fsync

    def spy(fd):
        seen.append((stat.S_ISDIR(os.fstat(fd).st_mode), target.exists()))
        real(fd)

    monkeypatch.setattr(storage.os, "fsync", spy)
    storage.save_json(target, {"v": 1})
    assert seen == [(False, False), (True, True)]  # the file before the swap, then its folder after it


@needs_o_directory
def test_save_works_when_the_folder_cannot_be_flushed(tmp_path, monkeypatch):
    real = os.fsync

    def dir_fails(fd):
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(22, "Invalid argument")
        real(fd)

    monkeypatch.setattr(storage.os, "fsync", dir_fails)
    storage.save_json(tmp_path / "a.json", {"v": 1})
    assert storage.load_json(tmp_path / "a.json") == {"v": 1}
    real_open = os.open

    def no_dirs(path, flags, *args, **kwargs):
        if flags & os.O_DIRECTORY:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(storage.os, "open", no_dirs)
    storage.save_json(tmp_path / "a.json", {"v": 2})
    assert storage.load_json(tmp_path / "a.json") == {"v": 2}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]


def test_save_works_without_o_directory(tmp_path, monkeypatch):
    monkeypatch.delattr(storage.os, "O_DIRECTORY", raising=False)
    calls = []
    real = os.fsync
    monkeypatch.setattr(storage.os, "fsync", lambda fd: (calls.append(fd), real(fd)))
    storage.save_json(tmp_path / "a.json", {"v": 1})
    assert storage.load_json(tmp_path / "a.json") == {"v": 1} and len(calls) == 1  # the file only


# --- 5. evidence type, a reason for each coding, kappa only from 10 pairs (issue 11) ----------


def test_the_coder_asks_for_the_evidence_type_and_a_reason_and_keeps_them(tmp_path):
    case = small_case()
    coder = StanceCoder(case, path=tmp_path / "me.json")
    assert coder.kind.description == "Evidence type:" and coder.why.description == "Why:"
    code(coder, "john_kerry", "air_strikes", "oppose", 6)
    coder.kind.value = "reported"
    coder.why.value = "  he  doubts the plan  "
    (stance,) = coder.stances()
    assert (stance.evidence_type, stance.note) == ("reported", "he doubts the plan")
    row = json.loads(coder.path.read_text())["stances"][0]
    assert (row["type"], row["why"]) == ("reported", "he doubts the plan")
    again = StanceCoder(case, path=tmp_path / "me.json")
    again.position.value, again.actor.value = "air_strikes", "john_kerry"
    assert (again.kind.value, again.why.value) == ("reported", "he doubts the plan")
    assert "he doubts the plan" in again.html and ">Why<" in again.html
    code(coder, "france", "air_strikes", "support", 1)  # no type chosen: the kit reads it from the sentence
    assert next(s for s in coder.stances() if s.actor == "france").evidence_type in kit.EVIDENCE_TYPES


def test_the_comparison_shows_both_sides_reasons():
    case = kit.load_case()
    coder = StanceCoder(case)
    code(
        coder,
        "frank_walter_steinmeier",
        "air_strikes",
        "support",
        next(
            i
            for i, s in enumerate(case.article.sentences)
            if "only successful if" in case.article.text[s.start : s.end]
        ),
    )
    coder.why.value = "he backs military action"
    coder.compare_reference()
    row = rows_of(coder.html, "Where you differ")[0]
    reference = next(s for s in case.stances if (s.actor, s.position) == ("frank_walter_steinmeier", "air_strikes"))
    assert "Why: he backs military action" in row[2]
    from kit.util import esc

    assert f"Why: {esc(reference.note)}" in row[3]


def test_files_without_type_or_reason_still_read_and_odd_rows_are_kept():
    from kit.learner.codingfile import parse_rows

    case = small_case()
    old = {"actor": "france", "position": "air_strikes", "value": "support", "sentence": 1}
    odd = dict(old, actor="canada", type="gossip")
    coding, kept = parse_rows(case, [old, odd])
    assert coding[("france", "air_strikes")]["type"] is None and kept == [odd]


def test_kappa_shows_from_ten_pairs_and_is_the_computed_one():
    from kit.explore.coderview import MIN_KAPPA_PAIRS

    case = kit.load_case()
    coder = StanceCoder(case)
    sentences = {case.article.text[s.start : s.end]: i for i, s in enumerate(case.article.sentences)}
    for k, ref in enumerate(case.stances[:MIN_KAPPA_PAIRS]):
        i = next(i for text, i in sentences.items() if ref.evidence in text) if ref.evidence else -1
        code(coder, ref.actor, ref.position, "oppose" if k < 2 else ref.value, i)
    agreement = coder.compare_reference()
    assert agreement.n == MIN_KAPPA_PAIRS
    assert (
        f"Cohen's kappa, which discounts agreement by chance, is <strong>{agreement.kappa:.2f}</strong>" in coder.html
    )


# --- controls, autosave and restore, comparing (moved here: all StanceCoder tests in one place) ---


def test_coder_controls_are_labelled():
    coder = StanceCoder(toy_case())
    for control in (coder.position, coder.actor, coder.stance, coder.evidence):
        assert control.description.endswith(":")
    assert coder.stance.options[0] == NOT_CODED
    assert coder.compare_button.description == "Compare with the reference"
    assert "Your coding compared" not in coder.html  # only when asked


def test_autosave_and_restore_round_trip(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_LEARNER_DIR", str(tmp_path))
    case = toy_case()
    coder = StanceCoder(case)
    code(coder, "france", "air_strikes", "support", 1)
    assert coder.path.parent == tmp_path and coder.path.exists()
    data = json.loads(coder.path.read_text())
    assert data["format"] == FORMAT and data["version"] == 1 and data["case"] == case_identity(case)
    assert data["stances"][0]["evidence"] == "France backed air strikes and ruled out troops."
    assert "Saved 1 stance" in coder.message and "France backed" in coder.html
    code(coder, "john_kerry", "ground_troops", "oppose", 0)
    again = StanceCoder(case)
    assert again.path == coder.path and "Restored 2 stances" in again.message
    assert set(again.stances()) == set(coder.stances())
    again.position.value, again.actor.value = "air_strikes", "france"
    assert again.stance.value == "support" and again.evidence.value == 1  # the controls show the saved cell
    again.actor.value = "canada"
    assert again.stance.value == NOT_CODED and again.evidence.value == -1
    again.position.value, again.actor.value = "ground_troops", "john_kerry"
    again.stance.value = NOT_CODED
    again.evidence.value = -1
    assert len(StanceCoder(case).stances()) == 1


def test_evidence_type_is_computed_from_the_passage():
    case = toy_case()
    coder = StanceCoder(case)
    code(coder, "john_kerry", "air_strikes", "support", 0)
    code(coder, "philip_hammond", "air_strikes", "undecided", 2)
    code(coder, "anon_british_official", "strategy", "conditional", 3)
    code(coder, "canada", "strategy", "support", 4)
    kinds = {s.actor: s.evidence_type for s in coder.stances()}
    assert kinds == {
        "john_kerry": "direct",
        "philip_hammond": "reported",
        "anon_british_official": "anonymous",
        "canada": "narration",
    }
    assert evidence_type(case, "nobody", 0, 5) == "narration"


def test_a_crash_mid_save_loses_nothing(monkeypatch):
    coder = StanceCoder(toy_case())
    code(coder, "france", "air_strikes", "support", 1)
    before = coder.path.read_text()
    monkeypatch.setattr(
        "kit.learner.storage.os.replace", lambda *a: (_ for _ in ()).throw(OSError(28, "No space left"))
    )
    coder.stance.value = "oppose"
    assert "previous save is unchanged" in coder.message and "\n" not in coder.message
    monkeypatch.undo()
    assert coder.path.read_text() == before
    assert len(list(coder.path.parent.iterdir())) == 1  # no temp file left
    coder.evidence.value = 2  # the next change saves everything, the failed change included
    assert json.loads(coder.path.read_text())["stances"][0]["value"] == "oppose"


def test_corrupt_save_file_gives_a_message_and_a_backup():
    case = toy_case()
    coder = StanceCoder(case)
    coder.path.write_text('{"format": "kit-coding", "stances": [')
    fresh = StanceCoder(case)
    assert "damaged" in fresh.message and ".corrupt-" in fresh.message
    (backup,) = coder.path.parent.glob("*.corrupt-*")
    assert backup.read_text() == '{"format": "kit-coding", "stances": ['
    assert fresh.stances() == () and "damaged" in fresh.status.value
    code(fresh, "france", "air_strikes", "support", 1)
    assert backup.exists() and json.loads(fresh.path.read_text())["format"] == FORMAT


def test_foreign_json_file_is_recognised_and_kept(tmp_path):
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"cells": [1, 2, 3]}))
    coder = StanceCoder(toy_case(), path=path)
    assert "not a kit file" in coder.message
    (kept,) = tmp_path.glob("mine.json.foreign-*")
    assert json.loads(kept.read_text()) == {"cells": [1, 2, 3]}
    other = StanceCoder(structured_case(), path=tmp_path / "x.json")
    other.save()
    assert "different article" in StanceCoder(toy_case(), path=tmp_path / "x.json").message


def test_unknown_entries_are_kept_not_dropped(tmp_path):
    case = toy_case()
    path = tmp_path / "c.json"
    row = {"actor": "renamed_actor", "position": "air_strikes", "value": "support", "sentence": 0}
    path.write_text(json.dumps({"format": FORMAT, "version": 1, "case": case_identity(case), "stances": [row]}))
    coder = StanceCoder(case, path=path)
    code(coder, "france", "air_strikes", "support", 1)
    assert row in json.loads(path.read_text())["stances"]


def test_compare_with_reference_only_when_asked():
    coder = StanceCoder(toy_case())
    coder.compare_button.click()
    assert "not coded any stance" in coder.message and "compared" not in coder.html
    code(coder, "france", "air_strikes", "support", 1)  # as the reference
    code(coder, "john_kerry", "air_strikes", "oppose", 0)  # reference: support
    assert "compared" not in coder.html
    coder.compare_button.click()
    assert coder.mode == "reference"
    assert "agree on <strong>1 of 2</strong>" in coder.html and "kappa" in coder.html
    assert "We will strike them from the air" in coder.html  # both codings' evidence
    assert "also codes 11 actor–position pairs you have not coded yet" in coder.html
    assert "Islamic State" not in coder.html.split("compared")[1]  # uncoded reference pairs stay hidden
    coder.stance.value = "support"
    assert "compared" not in coder.html  # a change hides the stale comparison
    agreement = coder.compare_reference()
    assert agreement.n == 2 and agreement.percent == 100.0


def test_export_and_compare_with_a_peer(tmp_path):
    case = toy_case()
    me = StanceCoder(case, path=tmp_path / "me.json")
    code(me, "france", "air_strikes", "support", 1)
    code(me, "canada", "strategy", "support", 4)
    peer = StanceCoder(case, path=tmp_path / "peer.json")
    code(peer, "france", "air_strikes", "oppose", 1)
    exported = peer.export(tmp_path / "for-me.json")
    assert "Exported" in peer.message and exported.exists()
    peer.export_button.click()
    assert len(list(tmp_path.glob("peer-export-*.json"))) == 1
    agreement = me.compare_with(exported)
    assert me.mode == "peer" and agreement.n == 1 and agreement.percent == 0.0  # Canada: coded by me only
    assert "Your peer" in me.html
    (tmp_path / "junk.json").write_text("{}")
    with pytest.raises(kit.SaveError, match="choose a file exported"):
        me.compare_with(tmp_path / "junk.json")


def test_case_without_positions_disables_coding():
    coder = StanceCoder(structured_case())
    assert coder.stance.disabled and "no positions" in coder.message


def test_fifty_changes_stay_saved_and_consistent():
    case = toy_case()
    coder = StanceCoder(case)
    actors = [a for _, a in coder.actor.options]
    values = ["support", "oppose", "conditional", "undecided"]
    for i in range(50):
        code(coder, actors[i % len(actors)], "strategy", values[i % 4], i % 5)
    restored = StanceCoder(case)
    assert set(restored.stances()) == set(coder.stances()) and len(coder.stances()) == len(actors)


# --- on the bundled reference case ---------------------------------------------------


def test_coder_view_says_what_is_being_coded_now():
    case = toy_case()
    coder = StanceCoder(case)
    first = coder.html
    assert "Now coding:" in first and "not coded yet" in first
    other = [v for _label, v in coder.position.options if v != coder.position.value]
    assert other, "the toy case needs two positions for this test"
    coder.position.value = other[0]
    assert coder.html != first and "Now coding:" in coder.html
    coder.stance.value = "support"
    assert "Now coding:" in coder.html and "<strong>support</strong>" in coder.html
