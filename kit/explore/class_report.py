"""The class view as a plain-text report (the command line) and as one HTML page with the heatmap.

>>> import kit
>>> from kit.explore.class_view import class_results
>>> report_text(class_results(kit.load_case(), kit.example_class(), samples=20)).splitlines()[0]
"24 learners' codings read; 6 files skipped (synthetic example files, not real learners)."
"""

from __future__ import annotations

from collections import Counter

from ..analysis.class_agreement import CATEGORIES, Reliability, reference_coding
from ..util import esc
from .class_heatmap import heatmap_alt_text, heatmap_size, plot_class_heatmap
from .class_view import ClassResults, compare_outcome, distribution, number, plain_words, render_class
from .figures import close_figure, new_figure
from .render import figure_img

__all__ = ["report_text", "class_page", "class_tables"]


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


def _reasons(res: ClassResults, unit: tuple[str, str], value: str) -> str:
    found = Counter(
        f.notes[unit]
        for f in res.files.learners
        if unit in f.notes and (f.coding.get(unit) or {}).get("value") == value
    )
    return " | ".join(f"{text} ({n}x)" for text, n in found.most_common())


def _reliability_row(scope: str, key: str, name: str, r: Reliability) -> list[str]:
    fig = (lambda x: "" if x != x else f"{x:.4f}") if r.enough else (lambda x: "")
    return [
        scope,
        key,
        name,
        str(r.units),
        str(r.coders),
        "" if r.percent != r.percent else f"{r.percent:.1f}",
        fig(r.alpha),
        fig(r.ci[0]),
        fig(r.ci[1]),
        fig(r.alpha_ordinal),
        fig(r.below),
        r.why_not() or ("high agreement, low alpha" if r.paradox else ""),
    ]


def class_tables(res: ClassResults) -> dict[str, tuple[list[str], list[list[str]]]]:
    """The class view as tables for ``--csv DIR``: ``pairs`` (every pair anyone coded: counts per answer,
    the class's outcome, the reference, reasons per stance), ``agreement`` (overall, per position, per
    actor) and ``answers`` (exit tickets). ``{file stem: (header, rows)}``."""
    a = res.agreement
    ref = reference_coding(res.case)
    values = ["support", "conditional", "undecided", "oppose", "no stance"]
    head = [
        "actor",
        "actor_name",
        "position",
        "position_label",
        "coded_by",
        *(v.replace(" ", "_") for v in values),
        "class_outcome",
        "divided",
        "reading",
        "near_misses",
        "other_readings",
        "to_discuss",
        "reference",
        *(f"reasons_{v.replace(' ', '_')}" for v in values),
    ]
    discuss = set(a.to_discuss())
    rows = []
    for unit in sorted(a.counts, key=lambda u: (-a.coded_by(u), u[1], u[0])):
        counts = dict(zip(CATEGORIES, a.counts[unit], strict=True))
        near, far, none = a.away_from_top(unit)
        rows.append(
            [
                unit[0],
                res.actor_name(unit[0]),
                unit[1],
                res.position_label(unit[1]),
                str(a.coded_by(unit)),
                *(str(counts[v]) for v in values),
                a.majority.get(unit, ""),
                f"{a.division(unit):.3f}",
                a.reading(unit),
                str(near),
                str(far + none),
                "yes" if unit in discuss else "",
                ref.get(unit, ""),
                *(_reasons(res, unit, v) for v in values),
            ]
        )
    agreement = [_reliability_row("overall", "", "All positions", a.overall)]
    agreement += [_reliability_row("position", p, res.position_label(p), r) for p, r in a.per_position.items()]
    agreement += [_reliability_row("actor", x, res.actor_name(x), r) for x, r in a.per_actor.items()]
    answers = [
        [q.lesson, q.question, option, str(n), "yes" if correct else "", feedback]
        for q in res.files.answers()
        for option, n, correct, feedback in q.rows()
    ]
    return {
        "pairs": (head, rows),
        "agreement": (
            [
                "scope",
                "id",
                "label",
                "pairs",
                "learners",
                "percent_agreement",
                "alpha_nominal",
                "ci_low",
                "ci_high",
                "alpha_ordinal",
                "chance_below_0667",
                "note",
            ],
            agreement,
        ),
        "answers": (["lesson", "question", "option", "learners", "correct", "what_it_reveals"], answers),
    }
