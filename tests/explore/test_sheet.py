"""The Sheet explorers redraw figures on: cropped like a tight savefig, holds nothing, frees its garbage."""

from __future__ import annotations

import gc
import io
import weakref

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from PIL import Image  # noqa: E402

from kit import plots as P  # noqa: E402
from kit.errors import KitError  # noqa: E402
from kit.explore.figures import Sheet  # noqa: E402
from tests.handmade import small_case  # noqa: E402

PAD_PX = round(Sheet.PAD * 90)  # the margin at the sheet's 90 dpi


def _sheet() -> Sheet:
    return Sheet(12, 6, (2.0 / 12, 1.05 / 6, 5.425 / 12, 3.85 / 6))


def _network(ax, **options) -> str:
    """Draw the small case's network on ``ax``; return its alt text (never the Axes, which must not outlive the draw)."""
    return P.alt_text(P.plot_network(small_case(), ax=ax, **options))


def _margins(png: bytes) -> tuple[tuple[int, int], tuple[int, int, int, int]]:
    """Image size and the white margin on each side (left, top, right, bottom), in pixels."""
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)
    ink = np.argwhere((pixels < 250).any(axis=-1))
    (top, left), (bottom, right) = ink.min(axis=0), ink.max(axis=0)
    rows, cols = pixels.shape[:2]
    return (cols, rows), (left, top, cols - 1 - right, rows - 1 - bottom)


def test_the_drawing_is_cropped_to_what_was_drawn_with_nothing_cut_off():
    sheet = _sheet()
    png, alt = sheet.draw(_network)
    assert png.startswith(b"\x89PNG") and alt.startswith("Agreement network")
    (width, height), margins = _margins(png)
    assert min(margins) >= PAD_PX - 2, margins  # nothing touches the edge: nothing was cut off
    assert margins[0] <= PAD_PX + 2 and margins[1] <= PAD_PX + 2  # the crop hugs the labels and the title
    assert width < sheet.fig.bbox.width and height < sheet.fig.bbox.height  # cropped, not the whole sheet
    assert width > 5.425 * 90  # wider than the axes: the legend beside them is in


def test_the_crop_matches_a_tight_savefig_of_the_same_plot():
    from kit.explore.figures import figure_png, new_figure

    png, _ = _sheet().draw(_network)
    fig, ax = new_figure(width=7, height=5)
    P.plot_network(small_case(), ax=ax)
    tight = figure_png(fig)
    (w1, h1), _ = _margins(png)
    (w2, h2), _ = _margins(tight)
    assert abs(w1 - w2) <= 2 and abs(h1 - h2) <= 2


def test_a_drawing_larger_than_the_sheet_falls_back_to_a_tight_crop():
    sheet = _sheet()
    png, _ = sheet.draw(lambda ax: ax.text(-1.5, 0.5, "a label far out to the left", transform=ax.transAxes))
    (width, _), margins = _margins(png)
    assert min(margins) >= PAD_PX - 2  # the label is whole, not cut at the sheet's edge
    assert width > sheet.fig.bbox.width  # so the image reaches past the sheet


def test_the_sheet_keeps_no_axes_and_frees_them_without_a_full_collection():
    sheet = _sheet()
    seen = []
    for level in ("actor", "state", "actor"):
        sheet.draw(lambda ax, level=level: seen.append(weakref.ref(ax)) or _network(ax, level=level))
        assert sheet.fig.axes == [] and gc.isenabled()
    assert [ref() for ref in seen] == [None, None, None]  # already freed, by the young-generation pass
    assert plt.get_fignums() == []


def test_a_failing_plot_leaves_the_sheet_clean():
    sheet = _sheet()

    def broken(ax):
        ax.plot([0, 1], [0, 1])
        raise KitError("no such group")

    with pytest.raises(KitError, match="no such group"):
        sheet.draw(broken)
    assert sheet.fig.axes == [] and gc.isenabled()
    png, _ = sheet.draw(_network)
    assert png.startswith(b"\x89PNG")
