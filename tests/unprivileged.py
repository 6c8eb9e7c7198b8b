"""Run the kit as the unprivileged user ``nobody``, from wherever the repository is cloned.

Root reads and writes everything, so permission tests drop to ``nobody``
(``setpriv``). ``nobody`` cannot read a clone inside a private folder (``mktemp -d``
makes mode 700 folders; ``/root`` is 700 too), so :func:`nobody_runtime` copies
what ``python -m kit`` imports -- the ``kit`` package and the third-party
packages it loads, found through their ``__file__`` -- into a temporary folder
anyone may read, and finds an interpreter ``nobody`` can start. Files are
hard-linked where they are already world-readable (fast, no extra space) and
copied otherwise; nothing in the clone is changed. A private ``$TMPDIR`` is
passed over for ``/tmp`` (:func:`shared_tempdir`). When that is impossible (no
temporary folder ``nobody`` can enter, no usable interpreter) the reason is
returned, for ``pytest.skip``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AS_NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]

#: Prints {top-level module: its file or folder} for every non-stdlib module the CLI loads.
_PROBE = r"""
import io, json, sys, contextlib
from kit.cli import main
with contextlib.redirect_stderr(io.StringIO()):  # loads the case (YAML), the analysis and networkx
    main(["export", "--format", "graphml"], out=io.StringIO())
found = {}
for name, module in list(sys.modules.items()):
    top = name.partition(".")[0]
    where = getattr(module, "__file__", None)
    if top in sys.stdlib_module_names or top in found or not where or top.startswith(("__editable__", "_distutils")):
        continue
    if "." not in name:
        found[top] = where
    else:
        top_module = sys.modules.get(top)
        found[top] = getattr(top_module, "__file__", None) or where
print(json.dumps(found))
"""


def can_drop_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("setpriv") is not None


@dataclass(frozen=True)
class Runtime:
    """How ``nobody`` runs the kit: this interpreter with this ``PYTHONPATH`` (a folder anyone may read)."""

    python: str
    pythonpath: str
    folder: Path


def _readable_by_all(path: Path) -> bool:
    return bool(path.stat().st_mode & 0o004)


def _link_or_copy(src: str, dst: str) -> str:
    """Hard-link a world-readable file (fast); copy any other and make the copy readable."""
    if _readable_by_all(Path(src)):
        try:
            os.link(src, dst)
            return dst
        except OSError:
            pass
    shutil.copy2(src, dst)
    os.chmod(dst, os.stat(dst).st_mode | 0o444)
    return dst


def _place(src: Path, target: Path) -> None:
    if src.is_dir():
        # with the compiled files: nobody cannot write them, and compiling numpy each run takes seconds
        shutil.copytree(src, target / src.name, copy_function=_link_or_copy)
    else:
        _link_or_copy(str(src), str(target / src.name))


def _modules_the_cli_loads() -> dict[str, Path]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MPLBACKEND": "Agg"}
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120, check=True
    )
    found = {name: Path(where) for name, where in json.loads(proc.stdout.splitlines()[-1]).items()}
    # a package is its folder; a single-file or extension module is its file
    return {name: (p.parent if p.name.startswith("__init__.") else p) for name, p in found.items()}


def _interpreter(folder: Path) -> str | None:
    """An interpreter of this Python version that ``nobody`` can start and that imports the copied kit."""
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    candidates = [
        getattr(sys, "_base_executable", None),
        sys.executable,
        os.path.realpath(sys.executable),
        shutil.which(f"python{version}"),
        f"/usr/bin/python{version}",
        f"/usr/local/bin/python{version}",
    ]
    check = (
        f"import sys, kit.cli, kit.export; assert sys.version_info[:2] == {sys.version_info[:2]!r}; "
        f"assert kit.__file__.startswith({str(folder)!r}), kit.__file__"  # the copy, not a clone it happens to see
    )
    for python in dict.fromkeys(c for c in candidates if c):
        try:
            proc = subprocess.run(
                [*AS_NOBODY, python, "-c", check],
                capture_output=True,
                cwd="/",
                env={"PYTHONPATH": str(folder), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
                timeout=60,
                stdin=subprocess.DEVNULL,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        if proc.returncode == 0:
            return python
    return None


def _enterable_by_all(folder: Path) -> bool:
    return all(p.stat().st_mode & 0o001 for p in (folder, *folder.parents))


def shared_tempdir(prefix: str) -> Path | None:
    """A new temporary folder (mode 755) that ``nobody`` can enter, or ``None``.

    ``$TMPDIR`` first; if it, or a folder above it, is private, ``/tmp`` or ``/var/tmp``.
    """
    for where in dict.fromkeys([tempfile.gettempdir(), "/tmp", "/var/tmp"]):
        try:
            if not os.path.isdir(where) or not _enterable_by_all(Path(where).resolve()):
                continue
            folder = Path(tempfile.mkdtemp(prefix=prefix, dir=where))
        except OSError:
            continue
        folder.chmod(0o755)
        return folder
    return None


def nobody_runtime() -> tuple[Runtime | None, str]:
    """A :class:`Runtime` for ``nobody`` (and ``""``), or ``None`` and why not (for ``pytest.skip``).

    The caller removes ``runtime.folder`` when done.
    """
    base = shared_tempdir("kit-nobody-")
    if base is None:
        return None, f"no temporary folder that nobody can enter ({tempfile.gettempdir()}, /tmp, /var/tmp)"
    try:
        site = base / "site"
        site.mkdir()
        loaded = _modules_the_cli_loads()  # first: it compiles what it imports
        _place(ROOT / "kit", site)
        for name, where in loaded.items():
            if name != "kit":
                _place(where, site)
                for libs in where.parent.glob(f"{name}*.libs"):  # wheels keep shared libraries beside the package
                    if not (site / libs.name).exists():
                        _place(libs, site)
        for folder, _dirs, _files in os.walk(base):  # made under this umask (077: private)
            os.chmod(folder, 0o755)
        python = _interpreter(site)
        if python is None:
            return _give_up(base, f"no Python {sys.version_info.major}.{sys.version_info.minor} that nobody can start")
        return Runtime(python=python, pythonpath=str(site), folder=base), ""
    except (OSError, subprocess.SubprocessError, ValueError) as exc:
        return _give_up(base, f"could not copy the kit where nobody can read it ({exc})")


def _give_up(base: Path, reason: str) -> tuple[None, str]:
    shutil.rmtree(base, ignore_errors=True)
    return None, reason
