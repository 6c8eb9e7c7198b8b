"""Shared helpers for the class-view tests: the synthetic class generator in scripts/make_example_class.py."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def make_example_class() -> Any:
    """scripts/make_example_class.py as a module (synthetic codings and coding files)."""
    name = "make_example_class"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "make_example_class.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]
