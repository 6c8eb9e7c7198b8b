"""`import kit` in a fresh interpreter: time (median of 10) and which heavy modules it loads."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from typing import Any

__all__ = ["run", "measure_once"]

HEAVY = ("matplotlib", "pandas", "networkx", "ipywidgets")
TARGET_MS = 300.0
PROBE = (
    "import json, sys, time\n"
    "t = time.perf_counter()\n"
    "import kit\n"
    "t_import = time.perf_counter() - t\n"
    "kit.load_article()\n"
    "t_article = time.perf_counter() - t\n"
    f"print(json.dumps({{'import': t_import, 'article': t_article, "
    f"'heavy': [m for m in {HEAVY!r} if m in sys.modules]}}))\n"
)


def measure_once() -> dict[str, Any]:
    """One fresh subprocess: seconds for `import kit`, for import + load_article(), heavy modules loaded."""
    out = subprocess.run([sys.executable, "-c", PROBE], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def run(repeats: int = 10) -> list[dict[str, Any]]:
    """Rows for benchmarks/run.py."""
    samples = [measure_once() for _ in range(repeats)]
    imp = statistics.median(s["import"] for s in samples) * 1000
    art = statistics.median(s["article"] for s in samples) * 1000
    heavy = sorted({m for s in samples for m in s["heavy"]})
    return [
        {
            "name": f"import kit (fresh process, median of {repeats})",
            "value": imp,
            "unit": "ms",
            "target": f"< {TARGET_MS:.0f} ms",
            "ok": imp < TARGET_MS,
        },
        {
            "name": "import kit + load_article()",
            "value": art,
            "unit": "ms",
            "target": f"< {2 * TARGET_MS:.0f} ms",
            "ok": art < 2 * TARGET_MS,
        },
        {
            "name": "heavy modules after import kit",
            "value": ", ".join(heavy) or "none",
            "unit": "",
            "target": "none of " + "/".join(HEAVY),
            "ok": not heavy,
        },
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
