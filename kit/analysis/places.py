"""A place is not an actor: mentions of a state that only say *where* ("in Iraq", "across its border with Syria").

Lesson 02 teaches that a region or a city where things happen is not an
actor. The case file still lists Iraq and Syria as states (the article talks
about them), so a mention count would rank them as actors on place mentions
alone. :func:`place_mentions` finds those mentions with one bounded pattern
on the words just before the name: ``in`` or ``border with``, also across a
list (``in Syria and Iraq``).

>>> import kit
>>> case = kit.load_case()
>>> sorted({m.actor for m in place_mentions(case)})
['iraq', 'syria']
"""

from __future__ import annotations

import re
from collections import Counter

from ..records import Case, Mention

__all__ = ["PLACE_WORDS", "is_place_mention", "place_mentions", "actor_mention_counts"]

#: The words that make the name right after them a place (the location of an event).
PLACE_WORDS = ("in", "border with")
_NAME = r"[A-Z][\w.’'-]{0,40}"
# "in Iraq", "in Syria and Iraq", "in Syria, Iraq and Turkey": at most three names before this one.
_BEFORE = re.compile(
    r"\b(?:" + "|".join(w.replace(" ", r"\s+") for w in PLACE_WORDS) + r")\s+"
    r"(?:" + _NAME + r"(?:,\s+|\s+and\s+|\s+or\s+)){0,3}$"
)
_WINDOW = 160  # characters looked at before a mention (bounded: three names and the place word fit)


def is_place_mention(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is a place here: a proper name right after a place word.

    >>> t = "Ministers met in Syria and Iraq. Iraq said no."
    >>> is_place_mention(t, 17, 22), is_place_mention(t, 27, 31), is_place_mention(t, 33, 37)
    (True, True, False)
    """
    word = text[start:end]
    if not word[:1].isupper() or word.endswith(("i", "ian", "ish", "ese", "ans", "is")):
        return False  # an adjective or a people ("Iraqi forces", "the Iraqis") names more than a place
    return _BEFORE.search(text, max(0, start - _WINDOW), start) is not None


def place_mentions(case: Case) -> tuple[Mention, ...]:
    """The mentions of states that only name a place (the event's location), in text order."""
    text = case.article.text
    return tuple(
        m for m in case.mentions if case.kind_of(m.actor) == "state" and is_place_mention(text, m.start, m.end)
    )


def actor_mention_counts(case: Case) -> tuple[Counter[str], Counter[str]]:
    """``(as an actor, as a place)``: mentions per actor id, place mentions counted apart.

    >>> import kit
    >>> actor, place = actor_mention_counts(kit.load_case())
    >>> actor["syria"], place["syria"]
    (0, 4)
    """
    places = set(place_mentions(case))
    as_actor = Counter(m.actor for m in case.mentions if m not in places)
    as_place = Counter(m.actor for m in places)
    return as_actor, as_place
