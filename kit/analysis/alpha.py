"""Krippendorff's alpha: any number of coders, missing values allowed, nominal or ordinal.

Alpha is computed from the coincidence matrix of the values in every unit
with at least two values (Krippendorff 2011, "Computing Krippendorff's
alpha-reliability"):

``alpha = 1 - (n - 1) * sum(o[c, k] * d2[c, k]) / sum(n[c] * n[k] * d2[c, k])``

* *nominal*: any two different values differ equally (``d2 = 1``);
* *ordinal* (categories in scale order):
  ``d2[c, k] = (sum of n[g] for g from c to k - (n[c] + n[k]) / 2) ** 2``.

Alpha is 1 for perfect agreement, 0 for agreement at chance level; it is not
defined (NaN) when every value is the same category or fewer than two values
are pairable. :func:`bootstrap_alpha` gives a bias-corrected and accelerated
(BCa, Efron 1987) percentile interval from a bootstrap over units (units drawn
with replacement; Zapf et al. 2016 recommend it for alpha) with a seeded
generator, so the same data always gives the same interval; every resample is
one matrix product, so 1,000 take milliseconds. The plain percentile interval
sits too low when the sample alpha is biased (alpha is a ratio): in simulation
it covered the true alpha only 82% of the time with 200 coders; the BCa
interval's coverage is checked in ``tests/analysis/test_alpha_coverage.py``.
:func:`bootstrap_summary` also gives the chance that alpha is below a limit
(Hayes & Krippendorff 2007: the share of resamples below 0.667).
:func:`percent_agreement` is the share of pairs of coders, coding the same
unit, who gave the same value. Only numpy is used (it comes with pandas).

>>> round(krippendorff_alpha([["a", "a", "b", None], ["a", "b", "b", "b"], ["a", "a", "b", "b"]]), 3)
0.667
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from typing import Any

from ..errors import KitError

__all__ = [
    "LEVELS",
    "value_counts",
    "pairable",
    "alpha_from_counts",
    "krippendorff_alpha",
    "bootstrap_alpha",
    "bootstrap_summary",
    "percent_agreement",
    "alpha_words",
]

LEVELS = ("nominal", "ordinal")


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


def pairable(counts: Any, *, categories: int | None = None) -> Any:
    """The units (rows) of a count array with at least two values, as floats: only they tell about agreement.

    ``categories`` shapes an empty or flat input as units x categories.
    """
    np = _np()
    array = np.asarray(counts, dtype=float)
    if categories is not None:
        array = array.reshape(-1, categories)
    return array[array.sum(axis=1) >= 2]


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
    counts = pairable(counts)
    if len(counts) == 0:
        return float("nan")
    k = counts.shape[1]
    o = _unit_coincidences(counts).sum(axis=0).reshape(k, k)
    return float(_alpha_from_o(o, level))


def krippendorff_alpha(
    data: Sequence[Sequence[Hashable | None]], *, level: str = "nominal", categories: Sequence[Hashable] | None = None
) -> float:
    """Krippendorff's alpha for a reliability matrix: one row per coder, one column per unit, ``None`` = missing.

    Args:
        level: ``"nominal"`` or ``"ordinal"``.
        categories: the values in scale order (needed for ``"ordinal"`` unless the values sort
            in scale order; default: the values found, sorted).

    >>> krippendorff_alpha([[1, 2, 3], [1, 2, 3]])
    1.0
    """
    if categories is None:
        categories = sorted({v for row in data for v in row if v is not None}, key=lambda v: (str(type(v)), v))
    return alpha_from_counts(value_counts(data, categories), level=level)


def bootstrap_alpha(
    counts: Any, *, level: str = "nominal", samples: int = 1000, seed: int = 0, confidence: float = 0.95
) -> tuple[float, float]:
    """A BCa bootstrap interval for alpha, resampling units with replacement.

    The generator is seeded (``numpy.random.default_rng(seed)``): the same data
    and seed always give the same interval. ``(nan, nan)`` when there are fewer
    than two pairable units or alpha is undefined in most resamples.

    >>> bootstrap_alpha([[2, 0], [0, 2], [2, 0], [1, 1], [0, 2]], samples=200)[0] < 0.6
    True
    """
    return bootstrap_summary(counts, level=level, samples=samples, seed=seed, confidence=confidence)[0]


def bootstrap_summary(
    counts: Any,
    *,
    level: str = "nominal",
    samples: int = 1000,
    seed: int = 0,
    confidence: float = 0.95,
    below: float = 0.667,
) -> tuple[tuple[float, float], float]:
    """``((low, high), chance)``: the BCa interval of :func:`bootstrap_alpha` and the share of
    resamples whose alpha is below ``below`` (NaN where the interval is)."""
    from statistics import NormalDist

    np = _np()
    nan = (float("nan"), float("nan"))
    counts = pairable(counts)
    units, k = counts.shape if counts.ndim == 2 else (0, 0)
    if units < 2 or samples < 1:
        return nan, float("nan")
    per_unit = _unit_coincidences(counts)
    total = per_unit.sum(axis=0)
    estimate = float(_alpha_from_o(total.reshape(k, k), level))
    rng = np.random.default_rng(seed)
    weights = rng.multinomial(units, np.full(units, 1.0 / units), size=samples).astype(float)
    alphas = _alpha_from_o((weights @ per_unit).reshape(samples, k, k), level)
    alphas = np.sort(alphas[~np.isnan(alphas)])
    if len(alphas) < samples / 2 or estimate != estimate:
        return nan, float("nan")
    chance = float(np.mean(alphas < below))
    normal = NormalDist()
    # bias correction: how far the resamples sit below the sample's own alpha
    share = (np.sum(alphas < estimate) + 0.5 * np.sum(alphas == estimate)) / len(alphas)
    z0 = normal.inv_cdf(min(max(float(share), 1e-6), 1 - 1e-6))
    # acceleration from the jackknife (leave one unit out)
    jack = _alpha_from_o((total[None, :] - per_unit).reshape(units, k, k), level)
    jack = jack[~np.isnan(jack)]
    spread = jack.mean() - jack if len(jack) > 2 else np.zeros(1)
    denominator = 6.0 * float((spread**2).sum()) ** 1.5
    accel = float((spread**3).sum()) / denominator if denominator > 0 else 0.0
    tail = (1.0 - confidence) / 2.0
    quantiles = []
    for z in (normal.inv_cdf(tail), normal.inv_cdf(1.0 - tail)):
        shifted = z0 + (z0 + z) / (1.0 - accel * (z0 + z))
        quantiles.append(100.0 * normal.cdf(shifted))
    low, high = np.percentile(alphas, quantiles)
    return (float(low), float(high)), chance


def percent_agreement(counts: Any) -> float:
    """Percent (0-100) of pairs of coders, coding the same unit, who gave the same value (NaN: no pairs)."""
    counts = pairable(counts)
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
