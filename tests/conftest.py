"""Shared fixtures: learner work always goes to a temp folder, never the repo.

Property and fuzz tests (hypothesis) explore new inputs on every developer run;
under CI (``CI`` set) they replay a fixed, derandomized set, so a landing is
never decided by luck. A failure found locally is kept in hypothesis's
database and should become an ``@example``.
"""

from __future__ import annotations

import os
import shutil

import pytest
from hypothesis import settings

settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _learner_dir(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("KIT_LEARNER_DIR", str(tmp_path_factory.mktemp("learner")))
    monkeypatch.setenv("MPLBACKEND", "Agg")


@pytest.fixture(scope="session")
def nobody():
    """How the unprivileged user ``nobody`` runs the kit (:mod:`tests.unprivileged`), made once per run.

    The kit and what it imports are copied where ``nobody`` can read them, so
    permission tests work from a clone in any folder; skipped, with the reason,
    where that cannot work (not root, no ``setpriv``, no folder ``nobody`` can enter).
    """
    from tests.unprivileged import can_drop_root, nobody_runtime

    if not can_drop_root():
        pytest.skip("needs root and setpriv to run as nobody")
    runtime, reason = nobody_runtime()
    if runtime is None:
        pytest.skip(f"cannot run the kit as nobody here: {reason}")
    yield runtime
    shutil.rmtree(runtime.folder, ignore_errors=True)
