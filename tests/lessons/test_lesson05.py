"""Notebook 05 · Agreement: its checks, and the facts its prose states, pinned against the kit."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import kit
from kit.lessons import lesson05 as L
from tests.lessontext import prose_of

NB = Path(__file__).resolve().parents[2] / "notebooks" / "05_agreement.ipynb"
CASE = kit.load_case()


def _prose() -> str:
    return prose_of(NB)


def test_lazy_coder_agrees_often_but_kappa_is_zero():
    agreement = kit.analysis.compare_codings(CASE, L.always_support(CASE))
    assert agreement.percent > 50 and agreement.kappa == 0.0  # "agrees … on most pairs, yet kappa is 0"
    mc = L.kappa_question()
    assert "yet kappa is 0" in mc.question
    assert mc.check(mc.correct).correct
    assert all(not mc.check(o).correct for o in mc.options if o != mc.correct)
    assert Counter(s.value for s in CASE.stances).most_common(1)[0][0] == "support"  # "most stances are “support”"
    assert "if most stances are “support”" in _prose()


def test_sam_differs_on_three_pairs_two_hedged_one_a_slip():
    assert "Sam differs from the reference on three pairs" in _prose()
    sam = kit.analysis.compare_codings(CASE, L.second_coder(CASE))
    assert len(sam.disagreements) == 3
    hedges = {"nato": "may", "france": "potentially"}
    for (actor, position), value in L.SAM_CHANGES.items():
        ref = next(s for s in CASE.stances if (s.actor, s.position) == (actor, position))
        assert ref.value != value
        if actor in hedges:
            assert hedges[actor] in ref.evidence  # the hedge that makes Sam's reading defensible
    kerry = next(s for s in CASE.stances if (s.actor, s.position) == ("john_kerry", "no_ground_troops"))
    assert kerry.value == "support" and L.SAM_CHANGES[("john_kerry", "no_ground_troops")] == "oppose"
    q2 = L.check.q2
    assert "not a mistake" in q2({"actor": "France", "evidence": "including potentially military action"}).message
    assert "exactly like the reference" in q2({"actor": "Hagel", "evidence": "no boots on the ground"}).message


def test_kappa_is_hidden_below_ten_pairs_as_the_prose_says():
    assert "shows kappa only from 10 coded pairs" in _prose() and L.MIN_PAIRS_TEXT == "from 10 coded pairs"
    assert "under 10" in L.exit_ticket.q2.correct


def test_teacher_guide_states_the_same_numbers():
    guide = (NB.parents[1] / "docs" / "teacher-guide.md").read_text(encoding="utf-8")
    agreement = kit.analysis.compare_codings(CASE, L.always_support(CASE))
    assert f"{round(agreement.percent)} % agreement but kappa {agreement.kappa:g}" in guide
