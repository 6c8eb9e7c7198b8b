"""Benchmark: the class view for a lecture course, 200 learners' files (issue 13: under 2 s).

Two hundred synthetic coding files (``scripts/make_example_class.py``, 20%
noise) are put in one zip in memory, as an LMS download gives them; timed from
the zip's bytes to the finished analysis: reading and checking every file,
Krippendorff's alpha (nominal and ordinal) with 1,000-sample bootstrap
intervals per position and overall, and the majority coding; then the whole
projected page (HTML) and the heatmap (PNG), drawn once per class (reported
without a target). The case is loaded and numpy / matplotlib imported before
timing.

``run()`` returns rows for ``benchmarks/run.py``.
Run alone: ``.venv/bin/python benchmarks/bench_class.py``.
"""

from __future__ import annotations

import importlib.util
import io
import statistics
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["run", "TARGET_MS", "LEARNERS"]

ROOT = Path(__file__).resolve().parents[1]
TARGET_MS = 2000.0
LEARNERS = 200


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("make_example_class", ROOT / "scripts" / "make_example_class.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_example_class", module)
    spec.loader.exec_module(module)
    return module


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def _class_zip(case: Any, n: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in _generator().synthetic_class(case, n, noise=0.2, seed=7):
            z.writestr(f"submissions/{name}", data)
    return buffer.getvalue()


def run(*, repeat: int = 5) -> list[tuple[Any, ...]]:
    """Median times of reading + analysing 200 files, and of drawing the page and heatmap."""
    import matplotlib
    import numpy  # noqa: F401 - imported before timing

    import kit
    from kit.explore import class_view as cv
    from kit.explore.figures import close_figure, new_figure

    matplotlib.use("Agg")
    case = kit.load_case()
    data = _class_zip(case, LEARNERS)
    results = cv.class_results(case, ("class.zip", data))
    assert len(results.files.learners) == LEARNERS, results.files.summary()

    def draw() -> None:
        fig, ax = new_figure(width=16, height=7)
        cv.plot_class_heatmap(results, ax=ax)
        fig.savefig(io.BytesIO(), format="png", dpi=90)
        close_figure(fig)

    return [
        (
            f"class view: {LEARNERS} files (zip) read + alpha + bootstrap",
            _median_ms(lambda: cv.class_results(case, ("class.zip", data)), repeat),
            "ms",
        ),
        (
            f"class view: {LEARNERS} learners, page HTML (teacher)",
            _median_ms(lambda: cv.render_class(results, teacher=True), repeat),
            "ms",
            "",  # drawn once per class: reported, no target
            None,
        ),
        (f"class view: {LEARNERS} learners, heatmap PNG", _median_ms(draw, repeat), "ms", "", None),
    ]


if __name__ == "__main__":
    for name, value, unit, *_ in run():
        flag = "" if value < TARGET_MS else f"  (over the {TARGET_MS:.0f} ms target)"
        print(f"{name:60s} {value:8.1f} {unit}{flag}")
