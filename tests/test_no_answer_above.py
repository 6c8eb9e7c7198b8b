"""No answer on screen before the learner answers: each lesson run top to bottom (as *Run All* does).

Two checks on the outputs of the executed notebooks:

* every output the kit marks as an answer (:data:`kit.explore.reveal.ANSWER_ATTR`,
  naming the exercises it answers, e.g. ``04:q1``) comes *after* the check cell of
  every exercise it names (``04:coder`` names the StanceCoder's cell);
* for the answers no renderer marks (a value, a name), the answer's text does not
  appear in the outputs between the exercise before and the exercise's check cell.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import nbformat
import pytest

from kit.explore.reveal import answer_html, answers_in

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
CHECK = re.compile(r"^check\.(q\d+)\(answer\)\s*$", re.MULTILINE)

#: notebook -> exercise -> patterns its answer must not match in the outputs above its check cell
#: (from the previous exercise's check cell on; "*" = from the top of the notebook).
UNMARKED: dict[str, dict[str, tuple[str, list[str]]]] = {
    "02_actors.ipynb": {"q2": ("q1", [r"united_kingdom", r"United Kingdom"])},  # London stands for…
    "03_voices_and_sources.ipynb": {"q3": ("*", [r"anonymous[^.<]{0,60}?\d+(?:\.\d+)?\s?%"])},  # the share
    # the state that stands alone at the level of states
    "06_coalitions.ipynb": {
        "q3": ("*", [r"United States is in (?:the core group|NATO) but", r"United States stands alone"])
    },
    # the reference table's Steinmeier row (Exercise 1's answer), anywhere above the last exercise
    "04_positions.ipynb": {"q3": ("*", [r"(?:Frank-Walter Steinmeier|frank_walter_steinmeier)\s+conditional\b"])},
}
#: notebook -> the marked answers that must be on screen after Run All (so the check can fail).
SHOWN: dict[str, set[str]] = {"06_coalitions.ipynb": {"06:q3"}}
#: notebook -> the one-line cell a marker's ``NN:name`` refers to, for names that are not exercises.
ANCHORS = {"coder": "kit.StanceCoder(case)"}
LESSONS = ["02_actors.ipynb", "03_voices_and_sources.ipynb", "04_positions.ipynb", "06_coalitions.ipynb"]


def output_text(cell: Any) -> str:
    """Every text an output of ``cell`` carries (plain, HTML, Markdown, stream; images left out)."""
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            parts.append(out.get("text", ""))
        for mime, value in out.get("data", {}).items():
            if mime.startswith("text/") or mime == "application/vnd.jupyter.widget-view+json":
                text = value if isinstance(value, str) else "".join(value) if isinstance(value, list) else str(value)
                text = re.sub(r"data:image/[a-z]+;base64,[A-Za-z0-9+/=]+", "", text)
                parts.append(text)
                if mime == "text/html":  # and as read on screen: a table row is one line of words
                    parts.append(re.sub(r"\s+", " ", re.sub(r"<[^>]*>", " ", text)))
    return "\n".join(parts)


def positions(nb: Any) -> dict[str, int]:
    """Exercise name (and anchor name) -> index of its check cell."""
    found: dict[str, int] = {}
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for name in CHECK.findall(cell.source):
            found[name] = i
        for name, source in ANCHORS.items():
            if source in cell.source:
                found[name] = i
    return found


def problems(nb: Any, lesson: str, unmarked: dict[str, tuple[str, list[str]]]) -> list[str]:
    """Every answer on screen too early, one line each (empty: none)."""
    where = positions(nb)
    number = lesson[:2]
    found = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for marker in answers_in(output_text(cell)):
            nn, _, name = marker.partition(":")
            if nn != number:
                continue
            if name not in where:
                found.append(f"cell {i}: answer marker {marker} names no exercise or anchor of {lesson}")
            elif i <= where[name]:
                found.append(f"cell {i}: the answer to {marker} is on screen above its check (cell {where[name]})")
    for name, (since, patterns) in unmarked.items():
        start = 0 if since == "*" else where[since] + 1
        for i in range(start, where[name]):
            text = output_text(nb.cells[i]) if nb.cells[i].cell_type == "code" else ""
            for pattern in patterns:
                if re.search(pattern, text):
                    found.append(f"cell {i}: {pattern!r} (the answer to {name}) is on screen above its check")
    return found


@pytest.fixture(scope="module")
def executed(tmp_path_factory) -> dict[str, Any]:
    from nbclient import NotebookClient

    done = {}
    for name in LESSONS:
        nb = nbformat.read(NOTEBOOKS / name, as_version=4)
        client = NotebookClient(
            nb, timeout=240, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
        )
        client.execute()
        done[name] = nb
    return done


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSONS)
def test_no_answer_above_its_exercise(executed: dict[str, Any], lesson: str) -> None:
    nb = executed[lesson]
    assert problems(nb, lesson, UNMARKED.get(lesson, {})) == []
    shown = {m for c in nb.cells if c.cell_type == "code" for m in answers_in(output_text(c))}
    assert SHOWN.get(lesson, set()) <= shown, f"{lesson}: the marked answers {SHOWN[lesson]} should show below"


@pytest.mark.slow
def test_the_reference_coding_stays_hidden_after_run_all(executed: dict[str, Any]) -> None:
    nb = executed["04_positions.ipynb"]
    cells = [c for c in nb.cells if c.cell_type == "code" and c.source.strip() == "reference_coding(case)"]
    assert len(cells) == 1
    text = output_text(cells[0])
    assert "hidden" in text and not answers_in(text)
    assert positions(nb)["q3"] < nb.cells.index(cells[0])


def _fake(cells: list[tuple[str, str]]) -> Any:
    """A notebook of (source, html output) code cells, as if executed."""
    nb = nbformat.v4.new_notebook()
    for source, html in cells:
        cell = nbformat.v4.new_code_cell(source)
        if html:
            cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": html, "text/plain": "x"})]
        nb.cells.append(cell)
    return nb


def test_the_checker_sees_a_marked_answer_above_its_exercise() -> None:
    key = answer_html("<table>…</table>", answers=["04:q1"])
    above = _fake([("kit.StanceCoder(case)", ""), ("x", key), ("answer = None\ncheck.q1(answer)", "")])
    below = _fake([("answer = None\ncheck.q1(answer)", ""), ("x", key)])
    assert (
        problems(above, "04_positions.ipynb", {}) and "above its check" in problems(above, "04_positions.ipynb", {})[0]
    )
    assert problems(below, "04_positions.ipynb", {}) == []


def test_the_checker_sees_an_unmarked_answer_in_its_window() -> None:
    nb = _fake(
        [("answer = None\ncheck.q1(answer)", ""), ("aliases", "('Britain', 'London')"), ("check.q2(answer)", "")]
    )
    nb.cells[2].source = "answer = None\ncheck.q2(answer)"
    assert problems(nb, "02_actors.ipynb", {"q2": ("q1", [r"London"])})
    assert problems(nb, "02_actors.ipynb", {"q2": ("q1", [r"Narnia"])}) == []
