"""Figures for the lessons: each returns its Axes and carries a one-sentence description.

Colours come from the Okabe-Ito palette (safe for colour-blind readers) and
are never the only cue: bars carry hatching and numbers, stance cells carry a
symbol, coalitions carry a marker shape. The style (font sizes, spines) is set
on the Figure and Axes each function draws, never through matplotlib's global
settings or ``plt.rc_context``: leaving an rc_context restores *every* setting,
including ``interactive``, which the notebook's inline backend switches on
while the first figure is made, so every later figure would silently never be
shown. Network layouts are computed, not random (coalitions side by side on a
circle), so the same case always gives the same picture.

A figure the kit draws shows in a notebook as a PNG image and, for front ends
that render HTML, as an ``<img>`` carrying the figure's alt text
(:func:`figure_html`): front ends ignore alt text in an image's metadata.

matplotlib is imported inside the functions, so ``import kit`` stays light.

>>> import kit
>>> ax = plot_voices(kit.load_case())
>>> "statements" in alt_text(ax)
True
>>> import matplotlib.pyplot as plt; plt.close(ax.figure)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import analysis as _an
from .analysis.places import actor_mention_counts
from .analysis.selection import ordered_actors
from .analysis.voices import anonymous_count
from .errors import KitError
from .records import STANCE_VALUES, Case, require_case
from .util import esc

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = [
    "FONT_SIZE",
    "TITLE_SIZE",
    "DPI",
    "MAX_OUTLINED_GROUPS",
    "OKABE_ITO",
    "STANCE_COLORS",
    "STANCE_SYMBOLS",
    "alt_text",
    "figure_alt_text",
    "smallest_text_px",
    "figure_html",
    "with_alt_text",
    "plot_mentions",
    "plot_voices",
    "plot_stances",
    "plot_network",
    "plot_membership",
]

#: Okabe & Ito (2008): orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple, black.
#: Declared groups a network figure can outline at once (solid, dashed, dotted rings).
MAX_OUTLINED_GROUPS = 3
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")
STANCE_COLORS = {"support": "#009E73", "oppose": "#D55E00", "conditional": "#E69F00", "undecided": "#BBBBBB"}
STANCE_SYMBOLS = {"support": "+", "oppose": "\u2212", "conditional": "~", "undecided": "?"}
KIND_STYLE = {  # colour, hatch
    "person": ("#0072B2", ""),
    "state": ("#009E73", ".."),
    "organization": ("#CC79A7", "\\\\"),
    "group": ("#E69F00", "xx"),
    "anonymous": ("#999999", "//"),
}
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*", "h", "<", ">")
#: Text sizes in points, set on every text the kit draws (10 pt is 13.9 px at 100 dpi, 12.5 px at 90 dpi).
FONT_SIZE = 10
TITLE_SIZE = 12
#: Resolution of the figures made for notebooks (pixels per inch).
DPI = 100
_HATCH_WIDTH = 0.8
_ALT = "_kit_alt_text"
_LIGHT = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#CC79A7")  # light enough for black marks


def _safe(text: str) -> str:
    """Keep '$' in names from switching matplotlib into math mode."""
    return str(text).replace("$", r"\$")


def alt_text(ax: Axes) -> str:
    """The one-sentence description stored by the kit plot that drew ``ax``.

    Raises:
        KitError: ``ax`` was not drawn by a kit plot function.
    """
    text = getattr(ax, _ALT, None)
    if not text:
        raise KitError("this Axes was not drawn by a kit plot function; call e.g. kit.plots.plot_voices(case) first")
    return text


def figure_alt_text(fig: Any) -> str:
    """The alt text of every kit plot on ``fig``, in drawing order ("" if there is none)."""
    return " ".join(getattr(ax, _ALT) for ax in fig.axes if getattr(ax, _ALT, None))


def smallest_text_px(fig: Any, *, dpi: float | None = None) -> float:
    """Height in pixels of the smallest visible text on ``fig`` when saved at ``dpi`` (default: the figure's).

    Divide by the scale a page shows the image at to get the size a reader
    sees; the lessons ask for at least 11 px.
    """
    dpi = fig.dpi if dpi is None else dpi
    sizes = [
        t.get_fontsize()
        for t in fig.findobj(lambda a: hasattr(a, "get_text") and hasattr(a, "get_fontsize"))
        if t.get_visible() and t.get_text().strip() and t.get_figure(root=True) is fig
    ]
    return min(sizes, default=FONT_SIZE) * dpi / 72


def figure_html(fig: Any) -> str:
    """The figure as an ``<img>`` with an embedded PNG and its alt text (escaped).

    The PNG is made as the notebook's inline backend makes it (cropped to what
    was drawn, at the figure's resolution). ``data-min-text-px`` holds
    :func:`smallest_text_px`, so a browser test can check the size as shown.
    """
    import base64
    import io

    buffer = io.BytesIO()
    fig.savefig(
        buffer,
        format="png",
        bbox_inches="tight",
        dpi=fig.dpi,
        facecolor=fig.get_facecolor(),
        edgecolor=fig.get_edgecolor(),
    )
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    alt = esc(figure_alt_text(fig) or "A figure.")
    return (
        f"<img src='data:image/png;base64,{data}' alt='{alt}' class='kit-figure' "
        f"data-min-text-px='{smallest_text_px(fig):.1f}' style='max-width:100%'>"
    )


def _style(ax: Axes) -> None:
    """The kit's look, set on this Axes only (no global settings, no rc_context)."""
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=FONT_SIZE)  # also applies to ticks made later, at draw time


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=size, layout="constrained", dpi=DPI)
    _style(ax)
    return ax


def _title(ax: Axes, title: str, **kwargs: Any) -> None:
    ax.set_title(title, fontsize=TITLE_SIZE, fontweight="bold", **kwargs)


def _legend(ax: Axes, handles: Sequence[Any], **kwargs: Any) -> None:
    ax.legend(handles=handles, fontsize=FONT_SIZE, frameon=False, **kwargs)


def _finish(ax: Axes, text: str) -> Axes:
    """Store the alt text; in a notebook the figure then also shows as an ``<img>`` carrying it.

    IPython asks an object for ``_repr_html_`` before showing it; setting it on
    this figure (as matplotlib's inline backend sets ``figure.show``) changes
    no other figure and no global state.
    """
    setattr(ax, _ALT, text)
    fig = ax.get_figure(root=True)
    if fig is not None:
        fig._repr_html_ = lambda: figure_html(fig)  # type: ignore[method-assign]  # this figure only
    return ax


def with_alt_text(ax: Axes, text: str) -> Axes:
    """Give a figure drawn outside this module (the class heatmap) the kit's alt text and ``<img>`` display."""
    return _finish(ax, text)


def _footnote(ax: Axes, text: str) -> None:
    """A line under the plot (what it leaves out), in the figure's text size."""
    ax.annotate(
        text,
        xy=(0, 0),
        xycoords="axes fraction",
        xytext=(0, -34),
        textcoords="offset points",
        fontsize=FONT_SIZE,
        va="top",
    )


def _empty(ax: Axes, title: str, message: str) -> Axes:
    _title(ax, title, y=1.0)
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, fontsize=FONT_SIZE)
    ax.set_axis_off()
    return _finish(ax, f"{title}: {message}")


def _check(case: Case) -> None:
    require_case(case)


def plot_mentions(case: Case, *, top: int = 12, ax: Axes | None = None) -> Axes:
    """Mentions per actor as horizontal bars (most mentioned at the top), hatched by kind.

    A state named only as a place ("in Syria", :mod:`kit.analysis.places`) is not counted as an
    actor there: such mentions are left out, and a note under the chart says how many.
    """
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    _check(case)
    if not isinstance(top, int) or top < 1:
        raise KitError(f"top must be a whole number of at least 1, not {top!r}")
    as_actor, as_place = actor_mention_counts(case)
    counts = [(a, n) for a, n in as_actor.items() if n]
    order = {a.id: i for i, a in enumerate(case.actors)}
    counts.sort(key=lambda kv: (-kv[1], order.get(kv[0], len(order)), kv[0]))
    shown = counts[:top]
    ax = _axes(ax, (7, 0.35 * len(shown) + 1.5))
    title = "Who is mentioned"
    if not shown:
        return _empty(ax, title, "no actor is mentioned in this article")
    raw = [case.name_of(a) for a, _ in shown]
    values = [n for _, n in shown]
    kinds = [case.kind_of(a) for a, _ in shown]
    for y, (v, k) in enumerate(zip(values, kinds)):
        colour, hatch = KIND_STYLE.get(k, ("#999999", ""))
        ax.barh(y, v, color=colour, hatch=hatch, hatch_linewidth=_HATCH_WIDTH, edgecolor="black", linewidth=0.6)
        ax.text(v, y, f" {v}", va="center", fontsize=FONT_SIZE)
    ax.set_yticks(range(len(raw)), [_safe(n) for n in raw])
    ax.invert_yaxis()  # most mentioned at the top
    ax.set_xlabel("mentions", fontsize=FONT_SIZE)
    _title(ax, title)
    present = list(dict.fromkeys(kinds))
    _legend(
        ax,
        [
            Patch(
                facecolor=KIND_STYLE.get(k, ("#999999", ""))[0],
                hatch=KIND_STYLE.get(k, ("", ""))[1],
                hatch_linewidth=_HATCH_WIDTH,
                edgecolor="black",
                label=k,
            )
            for k in present
        ],
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
    )
    ax.set_xlim(0, max(values) * 1.15)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    rest = f", followed by {raw[1]} ({values[1]})" if len(raw) > 1 else ""
    places = ""
    if as_place:
        named = ", ".join(f"{case.name_of(a)} {n}" for a, n in sorted(as_place.items(), key=lambda kv: -kv[1]))
        places = f"Not counted: {sum(as_place.values())} mentions of a place, not an actor (“in …”: {named})."
        _footnote(ax, places)
    return _finish(
        ax,
        f"Bar chart of mentions per actor for the top {len(raw)} actors: "
        f"{raw[0]} is mentioned most ({values[0]} times){rest}." + (f" {places}" if places else ""),
    )


def plot_voices(case: Case, *, ax: Axes | None = None) -> Axes:
    """Share of voice: each speaker's part of the attributed statements; anonymous sources hatched."""
    from matplotlib.patches import Patch

    v = _an.voices(case)
    ax = _axes(ax, (7, 0.4 * len(v) + 1.5))
    title = "Who gets to speak"
    if v.empty:
        return _empty(ax, title, "no quote or reported statement has a known speaker")
    rows = list(v.itertuples())
    for y, row in enumerate(rows):
        anon = row.kind == "anonymous"
        ax.barh(
            y,
            100 * row.share,
            color="#999999" if anon else "#0072B2",
            hatch="//" if anon else "",
            hatch_linewidth=_HATCH_WIDTH,
            edgecolor="black",
            linewidth=0.6,
        )
        ax.text(
            100 * row.share,
            y,
            f" {row.total} ({row.quotes} quoted, {row.reported} reported)",
            va="center",
            fontsize=FONT_SIZE,
        )
    ax.set_yticks(range(len(rows)), [_safe(r.name) for r in rows])
    ax.invert_yaxis()  # most statements at the top
    ax.set_xlabel("share of attributed statements (%)", fontsize=FONT_SIZE)
    ax.set_xlim(0, 100 * v["share"].max() * 1.6)
    _title(ax, title, pad=26)
    # above the bars, in one row: inside or beside them it covered a bar's label
    _legend(
        ax,
        [
            Patch(facecolor="#0072B2", edgecolor="black", label="named speaker"),
            Patch(
                facecolor="#999999",
                hatch="//",
                hatch_linewidth=_HATCH_WIDTH,
                edgecolor="black",
                label="anonymous source",
            ),
        ],
        loc="lower left",
        bbox_to_anchor=(0, 1.0),
        ncol=2,
        borderaxespad=0.2,
        handlelength=1.2,
        columnspacing=1.0,
    )
    top = v.iloc[0]
    total = int(v["total"].sum())
    unknown = anonymous_count(case)[2]
    missing = ""
    if unknown:
        missing = (
            f"Not shown: {unknown} {'statement' if unknown == 1 else 'statements'} whose speaker the kit "
            "could not identify (it may be an unnamed source)."
        )
        _footnote(ax, missing)
    return _finish(
        ax,
        f"Bar chart of share of voice over {total} attributed statements: {top['name']} has "
        f"{round(100 * top['share'])}% ({top['total']} statements); "
        f"{(v['kind'] == 'anonymous').sum()} of the {len(v)} speakers are anonymous sources (hatched)."
        + (f" {missing}" if missing else ""),
    )


def plot_stances(
    case: Case,
    *,
    positions: Sequence[str] | None = None,
    evidence: Sequence[str] | None = None,
    level: str = "actor",
    ax: Axes | None = None,
) -> Axes:
    """Stance grid: actors x positions, each cell coloured and marked with the stance's symbol."""
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    m = _an.stance_matrix(case, positions=positions, evidence=evidence, level=level)
    codes = {v: i + 1 for i, v in enumerate(STANCE_VALUES)}
    # at most ~8 in wide for 9 positions (shown unscaled), at least as wide as the legend above the grid
    ax = _axes(ax, (max(0.62 * len(m.columns) + 2.4, 6.2), 0.4 * len(m) + 2.6))
    title = "Who stands where"
    if m.empty:
        return _empty(ax, title, "no coded stances for these options")
    grid = [[codes.get(v, 0) for v in row] for row in m.itertuples(index=False)]
    cmap = ListedColormap(["#FFFFFF"] + [STANCE_COLORS[v] for v in STANCE_VALUES])
    ax.imshow(grid, cmap=cmap, vmin=0, vmax=len(STANCE_VALUES), aspect="auto")
    for r, row in enumerate(m.itertuples(index=False)):
        for c, v in enumerate(row):
            if v is not None:
                ax.text(c, r, STANCE_SYMBOLS[v], ha="center", va="center", fontsize=TITLE_SIZE + 1, fontweight="bold")
    labels = {p.id: p.label for p in case.positions}
    ax.set_xticks(
        range(len(m.columns)), [_safe(labels[p]) for p in m.columns], rotation=35, ha="right", rotation_mode="anchor"
    )
    ax.set_yticks(range(len(m)), [_safe(case.name_of(a)) for a in m.index])
    ax.set_xticks([x - 0.5 for x in range(1, len(m.columns))], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, len(m))], minor=True)
    ax.grid(which="minor", color="#666666", linewidth=0.5)
    ax.tick_params(which="minor", length=0)
    _title(ax, title, pad=26)
    # above the grid, in one row: beside it, the figure grew too wide to show unscaled
    _legend(
        ax,
        [
            Patch(facecolor=STANCE_COLORS[v], edgecolor="black", label=f"{STANCE_SYMBOLS[v]}  {v}")
            for v in STANCE_VALUES
        ],
        loc="lower left",
        bbox_to_anchor=(0, 1.0),
        ncol=len(STANCE_VALUES),
        borderaxespad=0.2,
        handlelength=1.2,
        columnspacing=1.0,
    )
    tally = Counter(v for row in m.itertuples(index=False) for v in row if v is not None)
    parts = ", ".join(f"{tally[v]} {v}" for v in STANCE_VALUES if tally[v])
    return _finish(
        ax,
        f"Stance grid of {len(m)} actors by {len(m.columns)} positions ({parts}); "
        f"the first row, {case.name_of(m.index[0])}, is shown at the top.",
    )


def _layout(graph: Any, found: Sequence[Sequence[str]]) -> dict[str, tuple[float, float]]:
    """Linked actors on a circle, each coalition's members side by side; the others in a row underneath."""
    import math

    linked = [n for c in found if len(c) > 1 for n in c]
    alone = [n for c in found if len(c) == 1 for n in c]
    pos: dict[str, tuple[float, float]] = {}
    for i, n in enumerate(linked):
        angle = math.pi / 2 - 2 * math.pi * i / len(linked)
        pos[n] = (math.cos(angle), math.sin(angle)) if len(linked) > 1 else (0.0, 0.0)
    bottom = -1.55 if linked else 0.0
    for i, n in enumerate(alone):
        x = -1.0 + 2.0 * (i + 0.5) / len(alone) if len(alone) > 1 else 0.0
        pos[n] = (x, bottom)
    return pos


def _ringed(case: Case, groups: Sequence[str] | None) -> list[Any]:
    if groups is None:
        return list(case.groups[:1])
    ids = [groups] if isinstance(groups, str) else list(groups)
    known = {g.id: g for g in case.groups}
    bad = [g for g in ids if g not in known]
    if bad:
        raise KitError(f"unknown group {bad[0]!r}; this case has: {', '.join(known) or 'no groups'}")
    if len(ids) > MAX_OUTLINED_GROUPS:
        raise KitError(
            f"at most {MAX_OUTLINED_GROUPS} groups can be ringed at once, not {len(ids)}; pick the ones to compare"
        )
    return [known[g] for g in ids]


def plot_network(
    case: Case,
    *,
    positions: Sequence[str] | None = None,
    evidence: Sequence[str] | None = None,
    level: str = "actor",
    groups: Sequence[str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """The agreement network: colour and marker by detected coalition, rings for declared groups.

    Args:
        groups: ids of up to three declared groups to ring (solid, dashed,
            dotted), counting people who speak for a member; ``None`` rings the
            case's first group, ``[]`` none.
    """
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D
    from matplotlib.transforms import offset_copy

    graph = _an.agreement_network(case, positions=positions, evidence=evidence, level=level)
    found = _an.communities(graph)
    ax = _axes(ax, (8, 6))
    title = "Who agrees with whom"
    if graph.number_of_nodes() == 0:
        return _empty(ax, title, "no coded stances for these options")
    pos = _layout(graph, found)
    edges = list(graph.edges(data="weight"))
    ax.add_collection(
        LineCollection(
            [(pos[a], pos[b]) for a, b, _ in edges],
            colors="#555555",
            alpha=0.6,
            linewidths=[1 + 1.5 * w for _, _, w in edges],
            zorder=1,
        ),
        autolim=False,
    )
    handles = []
    multi = [c for c in found if len(c) > 1]
    for i, members in enumerate(found):
        single = len(members) == 1
        colour = "#BBBBBB" if single else OKABE_ITO[i % 7]
        marker = "X" if single else MARKERS[i % len(MARKERS)]
        ax.scatter(
            [pos[n][0] for n in members],
            [pos[n][1] for n in members],
            s=320,
            c=colour,
            marker=marker,
            edgecolors="black",
            linewidths=0.8,
            zorder=3,
        )
        if not single:
            handles.append(
                Line2D(
                    [],
                    [],
                    linestyle="",
                    marker=marker,
                    markersize=10,
                    markerfacecolor=colour,
                    markeredgecolor="black",
                    label=f"coalition {i + 1} ({len(members)})",
                )
            )
    if len(multi) < len(found):
        handles.append(
            Line2D(
                [],
                [],
                linestyle="",
                marker="X",
                markersize=10,
                markerfacecolor="#BBBBBB",
                markeredgecolor="black",
                label="agrees with no one",
            )
        )
    ringed = _ringed(case, groups)
    for gi, group in enumerate(ringed):
        style = ("-", "--", ":")[gi]
        marked = [
            n for n in graph if n in group.members or getattr(case.get_actor(n), "country", None) in group.members
        ]
        if marked:
            ax.scatter(
                [pos[n][0] for n in marked],
                [pos[n][1] for n in marked],
                s=700 + 350 * gi,
                facecolors="none",
                edgecolors="black",
                linewidths=1.2,
                linestyles=style,
                zorder=2,
            )
            handles.append(Line2D([], [], linestyle=style, color="black", label=f"ring: {_safe(group.name)}"))
    for n in graph:
        x, y = pos[n]
        outward = (x, y) if y > -1.2 and (x or y) else (0.0, -1.0)  # the row underneath: labels below it
        norm = max((outward[0] ** 2 + outward[1] ** 2) ** 0.5, 1e-9)
        dx, dy = 22 * outward[0] / norm, 18 * outward[1] / norm
        ha = "center" if abs(dx) < 8 else ("left" if dx > 0 else "right")
        ax.text(
            x,
            y,
            _safe(graph.nodes[n]["name"]),
            ha=ha,
            va="center",
            fontsize=FONT_SIZE,
            zorder=4,
            transform=offset_copy(ax.transData, fig=ax.get_figure(root=True), x=dx, y=dy, units="points"),
        )
    _title(ax, title, y=1.0)  # a fixed place: no axis on top to make room for (and cheaper to draw)
    ax.set_axis_off()
    ax.margins(0.18)
    # under the drawing: beside it, the labels of the right-hand nodes ran into it
    _legend(ax, handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=min(3, len(handles)))
    if multi:
        names = ", ".join(graph.nodes[n]["name"] for n in multi[0])
        what = f"the largest coalition ({len(multi[0])} actors) is {names}"
    else:
        what = "no two actors agree on any position"
    rings = ", ".join(f"{g.name} ({('solid', 'dashed', 'dotted')[i]})" for i, g in enumerate(ringed))
    rings = f"; rings mark members of {rings}" if rings else ""
    return _finish(
        ax,
        f"Agreement network of {graph.number_of_nodes()} actors and {graph.number_of_edges()} "
        f"links, line width showing shared positions; {what}{rings}.",
    )


def plot_membership(case: Case, *, ax: Axes | None = None) -> Axes:
    """Declared groups as a dot matrix: one row per member, one column per group, a check mark per membership."""
    import textwrap

    _check(case)
    groups = case.groups
    members = ordered_actors(case, {m for g in groups for m in g.members})
    ax = _axes(ax, (1.15 * max(len(groups), 2) + 2.4, 0.35 * len(members) + 2.2))  # ~8 in: shown unscaled
    title = "Who belongs to which group"
    if not groups or not members:
        return _empty(ax, title, "this case declares no groups")
    for c, g in enumerate(groups):
        for r, a in enumerate(members):
            if a in g.members:
                ax.scatter(c, r, s=260, color=_LIGHT[c % len(_LIGHT)], edgecolors="black", zorder=2)
                ax.text(c, r, "\u2713", ha="center", va="center", fontsize=FONT_SIZE + 1, fontweight="bold", zorder=3)
            else:
                ax.scatter(c, r, s=18, color="#DDDDDD", zorder=1)
    ax.set_xticks(range(len(groups)), [_safe(textwrap.fill(g.name, 16) + f"\n({g.basis})") for g in groups])
    ax.set_yticks(range(len(members)), [_safe(case.name_of(a)) for a in members])
    ax.set_xlim(-0.6, len(groups) - 0.4)
    ax.invert_yaxis()
    ax.xaxis.tick_top()
    _title(ax, title, pad=30)
    sizes = "; ".join(f"{g.name} has {len(g.members)} member{'s' if len(g.members) != 1 else ''}" for g in groups)
    return _finish(
        ax,
        f"Dot matrix of {len(members)} actors in {len(groups)} declared groups ({sizes}); "
        "a check mark shows membership.",
    )
