"""The JupyterLab settings Binder and ``make lab`` install (binder-settings/overrides.json)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _widget_keys():
    spec = importlib.util.spec_from_file_location("widget_keys", ROOT / "scripts" / "widget_keys.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_notebook_shortcut_on_focused_controls_is_rebound():
    """Each command-mode shortcut of the installed JupyterLab that would fire on a focused
    list, dropdown or button is disabled and re-bound to skip widget controls (re-run
    scripts/widget_keys.py after upgrading JupyterLab if this fails)."""
    keys = _widget_keys()
    installed = keys.command_mode_shortcuts()
    assert len(installed) > 20  # arrows, letters, Enter... (38 in JupyterLab 4.6)
    settings = json.loads((ROOT / "binder-settings" / "overrides.json").read_text(encoding="utf-8"))
    written = settings[keys.PLUGIN]["shortcuts"]
    assert written == keys.rebound(installed)
    for entry in written:
        assert (
            entry["disabled"] is True
            if entry["selector"] == keys.SELECTOR
            else entry["selector"].endswith(keys.CONTROLS)
        )
    commands = {(s["command"], tuple(s["keys"])) for s in installed}
    assert ("notebook:move-cursor-down", ("ArrowDown",)) in commands and (
        "notebook:insert-cell-below",
        ("B",),
    ) in commands


def test_the_other_binder_settings_stay():
    settings = json.loads((ROOT / "binder-settings" / "overrides.json").read_text(encoding="utf-8"))
    assert settings["@jupyterlab/notebook-extension:tracker"]["windowingMode"] == "none"
    assert settings["@jupyterlab/apputils-extension:notification"]["checkForUpdates"] is False
