"""Every lesson notebook: clean, titled, linked, with checked exercises whose solutions work.

Generic over ``notebooks/NN_*.ipynb`` and ``kit/lessons/lessonNN.py``: a new
notebook or lesson module is covered as soon as it exists. Executing the
notebooks is nbval's job (``make test``); here the exercise solutions are
replayed in-process, in the namespace built by the notebook's own earlier
code cells, so a solution that only works in isolation fails.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import io
import json
import re
import shutil
import statistics
import sys
from pathlib import Path
from typing import Any

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
LESSONS = ROOT / "kit" / "lessons"


def _load_nbtools() -> Any:
    spec = importlib.util.spec_from_file_location("nbtools", ROOT / "scripts" / "nbtools.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["nbtools"] = module
    spec.loader.exec_module(module)
    return module


nbtools = _load_nbtools()
PATHS = nbtools.lesson_paths(NOTEBOOKS)
LESSON_MODULES = sorted(p.stem for p in LESSONS.glob("lesson[0-9][0-9].py"))
CHECK_CALL = re.compile(r"^check\.(\w+)\(answer\)\s*$", re.MULTILINE)
LESSON_IMPORT = re.compile(r"from kit\.lessons\.(lesson\d\d) import")


def read(path: Path) -> Any:
    return nbformat.read(str(path), as_version=4)


def code_cells(nb: Any) -> list[Any]:
    return [c for c in nb.cells if c.cell_type == "code"]


def exercises_in(nb: Any) -> list[str]:
    """Exercise names in notebook order, from the starter cells' ``check.qN(answer)`` calls."""
    return [m for c in code_cells(nb) for m in CHECK_CALL.findall(c.source)]


def lesson_of(nb: Any) -> str | None:
    for cell in code_cells(nb):
        m = LESSON_IMPORT.search(cell.source)
        if m:
            return m.group(1)
    return None


def ids(paths: list[Path]) -> list[str]:
    return [p.stem for p in paths]


def test_there_are_lesson_notebooks():
    assert len(PATHS) >= 4, "notebooks/NN_*.ipynb are missing"
    assert PATHS[0].name == "00_start_here.ipynb"


# --- committed clean -------------------------------------------------------------


@pytest.mark.parametrize("path", PATHS, ids=ids(PATHS))
def test_committed_without_outputs(path):
    nb = read(path)
    nbformat.validate(nb)
    for i, cell in enumerate(code_cells(nb)):
        assert cell.outputs == [], f"{path.name}: a code cell has outputs (run: python scripts/nbtools.py strip)"
        assert cell.execution_count is None, f"{path.name}: code cell {i} has an execution count"
    assert nb.metadata.kernelspec.name == "python3"
    assert nb.metadata.language_info.name == "python"


@pytest.mark.parametrize("path", PATHS, ids=ids(PATHS))
def test_title_objectives_and_imports(path):
    nb = read(path)
    number = path.name[:2]
    assert nb.cells[0].cell_type == "markdown"
    assert re.match(rf"# {number} · \S", nb.cells[0].source), f"{path.name}: cell 0 must be '# {number} · Title'"
    assert nb.cells[1].cell_type == "markdown" and "In this notebook you will" in nb.cells[1].source
    assert re.search(r"about \d+ minutes", nb.cells[1].source), f"{path.name}: cell 1 needs a time estimate"
    assert nb.cells[2].cell_type == "code" and "import kit" in nb.cells[2].source, "cell 2 is the imports cell"


@pytest.mark.parametrize("path", PATHS, ids=ids(PATHS))
def test_code_cells_are_small(path):
    sizes = [len(c.source.strip().splitlines()) for c in code_cells(read(path))]
    assert statistics.median(sizes) <= 3, f"{path.name}: code cells are long (median {statistics.median(sizes)})"
    assert max(sizes) <= 10, f"{path.name}: a code cell has {max(sizes)} lines; move the logic into kit"


def test_navigation_current():
    assert nbtools.problems(NOTEBOOKS) == []
    for path in PATHS:
        last = read(path).cells[-1]
        assert last.cell_type == "markdown" and last.source.startswith(nbtools.NAV_MARKER), path.name


# --- exercises and discussion -----------------------------------------------------


@pytest.mark.parametrize("path", PATHS, ids=ids(PATHS))
def test_exercises_follow_the_pattern(path):
    nb = read(path)
    names = exercises_in(nb)
    assert len(names) >= 2, f"{path.name}: needs at least 2 exercises"
    assert len(set(names)) == len(names), f"{path.name}: an exercise is used twice"
    cells = nb.cells
    for name in names:
        i = next(i for i, c in enumerate(cells) if c.cell_type == "code" and f"check.{name}(answer)" in c.source)
        assert re.search(r"^answer = None\b", cells[i].source, re.MULTILINE), f"{name}: starter must be 'answer = None'"
        assert cells[i - 1].cell_type == "markdown", f"{name}: the task (Markdown) comes right before the starter"
        helper = cells[i + 1]
        assert helper.cell_type == "code"
        assert f"# check.{name}.hint()" in helper.source and f"# check.{name}.solution()" in helper.source


@pytest.mark.parametrize("path", PATHS, ids=ids(PATHS))
def test_has_a_discussion_question(path):
    marker = re.compile(r"💬\s*(\*\*|__)?Discuss")  # "💬 Discuss", bold or not
    assert any(c.cell_type == "markdown" and marker.search(c.source) for c in read(path).cells), (
        f"{path.name}: needs a discussion question marked '💬 Discuss'"
    )


@pytest.mark.parametrize("path", PATHS, ids=ids(PATHS))
def test_notebook_exercises_exist_in_its_lesson(path):
    nb = read(path)
    lesson = lesson_of(nb)
    assert lesson is not None, f"{path.name}: import its checks: from kit.lessons.lessonNN import check"
    assert lesson == f"lesson{path.name[:2]}"
    module = importlib.import_module(f"kit.lessons.{lesson}")
    assert sorted(exercises_in(nb)) == sorted(dir(module.check)), "notebook and lesson module list different exercises"


# --- lesson modules ---------------------------------------------------------------


def test_there_are_lesson_modules():
    assert LESSON_MODULES, "kit/lessons/lessonNN.py are missing"


@pytest.mark.parametrize("name", LESSON_MODULES)
def test_lesson_solutions_starters_and_wrong_answers(name):
    module = importlib.import_module(f"kit.lessons.{name}")
    exercises = dir(module.check)
    assert len(exercises) >= 2
    assert set(module.SOLUTIONS) == set(exercises), "SOLUTIONS needs one value per exercise"
    assert set(module.WRONG) == set(exercises), "WRONG needs one known-wrong answer per exercise"
    for q in exercises:
        ex = getattr(module.check, q)
        solution = module.SOLUTIONS[q]
        assert ex(solution).outcome == "correct", f"{name}.{q}: the stored solution fails"
        assert ex(None).outcome == "not attempted", f"{name}.{q}: the untouched starter"
        wrong, teaching = module.WRONG[q]
        result = ex(wrong)
        assert result.outcome == "incorrect", f"{name}.{q}: a known-wrong answer passes"
        assert teaching in result.message, f"{name}.{q}: message {result.message!r} lacks {teaching!r}"
        assert str(solution) not in result.message, f"{name}.{q}: the message leaks the answer"
        assert ex.solution().code, f"{name}.{q}: no worked solution"


def _run(source: str, ns: dict[str, Any]) -> None:
    lines = [ln for ln in source.splitlines() if not ln.lstrip().startswith(("%", "!"))]
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile("\n".join(lines), "<cell>", "exec"), ns)  # noqa: S102 - our own notebooks


@pytest.mark.parametrize("path", PATHS, ids=ids(PATHS))
def test_solution_code_works_in_the_notebook(path, monkeypatch):
    """Replay the notebook's code cells in order; at each exercise, run solution() code: it must pass."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    monkeypatch.chdir(path.parent)
    nb = read(path)
    module = importlib.import_module(f"kit.lessons.{lesson_of(nb)}")
    ns: dict[str, Any] = {"__name__": "__notebook__"}
    checked = []
    try:
        for cell in code_cells(nb):
            found = CHECK_CALL.findall(cell.source)
            if found:
                q = found[0]
                ex = getattr(module.check, q)
                _run(ex.solution().code, ns)
                assert ex(ns["answer"]).outcome == "correct", f"{path.name} {q}: solution() code gives a wrong answer"
                assert ns["answer"] == module.SOLUTIONS[q], f"{path.name} {q}: SOLUTIONS differs from solution() code"
                checked.append(q)
                continue
            _run(cell.source, ns)
    finally:
        plt.close("all")
    assert checked == exercises_in(nb)


# --- scripts/nbtools.py ----------------------------------------------------------------


@pytest.fixture
def lesson_copy(tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    for path in PATHS:
        shutil.copy(path, folder / path.name)
    return folder


def test_nbtools_check_passes_on_the_repository():
    assert nbtools.main(["check"]) == 0


def test_nbtools_check_fails_on_outputs_then_strip_fixes(lesson_copy, capsys):
    target = lesson_copy / PATHS[1].name
    nb = read(target)
    cell = code_cells(nb)[0]
    cell.execution_count = 3
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="hello\n")]
    nb.metadata["widgets"] = {"state": {}}
    nbformat.write(nb, str(target))
    assert nbtools.main(["check", "--folder", str(lesson_copy)]) == 1
    assert "has outputs" in capsys.readouterr().out
    assert nbtools.main(["strip", "--folder", str(lesson_copy)]) == 0
    assert nbtools.main(["check", "--folder", str(lesson_copy)]) == 0
    clean = read(target)
    assert "widgets" not in clean.metadata
    assert all(c.outputs == [] and c.execution_count is None for c in code_cells(clean))


def test_nbtools_nav_rewrites_stale_and_missing_navigation(lesson_copy, capsys):
    first, second = lesson_copy / PATHS[0].name, lesson_copy / PATHS[1].name
    nb = read(second)
    nb.cells[-1].source = nbtools.NAV_MARKER + "\nold links"
    nbformat.write(nb, str(second))
    nb = read(first)
    nb.cells.pop()  # no navigation cell at all
    nbformat.write(nb, str(first))
    assert nbtools.main(["check", "--folder", str(lesson_copy)]) == 1
    assert "stale" in capsys.readouterr().out
    assert nbtools.main(["nav", "--folder", str(lesson_copy)]) == 0
    assert nbtools.main(["check", "--folder", str(lesson_copy)]) == 0
    assert read(first).cells[-1].source.startswith(nbtools.NAV_MARKER)


def test_nav_cell_links_neighbours_by_title():
    entries = [
        ("00_start_here.ipynb", "00 · Start here"),
        ("01_the_article.ipynb", "01 · The article"),
        ("02_actors.ipynb", "02 · Actors"),
    ]
    middle = nbtools.nav_source(entries, 1)
    assert middle.startswith(nbtools.NAV_MARKER)
    assert "← Previous: [00 · Start here](00_start_here.ipynb)" in middle
    assert "Next: [02 · Actors](02_actors.ipynb) →" in middle
    assert "[Lesson map](00_start_here.ipynb)" in middle
    assert "Previous" not in nbtools.nav_source(entries, 0)
    assert "Next" not in nbtools.nav_source(entries, 2)


def test_lesson_map_lists_every_notebook():
    start = read(PATHS[0])
    maps = [c.source for c in start.cells if c.cell_type == "markdown" and c.source.startswith(nbtools.MAP_MARKER)]
    assert len(maps) == 1, "00_start_here needs one lesson map cell"
    for path in PATHS:
        assert f"({path.name})" in maps[0]
        assert nbtools.title(read(path)) in maps[0]


def test_nbtools_rejects_a_bad_title(lesson_copy):
    target = lesson_copy / PATHS[1].name
    nb = read(target)
    nb.cells[0].source = "Lesson one"
    nbformat.write(nb, str(target))
    assert any("title" in p for p in nbtools.problems(lesson_copy))


def test_notebook_json_is_stable():
    """Files are written the way nbformat writes them, so strip/nav produce no noise diffs."""
    for path in PATHS:
        text = path.read_text(encoding="utf-8")
        assert text.rstrip("\n") == nbformat.writes(read(path)).rstrip("\n"), path.name
        assert json.loads(text)["nbformat"] == 4
