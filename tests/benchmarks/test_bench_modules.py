"""Every benchmark module imports (``make bench`` must not fail on a renamed kit function)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.mark.parametrize("path", sorted(BENCH.glob("bench_*.py")), ids=lambda p: p.name)
def test_bench_module_imports_and_has_run(path):
    spec = importlib.util.spec_from_file_location(f"_test_{path.stem}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert callable(getattr(module, "run", None)), f"{path.name} has no run() for benchmarks/run.py"
