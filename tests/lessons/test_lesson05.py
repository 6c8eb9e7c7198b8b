"""Notebook 05 · Coalitions: its checks, and the facts its prose states, pinned against the kit."""

from __future__ import annotations

from pathlib import Path

import kit
from kit.lessons import lesson05 as L
from tests.lessontext import prose_of

NB = Path(__file__).resolve().parents[2] / "notebooks" / "05_coalitions.ipynb"


def _prose() -> str:
    return prose_of(NB)


def test_core_group_is_ten_states_named_by_hagel():
    case = kit.load_case()
    core, background = L.declared(case)
    assert "ten states in all" in _prose() and "Hagel names the core group" in _prose()
    assert len(core.members) == 10 and all(case.actor(m).kind == "state" for m in core.members)
    assert "united_states" in core.members
    para = case.article.paragraph_of(case.article.text.index(core.evidence))
    named = {m.actor for m in case.mentions if para.start <= m.start < para.end}
    assert "chuck_hagel" in named


def test_groups_0_and_1_are_the_core_group_and_nato_as_the_exercise_says():
    case = kit.load_case()
    core, background = L.declared(case)
    assert "`case.groups[0]` is the core group, `case.groups[1]` is NATO" in _prose()
    assert case.groups[0] == core and case.groups[1] == background
    assert background.name == "NATO" and background.basis == "background"
    assert "basis as “background”" in _prose()


def test_on_record_filter_matches_the_explorer_toggle():
    from kit.explore.widgets import EVIDENCE_CHOICES

    assert ("only on-record quotes", "direct") in EVIDENCE_CHOICES
    assert "**only on-record quotes**" in _prose() and "**states they speak for**" in _prose()
    case = kit.load_case()
    assert L.on_record_actors(case) == {s.actor for s in case.stances if s.evidence_type == "direct"}


def test_lone_state_stands_apart_from_a_declared_partner():
    case = kit.load_case()
    core, _ = L.declared(case)
    lone = L.lone_states(case)
    assert lone and lone <= set(core.members)  # the discussion question's premise: declared together, apart in words
