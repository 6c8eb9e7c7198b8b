"""Checks for notebook 04 · Positions: the options on the table, one stance to code, and agreement.

Every expected value is computed from the bundled reference case: the most
coded position, the one on-record stance that sets a condition, and the
disagreements between the reference and a coder who codes everything "support".

>>> check.q2(SOLUTIONS["q2"]).outcome
'correct'
>>> check.q3(WRONG["q3"][0]).outcome
'incorrect'
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable
from typing import Any

from ..case.load import load_case
from ..exercises import Exercise, ExerciseSet, MultipleChoice, about, fold
from ..records import STANCE_VALUES, Case, Position, Stance

__all__ = ["check", "always_support", "conditional_quote", "most_coded", "kappa_question", "SOLUTIONS", "WRONG"]

_CASE: Case = load_case()




def always_support(case: Case) -> tuple[Stance, ...]:
    """A second coder who reads every hedge as a commitment: each stance of the case coded ``support``.

    >>> import kit
    >>> {s.value for s in always_support(kit.load_case())}
    {'support'}
    """
    return tuple(dataclasses.replace(s, value="support") for s in case.stances)


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


def _position_check(expected: Position, counts: Counter[str], positions: tuple[Position, ...]) -> Callable[[Any], tuple[bool, str]]:
    by_name = {fold(p.id): p for p in positions} | {fold(p.label): p for p in positions}

    def check(answer: Any) -> tuple[bool, str]:
        if not isinstance(answer, str):
            return False, 'This answer should be a position id, as text in quotes (like "train_equip").'
        found = by_name.get(fold(answer))
        if found is None:
            return False, "That is not one of the case's positions. Print the ids with [p.id for p in case.positions]."
        if found.id == expected.id:
            return True, ""
        return False, (f"{found.label} has {counts[found.id]} coded stances; another position has more. "
                       "Count the stances per position.")

    return check


def _value_check(expected: str) -> Callable[[Any], tuple[bool, str]]:
    tips = {
        "support": "He does not simply back it: read the word “if”. Which value fits a yes that depends on something?",
        "oppose": "He does not reject military action: he says when it can succeed. Read the word “if”.",
        "undecided": "He has made up his mind about when it works: read the word “if”.",
    }

    def check(answer: Any) -> tuple[bool, str]:
        if not isinstance(answer, str) or fold(answer) not in STANCE_VALUES:
            return False, "This answer should be one of the four stance values, as text: see kit.STANCE_VALUES."
        if fold(answer) == expected:
            return True, ""
        return False, tips.get(fold(answer), "Not this value. Read his words again.")

    return check


def _count_check(expected: int, total: int) -> Callable[[Any], tuple[bool, str]]:
    plain = about(expected, what="count")

    def check(answer: Any) -> tuple[bool, str]:
        if answer == total and total != expected and not isinstance(answer, bool):
            return False, "That is every pair the two codings share, not only the ones where they differ."
        return plain(answer)

    return check


def _agreement() -> Any:
    from ..analysis import compare_codings

    return compare_codings(_CASE, always_support(_CASE))


_TOP = most_coded(_CASE)
_COUNTS = Counter(s.position for s in _CASE.stances)
_COND = conditional_quote(_CASE)
_AGREE = _agreement()
_N_DIFF = len(_AGREE.disagreements)

check = ExerciseSet(
    Exercise(
        "q1",
        check=_position_check(_TOP, _COUNTS, _CASE.positions),
        hints=["Every stance has a .position: count them with collections.Counter.",
               "Counter(s.position for s in case.stances).most_common(1)"],
        solution="from collections import Counter\n"
                 "answer = Counter(s.position for s in case.stances).most_common(1)[0][0]",
        expects="a position id as text",
        success="The most discussed option is also where the actors differ most: look at its column in the matrix.",
    ),
    Exercise(
        "q2",
        check=_value_check(_COND.value),
        hints=["Four values are possible: support, oppose, conditional, undecided.",
               "“Only successful if …”: is that a plain yes, a no, or a yes with a condition?"],
        solution=f"answer = {_COND.value!r}   # “only … if”: a yes that depends on something",
        expects="a stance value as text",
        success="Small words (if, may, potentially) decide the value: that is where coders disagree.",
    ),
    Exercise(
        "q3",
        check=_count_check(_N_DIFF, _AGREE.n),
        hints=["compare_codings returns an Agreement with .n, .percent, .kappa and .disagreements.",
               "len(agreement.disagreements)"],
        solution="agreement = kit.analysis.compare_codings(case, lazy)\nanswer = len(agreement.disagreements)",
        expects="a whole number",
        success="Now look at agreement.percent and agreement.kappa: why are they so different?",
    ),
)


def kappa_question(case: Case | None = None) -> MultipleChoice:
    """A multiple-choice question on why kappa can be 0 when raw agreement is high."""
    return MultipleChoice(
        "The lazy coder agrees with the reference on most pairs, yet kappa is 0. Why?",
        {
            "Kappa only counts the positions on air strikes.":
                "No: kappa uses every pair both codings have, like the percentage.",
            "The lazy coder would reach that agreement by chance: always saying “support” needs no reading.":
                "Yes. Kappa subtracts the agreement you would expect by chance from how often each coder "
                "uses each value. A coder who never reads gets no credit.",
            "Kappa is broken when one coder uses only one value.":
                "Not broken: kappa is doing its job. What would a coder who never reads the article score?",
        },
        correct="The lazy coder would reach that agreement by chance: always saying “support” needs no reading.",
    )


#: The stored solution values (what the solution() code computes).
SOLUTIONS: dict[str, Any] = {"q1": _TOP.id, "q2": _COND.value, "q3": _N_DIFF}
#: Known-wrong answers and a piece of the teaching message each one gets.
WRONG: dict[str, tuple[Any, str]] = {
    "q1": (Counter({k: v for k, v in _COUNTS.items() if k != _TOP.id}).most_common(1)[0][0], "another position has more"),
    "q2": ("support", "read the word “if”"),
    "q3": (_AGREE.n, "every pair"),
}
