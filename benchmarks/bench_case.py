"""Benchmark: loading and checking the bundled reference case (uncached).

``run()`` returns ``[(name, value, unit), ...]`` for ``benchmarks/run.py``.
Run alone: ``.venv/bin/python benchmarks/bench_case.py``.
"""

from __future__ import annotations

import time

from kit.case import draft_case, load_reference_case
from kit.parse.article import load_article

__all__ = ["run"]


def _best_of(fn, repeat: int) -> float:
    """The fastest of ``repeat`` calls, in milliseconds (the least disturbed by other work)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best * 1000


def run(*, repeat: int = 5) -> list[tuple[str, float, str]]:
    """Time the uncached reference-case load (parse + YAML + checks) and a draft."""
    article = load_article()
    return [
        ("load_case() uncached: parse + read + check", _best_of(lambda: load_reference_case(), repeat), "ms"),
        (
            "load_case() checks only (article parsed once)",
            _best_of(lambda: load_reference_case(cached_article=True), repeat),
            "ms",
        ),
        ("draft_case(bundled article)", _best_of(lambda: draft_case(article), repeat), "ms"),
    ]


if __name__ == "__main__":
    for name, value, unit in run():
        print(f"{name:50s} {value:8.2f} {unit}")
