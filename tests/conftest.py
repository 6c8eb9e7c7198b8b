"""Shared fixtures: learner work always goes to a temp folder, never the repo.

Property and fuzz tests (hypothesis) explore new inputs on every developer run;
under CI (``CI`` set) they replay a fixed, derandomized set, so a landing is
never decided by luck. A failure found locally is kept in hypothesis's
database and should become an ``@example``.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _learner_dir(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("KIT_LEARNER_DIR", str(tmp_path_factory.mktemp("learner")))
    monkeypatch.setenv("MPLBACKEND", "Agg")
