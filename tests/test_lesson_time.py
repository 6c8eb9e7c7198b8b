"""Honest timing: every lesson's estimate is the model's (scripts/lesson_time.py), the guide agrees, the plans add up."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "teacher-guide.md"
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def _script():
    spec = importlib.util.spec_from_file_location("lesson_time", ROOT / "scripts" / "lesson_time.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["lesson_time"] = mod
    spec.loader.exec_module(mod)
    return mod


lt = _script()


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_each_lesson_states_the_model_estimate(path: Path) -> None:
    assert lt.stated_minutes(path) == lt.lesson_minutes(path), (
        f"{path.name}: cell 1 says about {lt.stated_minutes(path)} minutes, the model {lt.lesson_minutes(path)}; "
        "run python scripts/lesson_time.py, fix cell 1, then python scripts/nbtools.py nav"
    )


def test_the_guide_table_gives_the_lessons_estimates() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    for path in LESSONS:
        row = re.search(rf"\| \*\*{path.name[:2]} · [^|]*\*\* \| ~(\d+) min \|", guide)
        assert row, path.name
        assert int(row.group(1)) == lt.stated_minutes(path), path.name


def _plans() -> list[tuple[str, list[tuple[int, int, str]]]]:
    """(plan heading, [(start, end, activity)]) for every minutes table under "## Lesson plans"."""
    text = GUIDE.read_text(encoding="utf-8").split("## Lesson plans", 1)[1].split("\n## ", 1)[0]
    plans = []
    for block in re.split(r"\n(?=\*\*Period|\*\*Session|### )", text):
        rows = [
            (int(m.group(1)), int(m.group(2)), m.group(3))
            for m in re.finditer(r"^\| (\d+)–(\d+) \| (.*) \|$", block, re.M)
        ]
        if rows:
            plans.append((block.splitlines()[0], rows))
    return plans


def test_every_plan_is_contiguous_and_fills_its_period() -> None:
    plans = _plans()
    assert len(plans) >= 6  # one class, two periods, three sessions
    for heading, rows in plans:
        assert rows[0][0] == 0, heading
        for (_, end, _), (start, _, _) in zip(rows, rows[1:]):
            assert end == start, heading
        assert rows[-1][1] in (50, 90), heading


def test_every_plan_row_has_the_time_the_model_gives() -> None:
    minutes = {p.name[:2]: lt.lesson_minutes(p) for p in LESSONS}
    for heading, rows in _plans():
        for start, end, activity in rows:
            quoted = re.search(r"\(model: (\d+) min\)", activity)
            if quoted:
                assert int(quoted.group(1)) <= end - start, (heading, activity[:60])
            full = re.search(r"\*\*(\d\d) · [^*]*\*\* in full", activity)
            if full:
                assert quoted and int(quoted.group(1)) == minutes[full.group(1)], (heading, activity[:60])
                assert end - start >= minutes[full.group(1)], (heading, activity[:60])


def test_the_model_counts_what_a_lesson_asks() -> None:
    md = nbformat.v4.new_markdown_cell(" ".join(["word"] * 150))
    ex = nbformat.v4.new_code_cell("answer = None\ncheck.q1(answer)")
    assert lt.cell_minutes(md, set()) == pytest.approx(1.0)
    assert lt.cell_minutes(ex, set()) == pytest.approx(3.5)
    assert lt.cell_minutes(ex, {"q1"}) == pytest.approx(5.5)
    assert lt.cell_minutes(nbformat.v4.new_markdown_cell("## 💬 Discuss\n\nwhy?"), set()) == 0.0


MINE = ["00", "01", "02", "03", "04", "06", "07"]


@pytest.mark.parametrize("nn", MINE)
def test_demo_cells_use_helpers_not_loops(nn: str) -> None:
    """Code a learner must read has no comprehension or loop: the kit's helpers hide them."""
    path = next(p for p in LESSONS if p.name.startswith(nn))
    nb = nbformat.read(path, as_version=4)
    loops = [
        c.source for c in nb.cells if c.cell_type == "code" and re.search(r"\bfor\b|\bwhile\b|\blambda\b", c.source)
    ]
    assert loops == [], f"{path.name}: move these into a kit helper: {loops}"
