"""What learners see, after Run All, at JupyterLab's default layout on a laptop screen.

For every lesson (``notebooks/NN_*.ipynb``, picked up automatically) at a
1280 x 800 window with the file browser open, as JupyterLab starts:

* no error output, no widget error (as ``test_browser`` checks);
* no empty figure: every plotting cell shows an image that loaded, no
  ``<Figure size … with 0 Axes>`` text, no explorer with an empty view;
* every figure has alt text, and its smallest text is at least 11 px as shown
  (the size drawn, ``data-min-text-px``, times the scale the page shows the
  image at: its rendered width over its width in pixels);
* every table fits the notebook's width and shows no ``None`` or ``NaN``;
* no answer the kit marks (``data-kit-answer``, :mod:`kit.explore.reveal`) shows
  above the check cell of an exercise it answers; 04's reference coding shows
  only after its button is pressed;
* no control label is cut off: every widget label, button, toggle and
  checkbox shows its whole text (rendered text width, ``scrollWidth``, within
  its box, ``clientWidth``), and every option of a list or drop-down fits the
  box it is shown in (its text measured in the control's font).

Each lesson is saved as one tall screenshot (``NN_name.png``) plus one per
figure or explorer output, named after what the cell shows
(``05_coalitions-plot_network.png``, ``05_coalitions-CoalitionExplorer.png``),
in ``$KIT_E2E_ARTIFACTS`` or a temp folder printed at the end: never in the
repository. ``make screenshots`` also writes the per-output pictures, with
fewer colours, to ``docs/screenshots/`` (``$KIT_SCREENSHOTS_DIR``) for the
teacher guide's "what learners should see".
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import nbformat
import pytest

from .conftest import NOTEBOOKS, Lab
from .test_browser import Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: A laptop screen; JupyterLab opens with its file browser beside the notebook.
VIEWPORT = {"width": 1280, "height": 800}
MIN_TEXT_PX = 11
PLOTTING = re.compile(r"\bplots\.plot_\w+\(")
EXPLORER = re.compile(r"\b(ArticleExplorer|VoicesExplorer|CoalitionExplorer|StanceCoder|CaseBuilder)\(")
TALLEST_SHOT = 20_000

# Runs in the page: every cut-off label and every option wider than its box, per code cell.
_CUT_OFF = r"""
() => {
  const canvas = document.createElement('canvas').getContext('2d');
  const found = [];
  const cells = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell')];
  const hasText = el => [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  cells.forEach((cell, index) => {
    const area = cell.querySelector('.jp-OutputArea');
    if (!area) return;
    for (const el of area.querySelectorAll('.jupyter-widgets *, .jupyter-widgets')) {
      if (!el.getClientRects().length || !(hasText(el) || el.matches('button'))) continue;
      if (el.closest('.widget-output')) continue;  // an explorer's view is prose, wrapped
      const style = getComputedStyle(el);
      if (!['hidden', 'clip'].includes(style.overflowX) && style.textOverflow !== 'ellipsis') continue;
      if (el.scrollWidth > el.clientWidth + 1)
        found.push({cell: index, what: el.tagName.toLowerCase() + '.' + [...el.classList].join('.'),
                    text: el.innerText.trim(), needs: el.scrollWidth, has: el.clientWidth});
    }
    for (const select of area.querySelectorAll('select')) {
      if (!select.getClientRects().length) continue;
      const style = getComputedStyle(select);
      canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      for (const option of select.options) {
        const needs = Math.ceil(canvas.measureText(option.text).width);
        if (needs > room + 1)
          found.push({cell: index, what: 'option', text: option.text, needs, has: Math.floor(room)});
      }
    }
  });
  return found;
}
"""

# Runs in the page: every image in an output, with what the test needs to judge it.
_IMAGES = r"""
() => [...document.querySelectorAll('.jp-Notebook .jp-CodeCell')].flatMap((cell, index) =>
  [...cell.querySelectorAll('.jp-OutputArea img')].map(img => ({
    cell: index, alt: img.getAttribute('alt') || '', complete: img.complete,
    natural: img.naturalWidth, shown: img.getBoundingClientRect().width,
    minTextPx: img.dataset.minTextPx === undefined ? null : parseFloat(img.dataset.minTextPx)})))
"""

# Runs in the page: every table in an output, its width against the output's, and any None/NaN cell.
_TABLES = r"""
() => [...document.querySelectorAll('.jp-Notebook .jp-CodeCell')].flatMap((cell, index) =>
  [...cell.querySelectorAll('.jp-OutputArea-output table')].map(table => ({
    cell: index, needs: table.scrollWidth, has: table.closest('.jp-OutputArea-output').clientWidth,
    missing: [...table.querySelectorAll('td, th')].map(c => c.innerText.trim())
      .filter(t => ['None', 'NaN', 'nan', '<NA>', 'NaT'].includes(t)).length})))
"""

_CELL_STATE = r"""
() => [...document.querySelectorAll('.jp-Notebook .jp-CodeCell')].map(cell => ({
  images: cell.querySelectorAll('.jp-OutputArea img').length,
  text: [...cell.querySelectorAll('.jp-OutputArea-output')].map(o => o.innerText).join('\n'),
  emptyViews: [...cell.querySelectorAll('.widget-output')].filter(o => !o.innerText.trim() && !o.querySelector('img')).length,
}))
"""


def _lessons() -> list[Any]:
    names = sorted(p.name for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    return names or [pytest.param(None, marks=pytest.mark.skip(reason="notebooks/ has no lessons yet"))]


def cut_off_labels(page: Any) -> list[str]:
    """Every control label or option that does not show its whole text."""
    return [
        f"cell {f['cell']}: {f['what']} {f['text']!r} needs {f['needs']} px, has {f['has']} px"
        for f in page.evaluate(_CUT_OFF)
    ]


def figure_problems(page: Any, sources: list[str]) -> tuple[list[str], list[dict[str, Any]]]:
    """Empty or unreadable figures: (problems, the images measured)."""
    problems = []
    images = page.evaluate(_IMAGES)
    for img in images:
        where = f"cell {img['cell']} image"
        if not img["complete"] or not img["natural"]:
            problems.append(f"{where}: did not load (empty figure)")
            continue
        if len(img["alt"].strip()) < 20:
            problems.append(f"{where}: no alt text ({img['alt']!r})")
        if img["minTextPx"] is None:
            problems.append(f"{where}: no data-min-text-px (not drawn by the kit: text size unknown)")
            continue
        shown_px = img["minTextPx"] * img["shown"] / img["natural"]
        img["shown_text_px"] = round(shown_px, 1)
        if shown_px < MIN_TEXT_PX:
            problems.append(
                f"{where}: smallest text {shown_px:.1f} px as shown (drawn {img['minTextPx']} px, "
                f"image {img['natural']} px shown at {img['shown']:.0f} px); needs {MIN_TEXT_PX} px"
            )
    for index, (source, state) in enumerate(zip(sources, page.evaluate(_CELL_STATE), strict=True)):
        if re.search(r"<Figure size [\d.]+x[\d.]+ with 0 Axes>", state["text"]):
            problems.append(f"cell {index}: an empty figure ('with 0 Axes')")
        if PLOTTING.search(source) and not state["images"]:
            problems.append(f"cell {index}: {source.strip().splitlines()[-1]!r} shows no figure")
        if EXPLORER.search(source) and state["emptyViews"]:
            problems.append(f"cell {index}: an explorer shows an empty view")
    return problems, images


def table_problems(page: Any) -> list[str]:
    """Tables wider than the notebook or showing None/NaN."""
    problems = []
    for t in page.evaluate(_TABLES):
        if t["needs"] > t["has"] + 1:
            problems.append(f"cell {t['cell']}: a table {t['needs']} px wide in an output {t['has']} px wide")
        if t["missing"]:
            problems.append(f"cell {t['cell']}: a table shows None/NaN in {t['missing']} cell(s)")
    return problems


def shot_name(stem: str, source: str, taken: set[str]) -> str | None:
    """A stable file name for a cell's output picture: the lesson and what the cell shows (None: not shot)."""
    found = PLOTTING.search(source) or EXPLORER.search(source)
    if not found:
        return None
    what = re.sub(r"^.*?(plot_\w+|[A-Z]\w+)\($", r"\1", found.group(0))
    name, n = f"{stem}-{what}", 1
    while name in taken:
        n += 1
        name = f"{stem}-{what}-{n}"
    taken.add(name)
    return name


def keep_small_copy(path: Path, folder: Path) -> None:
    """A copy with at most 64 colours (a third of the size) for the repository's docs."""
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    with Image.open(path) as image:
        image.convert("RGB").quantize(colors=64).save(folder / path.name, optimize=True)


def shoot(page: Page, folder: Path, stem: str, sources: list[str]) -> list[Path]:
    """The whole lesson as one tall picture, then each figure's and explorer's output on its own.

    The notebook scrolls inside JupyterLab, not the page, so the window is made
    as tall as the notebook for the pictures (same width), then put back.
    """
    p = page.page
    extra = p.evaluate("""() => {
      const outer = document.querySelector('.jp-NotebookPanel-notebook .jp-WindowedPanel-outer');
      return outer ? outer.scrollHeight - outer.clientHeight : 0; }""")
    p.set_viewport_size({"width": VIEWPORT["width"], "height": min(VIEWPORT["height"] + extra, TALLEST_SHOT)})
    docs = os.environ.get("KIT_SCREENSHOTS_DIR")
    taken: set[str] = set()
    try:
        p.wait_for_timeout(500)  # let JupyterLab lay the taller window out
        p.evaluate("() => document.querySelector('.jp-NotebookPanel-notebook .jp-WindowedPanel-outer')?.scrollTo(0, 0)")
        shots = [page.screenshot(folder / f"{stem}.png")]
        cells = p.locator(".jp-Notebook .jp-CodeCell")
        for index, source in enumerate(sources):
            name = shot_name(stem, source, taken)
            area = cells.nth(index).locator(".jp-OutputArea")
            if name and area.count():
                path = folder / f"{name}.png"
                area.first.screenshot(path=str(path))
                shots.append(path)
                if docs:
                    keep_small_copy(path, Path(docs))
    finally:
        p.set_viewport_size(VIEWPORT)
    return shots


# Runs in the page: every marked answer on screen, with the index of its code cell.
_ANSWERS = r"""
() => {
  const cells = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell')];
  return [...document.querySelectorAll('[data-kit-answer]')]
    .filter(el => el.getClientRects().length)
    .map(el => ({cell: cells.findIndex(c => c.contains(el)), answers: el.getAttribute('data-kit-answer')}));
}
"""
_CHECK_CALL = re.compile(r"^check\.(q\d+)\(answer\)", re.M)


def answers_above(page: Any, name: str, sources: list[str]) -> list[str]:
    """Every marked answer shown above the check cell of an exercise it answers (one line each)."""
    where = {q: i for i, source in enumerate(sources) for q in _CHECK_CALL.findall(source)}
    for i, source in enumerate(sources):
        if "StanceCoder(" in source:
            where["coder"] = i
    problems = []
    for found in page.evaluate(_ANSWERS):
        for marker in found["answers"].split():
            nn, _, exercise = marker.partition(":")
            if nn == name[:2] and exercise in where and found["cell"] <= where[exercise]:
                problems.append(f"cell {found['cell']}: the answer to {marker} shows above its check cell")
    return problems


@pytest.mark.parametrize("name", _lessons())
def test_what_learners_see(name: str, lab: Lab, browser: Any, artifacts_dir: Path) -> None:
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    sources = [c.source for c in nb.cells if c.cell_type == "code"]
    page = Page(browser, lab, f"notebooks/{name}")
    try:
        page.page.set_viewport_size(VIEWPORT)
        ran = page.run_all()
        problems = page.problems() + ([] if ran else ["Run All stopped: a cell raised"])
        width = page.page.evaluate("() => document.querySelector('.jp-OutputArea-output')?.clientWidth ?? 0")
        figures, images = figure_problems(page.page, sources)
        problems += figures + cut_off_labels(page.page) + table_problems(page.page)
        problems += answers_above(page.page, name, sources)
        if name.startswith("03"):  # the explorer says why the kit gave each quote its speaker (issue 18)
            why = page.page.locator(".jp-OutputArea").get_by_text("Why the kit thinks so", exact=False)
            if not any(why.nth(i).is_visible() for i in range(why.count())):
                problems.append("the voices explorer shows no 'Why the kit thinks so' line")
        shots = shoot(page, artifacts_dir, Path(name).stem, sources)
        sizes = ", ".join(
            f"cell {i['cell']}: {i['natural']}->{i['shown']:.0f} px, text {i.get('shown_text_px')} px"
            for i in images
            if i.get("natural")
        )
        print(f"{name}: output width {width} px; figures: {sizes or 'none'}; {len(shots)} screenshot(s)")
        assert not problems, f"{name}:\n" + "\n".join(dict.fromkeys(problems))
    finally:
        page.close()


def test_the_reference_coding_shows_only_when_asked(lab: Lab, browser: Any, artifacts_dir: Path) -> None:
    """04 after Run All: no reference coding on screen; the button below Exercise 3 shows table and chart."""
    page = Page(browser, lab, "notebooks/04_positions.ipynb")
    try:
        page.page.set_viewport_size(VIEWPORT)
        assert page.run_all(), "Run All stopped: a cell raised"
        assert page.page.locator("[data-kit-answer]").count() == 0
        button = page.page.get_by_role("button", name="Show the reference coding")
        button.scroll_into_view_if_needed()
        button.click()
        shown = page.page.locator("[data-kit-answer]")
        shown.first.wait_for(timeout=15_000)
        assert shown.locator("table").count() == 1 and shown.locator("img[alt]").count() == 1
        shown.first.screenshot(path=str(artifacts_dir / "04_positions-reference-shown.png"))
    finally:
        page.close()


@pytest.fixture(scope="module")
def lab_as_a_learner(chromium_path: str, first_run: None, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """JupyterLab started as ``make lab`` and Binder start it: the learner folder not set, a fresh home."""

    from .conftest import jupyterlab, workspace

    tmp, root, env = workspace(tmp_path_factory, "learner-lab")
    del env["KIT_LEARNER_DIR"]
    env["HOME"] = str(tmp / "home")
    (tmp / "home").mkdir()
    with jupyterlab(tmp, root, env, name="JupyterLab (learner)") as server:
        yield server, tmp / "home"


def test_learner_folder_is_in_the_file_browser(lab_as_a_learner: Any, browser: Any, artifacts_dir: Path) -> None:
    """Lesson 00 shows where work is saved; that folder is beside the lessons, in JupyterLab's file browser."""
    from playwright.sync_api import expect

    lab, home = lab_as_a_learner
    page = Page(browser, lab, "notebooks/00_start_here.ipynb")
    try:
        page.page.set_viewport_size(VIEWPORT)
        assert page.run_all(), page.problems()
        folder = lab.root / "notebooks" / "kit-learner-work"
        shown = " ".join(page.page.locator(".jp-OutputArea-output").all_inner_texts())
        assert str(folder) in shown, "lesson 00 should print the learner folder"
        assert folder.is_dir() and not (home / "kit-learner-work").exists()
        page.page.locator(
            ".jp-FileBrowser .jp-ToolbarButtonComponent[title*='Refresh' i], "
            ".jp-FileBrowser jp-button[title*='Refresh' i]"
        ).first.click()
        item = page.page.locator(".jp-FileBrowser .jp-DirListing-item", has_text="kit-learner-work")
        expect(item).to_be_visible(timeout=15_000)
        page.screenshot(artifacts_dir / "_learner_folder_in_file_browser.png")
    finally:
        page.close()


def test_handout_prints_on_a4(browser: Any, artifacts_dir: Path) -> None:
    """``python -m kit handout`` in Chromium, as printed: nothing wider than an A4 page, the article first."""
    from kit.cli import main

    html_path = artifacts_dir / "handout.html"
    assert main(["handout", "--out", str(html_path)]) == 0
    context = browser.new_context(viewport={"width": 794, "height": 1123})  # A4 at 96 px per inch
    try:
        page = context.new_page()
        page.goto(html_path.as_uri())
        page.emulate_media(media="print")
        page.screenshot(path=str(artifacts_dir / "handout-print.png"), full_page=True)
        pdf = page.pdf(path=str(artifacts_dir / "handout.pdf"), prefer_css_page_size=True)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        width = page.evaluate("() => document.documentElement.scrollWidth")
        clipped = page.evaluate(
            """() => [...document.querySelectorAll('body *')]
              .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
              .map(e => e.tagName + ': ' + e.innerText.slice(0, 40))"""
        )
        first = page.evaluate("() => document.querySelector('h1').innerText")
        print(f"handout: {pages} A4 page(s), {width} px wide; {artifacts_dir / 'handout.pdf'}")
        assert width <= 794 and not clipped, clipped
        assert first.startswith("The article") and 3 <= pages <= 8, (first, pages)
    finally:
        context.close()


#: The projector view must be readable from the back of a room (issue 20): text at least this big as shown.
PROJECTOR_TEXT_PX = 18


def test_teacher_notebook_and_its_projector_view(lab: Lab, browser: Any, artifacts_dir: Path) -> None:
    """The teacher notebook after Run All: the same checks as a lesson, and the projector heatmap's
    smallest text at least 18 px as shown in a 1,280 px window (screenshotted for the guide)."""
    name = "teacher/class_results.ipynb"
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    sources = [c.source for c in nb.cells if c.cell_type == "code"]
    projector = next(i for i, s in enumerate(sources) if "plot_class_heatmap(results, projector=True)" in s)
    page = Page(browser, lab, f"notebooks/{name}")
    try:
        page.page.set_viewport_size(VIEWPORT)
        ran = page.run_all()
        problems = page.problems() + ([] if ran else ["Run All stopped: a cell raised"])
        figures, images = figure_problems(page.page, sources)
        problems += figures + cut_off_labels(page.page) + table_problems(page.page)
        big = [i for i in images if i["cell"] == projector and i.get("shown_text_px")]
        assert big, f"the projector cell ({projector}) shows no measured figure: {images} {problems}"
        for img in big:
            if img["shown_text_px"] < PROJECTOR_TEXT_PX:
                problems.append(f"projector figure: smallest text {img['shown_text_px']} px as shown; needs 18")
        area = page.page.locator(".jp-Notebook .jp-CodeCell").nth(projector).locator(".jp-OutputArea").first
        path = artifacts_dir / "teacher-projector.png"
        page.page.set_viewport_size({"width": VIEWPORT["width"], "height": 3000})  # the whole figure in view
        area.scroll_into_view_if_needed()
        page.page.wait_for_timeout(500)
        area.screenshot(path=str(path))
        page.page.set_viewport_size(VIEWPORT)
        if os.environ.get("KIT_SCREENSHOTS_DIR"):
            keep_small_copy(path, Path(os.environ["KIT_SCREENSHOTS_DIR"]))
        print(f"{name}: projector text {[i['shown_text_px'] for i in big]} px")
        assert not problems, f"{name}:\n" + "\n".join(dict.fromkeys(problems))
    finally:
        page.close()
