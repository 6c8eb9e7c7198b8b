"""notebooks/kit_setup.py: lesson 00's first line sets up a Jupyter that lacks the kit (once, one line, no traceback)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]


def _setup_module():
    spec = importlib.util.spec_from_file_location("kit_setup", ROOT / "notebooks" / "kit_setup.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


ks = _setup_module()


def test_lesson_00_runs_it_first() -> None:
    nb = nbformat.read(ROOT / "notebooks" / "00_start_here.ipynb", as_version=4)
    first = next(c for c in nb.cells if c.cell_type == "code")
    assert first.source.splitlines()[:2] == ["%run kit_setup.py", "import kit"]
    assert "import kit" not in (ROOT / "notebooks" / "kit_setup.py").read_text(encoding="utf-8").split('"""', 2)[2]


def test_nothing_happens_when_the_kit_is_there(capsys) -> None:
    assert ks.missing() == []
    assert ks.ensure_kit(ROOT / "notebooks") == ""
    assert capsys.readouterr().out == ""


def test_the_kit_folder_is_beside_the_lessons(tmp_path: Path) -> None:
    assert ks.kit_folder(ROOT / "notebooks") == ROOT
    assert ks.kit_folder(tmp_path) is None
    (tmp_path / "requirements.txt").write_text("PyYAML==6.0.3\n")
    (tmp_path / "wheels").mkdir()
    (tmp_path / "wheels" / "kit-0.1.0-py3-none-any.whl").write_bytes(b"")
    (tmp_path / "notebooks").mkdir()
    assert ks.kit_folder(tmp_path / "notebooks") == tmp_path
    cmd = ks.install_command(tmp_path)
    assert cmd[:4] == [sys.executable, "-m", "pip", "install"] and cmd[-1].endswith("kit-0.1.0-py3-none-any.whl")


def test_a_failure_is_one_line_without_a_traceback(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(ks, "NEEDED", ("kit", "no_such_module_for_the_lessons"))
    with pytest.raises(ks.SetupFailed) as info:
        ks.ensure_kit(tmp_path)
    lines = info.value._render_traceback_()
    assert len(lines) == 1 and "Binder link in START_HERE.txt" in lines[0]
    (tmp_path / "requirements.txt").write_text("no-such-package-for-the-kit==0.0.0\n")
    (tmp_path / "pyproject.toml").write_text("")
    monkeypatch.setattr(
        ks, "install_command", lambda folder: [sys.executable, "-c", "import sys; sys.exit('no index')"]
    )
    with pytest.raises(ks.SetupFailed, match=r"Could not install the kit here \(no index\)"):
        ks.ensure_kit(tmp_path)


@pytest.mark.slow
def test_a_python_without_the_kit_gets_it_from_the_release_zip(tmp_path: Path) -> None:
    """A fresh venv (nothing but pip): running lesson 00's first line in the unzipped release installs the kit."""
    spec = importlib.util.spec_from_file_location("make_dist", ROOT / "scripts" / "make_dist.py")
    assert spec and spec.loader
    make_dist = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_dist)
    with zipfile.ZipFile(make_dist.make_dist(tmp_path / "dist", wheel=True)) as zf:
        top = zf.namelist()[0].split("/")[0]
        zf.extractall(tmp_path)
    lessons = tmp_path / top / "notebooks"
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    before = subprocess.run([str(python), "-c", "import kit"], cwd=tmp_path, env=env, capture_output=True)
    assert before.returncode != 0
    first = subprocess.run(
        [str(python), "kit_setup.py"], cwd=lessons, env=env, capture_output=True, text=True, timeout=900
    )
    assert first.returncode == 0, first.stderr[-2000:]
    assert "The kit is installed" in first.stdout and "Traceback" not in first.stderr
    probe = "import kit, sys; print(kit.__file__)"
    after = subprocess.run([str(python), "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert after.returncode == 0 and str(venv) in after.stdout
    again = subprocess.run([str(python), "kit_setup.py"], cwd=lessons, env=env, capture_output=True, text=True)
    assert again.returncode == 0 and again.stdout == ""
    shutil.rmtree(venv)
