"""The class's stances as a heatmap: actor x position, coloured by the most common stance.

Colour-blind-safe (Okabe-Ito stance colours, paler where the class split), and
never colour alone: every cell writes the learners per stance and the
majority's share; cells where the class's majority differs from the reference
are outlined. The style is set on the figure's own artists, never in
``rcParams`` or ``plt.rc_context`` (whose exit would switch the inline
backend's ``interactive`` off again, so later figures would not show).

>>> import kit
>>> from kit.explore.class_view import class_results
>>> res = class_results(kit.load_case(), kit.example_class(), samples=20)
>>> heatmap_alt_text(res).startswith("Heatmap of the class's stances: 24 learners")
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..analysis.class_agreement import REFERENCE, STANCE_SCALE, reference_coding
from ..plots import STANCE_COLORS, STANCE_SYMBOLS

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

    from .class_view import ClassResults

__all__ = ["heatmap_alt_text", "plot_class_heatmap"]

_ORDER = ("support", "conditional", "undecided", "oppose")  # display order in a cell


def _grid(res: ClassResults) -> tuple[list[str], list[str]]:
    """Rows (actors, case order) and columns (positions) with a unit in the class's majority coding."""
    units = set(res.agreement.majority)
    actors = [a.id for a in res.case.actors if any(u[0] == a.id for u in units)]
    positions = [p.id for p in res.case.positions if any(u[1] == p.id for u in units)]
    return actors, positions


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
    differ = sum(1 for u, v in a.majority.items() if u in ref and ref[u] != v)
    return (
        f"Heatmap of the class's stances: {n} learners, {len(actors)} actors by {len(positions)} positions. "
        f"Each cell gives the number of learners per stance; stronger colour means more agreement. "
        f"Most agreed: {say(units[-1])}. Most divided: {say(units[0])}. "
        f"{differ} outlined cell{'s' if differ != 1 else ''} differ{'s' if differ == 1 else ''} from the reference coding."
    )


def plot_class_heatmap(res: ClassResults, *, ax: Axes | None = None) -> Axes:
    """Actors x positions: each cell coloured by the class's majority stance (paler when divided),
    with the learners per stance written in it; cells whose majority differs from the reference are outlined.

    The style is set on this figure's own artists (never ``rcParams`` or ``rc_context``,
    which would switch the inline backend's ``interactive`` off again); the alt text is
    :func:`heatmap_alt_text`.
    """
    import matplotlib.pyplot as plt
    from matplotlib.colors import to_rgb
    from matplotlib.patches import Patch, Rectangle

    a = res.agreement
    actors, positions = _grid(res)
    if ax is None:
        _, ax = plt.subplots(
            figsize=(1.45 * max(len(positions), 2) + 3.8, 0.42 * max(len(actors), 3) + 2.2), layout="constrained"
        )
    title = "What the class coded"
    ax.set_title(title, fontsize=12, fontweight="bold")
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
            fontsize=10,
        )
        ax.set_axis_off()
    grid: list[list[tuple[float, ...]]] = [
        [(1.0, 1.0, 1.0)] * len(positions) for _ in actors
    ]  # one image for every cell's colour
    for r, actor in enumerate(actors):
        for c, position in enumerate(positions):
            unit = (actor, position)
            row = a.counts.get(unit)
            if unit not in a.majority or not row:
                continue
            strength = a.share(unit)
            t = min(1.0, max(0.12, (strength - 0.25) / 0.75))  # a quarter (chance among four stances) is palest
            grid[r][c] = tuple(1 - t + t * x for x in to_rgb(STANCE_COLORS[a.majority[unit]]))
            if unit in ref and ref[unit] != a.majority[unit]:
                ax.add_patch(
                    Rectangle((c - 0.46, r - 0.46), 0.92, 0.92, fill=False, edgecolor="black", linewidth=2.2, zorder=3)
                )
            counts = dict(zip(STANCE_SCALE, row, strict=True))
            text = " ".join(f"{STANCE_SYMBOLS[v]}{counts[v]}" for v in _ORDER if counts[v])
            ax.text(
                c, r, f"{text}\n{100 * strength:.0f}%", ha="center", va="center", fontsize=8, color="black", zorder=4
            )
    if actors:
        ax.imshow(grid, aspect="auto", interpolation="nearest", zorder=1)
        ax.set_xticks([x - 0.5 for x in range(1, len(positions))], minor=True)
        ax.set_yticks([y - 0.5 for y in range(1, len(actors))], minor=True)
        ax.grid(which="minor", color="#999999", linewidth=0.5)
        ax.tick_params(which="minor", length=0)
    ax.set_xlim(-0.5, max(len(positions), 1) - 0.5)
    ax.set_ylim(max(len(actors), 1) - 0.5, -0.5)
    safe = lambda s: str(s).replace("$", r"\$")  # noqa: E731 - no math mode in names
    ax.set_xticks(
        range(len(positions)), [safe(res.position_label(p)) for p in positions], rotation=25, ha="right", fontsize=9
    )
    ax.set_yticks(range(len(actors)), [safe(res.actor_name(x)) for x in actors], fontsize=9)
    ax.tick_params(length=0)
    handles = [Patch(facecolor=STANCE_COLORS[v], edgecolor="black", label=f"{STANCE_SYMBOLS[v]}  {v}") for v in _ORDER]
    handles.append(Patch(facecolor="white", edgecolor="black", linewidth=2.2, label="differs from the reference"))
    if actors:
        ax.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(1.01, 1),
            frameon=False,
            fontsize=9,
            title="Most common stance\n(paler: class divided)",
            title_fontsize=9,
        )
    return ax
