"""Launching without a coder: ``python -m kit lab`` (no make), ``make lab`` calls it, ``make dist`` builds the zip."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.request
import zipfile
from pathlib import Path

import nbformat
import pytest

from kit.errors import KitError
from kit.launch import FIRST_LESSON, find_lessons, lab_command, lab_env

ROOT = Path(__file__).resolve().parents[1]


def _no_make_env(tmp_path: Path) -> dict[str, str]:
    """An environment whose PATH has no make (only an empty folder)."""
    empty = tmp_path / "bin"
    empty.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "PYTHONPATH"))}
    env["PATH"] = str(empty)
    assert shutil.which("make", path=env["PATH"]) is None
    return env


def test_the_command_opens_lesson_00_at_the_lessons_root() -> None:
    cmd = lab_command(ROOT, is_root=False)
    assert cmd[:3] == [sys.executable, "-m", "jupyterlab"]
    assert f"--ServerApp.root_dir={ROOT}" in cmd
    assert cmd[-1] == FIRST_LESSON and (ROOT / cmd[-1]).is_file()
    assert "--allow-root" not in cmd


def test_as_root_it_allows_root() -> None:
    assert "--allow-root" in lab_command(ROOT, is_root=True)


def test_lessons_are_found_from_the_folder_the_notebooks_or_beside_the_kit(tmp_path: Path) -> None:
    assert find_lessons(cwd=ROOT) == ROOT
    assert find_lessons(cwd=ROOT / "notebooks") == ROOT
    assert find_lessons(cwd=tmp_path) == ROOT  # elsewhere: the lessons beside the kit
    assert find_lessons(ROOT / "notebooks") == ROOT
    with pytest.raises(KitError, match="no lessons found in .*00_start_here.ipynb"):
        find_lessons(tmp_path)


def test_the_kernel_can_import_the_kit_without_installing_it(tmp_path: Path) -> None:
    # -S: no site-packages, so the editable install does not count; only the launcher's PYTHONPATH can help.
    probe = [sys.executable, "-S", "-c", "import kit, sys; print(kit.__file__)"]
    env = _no_make_env(tmp_path)
    without = subprocess.run(probe, cwd=ROOT / "notebooks", env=env, capture_output=True, text=True)
    assert without.returncode != 0
    with_env = subprocess.run(probe, cwd=ROOT / "notebooks", env=lab_env(ROOT, env), capture_output=True, text=True)
    assert with_env.returncode == 0, with_env.stderr
    assert Path(with_env.stdout.strip()).resolve() == (ROOT / "kit" / "__init__.py").resolve()


def test_python_m_kit_lab_runs_without_make_on_path(tmp_path: Path) -> None:
    env = _no_make_env(tmp_path)
    res = subprocess.run(
        [sys.executable, "-m", "kit", "lab", "--dry-run"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert res.returncode == 0, res.stderr
    assert "-m jupyterlab" in res.stdout and FIRST_LESSON in res.stdout
    assert f"--ServerApp.root_dir={ROOT}" in res.stdout
    assert ("--allow-root" in res.stdout) == (hasattr(os, "geteuid") and os.geteuid() == 0)


def test_no_lessons_is_one_line_that_says_what_to_do(tmp_path: Path) -> None:
    res = subprocess.run(
        [sys.executable, "-m", "kit", "lab", str(tmp_path), "--dry-run"], capture_output=True, text=True, cwd=tmp_path
    )
    assert res.returncode == 2
    assert res.stderr.startswith("error: no lessons found") and "Traceback" not in res.stderr


def test_make_lab_calls_the_launcher() -> None:
    text = (ROOT / "Makefile").read_text()
    recipe = text.split("\nlab: setup\n", 1)[1].split("\n\n", 1)[0]
    assert "-m kit lab" in recipe


def test_the_readme_documents_the_route_without_make() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python -m pip install -r requirements.txt\npython -m kit lab" in readme
    guide = (ROOT / "docs" / "teacher-guide.md").read_text(encoding="utf-8")
    assert "python -m kit lab" in guide and "make dist" in guide


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_python_m_kit_lab_serves_lesson_00_without_make(tmp_path: Path) -> None:
    """The real launch, with no make on PATH: JupyterLab answers and lists lesson 00 at the root folder's notebooks/."""
    env = _no_make_env(tmp_path)
    for var in ("JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTERLAB_SETTINGS_DIR", "JUPYTERLAB_WORKSPACES_DIR"):
        env[var] = str(tmp_path / var.lower())
    env["HOME"] = str(tmp_path / "home")
    env["JUPYTER_TOKEN"] = token = "t0ken"
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kit", "lab", "--no-browser", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                url = f"http://127.0.0.1:{port}/api/contents/notebooks?token={token}&content=1"
                with urllib.request.urlopen(url, timeout=2) as resp:
                    listing = json.load(resp)
                break
            except OSError:
                assert proc.poll() is None, "JupyterLab stopped"
                assert time.monotonic() < deadline, "JupyterLab did not answer in 60 s"
                time.sleep(0.5)
        assert "00_start_here.ipynb" in {item["name"] for item in listing["content"]}
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _make_dist():
    spec = importlib.util.spec_from_file_location("make_dist", ROOT / "scripts" / "make_dist.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_make_dist_is_a_make_target() -> None:
    text = (ROOT / "Makefile").read_text()
    assert "\ndist: setup\n" in text and "scripts/make_dist.py" in text


def test_the_release_zip_has_the_lessons_the_kit_and_start_here(tmp_path: Path) -> None:
    md = _make_dist()
    path = md.make_dist(tmp_path / "out", wheel=False)
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        top = names[0].split("/")[0]
        assert all(n.startswith(top + "/") for n in names)
        start = zf.read(f"{top}/START_HERE.txt").decode("utf-8")
        zf.extractall(tmp_path / "unzipped")
    for lesson in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        assert f"{top}/notebooks/{lesson.name}" in names
    assert f"{top}/kit/__init__.py" in names and f"{top}/requirements.txt" in names
    assert not any("kit-learner-work" in n or ".venv" in n or "__pycache__" in n for n in names)
    assert "python -m kit lab" in start and "mybinder.org/v2/gh/" in start and "OWNER" not in start
    assert "pip install -r requirements.txt" in start
    # a laptop: the unzipped folder launches (dry run) with Python alone, no make, kit not installed there
    folder = tmp_path / "unzipped" / top
    env = _no_make_env(tmp_path)
    # -S and the dependencies on PYTHONPATH: the repository's editable kit is out of reach, the zip's kit runs.
    env["PYTHONPATH"] = sysconfig.get_paths()["purelib"]
    probe = "import kit.launch, sys; sys.argv[1:] = ['lab', '--dry-run']; print(kit.launch.__file__); "
    probe += "from kit.cli import main; raise SystemExit(main())"
    res = subprocess.run([sys.executable, "-S", "-c", probe], cwd=folder, env=env, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert Path(res.stdout.splitlines()[0]).resolve() == (folder / "kit" / "launch.py").resolve()
    assert f"--ServerApp.root_dir={folder.resolve()}" in res.stdout
    nb = nbformat.read(folder / "notebooks" / "00_start_here.ipynb", as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")


@pytest.mark.slow
def test_the_release_zip_carries_an_installable_wheel(tmp_path: Path) -> None:
    path = _make_dist().make_dist(tmp_path, wheel=True)
    with zipfile.ZipFile(path) as zf:
        wheels = [n for n in zf.namelist() if n.endswith(".whl")]
    assert len(wheels) == 1 and "/wheels/kit-" in wheels[0]
