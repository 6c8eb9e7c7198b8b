"""Declared groups versus what their members actually say.

A case declares groups ("the core group", NATO); the stances show discursive
coalitions. :func:`compare_declared` lists where the two differ, in plain
sentences a class can discuss.

For each group and position, the **group's stance** is the most common
expressed stance (support, oppose, conditional) among its members that have
one; a tie, or no member with an expressed stance, gives no group stance and
that position is skipped. Then:

* ``member_disagrees`` - a member holds another value (``undecided`` included);
* ``member_silent`` - a member has no stance on that position in the coding;
* ``outsider_agrees`` - an actor outside the group holds the group's stance.

The default level is ``"state"`` (declared groups are usually made of states,
while the stances are mostly coded on their ministers). At ``level="actor"``
only stances coded on the member ids themselves count, and people or sources
speaking for a member are not counted as outsiders.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import KitError
from ..records import Case
from .selection import EXPRESSED, check_options, level_id, ordered_actors, stance_cells

__all__ = ["MISMATCH_KINDS", "Mismatch", "compare_declared"]

MISMATCH_KINDS = ("member_disagrees", "outsider_agrees", "member_silent")


@dataclass(frozen=True)
class Mismatch:
    """One difference between a declared group and the coded stances.

    ``kind`` is one of :data:`MISMATCH_KINDS`; ``value`` is the actor's value
    (``None`` for a silent member); ``message`` says it in one sentence.
    """

    group: str
    actor: str
    kind: str
    position: str
    value: str | None
    message: str


def _group_phrase(name: str) -> str:
    return "the " + name[4:] if name.startswith("The ") else name


def _lower_first(label: str) -> str:
    """'Air strikes against IS' -> 'air strikes against IS'; 'NATO role' and 'IS finances' stay."""
    first = label.split(" ", 1)[0]
    if first[:1].isupper() and not (len(first) > 1 and first.isupper()):
        return label[0].lower() + label[1:]
    return label


def _group_stance(values: list[str]) -> str | None:
    counts = Counter(v for v in values if v in EXPRESSED).most_common()
    if not counts or (len(counts) > 1 and counts[1][1] == counts[0][1]):
        return None
    return counts[0][0]


def compare_declared(
    case: Case,
    *,
    positions: Sequence[str] | None = None,
    evidence: Sequence[str] | None = None,
    level: str = "state",
    include_silent: bool = False,
) -> tuple[Mismatch, ...]:
    """Where declared groups and coded stances differ.

    Args:
        case: the case.
        positions, evidence, level: as in :mod:`kit.analysis` (default level ``"state"``).
        include_silent: also list members with no stance on a position (off by
            default: in a short article most members never speak, and the list gets long).

    Returns:
        Mismatches ordered by group (case order), kind (as in
        :data:`MISMATCH_KINDS`), position (case order), then actor.

    >>> import kit
    >>> found = compare_declared(kit.load_case())
    >>> any(m.group == "core_group" and m.kind == "member_disagrees" for m in found)
    True
    """
    wanted, _ = check_options(case, positions, evidence, level)
    if not isinstance(include_silent, bool):
        raise KitError("include_silent must be True or False")
    cells = stance_cells(case, positions=wanted, evidence=evidence, level=level)
    speakers = ordered_actors(case, {a for a, _ in cells})
    labels = {p.id: p.label for p in case.positions}
    found: list[tuple[int, int, int, int, Mismatch]] = []
    for gi, group in enumerate(case.groups):
        members = list(dict.fromkeys(level_id(case, m, level) for m in group.members))
        member_set = set(members)
        gname = _group_phrase(group.name)
        for pi, pos in enumerate(wanted):
            stance = _group_stance([cells[(m, pos)] for m in members if (m, pos) in cells])
            if stance is None:
                continue
            label = _lower_first(labels[pos])
            for ai, m in enumerate(members):
                name = case.name_of(m)
                value = cells.get((m, pos))
                if value is None and include_silent:
                    msg = f"{name} is in {gname} but has no coded stance on {label} (the group: {stance})."
                    found.append((gi, 2, pi, ai, Mismatch(group.id, m, "member_silent", pos, None, msg)))
                elif value is not None and value != stance:
                    its = "its" if case.kind_of(m) in ("state", "organization", "group") else "their"
                    msg = f"{name} is in {gname} but {its} stance on {label} is {value} (the group: {stance})."
                    found.append((gi, 0, pi, ai, Mismatch(group.id, m, "member_disagrees", pos, value, msg)))
            for ai, a in enumerate(speakers):
                if a in member_set or (level == "actor" and getattr(case.get_actor(a), "country", None) in member_set):
                    continue
                if cells.get((a, pos)) == stance:
                    name = case.name_of(a)
                    msg = f"{name} is not in {gname} but shares its stance on {label} ({stance})."
                    found.append((gi, 1, pi, ai, Mismatch(group.id, a, "outsider_agrees", pos, stance, msg)))
    found.sort(key=lambda t: t[:4])
    return tuple(t[4] for t in found)
