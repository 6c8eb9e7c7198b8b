"""The shared shape of every explorer: labelled controls, one Output, a pure render.

A subclass builds its controls, then calls :meth:`Explorer._finish`, which
lays them out above one ``Output``, observes every control's ``value`` and
draws once. :meth:`Explorer.render` (pure: state in, HTML out) is what tests
and :meth:`Explorer.snapshot` use; the Output only shows its result.
ipywidgets and matplotlib are imported on first use, never by ``import kit``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..util import esc

__all__ = ["Explorer", "show", "fit_labels", "STYLE"]


#: Description width that keeps whole labels visible (no truncated "Actor…").
STYLE = {"description_width": "initial"}


def fit_labels(widget: Any) -> Any:
    """Size ``widget`` and every control inside it to show its whole label; returns ``widget``.

    ipywidgets gives buttons, toggle buttons and drop-downs a fixed width
    (148 px for a button), which cuts "Compare with the reference" to
    "Compare with…". Buttons and toggles get ``auto`` width, lists and
    drop-downs are as wide as their longest option, and rows wrap instead of
    running off a narrow screen. A width set explicitly is kept.
    """
    import ipywidgets as w

    if isinstance(widget, (w.Button, w.FileUpload)) and not widget.layout.width:
        widget.layout.width = "auto"
    elif isinstance(widget, w.ToggleButtons) and not widget.style.button_width:
        widget.style.button_width = "auto"
    elif isinstance(widget, (w.Dropdown, w.Select, w.SelectMultiple)) and not widget.layout.width:
        widget.layout.width = "max-content"
    elif isinstance(widget, w.HBox) and not widget.layout.flex_flow:
        widget.layout.flex_flow = "row wrap"
    for child in getattr(widget, "children", ()):
        fit_labels(child)
    return widget


def show(out: Any, html_text: str) -> None:
    """Replace what an Output widget shows with ``html_text``.

    Sets the widget's ``outputs`` directly instead of drawing into it with
    ``with out:``: nothing is routed through the front end while a cell runs,
    which keeps nbclient-based runners (Voilà, nbconvert) from stalling
    (jupyter/nbclient#312), and the swap is one atomic state update (no flicker).
    Figures travel inside the HTML as ``<img alt=...>``, so their alt text
    reaches screen readers (front ends ignore alt text in output metadata).
    """
    out.outputs = (
        {"output_type": "display_data", "data": {"text/html": html_text, "text/plain": "(view)"}, "metadata": {}},
    )


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
        head = [w.HTML(f"<h3 style='margin:.2em 0'>{esc(self.title)}</h3>")] if self.title else []
        if intro:
            head.append(w.HTML(f"<p style='margin:.2em 0 .6em'>{intro}</p>"))
        self._box = fit_labels(w.VBox([*head, *rows, self.out]))
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
        bundle["text/html"] = (
            f"<div class='kit-static'><p><em>{esc(name)}: a static copy. To use the controls, "
            f"run the cell in Jupyter; if you see this right after running it, widgets are not "
            f"working here: reload the page (notebook 00 checks them).</em></p>{self.snapshot()}</div>"
        )
        return bundle
