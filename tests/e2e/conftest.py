"""Fixtures for the real-browser suite: JupyterLab over a temp copy of the notebooks + Chromium.

The suite skips (with a one-line reason, never silently) when Playwright or a
Chromium binary is missing. ``apt-get install -y chromium`` (as root; ``.ci/run``
does it) is the supported way to get Chromium; never ``playwright install``.
``KIT_E2E_NOTEBOOKS=dir`` runs another folder instead of notebooks/.
Screenshots go to ``$KIT_E2E_ARTIFACTS`` or a temp folder printed at the end.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = Path(os.environ.get("KIT_E2E_NOTEBOOKS") or ROOT / "notebooks")  # override: develop against other notebooks
OVERRIDES = ROOT / "binder-settings" / "overrides.json"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
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
    pytest.importorskip("playwright.sync_api", reason="Playwright is not installed: pip install -r requirements-test.txt")
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
    is empty, ``tmp/app-settings/overrides.json`` holds the Binder settings with autosave off,
    and ``env`` points every Jupyter config, runtime, settings and learner folder into ``tmp``.
    """
    tmp = tmp_path_factory.mktemp(name)
    root = tmp / "root"
    shutil.copytree(NOTEBOOKS, root / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    (root / "generated").mkdir()
    # The Binder settings under test, plus autosave off (nothing is written back).
    settings = json.loads(OVERRIDES.read_text(encoding="utf-8"))
    settings.setdefault("@jupyterlab/docmanager-extension:plugin", {})["autosave"] = False
    (tmp / "app-settings").mkdir()
    (tmp / "app-settings" / "overrides.json").write_text(json.dumps(settings), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}  # kernels must use the inline backend
    for var, sub in [("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_RUNTIME_DIR", "runtime"),
                     ("JUPYTERLAB_SETTINGS_DIR", "user-settings"),
                     ("JUPYTERLAB_WORKSPACES_DIR", "workspaces"), ("KIT_LEARNER_DIR", "learner")]:
        env[var] = str(tmp / sub)
        (tmp / sub).mkdir(exist_ok=True)
    return tmp, root, env


@pytest.fixture(scope="session")
def lab(chromium_path: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    """JupyterLab on a free port over a temp copy of notebooks/ (the repo is never written)."""
    tmp, root, env = workspace(tmp_path_factory, "lab")
    token, port = uuid.uuid4().hex, free_port()
    argv = [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", "--ip=127.0.0.1",
            f"--port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root}", f"--LabApp.app_settings_dir={tmp / 'app-settings'}",
            "--LabApp.expose_app_in_browser=True"]
    base = f"http://127.0.0.1:{port}"
    with serve(argv, env=env, cwd=root, log=tmp / "lab.log", ready=f"{base}/api/status?token={token}",
               name="JupyterLab"):
        yield Lab(base=base, token=token, root=root)


@contextmanager
def serve(argv: list[str], *, env: dict[str, str], cwd: Path, log: Path, ready: str, name: str,
          timeout_s: float = 90) -> Iterator[subprocess.Popen[bytes]]:
    """Run a Jupyter server until the block ends: wait until ``ready`` answers, then stop it by its PID.

    Raises:
        RuntimeError: the server exited or did not answer within ``timeout_s`` (the log path is given).
    """
    out = log.open("wb")
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                with urllib.request.urlopen(ready, timeout=2):
                    break
            except urllib.error.HTTPError:  # it answers (an error page is still an answer)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"{name} did not start; log: {log}") from None
                time.sleep(0.3)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            pass
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # kernels started by this server
        except ProcessLookupError:
            pass
        proc.wait()
        out.close()


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
