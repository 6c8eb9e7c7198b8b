"""The explorers learners drive: one line in a lesson cell, e.g. ``kit.ArticleExplorer(case)``.

* :class:`ArticleExplorer` - the article with an actor's mentions, the quotes
  or the reported speech marked;
* :class:`VoicesExplorer` - who gets to speak, each statement in context, and
  the share of voice;
* :class:`CoalitionExplorer` - the agreement network under your choices, with
  the declared groups and the mismatches;
* :class:`~kit.explore.coder.StanceCoder` - the learner's own coding (in :mod:`kit.explore.coder`).

Each explorer has labelled, keyboard-usable controls, renders through a pure
:meth:`render` (tests read ``explorer.html``), and :meth:`snapshot` gives
static HTML for exports and printed handouts.

>>> import kit
>>> ex = ArticleExplorer(kit.load_case())
>>> ex.view.value = "quotes"
>>> "kit-quote" in ex.html or not ex.case.article.quotes
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from .. import analysis, plots
from ..plots import MAX_OUTLINED_GROUPS
from ..records import Case
from ..util import esc
from .base import STYLE, Explorer
from .coder import StanceCoder
from .figures import Sheet, close_figure, new_figure
from .render import (
    KIND_LABELS,
    VIEWS,
    anonymous_share_text,
    figure_img,
    png_img,
    render_article,
    render_coalitions,
    render_statements,
    speaker_kind,
    statements,
)

__all__ = ["ArticleExplorer", "VoicesExplorer", "CoalitionExplorer", "StanceCoder", "EVIDENCE_CHOICES", "LEVEL_CHOICES"]

#: Evidence toggle: label -> evidence types (``None``: every type).
EVIDENCE_CHOICES = (("everything", "all"), ("only on-record quotes", "direct"))
#: Aggregation toggle: label -> analysis level.
LEVEL_CHOICES = (("people", "actor"), ("states they speak for", "state"))


def _actor_options(case: Case, ids: Iterable[str] | None = None) -> list[tuple[str, str]]:
    wanted = None if ids is None else set(ids)
    rows = [(f"{a.name} ({a.kind})", a.id) for a in case.actors if wanted is None or a.id in wanted]
    return sorted(rows, key=lambda r: r[0].lower())


class ArticleExplorer(Explorer):
    """The article, paragraph by paragraph, with the chosen actors' mentions, quotes or reported speech marked.

    Args:
        case: a :class:`~kit.records.Case` (``kit.load_case()``).
        actors: actor ids selected at the start (none selected: every actor is marked).
        view: ``"mentions"``, ``"quotes"`` or ``"reported speech"``.
        numbers: show paragraph numbers (``¶ 3``).
    """

    title = "The article"

    def __init__(self, case: Case, *, actors: Sequence[str] = (), view: str = "mentions", numbers: bool = True) -> None:
        import ipywidgets as w

        self.case = case
        counts = Counter(m.actor for m in case.mentions)
        options = [(f"{label} – {counts[i]}×", i) for label, i in _actor_options(case)]
        self.actors = w.SelectMultiple(
            options=options,
            value=tuple(a for a in actors if a in dict(options).values()),
            description="Actors (none = all):",
            rows=min(8, max(3, len(options))),
            style=STYLE,
        )  # as wide as the longest name and count (fit_labels)
        self.view = w.ToggleButtons(
            options=list(VIEWS),
            value=view,
            description="Show:",
            style=STYLE,
            tooltips=[
                "every name used for the actor",
                "direct quotes, by speaker",
                "reported (indirect) speech, by speaker",
            ],
        )
        self.numbers = w.Checkbox(value=numbers, description="Show paragraph numbers (¶)", indent=False)
        intro = (
            "Choose actors (Ctrl/Shift-click or arrow keys) and what to show. Marked text is highlighted "
            "and underlined; a small label in brackets names who is meant."
        )
        self._finish([w.HBox([self.actors, w.VBox([self.view, self.numbers])])], intro=intro)

    def _controls(self) -> list[Any]:
        return [self.actors, self.view, self.numbers]

    def render(self) -> str:
        chosen = list(self.actors.value)
        names = ", ".join(self.case.actor(a).name for a in chosen) if chosen else "every actor"
        what = {"mentions": "Mentions of", "quotes": "Quotes by", "reported speech": "Reported speech by"}[
            self.view.value
        ]
        head = f"<p role='status'><strong>{esc(what)} {esc(names)}</strong></p>"
        body = render_article(self.case, actors=chosen, view=self.view.value, numbers=self.numbers.value)
        return head + body


class VoicesExplorer(Explorer):
    """Who gets to speak: each quote or reported statement in context, with a share-of-voice chart.

    Args:
        case: a :class:`~kit.records.Case`.
        choice: ``"all"``, ``"kind:<kind>"`` (``"kind:anonymous"``) or ``"actor:<id>"``.
    """

    title = "Voices"

    def __init__(self, case: Case, *, choice: str = "all") -> None:
        import ipywidgets as w

        self.case = case
        every = statements(case)
        kinds = {speaker_kind(case, s.speaker) for s in every}
        options: list[tuple[str, str]] = [("everyone", "all")]
        options += [(KIND_LABELS[k], f"kind:{k or 'none'}") for k in KIND_LABELS if k in kinds]
        speakers = {s.speaker for s in every if s.speaker}
        options += [(f"— {label}", f"actor:{i}") for label, i in _actor_options(case, speakers)]
        if choice not in {v for _, v in options}:
            choice = "all"
        self.choice = w.Dropdown(options=options, value=choice, description="Statements by:", style=STYLE)
        self._chart = self._draw_chart()
        self._finish(
            [self.choice], intro="Pick everyone, a kind of source or one speaker to read what they said, in context."
        )

    def _draw_chart(self) -> str:
        """The share-of-voice chart, drawn once (it does not depend on the choice) as an embedded PNG."""
        if not statements(self.case):
            return ""

        fig, ax = new_figure(width=5.2, height=max(2.5, 0.32 * len({s.speaker for s in statements(self.case)}) + 1))
        try:
            plots.plot_voices(self.case, ax=ax)
            self.alt = plots.alt_text(ax)
            return figure_img(fig, self.alt)
        finally:
            close_figure(fig)

    def _controls(self) -> list[Any]:
        return [self.choice]

    def render(self) -> str:
        share = f"<p role='status'><strong>{esc(anonymous_share_text(self.case))}</strong></p>"
        listing = render_statements(self.case, self.choice.value)
        # the chart keeps its drawn size (text at least 11 px): beside the list if there is room, else below
        chart = f"<div style='flex:0 0 auto;max-width:100%'>{self._chart}</div>" if self._chart else ""
        return (
            f"<div style='display:flex;flex-wrap:wrap;gap:1.2em'><div style='flex:1 1 26em'>{share}{listing}</div>"
            f"{chart}</div>"
        )


class CoalitionExplorer(Explorer):
    """The agreement network under the learner's choices, with detected coalitions and declared groups.

    Args:
        case: a :class:`~kit.records.Case` with positions and stances.
        positions: position ids counted at the start (``None``: all).
        evidence: ``"all"`` or ``"direct"`` (only on-record quotes).
        level: ``"actor"`` (people) or ``"state"`` (the states they speak for).
        groups: declared group ids outlined at the start (``None``: the case's first group);
            up to three are outlined (solid, dashed, dotted), and the mismatch list covers them.
    """

    title = "Coalitions"
    #: how many declared groups the figure can outline at once (one line style each)
    MAX_GROUPS = MAX_OUTLINED_GROUPS

    def __init__(
        self,
        case: Case,
        *,
        positions: Sequence[str] | None = None,
        evidence: str = "all",
        level: str = "actor",
        groups: Sequence[str] | None = None,
    ) -> None:
        import ipywidgets as w

        self.case = case
        options = [(p.label, p.id) for p in case.positions]
        ids = [p.id for p in case.positions]
        self.positions = w.SelectMultiple(
            options=options,
            value=tuple(ids if positions is None else [p for p in positions if p in ids]),
            description="Positions that count:",
            rows=min(6, max(2, len(options))),
            style=STYLE,
        )
        self.evidence = w.ToggleButtons(
            options=list(EVIDENCE_CHOICES), value=evidence, description="Evidence:", style=STYLE
        )
        self.level = w.ToggleButtons(options=list(LEVEL_CHOICES), value=level, description="Actors as:", style=STYLE)
        group_ids = [g.id for g in case.groups]
        chosen = group_ids[:1] if groups is None else [g for g in groups if g in group_ids]
        self.groups = w.SelectMultiple(
            options=[(g.name, g.id) for g in case.groups],
            value=tuple(chosen),
            description=f"Outline groups (up to {self.MAX_GROUPS}):",
            rows=min(5, max(2, len(group_ids))),
            style=STYLE,
        )
        self.alt, self.png = "", b""
        self.text_px = 0.0  # the figure's smallest text, in its pixels
        self._drawn: dict[tuple[Any, ...], tuple[bytes, str, float]] = {}
        self._sheet: Sheet | None = None
        intro = (
            "Lines join actors who take the same stance; outlines show the declared groups you choose. "
            "Change what counts and watch the coalitions move."
        )
        left = [self.positions, self.groups] if group_ids else [self.positions]
        self._finish([w.HBox([w.VBox(left), w.VBox([self.evidence, self.level])])], intro=intro)

    def _controls(self) -> list[Any]:
        return [self.positions, self.evidence, self.level, self.groups]

    def outlined(self) -> list[str]:
        """The declared groups drawn as outlines (the first :attr:`MAX_GROUPS` chosen)."""
        return list(self.groups.value)[: self.MAX_GROUPS]

    def options(self) -> dict[str, Any]:
        """The analysis options chosen by the controls (``positions``, ``evidence``, ``level``)."""
        return {
            "positions": list(self.positions.value),
            "evidence": None if self.evidence.value == "all" else [self.evidence.value],
            "level": self.level.value,
        }

    def _empty(self) -> str | None:
        if not self.case.positions or not self.case.stances:
            return (
                "This case has no coded positions yet: code positions and stances in the case builder "
                "(kit.CaseBuilder(article)) or load a case file (kit.load_case(path))."
            )
        if not self.positions.value:
            return "Choose at least one position to count."
        return None

    def render(self) -> str:
        empty = self._empty()
        if empty:
            return f"<p role='status'><em>{esc(empty)}</em></p>"

        opts = self.options()
        found = analysis.coalitions(self.case, **opts)
        outlined = self.outlined()
        messages = [m.message for m in analysis.compare_declared(self.case, **opts) if m.group in outlined]
        names = [g.name for g in self.case.groups if g.id in outlined]
        note = ""
        if len(self.groups.value) > self.MAX_GROUPS:
            note = (
                f"<p role='status'><em>Only {self.MAX_GROUPS} groups can be outlined at once: showing "
                f"{esc(', '.join(names))}. Unselect one to outline another.</em></p>"
            )
        return note + render_coalitions(self.case, found, messages, groups=names)

    def figure(self) -> tuple[bytes, str] | None:
        """The network for the current choices as PNG bytes and alt text (``None``: nothing to draw).

        Drawn figures are kept per choice (the case is immutable), so going back to
        an earlier choice is instant.
        """
        if self._empty():
            return None
        opts = self.options()
        groups = self.outlined()
        key = (tuple(opts["positions"]), tuple(opts["evidence"] or ()), opts["level"], tuple(groups))
        if key not in self._drawn:
            self._drawn[key] = self._draw(opts, groups)
        png, alt, self.text_px = self._drawn[key]
        return png, alt

    def _draw(self, opts: dict[str, Any], groups: list[str]) -> tuple[bytes, str, float]:

        if self._sheet is None:  # axes as large as in a 7 x 5 inch figure, room around for labels, legend below
            self._sheet = Sheet(9, 7.5, (2.0 / 9, 1.5 / 7.5, 5.2 / 9, 4.7 / 7.5))

        def plot(ax: Any) -> tuple[str, float]:
            plots.plot_network(self.case, ax=ax, groups=groups, **opts)
            return plots.alt_text(ax), plots.smallest_text_px(ax.figure)

        png, (alt, text_px) = self._sheet.draw(plot)
        if len(self._drawn) >= 32:
            self._drawn.pop(next(iter(self._drawn)))
        return png, alt, text_px

    def _shown(self) -> str:
        drawn = self.figure()
        self.png, self.alt = drawn if drawn is not None else (b"", "")
        figure = png_img(self.png, self.alt, min_text_px=self.text_px) if drawn is not None else ""
        return figure + self.render()
