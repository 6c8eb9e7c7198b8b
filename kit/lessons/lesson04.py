"""Checks for notebook 04 · Positions: decide stances with evidence, code them, weigh a coder's inference.

Every expected value is computed from the bundled reference case: the one
on-record stance that sets a condition (Steinmeier's), France's hedged stance
on air strikes, and Kerry's "attack them" coded as air strikes. Each is a
judgement: the checks accept every defensible value whose evidence is in the
article, then show the reference coder's note.

>>> check.q1(SOLUTIONS["q1"]).outcome
'correct'
>>> check.q1({"stance": "support", "evidence": "only successful if it is embedded"}).outcome
'incorrect'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from .. import plots
from ..analysis.networks import stance_matrix
from ..case.load import load_case
from ..exercises import Exercise, ExerciseSet, ExitTicket, MultipleChoice, Reading, judgement
from ..explore.figures import close_figure, new_figure
from ..explore.reveal import Reveal
from ..explore.table import table
from ..records import STANCE_VALUES, Case, Position, Stance

__all__ = [
    "check",
    "exit_ticket",
    "conditional_quote",
    "stance_of",
    "most_coded",
    "reference_coding",
    "reference_html",
    "SOLUTIONS",
    "ALTERNATIVES",
    "WRONG",
    "JUDGEMENT",
]

_CASE: Case = load_case()


def most_coded(case: Case) -> Position:
    """The position with the most coded stances (the first of them in the case's order, on a tie).

    >>> import kit
    >>> most_coded(kit.load_case()).id in {p.id for p in kit.load_case().positions}
    True
    """
    counts = Counter(s.position for s in case.stances)
    return max(case.positions, key=lambda p: counts[p.id])


def conditional_quote(case: Case) -> Stance:
    """The first stance coded from an on-record quote (type ``direct``) whose value is ``conditional``.

    >>> import kit
    >>> conditional_quote(kit.load_case()).evidence_type
    'direct'
    """
    return next(s for s in case.stances if s.evidence_type == "direct" and s.value == "conditional")


def stance_of(case: Case, actor: str, position: str) -> Stance:
    """The reference stance of ``actor`` on ``position`` (ids).

    >>> import kit
    >>> stance_of(kit.load_case(), "france", "air_strikes").value
    'conditional'
    """
    return next(s for s in case.stances if s.actor == actor and s.position == position)


def reference_html(case: Case) -> str:
    """The whole reference coding as HTML: the actor x position table, then the stance chart (with alt text).

    >>> import kit
    >>> "<table" in reference_html(kit.load_case())
    True
    """
    matrix = stance_matrix(case)
    fig, ax = new_figure(width=max(0.62 * len(matrix.columns) + 2.4, 6.2), height=0.4 * len(matrix) + 2.6)
    try:
        plots.plot_stances(case, ax=ax)
        fig.set_layout_engine("constrained")
        img = plots.figure_html(fig)
    finally:
        close_figure(fig)
    return table(matrix)._repr_html_() + img


def reference_coding(case: Case) -> Reveal:
    """The reference coding behind a button: place it after the exercises it answers (Run All shows nothing).

    >>> import kit
    >>> r = reference_coding(kit.load_case())
    >>> r.shown, r.answers
    (False, ('04:q1', '04:q2', '04:coder'))
    """
    return Reveal(
        lambda: reference_html(case),
        answers=("04:q1", "04:q2", "04:coder"),
        label="Show the reference coding",
        hidden="The reference coding is hidden: press the button once you have done Exercises 1-3 "
        "and coded your stances in the StanceCoder.",
    )


def _stance_check(
    stance: Stance, readings: list[Reading], wrong: dict[str, str], where: str
) -> Callable[[Any], tuple[bool, str]]:
    return judgement(
        _CASE.article,
        readings,
        field="stance",
        choices=STANCE_VALUES,
        wrong=wrong,
        reference=stance.note or f"{stance.value}, on the words “{stance.evidence}”.",
        where=where,
    )


def _paragraph(case: Case, stance: Stance) -> str:
    para = case.article.paragraph_of(stance.start) if stance.start is not None else None
    return f"¶ {para.index + 1}" if para is not None else "the article"


_STEIN = conditional_quote(_CASE)
_FRANCE = stance_of(_CASE, "france", "air_strikes")
_KERRY = stance_of(_CASE, "john_kerry", "air_strikes")

check = ExerciseSet(
    Exercise(
        "q1",
        check=_stance_check(
            _STEIN,
            [
                Reading(
                    "conditional",
                    (_STEIN.evidence, "summed up the reservations of several European allies"),
                    "“Only … if”: a yes that depends on something.",
                )
            ],
            {
                "support": "He does not simply back it: read the word “if”. Which value fits a yes that depends on something?",
                "oppose": "He does not reject military action: he says when it can succeed. Read the word “if”.",
                "undecided": "He has made up his mind about when it works: read the word “if”.",
            },
            _paragraph(_CASE, _STEIN),
        ),
        hints=[
            "Four values are possible: support, oppose, conditional, undecided.",
            "“Only successful if …”: is that a plain yes, a no, or a yes with a condition? Copy the words that decide it.",
        ],
        solution='answer = {"stance": "conditional", "evidence": "only successful if it is embedded in a political setting"}',
        expects='a dictionary like {"stance": "…", "evidence": "…"}',
        success="Small words (if, may, potentially) decide the value: that is where coders disagree.",
    ),
    Exercise(
        "q2",
        check=_stance_check(
            _FRANCE,
            [
                Reading(
                    "conditional",
                    ("including potentially military action",),
                    "“Potentially”: ready, but not committed to military action.",
                ),
                Reading(
                    "support",
                    ("ready to engage in all aspects of the fight against IS",),
                    "“Ready to engage in all aspects of the fight”: the main claim is a yes.",
                ),
            ],
            {
                "oppose": "France does not reject military action: it says it is ready to engage. Read the whole sentence.",
                "undecided": (
                    "Compare Hammond in the same paragraph: “had not yet decided” is undecided. "
                    "France says it is ready: that is a decision, with or without a condition."
                ),
            },
            _paragraph(_CASE, _FRANCE),
        ),
        hints=[
            "Read ¶ 15: “France said this week it was ready to engage … including potentially military action.”",
            "Which words weigh more for you: “ready to engage in all aspects”, or “potentially”? Code what you weigh, "
            "with those words as evidence.",
        ],
        solution='answer = {"stance": "conditional", "evidence": "including potentially military action"}',
        expects='a dictionary like {"stance": "…", "evidence": "…"}',
        success="Two coders can code this differently and both be right: the evidence shows why.",
    ),
    Exercise(
        "q3",
        check=judgement(
            _CASE.article,
            [
                Reading(
                    "yes",
                    (_KERRY.evidence, "without committing troops of our own", "no boots on the ground"),
                    "Attacking without troops of one's own leaves strikes from the air: the reference's reading.",
                ),
                Reading(
                    "yes",
                    ("order air strikes on IS targets in Iraq",),
                    "¶ 13 shows what US attacks meant that week: Washington ordering air strikes. That context "
                    "supports the reference's reading, though Kerry's own words in ¶ 4 still do not say it.",
                ),
                Reading(
                    "no",
                    (
                        _KERRY.evidence,
                        "to bolster the Iraqi security forces and others in the region who are "
                        "prepared to take them on",
                    ),
                    "He never says “air strikes”: “attack them” could also mean arming those who fight on the ground. "
                    "A stricter scheme codes only what the words say.",
                ),
            ],
            field="fair",
            choices={"yes": ["true", "fair", "defensible"], "no": ["false", "unfair", "not fair"]},
            reference=_KERRY.note,
            where=_paragraph(_CASE, _KERRY),
        ),
        hints=[
            "Read ¶ 4 again: what does Kerry want done, and what does he rule out?",
            'Decide "yes" (the coding is fair) or "no", and copy the words of ¶ 4 or ¶ 5 that decide it.',
        ],
        solution='answer = {"fair": "yes", "evidence": "without committing troops of our own"}',
        expects='a dictionary like {"fair": "yes", "evidence": "…"}',
        success="A position's label is the coder's summary: say so when you report the results.",
    ),
)

#: The stored solution values (what the solution() code computes).
SOLUTIONS: dict[str, Any] = {
    "q1": {"stance": "conditional", "evidence": "only successful if it is embedded in a political setting"},
    "q2": {"stance": "conditional", "evidence": "including potentially military action"},
    "q3": {"fair": "yes", "evidence": "without committing troops of our own"},
}
#: Other answers a learner may defensibly give: all pass.
ALTERNATIVES: dict[str, list[Any]] = {
    "q1": [
        {"stance": "Conditional", "evidence": "summed up the reservations of several European allies"},
        {"stance": "conditional", "evidence": "“A military confrontation will be only successful if …”"},
    ],
    "q2": [{"stance": "support", "evidence": "ready to engage in all aspects of the fight against IS"}],
    "q3": [
        {"fair": "no", "evidence": "We need to attack them in ways that prevent them from taking over territory"},
        {"fair": True, "evidence": "no boots on the ground"},
        {"fair": "yes", "evidence": "order air strikes"},  # ¶ 13: what US attacks meant that week
    ],
}
#: Known-wrong answers and a piece of the teaching message each one gets.
WRONG: dict[str, tuple[Any, str]] = {
    "q1": ({"stance": "support", "evidence": "A military confrontation"}, "read the word “if”"),
    "q2": ({"stance": "undecided", "evidence": "including potentially military action"}, "Compare Hammond"),
    "q3": ({"fair": "yes", "evidence": "NATO may also coordinate airlifts"}, "do not show"),
}
#: The exercises that ask for a judgement with evidence.
JUDGEMENT = ("q1", "q2", "q3")

exit_ticket = ExitTicket(
    MultipleChoice(
        "NATO “may also coordinate airlifts” (¶ 3). You code it “support”; the reference codes “undecided”. Who is wrong?",
        {
            "You are: the reference is the answer key.": "The reference is one careful coder's reading, with its reasons written down. It is not the only "
            "defensible one.",
            "Neither, necessarily: “may” can be read both ways; what matters is the evidence and a rule for “may”.": "Yes. A coding scheme should say how to code hedges like “may”; until it does, both readings are "
            "defensible, and the disagreement is worth discussing (lesson 05).",
            "The reference is: NATO announced it, so it is support.": "Read the sentence again: NATO announced the information-sharing plans; the airlifts only “may” happen.",
        },
        correct="Neither, necessarily: “may” can be read both ways; what matters is the evidence and a rule for “may”.",
    ),
    MultipleChoice(
        "No actor in this article opposes any of the options. What is the best explanation?",
        {
            "Everyone agreed with the US strategy in September 2014.": "Outside the meeting there were critics (¶ 20 mentions bipartisan criticism of Obama). The article "
            "does not quote them: ask who is in the text.",
            "The article reports allies meeting to agree on how to help; opponents were not there or not asked.": "Yes. The text gives voice to the allies in the room; IS, critics and the countries where the "
            "fighting is never speak. A coding can only find the stances its text reports.",
            "The coders forgot to use the value “oppose”.": "The scheme has it; it never fits. Look for a sentence in which someone rejects an option: there is none.",
        },
        correct="The article reports allies meeting to agree on how to help; opponents were not there or not asked.",
    ),
)
