"""Checks for notebook 00 · Start here: a number, a list of names, a first judgement, a widget test, the exit ticket.

The expected answers are computed from the bundled case: the number of nations
is the size of the declared core group, the two officials are the people named
in the article's first paragraph. The judgement (q3) accepts every defensible
reading whose evidence is in the article.

>>> check.q1(None).outcome
'not attempted'
>>> check.q1(SOLUTIONS["q1"]).outcome
'correct'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..case.load import load_case
from ..exercises import Exercise, ExerciseSet, ExitTicket, MultipleChoice, Reading, judgement, names_actors
from ..records import Actor, Case

__all__ = ["check", "widget_test", "exit_ticket", "names_actors", "SOLUTIONS", "ALTERNATIVES", "WRONG", "JUDGEMENT"]

_CASE: Case = load_case()


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
            return False, 'Numbers go without quotes: write 12, not "12".'
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
        hints=[
            "Read the first paragraph printed above: ministers from how many nations?",
            "Write the number itself, without quotes, after answer = .",
        ],
        solution=(
            "core = [g for g in case.groups if g.id == 'core_group'][0]\n"
            "answer = len(core.members)   # or simply the number you read in the first paragraph"
        ),
        expects="a whole number",
        success="Numbers go into Python as they are; text goes between quotes (next exercise).",
    ),
    Exercise(
        "q2",
        check=names_actors(_PEOPLE, pool=_CASE.actors, where="the first paragraph", what="people we are looking for"),
        hints=[
            "Two people are named in the first paragraph, each with a job title before the name.",
            'Write a list with two texts: ["First Name", "Second Name"] (surnames are enough).',
        ],
        solution=f"answer = {[a.name for a in _PEOPLE]!r}",
        expects="a list of names",
        success="Lists and quotes are all the Python you need for the exercises.",
    ),
    Exercise(
        "q3",
        check=judgement(
            _CASE.article,
            [
                Reading(
                    "other help",
                    (
                        "there were many ways they could help, including training and equipping the Iraqis",
                        "without committing troops of our own",
                        "no boots on the ground",
                    ),
                )
            ],
            field="choice",
            choices={
                "troops": ["ground troops", "soldiers", "troops on the ground"],
                "other help": ["other kinds of help", "help", "other ways", "many ways", "training"],
                "nothing": ["no help", "nothing yet"],
            },
            wrong={
                "troops": "Nothing in the first paragraph asks for troops: read again what Kerry and Hagel told the ministers.",
                "nothing": "They did ask for something: read the end of the first paragraph.",
            },
            reference=(
                "Kerry and Hagel told the ministers “there were many ways they could help, including training and "
                "equipping the Iraqis” (¶ 1); later Kerry calls ground troops “a red line for everybody here” (¶ 5). "
                "The news is help without soldiers of one's own on the ground."
            ),
            where="¶ 1",
        ),
        hints=[
            "Read the end of the first paragraph: what could the ministers' nations do?",
            'Choose "troops", "other help" or "nothing", and copy a few words of the first paragraph '
            'that made you decide: {"choice": "…", "evidence": "…"}.',
        ],
        solution='answer = {"choice": "other help", "evidence": "many ways they could help"}',
        expects='a dictionary like {"choice": "…", "evidence": "…"}',
        success="That is a judgement with evidence: every lesson has some, and your evidence is what makes them right.",
    ),
)

#: The stored solution values (what the solution() code computes).
SOLUTIONS: dict[str, Any] = {
    "q1": _core_size(_CASE),
    "q2": [a.name for a in _PEOPLE],
    "q3": {"choice": "other help", "evidence": "many ways they could help"},
}
#: Other answers a learner may defensibly give (names for ids, another reading with its evidence): all pass.
ALTERNATIVES: dict[str, list[Any]] = {
    "q1": [float(_core_size(_CASE))],
    "q2": [["Secretary of State John Kerry", "Hagel"], [a.id for a in reversed(_PEOPLE)]],
    "q3": [
        {"choice": "Other help", "evidence": "including training and equipping the Iraqis"},
        {"Choice": "training", "evidence": "“no boots on the ground”"},
    ],
}
#: Known-wrong answers and a piece of the teaching message each one gets.
WRONG: dict[str, tuple[Any, str]] = {
    "q1": (str(_core_size(_CASE)), "Numbers go without quotes"),
    "q2": ([_PEOPLE[0].name], "missing"),
    "q3": (
        {"choice": "troops", "evidence": "training and equipping the Iraqis"},
        "Nothing in the first paragraph asks for troops",
    ),
}
#: The exercises that ask for a judgement with evidence.
JUDGEMENT = ("q3",)

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

exit_ticket = ExitTicket(
    MultipleChoice(
        "You open lesson 02 and run its fifth cell first. It says NameError: name 'case' is not defined. What happened?",
        {
            "The kit is broken on this computer.": "No: the kit never ran. A NameError means Python has not met that name yet in this session.",
            "The first code cell, which defines case, has not run yet in this session.": "Yes. Run the first code cell (or Run → Run All Above Selected Cell), then try again. "
            "After a kernel restart, start from the top.",
            "The answer you typed is wrong.": "No answer was checked: the error stops the cell before any check. Look at the name in the message.",
        },
        correct="The first code cell, which defines case, has not run yet in this session.",
    ),
    MultipleChoice(
        "The text you will study in these lessons is…",
        {
            "the full Reuters report, exactly as it was published.": "Not quite: the published report opens with a headline, a dateline and two paragraphs about "
            "President Obama at the NATO summit. Our text starts after them.",
            "an excerpt of a Reuters report: its headline and opening paragraphs are cut.": "Yes. Every word is Reuters', but not every paragraph is there: lesson 01 asks what that changes.",
            "a summary of the news written for this kit.": "No: the words are the journalists' own. But it is an excerpt, not the whole report.",
        },
        correct="an excerpt of a Reuters report: its headline and opening paragraphs are cut.",
    ),
)
