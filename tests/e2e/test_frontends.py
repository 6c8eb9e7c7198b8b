"""The other supported front ends in a real browser: Jupyter Notebook 7 and Voilà (Chromium + Playwright).

Notebook 7: two lessons (02 and 05) are opened at ``/notebooks/…``, run with
"Run All", checked for error output and widget errors, and one explorer
control is changed in each (its output must change). Voilà: the explorer-only
app ``notebooks/apps/explorers.ipynb`` is served exactly as the README says
(``voila notebooks/apps/explorers.ipynb``), loaded a few times (each load is a
fresh kernel), checked for errors, and an actor picked in the ArticleExplorer
must mark that actor's mentions (``<mark>``). Skipped, with a one-line reason,
when Chromium, Playwright, Notebook 7 or Voilà is missing.
"""

from __future__ import annotations

import re
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from .conftest import serve, workspace
from .test_browser import Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LESSONS = ("02_actors.ipynb", "06_coalitions.ipynb")
APP = "notebooks/apps/explorers.ipynb"
VOILA_LOADS = 3  # each load starts a kernel and runs the app: a stall shows up within a few loads
# A healthy load takes about 4 s on a quiet machine and 15-30 s on two busy shared cores; a stall never ends.
LOAD_TIMEOUT_S = 120


def _require(module: str, what: str) -> Any:
    return pytest.importorskip(module, reason=f"{what} is not installed: pip install -r requirements-test.txt")


@dataclass(frozen=True)
class Server:
    """A running server: ``url(path)`` is the page for ``path`` under its root folder."""

    base: str
    token: str
    root: Path
    log: Path
    kind: str

    def url(self, path: str) -> str:
        if self.kind == "notebook":
            return f"{self.base}/notebooks/{path}?token={self.token}"
        return f"{self.base}/"  # Voilà serves its one notebook at the root


@pytest.fixture(scope="module")
def notebook7(chromium_path: str, first_run: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """Jupyter Notebook 7 on a free port over a temp copy of notebooks/, with the learners' settings."""
    notebook = _require("notebook", "Jupyter Notebook 7")
    if int(notebook.__version__.split(".")[0]) < 7:
        pytest.skip(f"notebook {notebook.__version__} is not Notebook 7: pip install -r requirements-test.txt")
    tmp, root, env = workspace(tmp_path_factory, "notebook7")
    token = uuid.uuid4().hex

    def argv(port: int) -> list[str]:
        return [
            sys.executable,
            "-m",
            "notebook",
            "--no-browser",
            "--allow-root",
            "--ip=127.0.0.1",
            f"--port={port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root}",
            f"--JupyterNotebookApp.app_settings_dir={tmp / 'app-settings'}",
            "--JupyterNotebookApp.expose_app_in_browser=True",
        ]

    with serve(
        argv,
        env=env,
        cwd=root,
        log=tmp / "notebook.log",
        name="Jupyter Notebook 7",
        ready=lambda port: f"http://127.0.0.1:{port}/api/kernelspecs?token={token}",
    ) as port:
        yield Server(base=f"http://127.0.0.1:{port}", token=token, root=root, log=tmp / "notebook.log", kind="notebook")


@pytest.fixture(scope="module")
def voila_app(chromium_path: str, first_run: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``voila notebooks/apps/explorers.ipynb`` on a free port, run from a temp copy of the repo's notebooks."""
    _require("voila", "Voilà")
    tmp, root, env = workspace(tmp_path_factory, "voila")
    assert (root / APP).exists(), f"no {APP} (the explorer-only Voilà app)"

    def argv(port: int) -> list[str]:
        return [
            sys.executable,
            "-m",
            "voila",
            APP,
            "--no-browser",
            f"--port={port}",
            "--Voila.ip=127.0.0.1",
            "--Voila.port_retries=0",
        ]

    with serve(
        argv,
        env=env,
        cwd=root,
        log=tmp / "voila.log",
        name="Voilà",
        ready=lambda port: f"http://127.0.0.1:{port}/voila/static/voila.js",
    ) as port:
        yield Server(base=f"http://127.0.0.1:{port}", token="", root=root, log=tmp / "voila.log", kind="voila")


# ---------------------------------------------------------------- Notebook 7


# Notebook 7.6.5's own shortcut-settings handler throws this once per page, widgets or not
# (a bare notebook does it too); it is upstream front-end noise, not a kit or widget problem.
NOTEBOOK7_NOISE = "pageerror: Cannot read properties of undefined (reading 'schema')"


class NotebookPage(Page):
    """One notebook open in Notebook 7 (no status bar: ask the app for the kernel's status)."""

    def problems(self) -> list[str]:
        return [p for p in super().problems() if p != f"page error: {NOTEBOOK7_NOISE}"]

    def wait_idle(self, timeout_s: float = 180) -> None:
        deadline, status = time.monotonic() + timeout_s, None
        while time.monotonic() < deadline:
            self.accept_dialogs()
            status = self.page.evaluate(
                "() => window.jupyterapp?.shell?.currentWidget?.sessionContext?.session?.kernel?.status ?? null"
            )
            if status == "idle":
                return
            self.page.wait_for_timeout(250)
        raise AssertionError(f"kernel not idle after {timeout_s}s; status: {status}")


@pytest.mark.parametrize("name", LESSONS)
def test_lesson_runs_in_notebook7(name: str, notebook7: Server, browser: Any, artifacts_dir: Path) -> None:
    assert (notebook7.root / "notebooks" / name).exists(), f"no notebooks/{name}"
    page = NotebookPage(browser, notebook7, f"notebooks/{name}")
    try:
        assert page.page.evaluate("() => window.jupyterapp?.name ?? ''") == "Jupyter Notebook", (
            "this page is not the Notebook 7 front end"
        )
        ran = page.run_all()
        problems = page.problems() + ([] if ran else ["Run All stopped: a cell raised"])
        seen, failures = page.exercise_explorers()
        page.screenshot(artifacts_dir / f"notebook7_{Path(name).stem}.png")
        problems += failures + page.problems()
        assert seen >= 1, f"{name}: no explorer found to exercise in Notebook 7"
        print(f"Notebook 7 {name}: {seen} explorer(s) exercised")
        assert not problems, f"{name} in Notebook 7:\n" + "\n".join(dict.fromkeys(problems))
    finally:
        page.close()


# ---------------------------------------------------------------- Voilà


def _voila_problems(page: Any) -> list[str]:
    found = []
    for text in page.locator(".jp-OutputArea-output").all_inner_texts():
        if "Traceback" in text or re.search(r"\w+Error: ", text) or "Cell execution timed out" in text:
            found.append(f"error output: {text.strip()[:600]}")
    if page.locator(".jupyter-widgets-error-widget").count():
        found.append(".jupyter-widgets-error-widget present (widget JavaScript failed)")
    if page.get_by_text("Error displaying widget").count():
        found.append('"Error displaying widget" shown (widget model missing)')
    if "There was an error when executing cell" in page.content():
        found.append("Voilà reports an error while executing a cell")
    return found


def _log_tail(path: Path, lines: int = 15) -> str:
    text = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return "\n".join(line[:200] for line in text[-lines:])


# Voilà has run every cell (it removes its spinner then) and the three explorers are drawn.
RENDERED = (
    "() => !document.getElementById('loading')"
    " && document.querySelectorAll('.widget-output').length >= 3"
    " && document.querySelectorAll('.widget-output .jp-OutputArea-output').length >= 3"
)


def test_explorers_app_in_voila(voila_app: Server, browser: Any, artifacts_dir: Path) -> None:
    timings: list[float] = []
    for load in range(VOILA_LOADS):
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page_errors: list[str] = []
        page.on("pageerror", lambda e, errors=page_errors: errors.append(str(e)))
        try:
            started = time.monotonic()
            page.goto(voila_app.url(""), wait_until="commit")
            try:
                page.wait_for_function(RENDERED, timeout=LOAD_TIMEOUT_S * 1000)
            except Exception:  # playwright's TimeoutError
                page.screenshot(path=str(artifacts_dir / "voila_stalled.png"), full_page=True)
                pytest.fail(
                    f"Voilà load {load + 1}: the three explorers were not rendered after {LOAD_TIMEOUT_S}s "
                    f"(earlier loads: {[round(t, 1) for t in timings]} s). If the server log's last cell went "
                    f"idle and no next cell started, this is nbclient's widget stall (jupyter/nbclient#312). "
                    f"Voilà log tail:\n{_log_tail(voila_app.log)}"
                )
            timings.append(time.monotonic() - started)
            page.wait_for_load_state("load")
            problems = _voila_problems(page) + [f"page error: {e}" for e in page_errors if "widget" in e.lower()]
            assert not problems, f"Voilà load {load + 1}:\n" + "\n".join(problems)
            if load == 0:
                _pick_an_actor(page)
                page.screenshot(path=str(artifacts_dir / "voila_explorers.png"), full_page=True)
                print(f"screenshot: {artifacts_dir / 'voila_explorers.png'}")
                assert not _voila_problems(page), _voila_problems(page)
        finally:
            context.close()
    print(f"Voilà render times over {VOILA_LOADS} loads: {[round(t, 1) for t in timings]} s")


def _pick_an_actor(page: Any) -> None:
    """Choose one actor in the ArticleExplorer: its mentions (and only its) get ``<mark>``ed."""
    explorer = page.locator(".widget-vbox", has=page.get_by_text("The article", exact=True)).first
    select = explorer.locator(".widget-select-multiple select").first
    output = explorer.locator(".widget-output").first
    heading = output.locator("[role=status]").first
    assert "every actor" in heading.inner_text(), heading.inner_text()
    marks_before = output.locator("mark").count()
    options = select.locator("option").evaluate_all("os => os.map(o => [o.value, o.textContent])")
    value, label = options[0]
    select.select_option(value)
    name = label.replace("\xa0", " ").split(" (")[0]  # ipywidgets shows option labels with no-break spaces
    deadline = time.monotonic() + 60
    while name not in heading.inner_text():  # the Output is redrawn: re-query the heading each time
        if time.monotonic() > deadline:
            pytest.fail(
                f"choosing {label!r} in the ArticleExplorer did not redraw it in Voilà "
                f"(heading still {heading.inner_text()!r})"
            )
        page.wait_for_timeout(100)
    marks_after = output.locator("mark").count()
    assert 0 < marks_after < marks_before, (
        f"after choosing {name!r}: {marks_after} marked mentions (every actor: {marks_before})"
    )
