"""Checks for notebook 05 · Agreement: percentage, Cohen's kappa, and telling a coder's mistake from an ambiguous text.

Two made-up second coders, both built from the bundled reference case: a lazy
one who codes every stance "support", and Sam, who differs from the reference
on three pairs: two hedges read the other way (defensible) and one polarity
slip (a mistake). Every expected value is computed from them.

>>> check.q1(SOLUTIONS["q1"]).outcome
'correct'
>>> check.q2(SOLUTIONS["q2"]).outcome
'correct'
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from ..analysis import compare_codings
from ..case.load import load_case
from ..exercises import Exercise, ExerciseSet, ExitTicket, MultipleChoice, Reading, about, find_actor, judgement
from ..explore.coderview import MIN_KAPPA_PAIRS, render_pair
from ..records import Case, Stance

__all__ = [
    "check",
    "exit_ticket",
    "always_support",
    "second_coder",
    "differences",
    "kappa_question",
    "SAM_CHANGES",
    "MIN_PAIRS_TEXT",
    "SOLUTIONS",
    "ALTERNATIVES",
    "WRONG",
    "JUDGEMENT",
]

_CASE: Case = load_case()

#: Sam's codings that differ from the reference: (actor, position) -> Sam's value.
SAM_CHANGES: dict[tuple[str, str], str] = {
    ("nato", "airlifts"): "support",  # "may": a plan or a possibility? defensible
    ("france", "air_strikes"): "support",  # "ready … potentially": defensible
    ("john_kerry", "no_ground_troops"): "oppose",  # "no boots on the ground" read as against the position: a slip
}


def _min_pairs() -> int:

    return MIN_KAPPA_PAIRS


#: What the notebook says about kappa in the StanceCoder (from the coder's own threshold).
MIN_PAIRS_TEXT = f"from {_min_pairs()} coded pairs"


def always_support(case: Case) -> tuple[Stance, ...]:
    """A second coder who reads every hedge as a commitment: each stance of the case coded ``support``.

    >>> import kit
    >>> {s.value for s in always_support(kit.load_case())}
    {'support'}
    """
    return tuple(dataclasses.replace(s, value="support") for s in case.stances)


def second_coder(case: Case) -> tuple[Stance, ...]:
    """Sam's coding: the reference with the values of :data:`SAM_CHANGES`.

    >>> import kit
    >>> sum(1 for a, b in zip(kit.load_case().stances, second_coder(kit.load_case())) if a.value != b.value)
    3
    """
    return tuple(dataclasses.replace(s, value=SAM_CHANGES.get((s.actor, s.position), s.value)) for s in case.stances)


def differences(case: Case, other: tuple[Stance, ...], name: str) -> Any:
    """The reference and another coding compared: agreement, kappa and every pair where they differ (HTML).

    >>> import kit
    >>> "Sam" in differences(kit.load_case(), second_coder(kit.load_case()), "Sam").data
    True
    """
    from IPython.display import HTML

    return HTML(render_pair(case, compare_codings(case, other), first="The reference", second=name))


def kappa_question(case: Case | None = None) -> MultipleChoice:
    """A multiple-choice question on why kappa can be 0 when raw agreement is high."""
    return MultipleChoice(
        "The lazy coder agrees with the reference on most pairs, yet kappa is 0. Why?",
        {
            "Kappa only counts the positions on air strikes.": "No: kappa uses every pair both codings have, like the percentage.",
            "The lazy coder would reach that agreement by chance: always saying “support” needs no reading.": "Yes. Kappa subtracts the agreement you would expect by chance from how often each coder "
            "uses each value. A coder who never reads gets no credit.",
            "Kappa is broken when one coder uses only one value.": "Not broken: kappa is doing its job. What would a coder who never reads the article score?",
        },
        correct="The lazy coder would reach that agreement by chance: always saying “support” needs no reading.",
    )


def _count_check(expected: int, total: int) -> Callable[[Any], tuple[bool, str]]:
    plain = about(expected, what="count", advice="Count the rows of the table of differences.")

    def check(answer: Any) -> tuple[bool, str]:
        if answer == total and total != expected and not isinstance(answer, bool):
            return False, "That is every pair the two codings share, not only the ones where they differ."
        return plain(answer)

    return check


def _agreement(other: tuple[Stance, ...]) -> Any:

    return compare_codings(_CASE, other)


def _mistake_check(case: Case) -> Callable[[Any], tuple[bool, str]]:
    differing = {actor for actor, _ in SAM_CHANGES}
    names = {a.id: a.name for a in case.actors}

    def resolve(value: Any) -> str | None:
        actor = find_actor(case.actors, value) if isinstance(value, str) else None
        return None if actor is None else actor.id

    kerry = next(s for s in case.stances if (s.actor, s.position) == ("john_kerry", "no_ground_troops"))
    others = {a: names.get(a, a) for a in differing - {"john_kerry"}}
    return judgement(
        case.article,
        [
            Reading(
                "john_kerry",
                (kerry.evidence, "without committing troops of our own", "a red line for everybody here"),
                "Kerry is for the position “No ground troops”: no reading of his words makes him oppose it.",
            )
        ],
        field="actor",
        choices=[names[a] for a in sorted(differing)],
        resolve=resolve,
        wrong={
            a: f"{name}: the words are hedged, so Sam's value can be defended. That is an ambiguous text, not a mistake."
            for a, name in others.items()
        },
        otherwise="Sam codes that actor exactly like the reference: look at the table of differences.",
        reference=(
            "Sam coded Kerry as opposing “No ground troops”, probably reading the position as “ground troops” "
            "and Kerry as against them. A position named as a negative invites that slip: a clearer scheme "
            "names positions positively (“Send ground troops”) or spells out what support means."
        ),
    )


_LAZY = _agreement(always_support(_CASE))
_SAM = _agreement(second_coder(_CASE))

check = ExerciseSet(
    Exercise(
        "q1",
        check=_count_check(len(_LAZY.disagreements), _LAZY.n),
        hints=["The table lists every pair where the two codings differ.", "Count its rows."],
        solution=f"answer = {len(_LAZY.disagreements)}   # the rows of the table\n"
        "# with code (optional): len(agreement.disagreements)",
        expects="a whole number",
        success="Now compare the percentage and kappa below: why are they so different?",
    ),
    Exercise(
        "q2",
        check=_mistake_check(_CASE),
        hints=[
            "For each of Sam's three differences, read the words: is there a hedge (may, potentially, if)?",
            "One difference has no hedge behind it: the words say the opposite of Sam's value. "
            'Give that actor and the words: {"actor": "…", "evidence": "…"}.',
        ],
        solution='answer = {"actor": "Kerry", "evidence": "no boots on the ground"}',
        expects='a dictionary like {"actor": "…", "evidence": "…"}',
        success="Mistakes are fixed by re-reading; ambiguities by a clearer coding scheme.",
    ),
)

#: The stored solution values (what the solution() code computes).
SOLUTIONS: dict[str, Any] = {
    "q1": len(_LAZY.disagreements),
    "q2": {"actor": "Kerry", "evidence": "no boots on the ground"},
}
#: Other answers a learner may defensibly give: all pass.
ALTERNATIVES: dict[str, list[Any]] = {
    "q1": [float(len(_LAZY.disagreements))],
    "q2": [
        {"actor": "Secretary of State John Kerry", "evidence": "without committing troops of our own"},
        {"actor": "john_kerry", "evidence": "“Obviously I think that’s a red line for everybody here”"},
    ],
}
#: Known-wrong answers and a piece of the teaching message each one gets.
WRONG: dict[str, tuple[Any, str]] = {
    "q1": (_LAZY.n, "every pair"),
    "q2": ({"actor": "NATO", "evidence": "NATO may also coordinate airlifts"}, "not a mistake"),
}
#: The exercises that ask for a judgement with evidence.
JUDGEMENT = ("q2",)

exit_ticket = ExitTicket(
    MultipleChoice(
        "Two coders agree on 9 of 10 pairs. Is their coding reliable?",
        {
            "Yes: 90% agreement is excellent.": "Maybe, maybe not: if almost every stance is “support”, two coders who never read would agree as often.",
            "Not necessarily: chance alone can give high agreement; look at kappa, and at how many pairs there are.": "Yes. Kappa discounts the agreement expected by chance, and with only 10 pairs one difference moves "
            "everything: report both numbers and the number of pairs.",
            "No: only 100% agreement is reliable.": "No real coding reaches 100%: careful coders still read hedges differently. The question is how much "
            "better than chance they do.",
        },
        correct="Not necessarily: chance alone can give high agreement; look at kappa, and at how many pairs there are.",
    ),
    MultipleChoice(
        "You coded three stances and compared with the reference. The StanceCoder shows no kappa. Why?",
        {
            "It is a bug: kappa can always be computed.": "It can be computed, but with three pairs it would jump from 1 to 0 or below with a single difference: "
            "a number that looks precise and means nothing.",
            "Too few pairs: under 10, one difference swings kappa wildly, so it is not shown.": "Yes. Code more pairs (10 or more) and compare again: then kappa starts to mean something.",
            "Kappa needs a classmate's file, not the reference.": "Kappa compares any two codings, the reference included. What is missing is enough pairs.",
        },
        correct="Too few pairs: under 10, one difference swings kappa wildly, so it is not shown.",
    ),
)
