"""Ready-made checks for exercises: each returns ``check(answer) -> (ok, message)``.

Messages say what kind of value is expected and how to look again; they never
contain the expected value.

>>> same_ids(["germany", "france"])(["France", "GERMANY"])
(True, '')
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..records import Actor
from .names import find_actor

__all__ = ["equals", "same_ids", "about", "names_actor", "names_actors", "fold", "type_name"]

TYPE_NAMES = {
    "int": "a whole number (int)",
    "float": "a decimal number (float)",
    "str": "text (str)",
    "list": "a list",
    "tuple": "a tuple",
    "set": "a set",
    "dict": "a dictionary (dict)",
    "bool": "True/False (bool)",
    "NoneType": "None",
}


def type_name(value: Any) -> str:
    name = type(value).__name__
    return TYPE_NAMES.get(name, f"a {name}")


def equals(expected: Any, *, what: str = "value") -> Callable[[Any], tuple[bool, str]]:
    """A check passing when the answer equals ``expected`` (and has a compatible type)."""

    def check(answer: Any) -> tuple[bool, str]:
        if isinstance(expected, (int, float)) and not isinstance(expected, bool):
            return about(expected, tol=0, what=what)(answer)
        if type(answer) is not type(expected) and not (isinstance(answer, str) and isinstance(expected, str)):
            return False, f"This answer should be {type_name(expected)}; you gave {type_name(answer)}."
        if answer == expected:
            return True, ""
        return False, f"That is not the {what} we are looking for. Look again at the article."

    return check


def same_ids(expected: Iterable[str], *, what: str = "actor ids") -> Callable[[Any], tuple[bool, str]]:
    """A check passing when the answer holds the same ids, ignoring order, case and repeats.

    >>> same_ids(["germany", "france"])(["France", "GERMANY"])
    (True, '')
    """
    want = {str(x).strip().lower() for x in expected}

    def check(answer: Any) -> tuple[bool, str]:
        if isinstance(answer, str) or not isinstance(answer, (list, tuple, set, frozenset)):
            return False, (
                f"This answer should be a list of {what} as text, like ['first_id', 'second_id']; "
                f"you gave {type_name(answer)}."
            )
        bad = [x for x in answer if not isinstance(x, str)]
        if bad:
            return False, f"Every item should be text in quotes; {bad[0]!r} is {type_name(bad[0])}."
        got = {x.strip().lower() for x in answer}
        extra = sorted(got - want)
        missing = len(want - got)
        if not extra and not missing:
            return True, ""
        parts = []
        if extra:
            shown = ", ".join(repr(x) for x in extra[:3])
            parts.append(f"{shown} {'does' if len(extra) == 1 else 'do'} not belong")
        if missing:
            parts.append(f"{missing} {'id is' if missing == 1 else 'ids are'} missing")
        return False, "; ".join(parts).capitalize() + ". Check the spelling of the ids and re-read the passage."

    return check


def about(
    expected: float,
    *,
    tol: float = 0.0,
    rel: float = 0.0,
    what: str = "number",
    advice: str = "Check what you counted, and count again.",
) -> Callable[[Any], tuple[bool, str]]:
    """A check passing when the answer is a number within ``tol`` (absolute) or ``rel`` (relative) of ``expected``.

    ``advice`` follows "too high"/"too low": say what to re-check for this kind of number
    (a share: "what you divided by"; a line number: "the number after the file name").

    >>> about(0.18, tol=0.01)(0.176)
    (True, '')
    >>> about(0.18, tol=0.01)("0.18")[1]
    'This answer should be a number, without quotes (like 12 or 0.5); you gave text (str).'
    >>> about(10, what="count")(12)[1]
    'Your count is too high. Check what you counted, and count again.'
    """

    def check(answer: Any) -> tuple[bool, str]:
        if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
            return (
                False,
                f"This answer should be a number, without quotes (like 12 or 0.5); you gave {type_name(answer)}.",
            )
        value = float(answer)
        if math.isnan(value):
            return False, "Your answer is NaN (not a number): check for a division by zero or an empty table."
        if abs(value - expected) <= max(tol, rel * abs(expected)) + 1e-12:
            return True, ""
        direction = "too high" if value > expected else "too low"
        return False, f"Your {what} is {direction}. {advice}"

    return check


def fold(text: str) -> str:
    """Text for lenient comparison: no dots or underscores, lower case, single spaces."""
    return " ".join(text.replace(".", "").replace("_", " ").lower().split())


def names_actor(actor: Actor) -> Callable[[Any], tuple[bool, str]]:
    """A check passing when the answer names ``actor``: its id, name, any alias, or a titled name
    ("Secretary of State John Kerry", "the British government"; see :mod:`kit.exercises.names`).

    >>> us = Actor("united_states", "United States", "state", aliases=("U.S.", "Washington"))
    >>> names_actor(us)("washington"), names_actor(us)("the US government")
    ((True, ''), (True, ''))
    """

    def check(answer: Any) -> tuple[bool, str]:
        if not isinstance(answer, str):
            return (
                False,
                f'This answer should be a name, as text in quotes (like "Someone"); you gave {type_name(answer)}.',
            )
        if not answer.strip():
            return False, "Your answer is empty text: write the name between the quotes."
        if find_actor((actor,), answer) is actor:
            return True, ""
        return (
            False,
            "That is not who we are looking for. Re-read who is speaking (look for the cue verb: said, told, warned).",
        )

    return check


def names_actors(
    required: Sequence[Actor],
    *,
    pool: Sequence[Actor] = (),
    optional: Sequence[Actor] = (),
    where: str = "the passage",
    what: str = "actors we are looking for",
) -> Callable[[Any], tuple[bool, str]]:
    """A check passing when a list names every ``required`` actor (by any name), maybe ``optional`` ones, no one else.

    ``pool`` holds the other actors a learner might name (the case's actors), so a wrong
    name can be told apart from a misspelled one.

    >>> kerry = Actor("john_kerry", "John Kerry", "person", aliases=("Kerry",))
    >>> names_actors([kerry])(["Secretary of State Kerry"])
    (True, '')
    """
    required, optional = tuple(required), tuple(optional)
    pool = tuple(required) + tuple(optional) + tuple(a for a in pool if a not in required and a not in optional)
    allowed = {a.id for a in required + optional}

    def check(answer: Any) -> tuple[bool, str]:
        if isinstance(answer, str) or not isinstance(answer, (list, tuple, set, frozenset)):
            return False, (
                'This answer should be a list of names in square brackets, like ["First name", "Second name"]; '
                f"you gave {type_name(answer)}."
            )
        bad = [x for x in answer if not isinstance(x, str)]
        if bad:
            return False, f'Every name should be text in quotes, like "First name"; {bad[0]!r} is {type_name(bad[0])}.'
        found = [find_actor(pool, x) for x in answer]
        for text, actor in zip(answer, found, strict=True):
            if actor is None:
                return False, (
                    f"{text!r} is not a name of anyone in this case: check the spelling "
                    "(a name as the article writes it, or an actor id)."
                )
            if actor.id not in allowed:
                return False, f"{text!r} is not one of the {what}. Re-read {where}."
        missing = len({a.id for a in required} - {a.id for a in found if a is not None})
        if missing:
            return False, f"{missing} {'name is' if missing == 1 else 'names are'} missing. Re-read {where}."
        return True, ""

    return check
