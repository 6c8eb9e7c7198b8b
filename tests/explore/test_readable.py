"""Explorers show every label whole and figures with text a reader can read (checked without a browser).

The browser suite (tests/e2e/test_what_learners_see.py) measures the same on the page.
"""

from __future__ import annotations

import base64
import io
import re

import ipywidgets as w
import pytest
from PIL import Image

import kit
from kit.explore.base import fit_labels

#: The width of a notebook's output area in JupyterLab at 1280 px with the file browser open (measured).
OUTPUT_WIDTH_PX = 848
MIN_TEXT_PX = 11


@pytest.fixture(scope="module")
def case():
    return kit.load_case()


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


@pytest.mark.parametrize("make", [kit.ArticleExplorer, kit.VoicesExplorer, kit.CoalitionExplorer, kit.StanceCoder])
def test_every_control_is_sized_to_its_label(case, make, tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_LEARNER_DIR", str(tmp_path))
    box = make(case).box
    for widget in _walk(box):
        if isinstance(widget, (w.Button, w.FileUpload)):
            assert widget.layout.width == "auto", widget.description
        elif isinstance(widget, w.ToggleButtons):
            assert widget.style.button_width == "auto", widget.description
        elif isinstance(widget, (w.Dropdown, w.Select, w.SelectMultiple)):
            assert widget.layout.width in ("max-content", "95%"), widget.description
        elif isinstance(widget, w.HBox):
            assert widget.layout.flex_flow == "row wrap"


def test_fit_labels_keeps_a_width_set_on_purpose():
    narrow = w.Button(description="Go", layout=w.Layout(width="3em"))
    fit_labels(w.VBox([narrow]))
    assert narrow.layout.width == "3em"


def _figures(html: str) -> list[tuple[int, float]]:
    """(width in pixels, smallest text in pixels) of every figure in an explorer's HTML."""
    found = []
    for data, px in re.findall(r"<img src='data:image/png;base64,([^']+)'[^>]*data-min-text-px='([\d.]+)'", html):
        found.append((Image.open(io.BytesIO(base64.b64decode(data))).width, float(px)))
    return found


@pytest.mark.parametrize("make", [kit.VoicesExplorer, kit.CoalitionExplorer])
def test_explorer_figures_are_readable_unscaled(case, make):
    """Drawn no wider than the output area (so shown unscaled) with text of at least 11 px."""
    explorer = make(case)
    figures = _figures(explorer.html)
    assert figures, "the explorer shows a figure with its text size"
    for width, text_px in figures:
        assert width <= OUTPUT_WIDTH_PX and text_px >= MIN_TEXT_PX, (width, text_px)
    assert "alt=''" not in explorer.html


def test_the_voices_chart_keeps_its_size_beside_or_below_the_list(case):
    html = kit.VoicesExplorer(case).html
    assert "flex:0 0 auto" in html  # never squeezed next to the statements (it wraps below them instead)
