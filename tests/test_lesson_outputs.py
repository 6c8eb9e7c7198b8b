"""What every lesson shows, run in a kernel with the real inline backend, as a learner's kernel has it.

``make test`` sets ``MPLBACKEND=Agg`` for speed, which hides what learners
see: with Agg nothing is ever displayed, so a figure that never shows passes.
Here each lesson runs in its own kernel with ``MPLBACKEND`` unset (ipykernel
then picks matplotlib's inline backend, as in JupyterLab, Notebook 7, Voilà
and nbconvert). Every plotting cell must produce a PNG that is not blank, and
so must the same cell run a second time (once, only the first kit figure of a
kernel showed: ``plt.rc_context`` switched ``interactive`` off again). Every
image carries alt text: an ``<img alt>`` in a ``text/html`` copy, because
front ends ignore alt text in an image output's metadata. No table a lesson
shows contains ``None`` or ``NaN``.
"""

from __future__ import annotations

import base64
import io
import os
import re
from pathlib import Path
from typing import Any

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
PLOTTING = re.compile(r"\bplots\.plot_\w+\(|\.plot\(|plt\.")
# a cell of an HTML table that reads None, NaN, nan, <NA> or NaT
MISSING = re.compile(r"<t[dh]\b[^>]*>\s*(None|NaN|nan|&lt;NA&gt;|NaT)\s*</t[dh]>")
CELL_TIMEOUT_S = 180

pytest.importorskip("jupyter_client")
pytestmark = pytest.mark.slow  # a kernel per lesson: about 2 minutes (make test runs it; make check does not)


def _kernel(tmp_path: Path) -> tuple[Any, Any]:
    from jupyter_client.manager import start_new_kernel

    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}  # as a learner's kernel: inline backend
    env["KIT_LEARNER_DIR"] = str(tmp_path / "learner")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    km, kc = start_new_kernel(kernel_name="python3", env=env, cwd=str(ROOT / "notebooks"), startup_timeout=120)
    assert Path(km.kernel_spec.argv[0]).name.startswith("python"), km.kernel_spec.argv
    return km, kc


def _run(kc: Any, code: str) -> list[dict[str, Any]]:
    """Execute ``code``; the display, result, stream and error messages' contents, with their type."""
    seen: list[dict[str, Any]] = []

    def hook(msg: dict[str, Any]) -> None:
        if msg["msg_type"] in ("display_data", "execute_result", "stream", "error"):
            seen.append({"type": msg["msg_type"], **msg["content"]})

    reply = kc.execute_interactive(code, output_hook=hook, timeout=CELL_TIMEOUT_S, allow_stdin=False)
    if reply["content"]["status"] == "error" and not any(o["type"] == "error" for o in seen):
        seen.append({"type": "error", **reply["content"]})
    return seen


def _images(outputs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [o for o in outputs if o["type"] in ("display_data", "execute_result") and "image/png" in o["data"]]


def _problems_with_image(output: dict[str, Any]) -> list[str]:
    """What is wrong with one image output: undecodable, blank, or without alt text."""
    from PIL import Image

    problems = []
    raw = base64.b64decode(output["data"]["image/png"])
    image = Image.open(io.BytesIO(raw)).convert("L")
    if image.width < 50 or image.height < 50:
        problems.append(f"image is only {image.width}x{image.height} px")
    low, high = image.getextrema()
    if high - low < 30:
        problems.append("image is blank (a single colour)")
    page = output["data"].get("text/html", "")
    alt = re.search(r"<img\b[^>]*\balt=(['\"])(.*?)\1", page, re.S)
    if not alt or len(alt.group(2).strip()) < 20:
        problems.append("no text/html <img> with alt text beside the PNG (screen readers get nothing)")
    return problems


def _tables_with_missing(outputs: list[dict[str, Any]]) -> list[str]:
    """The missing-value words in every HTML table shown (a learner should see a blank or "—")."""
    pages = [o["data"].get("text/html", "") for o in outputs if o["type"] in ("display_data", "execute_result")]
    return [m.group(1) for page in pages if "<table" in page for m in MISSING.finditer(page)]


def _errors(outputs: list[dict[str, Any]]) -> list[str]:
    found = [f"{o.get('ename')}: {o.get('evalue')}" for o in outputs if o["type"] == "error"]
    found += [
        o["text"][:300] for o in outputs if o["type"] == "stream" and o["name"] == "stderr" and "Traceback" in o["text"]
    ]
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_figure_shows_and_no_table_shows_none(path: Path, tmp_path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    km, kc = _kernel(tmp_path)
    problems: list[str] = []
    plotting_cells = 0
    try:
        backend = _run(kc, "import matplotlib; print(matplotlib.get_backend())")
        assert "inline" in "".join(o.get("text", "") for o in backend), f"kernel backend: {backend}"
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            where = f"{path.name} cell {index} ({cell.source.splitlines()[0][:50]!r})"
            outputs = _run(kc, cell.source)
            problems += [f"{where}: {e}" for e in _errors(outputs)]
            missing = _tables_with_missing(outputs)
            if missing:
                problems.append(f"{where}: a table shows {sorted(set(missing))} ({len(missing)} cells)")
            images = _images(outputs)
            for image in images:
                problems += [f"{where}: {p}" for p in _problems_with_image(image)]
            if not PLOTTING.search(cell.source):
                continue
            plotting_cells += 1
            if not images:
                problems.append(f"{where}: a plotting cell showed no image")
            again = _images(_run(kc, cell.source))  # the same cell, run again, must show it again
            if len(again) != max(1, len(images)):
                problems.append(f"{where}: run a second time, it showed {len(again)} image(s)")
            for image in again:
                problems += [f"{where} (second run): {p}" for p in _problems_with_image(image)]
        state = _run(kc, "import matplotlib.pyplot as plt; print(matplotlib.is_interactive(), len(plt.get_fignums()))")
        text = "".join(o.get("text", "") for o in state).split()
        if plotting_cells and text[:1] != ["True"]:  # the inline backend switches it on with the first figure
            problems.append(f"{path.name}: matplotlib.is_interactive() is {text[:1]} after the lesson")
        if text[1:] != ["0"]:
            problems.append(f"{path.name}: {text[1:]} figure(s) left open in pyplot after the lesson")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    assert not problems, "\n".join(problems)
    print(f"{path.name}: {plotting_cells} plotting cell(s), each shown twice")


def test_plotting_cells_are_found() -> None:
    """The lessons do have plotting cells, so the test above checks something."""
    found = [
        c
        for p in NOTEBOOKS
        for c in nbformat.read(p, as_version=4).cells
        if c.cell_type == "code" and PLOTTING.search(c.source)
    ]
    assert len(found) >= 4, "expected the lessons' kit.plots cells"


def test_missing_values_are_caught() -> None:
    """The table check sees what pandas shows for missing values."""
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"a": [None, 1.0], "b": pd.Series(["x", None], dtype=object)})
    found = _tables_with_missing([{"type": "execute_result", "data": {"text/html": frame.to_html()}}])
    assert sorted(found) == ["NaN", "None"]
