"""Keep JupyterLab's notebook shortcuts off the widgets' own keys (writes binder-settings/overrides.json).

In command mode JupyterLab binds single keys (arrows, A, B, D D, X, Enter...)
to notebook actions whenever anything in a cell has focus. Text boxes are
exempt, but a focused list, dropdown, radio button, checkbox or button is not:
ArrowDown in an explorer's actor list moves to the next cell instead of the
next actor, and "b" inserts a cell (jupyter-widgets/ipywidgets#3912, open).
This script re-binds each of those shortcuts with the same keys and a
selector that skips such controls, and disables the original, in the settings
Binder (postBuild) and ``make lab`` install. It reads the shortcuts from the
installed JupyterLab, so re-run it after upgrading JupyterLab; a test checks
that the file covers every such shortcut.

    .venv/bin/python scripts/widget_keys.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

SELECTOR = ".jp-Notebook.jp-mod-commandMode:not(.jp-mod-readWrite) :focus"
#: the controls that keep their keys (ipywidgets renders lists and dropdowns as <select>)
CONTROLS = ":not(select):not(input):not(button)"
PLUGIN = "@jupyterlab/shortcuts-extension:shortcuts"
OVERRIDES = Path(__file__).resolve().parent.parent / "binder-settings" / "overrides.json"


def command_mode_shortcuts(prefix: Path = Path(sys.prefix)) -> list[dict[str, Any]]:
    """The installed JupyterLab's default shortcuts that fire on any focused element in a notebook."""
    found = []
    for schema in sorted((prefix / "share" / "jupyter" / "lab" / "schemas").rglob("*.json")):
        try:
            data = json.loads(schema.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        for shortcut in data.get("jupyter.lab.shortcuts", []) if isinstance(data, dict) else []:
            if shortcut.get("selector") == SELECTOR and shortcut.get("keys") and any(shortcut["keys"]):
                found.append({k: shortcut[k] for k in ("command", "keys", "selector", "args") if k in shortcut})
    return found


def rebound(shortcuts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each shortcut disabled, plus the same shortcut on a selector that skips widget controls."""
    out = []
    for s in shortcuts:
        out.append({**s, "disabled": True})
        out.append({**s, "selector": SELECTOR + CONTROLS})
    return out


def main() -> int:
    shortcuts = command_mode_shortcuts()
    if not shortcuts:
        print("no JupyterLab shortcut schemas found: run this with the project's .venv/bin/python", file=sys.stderr)
        return 2
    settings = json.loads(OVERRIDES.read_text(encoding="utf-8"))
    settings[PLUGIN] = {"shortcuts": rebound(shortcuts)}
    OVERRIDES.write_text(json.dumps(settings, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{OVERRIDES}: {len(shortcuts)} notebook shortcuts re-bound to skip widget controls")
    return 0


if __name__ == "__main__":
    sys.exit(main())
