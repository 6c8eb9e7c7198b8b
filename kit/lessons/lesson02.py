"""Checks for notebook 02 · Actors: metonyms, mention counts, and a list of state ids made with code.

Every expected value is computed from the bundled case: the actor behind a
capital-city metonym is the one the kit's gazetteer resolved that mention to.

>>> check.q2(SOLUTIONS["q2"]).outcome
'correct'
>>> check.q1(SOLUTIONS["q1"]).outcome
'correct'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from ..case.load import load_case
from ..exercises import Exercise, ExerciseSet, about, fold, same_ids
from ..records import Actor, Case

__all__ = ["check", "metonym", "SOLUTIONS", "WRONG"]

_CASE: Case = load_case()




def metonym(case: Case) -> tuple[str, Actor]:
    """The last capital-city name the case resolves to a state, and that state.

    A capital city standing for its government is an alias of a state that
    is not the state's own name, a demonym or an abbreviation: the kit's
    gazetteer marks these as metonyms. Here: the last such mention in the text.

    >>> import kit
    >>> word, state = metonym(kit.load_case())
    >>> state.kind
    'state'
    """
    from ..parse.gazetteer import load_gazetteer_data

    metonyms = {alias for entry in load_gazetteer_data().get("states", ()) for alias in entry.get("metonyms", ())}
    found = None
    for m in case.mentions:
        word = case.article.text[m.start:m.end]
        if word in metonyms and case.actor(m.actor).kind == "state":
            found = (word, case.actor(m.actor))
    if found is None:
        raise LookupError("no capital-city metonym in this case")
    return found


def _stands_for(word: str, actor: Actor) -> Callable[[Any], tuple[bool, str]]:
    names = {fold(actor.id), fold(actor.name), *(fold(a) for a in actor.aliases)} - {fold(word)}

    def check(answer: Any) -> tuple[bool, str]:
        if not isinstance(answer, str):
            return False, 'This answer should be an actor id or name, as text in quotes (like "germany").'
        if fold(answer) == fold(word):
            return False, ("That is the word in the text. Which actor does the city stand for here? "
                           "Give that actor's id or name.")
        if fold(answer) in names:
            return True, ""
        return False, "That is not the actor the city stands for. Who can decide things: a city, or a government?"

    return check


def _mention_check(expected: int, *, one_name: int) -> Callable[[Any], tuple[bool, str]]:
    plain = about(expected, what="count")

    def check(answer: Any) -> tuple[bool, str]:
        if answer == one_name and one_name != expected and not isinstance(answer, bool):
            return False, "You counted only one of its names. Count every name it goes by (its aliases)."
        return plain(answer)

    return check


_WORD, _STATE = metonym(_CASE)
_IS = next(g for g in _CASE.groups if g.basis == "article" and g.id == "adversary").members[0]
_IS_MENTIONS = Counter(m.actor for m in _CASE.mentions)[_IS]
_IS_NAME_ONLY = _CASE.article.text.count(_CASE.actor(_IS).name)
_STATES = [a.id for a in _CASE.actors if a.kind == "state"]

check = ExerciseSet(
    Exercise(
        "q1",
        check=same_ids(_STATES, what="state ids"),
        hints=["Every actor has a .kind: 'person', 'state', 'organization', 'group' or 'anonymous'.",
               "A list comprehension: [a.id for a in case.actors if a.kind == ...]."],
        solution="answer = [a.id for a in case.actors if a.kind == 'state']",
        expects="a list of actor ids",
        success="States are only one kind of actor: people speak for them, and groups gather them.",
    ),
    Exercise(
        "q2",
        check=_stands_for(_WORD, _STATE),
        hints=[f"Find “{_WORD}” in the explorer or the article: who is said to decide something?",
               f"Look at case.actors: which actor has “{_WORD}” among its aliases?"],
        solution=f"answer = [a.id for a in case.actors if {_WORD!r} in a.aliases][0]",
        expects="an actor id as text",
        success="A city name standing for a government is a metonym; newspapers use them all the time.",
    ),
    Exercise(
        "q3",
        check=_mention_check(_IS_MENTIONS, one_name=_IS_NAME_ONLY),
        hints=["The adversary goes by many names: look at case.actor('islamic_state').aliases.",
               "Count with code: sum(1 for m in case.mentions if m.actor == 'islamic_state')."],
        solution="answer = sum(1 for m in case.mentions if m.actor == 'islamic_state')",
        expects="a whole number",
        success="The most mentioned actor, yet it never speaks in the article: keep that in mind for lesson 03.",
    ),
)

#: The stored solution values (what the solution() code computes).
SOLUTIONS: dict[str, Any] = {"q1": _STATES, "q2": _STATE.id, "q3": _IS_MENTIONS}
#: Known-wrong answers and a piece of the teaching message each one gets.
WRONG: dict[str, tuple[Any, str]] = {
    "q1": ([a.id for a in _CASE.actors], "not belong"),
    "q2": (_WORD, "the word in the text"),
    "q3": (_IS_NAME_ONLY, "only one of its names"),
}
