"""The shared shape of every explorer: labelled controls, one Output, a pure render.

A subclass builds its controls, then calls :meth:`Explorer._finish`, which
lays them out above one ``Output``, observes every control's ``value`` and
draws once. :meth:`Explorer.render` (pure: state in, HTML out) is what tests
and :meth:`Explorer.snapshot` use; the Output only shows its result.
ipywidgets and matplotlib are imported on first use, never by ``import kit``.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

__all__ = ["Explorer", "Sheet", "new_figure", "close_figure", "figure_png", "show", "STYLE"]

T = TypeVar("T")

#: Description width that keeps whole labels visible (no truncated "Actor…").
STYLE = {"description_width": "initial"}


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
    fig.savefig(buffer, format="png", dpi=90, bbox_inches="tight")
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

    def __init__(self, width: float, height: float, rect: tuple[float, float, float, float], *, dpi: int = 90) -> None:
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

        from .structure import paused_gc

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

        fig = self.fig
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


def show(out: Any, html_text: str) -> None:
    """Replace what an Output widget shows with ``html_text``.

    Sets the widget's ``outputs`` directly instead of drawing into it with
    ``with out:``: nothing is routed through the front end while a cell runs,
    which keeps nbclient-based runners (Voilà, nbconvert) from stalling
    (jupyter/nbclient#312), and the swap is one atomic state update (no flicker).
    Figures travel inside the HTML as ``<img alt=...>``, so their alt text
    reaches screen readers (front ends ignore alt text in output metadata).
    """
    out.outputs = ({"output_type": "display_data", "data": {"text/html": html_text, "text/plain": "(view)"},
                    "metadata": {}},)


class Explorer:
    """Base class: subclasses set controls, implement :meth:`render`, call :meth:`_finish`."""

    #: the most recent view shown, as HTML (state tests can read; never Output.outputs)
    html: str = ""
    title: str = ""
    #: the view as first drawn, with the options the explorer was made with
    _default: str = ""

    def _finish(self, rows: Sequence[Any], *, intro: str = "") -> None:
        import ipywidgets as w

        self.out = w.Output(layout=w.Layout(min_height="8em"))
        head = [w.HTML(f"<h3 style='margin:.2em 0'>{html.escape(self.title)}</h3>")] if self.title else []
        if intro:
            head.append(w.HTML(f"<p style='margin:.2em 0 .6em'>{intro}</p>"))
        self._box = w.VBox([*head, *rows, self.out])
        for control in self._controls():
            control.observe(self._on_change, names="value")
        self.redraw()
        self._default = self.html

    def _controls(self) -> list[Any]:
        """The value controls that trigger a redraw (subclasses override)."""
        return []

    def _on_change(self, _change: Any = None) -> None:
        self.redraw()

    def render(self) -> str:
        """The current view as HTML (pure in the explorer's state)."""
        raise NotImplementedError

    def _shown(self) -> str:
        """What the Output shows: :meth:`render`, plus any figure (subclasses with figures override)."""
        return self.render()

    def redraw(self) -> None:
        """Render and show the current view in the Output (replacing the previous one)."""
        self.html = self._shown()
        show(self.out, self.html)

    def snapshot(self) -> str:
        """The default view (as first drawn) as static HTML, figures embedded as PNG with alt text:
        for exports and printed handouts. ``explorer.html`` is the current view."""
        return self._default or self._shown()

    @property
    def box(self) -> Any:
        """The top-level widget."""
        return self._box

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        """The live widget, with a static copy for places that cannot run it.

        Front ends with a kernel show the widget (its renderer outranks HTML);
        nbviewer, GitHub, exported HTML and a reopened, untrusted notebook show
        the ``text/html`` copy (the default view) instead of an error.
        """
        bundle = dict(self._box._repr_mimebundle_(**kwargs) or {})
        name = self.title or type(self).__name__
        bundle["text/plain"] = f"{name} explorer: run this cell in Jupyter to use it."
        bundle["text/html"] = (f"<div class='kit-static'><p><em>{html.escape(name)}: a static copy. To use the controls, "
                               f"run the cell in Jupyter; if you see this right after running it, widgets are not "
                               f"working here: reload the page (notebook 00 checks them).</em></p>{self.snapshot()}</div>")
        return bundle
