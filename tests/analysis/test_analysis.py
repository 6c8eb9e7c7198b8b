"""Analysis on a hand-made case (answers worked out by hand, see handmade.py) and on the reference case."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

import kit
from kit import analysis as A
from kit.analysis.intercoder import cohen_kappa, compare_codings, resolve_value
from kit.errors import KitError
from kit.records import Stance
from tests.handmade import small_case


@pytest.fixture(scope="module")
def case():
    return small_case()


# --- options -----------------------------------------------------------------


def test_select_filters_positions_and_evidence(case):
    got = A.select_stances(case, positions=["ground_troops"], evidence=["narration"])
    assert [(s.actor, s.value) for s in got] == [("france", "oppose"), ("united_states", "oppose")]
    assert A.select_stances(case, positions="strategy") == A.select_stances(case, positions=["strategy"])


def test_select_at_state_level_maps_people_to_their_state(case):
    got = A.select_stances(case, positions=["air_strikes"], level="state")
    assert [s.actor for s in got] == [
        "united_states",
        "united_kingdom",
        "united_kingdom",
        "germany",
        "france",
        "islamic_state",
    ]
    assert got[0].evidence == "We will strike them from the air"  # evidence kept


@pytest.mark.parametrize(
    "opts, words",
    [
        ({"positions": ["nukes"]}, "unknown position 'nukes'"),
        ({"evidence": ["rumour"]}, "unknown evidence type 'rumour'"),
        ({"level": "country"}, "level must be"),
        ({"positions": 3}, "list of ids"),
    ],
)
def test_bad_options_raise_one_line_kit_errors(case, opts, words):
    with pytest.raises(kit.KitError, match=words) as info:
        A.stance_matrix(case, **opts)
    assert "\n" not in str(info.value)


def test_not_a_case_is_refused():
    with pytest.raises(kit.KitError, match="expected a Case"):
        A.select_stances("article.txt")
    with pytest.raises(kit.KitError, match="expected a Case"):
        A.voices(None)


# --- several stances on one cell ---------------------------------------------


def test_resolve_value_most_common_then_tie_is_conditional():
    assert resolve_value(["oppose"]) == "oppose"
    assert resolve_value(["support", "oppose", "support"]) == "support"
    assert resolve_value(["support", "undecided"]) == "conditional"
    with pytest.raises(kit.KitError):
        resolve_value([])


# --- stance matrix -------------------------------------------------------------


def test_stance_matrix_actor_level(case):
    m = A.stance_matrix(case)
    assert list(m.columns) == ["air_strikes", "ground_troops", "strategy"]
    assert list(m.index) == [
        "united_states",
        "france",
        "canada",
        "john_kerry",
        "philip_hammond",
        "anon_british_official",
        "frank_walter_steinmeier",
        "islamic_state",
    ]
    assert m.loc["john_kerry"].tolist() == ["support", "oppose", "support"]
    assert m.loc["philip_hammond", "strategy"] is None
    assert m.loc["philip_hammond", "air_strikes"] == "undecided"


def test_stance_matrix_state_level_combines_conflicting_stances(case):
    m = A.stance_matrix(case, level="state")
    assert list(m.index) == ["united_states", "united_kingdom", "germany", "france", "canada", "islamic_state"]
    # Britain: Hammond undecided + anonymous official support -> tie -> conditional
    assert m.loc["united_kingdom", "air_strikes"] == "conditional"
    # United States: Kerry oppose + the state itself oppose -> oppose
    assert m.loc["united_states"].tolist() == ["support", "oppose", "support"]


def test_stance_matrix_subset_keeps_case_order(case):
    m = A.stance_matrix(case, positions=["strategy", "air_strikes"], evidence=["direct"])
    assert list(m.columns) == ["air_strikes", "strategy"]
    assert list(m.index) == ["john_kerry", "frank_walter_steinmeier"]


# --- networks --------------------------------------------------------------------


def _edges(g):
    return {tuple(sorted((a, b))): d["weight"] for a, b, d in g.edges(data=True)}


def test_agreement_network_by_hand(case):
    g = A.agreement_network(case)
    assert _edges(g) == {
        ("france", "united_states"): 1,
        ("john_kerry", "united_states"): 1,
        ("france", "john_kerry"): 2,
        ("anon_british_official", "france"): 1,
        ("canada", "john_kerry"): 1,
        ("canada", "frank_walter_steinmeier"): 1,
        ("anon_british_official", "john_kerry"): 1,
        ("frank_walter_steinmeier", "john_kerry"): 1,
    }
    assert g.edges["france", "john_kerry"]["positions"] == ("air_strikes", "ground_troops")
    assert g.nodes["john_kerry"] == {"name": "John Kerry", "kind": "person"}
    assert g.degree("philip_hammond") == 0  # undecided agrees with nobody
    assert list(g.nodes)[:2] == ["united_states", "france"]


def test_undecided_with_undecided_is_not_agreement(case):
    extra = Stance("frank_walter_steinmeier", "ground_troops", "undecided", "x", "direct")
    extra2 = Stance("philip_hammond", "ground_troops", "undecided", "x", "reported")
    c = replace(case, stances=case.stances + (extra, extra2))
    assert not A.agreement_network(c).has_edge("frank_walter_steinmeier", "philip_hammond")


def test_conflict_network_support_against_oppose_only(case):
    g = A.conflict_network(case)
    assert _edges(g) == {
        ("france", "islamic_state"): 1,
        ("islamic_state", "john_kerry"): 1,
        ("anon_british_official", "islamic_state"): 1,
    }
    # conditional (Steinmeier) and undecided (Hammond) conflict with nobody
    assert g.degree("frank_walter_steinmeier") == 0 and g.degree("philip_hammond") == 0


def test_state_level_agreement(case):
    g = A.agreement_network(case, level="state")
    assert _edges(g) == {
        ("france", "united_states"): 2,
        ("germany", "united_states"): 1,
        ("canada", "united_states"): 1,
        ("germany", "united_kingdom"): 1,
        ("canada", "germany"): 1,
    }


def test_actor_position_network_is_two_mode(case):
    g = A.actor_position_network(case, positions=["air_strikes"])
    assert g.nodes["air_strikes"] == {"name": "Air strikes against IS", "kind": "position", "bipartite": 1}
    assert g.nodes["france"]["bipartite"] == 0
    assert g.edges["philip_hammond", "air_strikes"]["value"] == "undecided"
    assert g.number_of_edges() == 6


def test_position_id_clashing_with_actor_id_is_refused(case):
    c = replace(case, positions=case.positions + (kit.Position("france", "France"),))
    with pytest.raises(kit.KitError, match="rename the position"):
        A.actor_position_network(c)


def test_networks_are_deterministic(case):
    a, b = A.agreement_network(case), A.agreement_network(small_case())
    assert list(a.nodes) == list(b.nodes) and list(a.edges(data=True)) == list(b.edges(data=True))


# --- coalitions ----------------------------------------------------------------------


def test_coalitions_actor_level(case):
    assert A.coalitions(case) == (
        ("anon_british_official", "france", "john_kerry", "united_states"),
        ("canada", "frank_walter_steinmeier"),
        ("islamic_state",),
        ("philip_hammond",),
    )


def test_coalitions_state_level_and_every_actor_once(case):
    got = A.coalitions(case, level="state")
    assert got == (("canada", "germany", "united_kingdom"), ("france", "united_states"), ("islamic_state",))
    flat = [a for c in got for a in c]
    assert sorted(flat) == sorted(A.stance_matrix(case, level="state").index)


def test_coalitions_without_any_agreement_are_singletons(case):
    c = replace(case, stances=tuple(s for s in case.stances if s.actor in ("islamic_state", "philip_hammond")))
    assert A.coalitions(c) == (("islamic_state",), ("philip_hammond",))
    assert A.coalitions(replace(case, stances=())) == ()


# --- declared vs discursive ------------------------------------------------------------


def test_compare_declared_state_level(case):
    got = A.compare_declared(case, include_silent=True)
    core = [(m.kind, m.actor, m.position) for m in got if m.group == "core_group"]
    # air strikes: 2 support vs 2 conditional -> no group stance -> skipped
    assert core == [
        ("member_disagrees", "united_kingdom", "strategy"),
        ("outsider_agrees", "canada", "strategy"),
        ("member_silent", "united_kingdom", "ground_troops"),
        ("member_silent", "germany", "ground_troops"),
        ("member_silent", "france", "strategy"),
    ]
    first = got[0]
    assert first.value == "conditional"
    assert first.message == (
        "Britain is in the core group but its stance on a political strategy <first> "
        "is conditional (the group: support)."
    )
    nato = {(m.kind, m.actor, m.position) for m in got if m.group == "nato"}
    assert ("outsider_agrees", "france", "ground_troops") in nato


def test_compare_declared_without_silent_and_at_actor_level(case):
    got = A.compare_declared(case)  # silent members are left out by default
    assert all(m.kind != "member_silent" for m in got) and len(got) == 5
    actor = A.compare_declared(case, level="actor", include_silent=False)
    # Kerry speaks for a core member: never an "outsider" of the core group
    assert all(m.actor != "john_kerry" for m in actor if m.group == "core_group")
    assert ("nato", "frank_walter_steinmeier", "outsider_agrees") in {(m.group, m.actor, m.kind) for m in actor}


def test_compare_declared_messages_keep_acronyms(case):
    c = replace(
        case,
        positions=(kit.Position("air_strikes", "IS targets"),) + case.positions[1:],
        stances=case.stances + (Stance("united_kingdom", "air_strikes", "support", "x", "narration"),),
    )
    msgs = [m.message for m in A.compare_declared(c, include_silent=True) if m.position == "air_strikes"]
    assert msgs and all("IS targets" in m for m in msgs)


# --- voices ------------------------------------------------------------------------------


def test_voices_by_hand(case):
    v = A.voices(case)
    assert list(v.columns) == ["name", "kind", "quotes", "reported", "total", "share"]
    assert list(v.index) == ["john_kerry", "philip_hammond", "anon_british_official", "frank_walter_steinmeier"]
    assert v.loc["john_kerry", ["quotes", "reported", "total"]].tolist() == [2, 1, 3]
    assert v.loc["john_kerry", "share"] == pytest.approx(0.5)
    assert v["share"].sum() == pytest.approx(1.0)
    assert A.anonymous_share(case) == pytest.approx(1 / 6)


def test_voices_with_no_speakers(case):
    c = replace(case, article=replace(case.article, quotes=(), reported=()))
    assert len(A.voices(c)) == 0
    assert A.anonymous_share(c) == 0.0


# --- coding agreement ------------------------------------------------------------------------


def test_kappa_wikipedia_example():
    pairs = [("yes", "yes")] * 20 + [("yes", "no")] * 5 + [("no", "yes")] * 10 + [("no", "no")] * 15
    assert cohen_kappa(pairs) == pytest.approx(0.4)


def test_kappa_edge_cases():
    assert cohen_kappa([("a", "a"), ("b", "b"), ("a", "a")]) == 1.0
    assert cohen_kappa([("a", "a")] * 5) == 1.0  # one category only: defined as perfect, no ZeroDivisionError
    assert cohen_kappa([("a", "b"), ("b", "a")]) == pytest.approx(-1.0)
    with pytest.raises(kit.KitError):
        cohen_kappa([])


def _coding(values):
    return [Stance(f"actor_{i}", "p", v, "x", "direct") for i, v in enumerate(values)]


def test_compare_codings_reproduces_the_wikipedia_example():
    a = ["support"] * 25 + ["oppose"] * 25
    b = ["support"] * 20 + ["oppose"] * 5 + ["support"] * 10 + ["oppose"] * 15
    got = compare_codings(_coding(a), _coding(b))
    assert got.n == 50 and got.percent == pytest.approx(70.0) and got.kappa == pytest.approx(0.4)
    assert got.per_position["p"][0] == 50
    assert len(got.disagreements) == 15


def test_compare_codings_leaves_pairs_coded_by_one_only_out_as_the_class_view_does(case):
    learner = [s for s in case.stances if s.actor != "islamic_state"]
    learner[0] = replace(learner[0], value="oppose")  # Kerry on air strikes
    got = compare_codings(case, learner)
    assert got.n == 12  # Islamic State: coded by the reference only, so missing (not a disagreement)
    assert got.percent == pytest.approx(100 * 11 / 12)
    assert 0 < got.kappa < 1
    dis = {(actor, pos): (x.value, y.value) for actor, pos, x, y in got.disagreements}
    assert dis == {("john_kerry", "air_strikes"): ("support", "oppose")}
    assert [(a, p, x.value, y) for a, p, x, y in got.one_sided] == [("islamic_state", "air_strikes", "oppose", None)]
    assert got.per_position["strategy"] == (4, 100.0, 1.0)


def test_no_stance_is_an_answer_in_kappa(case):
    from kit.records import NO_STANCE

    learner = [replace(s, value=NO_STANCE) if i == 0 else s for i, s in enumerate(case.stances)]
    got = compare_codings(case, learner)
    assert got.n == len({(s.actor, s.position) for s in case.stances}) and got.disagreements[0][3].value == NO_STANCE


def test_compare_codings_perfect_and_filtered(case):
    same = compare_codings(case, case)
    assert (same.percent, same.kappa, same.disagreements) == (100.0, 1.0, ())
    only = compare_codings(case, case, positions=["ground_troops"])
    assert only.n == 3 and list(only.per_position) == ["ground_troops"]
    with pytest.raises(kit.KitError, match="neither coding"):
        compare_codings(case, case, positions=["nothing"])
    with pytest.raises(kit.KitError, match="Case or a list"):
        compare_codings(case, 42)


def test_kappa_is_never_nan_on_valid_input(case):
    got = compare_codings(case, case.stances[:1])
    assert not math.isnan(got.kappa) and got.percent == 100.0
    with pytest.raises(KitError, match="no actor–position pair is coded in both"):
        compare_codings(case, [])


# --- the reference case (a broken bundled case fails these tests; it never skips them) ----------


def _reference():
    return kit.load_case()


def test_reference_case_analysis_runs_end_to_end():
    ref = _reference()
    m = A.stance_matrix(ref, level="state")
    assert m.shape[1] == len(ref.positions) and len(m) > 0
    g = A.agreement_network(ref, level="state")
    assert g.number_of_nodes() == len(m)
    flat = sorted(a for c in A.coalitions(ref, level="state") for a in c)
    assert flat == sorted(m.index)
    for mm in A.compare_declared(ref):
        assert mm.kind in ("member_disagrees", "outsider_agrees", "member_silent") and mm.message
    v = A.voices(ref)
    assert "john_kerry" in v.index and v.index[0] == "john_kerry"
    assert 0 < A.anonymous_share(ref) < 1


def test_reference_case_core_group_split_on_air_strikes():
    ref = _reference()
    found = A.compare_declared(ref)
    assert any(
        m.group == "core_group"
        and m.actor == "united_states"
        and m.kind == "member_disagrees"
        and m.position == "air_strikes"
        for m in found
    )
