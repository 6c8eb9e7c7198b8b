"""Checks and tools for notebook 06 · Coalitions: declared groups, what their members say, finding or artefact?

Every expected value is computed from the bundled reference case: the declared
groups (the first group the article declares, and the one from background
knowledge), the stances left when only on-record quotes count, and the
coalitions at the level of states. The tools that let learners look behind a
result (who is silent, how stances combine, what a re-coding changes) live in
:mod:`kit.lessons.whatif` and are re-exported here.

>>> check.q1(SOLUTIONS["q1"]).outcome
'correct'
>>> check.q2(None).outcome
'not attempted'
"""

from __future__ import annotations

from typing import Any

from ..analysis import coalitions, compare_declared, select_stances
from ..case.load import load_case
from ..exercises import Exercise, ExerciseSet, ExitTicket, MultipleChoice, Reading, judgement, names_actors
from ..explore.reveal import answer_html
from ..explore.table import Table, table
from ..records import Case, Group
from ..util import esc
from .whatif import RED_LINE, combined_cells, group_voices, recode, red_line_for_everybody

__all__ = [
    "check",
    "exit_ticket",
    "declared",
    "groups_table",
    "DeclaredVsDiscursive",
    "declared_vs_discursive",
    "on_record_actors",
    "lone_states",
    "group_voices",
    "combined_cells",
    "red_line_for_everybody",
    "recode",
    "RED_LINE",
    "SOLUTIONS",
    "ALTERNATIVES",
    "WRONG",
    "JUDGEMENT",
]

_CASE: Case = load_case()


def groups_table(case: Case) -> Table:
    """The declared groups: name, number of members and basis (article, background or the coder's inference).

    >>> import kit
    >>> groups_table(kit.load_case()).header
    ('group', 'members', 'basis')
    """
    return table([(g.name, len(g.members), g.basis) for g in case.groups], columns=["group", "members", "basis"])


class DeclaredVsDiscursive:
    """The first mismatches between declared groups and what their members say, as a list.

    Marked as the answer to Exercise 3 (which state stands alone): place it after that exercise.
    """

    def __init__(self, case: Case, *, top: int = 6) -> None:
        self.messages = [m.message for m in compare_declared(case)[:top]]

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{esc(m)}</li>" for m in self.messages)
        return answer_html(f"<ul>{items}</ul>", answers=["06:q3"])

    def __repr__(self) -> str:
        return "\n".join(f"• {m}" for m in self.messages)


def declared_vs_discursive(case: Case, *, top: int = 6) -> DeclaredVsDiscursive:
    """For each declared group and position: members who say something else, outsiders who say the same.

    >>> import kit
    >>> len(declared_vs_discursive(kit.load_case()).messages)
    6
    """
    return DeclaredVsDiscursive(case, top=top)


def declared(case: Case) -> tuple[Group, Group]:
    """The first group the article itself declares, and the first group known from background.

    >>> import kit
    >>> [g.basis for g in declared(kit.load_case())]
    ['article', 'background']
    """
    article = next(g for g in case.groups if g.basis == "article")
    background = next(g for g in case.groups if g.basis == "background")
    return article, background


def on_record_actors(case: Case) -> set[str]:
    """Actors with at least one stance coded from an on-record quote (evidence type ``direct``).

    >>> import kit
    >>> on_record_actors(kit.load_case()) <= {a.id for a in kit.load_case().actors}
    True
    """

    return {s.actor for s in select_stances(case, evidence=["direct"])}


def lone_states(case: Case) -> set[str]:
    """States that form a coalition of their own when people count as the states they speak for."""

    kinds = {a.id: a.kind for a in case.actors}
    return {c[0] for c in coalitions(case, level="state") if len(c) == 1 and kinds.get(c[0]) == "state"}


def _artefact_check(case: Case) -> Any:
    silent = "Hagel told ministers from Britain, France, Germany, Canada, Australia, Turkey, Italy, Poland and Denmark"
    rift = (
        "Washington had to do more than simply order air strikes on IS targets in Iraq",
        "summed up the reservations of several European allies",
        "A military confrontation will be only successful if it is embedded in a political setting",
        "needed an overall strategy",
    )
    coding = (silent, RED_LINE, "London had not yet decided on any involvement in air strikes")
    return judgement(
        case.article,
        [
            Reading(
                "artefact",
                coding,
                "The gap comes from the coding: silent members, one speaker for all, a rule for ties.",
            ),
            Reading("finding", rift, "The article does report European reservations about strikes without a strategy."),
            Reading(
                "both",
                coding + rift,
                "A real difference of emphasis, made to look like isolation by silence and rules.",
            ),
        ],
        field="verdict",
        choices={
            "artefact": ["artifact", "an artefact", "an artifact"],
            "finding": ["a finding", "real"],
            "both": ["partly", "mixed", "a bit of both"],
        },
        reference=(
            "Mostly an artefact. Six of the ten core-group members have no coded stance; Kerry's “a red line for "
            "everybody here” is coded for Kerry alone; a tie becomes “conditional”. Code the red line for every "
            "member and the United States no longer stands alone: the split then follows who spoke, not where "
            "they come from. What remains is a real difference of emphasis (¶ 13, ¶ 19: strikes, but inside a "
            "political strategy), not a transatlantic rift."
        ),
    )


_CORE, _BACKGROUND = declared(_CASE)
_OUTSIDE = [_CASE.actor(m) for m in _CORE.members if m not in set(_BACKGROUND.members)]
_ON_RECORD = [_CASE.actor(i) for i in sorted(on_record_actors(_CASE))]
_ALL_CODED = sorted({s.actor for s in _CASE.stances})
_LONE = [_CASE.actor(i) for i in sorted(lone_states(_CASE))]


def _largest_state_coalition(case: Case) -> list[str]:

    biggest: tuple[str, ...] = ()
    for found in coalitions(case, level="state"):
        if len(tuple(found)) > len(biggest):
            biggest = tuple(found)
    return sorted(biggest)


_CROWD = _largest_state_coalition(_CASE)

check = ExerciseSet(
    Exercise(
        "q1",
        check=names_actors(
            _OUTSIDE, pool=_CASE.actors, what="core-group members outside NATO", where="the two groups in the figure"
        ),
        hints=[
            "The figure shows each group's members: compare the core group with NATO.",
            "Which of the ten is missing from NATO's column?",
        ],
        solution=f"answer = {[a.name for a in _OUTSIDE]!r}",
        expects="a list of names or ids",
        success="A coalition of the willing need not follow alliance lines.",
    ),
    Exercise(
        "q2",
        check=names_actors(
            _ON_RECORD,
            pool=_CASE.actors,
            what="actors with an on-record stance",
            where="the explorer with “only on-record quotes”",
        ),
        hints=[
            "Predict first: which stances come from a named person's words in quotation marks (lesson 03)?",
            "Then switch the toggle to “only on-record quotes” and read the names left in the figure.",
        ],
        solution=f"answer = {[a.name for a in _ON_RECORD]!r}\n"
        "# with code (optional): {s.actor for s in kit.analysis.select_stances(case, evidence=['direct'])}",
        expects="a list of names or ids",
        success="Everyone else reaches us through paraphrase, narration or unnamed sources.",
    ),
    Exercise(
        "q3",
        check=names_actors(
            _LONE, pool=_CASE.actors, what="states that stand alone", where="the explorer with “states they speak for”"
        ),
        hints=[
            "Switch the toggle to “states they speak for” and look for a state with no line to anyone.",
            "The list under the figure names the coalitions: find one with a single state in it.",
        ],
        solution=f"answer = {[a.name for a in _LONE]!r}\n"
        "# with code (optional): kit.analysis.coalitions(case, level='state')",
        expects="a list of names or ids",
        success="Declared together, apart in what they say? Before you believe it, the next section checks.",
    ),
    Exercise(
        "q4",
        check=_artefact_check(_CASE),
        hints=[
            "Look back at the three checks: who is silent, how stances are combined, and the red-line what-if.",
            'Choose "finding", "artefact" or "both", and copy the words of the article your verdict rests on: '
            '{"verdict": "…", "evidence": "…"}.',
        ],
        solution='answer = {"verdict": "artefact", "evidence": "a red line for everybody here"}',
        expects='a dictionary like {"verdict": "…", "evidence": "…"}',
        success="Ask it of every network you see: finding, or artefact of the coding?",
    ),
)

#: The stored solution values (what the solution() code computes).
SOLUTIONS: dict[str, Any] = {
    "q1": [a.name for a in _OUTSIDE],
    "q2": [a.name for a in _ON_RECORD],
    "q3": [a.name for a in _LONE],
    "q4": {"verdict": "artefact", "evidence": "a red line for everybody here"},
}
#: Other answers a learner may defensibly give: all pass.
ALTERNATIVES: dict[str, list[Any]] = {
    "q1": [[a.id for a in _OUTSIDE]],
    "q2": [[a.name.split()[-1] for a in _ON_RECORD], [a.id for a in _ON_RECORD]],
    "q3": [["the US" if a.id == "united_states" else a.name for a in _LONE], [a.id for a in _LONE]],
    "q4": [
        {"verdict": "finding", "evidence": "summed up the reservations of several European allies"},
        {"verdict": "both", "evidence": "Washington had to do more than simply order air strikes"},
        {"verdict": "artifact", "evidence": "Canada, Australia, Turkey, Italy, Poland and Denmark"},
    ],
}
#: Known-wrong answers and a piece of the teaching message each one gets.
WRONG: dict[str, tuple[Any, str]] = {
    "q1": (list(_CORE.members), "not one of the core-group members outside NATO"),
    "q2": (_ALL_CODED, "not one of the actors with an on-record stance"),
    "q3": (_CROWD, "not one of the states that stand alone"),
    "q4": ({"verdict": "finding", "evidence": "formed the core group"}, "do not show"),
}
#: The exercises that ask for a judgement with evidence.
JUDGEMENT = ("q4",)

exit_ticket = ExitTicket(
    MultipleChoice(
        "Six of the ten core-group members have no coded stance. In the network of states, what does their silence tell you?",
        {
            "They disagree with the United States.": "Silence is not disagreement: the article names them once (¶ 6) and never reports what they said.",
            "Nothing about their views: the text does not report them, so the network cannot place them.": "Yes. An empty cell means “not in this text”, not “no opinion”. Say so when you report a coalition.",
            "They agree with everyone, since nobody contradicts them.": "No stance is no evidence either way. A network can only show what the coding holds.",
        },
        correct="Nothing about their views: the text does not report them, so the network cannot place them.",
    ),
    MultipleChoice(
        "For the UK on air strikes the kit combines Cameron (conditional) and Hammond (undecided). At the level of states the UK is…",
        {
            "conditional, because the kit's rule turns a tie into “conditional”.": "Yes. The most common value wins; a tie becomes “conditional”. Another rule would give another network: "
            "report the rule with the result.",
            "undecided, because the Foreign Secretary speaks for foreign policy.": "A sensible rule, but not the kit's: it does not rank speakers. Look at the table of combined stances.",
            "support, because the UK later joined the air strikes.": "That is background (26 September), not this article: the coding only holds what the text says.",
        },
        correct="conditional, because the kit's rule turns a tie into “conditional”.",
    ),
)
