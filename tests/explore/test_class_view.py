"""The class view: escaped renderers, projected vs teacher view, the heatmap, the explorer, the teacher notebook."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import nbformat
import pytest

import kit
from kit.explore import class_view as cv
from kit.explore.class_explorer import ClassExplorer
from kit.learner.class_files import collect_codings, example_class
from kit.util import esc
from tests.classdata import ROOT, make_example_class

NOTEBOOK = ROOT / "notebooks" / "teacher" / "class_results.ipynb"


@pytest.fixture(scope="module")
def case():
    return kit.load_case()


@pytest.fixture(scope="module")
def results(case):
    return cv.class_results(case, example_class(), samples=200)


def _hostile(case):
    gen = make_example_class()
    data = json.loads(
        gen.coding_file(case, {("john_kerry", "air_strikes"): ("oppose", 3)}, learner="<script>alert(1)</script>")
    )
    data["stances"][0]["why"] = "<img src=x onerror=alert(2)>"  # the StanceCoder's one-line reason
    twin = json.loads(gen.coding_file(case, {("john_kerry", "air_strikes"): ("support", 3)}, learner="Bob"))
    return [("evil.json", json.dumps(data).encode()), ("bob.json", json.dumps(twin).encode())]


def test_learner_text_is_escaped_everywhere(case):
    res = cv.class_results(case, _hostile(case), samples=20)
    page = cv.render_class(res, teacher=True)
    assert "<script>" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=alert(2)&gt;" in page


def test_projected_view_shows_no_names_teacher_view_does(results):
    projected = cv.render_class(results)
    teacher = cv.render_class(results, teacher=True)
    names = [f.name for f in results.files.learners]
    assert not any(n in projected for n in names)
    assert "far from the class consensus" not in projected and "synthetic-damaged.json" not in projected
    assert "far from the class consensus" in teacher and "synthetic-damaged.json" in teacher
    assert "Synthetic learner 07" in cv.render_outliers(results)  # a careless synthetic coder is among the furthest


def test_reliability_table_has_every_position_and_the_words(results, case):
    page = cv.render_reliability(results)
    assert "Krippendorff" in page and "All positions" in page
    for pid in results.agreement.per_position:
        assert results.position_label(pid) in page
    assert f"{results.agreement.overall.alpha:.2f}" in page


def test_contested_pairs_come_first_with_evidence_and_justifications(results):
    page = cv.render_contested(results, top=2)
    first = results.agreement.contested()[0]
    assert page.index(results.actor_name(first[0])) < page.index(
        results.actor_name(results.agreement.contested()[1][0])
    )
    assert "Sentences they chose" in page and "Their reasons" in page and "¶" in page


def test_consensus_beside_the_reference_with_its_reasoning(results, case):
    page = cv.render_consensus(results)
    hammond = next(s for s in case.stances if (s.actor, s.position) == ("philip_hammond", "air_strikes"))
    assert esc(hammond.note) in page and esc(hammond.evidence) in page
    assert "✗ differs" in page and "✓ same" in page


def test_reference_held_out_or_counted(case):
    files = collect_codings(case, example_class())
    held = cv.class_results(case, files, samples=20)
    counted = cv.class_results(case, files, reference=True, samples=20)
    assert cv.REFERENCE not in held.agreement.coders and cv.REFERENCE in counted.agreement.coders
    assert counted.agreement.overall.values > held.agreement.overall.values
    assert "the class and the reference coding" in cv.render_reliability(counted)


def test_heatmap_writes_values_in_cells_uses_safe_colours_and_leaves_rcparams_alone(results):
    import matplotlib
    import matplotlib.pyplot as plt

    before = dict(matplotlib.rcParams)
    ax = cv.plot_class_heatmap(results)
    try:
        assert dict(matplotlib.rcParams) == before
        texts = [t.get_text() for t in ax.texts]
        unit = ("philip_hammond", "air_strikes")
        row = dict(zip(cv.CATEGORIES, results.agreement.counts[unit], strict=True))
        assert any(f"−{row['oppose']}" in t and f"?{row['undecided']}" in t for t in texts)
        assert all("%" in t or t.endswith("split") for t in texts)
        alt = cv.heatmap_alt_text(results)
        assert "Most divided: NATO on Airlifts" in alt and "24 learners" in alt and "2 outlined cells differ" in alt
        legend = {t.get_text() for t in ax.get_legend().get_texts()}
        assert "differs from the reference" in legend
    finally:
        plt.close(ax.figure)


def test_explorer_controls_change_state_not_outputs(case):
    ex = ClassExplorer(case, example_class(), samples=50)
    assert "<img" in ex.html and "alt=" in ex.html
    assert "Synthetic learner" not in ex.html
    ex.teacher.value = True
    assert "Synthetic learner 07" in ex.html
    ex.anonymous.value = True
    assert "Synthetic learner" not in ex.render().split("Learners far from")[1] and "Learner 1" in ex.html
    ex.position.value = "air_strikes"
    assert "Pairs to discuss" in ex.html
    ex.reference.value = True
    assert ex.results.reference_counted
    assert ex.majority_case().stances


# --- the teacher notebook --------------------------------------------------------------------------


def test_notebook_is_committed_clean_with_title_then_purpose():
    nb = nbformat.read(str(NOTEBOOK), as_version=4)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    assert nb.cells[1].cell_type == "markdown" and "In this notebook you will" in nb.cells[1].source
    assert "synthetic" in nb.cells[1].source.lower()
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None
            assert len(cell.source.splitlines()) <= 10
    assert "notebooks/teacher/class_results.ipynb" in (ROOT / "docs" / "teacher-guide.md").read_text(encoding="utf-8")


def _env():
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


@pytest.mark.slow
def test_notebook_runs_under_nbval(tmp_path):
    subprocess.run([sys.executable, "-c", "import matplotlib.pyplot"], check=True, env=_env())
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--nbval-lax",
            "--nbval-current-env",
            str(NOTEBOOK),
        ],
        cwd=tmp_path,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert " passed" in proc.stdout


@pytest.mark.slow
def test_heatmap_shows_twice_in_a_kernel_with_the_inline_backend():
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(
                "import kit\nfrom kit.explore import class_view as cv\n"  # pyplot first loads in the plot
                "res = cv.class_results(kit.load_case(), kit.example_class(), samples=20)"
            ),
            nbformat.v4.new_code_cell("cv.plot_class_heatmap(res);"),
            nbformat.v4.new_code_cell("cv.plot_class_heatmap(res);"),
        ]
    )
    old = dict(os.environ)
    os.environ.clear()
    os.environ.update(_env())
    try:
        NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    finally:
        os.environ.clear()
        os.environ.update(old)
    for cell in nb.cells[1:]:
        assert any("image/png" in o.get("data", {}) for o in cell.outputs), cell.outputs
