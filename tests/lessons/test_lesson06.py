"""Notebook 06 · Coalitions: its checks, the finding-or-artefact tools, and the facts its prose states."""

from __future__ import annotations

from pathlib import Path

import pytest

import kit
from kit.lessons import lesson06 as L
from tests.lessontext import prose_of

NB = Path(__file__).resolve().parents[2] / "notebooks" / "06_coalitions.ipynb"
CASE = kit.load_case()


def _prose() -> str:
    return prose_of(NB)


def test_core_group_is_ten_states_named_by_hagel():
    core, background = L.declared(CASE)
    assert "ten states in all" in _prose() and "Hagel names the core group" in _prose()
    assert len(core.members) == 10 and all(CASE.actor(m).kind == "state" for m in core.members)
    assert "united_states" in core.members
    para = CASE.article.paragraph_of(CASE.article.text.index(core.evidence))
    named = {m.actor for m in CASE.mentions if para.start <= m.start < para.end}
    assert "chuck_hagel" in named and para.index + 1 == 6  # "the article names them once (¶ 6)"


def test_nato_is_background():
    _, background = L.declared(CASE)
    assert background.name == "NATO" and background.basis == "background"
    assert "basis as “background”" in _prose()


def test_the_inferred_groups_are_shown_as_inferences():
    text = _prose()
    ext = next(g for g in CASE.groups if g.id == "extended_coalition")
    assert ext.basis == "inferred" and {"iraqi_government", "iraqs_neighbors", "other_stakeholders"} <= set(ext.members)
    assert "marks this group's basis as “inferred”" in text
    art = CASE.article
    for words, para in (
        ("will form the larger and extended coalition", 7),
        ("a new Iraqi government, Iraq’s neighbors and other stakeholders", 18),
    ):
        assert words in text and art.paragraph_of(art.text.index(words)).index + 1 == para
    assert "joining them is an inference" in text
    assert CASE.actor("iraqi_government").kind == "organization" and CASE.actor("united_kingdom").kind == "state"
    assert "is an *organization* in the case file" in text


def test_on_record_filter_matches_the_explorer_toggle():
    from kit.explore.widgets import EVIDENCE_CHOICES

    assert ("only on-record quotes", "direct") in EVIDENCE_CHOICES
    assert "**only on-record quotes**" in _prose() and "**states they speak for**" in _prose()
    assert L.on_record_actors(CASE) == {s.actor for s in CASE.stances if s.evidence_type == "direct"}


def test_six_of_ten_core_members_are_silent():
    assert "Six of the ten core-group members have no coded stance" in _prose()
    table = L.group_voices(CASE)
    assert len(table) == 10 and int((table["coded stances"] == 0).sum()) == 6
    assert set(table.index[table["coded stances"] == 0]) == {
        "Canada",
        "Australia",
        "Turkey",
        "Italy",
        "Poland",
        "Denmark",
    }
    with pytest.raises(kit.KitError):
        L.group_voices(CASE, "no_such_group")


def test_the_aggregation_rule_as_the_lesson_states_it():
    text = _prose()
    assert "**the most common value wins; a tie between different values becomes *conditional***" in text
    from kit.analysis.selection import resolve_value

    assert resolve_value(["conditional", "undecided"]) == "conditional"
    assert resolve_value(["support", "support", "oppose"]) == "support"
    table = L.combined_cells(CASE)
    uk = table.loc["United Kingdom"]
    assert uk["combined"] == "conditional" and uk["rule"] == "tie"
    assert (
        "David Cameron: conditional" in uk["stances that count"]
        and "Philip Hammond: undecided" in uk["stances that count"]
    )
    assert "Cameron's *conditional* and Hammond's *undecided* tie" in text


def test_the_us_stands_alone_and_the_red_line_changes_it():
    assert L.lone_states(CASE) == {"united_states"}  # Exercise 3's premise
    assert "“a red line for everybody here” (¶ 5)" in _prose()
    kerry = next(s for s in CASE.stances if s.actor == "john_kerry" and s.position == "no_ground_troops")
    assert "we code only his own stance" in kerry.note
    what_if = L.red_line_for_everybody(CASE)
    assert "united_states" not in L.lone_states(what_if)
    with_us = next(c for c in kit.analysis.coalitions(what_if, level="state") if "united_states" in c)
    silent = {
        m for m, n in zip(L.declared(CASE)[0].members, L.group_voices(CASE)["coded stances"], strict=True) if n == 0
    }
    assert set(with_us) == silent | {"united_states"}  # "it joins the members who said nothing else"


def test_recoding_france_moves_it_to_the_us():
    mine = L.recode(
        L.recode(CASE, "France", "Air strikes against IS", "support"), "Hollande", "Air strikes against IS", "support"
    )
    coalition = next(c for c in kit.analysis.coalitions(mine, level="state") if "united_states" in c)
    assert "france" in coalition and "France now sides with the United States" in _prose()
    only_one = L.recode(CASE, "France", "air strikes", "support")  # the tie rule keeps France conditional
    assert L.lone_states(only_one) == {"united_states"}
    added = L.recode(CASE, "Canada", "no ground troops", "support")
    assert any(s.actor == "canada" for s in added.stances) and len(added.stances) == len(CASE.stances) + 1
    for bad in (
        ("Narnia", "air strikes", "support"),
        ("France", "moon landing", "support"),
        ("France", "air strikes", "maybe"),
    ):
        with pytest.raises(kit.KitError):
            L.recode(CASE, *bad)


def test_finding_or_artefact_judgement():
    q4 = L.check.q4
    assert "transatlantic rift" in q4(L.SOLUTIONS["q4"]).message
    assert "Choose one of" in q4({"verdict": "rift", "evidence": "a red line for everybody here"}).message
    assert not q4({"verdict": "finding", "evidence": "a red line for everybody here"}).correct
    assert "transatlantic rift" in _prose() and "finding or artefact?" in _prose()
