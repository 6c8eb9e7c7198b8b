"""Benchmark: the uncached reference case plus the full analysis (target < 50 ms).

``run()`` returns ``[(name, value, unit), ...]`` for ``benchmarks/run.py``.
Run alone: ``.venv/bin/python benchmarks/bench_analysis.py``.

The libraries (pandas, networkx) are imported once before timing: the
numbers measure the kit's work, not Python's first import.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from kit import analysis as A
from kit.case import load_reference_case

__all__ = ["run", "TARGET_MS"]

TARGET_MS = 50.0


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def _analyse(case) -> None:
    for level in ("actor", "state"):
        A.stance_matrix(case, level=level)
        A.agreement_network(case, level=level)
        A.conflict_network(case, level=level)
        A.coalitions(case, level=level)
    A.compare_declared(case)
    A.voices(case)
    A.anonymous_share(case)


def run(*, repeat: int = 11) -> list[tuple[str, float, str]]:
    """Median times of the full analysis alone and of an uncached load + analysis."""
    import networkx  # noqa: F401  (warm imports outside the timed region)
    import pandas  # noqa: F401

    case = load_reference_case()
    _analyse(case)  # warm-up
    return [
        ("analysis: matrix, networks, coalitions, declared, voices", _median_ms(lambda: _analyse(case), repeat), "ms"),
        ("load_case() uncached + full analysis", _median_ms(lambda: _analyse(load_reference_case()), repeat), "ms"),
    ]


if __name__ == "__main__":
    for name, value, unit in run():
        flag = "" if value < TARGET_MS else f"  (over the {TARGET_MS:.0f} ms target)"
        print(f"{name:58s} {value:8.2f} {unit}{flag}")
