"""Benchmark: the case builder — one edit (checked, mentions and speakers found again) and one save.

Targets (issue 19): an edit re-renders in <= 50 ms, a save takes <= 100 ms, on
the bundled article and on a 5,000-word article (the bundled one repeated with
its paragraphs renumbered: long, with many actors and quotes).
Run alone: ``.venv/bin/python benchmarks/bench_builder.py``.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

import kit
from kit.learner.casebuilder import BuilderState
from kit.parse.article import bundled_article_text

__all__ = ["run"]

EDIT_MS, SAVE_MS = 50.0, 100.0


def _best_of(fn: Any, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best * 1000


def _long_article(words: int = 5000) -> str:
    body = bundled_article_text().split("___")[0].strip()  # without the credits line
    parts, n = [], 0
    while n < words:
        parts.append(body)
        n += len(body.split())
    return "\n\n".join(parts)


def _rows(label: str, state: BuilderState, folder: Path, repeat: int) -> list[dict[str, Any]]:
    from kit.explore.builder import render_part

    counter = iter(range(10**6))
    actor = state.case.actors[0].id
    edit = _best_of(lambda: state.add_position(f"Position {next(counter)}"), repeat)
    rename = _best_of(lambda: state.edit_actor(actor, role=f"Role {next(counter)}"), repeat)
    view = _best_of(lambda: render_part(state, "Actors", actor=actor), repeat)
    state.path = folder / f"{label}.yaml"
    state.save()
    save = _best_of(state.save, repeat)
    return [
        {
            "name": f"builder edit: add a position ({label})",
            "value": edit,
            "unit": "ms",
            "target": f"<= {EDIT_MS:g}",
            "ok": edit + view <= EDIT_MS,
        },
        {
            "name": f"builder edit: change an actor ({label})",
            "value": rename,
            "unit": "ms",
            "target": f"<= {EDIT_MS:g}",
            "ok": rename + view <= EDIT_MS,
        },
        {
            "name": f"builder view: actors + marked text ({label})",
            "value": view,
            "unit": "ms",
            "target": "",
            "ok": None,
        },
        {
            "name": f"builder save, checked by reading back ({label})",
            "value": save,
            "unit": "ms",
            "target": f"<= {SAVE_MS:g}",
            "ok": save <= SAVE_MS,
        },
    ]


def run(*, repeat: int = 5) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows += _rows("bundled article", BuilderState(kit.load_case(), autosave=False), folder, repeat)
        long = kit.parse(_long_article(), source=str(folder / "long.txt"))
        rows += _rows(f"{len(long.text.split()):,}-word article", BuilderState(long, autosave=False), folder, repeat)
    return rows


if __name__ == "__main__":
    for row in run():
        print(f"{row['name']:60s} {row['value']:8.1f} {row['unit']}  {row['target']}  {row['ok']}")
