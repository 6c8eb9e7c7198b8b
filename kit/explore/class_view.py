"""The class view: what a class of learners coded, where it agreed, and where it split.

:func:`class_results` gathers the learners' files (:mod:`kit.learner.class_files`) and
the agreement figures (:mod:`kit.analysis.class_agreement`); the ``render_*`` functions
are pure (results in, escaped HTML out) and :func:`plot_class_heatmap`
(:mod:`.class_heatmap`) draws actor x position with the class's stances; :mod:`.class_report` gives the text
report and a whole page. Parts marked *teacher only*
(learners far from the consensus, who chose what, file names) are left out of
the projected view unless asked for.

>>> import kit
>>> from kit.learner import example_class
>>> res = class_results(kit.load_case(), example_class(), samples=200)
>>> "Krippendorff" in render_reliability(res)
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..analysis.alpha import alpha_words
from ..analysis.class_agreement import REFERENCE, STANCE_SCALE, ClassAgreement, class_agreement, reference_coding
from ..learner.class_files import ClassFiles, class_case, collect_codings
from ..records import Case
from ..util import esc as _esc
from .class_heatmap import heatmap_alt_text, plot_class_heatmap

__all__ = [
    "REFERENCE",
    "ClassResults",
    "class_results",
    "number",
    "distribution",
    "render_files",
    "render_reliability",
    "render_contested",
    "render_outliers",
    "render_consensus",
    "render_class",
    "reference_coding",
    "heatmap_alt_text",
    "plot_class_heatmap",
]

#: fewer pairable units than this: alpha is shown but flagged (it needs pairs that differ to say much)
FEW_UNITS = 5
_CELL = "border:1px solid #bbb;padding:.2em .5em;vertical-align:top;text-align:left"
_ORDER = ("support", "conditional", "undecided", "oppose")  # display order of a distribution


@dataclass(frozen=True)
class ClassResults:
    """A class's codings of one case and their agreement (``reference_counted``: the reference is one more coder)."""

    case: Case
    files: ClassFiles
    agreement: ClassAgreement
    reference_counted: bool = False

    def majority_case(self) -> Case:
        """The case with the class's majority coding as its stances (for :class:`kit.CoalitionExplorer`)."""
        return class_case(self.case, self.files, self.agreement)

    def actor_name(self, actor: str) -> str:
        return self.case.name_of(actor)

    def position_label(self, position: str) -> str:
        return next((p.label for p in self.case.positions if p.id == position), position)


def class_results(
    case: Case,
    sources: Any,
    *,
    anonymise: bool = False,
    reference: bool = False,
    quorum: int | None = None,
    samples: int = 1000,
    seed: int = 0,
) -> ClassResults:
    """Read the class's files (or take a :class:`~kit.learner.class_files.ClassFiles`) and compute the agreement.

    Args:
        sources: what :func:`~kit.learner.class_files.collect_codings` reads, or its result.
        anonymise: name learners "Learner 1", "Learner 2", ...
        reference: count the reference coding as one more coder (default: held out, shown beside the class).
        quorum, samples, seed: see :func:`~kit.analysis.class_agreement.class_agreement`.
    """
    files = sources if isinstance(sources, ClassFiles) else collect_codings(case, sources)
    if anonymise:
        files = files.anonymised()
    codings = files.codings()
    if reference and case.stances:
        codings[REFERENCE] = reference_coding(case)
    agreement = class_agreement(
        codings, positions=[p.id for p in case.positions], quorum=quorum, samples=samples, seed=seed
    )
    return ClassResults(case, files, agreement, reference_counted=reference and bool(case.stances))


# --- tables ------------------------------------------------------------------------------


def _table(head: Sequence[str], rows: Sequence[Sequence[str]], caption: str) -> str:
    th = "".join(f"<th scope='col' style='{_CELL}'>{h}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td style='{_CELL}'>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (
        f"<table class='kit-table' style='border-collapse:collapse;margin:.4em 0'>"
        f"<caption style='text-align:left;font-weight:bold'>{_esc(caption)}</caption>"
        f"<thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"
    )


def number(x: float, digits: int = 2) -> str:
    """A figure with ``digits`` decimals, "n/a" for NaN (never "-0.00")."""
    return "n/a" if x != x else f"{x + 0.0:.{digits}f}".replace("-0.00", "0.00")


def _ci(ci: tuple[float, float]) -> str:
    return "" if ci[0] != ci[0] else f" <small>[{ci[0]:.2f}, {ci[1]:.2f}]</small>"


def distribution(row: Sequence[int]) -> str:
    """Learners per stance in words, most in favour first: "support 12 · oppose 3"."""
    counts = dict(zip(STANCE_SCALE, row, strict=True))
    return " · ".join(f"{v} {counts[v]}" for v in _ORDER if counts[v])


def render_files(files: ClassFiles, *, names: bool = True) -> str:
    """How many codings were read, and one line per skipped file (``names=False``: counts by kind only)."""
    lines = files.summary_lines()
    if not names:
        kinds = Counter(s.kind for s in files.skipped)
        lines = lines[:1] + [f"{n} file{'s' if n != 1 else ''} skipped: {k}" for k, n in kinds.items()]
    items = "".join(f"<li>{_esc(x)}</li>" for x in lines[1:])
    return f"<p role='status'><strong>{_esc(lines[0])}</strong></p>" + (
        f"<ul class='kit-skipped'>{items}</ul>" if items else ""
    )


def render_reliability(res: ClassResults) -> str:
    """Krippendorff's alpha (nominal, ordinal, with bootstrap 95% intervals) and percent agreement, overall and per position."""
    a = res.agreement
    who = "the class and the reference coding" if res.reference_counted else "the class (reference held out)"
    rows = []
    for label, r in [("All positions", a.overall)] + [(res.position_label(p), r) for p, r in a.per_position.items()]:
        few = " <small>(few pairs)</small>" if r.units < FEW_UNITS else ""
        rows.append(
            [
                _esc(label),
                str(r.units),
                str(r.coders),
                f"{number(r.percent, 0)}%" if r.percent == r.percent else "n/a",
                f"<strong>{number(r.alpha)}</strong>{_ci(r.ci)}{few}",
                f"{number(r.alpha_ordinal)}{_ci(r.ci_ordinal)}{few}",
            ]
        )
    o = a.overall
    words = (
        f"<p role='status'>Krippendorff's alpha for {_esc(who)}: <strong>{number(o.alpha)}</strong> "
        f"({_esc(alpha_words(o.alpha))}); learners who coded the same pair gave the same stance "
        f"{number(o.percent, 0)}% of the time.</p>"
    )
    note = (
        "<p><small>Pairs = actor–position pairs coded by at least two learners; a learner who left a pair out is "
        "missing there, not counted as disagreeing. Alpha corrects for the agreement expected by chance: 1 is "
        "perfect, 0 is chance level; ordinal alpha counts oppose &lt; undecided &lt; conditional &lt; support, so "
        "near misses cost less. [low, high]: 95% bootstrap interval over pairs. Alpha asks whether learners tell "
        "pairs apart; on a position with few pairs, all with the same stance, it stays near 0 however well the "
        "class agrees: read the percentage there.</small></p>"
    )
    return (
        words
        + _table(
            ["Positions", "Pairs", "Learners", "Agreement", "Alpha (nominal)", "Alpha (ordinal)"],
            rows,
            "How far the class agrees",
        )
        + note
    )


def _evidence_lines(res: ClassResults, unit: tuple[str, str], *, names: bool) -> tuple[str, str]:
    """The sentences learners chose (with counts and stances) and their justifications, as two HTML lists."""
    art = res.case.article
    chosen: dict[int | None, list[tuple[str, str]]] = {}
    notes: dict[str, list[str]] = {}
    for f in res.files.learners:
        entry = f.coding.get(unit)
        if not entry or not entry.get("value"):
            continue
        chosen.setdefault(entry.get("sentence"), []).append((f.name, entry["value"]))
        if unit in f.notes:
            notes.setdefault(f.notes[unit], []).append(f.name)
    items = []
    for i, who in sorted(chosen.items(), key=lambda kv: -len(kv[1])):
        text = (
            "<em>no sentence chosen</em>"
            if i is None
            else f"“{_esc(' '.join(art.text[art.sentences[i].start : art.sentences[i].end].split()))}”"
        )
        values = Counter(v for _, v in who)
        tally = ", ".join(f"{v} {n}" for v, n in values.most_common())
        people = f" <small>({_esc(', '.join(sorted(n for n, _ in who)))})</small>" if names else ""
        where = "" if i is None else f"¶ {art.sentences[i].paragraph + 1}: "
        items.append(f"<li>{where}{text} — <strong>{_esc(tally)}</strong>{people}</li>")
    why = [
        f"<li>{_esc(t)} <small>({len(w)}×{': ' + _esc(', '.join(sorted(w))) if names else ''})</small></li>"
        for t, w in sorted(notes.items(), key=lambda kv: -len(kv[1]))
    ]
    return "".join(items), "".join(why)


def render_contested(res: ClassResults, *, top: int = 5, position: str | None = None, names: bool = False) -> str:
    """The most contested pairs first: the class's stances, the sentences learners chose and their justifications.

    ``names=True`` (teacher only) says who chose what.
    """
    a = res.agreement
    units = [u for u in a.contested() if position is None or u[1] == position][:top]
    if not units:
        return "<p><em>No actor–position pair was coded by two learners or more.</em></p>"
    parts = ["<h4 style='margin:.8em 0 .3em'>Where the class split: discuss the evidence</h4>"]
    for unit in units:
        row = a.counts[unit]
        chosen, why = _evidence_lines(res, unit, names=names)
        parts.append(
            f"<div class='kit-contested' style='margin:.4em 0 .8em'><p><strong>{_esc(res.actor_name(unit[0]))}</strong> on "
            f"<strong>{_esc(res.position_label(unit[1]))}</strong>: {_esc(distribution(row))} "
            f"({sum(row)} learners; the most common stance has {number(100 * a.share(unit), 0)}%)</p>"
            f"<p style='margin:.2em 0'>Sentences the learners chose:</p><ul>{chosen}</ul>"
            + (f"<p style='margin:.2em 0'>Their justifications:</p><ul>{why}</ul>" if why else "")
            + "</div>"
        )
    return "".join(parts)


def render_outliers(res: ClassResults, *, top: int = 5) -> str:
    """Teacher only: the learners who most often differ from the rest of the class (never for projection)."""
    fits = sorted(
        (f for f in res.agreement.fits if f.compared and f.coder != REFERENCE), key=lambda f: (f.share, f.coder)
    )
    if not fits:
        return "<p><em>No learner's coding could be compared with the others.</em></p>"
    rows = [[_esc(f.coder), str(f.coded), f"{f.agree} of {f.compared}", f"{100 * f.share:.0f}%"] for f in fits[:top]]
    return (
        "<h4 style='margin:.8em 0 .3em'>Learners far from the class consensus (teacher only)</h4>"
        "<p><small>Agreement with the most common stance among the <em>other</em> learners, on the pairs each "
        "learner coded. A low figure can mean a careless coding, a misunderstood position, or a learner who "
        "read the article more closely than the rest: talk to them before judging.</small></p>"
        + _table(["Learner", "Pairs coded", "Agrees with the others", "Share"], rows, "Furthest from the consensus")
    )


def render_consensus(res: ClassResults, *, position: str | None = None) -> str:
    """The class's majority coding beside the reference coding, with the reference's reasoning."""
    a, case = res.agreement, res.case
    ref = {(s.actor, s.position): s for s in case.stances}
    units = sorted(
        set(a.majority) | set(ref),
        key=lambda u: (
            [p.id for p in case.positions].index(u[1]) if u[1] in {p.id for p in case.positions} else 99,
            res.actor_name(u[0]).lower(),
        ),
    )
    rows, same = [], 0
    for unit in units:
        if position is not None and unit[1] != position:
            continue
        mine = a.majority.get(unit)
        theirs = ref.get(unit)
        cls = (
            "<em>not enough learners coded it</em>"
            if mine is None
            else f"<strong>{_esc(mine)}</strong> <small>({_esc(distribution(a.counts[unit]))})</small>"
        )
        if theirs is None:
            reference = "<em>not in the reference</em>"
        else:
            reasoning = " ".join(x for x in (f"“{theirs.evidence}”" if theirs.evidence else "", theirs.note) if x)
            reference = f"<strong>{_esc(theirs.value)}</strong><br><small>{_esc(reasoning)}</small>"
        match = "" if mine is None or theirs is None else ("✓ same" if mine == theirs.value else "✗ differs")
        same += match == "✓ same"
        rows.append([_esc(res.actor_name(unit[0])), _esc(res.position_label(unit[1])), cls, reference, match])
    if not rows:
        return "<p><em>Neither the class nor the reference coded a stance here.</em></p>"
    both = sum(1 for r in rows if r[4])
    head = (
        f"<p role='status'>The class's majority matches the reference on <strong>{same} of {both}</strong> pairs "
        f"both coded. A pair enters the class coding when at least {a.quorum} learners coded it.</p>"
    )
    return head + _table(
        ["Actor", "Position", "The class", "The reference, and why", ""],
        rows,
        "The class's coding beside the reference",
    )


def render_class(res: ClassResults, *, teacher: bool = False, position: str | None = None, top: int = 5) -> str:
    """The whole class view; ``teacher=True`` adds file names, who chose what and the learners far from consensus."""
    parts = [
        render_files(res.files, names=teacher),
        render_reliability(res),
        render_contested(res, top=top, position=position, names=teacher),
        render_consensus(res, position=position),
    ]
    if teacher:
        parts.append(render_outliers(res, top=top))
    return "".join(parts)
