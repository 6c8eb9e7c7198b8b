"""Checks and tools for notebook 06 · Coalitions: declared groups, what their members say, finding or artefact?

Every expected value is computed from the bundled reference case: the declared
groups (the first group the article declares, and the one from background
knowledge), the stances left when only on-record quotes count, and the
coalitions at the level of states. The tools let learners look behind a
result: who is silent (:func:`group_voices`), how several stances become one
(:func:`combined_cells`), and what a different coding changes
(:func:`red_line_for_everybody`, :func:`recode`).

>>> check.q1(SOLUTIONS["q1"]).outcome
'correct'
>>> check.q2(None).outcome
'not attempted'
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..case.load import load_case
from ..errors import KitError
from ..exercises import Exercise, ExerciseSet, ExitTicket, MultipleChoice, Reading, find_actor, judgement, names_actors
from ..exercises.names import normal
from ..records import STANCE_VALUES, Case, Group, Stance

__all__ = ["check", "exit_ticket", "declared", "on_record_actors", "lone_states", "group_voices", "combined_cells",
           "red_line_for_everybody", "recode", "RED_LINE", "SOLUTIONS", "ALTERNATIVES", "WRONG", "JUDGEMENT"]

_CASE: Case = load_case()

#: Kerry's words that speak for everybody at the meeting (¶ 5).
RED_LINE = "a red line for everybody here"


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

    kinds = {a.id: a.kind for a in case.actors}
    return {c[0] for c in coalitions(case, level="state") if len(c) == 1 and kinds.get(c[0]) == "state"}


def _speakers_for(case: Case) -> dict[str, list[str]]:
    """State-level id -> the names of the actors whose stances count for it."""
    from ..analysis.selection import level_id

    names = {a.id: a.name for a in case.actors}
    out: dict[str, list[str]] = {}
    for s in case.stances:
        who = out.setdefault(level_id(case, s.actor, "state"), [])
        if names.get(s.actor, s.actor) not in who:
            who.append(names.get(s.actor, s.actor))
    return out


def group_voices(case: Case, group: str = "core_group") -> Any:
    """A declared group's members: how many stances count for each (people counted for their state), and whose.

    >>> import kit
    >>> table = group_voices(kit.load_case())
    >>> int((table["coded stances"] == 0).sum())
    6
    """
    import pandas as pd

    from ..analysis import select_stances

    found = next((g for g in case.groups if g.id == group), None)
    if found is None:
        raise KitError(f"no group {group!r} in this case; groups: {', '.join(g.id for g in case.groups)}")
    counts: dict[str, int] = {}
    for s in select_stances(case, level="state"):
        counts[s.actor] = counts.get(s.actor, 0) + 1
    speakers = _speakers_for(case)
    names = {a.id: a.name for a in case.actors}
    rows = [{"member": names.get(m, m), "coded stances": counts.get(m, 0),
             "whose words": ", ".join(speakers.get(m, [])) or "— (silent)"} for m in found.members]
    return pd.DataFrame(rows).set_index("member")


def combined_cells(case: Case) -> Any:
    """Where several stances count for one state and position, and the one value the kit makes of them.

    The rule (``kit.analysis.selection.resolve_value``): the most common value wins; a tie between
    different values becomes ``conditional``.

    >>> import kit
    >>> table = combined_cells(kit.load_case())
    >>> "tie" in set(table["rule"])
    True
    """
    import pandas as pd

    from ..analysis import select_stances
    from ..analysis.selection import resolve_value

    names = {a.id: a.name for a in case.actors}
    labels = {p.id: p.label for p in case.positions}
    grouped: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for original, s in zip(case.stances, select_stances(case, level="state"), strict=True):
        grouped.setdefault((s.actor, s.position), []).append((names.get(original.actor, original.actor), s.value))
    rows = []
    for (state, position), values in grouped.items():
        if len(values) < 2:
            continue
        kinds = {v for _, v in values}
        result = resolve_value([v for _, v in values])
        top = max(sum(1 for _, v in values if v == k) for k in kinds)
        tie = len(kinds) > 1 and sum(1 for k in kinds if sum(1 for _, v in values if v == k) == top) > 1
        rows.append({"state": names.get(state, state), "position": labels.get(position, position),
                     "stances that count": "; ".join(f"{who}: {v}" for who, v in values),
                     "combined": result, "rule": "tie" if tie else ("all agree" if len(kinds) == 1 else "most common")})
    return pd.DataFrame(rows, columns=["state", "position", "stances that count", "combined", "rule"]).set_index("state")


def red_line_for_everybody(case: Case, group: str = "core_group") -> Case:
    """A what-if: Kerry's "a red line for everybody here" (¶ 5) coded as every group member's support for no ground troops.

    The added stances are ``reported`` (Kerry's claim about the others), one per member without one.
    """
    found = next(g for g in case.groups if g.id == group)
    start = case.article.text.find(RED_LINE)
    if start < 0:
        raise KitError(f"this article has no {RED_LINE!r}; this what-if is for the bundled article")
    from ..analysis import select_stances

    have = {s.actor for s in select_stances(case, positions=["no_ground_troops"], level="state")}
    extra = tuple(Stance(m, "no_ground_troops", "support", RED_LINE, "reported", start, start + len(RED_LINE),
                         "What-if: Kerry's claim that no ground troops is a red line for everybody here.")
                  for m in found.members if m not in have)
    return dataclasses.replace(case, stances=case.stances + extra)


def _position_id(case: Case, position: str) -> str:
    wanted = normal(position)
    for p in case.positions:
        if wanted in (normal(p.id), normal(p.label)) or normal(p.label).startswith(wanted):
            return p.id
    raise KitError(f"no position {position!r}; this case has: {', '.join(p.label for p in case.positions)}")


def recode(case: Case, actor: str, position: str, value: str) -> Case:
    """The case with one stance re-coded (or added): ``recode(case, "France", "air strikes", "support")``.

    Names or ids work for the actor, a label (or its first words) or an id for the position.

    >>> import kit
    >>> mine = recode(kit.load_case(), "Hammond", "Air strikes", "conditional")
    >>> [s.value for s in mine.stances if s.actor == "philip_hammond" and s.position == "air_strikes"]
    ['conditional']
    """
    who = find_actor(case.actors, actor)
    if who is None:
        raise KitError(f"no actor {actor!r} in this case: use a name from the article or an id")
    pid = _position_id(case, position)
    value = normal(value)
    if value not in STANCE_VALUES:
        raise KitError(f"{value!r} is not a stance value; use one of {', '.join(STANCE_VALUES)}")
    changed, stances = False, []
    for s in case.stances:
        if (s.actor, s.position) == (who.id, pid):
            s, changed = dataclasses.replace(s, value=value, note=f"Re-coded from {s.value}."), True
        stances.append(s)
    if not changed:
        stances.append(Stance(who.id, pid, value, "", "narration", None, None, "Added by re-coding."))
    return dataclasses.replace(case, stances=tuple(stances))


def _artefact_check(case: Case) -> Any:
    silent = "Hagel told ministers from Britain, France, Germany, Canada, Australia, Turkey, Italy, Poland and Denmark"
    rift = ("Washington had to do more than simply order air strikes on IS targets in Iraq",
            "summed up the reservations of several European allies",
            "A military confrontation will be only successful if it is embedded in a political setting",
            "needed an overall strategy")
    coding = (silent, RED_LINE, "London had not yet decided on any involvement in air strikes")
    return judgement(
        case.article,
        [Reading("artefact", coding, "The gap comes from the coding: silent members, one speaker for all, a rule for ties."),
         Reading("finding", rift, "The article does report European reservations about strikes without a strategy."),
         Reading("both", coding + rift, "A real difference of emphasis, made to look like isolation by silence and rules.")],
        field="verdict",
        choices={"artefact": ["artifact", "an artefact", "an artifact"], "finding": ["a finding", "real"],
                 "both": ["partly", "mixed", "a bit of both"]},
        reference=("Mostly an artefact. Six of the ten core-group members have no coded stance; Kerry's “a red line for "
                   "everybody here” is coded for Kerry alone; a tie becomes “conditional”. Code the red line for every "
                   "member and the United States no longer stands alone: the split then follows who spoke, not where "
                   "they come from. What remains is a real difference of emphasis (¶ 13, ¶ 19: strikes, but inside a "
                   "political strategy), not a transatlantic rift."),
    )


_CORE, _BACKGROUND = declared(_CASE)
_OUTSIDE = [_CASE.actor(m) for m in _CORE.members if m not in set(_BACKGROUND.members)]
_ON_RECORD = [_CASE.actor(i) for i in sorted(on_record_actors(_CASE))]
_ALL_CODED = sorted({s.actor for s in _CASE.stances})
_LONE = [_CASE.actor(i) for i in sorted(lone_states(_CASE))]


def _largest_state_coalition(case: Case) -> list[str]:
    from ..analysis import coalitions

    biggest: tuple[str, ...] = ()
    for found in coalitions(case, level="state"):
        if len(tuple(found)) > len(biggest):
            biggest = tuple(found)
    return sorted(biggest)


_CROWD = _largest_state_coalition(_CASE)

check = ExerciseSet(
    Exercise(
        "q1",
        check=names_actors(_OUTSIDE, pool=_CASE.actors, what="core-group members outside NATO",
                           where="the two groups in the figure"),
        hints=["The figure shows each group's members: compare the core group with NATO.",
               "Which of the ten is missing from NATO's column?"],
        solution=f"answer = {[a.name for a in _OUTSIDE]!r}",
        expects="a list of names or ids",
        success="A coalition of the willing need not follow alliance lines.",
    ),
    Exercise(
        "q2",
        check=names_actors(_ON_RECORD, pool=_CASE.actors, what="actors with an on-record stance",
                           where="the explorer with “only on-record quotes”"),
        hints=["Predict first: which stances come from a named person's words in quotation marks (lesson 03)?",
               "Then switch the toggle to “only on-record quotes” and read the names left in the figure."],
        solution=f"answer = {[a.name for a in _ON_RECORD]!r}\n"
                 "# with code (optional): {s.actor for s in kit.analysis.select_stances(case, evidence=['direct'])}",
        expects="a list of names or ids",
        success="Everyone else reaches us through paraphrase, narration or unnamed sources.",
    ),
    Exercise(
        "q3",
        check=names_actors(_LONE, pool=_CASE.actors, what="states that stand alone",
                           where="the explorer with “states they speak for”"),
        hints=["Switch the toggle to “states they speak for” and look for a state with no line to anyone.",
               "The list under the figure names the coalitions: find one with a single state in it."],
        solution=f"answer = {[a.name for a in _LONE]!r}\n"
                 "# with code (optional): kit.analysis.coalitions(case, level='state')",
        expects="a list of names or ids",
        success="Declared together, apart in what they say? Before you believe it, the next section checks.",
    ),
    Exercise(
        "q4",
        check=_artefact_check(_CASE),
        hints=["Look back at the three checks: who is silent, how stances are combined, and the red-line what-if.",
               'Choose "finding", "artefact" or "both", and copy the words of the article your verdict rests on: '
               '{"verdict": "…", "evidence": "…"}.'],
        solution='answer = {"verdict": "artefact", "evidence": "a red line for everybody here"}',
        expects='a dictionary like {"verdict": "…", "evidence": "…"}',
        success="Ask it of every network you see: finding, or artefact of the coding?",
    ),
)

#: The stored solution values (what the solution() code computes).
SOLUTIONS: dict[str, Any] = {
    "q1": [a.name for a in _OUTSIDE],
    "q2": [a.name for a in _ON_RECORD],
    "q3": [a.name for a in _LONE],
    "q4": {"verdict": "artefact", "evidence": "a red line for everybody here"},
}
#: Other answers a learner may defensibly give: all pass.
ALTERNATIVES: dict[str, list[Any]] = {
    "q1": [[a.id for a in _OUTSIDE]],
    "q2": [[a.name.split()[-1] for a in _ON_RECORD], [a.id for a in _ON_RECORD]],
    "q3": [["the US" if a.id == "united_states" else a.name for a in _LONE], [a.id for a in _LONE]],
    "q4": [{"verdict": "finding", "evidence": "summed up the reservations of several European allies"},
           {"verdict": "both", "evidence": "Washington had to do more than simply order air strikes"},
           {"verdict": "artifact", "evidence": "Canada, Australia, Turkey, Italy, Poland and Denmark"}],
}
#: Known-wrong answers and a piece of the teaching message each one gets.
WRONG: dict[str, tuple[Any, str]] = {
    "q1": (list(_CORE.members), "not one of the core-group members outside NATO"),
    "q2": (_ALL_CODED, "not one of the actors with an on-record stance"),
    "q3": (_CROWD, "not one of the states that stand alone"),
    "q4": ({"verdict": "finding", "evidence": "formed the core group"}, "do not show"),
}
#: The exercises that ask for a judgement with evidence.
JUDGEMENT = ("q4",)

exit_ticket = ExitTicket(
    MultipleChoice(
        "Six of the ten core-group members have no coded stance. In the network of states, what does their silence tell you?",
        {
            "They disagree with the United States.":
                "Silence is not disagreement: the article names them once (¶ 6) and never reports what they said.",
            "Nothing about their views: the text does not report them, so the network cannot place them.":
                "Yes. An empty cell means “not in this text”, not “no opinion”. Say so when you report a coalition.",
            "They agree with everyone, since nobody contradicts them.":
                "No stance is no evidence either way. A network can only show what the coding holds.",
        },
        correct="Nothing about their views: the text does not report them, so the network cannot place them.",
    ),
    MultipleChoice(
        "For the UK on air strikes the kit combines Cameron (conditional) and Hammond (undecided). At the level of states the UK is…",
        {
            "conditional, because the kit's rule turns a tie into “conditional”.":
                "Yes. The most common value wins; a tie becomes “conditional”. Another rule would give another network: "
                "report the rule with the result.",
            "undecided, because the Foreign Secretary speaks for foreign policy.":
                "A sensible rule, but not the kit's: it does not rank speakers. Look at the table of combined stances.",
            "support, because the UK later joined the air strikes.":
                "That is background (26 September), not this article: the coding only holds what the text says.",
        },
        correct="conditional, because the kit's rule turns a tie into “conditional”.",
    ),
)
