"""`make bench`: run every benchmarks/bench_*.py that has run() and print ONE table.

Each ``run()`` returns rows: dicts ``{"name", "value", "unit", "target", "ok"}``
(ok is True, False, or None for "no target") or tuples ``(name, value, unit[, target[, ok]])``;
a module's ``TARGET_MS`` is the target of its "ms" tuples. A bench that raises
becomes one MISSED row. Results go to stdout only; nothing is
written into the repository. ``--markdown`` prints the table as Markdown (for
docs/performance.md) with the machine it ran on. Exit status 1 if a target is missed.

    .venv/bin/python benchmarks/run.py [--markdown] [--only import,notebooks]
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import os
import platform
import sys
from pathlib import Path
from typing import Any

__all__ = ["collect", "format_table", "machine", "main"]

HERE = Path(__file__).resolve().parent


def collect(only: set[str] | None = None) -> list[dict[str, Any]]:
    """Import each bench_*.py with a run() and gather its rows, in file order."""
    rows: list[dict[str, Any]] = []
    for path in sorted(HERE.glob("bench_*.py")):
        short = path.stem.removeprefix("bench_")
        if only and short not in only:
            continue
        spec = importlib.util.spec_from_file_location(f"_bench_{short}", path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        if callable(getattr(module, "run", None)):
            print(f"running {path.name} ...", file=sys.stderr, flush=True)
            try:
                rows.extend(_row(r, getattr(module, "TARGET_MS", None)) for r in module.run())
            except Exception as exc:  # one broken bench must not hide the others
                message = str(exc).splitlines()[0] if str(exc) else ""
                rows.append(
                    {
                        "name": f"{path.name} failed",
                        "value": f"{type(exc).__name__}: {message}"[:80],
                        "unit": "",
                        "target": "runs",
                        "ok": False,
                    }
                )
    return rows


def _row(raw: Any, target_ms: float | None) -> dict[str, Any]:
    """A row from a dict, or from a tuple (name, value, unit[, target[, ok]]).

    A tuple without target in "ms" from a module with ``TARGET_MS`` gets that target.
    """
    if isinstance(raw, dict):
        return {"target": "", "ok": None, "unit": "", **raw}
    name, value, unit, *rest = raw
    row = {"name": name, "value": value, "unit": unit, "target": "", "ok": None}
    if rest:
        row["target"] = rest[0]
        row["ok"] = rest[1] if len(rest) > 1 else None
    elif target_ms is not None and unit == "ms" and isinstance(value, (int, float)):
        row["target"], row["ok"] = f"< {target_ms:g} ms", value < target_ms
    return row


def _value(row: dict[str, Any]) -> str:
    value = row.get("value")
    if value is None:
        return "-"
    return f"{value:.3g}" if isinstance(value, float) else str(value)


def _ok(row: dict[str, Any]) -> str:
    return {True: "ok", False: "MISSED", None: "n/a"}[row.get("ok")]


def format_table(rows: list[dict[str, Any]], *, markdown: bool = False) -> str:
    """The rows as one plain-text (or Markdown) table."""
    header = ["name", "value", "unit", "target", "ok?"]
    body = [[str(r["name"]), _value(r), str(r.get("unit", "")), str(r.get("target", "")), _ok(r)] for r in rows]
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
        lines += ["| " + " | ".join(cells) + " |" for cells in body]
        return "\n".join(lines)
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return "\n".join(
        [fmt.format(*header), fmt.format(*("-" * w for w in widths)), *(fmt.format(*cells) for cells in body)]
    )


def machine() -> str:
    """One line describing the machine and software the figures come from."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{datetime.date.today()}: {cpu}, {os.cpu_count()} CPUs{mem}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table for docs/performance.md")
    parser.add_argument("--only", default="", help="comma-separated bench names, e.g. import,notebooks")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a figure misses its target")
    args = parser.parse_args(argv)
    rows = collect({s.strip() for s in args.only.split(",") if s.strip()} or None)
    if args.markdown:
        print(f"Measured {machine()}.\n")
    print(format_table(rows, markdown=args.markdown))
    if not args.markdown:
        print(f"\n{machine()}")
    missed = [r for r in rows if r.get("ok") is False]
    if missed:
        print(f"\n{len(missed)} figure(s) missed their target (a loaded machine slows every row: re-run when quiet).")
    return 1 if (args.strict and missed) else 0


if __name__ == "__main__":
    sys.exit(main())
