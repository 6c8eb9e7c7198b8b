"""The class's stances as a heatmap: actor x position, coloured by the class's most common answer.

Colour-blind-safe: solid Okabe-Ito stance colours (never faded, so the palette
stays distinguishable), a symbol per stance written in every cell, and a class
split drawn as a white cell with grey hatching and the word "split" (a tie is
not a stance). Every cell writes the learners per answer and the majority's
share; cells where the class's majority differs from the reference are
outlined. ``projector=True`` draws for the big screen: fewer words per cell and
text of at least 18 px when the figure is shown 1,000 px wide. The style is set
on the figure's own artists, never in ``rcParams`` or ``plt.rc_context``
(whose exit would switch the inline backend's ``interactive`` off again, so
later figures would not show).

>>> import kit
>>> from kit.explore.class_view import class_results
>>> res = class_results(kit.load_case(), kit.example_class(), samples=20)
>>> heatmap_alt_text(res).startswith("Heatmap of the class's stances: 24 learners")
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..analysis.class_agreement import CATEGORIES, REFERENCE, SPLIT, reference_coding
from ..plots import STANCE_COLORS, STANCE_SYMBOLS, with_alt_text

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

    from .class_view import ClassResults

__all__ = ["COLORS", "SYMBOLS", "PROJECTOR_WIDTH", "heatmap_alt_text", "heatmap_size", "plot_class_heatmap"]

_ORDER = ("support", "conditional", "undecided", "oppose", "no stance")  # display order in a cell
#: solid colours per answer (Okabe-Ito; "no stance in the text" sky blue); a split cell is white, hatched
COLORS = {**STANCE_COLORS, "no stance": "#56B4E9"}
SYMBOLS = {**STANCE_SYMBOLS, "no stance": "∅"}
#: the projector figure's width in inches (text sizes are set for it)
PROJECTOR_WIDTH = 9.2
_HATCH = "///"


def _grid(res: ClassResults) -> tuple[list[str], list[str]]:
    """Rows (actors, case order) and columns (positions) with a unit in the class's majority coding."""
    units = set(res.agreement.majority)
    actors = [a.id for a in res.case.actors if any(u[0] == a.id for u in units)]
    positions = [p.id for p in res.case.positions if any(u[1] == p.id for u in units)]
    return actors, positions


def heatmap_size(res: ClassResults, *, projector: bool = False) -> tuple[float, float]:
    """The figure size (inches) the heatmap is drawn at."""
    actors, positions = _grid(res)
    if projector:
        return PROJECTOR_WIDTH, 0.72 * max(len(actors), 3) + 3.4
    return 1.45 * max(len(positions), 2) + 3.8, 0.42 * max(len(actors), 3) + 2.2


def heatmap_alt_text(res: ClassResults) -> str:
    """The heatmap's one-paragraph description (alt text)."""
    a = res.agreement
    actors, positions = _grid(res)
    n = len([c for c in a.coders if c != REFERENCE])
    if not actors:
        return f"The class's stances: no actor–position pair was coded by at least {a.quorum} of {n} learners."
    units = sorted(a.majority, key=lambda u: (a.share(u), -sum(a.counts[u]), u))

    def say(u: tuple[str, str]) -> str:
        row = a.counts[u]
        return (
            f"{res.actor_name(u[0])} on {res.position_label(u[1])} ({max(row)} of {sum(row)} learners: {a.majority[u]})"
        )

    ref = reference_coding(res.case)
    differ = sum(1 for u, v in a.majority.items() if u in ref and v != SPLIT and ref[u] != v)
    split = sum(1 for v in a.majority.values() if v == SPLIT)
    return (
        f"Heatmap of the class's stances: {n} learners, {len(actors)} actors by {len(positions)} positions. "
        f"Each cell is coloured by the most common stance and gives the learners per stance and that stance's share; "
        f"hatched cells marked split are where the class tied ({split}). "
        f"Most agreed: {say(units[-1])}. Most divided: {say(units[0])}. "
        f"{differ} outlined cell{'s' if differ != 1 else ''} differ{'s' if differ == 1 else ''} from the reference coding."
    )


def _cell_text(counts: dict[str, int], outcome: str, share: float, *, projector: bool) -> str:
    if projector:
        if outcome == SPLIT:
            return "split"
        return f"{SYMBOLS[outcome]}\n{100 * share:.0f}%"  # two short lines: fits a narrow column
    text = " ".join(f"{SYMBOLS[v]}{counts[v]}" for v in _ORDER if counts[v])
    return f"{text}\nsplit" if outcome == SPLIT else f"{text}\n{100 * share:.0f}%"


def plot_class_heatmap(res: ClassResults, *, ax: Axes | None = None, projector: bool = False) -> Axes:
    """Actors x positions: each cell in the solid colour of the class's most common stance (hatched and
    marked "split" on a tie), with the learners per stance written in it; cells whose majority differs
    from the reference are outlined. ``projector=True``: big text (one symbol and a share per cell).

    The style is set on this figure's own artists (never ``rcParams`` or ``rc_context``,
    which would switch the inline backend's ``interactive`` off again); the alt text is
    :func:`heatmap_alt_text`.
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch, Rectangle

    a = res.agreement
    actors, positions = _grid(res)
    if ax is None:
        _, ax = plt.subplots(figsize=heatmap_size(res, projector=projector), layout="constrained")
    cell_size, label_size = (15, 15) if projector else (8.5, 9)
    ax.set_title("What the class coded", fontsize=18 if projector else 12, fontweight="bold")
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    ref = reference_coding(res.case)
    if not actors:
        ax.text(
            0.5,
            0.5,
            "no pair was coded by enough learners",
            ha="center",
            va="center",
            transform=ax.transAxes,
            fontsize=label_size,
        )
        ax.set_axis_off()
    for r, actor in enumerate(actors):
        for c, position in enumerate(positions):
            unit = (actor, position)
            row = a.counts.get(unit)
            if unit not in a.majority or not row:
                continue
            outcome = a.majority[unit]
            face: Any = "white" if outcome == SPLIT else COLORS[outcome]
            ax.add_patch(
                Rectangle(
                    (c - 0.5, r - 0.5),
                    1,
                    1,
                    facecolor=face,
                    edgecolor="#777777" if outcome == SPLIT else face,
                    hatch=_HATCH if outcome == SPLIT else None,
                    linewidth=0,
                    zorder=1,
                )
            )
            if unit in ref and outcome != SPLIT and ref[unit] != outcome:
                ax.add_patch(
                    Rectangle((c - 0.46, r - 0.46), 0.92, 0.92, fill=False, edgecolor="black", linewidth=2.2, zorder=3)
                )
            counts = dict(zip(CATEGORIES, row, strict=True))
            ax.text(
                c,
                r,
                _cell_text(counts, outcome, a.share(unit), projector=projector),
                ha="center",
                va="center",
                fontsize=cell_size,
                color="black",
                zorder=4,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.0} if outcome == SPLIT else None,
            )
    if actors:
        ax.set_xticks([x - 0.5 for x in range(1, len(positions))], minor=True)
        ax.set_yticks([y - 0.5 for y in range(1, len(actors))], minor=True)
        ax.grid(which="minor", color="#999999", linewidth=0.5)
        ax.tick_params(which="minor", length=0)
    ax.set_xlim(-0.5, max(len(positions), 1) - 0.5)
    ax.set_ylim(max(len(actors), 1) - 0.5, -0.5)
    safe = lambda s: str(s).replace("$", r"\$")  # noqa: E731 - no math mode in names
    ax.set_xticks(
        range(len(positions)),
        [safe(res.position_label(p)) for p in positions],
        rotation=25,
        ha="right",
        fontsize=label_size,
    )
    ax.set_yticks(range(len(actors)), [safe(res.actor_name(x)) for x in actors], fontsize=label_size)
    ax.tick_params(length=0)
    shown = [v for v in _ORDER if v != "no stance" or any(o == "no stance" for o in a.majority.values())]
    handles: list[Any] = [
        Patch(
            facecolor=COLORS[v],
            edgecolor="black",
            label=f"{SYMBOLS[v]}  {'no stance in the text' if v == 'no stance' else v}",
        )
        for v in shown
    ]
    handles.append(Patch(facecolor="white", edgecolor="#777777", hatch=_HATCH, label="split: the class tied"))
    handles.append(Patch(facecolor="white", edgecolor="black", linewidth=2.2, label="differs from the reference"))
    if actors:
        where = (
            {"loc": "upper center", "bbox_to_anchor": (0.5, -0.3), "ncol": 2}
            if projector
            else {"loc": "upper left", "bbox_to_anchor": (1.01, 1)}
        )
        ax.legend(
            handles=handles,
            frameon=False,
            fontsize=label_size,
            title="Most common stance",
            title_fontsize=label_size,
            **where,
        )
    return with_alt_text(ax, heatmap_alt_text(res))  # shown as an <img> with its description, as lesson figures
