"""Notebook 04 · Positions: its checks, and the facts its prose states, pinned against the kit."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import kit
from kit.lessons import lesson04 as L
from tests.lessontext import prose_of

NB = Path(__file__).resolve().parents[2] / "notebooks" / "04_positions.ipynb"
WORDS = {9: "nine", 10: "ten"}


def _prose() -> str:
    return prose_of(NB)


def test_values_outside_the_scale_and_wrong_types_are_explained():
    assert "four stance values" in str(L.check.q2("maybe"))
    assert "position id" in str(L.check.q1(3))
    assert L.check.q1(L.most_coded(kit.load_case()).label).correct  # the label works as well as the id


def test_prose_counts_the_positions():
    case = kit.load_case()
    assert f"lists {WORDS[len(case.positions)]} options" in _prose()


def test_exercise_2_quotes_the_stance_the_check_is_built_on():
    case = kit.load_case()
    stance = L.conditional_quote(case)
    assert stance.actor == "frank_walter_steinmeier" and stance.position == "air_strikes"
    prose = _prose()
    assert f"“{stance.evidence}”" in prose and "Steinmeier" in prose
    assert case.actor(stance.actor).name.split()[-1] == "Steinmeier"
    assert case.article.text.count(stance.evidence) == 1


def test_coder_suggestions_name_real_actors_and_positions():
    case = kit.load_case()
    labels = {p.label for p in case.positions}
    prose = _prose()
    for who, label in (("Kerry", "No ground troops"), ("Steinmeier", "Air strikes against IS"),
                       ("Hammond", "Air strikes against IS")):
        assert f"**{who}** on *{label}*" in prose
        assert label in labels
        assert any(a.kind == "person" and a.name.endswith(who) for a in case.actors)


def test_lazy_coder_agrees_often_but_kappa_is_zero():
    case = kit.load_case()
    agreement = kit.analysis.compare_codings(case, L.always_support(case))
    assert agreement.percent > 50 and agreement.kappa == 0.0  # "agrees … on most pairs, yet kappa is 0"
    mc = L.kappa_question()
    assert "yet kappa is 0" in mc.question
    assert mc.check(mc.correct).correct
    assert all(not mc.check(o).correct for o in mc.options if o != mc.correct)
    assert Counter(s.value for s in case.stances).most_common(1)[0][0] == "support"  # "most stances are support"


def test_the_coder_saves_to_the_learner_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_LEARNER_DIR", str(tmp_path))
    coder = kit.StanceCoder(kit.load_case())
    coder.stance.value = "support"
    assert coder.path.parent == tmp_path and coder.path.exists()


def test_teacher_guide_states_the_same_numbers():
    guide = (NB.parents[1] / "docs" / "teacher-guide.md").read_text(encoding="utf-8")
    case = kit.load_case()
    agreement = kit.analysis.compare_codings(case, L.always_support(case))
    assert f"{round(agreement.percent)} % agreement but kappa {agreement.kappa:g}" in guide
    top = L.most_coded(case)
    assert f"`'{top.id}'` ({Counter(s.position for s in case.stances)[top.id]} stances" in guide
