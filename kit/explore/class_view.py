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
_CELL = "border:1px solid #bbb;padding:.2em .5em;vertical-align:top;text-align:left"
#: display order of a distribution: most in favour first, then "no stance in the text"
_ORDER = ("support", "conditional", "undecided", "oppose", "no stance")
_LABEL = {"no stance": "no stance in the text"}
_QUOTES = "\"'“”‘’«»„"


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


def _table(head: Sequence[str], rows: Sequence[Sequence[str]], caption: str, *, style: str = "") -> str:
    th = "".join(f"<th scope='col' style='{_CELL}'>{h}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td style='{_CELL}'>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (
        f"<table class='kit-table' style='border-collapse:collapse;margin:.4em 0;{style}'>"
        f"<caption style='text-align:left;font-weight:bold'>{_esc(caption)}</caption>"
        f"<thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"
    )


def number(x: float, digits: int = 2) -> str:
    """A figure with ``digits`` decimals, "n/a" for NaN (never "-0.00")."""
    return "n/a" if x != x else f"{x + 0.0:.{digits}f}".replace("-0.00", "0.00")


def _ci(ci: tuple[float, float]) -> str:
    return "" if ci[0] != ci[0] else f" <small>[{ci[0]:.2f}, {ci[1]:.2f}]</small>"


def label(value: str) -> str:
    """How a value reads on the page ("no stance" reads "no stance in the text")."""
    return _LABEL.get(value, value)


def distribution(row: Sequence[int]) -> str:
    """Learners per value in words, most in favour first: "support 12 · oppose 3"."""
    counts = dict(zip(CATEGORIES, row, strict=False))
    return " · ".join(f"{label(v)} {counts[v]}" for v in _ORDER if counts.get(v))


def quoted(text: str) -> str:
    """A sentence in one pair of curly quotes, never two: marks the text itself starts or ends with are
    kept and none added on that side (so a quotation reads “…”, not ““…””).

    >>> quoted("“We will act,” he said."), quoted("Kerry spoke.")
    ('“We will act,” he said.', '“Kerry spoke.”')
    """
    text = " ".join(text.split())
    if not text or text[0] in _QUOTES or text[-1] in _QUOTES:
        return text  # the text carries its own marks: adding more would double or unbalance them
    return f"“{text}”"


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
        return f"<em>{_esc(r.why_not())}</em>"
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
    for value in _ORDER:
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
        *(str(row[v]) for v in _ORDER),
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
        *(_esc(label(v)) for v in _ORDER),
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
        _table(head, [_counts_row(res, u) for u in units], "Learners per stance", style=size),
    ]
    groups = (
        ("Opposite readings: the same sentence read two ways", [u for u in units if a.reading(u) != "near miss"]),
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
                + _table(
                    ["Stance", "Learners", "Sentences they chose", "Their reasons"],
                    _by_stance(res, unit, names=names),
                    "By stance",
                    style=size,
                )
                + "</div>"
            )
    parts.append("</div>")
    return "".join(parts)


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
        + _table(["Pair", "Coded by", "of them: no stance in the text", ""], rows, "Coverage")
        + "</details>"
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
    rows, tally = [], Counter()
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


def render_answers(res: ClassResults) -> str:
    """The exit-ticket and judgement answers that travelled in the learners' files: per question, how many
    chose each option, and the misconception each wrong option reveals."""
    questions = res.files.answers()
    if not questions:
        return (
            "<p><small>No exit-ticket answers came with the files (learners tick “Send my exit-ticket answers” "
            "before exporting their coding).</small></p>"
        )
    parts = ["<h4 style='margin:.8em 0 .3em'>Exit tickets: what the class answered</h4>"]
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
            + _table(["Option", "Learners", "What a wrong choice reveals"], rows, "Answers")
        )
    return "".join(parts)


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
