"""Figures for explorers: made outside pyplot, redrawn on one kept canvas, turned into PNG.

matplotlib is imported on first use, never by ``import kit``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from ..util import paused_gc

__all__ = ["Sheet", "new_figure", "close_figure", "figure_png", "PNG_DPI"]

#: Resolution of explorer figures: 10 pt text is 12.5 px, shown unscaled in a notebook.
PNG_DPI = 90

T = TypeVar("T")


def new_figure(*, width: float = 6.4, height: float = 4.2) -> tuple[Any, Any]:
    """A fresh figure and its Axes, outside pyplot's registry (so it can never leak
    into a notebook's output or pile up); :func:`close_figure` is still safe to call."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height))
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot()


def close_figure(fig: Any) -> None:
    """Close a figure so repeated redraws never pile figures up."""
    import matplotlib.pyplot as plt

    plt.close(fig)


def figure_png(fig: Any) -> bytes:
    """The figure as PNG bytes, cropped to what was drawn (``bbox_inches="tight"``), for snapshots."""
    import io

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=PNG_DPI, bbox_inches="tight")
    return buffer.getvalue()


class Sheet:
    """One figure an explorer draws on again and again, kept between redraws.

    A fresh figure per redraw costs twice: matplotlib caches text measurements
    per renderer, so a new canvas measures every label again, and
    ``bbox_inches="tight"`` lays everything out once more before drawing. A
    sheet keeps one canvas (so the cache stays warm), draws once, and crops
    the image to what was drawn plus a small margin, as "tight" would. The
    sheet is larger than the axes so labels and a legend beside them fit; if
    something still sticks out, matplotlib's own tight crop is used instead.

    Args:
        width, height: the sheet in inches.
        rect: where the axes go, as (left, bottom, width, height) fractions.
    """

    PAD = 0.1  # inches around the drawing, as savefig's pad_inches

    def __init__(
        self, width: float, height: float, rect: tuple[float, float, float, float], *, dpi: int = PNG_DPI
    ) -> None:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        self.fig = Figure(figsize=(width, height), dpi=dpi, facecolor="white")
        FigureCanvasAgg(self.fig)
        self.rect = rect

    def draw(self, plot: Callable[[Any], T]) -> tuple[bytes, T]:
        """Call ``plot(ax)`` on fresh Axes; return the drawing as PNG bytes and what ``plot`` returned.

        The Axes are removed afterwards, so the sheet holds nothing between
        redraws. Python's cyclic garbage collector is paused meanwhile and then
        collects only the youngest objects: a drawing's artists are all
        garbage by then, so they are freed at once instead of being promoted
        and later scanned by a full collection (an occasional pause of 50 ms
        or more in a kernel that has imported matplotlib and pandas).
        """
        import gc

        with paused_gc():
            ax = self.fig.add_axes(self.rect)
            try:
                result = plot(ax)
                png = self._png()
            finally:
                ax.remove()
            del ax
        gc.collect(0)
        return png, result

    def _png(self) -> bytes:
        import io

        import numpy as np
        from PIL import Image

        fig: Any = self.fig  # an Agg canvas (made in __init__): buffer_rgba and get_renderer exist
        fig.canvas.draw()
        box = fig.get_tightbbox(fig.canvas.get_renderer()).padded(self.PAD)
        width, height = fig.get_size_inches()
        if box.x0 < 0 or box.y0 < 0 or box.x1 > width or box.y1 > height:
            return figure_png(fig)  # a long label or legend went past the sheet: let matplotlib crop
        dpi, rows = fig.dpi, int(fig.bbox.height)
        x0, x1 = int(np.floor(box.x0 * dpi)), int(np.ceil(box.x1 * dpi))
        y0, y1 = rows - int(np.ceil(box.y1 * dpi)), rows - int(np.floor(box.y0 * dpi))
        pixels = np.asarray(fig.canvas.buffer_rgba())[y0:y1, x0:x1, :3]  # white background: no alpha needed
        buffer = io.BytesIO()
        Image.fromarray(np.ascontiguousarray(pixels)).save(buffer, format="png", compress_level=3)
        return buffer.getvalue()
