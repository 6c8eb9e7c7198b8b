"""Agreement in a whole class: Krippendorff's alpha for many coders, with missing codings.

Each learner is a *coder*, each (actor, position) pair a *unit*, each stance a
*value*. A learner who left a pair out is simply missing for that unit (not a
category, unlike the two-coder comparison in :mod:`kit.analysis.intercoder`), so learners
who coded different amounts can be compared. Alpha is computed from the
coincidence matrix of the values in every unit with at least two values
(Krippendorff 2011, "Computing Krippendorff's alpha-reliability"):

``alpha = 1 - (n - 1) * sum(o[c, k] * d2[c, k]) / sum(n[c] * n[k] * d2[c, k])``

* *nominal*: any two different stances differ equally (``d2 = 1``);
* *ordinal* on :data:`STANCE_SCALE` (oppose < undecided < conditional < support):
  ``d2[c, k] = (sum of n[g] for g from c to k - (n[c] + n[k]) / 2) ** 2``.

Alpha is 1 for perfect agreement, 0 for agreement at chance level; it is not
defined (NaN) when every value is the same category or fewer than two values
are pairable. The confidence interval comes from a bootstrap over units
(units drawn with replacement, percentile interval) with a seeded generator,
so the same data always gives the same interval. Percent agreement is the
share of pairs of learners, coding the same unit, who gave the same stance.

Only numpy is used (it comes with pandas and matplotlib).

>>> round(krippendorff_alpha([["a", "a", "b", None], ["a", "b", "b", "b"], ["a", "a", "b", "b"]]), 3)
0.667
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import KitError
from .selection import resolve_value

__all__ = [
    "STANCE_SCALE", "LEVELS", "Reliability", "ClassAgreement", "LearnerFit",
    "value_counts", "alpha_from_counts", "krippendorff_alpha", "bootstrap_alpha", "percent_agreement",
    "reliability", "class_agreement", "alpha_words",
]

#: The stance scale for ordinal alpha, from most against to most in favour.
STANCE_SCALE = ("oppose", "undecided", "conditional", "support")
LEVELS = ("nominal", "ordinal")

Unit = tuple[str, str]  # (actor id, position id)


def _np() -> Any:
    import numpy as np

    return np


def value_counts(data: Sequence[Sequence[Hashable | None]], categories: Sequence[Hashable]) -> Any:
    """A units x categories array of counts from a reliability matrix (one row per coder, ``None`` = missing).

    Raises:
        KitError: rows of different lengths, or a value not in ``categories``.
    """
    np = _np()
    index = {c: i for i, c in enumerate(categories)}
    widths = {len(row) for row in data}
    if len(widths) > 1:
        raise KitError(f"every coder's row must have one value per unit; found rows of lengths {sorted(widths)}")
    counts = np.zeros((widths.pop() if widths else 0, len(categories)), dtype=float)
    for row in data:
        for u, value in enumerate(row):
            if value is None or (isinstance(value, float) and math.isnan(value)):
                continue
            if value not in index:
                raise KitError(f"value {value!r} is not one of the categories {list(categories)}")
            counts[u, index[value]] += 1
    return counts


def _pairable(counts: Any) -> Any:
    """Only the units with at least two values (the others carry no information about agreement)."""
    return counts[counts.sum(axis=1) >= 2]


def _unit_coincidences(counts: Any) -> Any:
    """Per unit, its contribution to the coincidence matrix, flattened: units x (K*K)."""
    np = _np()
    m = counts.sum(axis=1)
    outer = counts[:, :, None] * counts[:, None, :]
    k = counts.shape[1]
    outer[:, np.arange(k), np.arange(k)] -= counts
    return (outer / (m - 1)[:, None, None]).reshape(len(counts), k * k)


def _distances(n_c: Any, level: str) -> Any:
    """Squared distances d2[..., c, k] for marginal totals ``n_c`` (shape (..., K))."""
    np = _np()
    k = n_c.shape[-1]
    if level == "nominal":
        return np.broadcast_to(1.0 - np.eye(k), (*n_c.shape[:-1], k, k))
    if level != "ordinal":
        raise KitError(f"level must be one of {LEVELS}, not {level!r}")
    cum = np.cumsum(n_c, axis=-1)
    lo = np.minimum.outer(np.arange(k), np.arange(k))
    hi = np.maximum.outer(np.arange(k), np.arange(k))
    d = cum[..., hi] - cum[..., lo] + (n_c[..., lo] - n_c[..., hi]) / 2.0
    return d * d


def _alpha_from_o(o: Any, level: str) -> Any:
    """Alpha from coincidence matrices o (shape (..., K, K)); NaN where undefined."""
    np = _np()
    n_c = o.sum(axis=-1)
    n = n_c.sum(axis=-1)
    d2 = _distances(n_c, level)
    observed = (o * d2).sum(axis=(-2, -1))
    expected = (n_c[..., :, None] * n_c[..., None, :] * d2).sum(axis=(-2, -1))
    with np.errstate(divide="ignore", invalid="ignore"):
        alpha = 1.0 - (n - 1.0) * observed / expected
    return np.where((expected > 0) & (n >= 2), alpha, np.nan)


def alpha_from_counts(counts: Any, *, level: str = "nominal") -> float:
    """Krippendorff's alpha from a units x categories count array (categories in scale order for ordinal)."""
    np = _np()
    counts = _pairable(np.asarray(counts, dtype=float))
    if len(counts) == 0:
        return float("nan")
    k = counts.shape[1]
    o = _unit_coincidences(counts).sum(axis=0).reshape(k, k)
    return float(_alpha_from_o(o, level))


def krippendorff_alpha(data: Sequence[Sequence[Hashable | None]], *, level: str = "nominal",
                       categories: Sequence[Hashable] | None = None) -> float:
    """Krippendorff's alpha for a reliability matrix: one row per coder, one column per unit, ``None`` = missing.

    Args:
        level: ``"nominal"`` or ``"ordinal"``.
        categories: the values in scale order (needed for ``"ordinal"`` unless the values sort
            in scale order; default: the values found, sorted).

    >>> krippendorff_alpha([[1, 2, 3], [1, 2, 3]])
    1.0
    """
    if categories is None:
        categories = sorted({v for row in data for v in row if v is not None})
    return alpha_from_counts(value_counts(data, categories), level=level)


def bootstrap_alpha(counts: Any, *, level: str = "nominal", samples: int = 1000, seed: int = 0,
                    confidence: float = 0.95) -> tuple[float, float]:
    """A percentile bootstrap interval for alpha, resampling units with replacement.

    The generator is seeded (``numpy.random.default_rng(seed)``): the same data
    and seed always give the same interval. ``(nan, nan)`` when there are fewer
    than two pairable units or alpha is undefined in most resamples.
    """
    np = _np()
    counts = _pairable(np.asarray(counts, dtype=float))
    units, k = counts.shape if counts.ndim == 2 else (0, 0)
    if units < 2 or samples < 1:
        return (float("nan"), float("nan"))
    per_unit = _unit_coincidences(counts)
    rng = np.random.default_rng(seed)
    weights = rng.multinomial(units, np.full(units, 1.0 / units), size=samples).astype(float)
    o = (weights @ per_unit).reshape(samples, k, k)
    alphas = _alpha_from_o(o, level)
    alphas = alphas[~np.isnan(alphas)]
    if len(alphas) < samples / 2:
        return (float("nan"), float("nan"))
    tail = (1.0 - confidence) / 2.0 * 100.0
    low, high = np.percentile(alphas, [tail, 100.0 - tail])
    return (float(low), float(high))


def percent_agreement(counts: Any) -> float:
    """Percent (0-100) of pairs of coders, coding the same unit, who gave the same value (NaN: no pairs)."""
    np = _np()
    counts = _pairable(np.asarray(counts, dtype=float))
    m = counts.sum(axis=1)
    pairs = float((m * (m - 1)).sum())
    if pairs == 0:
        return float("nan")
    return 100.0 * float((counts * (counts - 1)).sum()) / pairs


def alpha_words(alpha: float) -> str:
    """Alpha in words, after Krippendorff's rule of thumb (>= .800 reliable, >= .667 tentative)."""
    if alpha != alpha:
        return "not defined (every learner gave the same stance, or too few pairs)"
    if alpha >= 0.8:
        return "reliable"
    if alpha >= 0.667:
        return "good enough for tentative conclusions"
    if alpha > 0.0:
        return "not reliable: discuss the coding rules"
    return "no better than chance"


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


def reliability(counts: Any, *, coders: int, samples: int = 1000, seed: int = 0) -> Reliability:
    """Nominal and ordinal alpha with bootstrap intervals and percent agreement for a count array."""
    np = _np()
    counts = _pairable(np.asarray(counts, dtype=float).reshape(-1, len(STANCE_SCALE)))
    return Reliability(
        units=len(counts), values=int(counts.sum()), coders=coders, percent=percent_agreement(counts),
        alpha=alpha_from_counts(counts, level="nominal"), alpha_ordinal=alpha_from_counts(counts, level="ordinal"),
        ci=bootstrap_alpha(counts, level="nominal", samples=samples, seed=seed),
        ci_ordinal=bootstrap_alpha(counts, level="ordinal", samples=samples, seed=seed),
    )


def class_agreement(codings: Mapping[str, Mapping[Unit, str]], *, positions: Sequence[str] | None = None,
                    quorum: int | None = None, samples: int = 1000, seed: int = 0) -> ClassAgreement:
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
    np = _np()
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
    counts = {u: tuple(int(n) for n in np.bincount([index[v] for v in values[u].values()], minlength=len(STANCE_SCALE)))
              for u in units}
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
    return ClassAgreement(coders=tuple(codings), overall=rel(units), per_position=per_position, counts=counts,
                          values=values, majority=majority, fits=tuple(fits), quorum=quorum)
