"""The class view: what a class of learners coded, where it agreed, and where it split.

Pairs to discuss are those coded by at least a fifth of the class (at least 3
learners), most divided first, each with its stance counts in columns and the
sentences and reasons grouped by stance; near misses (one step apart on the
stance scale) are kept apart from opposite readings. A tie is "class split",
never a stance. Alpha is shown as a number only on 5 pairs or more (else the
percentage and why), with a bias-corrected (BCa) interval, the chance it is
below 0.667 and one sentence in plain words.

:func:`class_results` gathers the learners' files (:mod:`kit.learner.class_files`) and
the agreement figures (:mod:`kit.analysis.class_agreement`); the ``render_*`` functions
are pure (results in, escaped HTML out; the pairs to discuss, coverage and exit tickets
live in :mod:`.class_discuss`, shared formatting in :mod:`.class_format`) and :func:`plot_class_heatmap`
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
from dataclasses import dataclass
from typing import Any

from ..analysis.alpha import alpha_words
from ..analysis.class_agreement import (
    CATEGORIES,
    MIN_ALPHA_PAIRS,
    REFERENCE,
    SPLIT,
    ClassAgreement,
    Reliability,
    class_agreement,
    reference_coding,
)
from ..learner.class_files import ClassFiles, class_case, collect_codings
from ..records import Case
from ..util import esc as _esc
from .class_discuss import render_answers, render_contested, render_coverage, render_discuss
from .class_format import ci_text as _ci
from .class_format import distribution, label, number, quoted
from .class_format import html_table as _table
from .class_heatmap import heatmap_alt_text, plot_class_heatmap

__all__ = [
    "CATEGORIES",
    "SPLIT",
    "REFERENCE",
    "ClassResults",
    "class_results",
    "number",
    "distribution",
    "label",
    "compare_outcome",
    "render_files",
    "render_reliability",
    "render_contested",
    "render_discuss",
    "render_coverage",
    "render_answers",
    "plain_words",
    "quoted",
    "render_outliers",
    "render_consensus",
    "render_class",
    "reference_coding",
    "heatmap_alt_text",
    "plot_class_heatmap",
]

#: fewer pairable units than this: alpha is not shown as a number (kept for older imports)
FEW_UNITS = MIN_ALPHA_PAIRS


@dataclass(frozen=True)
class ClassResults:
    """A class's codings of one case and their agreement (``reference_counted``: the reference is one more coder)."""

    case: Case
    files: ClassFiles
    agreement: ClassAgreement
    reference_counted: bool = False

    def majority_case(self) -> Case:
        """The case with the class's majority coding as its stances (for :class:`kit.CoalitionExplorer`);
        pairs where the class split are left out (a split is not a stance)."""
        return class_case(self.case, self.files, self.agreement)

    def actor_name(self, actor: str) -> str:
        return self.case.name_of(actor)

    def position_label(self, position: str) -> str:
        return next((p.label for p in self.case.positions if p.id == position), position)

    def learners(self) -> int:
        return len([c for c in self.agreement.coders if c != REFERENCE])


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


def render_files(files: ClassFiles, *, names: bool = True) -> str:
    """How many codings were read, and one line per skipped file (``names=False``: counts by kind only)."""
    lines = files.summary_lines()
    if not names:
        kinds = Counter(s.kind for s in files.skipped)
        lines = lines[:1] + [f"{n} file{'s' if n != 1 else ''} skipped: {k}" for k, n in kinds.items()]
        lines += [x for x in files.summary_lines()[1:] if x.startswith("Same learner")]
    items = "".join(f"<li>{_esc(x)}</li>" for x in lines[1:])
    return f"<p role='status'><strong>{_esc(lines[0])}</strong></p>" + (
        f"<ul class='kit-skipped'>{items}</ul>" if items else ""
    )


def plain_words(r: Reliability) -> str:
    """One sentence a teacher can say out loud about a :class:`Reliability`."""
    if r.units == 0:
        return "No pair was coded by two learners or more, so there is nothing to compare yet."
    agree = f"Two learners who coded the same pair gave the same answer {number(r.percent, 0)}% of the time"
    if not r.enough:
        return f"{agree}; alpha is not given: {r.why_not()}."
    ci = "" if r.ci[0] != r.ci[0] else f" (95% interval {r.ci[0]:.2f} to {r.ci[1]:.2f})"
    chance = (
        ""
        if r.below != r.below
        else f" The chance that the class's true alpha is below 0.667, the usual minimum, is about {100 * r.below:.0f}%."
    )
    return (
        f"{agree}; after removing the agreement expected by chance, alpha is {number(r.alpha)}{ci}: "
        f"{alpha_words(r.alpha)}.{chance}"
    )


_PARADOX = (
    "High agreement, low alpha: nearly every pair here got the same stance, so two learners would agree "
    "often even by guessing that stance. Alpha subtracts that chance agreement, and what is left is small: "
    "the class has not yet shown that it tells pairs apart. Read the percentage, and discuss the few pairs coded differently."
)


def _alpha_cell(r: Reliability, alpha: float, ci: tuple[float, float], *, strong: bool) -> str:
    if not r.enough:
        return f"<em>{_esc(r.why_not())}</em>" if strong else "—"
    shown = f"<strong>{number(alpha)}</strong>" if strong else number(alpha)
    return shown + _ci(ci) + (" <strong title='high agreement, low alpha'>⚑</strong>" if strong and r.paradox else "")


def render_reliability(res: ClassResults) -> str:
    """Krippendorff's alpha (nominal, ordinal, with BCa 95% intervals) and percent agreement, overall and
    per position; alpha only where there are enough pairs, flagged where agreement is high but alpha low."""
    a = res.agreement
    who = "the class and the reference coding" if res.reference_counted else "the class (reference held out)"
    rows, flagged = [], []
    for name, r in [("All positions", a.overall)] + [(res.position_label(p), r) for p, r in a.per_position.items()]:
        if r.paradox:
            flagged.append(name)
        below = "" if not r.enough or r.below != r.below else f"{100 * r.below:.0f}%"
        rows.append(
            [
                _esc(name),
                str(r.units),
                str(r.coders),
                f"{number(r.percent, 0)}%" if r.percent == r.percent else "n/a",
                _alpha_cell(r, r.alpha, r.ci, strong=True),
                _alpha_cell(r, r.alpha_ordinal, r.ci_ordinal, strong=False),
                below,
            ]
        )
    o = a.overall
    words = (
        f"<p role='status'>Krippendorff's alpha for {_esc(who)}: "
        f"<strong>{number(o.alpha) if o.enough else 'not given'}</strong>. {_esc(plain_words(o))}</p>"
    )
    flag = (
        f"<p class='kit-paradox'><strong>⚑ {_esc(', '.join(flagged))}:</strong> {_esc(_PARADOX)}</p>" if flagged else ""
    )
    note = (
        "<p><small>Pairs = actor–position pairs coded by at least two learners; a learner who left a pair out "
        "is missing there, not counted as disagreeing, while “no stance in the text” is an answer like a stance "
        "(the same rule as lesson 05's comparison of two coders). Alpha corrects for the agreement expected by "
        f"chance: 1 is perfect, 0 is chance level. It is given only on {MIN_ALPHA_PAIRS} pairs or more with two "
        "different answers; elsewhere read the percentage. Ordinal alpha counts oppose &lt; undecided &lt; "
        "conditional &lt; support, so near misses cost less (“no stance” is left out of it). [low, high]: 95% "
        "bias-corrected (BCa) bootstrap interval over pairs. Below 0.667: the share of resamples whose alpha is "
        "below 0.667 (Hayes &amp; Krippendorff, 2007).</small></p>"
    )
    return (
        words
        + _table(
            ["Positions", "Pairs", "Learners", "Agreement", "Alpha (nominal)", "Alpha (ordinal)", "Below 0.667"],
            rows,
            "How far the class agrees",
        )
        + flag
        + note
    )


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


def compare_outcome(mine: str | None, theirs: str | None) -> str:
    """The class beside the reference: "✓ same", "✗ differs", "class split" or "" (one side missing)."""
    if mine is None or theirs is None:
        return ""
    if mine == SPLIT:
        return "class split"
    return "✓ same" if mine == theirs else "✗ differs"


def render_consensus(res: ClassResults, *, position: str | None = None) -> str:
    """The class's majority coding beside the reference coding, with the reference's reasoning.

    A pair where the class's most common answers tie is "class split": neither the same as the
    reference nor different from it."""
    a, case = res.agreement, res.case
    ref = {(s.actor, s.position): s for s in case.stances}
    ids = [p.id for p in case.positions]
    units = sorted(
        set(a.majority) | set(ref),
        key=lambda u: (ids.index(u[1]) if u[1] in ids else 99, res.actor_name(u[0]).lower()),
    )
    n = res.learners()
    rows: list[list[str]] = []
    tally: Counter[str] = Counter()
    for unit in units:
        if position is not None and unit[1] != position:
            continue
        mine = a.majority.get(unit)
        theirs = ref.get(unit)
        coded = f"<br><small>coded by {a.coded_by(unit)} of {n}</small>"
        if mine is None:
            cls = f"<em>not enough learners coded it</em>{coded}"
        elif mine == SPLIT:
            cls = f"<strong>class split</strong> <small>({_esc(distribution(a.counts[unit]))})</small>{coded}"
        else:
            cls = f"<strong>{_esc(label(mine))}</strong> <small>({_esc(distribution(a.counts[unit]))})</small>{coded}"
        if theirs is None:
            reference = "<em>not in the reference</em>"
        else:
            reasoning = " ".join(x for x in (quoted(theirs.evidence) if theirs.evidence else "", theirs.note) if x)
            reference = f"<strong>{_esc(theirs.value)}</strong><br><small>{_esc(reasoning)}</small>"
        match = compare_outcome(mine, theirs.value if theirs else None)
        tally[match] += 1
        rows.append([_esc(res.actor_name(unit[0])), _esc(res.position_label(unit[1])), cls, reference, _esc(match)])
    if not rows:
        return "<p><em>Neither the class nor the reference coded a stance here.</em></p>"
    both = tally["✓ same"] + tally["✗ differs"] + tally["class split"]
    split = f"; on {tally['class split']} the class split evenly (no majority)" if tally["class split"] else ""
    head = (
        f"<p role='status'>The class's majority matches the reference on <strong>{tally['✓ same']} of {both}</strong> "
        f"pairs both coded{split}. A pair enters the class coding when at least {a.quorum} learners coded it.</p>"
    )
    return head + _table(
        ["Actor", "Position", "The class", "The reference, and why", ""],
        rows,
        "The class's coding beside the reference",
    )


def render_class(
    res: ClassResults, *, teacher: bool = False, position: str | None = None, top: int = 5, big: bool = False
) -> str:
    """The whole class view; ``teacher=True`` adds file names, who chose what and the learners far from
    consensus; ``big=True`` sets the pairs to discuss in projector-sized text."""
    parts = [
        render_files(res.files, names=teacher),
        render_reliability(res),
        render_discuss(res, top=top, position=position, names=teacher, big=big),
        render_consensus(res, position=position),
        render_coverage(res, position=position),
        render_answers(res),
    ]
    if teacher:
        parts.append(render_outliers(res, top=top))
    return "".join(parts)
