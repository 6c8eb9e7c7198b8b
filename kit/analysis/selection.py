"""Choosing the stances an analysis uses: positions, evidence types and level.

Shared by every analysis (see :mod:`kit.analysis` for the options and the
rules), with the rule that combines several stances on one cell into one value.

>>> import kit
>>> case = kit.load_case()
>>> all(s.position == "air_strikes" for s in select_stances(case, positions=["air_strikes"]))
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..errors import KitError
from ..records import EVIDENCE_TYPES, Case, Stance, require_case

__all__ = [
    "LEVELS",
    "EXPRESSED",
    "resolve_value",
    "select_stances",
    "stance_cells",
    "check_options",
    "level_id",
    "ordered_actors",
]

LEVELS = ("actor", "state")
#: Stance values that can agree with each other ("undecided" cannot).
EXPRESSED = ("support", "oppose", "conditional")


def resolve_value(values: Iterable[str]) -> str:
    """One stance value from several on the same actor and position.

    Rule: the most common value wins; a tie between different values gives
    ``"conditional"`` (the actor, or the state its people speak for, takes a
    mixed position).

    >>> resolve_value(["support", "support", "oppose"])
    'support'
    >>> resolve_value(["support", "oppose"])
    'conditional'
    """
    counts = Counter(values)
    if not counts:
        raise KitError("no stance values to combine; pass at least one value")
    ranked = counts.most_common()
    best, top = ranked[0]
    if len(ranked) > 1 and ranked[1][1] == top:
        return "conditional"
    return best


def _as_list(value: Sequence[str] | str | None, what: str) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    try:
        return [str(v) for v in value]
    except TypeError:
        raise KitError(f"{what} must be a list of ids, e.g. ['air_strikes'], not {type(value).__name__}") from None


def check_options(
    case: Case, positions: Sequence[str] | None, evidence: Sequence[str] | None, level: str
) -> tuple[list[str], set[str]]:
    require_case(case)
    if level not in LEVELS:
        raise KitError(f"level must be 'actor' or 'state', not {level!r}")
    known = [p.id for p in case.positions]
    wanted = _as_list(positions, "positions")
    if wanted is None:
        wanted = known
    else:
        unknown = [p for p in wanted if p not in known]
        if unknown:
            raise KitError(f"unknown position {unknown[0]!r}; this case has: {', '.join(known) or 'no positions'}")
        wanted = [p for p in known if p in wanted]
    types = _as_list(evidence, "evidence")
    if types is None:
        types = list(EVIDENCE_TYPES)
    bad = [t for t in types if t not in EVIDENCE_TYPES]
    if bad:
        raise KitError(f"unknown evidence type {bad[0]!r}; choose from {', '.join(EVIDENCE_TYPES)}")
    return wanted, set(types)


def level_id(case: Case, actor_id: str, level: str) -> str:
    """The id a stance counts for at this level (see the module docstring)."""
    if level == "actor":
        return actor_id
    actor = case.get_actor(actor_id)
    if actor is not None and actor.kind in ("person", "anonymous") and actor.country in case.actor_index:
        return actor.country  # type: ignore[return-value]
    return actor_id


def select_stances(
    case: Case, *, positions: Sequence[str] | None = None, evidence: Sequence[str] | None = None, level: str = "actor"
) -> tuple[Stance, ...]:
    """The case's stances on the chosen positions and evidence types, in case order.

    At ``level="state"`` each stance's ``actor`` is the state (or organisation,
    group) it counts for; the stance keeps its evidence.

    Raises:
        KitError: an unknown position id, evidence type or level.
    """
    wanted, types = check_options(case, positions, evidence, level)
    keep = set(wanted)
    out = []
    for s in case.stances:
        if s.position in keep and s.evidence_type in types:
            actor = level_id(case, s.actor, level)
            out.append(s if actor == s.actor else replace(s, actor=actor))
    return tuple(out)


def ordered_actors(case: Case, ids: set[str]) -> list[str]:
    order = [a.id for a in case.actors if a.id in ids]
    return order + sorted(ids - set(order))


def stance_cells(
    case: Case, *, positions: Sequence[str] | None = None, evidence: Sequence[str] | None = None, level: str = "actor"
) -> dict[tuple[str, str], str]:
    """``{(actor, position): value}`` with several stances per cell combined (most common; tie -> conditional)."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for s in select_stances(case, positions=positions, evidence=evidence, level=level):
        grouped.setdefault((s.actor, s.position), []).append(s.value)
    return {key: resolve_value(values) for key, values in grouped.items()}
