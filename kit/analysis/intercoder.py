"""Inter-coder agreement: two codings of the same article (Cohen's kappa).

Two coders (or a learner and the reference case) each code stances. We line
up every (actor, position) pair that *both* codings have a value for; a pair
only one coder coded is left out of the figures (listed in ``one_sided``: "not
coded" is missing, not a disagreement), while "no stance in the text"
(:data:`~kit.records.NO_STANCE`) is an answer like a stance. This is the rule
the class view's Krippendorff's alpha uses (:mod:`.class_agreement`), so lesson
05 and the class view count the same way.

Cohen's kappa corrects the raw percentage for the agreement two coders would
reach by chance, given how often each used each category:
``kappa = (p_o - p_e) / (1 - p_e)``. When both coders put *every* pair in one
and the same category, chance agreement is 1 and the formula is 0 / 0; we then
report ``kappa = 1.0`` (they agree perfectly and there is nothing to correct).

>>> cohen_kappa([("yes", "yes")] * 20 + [("yes", "no")] * 5
...             + [("no", "yes")] * 10 + [("no", "no")] * 15)
0.4
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from ..errors import KitError
from ..records import NOT_CODED, Case, Stance  # NOT_CODED: re-exported for older imports
from .selection import resolve_value

__all__ = ["NOT_CODED", "Agreement", "cohen_kappa", "compare_codings"]


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float:
    """Cohen's kappa for a list of (coder A's category, coder B's category).

    Returns 1.0 when both coders used one single category for every item
    (chance agreement is then 1 and the textbook formula is undefined).

    Raises:
        KitError: ``pairs`` is empty.

    >>> cohen_kappa([("a", "a"), ("b", "b")])
    1.0
    """
    n = len(pairs)
    if n == 0:
        raise KitError("no coded items to compare; code at least one stance in each coding")
    observed = sum(1 for x, y in pairs if x == y) / n
    count_a = Counter(x for x, _ in pairs)
    count_b = Counter(y for _, y in pairs)
    expected = sum(count_a[c] * count_b[c] for c in count_a) / (n * n)
    if expected >= 1.0:
        return 1.0
    return round((observed - expected) / (1.0 - expected), 10)


@dataclass(frozen=True)
class Agreement:
    """How far two codings agree.

    ``n`` counts (actor, position) pairs coded in both codings; ``percent`` is
    the share (0-100) of them where both give the same value. ``per_position``
    maps each position id with at least one such pair to ``(n, percent, kappa)``.
    ``disagreements`` lists ``(actor, position, stance_a, stance_b)`` for the
    pairs both coded differently; ``one_sided`` the pairs only one coding has
    (``None`` on the side that left it out), left out of every figure.
    """

    n: int
    percent: float
    kappa: float
    per_position: dict[str, tuple[int, float, float]] = field(default_factory=dict)
    disagreements: tuple[tuple[str, str, Stance | None, Stance | None], ...] = ()
    one_sided: tuple[tuple[str, str, Stance | None, Stance | None], ...] = ()


def _cells(stances: Iterable[Stance], positions: set[str] | None) -> dict[tuple[str, str], Stance]:
    """(actor, position) -> a representative stance holding the resolved value."""
    grouped: dict[tuple[str, str], list[Stance]] = {}
    for s in stances:
        if positions is None or s.position in positions:
            grouped.setdefault((s.actor, s.position), []).append(s)
    cells: dict[tuple[str, str], Stance] = {}
    for key, group in grouped.items():
        value = resolve_value(s.value for s in group)
        chosen = next((s for s in group if s.value == value), None)
        if chosen is None:  # a tie resolved to "conditional" that no single stance holds
            chosen = replace(group[0], value=value, note="several conflicting stances, combined")
        cells[key] = chosen
    return cells


def _stances_of(coding: Case | Iterable[Stance], name: str) -> tuple[Stance, ...]:
    if isinstance(coding, Case):
        return coding.stances
    try:
        items = tuple(coding)
    except TypeError:
        raise KitError(f"{name} must be a Case or a list of Stance records, not {type(coding).__name__}") from None
    for item in items:
        if not isinstance(item, Stance):
            raise KitError(f"{name} must hold Stance records only; found {type(item).__name__}")
    return items


def compare_codings(
    a: Case | Iterable[Stance],
    b: Case | Iterable[Stance],
    *,
    positions: Sequence[str] | None = None,
) -> Agreement:
    """Compare two codings (cases or lists of stances) pair by pair.

    Args:
        a: the first coding (e.g. the reference case).
        b: the second coding (e.g. a learner's).
        positions: position ids to compare; ``None`` compares every position
            either coding uses.

    Raises:
        KitError: a coding is not a case or stances, or there is nothing to compare.

    >>> import kit
    >>> ref = kit.load_case()
    >>> compare_codings(ref, ref).kappa
    1.0
    """
    wanted = None if positions is None else set(positions)
    cells_a = _cells(_stances_of(a, "the first coding"), wanted)
    cells_b = _cells(_stances_of(b, "the second coding"), wanted)
    order_key = lambda k: (k[1], k[0])  # noqa: E731
    every = sorted(set(cells_a) | set(cells_b), key=order_key)
    where = "" if positions is None else f" on positions {', '.join(positions)}"
    if not every:
        raise KitError(f"neither coding has a stance{where}; code some stances before comparing")
    keys = [k for k in every if k in cells_a and k in cells_b]
    if not keys:
        raise KitError(
            f"no actor–position pair is coded in both codings{where} ({len(every)} coded in one only): "
            "code some of the same pairs, then compare again"
        )
    one_sided = tuple((k[0], k[1], cells_a.get(k), cells_b.get(k)) for k in every if k not in keys)
    pairs = [(cells_a[k].value, cells_b[k].value) for k in keys]
    per_position: dict[str, tuple[int, float, float]] = {}
    order = list(positions) if positions is not None else sorted({k[1] for k in keys})
    for pos in order:
        sub = [p for k, p in zip(keys, pairs) if k[1] == pos]
        if sub:
            agree = sum(1 for x, y in sub if x == y)
            per_position[pos] = (len(sub), 100.0 * agree / len(sub), cohen_kappa(sub))
    disagreements = tuple((k[0], k[1], cells_a.get(k), cells_b.get(k)) for k, (x, y) in zip(keys, pairs) if x != y)
    agree = sum(1 for x, y in pairs if x == y)
    return Agreement(
        n=len(pairs),
        percent=100.0 * agree / len(pairs),
        kappa=cohen_kappa(pairs),
        per_position=per_position,
        disagreements=disagreements,
        one_sided=one_sided,
    )
