"""ClassExplorer: the class view as one widget, for the teacher and for projection.

The lesson cell is one line, ``kit.ClassExplorer(case, "class.zip")``. The
projected view (the default) shows no names: the heatmap, the agreement, the
pairs to discuss with the sentences and reasons by stance, and the class beside the
reference. Ticking *Teacher view* adds file names, who chose what and the
learners far from the consensus.

>>> import kit
>>> from kit.learner import example_class
>>> ex = ClassExplorer(kit.load_case(), example_class(), samples=100)
>>> "far from the class consensus" in ex.html
False
>>> ex.teacher.value = True
>>> "far from the class consensus" in ex.html
True
"""

from __future__ import annotations

from typing import Any

from ..learner.class_files import ClassFiles, collect_codings
from ..records import Case
from .base import STYLE, Explorer
from .class_heatmap import heatmap_size
from .class_view import ClassResults, class_results, heatmap_alt_text, plot_class_heatmap, render_class
from .figures import close_figure, new_figure
from .render import figure_img

__all__ = ["ClassExplorer"]


class ClassExplorer(Explorer):
    """The class's codings: heatmap, agreement, contested pairs, the class beside the reference.

    Args:
        case: the case the learners coded.
        sources: files, a folder, a zip, an upload ``(name, bytes)``, or a
            :class:`~kit.learner.class_files.ClassFiles` already read.
        anonymise: start with learners named "Learner 1", "Learner 2", ...
        projector: start in projector mode (text readable on a big screen).
        samples, seed: bootstrap resamples and seed for the confidence intervals.
    """

    title = "The class view"

    def __init__(
        self,
        case: Case,
        sources: Any,
        *,
        anonymise: bool = False,
        projector: bool = False,
        samples: int = 1000,
        seed: int = 0,
    ) -> None:
        import ipywidgets as w

        self.case = case
        self.files = sources if isinstance(sources, ClassFiles) else collect_codings(case, sources)
        self._options = {"samples": samples, "seed": seed}
        self._results: dict[tuple[bool, bool], ClassResults] = {}
        self._figures: dict[tuple[bool, bool], str] = {}
        self.position = w.Dropdown(
            options=[("all positions", "")] + [(p.label, p.id) for p in case.positions],
            value="",
            description="Contested pairs on:",
            style=STYLE,
        )
        self.reference = w.ToggleButtons(
            options=[("held out", False), ("counted as one more coder", True)],
            value=False,
            description="Reference coding:",
            style=STYLE,
        )
        self.teacher = w.Checkbox(
            value=False,
            indent=False,
            description="Teacher view: file names, who chose what, learners far from the consensus",
        )
        self.projector = w.Checkbox(
            value=projector, indent=False, description="Projector: big text, one symbol and share per cell"
        )
        self.anonymous = w.ToggleButtons(
            options=[("as their files say", False), ("Learner 1, 2, …", True)],
            value=anonymise,
            description="Names:",
            style=STYLE,
        )
        intro = (
            "Colours show the class's most common stance (hatched and marked split where the class tied); "
            "numbers count learners per stance. Start the discussion with the pairs to discuss."
        )
        self._finish([self.position, self.reference, self.anonymous, self.teacher, self.projector], intro=intro)

    def _controls(self) -> list[Any]:
        return [self.position, self.reference, self.anonymous, self.teacher, self.projector]

    @property
    def results(self) -> ClassResults:
        """The results for the current choices (computed once per choice)."""
        key = (bool(self.reference.value), bool(self.anonymous.value))
        if key not in self._results:
            self._results[key] = class_results(
                self.case, self.files, reference=key[0], anonymise=key[1], **self._options
            )
        return self._results[key]

    def majority_case(self) -> Case:
        """The case with the class's majority coding, for ``kit.CoalitionExplorer``."""
        return self.results.majority_case()

    def render(self) -> str:
        return render_class(
            self.results,
            teacher=self.teacher.value,
            position=self.position.value or None,
            big=bool(self.projector.value),
        )

    def figure(self) -> str:
        """The heatmap as an ``<img>`` with alt text (drawn once per reference and projector choice)."""
        key = (bool(self.reference.value), bool(self.projector.value))
        if key not in self._figures:
            res = self.results
            width, height = heatmap_size(res, projector=key[1])
            fig, ax = new_figure(width=width, height=height)
            try:
                plot_class_heatmap(res, ax=ax, projector=key[1])
                self._figures[key] = figure_img(fig, heatmap_alt_text(res))
            finally:
                close_figure(fig)
        return self._figures[key]

    def _shown(self) -> str:
        return self.figure() + self.render()
