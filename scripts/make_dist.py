"""``make dist``: one zip a teacher can upload to a JupyterHub or unzip on a laptop.

Usage (from the repository root)::

    python scripts/make_dist.py [--out DIR] [--no-wheel]

Writes ``DIR/kit-lessons-<version>.zip`` (default ``dist/``) holding one folder,
``kit-lessons-<version>/``, with ``START_HERE.txt``, the lessons
(``notebooks/``, without outputs), the kit's source (``kit/``, so
``python -m kit lab`` works without installing it), the kit's wheel
(``wheels/``, for ``pip install`` on a hub), ``requirements.txt``,
``pyproject.toml``, the JupyterLab settings, README and teacher guide. Only
files git tracks go in (never ``kit-learner-work/`` or a ``.venv``).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

import tomllib

__all__ = ["START_HERE", "files_to_ship", "make_dist", "main"]

ROOT = Path(__file__).resolve().parents[1]
#: What goes in (tracked files under these paths).
INCLUDE = (
    "notebooks",
    "kit",
    "requirements.txt",
    "pyproject.toml",
    "binder-settings",
    "README.md",
    "docs/teacher-guide.md",
    "docs/screenshots",
)

START_HERE = """\
kit {version}: a news article as a lesson on actors, positions and coalitions
=============================================================================

The lessons are in notebooks/, in order: 00_start_here, 01_the_article,
02_actors, 03_voices_and_sources, 04_positions, 05_agreement, 06_coalitions,
07_your_own_article. The teacher guide (plans, answer key, troubleshooting)
is docs/teacher-guide.md.

Pick ONE of the three ways below.

1. IN THE BROWSER, NOTHING TO INSTALL (Binder)
   Open this link (30-60 minutes before class the first time, so it is ready):
   {binder}
   Sessions end after about 10 minutes without activity: learners download
   their work before they leave (lesson 00 shows how).

2. A SCHOOL JUPYTERHUB (or any Jupyter where you can upload files)
   Upload this zip in the file browser, then open a Terminal (File > New >
   Terminal) and run, in the folder where you uploaded it:
       unzip {name}.zip
       cd {name}
       python -m pip install -r requirements.txt wheels/*.whl
   Then open {name}/notebooks/00_start_here.ipynb. No terminal? Upload the
   unzipped folder instead and just run lesson 00's first cell: its first
   line (%run kit_setup.py) installs what is missing, once (1-3 minutes).
   If you may not install packages, ask the hub's administrator to run the
   pip line for you.

3. A LAPTOP (Windows, macOS, Linux) - no "make" needed
   Install Python 3.10 or newer (python.org; on Windows tick "Add python.exe
   to PATH"). Unzip this file, open a terminal in the unzipped folder (the one
   with this START_HERE.txt; on Windows: Shift + right-click the folder >
   "Open in Terminal") and run:
       python -m pip install -r requirements.txt
       python -m kit lab
   ("py" instead of "python" on some Windows machines, "python3" on a Mac.)
   JupyterLab opens lesson 00 in your browser. Stop it with Ctrl+C in the
   terminal. Next time, only the second line.

Before class, whichever way: run lesson 00 to the end. The widget test must
show radio buttons and a Check button, not a line of text.
"""


def _project(root: Path) -> dict:
    return tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))


def _binder_link(root: Path) -> str:
    data = _project(root)
    repo = data["project"].get("urls", {}).get("Repository", "").removeprefix("https://github.com/")
    ref = data.get("tool", {}).get("kit", {}).get("binder-ref", "main")
    return f"https://mybinder.org/v2/gh/{repo}/{ref}?urlpath=lab/tree/notebooks/00_start_here.ipynb"


def files_to_ship(root: Path = ROOT) -> list[Path]:
    """The tracked files under INCLUDE, relative to ``root`` (never learner work, caches or outputs)."""
    listed = subprocess.run(
        ["git", "-C", str(root), "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", *INCLUDE],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    paths = [Path(p) for p in listed.split("\0") if p]
    return sorted(p for p in paths if (root / p).is_file() and "kit-learner-work" not in p.parts)


def _wheel(root: Path, into: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--disable-pip-version-check",
            "-w",
            str(into),
            str(root),
        ],
        check=True,
    )
    (wheel,) = into.glob("kit-*.whl")
    return wheel


def make_dist(out: Path, *, root: Path = ROOT, wheel: bool = True) -> Path:
    """Write the release zip into ``out`` and return its path."""
    version = _project(root)["project"]["version"]
    name = f"kit-lessons-{version}"
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{name}.zip"
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"{name}/START_HERE.txt", START_HERE.format(version=version, name=name, binder=_binder_link(root)))
        for rel in files_to_ship(root):
            zf.write(root / rel, f"{name}/{rel.as_posix()}")
        if wheel:
            whl = _wheel(root, Path(tmp))
            zf.write(whl, f"{name}/wheels/{whl.name}")
    return target


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--out", type=Path, default=ROOT / "dist", help="the folder to write the zip into (default dist/)"
    )
    parser.add_argument("--no-wheel", action="store_true", help="leave the wheel out (faster; hubs then pip install .)")
    args = parser.parse_args(argv)
    path = make_dist(args.out, wheel=not args.no_wheel)
    print(f"wrote {path}: give teachers this zip (START_HERE.txt inside says what to do)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
