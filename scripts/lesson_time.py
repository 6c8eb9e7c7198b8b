"""How long a lesson takes, estimated from what it asks of a learner (not timed with a class).

Usage (from the repository root)::

    python scripts/lesson_time.py            # a table: each lesson and section, model minutes, the stated estimate
    python scripts/lesson_time.py --check    # exit 1 if a lesson's stated "about N minutes" is not the model's

The model, per lesson or ``##`` section (the teacher guide quotes it):

* reading: Markdown words at 150 words a minute;
* running: 30 seconds per code cell;
* an exercise: 3 minutes, a judgement exercise (a decision with evidence) 5;
* an explorer, the StanceCoder or a reveal button: 3 minutes each;
* the exit ticket: 3 minutes.

Sections marked optional are left out. The 💬 discussion, the ✍️ notes and
written tasks (07's analysis) are extra (teacher-led: 5-10 minutes). A
lesson's estimate is the model rounded to 5 minutes. To check it in your own
setting, time one learner (or yourself at a learner's pace, times 1.5) from the
first cell to the exit ticket.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import nbformat

__all__ = ["WPM", "cell_minutes", "lesson_minutes", "section_minutes", "stated_minutes", "main"]

ROOT = Path(__file__).resolve().parents[1]
WPM = 150
_CHECK = re.compile(r"^check\.(q\d+)\(answer\)", re.M)
_WIDGET = re.compile(r"Explorer\(|StanceCoder\(|reference_coding\(|^explore\(", re.M)
_STATED = re.compile(r"about (\d+) minutes")


def _judgements(nb: nbformat.NotebookNode) -> set[str]:
    source = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    found = re.search(r"from kit\.lessons\.(lesson\d\d) import", source)
    if not found:
        return set()
    sys.path.insert(0, str(ROOT))
    return set(getattr(importlib.import_module(f"kit.lessons.{found.group(1)}"), "JUDGEMENT", ()))


def cell_minutes(cell: nbformat.NotebookNode, judgements: set[str]) -> float:
    """The model's minutes for one cell."""
    if cell.cell_type == "markdown":
        if cell.source.startswith("<!-- nav") or "💬" in cell.source or cell.source.startswith("✍️"):
            return 0.0
        return len(re.findall(r"\w+", cell.source)) / WPM
    minutes = 0.5
    for name in _CHECK.findall(cell.source):
        minutes += 5 if name in judgements else 3
    if _WIDGET.search(cell.source):
        minutes += 3
    if cell.source.strip() == "exit_ticket":
        minutes += 3
    return minutes


def section_minutes(path: Path) -> list[tuple[str, float]]:
    """(section title, model minutes) for each ``##`` section (the part before the first: "start")."""
    nb = nbformat.read(path, as_version=4)
    judgements = _judgements(nb)
    out: list[tuple[str, float]] = [("start", 0.0)]
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.startswith("## "):
            out.append((cell.source.splitlines()[0][3:].strip(), 0.0))
        title, minutes = out[-1]
        out[-1] = (title, minutes + cell_minutes(cell, judgements))
    return out


def lesson_minutes(path: Path) -> int:
    """The model's estimate for a whole lesson without its optional sections, rounded to 5 minutes."""
    total = sum(m for title, m in section_minutes(path) if "optional" not in title.lower())
    return int(5 * round(total / 5))


def stated_minutes(path: Path) -> int | None:
    """The "about N minutes" a lesson states in its cell 1."""
    nb = nbformat.read(path, as_version=4)
    found = _STATED.search(nb.cells[1].source) if len(nb.cells) > 1 else None
    return int(found.group(1)) if found else None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a stated estimate is not the model's")
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    bad = 0
    for path in paths:
        model, stated = lesson_minutes(path), stated_minutes(path)
        flag = "" if model == stated else "  <- differs"
        bad += bool(flag)
        print(f"{path.name}: model {model} min, stated {stated}{flag}")
        if not args.check:
            for title, minutes in section_minutes(path):
                print(f"    {minutes:5.1f}  {title}")
    return 1 if args.check and bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
