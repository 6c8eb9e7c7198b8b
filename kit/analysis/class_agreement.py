"""Agreement in a whole class: each learner a coder, each (actor, position) pair a unit.

A learner who left a pair out is simply missing for that unit (not a
category, unlike the two-coder comparison in :mod:`kit.analysis.intercoder`),
so learners who coded different amounts can be compared. :func:`class_agreement`
gives Krippendorff's alpha (:mod:`.alpha`), nominal and ordinal on
:data:`STANCE_SCALE` (oppose < undecided < conditional < support: conditional
support is nearer support than indecision is), with bootstrap intervals and
percent agreement, per position and overall; the class's majority stance per
pair; and how often each learner agrees with the others.

>>> c = class_agreement({"A": {("kerry", "p"): "support"}, "B": {("kerry", "p"): "support"}})
>>> c.majority, c.overall.percent
({('kerry', 'p'): 'support'}, 100.0)
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import KitError
from ..records import Case
from .alpha import alpha_from_counts, bootstrap_alpha, pairable, percent_agreement
from .selection import resolve_value

__all__ = [
    "STANCE_SCALE",
    "REFERENCE",
    "Reliability",
    "ClassAgreement",
    "LearnerFit",
    "reference_coding",
    "reliability",
    "class_agreement",
]

#: The stance scale for ordinal alpha, from most against to most in favour.
STANCE_SCALE = ("oppose", "undecided", "conditional", "support")
#: the coder name of the reference coding when it is counted as one more coder
REFERENCE = "Reference coding"

Unit = tuple[str, str]  # (actor id, position id)


@dataclass(frozen=True)
class Reliability:
    """Agreement over a set of units.

    ``units`` counts units with at least two values, ``values`` the values in
    them, ``coders`` the coders with at least one such value. ``ci`` and
    ``ci_ordinal`` are bootstrap intervals (low, high); NaN marks undefined figures.
    """

    units: int
    values: int
    coders: int
    percent: float
    alpha: float
    alpha_ordinal: float
    ci: tuple[float, float]
    ci_ordinal: tuple[float, float]


@dataclass(frozen=True)
class LearnerFit:
    """How often one coder agrees with the rest of the class.

    ``compared`` counts the coder's units that someone else coded too; ``agree``
    those where the coder's stance is (one of) the most common among the others.
    """

    coder: str
    coded: int
    compared: int
    agree: int

    @property
    def share(self) -> float:
        """``agree / compared`` (NaN when nothing could be compared)."""
        return self.agree / self.compared if self.compared else float("nan")


@dataclass(frozen=True)
class ClassAgreement:
    """Agreement of a class of coders on stances, per position and overall.

    ``counts`` maps each unit (actor, position) to the number of coders per
    stance (in :data:`STANCE_SCALE` order); ``values`` maps each unit to
    ``{coder: stance}``; ``majority`` holds the class's stance per unit coded
    by at least ``quorum`` coders (most common; a tie gives "conditional", the
    kit's rule in :func:`kit.analysis.resolve_value`).
    """

    coders: tuple[str, ...]
    overall: Reliability
    per_position: dict[str, Reliability]
    counts: dict[Unit, tuple[int, ...]]
    values: dict[Unit, dict[str, str]]
    majority: dict[Unit, str]
    fits: tuple[LearnerFit, ...]
    quorum: int
    categories: tuple[str, ...] = STANCE_SCALE
    meta: dict[str, Any] = field(default_factory=dict)

    def share(self, unit: Unit) -> float:
        """The share of the unit's coders who gave its most common stance (its consensus strength)."""
        row = self.counts.get(unit, ())
        return max(row) / sum(row) if row and sum(row) else float("nan")

    def contested(self) -> list[Unit]:
        """Units with at least two coders, most contested first (lowest consensus, then most coders)."""
        units = [u for u, row in self.counts.items() if sum(row) >= 2]
        return sorted(units, key=lambda u: (self.share(u), -sum(self.counts[u]), u[1], u[0]))


def reference_coding(case: Case) -> dict[Unit, str]:
    """The case's reference stances as ``{(actor, position): stance}`` (several on a pair resolved)."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for s in case.stances:
        grouped.setdefault((s.actor, s.position), []).append(s.value)
    return {k: resolve_value(v) for k, v in grouped.items()}


def reliability(counts: Any, *, coders: int, samples: int = 1000, seed: int = 0) -> Reliability:
    """Nominal and ordinal alpha with bootstrap intervals and percent agreement for a count array."""
    counts = pairable(counts, categories=len(STANCE_SCALE))
    return Reliability(
        units=len(counts),
        values=int(counts.sum()),
        coders=coders,
        percent=percent_agreement(counts),
        alpha=alpha_from_counts(counts, level="nominal"),
        alpha_ordinal=alpha_from_counts(counts, level="ordinal"),
        ci=bootstrap_alpha(counts, level="nominal", samples=samples, seed=seed),
        ci_ordinal=bootstrap_alpha(counts, level="ordinal", samples=samples, seed=seed),
    )


def class_agreement(
    codings: Mapping[str, Mapping[Unit, str]],
    *,
    positions: Sequence[str] | None = None,
    quorum: int | None = None,
    samples: int = 1000,
    seed: int = 0,
) -> ClassAgreement:
    """Krippendorff's alpha (nominal and ordinal), bootstrap intervals and percent agreement for a class.

    Args:
        codings: ``{coder name: {(actor, position): stance}}``; stances are values of
            :data:`STANCE_SCALE`, pairs a coder left out are missing.
        positions: position ids in display order (default: those coded, sorted);
            units of other positions are left out.
        quorum: how many coders a unit needs to enter the class's majority coding
            (default: a fifth of the class, at least 2).
        samples, seed: bootstrap resamples and the generator's seed.

    Raises:
        KitError: a stance is not on the stance scale.

    >>> c = class_agreement({"A": {("kerry", "p"): "support"}, "B": {("kerry", "p"): "support"}})
    >>> c.majority, c.overall.percent
    ({('kerry', 'p'): 'support'}, 100.0)
    """
    import numpy as np

    index = {c: i for i, c in enumerate(STANCE_SCALE)}
    wanted = None if positions is None else set(positions)
    values: dict[Unit, dict[str, str]] = {}
    for coder, coding in codings.items():
        for unit, value in coding.items():
            if wanted is not None and unit[1] not in wanted:
                continue
            if value not in index:
                raise KitError(f"{coder}: stance {value!r} on {unit[0]} / {unit[1]} is not one of {list(STANCE_SCALE)}")
            values.setdefault(unit, {})[coder] = value
    units = sorted(values, key=lambda u: (u[1], u[0]))
    counts = {
        u: tuple(int(n) for n in np.bincount([index[v] for v in values[u].values()], minlength=len(STANCE_SCALE)))
        for u in units
    }
    order = list(positions) if positions is not None else sorted({u[1] for u in units})

    def rel(keys: list[Unit]) -> Reliability:
        pairable = [u for u in keys if len(values[u]) >= 2]
        who = {c for u in pairable for c in values[u]}
        array = np.array([counts[u] for u in pairable], dtype=float).reshape(-1, len(STANCE_SCALE))
        return reliability(array, coders=len(who), samples=samples, seed=seed)

    per_position = {p: rel([u for u in units if u[1] == p]) for p in order if any(u[1] == p for u in units)}
    quorum = max(2, math.ceil(len(codings) / 5)) if quorum is None else quorum
    majority = {u: resolve_value(values[u].values()) for u in units if len(values[u]) >= quorum}
    fits = []
    for coder, coding in codings.items():
        mine = [u for u in coding if u in values]
        compared = agree = 0
        for u in mine:
            others = list(counts[u])
            others[index[values[u][coder]]] -= 1
            if sum(others):
                compared += 1
                agree += others[index[values[u][coder]]] == max(others)
        fits.append(LearnerFit(coder, len(mine), compared, agree))
    return ClassAgreement(
        coders=tuple(codings),
        overall=rel(units),
        per_position=per_position,
        counts=counts,
        values=values,
        majority=majority,
        fits=tuple(fits),
        quorum=quorum,
    )
