"""The Binder (repo2docker) configuration, checked fast; and one slow full rehearsal without Docker."""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = Path(__import__("sys").prefix) / "share" / "jupyter" / "lab" / "schemas"


def _overrides() -> dict:
    return json.loads((ROOT / "binder-settings" / "overrides.json").read_text(encoding="utf-8"))


def test_runtime_is_python_major_minor() -> None:
    assert re.fullmatch(r"python-3\.\d+\n?", (ROOT / "runtime.txt").read_text()), "runtime.txt must read python-3.X"
    assert (ROOT / "runtime.txt").read_text().strip() == "python-3.11"


def test_root_config_is_not_shadowed_by_a_binder_folder() -> None:
    # repo2docker reads binder/ or .binder/ when present and then ignores the root files.
    assert not (ROOT / "binder").exists() and not (ROOT / ".binder").exists()


def test_requirements_are_pinned_and_do_not_install_the_kit() -> None:
    lines = [ln.split("#")[0].strip() for ln in (ROOT / "requirements.txt").read_text().splitlines()]
    reqs = [ln for ln in lines if ln]
    assert reqs, "requirements.txt is empty"
    for req in reqs:
        assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[\w.]+", req), f"not pinned with ==: {req!r}"
    names = {r.split("==")[0].lower().replace("_", "-") for r in reqs}
    assert {"jupyterlab", "ipywidgets", "jupyterlab-widgets", "ipykernel"} <= names


def test_postbuild_is_strict_and_installs_the_kit_without_deps() -> None:
    post = ROOT / "postBuild"
    text = post.read_text()
    assert text.startswith("#!/bin/bash\n")
    assert "set -euo pipefail" in text
    assert os.access(post, os.X_OK), "postBuild must be executable (chmod +x postBuild)"
    assert re.search(r"python -m pip install .*--no-deps \.\s*$", text, re.M)
    assert "share/jupyter/lab/settings" in text and "binder-settings/overrides.json" in text
    subprocess.run(["bash", "-n", str(post)], check=True)


@pytest.mark.parametrize(
    ("plugin", "key"),
    [
        ("@jupyterlab/notebook-extension:tracker", "windowingMode"),
        ("@jupyterlab/notebook-extension:tracker", "autoStartDefaultKernel"),
        ("@jupyterlab/notebook-extension:tracker", "kernelShutdown"),
        ("@jupyterlab/apputils-extension:notification", "fetchNews"),
        ("@jupyterlab/apputils-extension:notification", "checkForUpdates"),
    ],
)
def test_overrides_are_valid_for_the_installed_jupyterlab(plugin: str, key: str) -> None:
    value = _overrides()[plugin][key]
    package, name = plugin.split(":")
    schema = json.loads((SCHEMAS / package / f"{name}.json").read_text(encoding="utf-8"))
    prop = schema["properties"][key]
    if "oneOf" in prop:
        assert value in [c["const"] for c in prop["oneOf"]], f"{plugin} {key}={value!r} not allowed"
    else:
        assert isinstance(value, bool) and prop["type"] == "boolean"


def test_overrides_turn_off_windowing_and_news() -> None:
    data = _overrides()
    assert data["@jupyterlab/notebook-extension:tracker"]["windowingMode"] == "none"
    # a notebook with no or an unknown kernel starts Python instead of asking ("Select Kernel");
    # closing a lesson stops its kernel (about 130 MB each: Binder gives 1-2 GB)
    assert data["@jupyterlab/notebook-extension:tracker"]["autoStartDefaultKernel"] is True
    assert data["@jupyterlab/notebook-extension:tracker"]["kernelShutdown"] is True
    assert data["@jupyterlab/apputils-extension:notification"] == {"fetchNews": "false", "checkForUpdates": False}


def test_readme_links_binder_to_the_first_notebook() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "urlpath=lab/tree/notebooks/00_start_here.ipynb" in text
    assert "https://mybinder.org/badge_logo.svg" in text
    assert (ROOT / "notebooks" / "00_start_here.ipynb").exists() or not any((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.slow
def test_binder_rehearsal(tmp_path: Path) -> None:
    """scripts/rehearse_binder.sh: fresh venv, postBuild, import kit, one notebook headless."""
    start = time.monotonic()
    proc = subprocess.run(
        ["bash", str(ROOT / "scripts" / "rehearse_binder.sh"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=1800,
        env={k: v for k, v in os.environ.items() if k not in ("MPLBACKEND", "KIT_LEARNER_DIR")},
    )
    print(f"rehearsal took {time.monotonic() - start:.0f}s")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "REHEARSAL OK" in proc.stdout
    settings = next((tmp_path / "venv").glob("share/jupyter/lab/settings/overrides.json"))
    data = json.loads(settings.read_text())
    assert data["@jupyterlab/notebook-extension:tracker"]["windowingMode"] == "none"
    assert data["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    executed = nbformat.read(tmp_path / "executed.ipynb", as_version=4)
    code = [c for c in executed.cells if c.cell_type == "code"]
    assert code and all(c.execution_count for c in code), "not every code cell ran"
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]
    assert not list((tmp_path / "venv").glob("lib/python*/site-packages/__editable__*kit*")), (
        "kit must be a real install"
    )
