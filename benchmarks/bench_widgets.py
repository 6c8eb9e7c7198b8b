"""Explorer latency: from a control's value change to the finished render.

Each explorer is built on the bundled reference case and driven through a
few hundred interactions, cycling through its control values; each one is
timed from ``control.value = ...`` until the callback has rendered and shown
the result through IPython's ``display`` (a stand-in shell). For the
CoalitionExplorer, "new figure" clears its figure cache before every change
(the network is drawn and encoded as PNG each time) and "revisited" cycles
through choices seen before, as learners toggle back and forth. Learner
files go to a temporary folder. Targets: < 20 ms for HTML-only updates,
< 150 ms with a figure.

    .venv/bin/python benchmarks/bench_widgets.py
"""

from __future__ import annotations

import contextlib
import io
import itertools
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from typing import Any

__all__ = ["run", "TARGETS"]

#: worst-case target per explorer, in milliseconds
TARGETS = {"ArticleExplorer": 20.0, "VoicesExplorer": 20.0, "StanceCoder": 20.0, "CoalitionExplorer": 150.0}


def _steps(explorer: Any) -> Iterator[Callable[[], None]]:
    """An endless cycle of single value changes for the explorer's controls."""
    name = type(explorer).__name__
    if name == "ArticleExplorer":
        ids = [v for _, v in explorer.actors.options]
        changes = [(explorer.view, v) for v in explorer.view.options]
        changes += [(explorer.actors, (a,)) for a in ids[:8]] + [(explorer.actors, ())]
        changes += [(explorer.numbers, False), (explorer.numbers, True)]
    elif name == "VoicesExplorer":
        changes = [(explorer.choice, v) for _, v in explorer.choice.options]
    elif name == "StanceCoder":
        sentences = [v for _, v in explorer.evidence.options][1:9]
        changes = [(explorer.stance, v) for v in explorer.stance.options[1:]]
        changes += [(explorer.evidence, v) for v in sentences]
        changes += [(explorer.actor, v) for _, v in explorer.actor.options[:6]]
    else:
        ids = [v for _, v in explorer.positions.options]
        changes = [
            (explorer.level, "state"),
            (explorer.evidence, "direct"),
            (explorer.level, "actor"),
            (explorer.evidence, "all"),
            (explorer.positions, tuple(ids[:3])),
            (explorer.positions, tuple(ids)),
        ]
    for control, value in itertools.cycle(changes):
        if control.value != value:
            yield lambda control=control, value=value: setattr(control, "value", value)


def _time(explorer: Any, n: int, *, cold: bool = False) -> list[float]:
    out = []
    sink = io.StringIO()
    for _, step in zip(range(n), _steps(explorer)):
        if cold:
            explorer._drawn.clear()
        t0 = time.perf_counter()
        with contextlib.redirect_stdout(sink):  # the stand-in shell prints what a notebook would show
            step()
        out.append((time.perf_counter() - t0) * 1000)
        sink.seek(0)
        sink.truncate()
    return out


def _row(name: str, times: list[float], target: float) -> list[tuple[str, float, str, str, bool]]:
    median, worst = statistics.median(times), max(times)
    p95 = statistics.quantiles(times, n=20)[-1]
    goal = f"< {target:g} ms"
    return [
        (f"{name} median", median, "ms", goal, median < target),
        (f"{name} 95th percentile", p95, "ms", goal, p95 < target),
        (f"{name} worst", worst, "ms", goal, worst < target),
    ]


def _quietly(factory: Callable[[], Any]) -> Any:
    with contextlib.redirect_stdout(io.StringIO()):
        return factory()


def run(n: int = 300, n_cold: int = 300) -> list[tuple[str, float, str, float, bool]]:
    """Median and worst latency (ms) per explorer, with its target."""
    os.environ.setdefault("MPLBACKEND", "Agg")
    from IPython.core.interactiveshell import InteractiveShell

    import kit
    from kit.explore.widgets import ArticleExplorer, CoalitionExplorer, StanceCoder, VoicesExplorer

    InteractiveShell.instance()  # so each redraw goes through display() as in a notebook
    rows: list[tuple[str, float, str, float, bool]] = []
    with tempfile.TemporaryDirectory() as folder:
        old = os.environ.get("KIT_LEARNER_DIR")
        os.environ["KIT_LEARNER_DIR"] = folder
        try:
            case = kit.load_case()
            for cls in (ArticleExplorer, VoicesExplorer, StanceCoder):
                rows += _row(cls.__name__, _time(_quietly(lambda cls=cls: cls(case)), n), TARGETS[cls.__name__])
            target = TARGETS["CoalitionExplorer"]
            rows += _row(
                "CoalitionExplorer new figure",
                _time(_quietly(lambda: CoalitionExplorer(case)), n_cold, cold=True),
                target,
            )
            revisit = _quietly(lambda: CoalitionExplorer(case))
            _time(revisit, 12)  # one pass through every choice first: later visits are revisits
            rows += _row("CoalitionExplorer revisited", _time(revisit, n), target)
        finally:
            if old is None:
                os.environ.pop("KIT_LEARNER_DIR", None)
            else:
                os.environ["KIT_LEARNER_DIR"] = old
    return rows


if __name__ == "__main__":
    results = run()
    for name, value, unit, target, ok in results:
        print(f"{name:<40} {value:8.1f} {unit}   target {target}   {'ok' if ok else 'MISSED'}")
    sys.exit(0 if all(r[4] for r in results) else 1)
