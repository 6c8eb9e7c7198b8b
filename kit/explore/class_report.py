"""The class view as a plain-text report (the command line) and as one HTML page with the heatmap.

>>> import kit
>>> from kit.explore.class_view import class_results
>>> report_text(class_results(kit.load_case(), kit.example_class(), samples=20)).splitlines()[0]
"24 learners' codings read; 6 files skipped (synthetic example files, not real learners)."
"""

from __future__ import annotations

from ..analysis.class_agreement import reference_coding
from ..util import esc
from .class_heatmap import heatmap_alt_text, heatmap_size, plot_class_heatmap
from .class_view import ClassResults, compare_outcome, distribution, number, plain_words, render_class
from .figures import close_figure, new_figure
from .render import figure_img

__all__ = ["report_text", "class_page"]


def report_text(res: ClassResults, *, top: int = 5) -> str:
    """The class view as plain text (for the command line): files, agreement, pairs to discuss, the reference."""
    a, o = res.agreement, res.agreement.overall
    lines = res.files.summary_lines()
    held = "counted as one more coder" if res.reference_counted else "held out"
    lines += [
        "",
        f"Agreement (reference {held}): pairs, learners, % agreement, alpha nominal [95% BCa CI], alpha ordinal",
    ]
    for name, r in [("all positions", o)] + [(res.position_label(p), r) for p, r in a.per_position.items()]:
        pct = f"{number(r.percent, 0)}{'%' if r.percent == r.percent else ''}"
        if not r.enough:
            lines.append(f"  {name}: {r.units}, {r.coders}, {pct}, alpha not given: {r.why_not()}")
            continue
        ci = "" if r.ci[0] != r.ci[0] else f" [{r.ci[0]:.2f}, {r.ci[1]:.2f}]"
        flag = "  (high agreement, low alpha: nearly every pair got the same stance)" if r.paradox else ""
        lines.append(f"  {name}: {r.units}, {r.coders}, {pct}, {number(r.alpha)}{ci}, {number(r.alpha_ordinal)}{flag}")
    lines.append(f"  In plain words: {plain_words(o)}")
    discuss = a.to_discuss()[:top]
    lines += ["", f"Pairs to discuss ({a.discuss_rule()}):"]
    if not discuss:
        lines.append("  none: every pair coded by enough learners was coded the same way")
    for u in discuss:
        near, far, none = a.away_from_top(u)
        lines.append(
            f"  {res.actor_name(u[0])} on {res.position_label(u[1])}: {distribution(a.counts[u])} "
            f"(coded by {a.coded_by(u)}; {a.reading(u)}: {near} near misses, {far + none} other readings)"
        )
    ref = reference_coding(res.case)
    both = [u for u in a.majority if u in ref]
    if both:
        outcomes = {u: compare_outcome(a.majority[u], ref[u]) for u in both}
        same = sum(1 for v in outcomes.values() if v == "✓ same")
        split = sum(1 for v in outcomes.values() if v == "class split")
        lines += [
            "",
            f"The class's majority matches the reference on {same} of {len(both)} pairs both coded"
            + (f"; the class split evenly on {split}." if split else "."),
        ]
        lines += [
            f"  {'class split' if outcomes[u] == 'class split' else 'differs'}: {res.actor_name(u[0])} on "
            f"{res.position_label(u[1])}: class {a.majority[u]}, reference {ref[u]}"
            for u in both
            if outcomes[u] != "✓ same"
        ]
    return "\n".join(lines)


def class_page(res: ClassResults, *, teacher: bool = False, projector: bool = False) -> str:
    """A self-contained HTML page of the class view with the heatmap (for the command line's ``--html``);
    ``projector=True`` draws the heatmap and the pairs to discuss for the big screen."""

    width, height = heatmap_size(res, projector=projector)
    fig, ax = new_figure(width=width, height=height)
    try:
        plot_class_heatmap(res, ax=ax, projector=projector)
        img = figure_img(fig, heatmap_alt_text(res))
    finally:
        close_figure(fig)
    title = f"The class view: {res.case.title or 'coding'}"
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{esc(title)}</title></head>"
        f"<body style='font-family:sans-serif;max-width:70em;margin:1em auto'><h1>{esc(title)}</h1>{img}"
        f"{render_class(res, teacher=teacher, big=projector)}</body></html>\n"
    )
