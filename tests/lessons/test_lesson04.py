"""Notebook 04 · Positions: its checks, and the facts its prose states, pinned against the kit."""

from __future__ import annotations

from pathlib import Path

import kit
from kit.lessons import lesson04 as L
from tests.lessontext import prose_of

NB = Path(__file__).resolve().parents[2] / "notebooks" / "04_positions.ipynb"
WORDS = {9: "nine", 10: "ten"}
CASE = kit.load_case()


def _prose() -> str:
    return prose_of(NB)


def test_values_outside_the_scale_and_wrong_types_are_explained():
    assert "Choose one of: support, oppose, conditional, undecided" in str(
        L.check.q1({"stance": "maybe", "evidence": "x y"})
    )
    assert "dictionary" in str(L.check.q1("conditional"))
    assert "key" in str(L.check.q1({"value": "conditional"}))


def test_prose_counts_the_positions():
    assert f"lists {WORDS[len(CASE.positions)]} options" in _prose()


def test_exercise_1_quotes_the_stance_the_check_is_built_on():
    stance = L.conditional_quote(CASE)
    assert stance.actor == "frank_walter_steinmeier" and stance.position == "air_strikes"
    prose = _prose()
    assert f"“{stance.evidence}”" in prose and "Steinmeier" in prose
    assert CASE.article.text.count(stance.evidence) == 1
    assert stance.note and stance.note in L.check.q1(L.SOLUTIONS["q1"]).message  # the reference's reasoning, after


def test_exercise_2_france_has_two_defensible_readings():
    stance = L.stance_of(CASE, "france", "air_strikes")
    assert stance.value == "conditional" and "would code support" in stance.note  # the case file says both
    assert (
        "France said this week it was ready to engage in all aspects of the fight against IS, including potentially military action."
        in _prose()
    )
    q2 = L.check.q2
    assert q2({"stance": "support", "evidence": "ready to engage in all aspects of the fight"}).correct
    assert q2({"stance": "conditional", "evidence": "potentially military action"}).correct
    assert not q2({"stance": "support", "evidence": "potentially military action"}).correct
    assert "does not reject" in q2({"stance": "oppose", "evidence": "potentially military action"}).message


def test_exercise_3_the_air_strikes_label_is_an_inference():
    text = _prose()
    assert (
        "Kerry's “attack them”, Steinmeier's “a military confrontation” and France's “potentially military action”"
        in text
    )
    assert "**inference**" in text
    for words in ("attack them", "a military confrontation", "potentially military action"):
        assert words in CASE.article.text.replace("A military", "a military")
    for actor in ("john_kerry", "frank_walter_steinmeier", "france"):
        stance = L.stance_of(CASE, actor, "air_strikes")
        assert "air strikes" not in stance.evidence.lower()
    position = next(p for p in CASE.positions if p.id == "air_strikes")
    assert "Coder's inference" in position.description  # the StanceCoder shows the description
    assert "We need to attack them in ways that prevent them from taking over territory" in text


def test_judgements_come_before_the_reference_is_shown():
    cells = [c.source for c in __import__("nbformat").read(str(NB), as_version=4).cells]
    first_reveal = min(
        i for i, c in enumerate(cells) if "stance_matrix" in c or "plot_stances" in c or "StanceCoder(case)" in c
    )
    assert max(i for i, c in enumerate(cells) if "check.q1(answer)" in c or "check.q2(answer)" in c) < first_reveal
    assert "case.stances[0]" not in "\n".join(cells)  # no stance printed before the exercises


def test_the_example_stance_is_in_the_reference():
    assert (
        "| NATO | Share information on foreign fighters | support | “NATO announced plans for allies to share more information on westerners fighting for IS” | reported |"
        in _prose()
    )
    s = L.stance_of(CASE, "nato", "foreign_fighters")
    assert (s.value, s.evidence_type, s.evidence) == (
        "support",
        "reported",
        "NATO announced plans for allies to share more information on westerners fighting for IS",
    )


def test_coder_suggestions_name_real_actors_and_positions():
    labels = {p.label for p in CASE.positions}
    prose = _prose()
    for who, label in (
        ("Kerry", "No ground troops"),
        ("Hammond", "Air strikes against IS"),
        ("NATO", "Airlifts of assistance to Iraq"),
    ):
        assert f"**{who}** on *{label}*" in prose
        assert label in labels
        assert kit.exercises.find_actor(CASE.actors, who) is not None


def test_nobody_opposes_anything():
    assert "no actor **opposes** any option" in _prose()
    assert "oppose" not in {s.value for s in CASE.stances}
    assert (
        "¶ 20 mentions bipartisan criticism"
        in L.exit_ticket.q2.options["Everyone agreed with the US strategy in September 2014."]
    )
    para20 = CASE.article.paragraphs[19]
    assert "bipartisan criticism" in CASE.article.span(para20.start, para20.end)


def test_the_coder_saves_to_the_learner_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_LEARNER_DIR", str(tmp_path))
    coder = kit.StanceCoder(CASE)
    coder.stance.value = "support"
    assert coder.path.parent == tmp_path and coder.path.exists()


def test_the_coder_asks_for_what_the_prose_promises():
    assert "pick a stance, the sentence that shows it and its evidence type, and write one line on **why**" in _prose()
    coder = kit.StanceCoder(CASE)
    assert coder.kind.description == "Evidence type:" and coder.why.description == "Why:"
    assert {v for _, v in coder.kind.options} == {"", *kit.EVIDENCE_TYPES}
    from kit.explore.coderview import MIN_KAPPA_PAIRS

    assert f"appears only from {MIN_KAPPA_PAIRS} coded pairs" in _prose()


def test_q3_accepts_yes_with_the_air_strikes_of_paragraph_13():
    from kit.lessons import lesson04

    res = lesson04.check.q3({"fair": "yes", "evidence": "order air strikes"})
    assert res.correct and "¶ 13" in res.message
    assert not lesson04.check.q3({"fair": "yes", "evidence": "NATO may also coordinate airlifts"}).correct
