"""Fixtures for the real-browser suite: JupyterLab over a temp copy of the notebooks + Chromium.

The suite skips (with a one-line reason, never silently) when Playwright or a
Chromium binary is missing. ``apt-get install -y chromium`` (as root; ``.ci/run``
does it) is the supported way to get Chromium; never ``playwright install``.
``KIT_E2E_NOTEBOOKS=dir`` runs another folder instead of notebooks/.
Screenshots go to ``$KIT_E2E_ARTIFACTS`` or a temp folder printed at the end.

Every server (JupyterLab and Notebook 7) gets the settings learners get
(binder-settings/overrides.json) from the test itself, never from whatever
the environment happens to have installed: without them Notebook 7 falls back
to JupyterLab's default ``windowingMode`` ("contentVisibility"), in which the
browser skips rendering cells scrolled out of view. The suite must pass on a
fresh, empty ``HOME`` (``HOME=$(mktemp -d) pytest tests/e2e``), as a new
learner or a new Binder user has it: matplotlib's font cache is built once
per session first, as ``make lab`` and postBuild do for learners, and a page
shuts its kernel down when it closes, so kernels do not pile up on the server.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = Path(os.environ.get("KIT_E2E_NOTEBOOKS") or ROOT / "notebooks")  # override: develop against other notebooks
OVERRIDES = ROOT / "binder-settings" / "overrides.json"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
_ARTIFACTS: list[Path] = []


@dataclass(frozen=True)
class Lab:
    """A running JupyterLab: ``url(path)`` opens ``path`` under its root folder."""

    base: str
    token: str
    root: Path

    def url(self, path: str) -> str:
        return f"{self.base}/lab/tree/{path}?token={self.token}&reset"


def find_chromium() -> str | None:
    """The system Chromium, or None."""
    for name in (os.environ.get("KIT_CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name) if name else None
        if found:
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def chromium_path() -> str:
    pytest.importorskip(
        "playwright.sync_api", reason="Playwright is not installed: pip install -r requirements-test.txt"
    )
    path = find_chromium()
    if path is None:
        pytest.skip("no Chromium found: run `apt-get install -y chromium` as root (.ci/run does it)")
    return path


@pytest.fixture(scope="session")
def artifacts_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = os.environ.get("KIT_E2E_ARTIFACTS")
    path = Path(where) if where else tmp_path_factory.mktemp("e2e-artifacts")
    path.mkdir(parents=True, exist_ok=True)
    _ARTIFACTS.append(path)
    return path


def workspace(tmp_path_factory: pytest.TempPathFactory, name: str) -> tuple[Path, Path, dict[str, str]]:
    """A temp folder for one server: ``(tmp, root, env)``.

    ``root/notebooks`` is a copy of notebooks/ (the repo is never written), ``root/generated``
    is empty, ``tmp/app-settings/overrides.json`` holds the Binder settings with autosave off
    (pass it to the server: ``--<App>.app_settings_dir=tmp/app-settings``), and ``env`` points
    every Jupyter config, runtime, settings and learner folder into ``tmp``.
    """
    tmp = tmp_path_factory.mktemp(name)
    root = tmp / "root"
    shutil.copytree(NOTEBOOKS, root / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    (root / "generated").mkdir()
    # The Binder settings under test, plus autosave off (nothing is written back).
    settings = json.loads(OVERRIDES.read_text(encoding="utf-8"))
    settings.setdefault("@jupyterlab/docmanager-extension:plugin", {})["autosave"] = False
    (tmp / "app-settings").mkdir()
    (tmp / "app-settings" / "overrides.json").write_text(json.dumps(settings), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}  # kernels must use the inline backend
    for var, sub in [
        ("JUPYTER_CONFIG_DIR", "config"),
        ("JUPYTER_RUNTIME_DIR", "runtime"),
        ("JUPYTERLAB_SETTINGS_DIR", "user-settings"),
        ("JUPYTERLAB_WORKSPACES_DIR", "workspaces"),
        ("KIT_LEARNER_DIR", "learner"),
    ]:
        env[var] = str(tmp / sub)
        (tmp / sub).mkdir(exist_ok=True)
    return tmp, root, env


@pytest.fixture(scope="session")
def first_run(chromium_path: str) -> None:
    """What ``make lab`` and postBuild do once for a learner: build matplotlib's font cache.

    On a fresh ``HOME`` the first ``import matplotlib.pyplot`` builds it (seconds, or
    a minute with many fonts installed) inside whichever notebook plots first.
    """
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    subprocess.run(
        [sys.executable, "-c", "import matplotlib.pyplot"],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=600,
    )


@contextlib.contextmanager
def jupyterlab(tmp: Path, root: Path, env: dict[str, str], *, name: str = "JupyterLab") -> Iterator[Lab]:
    """JupyterLab over ``root`` on a free port, with the learners' settings (``tmp/app-settings``)."""
    token = uuid.uuid4().hex

    def argv(port: int) -> list[str]:
        return [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--allow-root",
            "--ip=127.0.0.1",
            f"--port={port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root}",
            f"--LabApp.app_settings_dir={tmp / 'app-settings'}",
            "--LabApp.expose_app_in_browser=True",
        ]

    with serve(
        argv,
        env=env,
        cwd=root,
        log=tmp / "lab.log",
        name=name,
        ready=lambda port: f"http://127.0.0.1:{port}/api/kernelspecs?token={token}",
    ) as port:
        yield Lab(base=f"http://127.0.0.1:{port}", token=token, root=root)


@pytest.fixture(scope="session")
def lab(chromium_path: str, first_run: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    """JupyterLab on a free port over a temp copy of notebooks/ (the repo is never written)."""
    tmp, root, env = workspace(tmp_path_factory, "lab")
    with jupyterlab(tmp, root, env) as server:
        yield server


def end_sessions(base: str, token: str, path: str) -> None:
    """Shut down the kernels of every session on ``path`` (as closing the notebook with
    JupyterLab's ``kernelShutdown`` setting does); a server that is gone is not an error."""
    try:
        with urllib.request.urlopen(f"{base}/api/sessions?token={token}", timeout=30) as answer:
            sessions = json.load(answer)
        for session in sessions:
            if session.get("path") == path:
                request = urllib.request.Request(f"{base}/api/sessions/{session['id']}?token={token}", method="DELETE")
                urllib.request.urlopen(request, timeout=60).close()
    except OSError:
        pass


@contextmanager
def serve(
    argv: Callable[[int], list[str]],
    *,
    env: dict[str, str],
    cwd: Path,
    log: Path,
    ready: Callable[[int], str],
    name: str,
    timeout_s: float = 180,
    attempts: int = 3,
) -> Iterator[int]:
    """Run a Jupyter server on a free port until the block ends (then stop it by its PID); yields the port.

    ``argv(port)`` is the command, ``ready(port)`` an API the first page needs
    (``/api/kernelspecs``: answering it once also loads what the server loads lazily
    for it). The server is ours once that URL answers 200 *and* its own log says it
    listens on the port: another test on a shared machine may take the port between
    :func:`free_port` and the bind. Then our server exits, and it is started again
    on another port, instead of the other server being mistaken for ours.

    Raises:
        RuntimeError: the server exited or did not answer within ``timeout_s`` (the log path is given).
    """
    for _attempt in range(attempts):
        port = free_port()
        with log.open("wb") as out:
            proc = subprocess.Popen(
                argv(port), cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
            try:
                if _listening(proc, ready(port), log, port, name=name, timeout_s=timeout_s):
                    yield port
                    return
            finally:
                _stop(proc)
    raise RuntimeError(f"{name} did not start: its port was taken {attempts} times; log: {log}")


def _listening(proc: subprocess.Popen[bytes], ready: str, log: Path, port: int, *, name: str, timeout_s: float) -> bool:
    """True once ``ready`` answers 200 from our server; False if it exited because its port was taken."""
    deadline = time.monotonic() + timeout_s
    while True:
        if proc.poll() is not None:
            if re.search(r"already in use|no available port", log.read_text(errors="replace")):
                return False
            raise RuntimeError(f"{name} exited while starting; log: {log}")
        try:
            with urllib.request.urlopen(ready, timeout=10) as answer:
                if answer.status == 200 and f":{port}/" in log.read_text(errors="replace"):
                    return True
        except OSError:  # not listening yet (or an HTTP error: not ready, or not ours)
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{name} did not answer within {timeout_s:.0f}s; log: {log}")
        time.sleep(0.3)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM the server, then SIGKILL its process group (the kernels it started)."""
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for path in _ARTIFACTS:
        shots = sorted(path.glob("*.png"))
        if shots:
            terminalreporter.write_line(f"e2e screenshots ({len(shots)}): {path}")
