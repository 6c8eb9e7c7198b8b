"""Checks for notebook 00 · Start here: a number, a list of names, and a widget that proves widgets work.

The expected answers are computed from the bundled case: the number of nations
is the size of the declared core group, the two officials are the people named
in the article's first paragraph.

>>> check.q1(None).outcome
'not attempted'
>>> check.q1(SOLUTIONS["q1"]).outcome
'correct'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..case.load import load_case
from ..exercises import Exercise, ExerciseSet, MultipleChoice, fold
from ..records import Actor, Case

__all__ = ["check", "widget_test", "names_actors", "SOLUTIONS", "WRONG"]

_CASE: Case = load_case()




def names_actors(actors: Sequence[Actor], *, where: str = "the passage") -> Callable[[Any], tuple[bool, str]]:
    """A check passing when a list names every one of ``actors`` once (by id, name or alias), and no one else.

    >>> kerry = Actor("john_kerry", "John Kerry", "person", aliases=("Kerry",))
    >>> names_actors([kerry])(["kerry"])
    (True, '')
    """
    names = [{fold(a.id), fold(a.name), *(fold(x) for x in a.aliases)} for a in actors]

    def check(answer: Any) -> tuple[bool, str]:
        if isinstance(answer, str) or not isinstance(answer, (list, tuple, set)):
            return False, "This answer should be a list of names in square brackets, like [\"First Person\", \"Second Person\"]."
        if not all(isinstance(x, str) for x in answer):
            return False, "Every name should be text in quotes, like \"First Person\"."
        found = [next((i for i, n in enumerate(names) if fold(x) in n), None) for x in answer]
        strangers = [x for x, i in zip(answer, found) if i is None]
        if strangers:
            return False, f"{strangers[0]!r} is not one of the people we are looking for. Re-read {where}."
        missing = len(set(range(len(names))) - set(found))
        if missing:
            return False, f"{missing} {'person is' if missing == 1 else 'people are'} missing. Re-read {where}."
        return True, ""

    return check


def _core_size(case: Case) -> int:
    core = next(g for g in case.groups if g.basis == "article" and "core" in g.id)
    return len(core.members)


def _first_paragraph_people(case: Case) -> list[Actor]:
    art = case.article
    first = next(p for p in art.paragraphs if p.kind == "body")
    ids = dict.fromkeys(m.actor for m in case.mentions if first.start <= m.start < first.end)
    return [case.actor(i) for i in ids if case.actor(i).kind == "person"]


def _nations_check(expected: int) -> Callable[[Any], tuple[bool, str]]:
    def check(answer: Any) -> tuple[bool, str]:
        if isinstance(answer, str):
            return False, "Numbers go without quotes: write 12, not \"12\"."
        if isinstance(answer, bool) or not isinstance(answer, (int, float)):
            return False, "This answer should be a whole number, without quotes (like 12)."
        if answer == expected:
            return True, ""
        return False, "That is not the number in the first paragraph. Read it again: how many nations sent ministers?"

    return check


_PEOPLE = _first_paragraph_people(_CASE)

check = ExerciseSet(
    Exercise(
        "q1",
        check=_nations_check(_core_size(_CASE)),
        hints=["Read the first paragraph printed above: ministers from how many nations?",
               "Write the number itself, without quotes, after answer = ."],
        solution=("core = [g for g in case.groups if g.id == 'core_group'][0]\n"
                  "answer = len(core.members)   # or simply the number you read in the first paragraph"),
        expects="a whole number",
        success="Numbers go into Python as they are; text goes between quotes (next exercise).",
    ),
    Exercise(
        "q2",
        check=names_actors(_PEOPLE, where="the first paragraph"),
        hints=["Two people are named in the first paragraph, each with a job title before the name.",
               "Write a list with two texts: [\"First Name\", \"Second Name\"] (surnames are enough)."],
        solution=f"answer = {[a.name for a in _PEOPLE]!r}",
        expects="a list of names",
        success="Lists and quotes are all the Python you need for the exercises. On to the article!",
    ),
)

#: The stored solution values (what the solution() code computes).
SOLUTIONS: dict[str, Any] = {"q1": _core_size(_CASE), "q2": [a.name for a in _PEOPLE]}
#: Known-wrong answers and a piece of the teaching message each one gets.
WRONG: dict[str, tuple[Any, str]] = {
    "q1": (str(_core_size(_CASE)), "Numbers go without quotes"),
    "q2": ([_PEOPLE[0].name], "missing"),
}

widget_test = MultipleChoice(
    "Widget test: which key combination runs the current cell and moves to the next one?",
    {
        "Shift + Enter": "Yes: Shift + Enter runs the cell and moves on. Widgets work in your browser.",
        "Enter": "Enter alone starts a new line inside the cell. Try another option (widgets work!).",
        "Ctrl + S": "Ctrl + S saves the notebook; it does not run anything. Try another option (widgets work!).",
    },
    correct="Shift + Enter",
    success="You are ready for the lessons.",
)
