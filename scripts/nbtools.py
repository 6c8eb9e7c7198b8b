"""Keep the lesson notebooks clean and linked: strip outputs, regenerate navigation, check both.

Usage (from the repository root)::

    python scripts/nbtools.py strip   [NOTEBOOK ...]   # drop outputs, execution counts, metadata noise
    python scripts/nbtools.py nav     [NOTEBOOK ...]   # rewrite the navigation cells and the lesson map
    python scripts/nbtools.py check   [NOTEBOOK ...]   # exit 1 if a notebook has outputs or stale navigation

Without arguments every ``notebooks/NN_*.ipynb`` is processed (navigation is
always computed from the whole lesson sequence). The navigation cell is the
LAST cell of each notebook: a Markdown cell whose source starts with
``<!-- nav -->``; ``nav`` appends one if it is missing. The lesson map is a
Markdown cell starting with ``<!-- lessons -->`` (in ``00_start_here``), also
generated from the notebook titles (cell 0: ``# NN · Title``), the first
objective and the time estimate of cell 1 ("- tell X from Y;", "about 20 minutes").

Notebook authors can build a notebook from a list of cells with
:func:`write_notebook` (``md("...")``, ``code("...")``), which writes it
already stripped; then run ``nav``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import nbformat

__all__ = [
    "NAV_MARKER",
    "MAP_MARKER",
    "NOTEBOOKS",
    "md",
    "code",
    "write_notebook",
    "lesson_paths",
    "title",
    "strip",
    "nav_source",
    "map_source",
    "apply_nav",
    "problems",
    "main",
]

NAV_MARKER = "<!-- nav -->"
MAP_MARKER = "<!-- lessons -->"
NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
_NAME = re.compile(r"^\d\d_[a-z0-9_]+\.ipynb$")
_TITLE = re.compile(r"^#\s+(\d\d\s+·\s+.+?)\s*$")
_MINUTES = re.compile(r"about\s+(\d+(?:\s*[–-]\s*\d+)?)\s+minutes", re.IGNORECASE)
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
LANGUAGE_INFO = {"name": "python"}
_KEEP_CELL_METADATA = ("tags",)


# --- building -----------------------------------------------------------------


def md(source: str) -> Any:
    """A Markdown cell (surrounding blank lines removed)."""
    return nbformat.v4.new_markdown_cell(source.strip("\n"))


def code(source: str) -> Any:
    """A code cell (surrounding blank lines removed)."""
    return nbformat.v4.new_code_cell(source.strip("\n"))


def write_notebook(path: str | Path, cells: Sequence[Any]) -> Path:
    """Write ``cells`` as a clean notebook at ``path`` (validated, stripped, stable cell ids)."""
    nb = nbformat.v4.new_notebook(cells=list(cells))
    strip(nb)
    nbformat.validate(nb)
    path = Path(path)
    _write(nb, path)
    return path


def _write(nb: Any, path: Path) -> None:
    text = nbformat.writes(nb)
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")


def _read(path: Path) -> Any:
    return nbformat.read(str(path), as_version=4)


# --- stripping ----------------------------------------------------------------


def strip(nb: Any) -> bool:
    """Remove outputs, execution counts and metadata noise in place; True if anything changed."""
    before = json.dumps(nb, sort_keys=True, default=str)
    nb.metadata = nbformat.from_dict({"kernelspec": dict(KERNELSPEC), "language_info": dict(LANGUAGE_INFO)})
    nb.nbformat, nb.nbformat_minor = 4, 5
    for i, cell in enumerate(nb.cells):
        cell.metadata = nbformat.from_dict({k: v for k, v in cell.metadata.items() if k in _KEEP_CELL_METADATA})
        cell.id = f"cell-{i:02d}"
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return json.dumps(nb, sort_keys=True, default=str) != before


def _dirty(nb: Any) -> list[str]:
    out = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count") is not None):
            out.append(f"cell {i} has outputs or an execution count")
    return out


# --- navigation ---------------------------------------------------------------


def lesson_paths(folder: str | Path = NOTEBOOKS) -> list[Path]:
    """The lesson notebooks ``NN_name.ipynb`` in ``folder``, in lesson order."""
    return sorted(p for p in Path(folder).glob("*.ipynb") if _NAME.match(p.name))


def title(nb: Any) -> str:
    """The notebook's title from cell 0 (``# 02 · Actors`` -> ``"02 · Actors"``)."""
    if not nb.cells or nb.cells[0].cell_type != "markdown":
        raise ValueError("cell 0 must be a Markdown title like '# 02 · Actors'")
    first = nb.cells[0].source.strip().splitlines()[0] if nb.cells[0].source.strip() else ""
    m = _TITLE.match(first)
    if not m:
        raise ValueError(f"cell 0 must start with a title like '# 02 · Actors', not {first!r}")
    return m.group(1)


def _minutes(nb: Any) -> str:
    if len(nb.cells) < 2:
        return ""
    m = _MINUTES.search(nb.cells[1].source)
    return f"about {m.group(1)} minutes" if m else ""


def _goal(nb: Any) -> str:
    """The first objective of cell 1 ("- tell X from Y;" -> "tell X from Y"), for the lesson map."""
    if len(nb.cells) < 2:
        return ""
    for line in nb.cells[1].source.splitlines():
        if line.startswith(("- ", "* ")):
            return line[2:].strip().rstrip(";.,").replace("|", "/")
    return ""


def _link(entry: tuple[str, str]) -> str:
    name, text = entry
    return f"[{text}]({name})"


def nav_source(entries: Sequence[tuple[str, str]], index: int) -> str:
    """The navigation cell for lesson ``index`` of ``entries`` ((file name, title) pairs)."""
    parts = []
    if index > 0:
        parts.append(f"← Previous: {_link(entries[index - 1])}")
    if index != 0:
        parts.append(f"[Lesson map]({entries[0][0]})")
    if index + 1 < len(entries):
        parts.append(f"Next: {_link(entries[index + 1])} →")
    return f"{NAV_MARKER}\n---\n" + " | ".join(parts)


def map_source(entries: Sequence[tuple[str, str, str, str]]) -> str:
    """The lesson map: one row per lesson ((file name, title, first objective, time) tuples)."""
    lines = [MAP_MARKER, "| Lesson | You will… | Time |", "| --- | --- | --- |"]
    lines += [f"| [{t}]({name}) | {goal or '–'} | {minutes or '–'} |" for name, t, goal, minutes in entries]
    return "\n".join(lines)


def _lessons(folder: Path) -> list[tuple[Path, Any]]:
    return [(p, _read(p)) for p in lesson_paths(folder)]


def apply_nav(nb: Any, index: int, entries: Sequence[tuple[str, str]], lesson_map: str) -> bool:
    """Rewrite the navigation cell (appending one if missing) and any lesson map; True if changed."""
    changed = False
    want = nav_source(entries, index)
    last = nb.cells[-1] if nb.cells else None
    if last is not None and last.cell_type == "markdown" and last.source.startswith(NAV_MARKER):
        if last.source != want:
            last.source, changed = want, True
    else:
        nb.cells.append(md(want))
        changed = True
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.startswith(MAP_MARKER) and cell.source != lesson_map:
            cell.source, changed = lesson_map, True
    return changed


def _entries(lessons: Sequence[tuple[Path, Any]]) -> tuple[list[tuple[str, str]], str]:
    entries = [(p.name, title(nb)) for p, nb in lessons]
    lesson_map = map_source([(p.name, title(nb), _goal(nb), _minutes(nb)) for p, nb in lessons])
    return entries, lesson_map


def problems(folder: str | Path = NOTEBOOKS, only: Sequence[Path] = ()) -> list[str]:
    """Everything ``check`` complains about: outputs, bad titles, stale or missing navigation."""
    lessons = _lessons(Path(folder))
    wanted = {p.resolve() for p in only}
    out: list[str] = []
    try:
        entries, lesson_map = _entries(lessons)
    except ValueError as exc:
        return [f"a notebook title is malformed: {exc}"]
    for i, (path, nb) in enumerate(lessons):
        if wanted and path.resolve() not in wanted:
            continue
        out += [f"{path.name}: {msg} (run: python scripts/nbtools.py strip)" for msg in _dirty(nb)]
        if apply_nav(nb, i, entries, lesson_map):
            out.append(f"{path.name}: navigation or lesson map is stale (run: python scripts/nbtools.py nav)")
    return out


# --- command line -------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = argparse.ArgumentParser(description="Strip, link and check the lesson notebooks.")
    parser.add_argument("command", choices=["strip", "nav", "check"])
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebooks (default: notebooks/NN_*.ipynb)")
    parser.add_argument("--folder", type=Path, default=NOTEBOOKS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    folder = args.notebooks[0].resolve().parent if args.notebooks else args.folder
    if args.command == "check":
        found = problems(folder, args.notebooks)
        for line in found:
            print(line)
        if not found:
            print(f"{len(lesson_paths(folder))} notebooks: clean, navigation current")
        return 1 if found else 0
    lessons = _lessons(folder)
    wanted = {p.resolve() for p in args.notebooks}
    entries, lesson_map = _entries(lessons) if args.command == "nav" else ([], "")
    for i, (path, nb) in enumerate(lessons):
        if wanted and path.resolve() not in wanted:
            continue
        changed = strip(nb) if args.command == "strip" else apply_nav(nb, i, entries, lesson_map)
        if changed:
            nbformat.validate(nb)
            _write(nb, path)
            print(f"{args.command}: rewrote {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
