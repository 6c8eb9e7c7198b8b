"""kit.save_case and the case pack: a saved case reads back as the same case, and passes `kit check`."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kit
from kit.cli import main
from kit.learner.casefile import SIGNATURE, case_pack, save_case
from kit.learner.codingfile import case_identity
from kit.records import Actor, Group, Position, Stance

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "kit" / "data" / "sample_case.yaml"

# An invented article (not from any corpus), for cases built from scratch.
ARTICLE = (
    "Harbour Trust chair Maria Kent said on Monday the new ferry pier would open in May.\n\n"
    "“We have waited long enough,” Kent said. The council said it backed the plan.\n\n"
    "Fishermen's leader Tom Wade warned that the pier would block the old slipway.\n"
)


def _kit_check(path: Path) -> str:
    res = subprocess.run(
        [sys.executable, "-m", "kit", "check", str(path)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert res.returncode == 0, res.stderr
    return res.stdout


@pytest.mark.parametrize("which", ["reference", "sample"])
def test_bundled_cases_round_trip_and_pass_check(tmp_path: Path, which: str) -> None:
    case = kit.load_case() if which == "reference" else kit.load_case(SAMPLE)
    path = save_case(case, tmp_path / "saved.yaml")
    again = kit.load_case(path)
    assert again == case
    assert again.stances == case.stances and again.actors == case.actors  # not only equal "as a whole"
    assert path.read_text(encoding="utf-8").startswith(SIGNATURE)
    assert "OK:" in _kit_check(path)
    # saving the loaded copy again gives the same bytes (stable, no drift)
    second = save_case(again, tmp_path / "saved.yaml")
    assert second.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_article_beside_is_named_not_copied(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    art_path = tmp_path / "news" / "pier.txt"
    art_path.write_text(ARTICLE, encoding="utf-8")
    case = kit.load_case(art_path)
    out = save_case(case, tmp_path / "cases" / "pier.yaml")
    text = out.read_text(encoding="utf-8")
    assert "article: ../news/pier.txt" in text and "article_text" not in text
    assert kit.load_case(out) == case


def test_article_that_changed_on_disk_travels_inside(tmp_path: Path) -> None:
    art_path = tmp_path / "pier.txt"
    art_path.write_text(ARTICLE, encoding="utf-8")
    case = kit.load_case(art_path)
    art_path.write_text(ARTICLE + "\nA late paragraph.\n", encoding="utf-8")  # the file no longer holds this text
    out = save_case(case, tmp_path / "pier.yaml")
    assert "article_text: |" in out.read_text(encoding="utf-8")
    assert kit.load_case(out) == case


def test_edited_case_round_trips(tmp_path: Path) -> None:
    """What a teacher does in a builder: refine actors, add one, positions, stances, a group."""
    art_path = tmp_path / "pier.txt"
    art_path.write_text(ARTICLE, encoding="utf-8")
    base = kit.load_case(art_path)
    actors = list(base.actors)
    first = actors[0]
    actors[0] = dataclasses.replace(
        first, role="Chair: of the <Harbour> Trust #1", aliases=first.aliases + ("the chair",)
    )
    actors.append(Actor("fishing_families", "Fishing families", "group", aliases=("fishermen's families",)))
    text = base.article.text
    ev = "would block the old slipway"
    start = text.index(ev)
    case = dataclasses.replace(
        base,
        title="Pier: 'coded' by me — “yes”",
        actors=tuple(actors),
        positions=(Position("pier", "Build the pier", "A new ferry pier.\nOpens in May."), Position("no", "yes")),
        stances=(Stance(actors[0].id, "pier", "support", ev, "reported", start, start + len(ev), note="a: b # c"),),
        groups=(
            Group("locals", "Local people", (actors[0].id, "fishing_families"), basis="background", source="my town"),
        ),
    )
    out = save_case(case, tmp_path / "edited.yaml")
    again = kit.load_case(out)
    assert again.positions == case.positions and again.stances == case.stances and again.groups == case.groups
    assert again.actor(actors[0].id).role == "Chair: of the <Harbour> Trust #1"
    assert again.title == case.title
    # the load merges group membership into member_of: saving what was loaded is stable
    assert kit.load_case(save_case(again, tmp_path / "again.yaml")) == again
    assert "OK:" in _kit_check(out)


def test_hand_written_comments_are_not_dropped_silently(tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    original = SAMPLE.read_text(encoding="utf-8").replace("article: sample_article.txt", "article: article.txt")
    (tmp_path / "article.txt").write_text((SAMPLE.parent / "sample_article.txt").read_text(encoding="utf-8"))
    target.write_text(original, encoding="utf-8")
    case = kit.load_case(target)
    with pytest.raises(kit.CaseError, match="comment line.*drop_comments=True"):
        save_case(case, target)
    assert target.read_text(encoding="utf-8") == original  # untouched
    save_case(case, target, drop_comments=True)
    assert kit.load_case(target) == case
    save_case(case, target)  # the kit's own file: saved again without asking


def test_a_case_that_would_not_pass_the_check_is_refused_and_nothing_written(tmp_path: Path) -> None:
    case = kit.load_case(SAMPLE)
    bad_group = Group("g", "G", (case.actors[0].id,), basis="background")  # no source: the check refuses it
    with pytest.raises(kit.CaseError, match="not saved: .*needs a 'source'"):
        save_case(dataclasses.replace(case, groups=case.groups + (bad_group,)), tmp_path / "x.yaml")
    assert not (tmp_path / "x.yaml").exists()
    with pytest.raises(kit.CaseError, match=r"\.yaml"):
        save_case(case, tmp_path / "x.txt")


def test_case_pack_has_no_stances_and_matches_the_teachers_case(tmp_path: Path) -> None:
    case = kit.load_case(SAMPLE)
    pack_path = case_pack(case, tmp_path / "pack.yaml")
    pack = kit.load_case(pack_path)
    assert pack.stances == ()
    assert pack.positions == case.positions and pack.groups == case.groups and pack.actors == case.actors
    assert "stances:" not in pack_path.read_text(encoding="utf-8")
    # learners' coding files name the article by its hash and the title: the class view matches them
    assert case_identity(pack) == case_identity(case)
    keyed = kit.load_case(case_pack(case, tmp_path / "key.yaml", stances=True))
    assert keyed.stances == case.stances


def test_removed_actor_is_written_as_remove(tmp_path: Path) -> None:
    case = kit.load_case(SAMPLE)
    named = {s.actor for s in case.stances} | {m for g in case.groups for m in g.members}
    named |= {a.country for a in case.actors if a.country}
    gone = next(a.id for a in case.actors if a.id not in named)
    keep = tuple(a for a in case.actors if a.id != gone)
    path = save_case(
        dataclasses.replace(case, actors=keep, stances=tuple(s for s in case.stances if s.actor != gone)),
        tmp_path / "x.yaml",
    )
    assert f"- id: {gone}\n  remove: true" in path.read_text(encoding="utf-8")
    again = kit.load_case(path)
    assert again.get_actor(gone) is None and all(m.actor != gone for m in again.mentions)


def test_cli_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pack.yaml"
    assert main(["pack", str(SAMPLE), "--out", str(out)]) == 0
    assert "without stances" in capsys.readouterr().err
    assert kit.load_case(out).stances == ()
    for bad in (str(tmp_path), str(tmp_path / "pack.txt")):
        assert main(["pack", str(SAMPLE), "--out", bad]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err
    assert main(["pack", str(tmp_path / "nope.yaml"), "--out", str(out)]) == 2


_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=30
).filter(lambda s: s.strip() == s and s != "")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    title=_text,
    labels=st.lists(_text, min_size=0, max_size=4),
    roles=st.lists(st.one_of(st.none(), _text), min_size=1, max_size=4),
    picks=st.lists(st.tuples(st.integers(0, 50), st.sampled_from(kit.STANCE_VALUES)), max_size=6),
)
def test_round_trip_property(tmp_path: Path, title: str, labels: list[str], roles: list, picks: list) -> None:
    base = kit.load_case(SAMPLE)
    actors = list(base.actors)
    for i, role in enumerate(roles):
        if role is not None and i < len(actors):
            actors[i] = dataclasses.replace(actors[i], role=role)
    positions = tuple(Position(f"p{i}", label, label + " (described)") for i, label in enumerate(labels))
    sentences = base.article.sentences
    stances, seen = [], set()
    for i, (n, value) in enumerate(picks):
        if not positions:
            break
        actor, position = actors[n % len(actors)].id, positions[i % len(positions)].id
        if (actor, position) in seen:
            continue
        seen.add((actor, position))
        sent = sentences[n % len(sentences)]
        ev = base.article.text[sent.start : sent.end].strip()
        start = base.article.text.index(ev)
        stances.append(Stance(actor, position, value, ev, "narration", start, start + len(ev)))
    case = dataclasses.replace(base, title=title, actors=tuple(actors), positions=positions, stances=tuple(stances))
    path = save_case(case, tmp_path / "prop.yaml", drop_comments=True)
    assert kit.load_case(path) == case


def test_learners_coding_a_pack_are_matched_to_the_teachers_case(tmp_path: Path) -> None:
    """The round trip of a class: pack → learners code it → the class view with the teacher's case."""
    teacher = kit.load_case(SAMPLE)
    pack = kit.load_case(case_pack(teacher, tmp_path / "pack.yaml"))
    exports = []
    for n, value in enumerate(("support", "oppose")):
        coder = kit.StanceCoder(pack, path=tmp_path / f"learner{n}" / "coding.json")
        coder.position.value, coder.actor.value = teacher.positions[0].id, teacher.stances[0].actor
        coder.stance.value = value
        coder.evidence.value = coder.evidence.options[1][1]
        exports.append(coder.export(tmp_path / f"learner{n}.json"))
    files = kit.collect_codings(teacher, [str(p) for p in exports])
    assert len(files.learners) == 2, files.summary()
    other = kit.collect_codings(kit.load_case(), [str(p) for p in exports])  # another article: not matched
    assert len(other.learners) == 0
