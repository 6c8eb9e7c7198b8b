"""Pure render functions for the StanceCoder: the learner's table, a comparison, two files compared.

All case and article text is escaped. Values are written as words, never as
colours alone.

>>> import kit
>>> case = kit.load_case()
>>> "not coded any stance" in render_coding(case, ())
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..learner.codingfile import kappa_words
from ..records import Case, Stance
from ..util import esc

__all__ = ["render_positions", "render_coding", "render_comparison", "render_pair", "MIN_KAPPA_PAIRS"]

#: Kappa is shown only from this many compared pairs: below it, one difference swings it wildly.
MIN_KAPPA_PAIRS = 10

_CELL = "border:1px solid #bbb;padding:.2em .5em;vertical-align:top;text-align:left"


def _labels(case: Case) -> dict[str, str]:
    return {p.id: p.label for p in case.positions}


def _table(head: Sequence[str], rows: Sequence[Sequence[str]], caption: str) -> str:
    th = "".join(f"<th scope='col' style='{_CELL}'>{h}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td style='{_CELL}'>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (
        f"<table class='kit-table' style='border-collapse:collapse;margin:.4em 0'>"
        f"<caption style='text-align:left;font-weight:bold'>{esc(caption)}</caption>"
        f"<thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"
    )


def _evidence(stance: Stance | None) -> str:
    if stance is None:
        return "<em>not coded</em>"
    passage = (
        f"<br><small>“{esc(stance.evidence)}”</small>"
        if stance.evidence
        else "<br><small><em>no evidence chosen</em></small>"
    )
    why = f"<br><small>Why: {esc(stance.note)}</small>" if stance.note else ""
    return f"<strong>{esc(stance.value)}</strong>{passage}{why}"


def render_positions(case: Case) -> str:
    """The positions to code, with their descriptions, and the stance scale."""
    if not case.positions:
        return "<p><em>This case has no positions to code yet.</em></p>"
    rows = "".join(
        f"<li><strong>{esc(p.label)}</strong>{' — ' + esc(p.description) if p.description else ''}</li>"
        for p in case.positions
    )
    return (
        f"<p>Positions to code:</p><ul>{rows}</ul>"
        "<p>For each actor: support, oppose, conditional or undecided, the sentence that shows it, "
        "its evidence type and one line on why.</p>"
    )


def render_coding(case: Case, stances: Sequence[Stance], *, current: tuple[str, str] | None = None) -> str:
    """The learner's stances as a table (position, actor, stance, evidence); ``current`` row marked with ▶.

    With ``current`` (actor id, position id), a first line says what is being coded now.
    """
    positions = _labels(case)
    head = ""
    if current is not None and None not in current:
        actor, position = current
        mine = next((s for s in stances if (s.actor, s.position) == current), None)
        value = f"<strong>{esc(mine.value)}</strong>" if mine else "<em>not coded yet</em>"
        head = (
            f"<p class='kit-now'>▶ Now coding: <strong>{esc(case.name_of(actor))}</strong> on "
            f"<strong>{esc(positions.get(position, position))}</strong>: {value}</p>"
        )
    if not stances:
        return head + "<p class='kit-empty'><em>You have not coded any stance yet.</em></p>"
    order = {p.id: i for i, p in enumerate(case.positions)}
    rows = []
    for s in sorted(stances, key=lambda s: (order.get(s.position, 99), case.name_of(s.actor).lower())):
        mark = "▶ " if current == (s.actor, s.position) else ""
        rows.append(
            [
                mark + esc(positions.get(s.position, s.position)),
                esc(case.name_of(s.actor)),
                esc(s.value),
                esc(s.evidence) or "<em>no evidence chosen</em>",
                esc(s.evidence_type),
                esc(s.note) or "<em>no reason given</em>",
            ]
        )
    return head + _table(
        ["Position", "Actor", "Your stance", "Evidence", "How it reaches the reader", "Why"],
        rows,
        f"Your coding: {len(stances)} stance{'s' if len(stances) != 1 else ''}",
    )


def _summary(agreement: Any, who: str) -> str:
    """'<who> agree on k of n pairs (p%)', then kappa with its words."""

    agree = round(agreement.percent * agreement.n / 100)
    if agreement.n < MIN_KAPPA_PAIRS:
        kappa = (
            f"Cohen's kappa is not shown: with only {agreement.n} pair{'s' if agreement.n != 1 else ''}, one "
            f"difference would swing it wildly, so it would mean nothing yet. Code at least {MIN_KAPPA_PAIRS} "
            "pairs and compare again."
        )
    else:
        kappa = (
            f"Cohen's kappa, which discounts agreement by chance, is <strong>{agreement.kappa:.2f}</strong> "
            f"({esc(kappa_words(agreement.kappa))})."
        )
    return (
        f"<p role='status'>{who} agree on <strong>{agree} of {agreement.n}</strong> actor–position pairs "
        f"({agreement.percent:.0f}%). {kappa}</p>"
    )


def _by_position(case: Case, agreement: Any) -> str:
    if not agreement.per_position:
        return ""
    positions = _labels(case)
    rows = [
        [esc(positions.get(pid, pid)), str(n), f"{pct:.0f}%", f"{kappa:.2f}" if n >= MIN_KAPPA_PAIRS else "—"]
        for pid, (n, pct, kappa) in agreement.per_position.items()
    ]
    return _table(["Position", "Pairs", "Agreement", "Kappa"], rows, "By position")


def _differences(
    case: Case, agreement: Any, heads: tuple[str, str], caption: str, *, second_first: bool = False
) -> str:
    """Every disagreement with both codings' stance and evidence; ``second_first`` puts the second coding left."""
    if not agreement.disagreements:
        return "<p>No differences at all.</p>"
    positions = _labels(case)
    rows = []
    for a, p, first, second in agreement.disagreements:
        pair = (second, first) if second_first else (first, second)
        rows.append([esc(case.name_of(a)), esc(positions.get(p, p)), _evidence(pair[0]), _evidence(pair[1])])
    return _table(["Actor", "Position", esc(heads[0]), esc(heads[1])], rows, caption)


def render_comparison(case: Case, agreement: Any, *, who: str, mine: Sequence[Stance], not_yet: int = 0) -> str:
    """Agreement, kappa (in words), per position, and every disagreement with both codings' evidence.

    ``agreement`` is an :class:`~kit.analysis.Agreement` from ``compare_codings(other, mine)``;
    ``not_yet`` counts the other coding's pairs left out because the learner has not coded them.
    """
    who_cap = who[:1].upper() + who[1:]
    parts = [
        f"<h4 style='margin:.8em 0 .3em'>Your coding compared with {esc(who)}</h4>",
        _summary(agreement, f"You and {esc(who)}"),
    ]
    mine_keys = {(s.actor, s.position) for s in mine}
    uncoded = sum(1 for a, p, _x, _y in getattr(agreement, "one_sided", ()) if (a, p) not in mine_keys)
    if uncoded:
        parts.append(
            f"<p>{uncoded} pair{'s' if uncoded != 1 else ''} coded by {esc(who)} but not by you "
            f"{'are' if uncoded != 1 else 'is'} left out of these figures: a pair not coded is missing, not a "
            "disagreement (“no stance in the text” is an answer and counts).</p>"
        )
    if not_yet:
        parts.append(
            f"<p>{esc(who_cap)} also codes {not_yet} actor–position "
            f"pair{'s' if not_yet != 1 else ''} you have not coded yet (not shown: code them, then compare again).</p>"
        )
    parts.append(_by_position(case, agreement))
    parts.append(
        _differences(case, agreement, ("Yours", who_cap), "Where you differ: discuss the evidence", second_first=True)
    )
    return "".join(parts)


def render_pair(case: Case, agreement: Any, *, first: str, second: str) -> str:
    """Two codings compared (e.g. two learners' files, for a teacher): agreement, kappa, per position,
    and every disagreement with both codings' evidence.

    ``agreement`` is from ``compare_codings(first, second)`` (or :func:`kit.learner.codingfile.compare_files`);
    ``first`` and ``second`` name the codings (e.g. their file names).
    """
    parts = [
        f"<h4 style='margin:.8em 0 .3em'>{esc(first)} compared with {esc(second)}</h4>",
        _summary(agreement, f"{esc(first)} and {esc(second)}"),
        _by_position(case, agreement),
        _differences(case, agreement, (first, second), "Where the codings differ: discuss the evidence"),
        _one_sided(case, agreement, (first, second)),
    ]
    return "".join(parts)


def _one_sided(case: Case, agreement: Any, heads: tuple[str, str]) -> str:
    """The pairs only one coding has: left out of the figures (not coded is missing, as in the class view)."""
    pairs = getattr(agreement, "one_sided", ())
    if not pairs:
        return ""
    positions = _labels(case)
    rows = [
        [esc(case.name_of(a)), esc(positions.get(p, p)), _evidence(first), _evidence(second)]
        for a, p, first, second in pairs
    ]
    return "<p><small>Coded in one file only (left out of the figures above):</small></p>" + _table(
        ["Actor", "Position", esc(heads[0]), esc(heads[1])], rows, "Coded by one only"
    )
