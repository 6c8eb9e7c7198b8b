"""What-if tools for lesson 06 · Coalitions: look behind a coalition before you believe it.

Who is silent (:func:`group_voices`), how several stances become one
(:func:`combined_cells`), whom a speaker speaks for (:func:`red_line_for_everybody`)
and what one re-coded stance changes (:func:`recode`). Each returns a table or a
new case; nothing is changed in place.

>>> import kit
>>> mine = recode(kit.load_case(), "France", "air strikes", "support")
>>> [s.value for s in mine.stances if s.actor == "france" and s.position == "air_strikes"]
['support']
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..analysis import select_stances
from ..analysis.selection import level_id, resolve_value
from ..errors import KitError
from ..exercises import find_actor
from ..exercises.names import normal
from ..records import STANCE_VALUES, Case, Stance

__all__ = ["group_voices", "combined_cells", "red_line_for_everybody", "recode", "RED_LINE"]

#: Kerry's words that speak for everybody at the meeting (¶ 5).
RED_LINE = "a red line for everybody here"


def _speakers_for(case: Case) -> dict[str, list[str]]:
    """State-level id -> the names of the actors whose stances count for it."""

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

    found = next((g for g in case.groups if g.id == group), None)
    if found is None:
        raise KitError(f"no group {group!r} in this case; groups: {', '.join(g.id for g in case.groups)}")
    counts: dict[str, int] = {}
    for s in select_stances(case, level="state"):
        counts[s.actor] = counts.get(s.actor, 0) + 1
    speakers = _speakers_for(case)
    names = {a.id: a.name for a in case.actors}
    rows = [
        {
            "member": names.get(m, m),
            "coded stances": counts.get(m, 0),
            "whose words": ", ".join(speakers.get(m, [])) or "— (silent)",
        }
        for m in found.members
    ]
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
        rows.append(
            {
                "state": names.get(state, state),
                "position": labels.get(position, position),
                "stances that count": "; ".join(f"{who}: {v}" for who, v in values),
                "combined": result,
                "rule": "tie" if tie else ("all agree" if len(kinds) == 1 else "most common"),
            }
        )
    return pd.DataFrame(rows, columns=["state", "position", "stances that count", "combined", "rule"]).set_index(
        "state"
    )


def red_line_for_everybody(case: Case, group: str = "core_group") -> Case:
    """A what-if: Kerry's "a red line for everybody here" (¶ 5) coded as every group member's support for no ground troops.

    The added stances are ``reported`` (Kerry's claim about the others), one per member without one.
    """
    found = next(g for g in case.groups if g.id == group)
    start = case.article.text.find(RED_LINE)
    if start < 0:
        raise KitError(f"this article has no {RED_LINE!r}; this what-if is for the bundled article")

    have = {s.actor for s in select_stances(case, positions=["no_ground_troops"], level="state")}
    extra = tuple(
        Stance(
            m,
            "no_ground_troops",
            "support",
            RED_LINE,
            "reported",
            start,
            start + len(RED_LINE),
            "What-if: Kerry's claim that no ground troops is a red line for everybody here.",
        )
        for m in found.members
        if m not in have
    )
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
