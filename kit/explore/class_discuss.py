"""The class view's discussion parts: the pairs to discuss, coverage per pair, exit-ticket answers.

Pairs to discuss are those coded by at least :attr:`~kit.analysis.class_agreement.ClassAgreement.quorum`
learners (a fifth of the class, at least 3), most divided first; each shows its stance counts in
columns, then the sentences and reasons grouped by stance; opposite readings come before near misses.
All learner text is escaped.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from ..analysis.class_agreement import CATEGORIES
from ..util import esc as _esc
from .class_format import ORDER, distribution, html_table, label, quoted

if TYPE_CHECKING:  # pragma: no cover
    from .class_view import ClassResults

__all__ = ["render_discuss", "render_contested", "render_coverage", "render_answers"]


def _sentence(res: ClassResults, i: int | None) -> str:
    if i is None:
        return "<em>no sentence chosen</em>"
    art = res.case.article
    s = art.sentences[i]
    return f"¶ {s.paragraph + 1}: {_esc(quoted(art.text[s.start : s.end]))}"


def _by_stance(res: ClassResults, unit: tuple[str, str], *, names: bool) -> list[list[str]]:
    """One row per value given: the value, its learners, the sentences they chose and their reasons."""
    groups: dict[str, list[Any]] = {}
    for f in res.files.learners:
        entry = f.coding.get(unit)
        if entry and entry.get("value"):
            groups.setdefault(entry["value"], []).append(f)
    rows = []
    for value in ORDER:
        who = groups.get(value)
        if not who:
            continue
        sentences = Counter(f.coding[unit].get("sentence") for f in who)
        chosen = "".join(f"<li>{_sentence(res, i)} <small>({n}×)</small></li>" for i, n in sentences.most_common(3)) + (
            f"<li><small>and {len(sentences) - 3} other sentences</small></li>" if len(sentences) > 3 else ""
        )
        reasons: dict[str, list[str]] = {}
        for f in who:
            if unit in f.notes:
                reasons.setdefault(f.notes[unit], []).append(f.name)
        why = "".join(
            f"<li>{_esc(t)} <small>({len(w)}×{': ' + _esc(', '.join(sorted(w))) if names else ''})</small></li>"
            for t, w in sorted(reasons.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:3]
        )
        people = f"<br><small>{_esc(', '.join(sorted(f.name for f in who)))}</small>" if names else ""
        rows.append(
            [
                f"<strong>{_esc(label(value))}</strong>",
                f"{len(who)}{people}",
                f"<ul style='margin:0'>{chosen}</ul>",
                f"<ul style='margin:0'>{why}</ul>" if why else "<em>no reason given</em>",
            ]
        )
    return rows


def _pair_title(res: ClassResults, unit: tuple[str, str]) -> str:
    return f"{_esc(res.actor_name(unit[0]))} on {_esc(res.position_label(unit[1]))}"


def _counts_row(res: ClassResults, unit: tuple[str, str]) -> list[str]:
    a = res.agreement
    row = dict(zip(CATEGORIES, a.counts[unit], strict=True))
    near, far, none = a.away_from_top(unit)
    return [
        _pair_title(res, unit),
        *(str(row[v]) for v in ORDER),
        str(a.coded_by(unit)),
        f"{100 * a.division(unit):.0f}%",
        str(near),
        str(far + none),
    ]


def render_discuss(
    res: ClassResults, *, top: int = 5, position: str | None = None, names: bool = False, big: bool = False
) -> str:
    """The pairs to discuss: only pairs coded by enough of the class, most divided first; a table of
    stance counts in columns, then per pair the sentences and reasons grouped by stance, opposite readings
    apart from near misses. ``names=True`` (teacher only) says who chose what; ``big`` for a projector."""
    a = res.agreement
    units = [u for u in a.to_discuss() if position is None or u[1] == position][:top]
    rule = a.discuss_rule()
    if not units:
        return (
            f"<p><em>No pair to discuss: no pair coded by at least {a.quorum} learners was coded differently.</em> "
            f"<small>(The rule: {_esc(rule)}.)</small></p>"
        )
    size = "font-size:20px;" if big else ""
    head = [
        "Pair",
        *(_esc(label(v)) for v in ORDER),
        "Coded by",
        "Divided",
        "Near misses",
        "Opposite or other readings",
    ]
    parts = [
        f"<div class='kit-discuss' style='{size}'>",
        "<h4 style='margin:.8em 0 .3em'>Pairs to discuss: where the class split</h4>",
        f"<p><small>The rule: {_esc(rule)} (divided = the share of learners who did not give the most common "
        "answer). Near misses are one step from the most common stance on oppose – undecided – conditional – "
        "support (support vs conditional); opposite readings are further apart (support vs oppose).</small></p>",
        html_table(*_columns(head, [_counts_row(res, u) for u in units], big), "Learners per stance", style=size),
    ]
    groups = (
        (
            "Opposite readings: stances two or more steps apart (or a stance against no stance)",
            [u for u in units if a.reading(u) != "near miss"],
        ),
        ("Near misses: neighbouring stances", [u for u in units if a.reading(u) == "near miss"]),
    )
    for title, chosen in groups:
        if not chosen:
            continue
        parts.append(f"<h4 style='margin:.8em 0 .3em'>{_esc(title)}</h4>")
        for unit in chosen:
            parts.append(
                f"<div class='kit-contested' style='margin:.4em 0 .8em'><p><strong>{_pair_title(res, unit)}</strong>: "
                f"{_esc(distribution(a.counts[unit]))} ({a.coded_by(unit)} learners; {_esc(a.reading(unit))})</p>"
                + html_table(
                    ["Stance", "Learners", "Sentences they chose", "Their reasons"],
                    _by_stance(res, unit, names=names),
                    "By stance",
                    style=size,
                )
                + "</div>"
            )
    parts.append("</div>")
    return "".join(parts)


def _columns(head: list[str], rows: list[list[str]], big: bool) -> tuple[list[str], list[list[str]]]:
    """On a projector, only the pair, the counts and how divided (the readings follow below, per pair):
    ten columns in 20 px print do not fit a notebook's width."""
    if not big:
        return head, rows
    keep = [i for i, h in enumerate(head) if h not in ("Coded by", "Near misses", "Opposite or other readings")]
    return [head[i] for i in keep], [[row[i] for i in keep] for row in rows]


def render_contested(res: ClassResults, *, top: int = 5, position: str | None = None, names: bool = False) -> str:
    """The pairs to discuss (:func:`render_discuss`; the name older notebooks use)."""
    return render_discuss(res, top=top, position=position, names=names)


def render_coverage(res: ClassResults, *, position: str | None = None) -> str:
    """Per pair anyone coded: how many learners coded it, and how many of them saw no stance in the text."""
    a = res.agreement
    units = [u for u in a.counts if position is None or u[1] == position]
    units.sort(key=lambda u: (-a.coded_by(u), u[1], u[0]))
    if not units:
        return ""
    n = res.learners()
    rows = [
        [
            _pair_title(res, u),
            f"{a.coded_by(u)} of {n}",
            str(dict(zip(CATEGORIES, a.counts[u], strict=True))["no stance"]),
            "" if a.coded_by(u) >= a.quorum else "too few to count",
        ]
        for u in units
    ]
    once = sum(1 for u in units if a.coded_by(u) == 1)
    return (
        f"<details class='kit-coverage'><summary>How many learners coded each pair ({len(units)} pairs; "
        f"{once} coded by one learner only)</summary>"
        + html_table(["Pair", "Coded by", "of them: no stance in the text", ""], rows, "Coverage")
        + "</details>"
    )


def render_answers(res: ClassResults) -> str:
    """The exit-ticket and judgement answers that travelled in the learners' files: per question, how many
    chose each option, and the misconception each wrong option reveals."""
    questions = res.files.answers()
    if not questions:
        return (
            "<p><small>No exit-ticket or judgement answers came with the files (learners tick “Send my exit-ticket and judgement answers” "
            "before exporting their coding).</small></p>"
        )
    parts = ["<h4 style='margin:.8em 0 .3em'>Exit tickets and judgements: what the class answered</h4>"]
    for q in questions:
        rows = []
        for option, count, correct, feedback in q.rows():
            rows.append(
                [
                    _esc(option) + (" <strong>✓</strong>" if correct else ""),
                    str(count),
                    "" if correct else _esc(feedback),
                ]
            )
        parts.append(
            f"<p><strong>{_esc(q.lesson)} · {_esc(q.question)}</strong> <small>({q.total} answers)</small></p>"
            + html_table(["Option", "Learners", "What a wrong choice reveals"], rows, "Answers")
        )
    return "".join(parts)
