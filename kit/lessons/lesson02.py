"""Checks for notebook 02 · Actors: the states in the table, a metonym, the names of Islamic State, the West.

Every expected value is computed from the bundled case: the actor behind a
capital-city metonym is the one the kit's gazetteer resolved that mention to;
the names of Islamic State are the words its mentions span. The judgement
(q3) accepts either place where a word for the West names no actor.

>>> check.q2(SOLUTIONS["q2"]).outcome
'correct'
>>> check.q1(SOLUTIONS["q1"]).outcome
'correct'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..analysis.places import actor_mention_counts
from ..case.load import load_case
from ..exercises import (
    Exercise,
    ExerciseSet,
    ExitTicket,
    MultipleChoice,
    Reading,
    actor_forms,
    find_actor,
    judgement,
    names_actors,
)
from ..exercises.names import normal
from ..explore.table import Table, table
from ..parse.gazetteer import load_gazetteer_data
from ..records import Actor, Article, Case

__all__ = [
    "check",
    "exit_ticket",
    "metonym",
    "names_of",
    "only_places",
    "count_kinds",
    "mentions_in",
    "anonymous_sources",
    "SOLUTIONS",
    "ALTERNATIVES",
    "WRONG",
    "JUDGEMENT",
]

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

    metonyms = {alias for entry in load_gazetteer_data().get("states", ()) for alias in entry.get("metonyms", ())}
    found = None
    for m in case.mentions:
        word = case.article.text[m.start : m.end]
        if word in metonyms and case.actor(m.actor).kind == "state":
            found = (word, case.actor(m.actor))
    if found is None:
        raise LookupError("no capital-city metonym in this case")
    return found


def only_places(case: Case) -> list[Actor]:
    """The states the text names only as places ("in Syria"): by the lesson's rule, not actors here.

    >>> import kit
    >>> [a.name for a in only_places(kit.load_case())]
    ['Syria']
    """
    as_actor, as_place = actor_mention_counts(case)
    return [a for a in case.actors if a.kind == "state" and as_place[a.id] and not as_actor[a.id]]


def count_kinds(case: Case) -> Table:
    """How many actors of each kind the case has, as a small table.

    >>> import kit
    >>> count_kinds(kit.load_case()).header
    ('kind', 'actors')
    """
    counts = {kind: 0 for kind in ("person", "state", "organization", "group", "anonymous")}
    for actor in case.actors:
        counts[actor.kind] = counts.get(actor.kind, 0) + 1
    return table(list(counts.items()), columns=["kind", "actors"])


def mentions_in(article: Article) -> Table:
    """Every mention the kit found in an article: the words and the actor id they name.

    >>> import kit
    >>> mentions_in(kit.parse("Ministers met in Washington. Washington said no.")).rows
    (('Washington', 'united_states'),)
    """
    return table([(article.span(m.start, m.end), m.actor) for m in article.mentions], columns=["words", "actor"])


def anonymous_sources(case: Case) -> Table:
    """The anonymous actors: id, description and whom they speak for (blank when the text does not say).

    >>> import kit
    >>> "speaks for" in anonymous_sources(kit.load_case()).header
    True
    """
    rows = [(a.id, a.name, case.name_of(a.country) if a.country else "") for a in case.actors if a.kind == "anonymous"]
    return table(rows, columns=["id", "described as", "speaks for"])


def _stands_for(word: str, actor: Actor) -> Callable[[Any], tuple[bool, str]]:
    def check(answer: Any) -> tuple[bool, str]:
        if not isinstance(answer, str):
            return False, 'This answer should be an actor id or name, as text in quotes (like "germany").'
        if normal(answer) == normal(word):
            return False, (
                "That is the word in the text. Which actor does the city stand for here? Give that actor's id or name."
            )
        if find_actor((actor,), answer) is actor:
            return True, ""
        said = normal(answer)
        if normal(word) in said and ("government" in said or "ministers" in said or "officials" in said):
            return True, ""  # "the government in London": the government the city stands for
        return False, "That is not the actor the city stands for. Who can decide things: a city, or a government?"

    return check


def names_of(case: Case, actor_id: str) -> list[str]:
    """The different words the text uses for an actor (its mentions' text), in order of first use.

    >>> import kit
    >>> names_of(kit.load_case(), "islamic_state")[:2]
    ['Sunni militants', 'IS']
    """
    words = [case.article.text[m.start : m.end] for m in case.mentions if m.actor == actor_id]
    return list(dict.fromkeys(words))


def _names_check(case: Case, actor: Actor) -> Callable[[Any], tuple[bool, str]]:
    def key(text: str) -> str:
        t = normal(text)
        return t[4:] if t.startswith("the ") else t

    want = {key(w) for w in names_of(case, actor.id)}
    known = actor_forms(actor)

    def check(answer: Any) -> tuple[bool, str]:
        if isinstance(answer, str) or not isinstance(answer, (list, tuple, set, frozenset)):
            return False, 'This answer should be a list of names as text, like ["Name one", "Name two"].'
        if not all(isinstance(x, str) for x in answer):
            return False, 'Every name should be text in quotes, like "Name one".'
        for text in answer:
            if key(text) in want:
                continue
            if key(text) in known:
                return (
                    False,
                    f"{text!r} is a name of the group, but this article never uses it. List the words the article uses.",
                )
            return (
                False,
                f"{text!r} is not one of the words the article uses for it. Check the marked words in the explorer.",
            )
        missing = len(want - {key(x) for x in answer})
        if missing:
            return False, (
                f"{missing} {'name is' if missing == 1 else 'names are'} missing. Look for descriptions "
                "as well as proper names: the explorer marks them all."
            )
        return True, ""

    return check


def _west_check(case: Case) -> Callable[[Any], tuple[bool, str]]:
    art = case.article
    paras = {p.index + 1: art.span(p.start, p.end) for p in art.paragraphs}
    west = [n for n, text in paras.items() if "West" in text or "west" in text]
    return judgement(
        art,
        [
            Reading(
                "2",
                ("drawing volunteers from many countries including in the West",),
                "“in the West” is where volunteers come from: a place, like “in London”.",
            ),
            Reading(
                "3",
                ("westerners fighting for IS",),
                "the westerners fighting for IS are IS recruits: people from a region, not someone acting for the West.",
            ),
        ],
        field="paragraph",
        choices={str(n): [f"¶{n}", f"¶ {n}", f"paragraph {n}"] for n in paras},
        wrong={
            "14": (
                "In ¶ 14 “Western” says whose side the official who speaks is on: that is the one mention "
                "the kit does count. Find a place where no one acts for the West."
            )
        },
        otherwise=f"That paragraph has no “West”, “Western” or “westerners” in it: look at ¶ {', ¶ '.join(map(str, west))}.",
        reference=(
            "In ¶ 2 “in the West” is a place, where volunteers come from; in ¶ 3 the “westerners fighting for IS” "
            "are IS recruits, who do not act for the West. A place is not an actor, and neither are people "
            "from a region. Only “one Western defense official” (¶ 14) ties the West to someone who speaks: "
            "that is the one mention of the West the kit counts."
        ),
    )


_WORD, _STATE = metonym(_CASE)
_IS = next(g for g in _CASE.groups if g.basis == "article" and g.id == "adversary").members[0]
_IS_NAMES = names_of(_CASE, _IS)
_IS_GAZETTEER = [w for w in _IS_NAMES if w in _CASE.article.actor(_IS).aliases]
_PLACES = only_places(_CASE)
_STATES = [a for a in _CASE.actors if a.kind == "state" and a not in _PLACES]

check = ExerciseSet(
    Exercise(
        "q1",
        check=names_actors(
            _STATES, optional=_PLACES, pool=_CASE.actors, what="states", where="the column 'kind' in the table"
        ),
        hints=[
            "Every actor has a kind: 'person', 'state', 'organization', 'group' or 'anonymous'. Read the column 'kind'.",
            'Copy the name (or the id) of every row whose kind is state: ["Iraq", "united_kingdom", …].',
        ],
        solution=f"answer = {[a.name for a in _STATES]!r}\n"
        f"# {' and '.join(a.name for a in _PLACES)} may be left out or kept: the table lists it as a state, "
        "but the text names it only as a place (“in Syria”), and a place is not an actor.",
        expects="a list of names or ids",
        success="States are only one kind of actor: people speak for them, and groups gather them. "
        + (
            f"With or without {' and '.join(a.name for a in _PLACES)}: the text names it only as a place "
            "(the chart below leaves such mentions out)."
            if _PLACES
            else ""
        ),
    ),
    Exercise(
        "q2",
        check=_stands_for(_WORD, _STATE),
        hints=[
            f"Find “{_WORD}” in the article: who is said to decide something?",
            f"A city cannot decide; a government can. Which state in the actor table has “{_WORD}” as its capital?",
        ],
        solution=f"answer = {_STATE.name!r}   # or its id, {_STATE.id!r}",
        expects="an actor id as text",
        success="A city name standing for a government is a metonym; newspapers use them all the time.",
    ),
    Exercise(
        "q4",
        check=_names_check(_CASE, _CASE.actor(_IS)),
        hints=[
            "In the explorer, choose Islamic State alone: every word that refers to it is marked.",
            "Some are names (short ones too), some are descriptions of the group. List each different word once.",
        ],
        solution=f"answer = {_IS_NAMES!r}",
        expects="a list of names as text",
        success="One actor, many names: a reader (and the kit) must know they are the same.",
    ),
    Exercise(
        "q3",
        check=_west_check(_CASE),
        hints=[
            "Find “West”, “Western” and “westerners” in the article (¶ 2, ¶ 3 and ¶ 14).",
            "In which of them does someone act or speak for the West? Choose another one: "
            '{"paragraph": …, "evidence": "…"}.',
        ],
        solution='answer = {"paragraph": 2, "evidence": "drawing volunteers from many countries including in the West"}',
        expects='a dictionary like {"paragraph": 2, "evidence": "…"}',
        success="The same word can name an actor in one sentence and a place in the next.",
    ),
)

#: The stored solution values (what the solution() code computes).
SOLUTIONS: dict[str, Any] = {
    "q1": [a.name for a in _STATES],
    "q2": _STATE.name,
    "q4": _IS_NAMES,
    "q3": {"paragraph": 2, "evidence": "drawing volunteers from many countries including in the West"},
}
#: Other answers a learner may defensibly give: all pass.
ALTERNATIVES: dict[str, list[Any]] = {
    "q1": [
        [a.id for a in _STATES],
        [a.name for a in _STATES + _PLACES],  # the places too: the table lists them as states
        [{"united_kingdom": "UK", "united_states": "the US"}.get(a.id, a.name) for a in _STATES],
    ],
    "q2": [
        _STATE.id,
        "the British government",
        "UK",
        f"the government in {_WORD}",
    ],  # the metonym is London (tests/test_lesson02.py)
    "q4": [["the " + w if w.startswith("Sunni") else w for w in reversed(_IS_NAMES)]],
    "q3": [
        {
            "paragraph": "¶ 3",
            "evidence": "NATO announced plans for allies to share more information on westerners fighting for IS",
        }
    ],
}
#: Known-wrong answers and a piece of the teaching message each one gets.
WRONG: dict[str, tuple[Any, str]] = {
    "q1": ([a.id for a in _CASE.actors], "not one of the states"),
    "q2": (_WORD, "the word in the text"),
    "q4": (_IS_GAZETTEER, "descriptions"),
    "q3": ({"paragraph": 14, "evidence": "one Western defense official"}, "the kit does count"),
}
#: The exercises that ask for a judgement with evidence.
JUDGEMENT = ("q3",)

exit_ticket = ExitTicket(
    MultipleChoice(
        "“Ministers met in Rome on Monday. Paris said it would send aircraft.” Which of the two cities names an actor?",
        {
            "Both: Rome and Paris are capitals, so they stand for their governments.": "Only when the city does something. “In Rome” says where the ministers met: a place, not a government.",
            "Only Paris: it says something, so it stands for the French government.": "Yes. “Paris said” is a metonym for the French government; “in Rome” is just the place of the meeting.",
            "Neither: a city is always a place.": "A city cannot speak, but its name can stand for a government that does: “Paris said” means France said.",
        },
        correct="Only Paris: it says something, so it stands for the French government.",
    ),
    MultipleChoice(
        "Islamic State is mentioned more often than any other actor. What does that tell you?",
        {
            "It is the most important voice in the story.": "Mentions count how often the text names an actor, not whether it speaks. Lesson 03 shows it never does.",
            "The story is about it, but that does not mean it gets to speak.": "Yes. Being talked about and talking are different: lesson 03 measures who speaks.",
            "The journalists are on its side.": "No: mentions count naming, not sympathy. An adversary is named often precisely because it is the target.",
        },
        correct="The story is about it, but that does not mean it gets to speak.",
    ),
)
