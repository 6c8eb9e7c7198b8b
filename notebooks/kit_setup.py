"""Set up what lesson 00 needs on a Jupyter that lacks the kit (a school JupyterHub, an uploaded folder).

Lesson 00's first cell runs ``%run kit_setup.py``. It does nothing when the kit
and its requirements import; otherwise it installs them ONCE into the Python
that runs the lessons (the kernel), from the folder the lessons came in: the
pinned ``requirements.txt`` and the kit (``wheels/kit-*.whl`` in the release
zip, else the folder itself). It prints one line; if it cannot install, it says
what to do in one line, without a traceback, and stops Run All.

This file must not import the kit: it runs before the kit exists.
"""

from __future__ import annotations

import importlib
import importlib.util
import site
import subprocess
import sys
from pathlib import Path

NEEDED = ("kit", "ipywidgets", "matplotlib", "pandas", "networkx", "yaml")


class SetupFailed(Exception):
    """Shown as one line in a notebook (IPython renders ``_render_traceback_`` instead of a traceback)."""

    def _render_traceback_(self) -> list[str]:
        return [f"⚠️ {self}"]


def missing() -> list[str]:
    """The modules the lessons need that this Python cannot import."""
    importlib.invalidate_caches()
    return [name for name in NEEDED if importlib.util.find_spec(name) is None]


def kit_folder(start: Path | None = None) -> Path | None:
    """The folder that holds ``requirements.txt`` and the kit (this folder's parent, or this folder)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, here.parent):
        if (folder / "requirements.txt").is_file() and (
            (folder / "pyproject.toml").is_file() or any((folder / "wheels").glob("kit-*.whl"))
        ):
            return folder
    return None


def install_command(folder: Path) -> list[str]:
    """``python -m pip install -r requirements.txt <the kit>`` for the Python running the lessons."""
    wheels = sorted((folder / "wheels").glob("kit-*.whl"))
    kit = str(wheels[-1]) if wheels else str(folder)
    return [sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check", "-r",
            str(folder / "requirements.txt"), kit]


def ensure_kit(start: Path | None = None) -> str:
    """Install what is missing (once); returns the one line it printed. Raises SetupFailed if it cannot."""
    lacking = missing()
    if not lacking:
        return ""
    folder = kit_folder(start)
    if folder is None:
        raise SetupFailed(
            "The kit is not installed and its folder (with requirements.txt) is not beside the lessons: "
            "upload the whole unzipped kit folder, or open the Binder link in START_HERE.txt."
        )
    print(f"Setting up the lessons (once, 1-3 minutes): installing {', '.join(lacking)} …", flush=True)
    done = subprocess.run(install_command(folder), capture_output=True, text=True)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["pip failed"])[-1]
        raise SetupFailed(
            f"Could not install the kit here ({last[:160]}). Ask whoever runs this Jupyter to run "
            f"`python -m pip install -r requirements.txt .` in {folder.name}, or use the Binder link in START_HERE.txt."
        )
    site.addsitedir(site.getusersitepackages())  # a --user install made after the kernel started
    still = missing()
    if still:
        raise SetupFailed(
            f"Installed, but {', '.join(still)} cannot be imported yet: restart the kernel (Kernel > Restart) and run "
            "this cell again."
        )
    line = "The kit is installed. If the widget test below shows a line of text, reload the page (F5)."
    print(line)
    return line


if __name__ == "__main__":
    ensure_kit()
