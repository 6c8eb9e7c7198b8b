"""``python -m kit lab``: open the lessons in JupyterLab with Python alone (no ``make``, no terminal tricks).

The route for a laptop without ``make`` (Windows, macOS)::

    python -m pip install -r requirements.txt
    python -m kit lab

It finds the lessons (``notebooks/00_start_here.ipynb``) beside the kit or in the
current folder, starts JupyterLab with its file browser at the folder that holds
``notebooks/`` (so learners see ``notebooks/kit-learner-work/``), opens lesson 00,
adds ``--allow-root`` when run as root (containers, some school machines), and
makes the kit importable in the lessons' kernel even when it was not installed
with pip (a plain copy of the repository or of the release zip).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import KitError

__all__ = ["FIRST_LESSON", "find_lessons", "lab_command", "lab_env", "run_lab"]

#: The notebook JupyterLab opens, relative to the folder that holds ``notebooks/``.
FIRST_LESSON = "notebooks/00_start_here.ipynb"
_SETTINGS = Path("binder-settings") / "overrides.json"


def _kit_root() -> Path:
    """The folder that holds the ``kit`` package (a checkout, an unzipped release or site-packages)."""
    return Path(__file__).resolve().parent.parent


def find_lessons(folder: str | os.PathLike[str] | None = None, *, cwd: Path | None = None) -> Path:
    """The folder that holds ``notebooks/00_start_here.ipynb``: ``folder``, else the current folder, else the kit's.

    >>> (find_lessons() / FIRST_LESSON).is_file()
    True
    """
    here = Path.cwd() if cwd is None else cwd
    if folder is not None:
        candidates = [Path(folder), Path(folder).parent]
    else:
        candidates = [here, here.parent, _kit_root()]
    for candidate in candidates:
        if (candidate / FIRST_LESSON).is_file():
            return candidate.resolve()
    where = show_path(Path(folder)) if folder is not None else f"{show_path(here)} or beside the kit"
    raise KitError(
        f"no lessons found in {where}: go to the folder that holds notebooks/00_start_here.ipynb "
        "(the unzipped kit) and run `python -m kit lab` there, or give the folder: `python -m kit lab FOLDER`"
    )


def show_path(path: Path) -> str:
    return str(path) if str(path) else "."


def _is_root() -> bool:
    geteuid = getattr(os, "geteuid", None)  # not on Windows
    return bool(geteuid and geteuid() == 0)


def lab_command(
    root: Path, *, port: int | None = None, browser: bool = True, extra: Sequence[str] = (), is_root: bool | None = None
) -> list[str]:
    """The JupyterLab command line for the lessons under ``root`` (run it with ``cwd=root``).

    >>> cmd = lab_command(Path("/lessons"), is_root=True, browser=False)
    >>> cmd[1:3], "--allow-root" in cmd, cmd[-1]
    (['-m', 'jupyterlab'], True, 'notebooks/00_start_here.ipynb')
    """
    cmd = [sys.executable, "-m", "jupyterlab"]
    if _is_root() if is_root is None else is_root:
        cmd.append("--allow-root")
    if not browser:
        cmd.append("--no-browser")
    if port is not None:
        cmd += [f"--port={port}", "--ServerApp.port_retries=0"]
    cmd.append(f"--ServerApp.root_dir={root}")
    cmd += list(extra)
    cmd.append(FIRST_LESSON)
    return cmd


def lab_env(root: Path, environ: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for JupyterLab: the kit importable in every kernel, the kit's JupyterLab settings.

    >>> env = lab_env(find_lessons(), {})
    >>> str(Path(__file__).resolve().parent.parent) in env["PYTHONPATH"].split(os.pathsep)
    True
    """
    env = dict(os.environ if environ is None else environ)
    kit_root = str(_kit_root())
    parts = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    if kit_root not in parts:
        env["PYTHONPATH"] = os.pathsep.join([kit_root, *parts])
    return env


def _install_settings(root: Path) -> None:
    """Copy the kit's JupyterLab settings (widget outputs stay on scroll, no news pop-up) if none are there yet."""
    ours = root / _SETTINGS
    target = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    if not ours.is_file() or target.exists():
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(ours.read_bytes())
    except OSError:
        pass  # a read-only Python: JupyterLab still works, with its own defaults


def run_lab(folder: str | None = None, *, port: int | None = None, browser: bool = True, dry_run: bool = False) -> int:
    """Start JupyterLab on lesson 00 and wait until it is stopped (Ctrl+C); returns its exit status."""
    root = find_lessons(folder)
    cmd = lab_command(root, port=port, browser=browser)
    if dry_run:
        print(" ".join(cmd))
        print(f"(in {root})")
        return 0
    if importlib.util.find_spec("jupyterlab") is None:
        raise KitError(
            "JupyterLab is not installed in this Python: run `python -m pip install -r requirements.txt` "
            "in the kit's folder, then `python -m kit lab` again"
        )
    _install_settings(root)
    env = lab_env(root)
    # matplotlib builds its font cache on first import: do it now, not in the first lesson.
    subprocess.run([sys.executable, "-c", "import matplotlib.pyplot"], env=env, capture_output=True, check=False)
    print(f"Opening the lessons in JupyterLab ({root / FIRST_LESSON}); stop it with Ctrl+C.", file=sys.stderr)
    try:
        return subprocess.call(cmd, cwd=root, env=env)
    except KeyboardInterrupt:
        return 0
