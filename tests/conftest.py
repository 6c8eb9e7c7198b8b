"""Shared fixtures: learner work always goes to a temp folder, never the repo."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _learner_dir(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("KIT_LEARNER_DIR", str(tmp_path_factory.mktemp("learner")))
    monkeypatch.setenv("MPLBACKEND", "Agg")
