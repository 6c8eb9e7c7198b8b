"""The case builder's state, driven in process: every operation, undo, refusals, saving, two tabs."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import kit
from kit.learner.casebuilder import BuildError, BuilderState
from kit.records import NO_STANCE

from ..pier import ARTICLE

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "kit" / "data" / "sample_case.yaml"


@pytest.fixture()
def pier(tmp_path: Path) -> Path:
    path = tmp_path / "pier.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _reopens(state: BuilderState, tmp_path: Path) -> None:
    """What the builder holds is what a saved file gives back, and the file passes the check."""
    path = state.save(tmp_path / "built.yaml")
    assert path.startswith("saved ")
    again = kit.load_case(tmp_path / "built.yaml")
    assert again == state.case


def test_actor_operations_reresolve_and_round_trip(pier: Path, tmp_path: Path) -> None:
    state = BuilderState(pier)
    ids = {a.id for a in state.case.actors}
    assert {"maria_kent", "tom_wade", "harbour_trust"} <= ids
    # a missed actor, added from its words: its mentions and its reported speech follow
    state.add_actor("The council", "organization")
    council = state.case.actor("the_council")
    assert any(state.case.article.text[m.start : m.end] == "The council" for m in state.case.mentions)
    assert any(r.speaker == council.id for r in state.case.article.reported)
    # rename, kind, role, country
    state.edit_actor("tom_wade", role="Fishermen's leader", kind="person")
    state.edit_actor("maria_kent", country="harbour_trust")
    assert state.case.actor("maria_kent").country == "harbour_trust"
    state.edit_actor("the_council", name="Norhaven council")
    assert state.case.actor("the_council").name == "Norhaven council"
    # another name for it ("council" in "A council spokeswoman" is already the council's)
    state.add_alias("the_council", "council")
    _reopens(state, tmp_path)


def test_merge_split_and_remove(pier: Path, tmp_path: Path) -> None:
    state = BuilderState(pier)
    state.set_group("Pier people", ["maria_kent", "tom_wade"], basis="background", source="invented")
    state.add_position("Build the pier")
    state.set_stance("harbour_trust", "build_the_pier", "support", "the new ferry pier would open in May", "reported")
    # the Harbour Trust is Maria Kent's body, not a second speaker: merge keeps its stance under her
    msg = state.merge("harbour_trust", "maria_kent")
    assert "merged" in msg
    assert state.case.get_actor("harbour_trust") is None
    assert "Harbour Trust" in state.case.actor("maria_kent").aliases
    assert [s.actor for s in state.case.stances] == ["maria_kent"]
    _reopens(state, tmp_path)
    # split an alias off: "Kent" names someone else
    state.split_alias("maria_kent", "Kent", kind="person")
    kent = state.case.actor("kent")
    assert kent.name == "Kent"
    assert any(q.speaker == "kent" for q in state.case.article.quotes)
    _reopens(state, tmp_path)
    # removing an actor that a group names is refused until asked to fix the references
    with pytest.raises(BuildError, match="also remove what names it"):
        state.remove_actor("tom_wade")
    state.remove_actor("tom_wade", fix_references=True)
    assert state.case.get_actor("tom_wade") is None
    assert all("tom_wade" not in g.members for g in state.case.groups)
    assert all(r.speaker != "tom_wade" for r in state.case.article.reported)
    _reopens(state, tmp_path)


def test_speakers_coded_by_the_teacher(pier: Path, tmp_path: Path) -> None:
    state = BuilderState(pier)
    items = state.statements()
    at = next(i for i, (_, s, e, _w) in enumerate(items) if state.case.article.text[s:e] == "It is a disgrace,")
    assert items[at][3] == "tom_wade"
    state.set_speaker(at, None)
    assert state.statements()[at][3] is None
    change = state.case.speaker_changes[0]
    assert (change.speaker, change.parser) == (None, "tom_wade")
    _reopens(state, tmp_path)
    # back to the parser's speaker: no change is kept
    state.set_speaker(at, "tom_wade")
    assert state.case.speaker_changes == ()
    with pytest.raises(BuildError):
        state.set_speaker(999, None)
    with pytest.raises(BuildError, match="no actor"):
        state.set_speaker(at, "nobody_here")


def test_positions_stances_groups_and_refusals(pier: Path, tmp_path: Path) -> None:
    state = BuilderState(pier)
    state.add_position("Build the pier", "A new ferry pier.")
    state.add_position("Move the slipway")
    with pytest.raises(BuildError, match="already a position"):
        state.add_position("build the  pier")
    with pytest.raises(BuildError):
        state.add_position("   ")
    state.move_position("move_the_slipway", -1)
    assert [p.id for p in state.case.positions] == ["move_the_slipway", "build_the_pier"]
    state.edit_position("build_the_pier", label="Build the new pier", description="")
    assert state.case.positions[1].label == "Build the new pier" and state.case.positions[1].description == ""
    state.set_stance("maria_kent", "build_the_pier", "support", "“We have waited long enough,”", "direct", "eager")
    before = state.case
    with pytest.raises(BuildError, match="not changed: .*does not occur verbatim"):
        state.set_stance("tom_wade", "build_the_pier", "oppose", "words that are not there", "reported")
    assert state.case is before  # nothing changed
    with pytest.raises(BuildError, match="also remove its stances"):
        state.remove_position("build_the_pier")
    with pytest.raises(BuildError, match="at least two"):
        state.set_group("Alone", ["tom_wade"])
    with pytest.raises(BuildError, match="not changed: .*evidence"):
        state.set_group("Pier backers", ["maria_kent", "harbour_trust"], basis="article")
    state.set_group("Pier backers", ["maria_kent", "harbour_trust"], evidence="Harbour Trust chair Maria Kent")
    state.set_title("<b>Pier</b> & slipway")
    _reopens(state, tmp_path)
    state.remove_position("build_the_pier", with_stances=True)
    assert state.case.stances == ()
    state.remove_group("pier_backers")
    assert state.case.groups == () and all(not a.member_of for a in state.case.actors)
    _reopens(state, tmp_path)


def test_undo(pier: Path) -> None:
    state = BuilderState(pier)
    first = state.case
    state.add_position("A")
    state.add_actor("The council", "organization")
    state.undo()
    assert state.case.get_actor("the_council") is None and len(state.case.positions) == 1
    state.undo()
    assert state.case == first
    with pytest.raises(BuildError, match="nothing to undo"):
        state.undo()


def test_autosave_two_tabs_and_comments(tmp_path: Path) -> None:
    (tmp_path / "sample_article.txt").write_text((SAMPLE.parent / "sample_article.txt").read_text(encoding="utf-8"))
    hand = tmp_path / "hand.yaml"
    hand.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    state = BuilderState(hand)
    assert state.path == hand
    state.add_position("Ban trawling")
    # the hand-written comments are not dropped silently: the autosave says so, the file is unchanged
    assert state.saved_message.startswith("not saved:") and "comment" in state.saved_message
    assert hand.read_text(encoding="utf-8") == SAMPLE.read_text(encoding="utf-8")
    assert state.save(drop_comments=True).startswith("saved")
    assert kit.load_case(hand) == state.case
    # another tab opens the same file and saves first
    other = BuilderState(hand)
    other.add_position("Other tab's position")
    assert other.saved_message.startswith("saved")
    state.add_position("Mine")
    assert "changed elsewhere" in state.saved_message
    assert "Mine" in {p.label for p in state.case.positions}  # kept in memory
    assert "Mine" not in {p.label for p in kit.load_case(hand).positions}
    state.save(tmp_path / "mine.yaml")
    assert "Mine" in {p.label for p in kit.load_case(tmp_path / "mine.yaml").positions}


def test_taking_a_coding_leaves_out_no_stance(pier: Path) -> None:
    state = BuilderState(pier, autosave=False)
    state.add_position("Build the pier")
    ev = "“We have waited long enough,”"
    start = ARTICLE.index(ev)
    mine = (
        kit.Stance("maria_kent", "build_the_pier", "support", ev, "direct", start, start + len(ev)),
        kit.Stance("tom_wade", "build_the_pier", NO_STANCE, ev, "direct", start, start + len(ev)),
    )
    assert "took 1 stance" in state.take_stances(mine)
    assert [s.actor for s in state.case.stances] == ["maria_kent"]


def test_pack_from_the_builder(pier: Path, tmp_path: Path) -> None:
    state = BuilderState(pier)
    state.add_position("Build the pier")
    state.set_stance("maria_kent", "build_the_pier", "support", "“We have waited long enough,”", "direct")
    assert "without" in state.pack(tmp_path / "pack.yaml")
    pack = kit.load_case(tmp_path / "pack.yaml")
    assert pack.positions == state.case.positions and pack.stances == ()


_OPS = st.lists(
    st.tuples(
        st.sampled_from(["add_actor", "alias", "merge", "split", "remove", "speaker", "position", "stance", "group"]),
        st.integers(0, 1000),
        st.integers(0, 1000),
    ),
    max_size=8,
)
_WORDS = ["The council", "ferry pier", "Fishermen", "A council spokeswoman", "the old slipway", "Monday"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=_OPS)
@example(ops=[("merge", 146, 1), ("split", 1, 1), ("merge", 146, 1)])  # found: a split alias merged back
@example(ops=[("merge", 146, 0), ("split", 1, 1), ("merge", 146, 1)])
def test_any_sequence_of_edits_saves_and_reopens_as_built(tmp_path: Path, ops: list) -> None:
    state = BuilderState(kit.parse(ARTICLE), autosave=False)
    for op, a, b in ops:
        actors = [x.id for x in state.case.actors] or ["nobody"]  # all removed: edits naming one are refused
        try:
            if op == "add_actor":
                state.add_actor(_WORDS[a % len(_WORDS)], kit.ACTOR_KINDS[b % len(kit.ACTOR_KINDS)])
            elif op == "alias":
                state.add_alias(actors[a % len(actors)], _WORDS[b % len(_WORDS)])
            elif op == "merge":
                state.merge(actors[a % len(actors)], actors[b % len(actors)])
            elif op == "split":
                actor = state.case.get_actor(actors[a % len(actors)])
                if actor is not None and actor.aliases:
                    state.split_alias(actor.id, actor.aliases[b % len(actor.aliases)])
            elif op == "remove":
                state.remove_actor(actors[a % len(actors)], fix_references=bool(b % 2))
            elif op == "speaker":
                items = state.statements()
                state.set_speaker(a % max(len(items), 1), None if b % 3 == 0 else actors[b % len(actors)])
            elif op == "position":
                state.add_position(f"Position {a}")
            elif op == "stance" and state.case.positions:
                sent = state.case.article.sentences[a % len(state.case.article.sentences)]  # never empty
                ev = state.case.article.text[sent.start : sent.end]
                pos = state.case.positions[b % len(state.case.positions)].id
                state.set_stance(actors[b % len(actors)], pos, kit.STANCE_VALUES[a % 4], ev, "narration")
            elif op == "group":
                state.set_group(
                    f"G {a}", [actors[a % len(actors)], actors[b % len(actors)]], basis="background", source="s"
                )
        except BuildError:
            pass  # refused edits change nothing
    path = tmp_path / "seq.yaml"
    state.save(path, drop_comments=True)
    assert kit.load_case(path) == state.case
