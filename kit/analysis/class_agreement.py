"""Agreement in a whole class: each learner a coder, each (actor, position) pair a unit.

A learner who left a pair out is simply missing for that unit (not a
category), so learners who coded different amounts can be compared; a learner
who said "no stance in the text" (:data:`~kit.records.NO_STANCE`) gave a value
like any stance. :func:`class_agreement` gives Krippendorff's alpha
(:mod:`.alpha`): nominal on the four stances and "no stance", ordinal on
:data:`STANCE_SCALE` (oppose < undecided < conditional < support: conditional
support is nearer support than indecision is; "no stance" is not on that scale
and is left out of ordinal alpha only), with BCa bootstrap intervals, the
chance that alpha is below 0.667, and percent agreement, per position, per
actor and overall; the class's majority per pair (:data:`SPLIT` when the top
stances tie: a split class is not an actor's mixed stance); the pairs to
discuss (:meth:`ClassAgreement.to_discuss`); and how often each learner agrees
with the others.

>>> c = class_agreement({"A": {("kerry", "p"): "support"}, "B": {("kerry", "p"): "support"}})
>>> c.majority, c.overall.percent
({('kerry', 'p'): 'support'}, 100.0)
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import KitError
from ..records import NO_STANCE, Case
from .alpha import alpha_from_counts, bootstrap_summary, pairable, percent_agreement
from .selection import resolve_value

__all__ = [
    "STANCE_SCALE",
    "CATEGORIES",
    "SPLIT",
    "MIN_ALPHA_PAIRS",
    "REFERENCE",
    "Reliability",
    "ClassAgreement",
    "LearnerFit",
    "reference_coding",
    "reliability",
    "quorum_for",
    "class_outcome",
    "class_agreement",
]

#: The stance scale for ordinal alpha, from most against to most in favour.
STANCE_SCALE = ("oppose", "undecided", "conditional", "support")
#: What a learner can give a pair: the scale, then "no stance in the text" (the order of ``counts``).
CATEGORIES = (*STANCE_SCALE, NO_STANCE)
#: The class's outcome on a pair whose most common values tie: its own outcome, never a stance.
SPLIT = "class split"
#: Alpha on fewer pairs (coded by two learners or more) than this is not shown as a number.
MIN_ALPHA_PAIRS = 5
#: the coder name of the reference coding when it is counted as one more coder
REFERENCE = "Reference coding"

Unit = tuple[str, str]  # (actor id, position id)


@dataclass(frozen=True)
class Reliability:
    """Agreement over a set of units.

    ``units`` counts units with at least two values, ``values`` the values in
    them, ``coders`` the coders with at least one such value. ``ci`` and
    ``ci_ordinal`` are BCa bootstrap intervals (low, high); ``below`` is the
    share of resamples whose nominal alpha is below 0.667 (Hayes & Krippendorff
    2007); ``distinct`` how many different values the units hold. NaN marks
    undefined figures.
    """

    units: int
    values: int
    coders: int
    percent: float
    alpha: float
    alpha_ordinal: float
    ci: tuple[float, float]
    ci_ordinal: tuple[float, float]
    below: float = float("nan")
    distinct: int = 0

    @property
    def enough(self) -> bool:
        """Alpha says something: at least :data:`MIN_ALPHA_PAIRS` pairs and two different values."""
        return self.units >= MIN_ALPHA_PAIRS and self.distinct >= 2 and self.alpha == self.alpha

    @property
    def paradox(self) -> bool:
        """High agreement (80% or more) but alpha below 0.667: nearly every pair got the same stance."""
        return self.enough and self.percent >= 80.0 and self.alpha < 0.667

    def why_not(self) -> str:
        """Why alpha is not shown as a number ("" when it is)."""
        if self.enough:
            return ""
        if self.units < MIN_ALPHA_PAIRS:
            return f"too few pairs ({self.units}; alpha needs {MIN_ALPHA_PAIRS} coded by two learners or more)"
        return "every learner gave the same stance: alpha is not defined, the agreement is"


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
    value (in :data:`CATEGORIES` order); ``values`` maps each unit to
    ``{coder: value}``; ``majority`` holds the class's outcome per unit coded
    by at least ``quorum`` coders: the most common value, or :data:`SPLIT`
    when two or more tie for most common. ``quorum`` is also the least number
    of coders a pair to discuss needs (:func:`quorum_for`).
    """

    coders: tuple[str, ...]
    overall: Reliability
    per_position: dict[str, Reliability]
    counts: dict[Unit, tuple[int, ...]]
    values: dict[Unit, dict[str, str]]
    majority: dict[Unit, str]
    fits: tuple[LearnerFit, ...]
    quorum: int
    categories: tuple[str, ...] = CATEGORIES
    per_actor: dict[str, Reliability] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    def coded_by(self, unit: Unit) -> int:
        """How many coders gave the pair a value (a stance or "no stance")."""
        return sum(self.counts.get(unit, ()))

    def share(self, unit: Unit) -> float:
        """The share of the unit's coders who gave its most common value (its consensus strength)."""
        row = self.counts.get(unit, ())
        return max(row) / sum(row) if row and sum(row) else float("nan")

    def division(self, unit: Unit) -> float:
        """How divided the class is on a pair: 1 - the share of its most common value (0: all agree)."""
        return 1.0 - self.share(unit)

    def reading(self, unit: Unit) -> str:
        """What kind of disagreement: "opposite readings" (support and oppose both given by a quarter
        of the coders or more, or the two most common values that), "near miss" (the two most common
        values are neighbours on :data:`STANCE_SCALE`), "stance or none" (one of them is "no stance"),
        "different readings" (two steps apart) or "agreed"."""
        row = dict(zip(CATEGORIES, self.counts.get(unit, ()), strict=True))
        given = sorted((v for v in CATEGORIES if row.get(v)), key=lambda v: -row[v])
        if len(given) < 2:
            return "agreed"
        first, second = given[0], given[1]
        both = {"support", "oppose"}
        quarter = 0.25 * sum(row.values())
        if {first, second} == both or all(row[v] >= quarter for v in both):
            return "opposite readings"
        if NO_STANCE in (first, second):
            return "stance or none"
        steps = abs(STANCE_SCALE.index(first) - STANCE_SCALE.index(second))
        return "near miss" if steps == 1 else "different readings"

    def away_from_top(self, unit: Unit) -> tuple[int, int, int]:
        """Coders who differ from the pair's most common value: ``(near, far, none)`` — one step away on
        :data:`STANCE_SCALE` (a near miss), two or more (an opposite reading), or across "no stance"."""
        row = dict(zip(CATEGORIES, self.counts.get(unit, ()), strict=True))
        if not any(row.values()):
            return (0, 0, 0)
        top = max(CATEGORIES, key=lambda v: row[v])
        near = far = none = 0
        for v, n in row.items():
            if v == top or not n:
                continue
            if NO_STANCE in (v, top):
                none += n
            elif abs(STANCE_SCALE.index(v) - STANCE_SCALE.index(top)) == 1:
                near += n
            else:
                far += n
        return (near, far, none)

    def to_discuss(self) -> list[Unit]:
        """Pairs worth a class discussion, most divided first: coded by at least :attr:`quorum` coders
        (stray pairs a handful coded say little about the class), not all agreeing; ties broken by the
        number of coders (more first)."""
        units = [u for u in self.counts if self.coded_by(u) >= self.quorum and self.division(u) > 0]
        return sorted(units, key=lambda u: (-round(self.division(u), 9), -self.coded_by(u), u[1], u[0]))

    def contested(self) -> list[Unit]:
        """The same as :meth:`to_discuss` (the name older notebooks use)."""
        return self.to_discuss()

    def discuss_rule(self) -> str:
        """The rule :meth:`to_discuss` and the majority use, in words."""
        n = len([c for c in self.coders if c != REFERENCE])
        return (
            f"pairs coded by at least {self.quorum} of {n} learners (a fifth of the class, at least 3), "
            "most divided first"
        )


def reference_coding(case: Case) -> dict[Unit, str]:
    """The case's reference stances as ``{(actor, position): stance}`` (several on a pair resolved)."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for s in case.stances:
        grouped.setdefault((s.actor, s.position), []).append(s.value)
    return {k: resolve_value(v) for k, v in grouped.items()}


def quorum_for(learners: int) -> int:
    """How many coders a pair needs to count for the class: a fifth of the class, at least 3
    (at least 2, and never more than the class)."""
    return max(2, min(learners, max(3, math.ceil(learners / 5))))


def reliability(counts: Any, *, coders: int, samples: int = 1000, seed: int = 0) -> Reliability:
    """Nominal alpha (on :data:`CATEGORIES`) and ordinal alpha (on :data:`STANCE_SCALE`, "no stance"
    left out) with BCa bootstrap intervals and percent agreement for a count array.

    A count array with four columns holds stances only (the older layout)."""
    import numpy as np

    array = np.asarray(counts, dtype=float)
    if array.size and array.reshape(len(array), -1).shape[1] == len(STANCE_SCALE):
        array = np.hstack([array.reshape(-1, len(STANCE_SCALE)), np.zeros((len(array), 1))])
    counts = pairable(array, categories=len(CATEGORIES))
    ordinal = counts[:, : len(STANCE_SCALE)]
    ci, below = bootstrap_summary(counts, level="nominal", samples=samples, seed=seed)
    ci_ordinal, _ = bootstrap_summary(ordinal, level="ordinal", samples=samples, seed=seed)
    return Reliability(
        units=len(counts),
        values=int(counts.sum()),
        coders=coders,
        percent=percent_agreement(counts),
        alpha=alpha_from_counts(counts, level="nominal"),
        alpha_ordinal=alpha_from_counts(ordinal, level="ordinal"),
        ci=ci,
        ci_ordinal=ci_ordinal,
        below=below,
        distinct=int((counts.sum(axis=0) > 0).sum()),
    )


def class_outcome(values: Any) -> str:
    """The class's outcome from its coders' values: the most common one, or :data:`SPLIT` on a tie.

    >>> class_outcome(["support", "oppose"]), class_outcome(["support", "support", "oppose"])
    ('class split', 'support')
    """
    tally = Counter(values).most_common()
    if not tally:
        raise KitError("no values to combine")
    return SPLIT if len(tally) > 1 and tally[1][1] == tally[0][1] else tally[0][0]


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
        codings: ``{coder name: {(actor, position): value}}``; values are those of
            :data:`CATEGORIES`, pairs a coder left out are missing.
        positions: position ids in display order (default: those coded, sorted);
            units of other positions are left out.
        quorum: how many coders a unit needs to enter the class's majority coding and the
            pairs to discuss (default: :func:`quorum_for`, a fifth of the class, at least 3).
        samples, seed: bootstrap resamples and the generator's seed.

    Raises:
        KitError: a stance is not on the stance scale.

    >>> c = class_agreement({"A": {("kerry", "p"): "support"}, "B": {("kerry", "p"): "support"}})
    >>> c.majority, c.overall.percent
    ({('kerry', 'p'): 'support'}, 100.0)
    """
    import numpy as np

    index = {c: i for i, c in enumerate(CATEGORIES)}
    wanted = None if positions is None else set(positions)
    values: dict[Unit, dict[str, str]] = {}
    for coder, coding in codings.items():
        for unit, value in coding.items():
            if wanted is not None and unit[1] not in wanted:
                continue
            if value not in index:
                raise KitError(f"{coder}: stance {value!r} on {unit[0]} / {unit[1]} is not one of {list(CATEGORIES)}")
            values.setdefault(unit, {})[coder] = value
    units = sorted(values, key=lambda u: (u[1], u[0]))
    counts = {
        u: tuple(int(n) for n in np.bincount([index[v] for v in values[u].values()], minlength=len(CATEGORIES)))
        for u in units
    }
    order = list(positions) if positions is not None else sorted({u[1] for u in units})

    def rel(keys: list[Unit]) -> Reliability:
        pairable = [u for u in keys if len(values[u]) >= 2]
        who = {c for u in pairable for c in values[u]}
        array = np.array([counts[u] for u in pairable], dtype=float).reshape(-1, len(CATEGORIES))
        return reliability(array, coders=len(who), samples=samples, seed=seed)

    per_position = {p: rel([u for u in units if u[1] == p]) for p in order if any(u[1] == p for u in units)}
    per_actor = {actor: rel([u for u in units if u[0] == actor]) for actor in sorted({u[0] for u in units})}
    quorum = quorum_for(len(codings)) if quorum is None else quorum
    majority = {u: class_outcome(values[u].values()) for u in units if len(values[u]) >= quorum}
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
        per_actor=per_actor,
    )
