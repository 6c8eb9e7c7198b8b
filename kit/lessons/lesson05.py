"""Checks for notebook 05 · Coalitions: declared groups against what their members say.

Every expected value is computed from the bundled reference case: the declared
groups (the first group the article declares, and the one from background
knowledge), the stances left when only on-record quotes count, and the
coalitions at the level of states.

>>> check.q1(SOLUTIONS["q1"]).outcome
'correct'
>>> check.q2(None).outcome
'not attempted'
"""

from __future__ import annotations

from typing import Any

from ..case.load import load_case
from ..exercises import Exercise, ExerciseSet, same_ids
from ..records import Case, Group

__all__ = ["check", "declared", "on_record_actors", "lone_states", "SOLUTIONS", "WRONG"]

_CASE: Case = load_case()


def declared(case: Case) -> tuple[Group, Group]:
    """The first group the article itself declares, and the first group known from background.

    >>> import kit
    >>> [g.basis for g in declared(kit.load_case())]
    ['article', 'background']
    """
    article = next(g for g in case.groups if g.basis == "article")
    background = next(g for g in case.groups if g.basis == "background")
    return article, background


def on_record_actors(case: Case) -> set[str]:
    """Actors with at least one stance coded from an on-record quote (evidence type ``direct``).

    >>> import kit
    >>> on_record_actors(kit.load_case()) <= {a.id for a in kit.load_case().actors}
    True
    """
    from ..analysis import select_stances

    return {s.actor for s in select_stances(case, evidence=["direct"])}


def lone_states(case: Case) -> set[str]:
    """States that form a coalition of their own when people count as the states they speak for."""
    from ..analysis import coalitions

    return {c[0] for c in coalitions(case, level="state") if len(c) == 1 and case.kind_of(c[0]) == "state"}


_CORE, _BACKGROUND = declared(_CASE)
_OUTSIDE = set(_CORE.members) - set(_BACKGROUND.members)
_ON_RECORD = on_record_actors(_CASE)
_ALL_CODED = sorted({s.actor for s in _CASE.stances})
_LONE = lone_states(_CASE)


def _largest_state_coalition(case: Case) -> list[str]:
    from ..analysis import coalitions

    return sorted(max(coalitions(case, level="state"), key=len))


_CROWD = _largest_state_coalition(_CASE)

check = ExerciseSet(
    Exercise(
        "q1",
        check=same_ids(_OUTSIDE, what="state ids"),
        hints=["Each group has .members. Turn both lists into sets.",
               "set(a) - set(b) keeps the members of a that are not in b."],
        solution="core, nato = case.groups[0], case.groups[1]\nanswer = set(core.members) - set(nato.members)",
        expects="a list or set of state ids",
        success="A coalition of the willing need not follow alliance lines.",
    ),
    Exercise(
        "q2",
        check=same_ids(_ON_RECORD),
        hints=["kit.analysis.select_stances(case, evidence=['direct']) keeps the stances coded from on-record quotes.",
               "Collect the .actor of each of those stances in a set."],
        solution="answer = {s.actor for s in kit.analysis.select_stances(case, evidence=['direct'])}",
        expects="a list or set of actor ids",
        success="Everyone else reaches us through paraphrase, narration or unnamed sources.",
    ),
    Exercise(
        "q3",
        check=same_ids(_LONE, what="state ids"),
        hints=["Run kit.analysis.coalitions(case, level='state') and look for a coalition with one member.",
               "Keep only one-member coalitions whose actor is a state: case.actor(i).kind == 'state'."],
        solution="found = kit.analysis.coalitions(case, level='state')\n"
                 "answer = [c[0] for c in found if len(c) == 1 and case.actor(c[0]).kind == 'state']",
        expects="a list of state ids",
        success="Declared together, apart in what they say: that gap is what the CoalitionExplorer shows.",
    ),
)

#: The stored solution values (what the solution() code computes).
SOLUTIONS: dict[str, Any] = {"q1": _OUTSIDE, "q2": _ON_RECORD, "q3": sorted(_LONE)}
#: Known-wrong answers and a piece of the teaching message each one gets.
WRONG: dict[str, tuple[Any, str]] = {
    "q1": (list(_CORE.members), "not belong"),
    "q2": (_ALL_CODED, "not belong"),
    "q3": (_CROWD, "not belong"),
}
