"""The class view as a plain-text report (the command line) and as one HTML page with the heatmap.

>>> import kit
>>> from kit.explore.class_view import class_results
>>> report_text(class_results(kit.load_case(), kit.example_class(), samples=20)).splitlines()[0]
"24 learners' codings read; 6 files skipped (synthetic example files, not real learners)."
"""

from __future__ import annotations

from ..analysis.alpha import alpha_words
from ..analysis.class_agreement import reference_coding
from ..util import esc
from .class_heatmap import heatmap_alt_text, plot_class_heatmap
from .class_view import FEW_UNITS, ClassResults, distribution, number, render_class
from .figures import close_figure, new_figure
from .render import figure_img

__all__ = ["report_text", "class_page"]


def report_text(res: ClassResults, *, top: int = 5) -> str:
    """The class view as plain text (for the command line): files, agreement, contested pairs, the reference."""
    a, o = res.agreement, res.agreement.overall
    lines = res.files.summary_lines()
    held = "counted as one more coder" if res.reference_counted else "held out"
    lines += ["", f"Agreement (reference {held}): pairs, learners, % agreement, alpha nominal [95% CI], alpha ordinal"]
    for label, r in [("all positions", o)] + [(res.position_label(p), r) for p, r in a.per_position.items()]:
        few = "  (few pairs)" if r.units < FEW_UNITS else ""
        ci = "" if r.ci[0] != r.ci[0] else f" [{r.ci[0]:.2f}, {r.ci[1]:.2f}]"
        lines.append(
            f"  {label}: {r.units}, {r.coders}, {number(r.percent, 0)}{'%' if r.percent == r.percent else ''}, {number(r.alpha)}{ci}, {number(r.alpha_ordinal)}{few}"
        )
    lines.append(f"  alpha {number(o.alpha)}: {alpha_words(o.alpha)}")
    contested = a.contested()[:top]
    if contested:
        lines += ["", "Most contested pairs:"]
        lines += [
            f"  {res.actor_name(u[0])} on {res.position_label(u[1])}: {distribution(a.counts[u])}" for u in contested
        ]
    ref = reference_coding(res.case)
    both = [u for u in a.majority if u in ref]
    if both:
        same = sum(1 for u in both if a.majority[u] == ref[u])
        lines += ["", f"The class's majority matches the reference on {same} of {len(both)} pairs both coded."]
        lines += [
            f"  differs: {res.actor_name(u[0])} on {res.position_label(u[1])}: class {a.majority[u]}, reference {ref[u]}"
            for u in both
            if a.majority[u] != ref[u]
        ]
    return "\n".join(lines)


def class_page(res: ClassResults, *, teacher: bool = False) -> str:
    """A self-contained HTML page of the class view with the heatmap (for the command line's ``--html``)."""

    n = max(len({u[0] for u in res.agreement.majority}), 3)
    fig, ax = new_figure(width=1.45 * max(len(res.case.positions), 2) + 3.8, height=0.42 * n + 2.2)
    try:
        plot_class_heatmap(res, ax=ax)
        img = figure_img(fig, heatmap_alt_text(res))
    finally:
        close_figure(fig)
    title = f"The class view: {res.case.title or 'coding'}"
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{esc(title)}</title></head>"
        f"<body style='font-family:sans-serif;max-width:70em;margin:1em auto'><h1>{esc(title)}</h1>{img}"
        f"{render_class(res, teacher=teacher)}</body></html>\n"
    )
