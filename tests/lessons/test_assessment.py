"""Every lesson assesses understanding: judgement exercises with evidence, defensible alternatives,
an exit ticket aimed at a misconception, a place to write under each discussion, Python optional.

Generic over ``kit/lessons/lessonNN.py`` and ``notebooks/NN_*.ipynb`` (the per-exercise contract —
stored solution passes, untouched starter is "not attempted", a known-wrong answer fails with its
teaching message — is in ``test_notebooks.py``).
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import nbformat
import pytest

import kit
from kit.exercises import ExitTicket, MultipleChoice, find_evidence

ROOT = Path(__file__).resolve().parents[2]
LESSONS = sorted(p.stem for p in (ROOT / "kit" / "lessons").glob("lesson[0-9][0-9].py"))
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def module(name: str):
    return importlib.import_module(f"kit.lessons.{name}")


def cells(path: Path):
    return nbformat.read(str(path), as_version=4).cells


@pytest.mark.parametrize("name", LESSONS)
def test_every_lesson_has_a_judgement_with_evidence(name):
    m = module(name)
    assert m.JUDGEMENT, f"{name}: needs at least one judgement exercise"
    for q in m.JUDGEMENT:
        solution = m.SOLUTIONS[q]
        assert isinstance(solution, dict) and "evidence" in solution, f"{name}.{q}: answer with evidence"
        article = getattr(m, "JUDGEMENT_ARTICLE", {}).get(q) or kit.load_article()
        assert find_evidence(article, solution["evidence"]), (
            f"{name}.{q}: the solution's evidence is not in the article"
        )
        assert "reasoning" in getattr(m.check, q)(solution).message, f"{name}.{q}: show the reference reasoning"


@pytest.mark.parametrize("name", LESSONS)
def test_defensible_alternatives_pass(name):
    m = module(name)
    for q in m.JUDGEMENT:
        assert m.ALTERNATIVES.get(q), f"{name}.{q}: a judgement needs a defensible alternative"
    for q, answers in m.ALTERNATIVES.items():
        for answer in answers:
            result = getattr(m.check, q)(answer)
            assert result.correct, f"{name}.{q}: the alternative {answer!r} fails: {result.message}"


@pytest.mark.parametrize("name", LESSONS)
def test_exit_ticket_gives_feedback_for_every_option(name):
    ticket = module(name).exit_ticket
    assert isinstance(ticket, ExitTicket) and len(ticket.questions) == 2
    for mc in ticket.questions:
        assert isinstance(mc, MultipleChoice) and len(mc.options) >= 3
        feedback = list(mc.options.values())
        assert all(len(f) > 20 for f in feedback) and len(set(feedback)) == len(feedback), mc.question
        assert mc.check(mc.correct).correct
        for option in mc.options:
            if option != mc.correct:
                result = mc.check(option)
                assert result.outcome == "incorrect" and result.message == mc.options[option]
    assert "q1." in repr(ticket) and ticket.q2 is ticket.questions[1]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_ends_with_its_exit_ticket(path):
    cs = cells(path)
    i = next(i for i, c in enumerate(cs) if c.cell_type == "markdown" and c.source.startswith("## Exit ticket"))
    assert cs[i + 1].cell_type == "code" and cs[i + 1].source.strip() == "exit_ticket"
    imports = cs[2].source
    assert re.search(r"from kit\.lessons\.lesson\d\d import .*\bexit_ticket\b", imports), path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_discussion_has_a_place_to_write(path):
    cs = cells(path)
    for i, c in enumerate(cs):
        if c.cell_type == "markdown" and re.match(r"(## )?(\*\*)?💬\s*(\*\*)?Discuss", c.source):
            nxt = cs[i + 1]
            assert nxt.cell_type == "markdown" and nxt.source.startswith("✍️ **Your notes"), f"{path.name}: cell {i}"


def _core_prose(path: Path) -> str:
    """The Markdown of a notebook outside its optional sections (## … (optional …) up to the next ##)."""
    text, skipping = [], False
    for c in cells(path):
        if c.cell_type != "markdown":
            continue
        if c.source.startswith("## "):
            skipping = "optional" in c.source.splitlines()[0].lower()
        if not skipping:
            text.append(c.source)
    return "\n".join(text)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_python_is_optional(path):
    """No learner needs comprehensions, .loc, keyword arguments or 0-based offsets to finish a lesson."""
    prose = _core_prose(path)
    for phrase in ("list comprehension", ".loc", "counts from 0", "count from 0", "offset"):
        assert phrase not in prose, f"{path.name}: {phrase!r} outside an optional section"
    m = module(f"lesson{path.name[:2]}")
    for q in dir(m.check):
        first = getattr(m.check, q).hints[0]
        assert ".loc" not in first and not re.search(r"\[[^\]]* for \w+ in ", first), (
            f"{path.name} {q}: first hint needs code"
        )


# --- the teacher guide as a runbook --------------------------------------------------

GUIDE = ROOT / "docs" / "teacher-guide.md"


def _guide_section(title: str) -> str:
    text = GUIDE.read_text(encoding="utf-8")
    return text.split(f"## {title}", 1)[1].split("\n## ", 1)[0]


def test_the_excerpt_is_said_everywhere_it_matters():
    guide = GUIDE.read_text(encoding="utf-8")
    assert "an **excerpt** of a Reuters report" in guide and "NEWPORT, Wales" in guide
    case_file = (ROOT / "kit" / "data" / "reference_case.yaml").read_text(encoding="utf-8")
    assert "is an EXCERPT of a Reuters report" in case_file
    assert "because the excerpt cuts the\n  # report's opening paragraphs that introduced him" in case_file
    for nb in ("00_start_here.ipynb", "01_the_article.ipynb"):
        prose = "\n".join(c.source for c in cells(ROOT / "notebooks" / nb) if c.cell_type == "markdown")
        assert "**excerpt**" in prose and "as Reuters published it opens with a headline" in prose, nb
        assert "the article as Reuters published it" not in prose


def test_the_50_minute_plan_decides_before_it_compares():
    plan = _guide_section("Lesson plans").split("### One 50-minute class", 1)[1].split("\n### ", 1)[0]
    rows = [r for r in plan.splitlines() if r.startswith("| ") and "–" in r.split("|")[1]]
    text = "\n".join(rows)
    assert text.index("Exercises 1 and 2") < text.index("**before**") < text.index("Compare with the reference")
    assert text.index("Compare with the reference") < text.index("*Show the reference coding*")


def test_troubleshooting_covers_what_classes_hit():
    table = _guide_section("Troubleshooting")
    for symptom in ("NameError", "Kernel restarting", "Widgets shown as text", "shows no figure", "Binder"):
        assert symptom in table, symptom


def test_every_discussion_has_a_model_answer():
    answers = _guide_section("Discussion prompts and model answers")
    for path in NOTEBOOKS:
        assert f"({path.name[:2]})" in answers, path.name
    assert answers.count("*Model answer:*") >= len(NOTEBOOKS)


def test_exit_ticket_table_matches_the_lessons():
    table = _guide_section("Assessment: exit tickets and a written analysis")
    for name in LESSONS:
        assert f"\n| {name[-2:]} |" in table, name


def test_differentiation_and_accessibility_sections():
    diff = _guide_section("Differentiation: core, extension, no code")
    for route in ("**Core route", "**Extension.**", "**No-code route.**"):
        assert route in diff
    access = _guide_section("Accessibility")
    assert "alt text" in access and "kit.plots.alt_text(ax)" in access


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_judgement_templates_do_not_give_the_answer_away(path):
    m = module(f"lesson{path.name[:2]}")
    cs = cells(path)
    for q in m.JUDGEMENT:
        i = next(i for i, c in enumerate(cs) if c.cell_type == "code" and f"check.{q}(answer)" in c.source)
        field = next(k for k in m.SOLUTIONS[q] if k != "evidence")
        defensible = [m.SOLUTIONS[q][field]] + [a.get(field) for a in m.ALTERNATIVES.get(q, []) if field in a]
        for text in (cs[i - 1].source, cs[i].source):
            for line in (x for x in text.splitlines() if "answer = {" in x):
                for value in defensible:
                    assert not re.search(rf'"{field}": "?{re.escape(str(value))}"?[,}}]', line), (path.name, q, line)
