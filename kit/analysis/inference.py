"""Which stances are the coder's inference: the evidence never uses the words of the position's label.

A position's label is the coder's summary (*Air strikes against IS*); a stance
whose evidence shares none of the label's content words (Kerry's "attack
them", France's "potentially military action") rests on the coder's reading
that those words mean the option. Lesson 04 teaches it; the handout's key and
the reference's reasons flag it.

>>> import kit
>>> case = kit.load_case()
>>> sorted(s.actor for s in inferred_stances(case) if s.position == "air_strikes")
['france', 'frank_walter_steinmeier', 'john_kerry']
"""

from __future__ import annotations

import re

from ..records import Case, Position, Stance

__all__ = ["label_words", "is_inferred", "inferred_stances"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{0,40}")
#: Words of a label that say nothing about the option itself.
_FUNCTION_WORDS = frozenset(
    "a an the of on in to for and or with against from by at its their more all any no not".split()
)


def label_words(label: str) -> set[str]:
    """The content words of a label, lower case, a plural's final ``s`` dropped ("strikes" -> "strike").

    >>> sorted(label_words("Air strikes against IS"))
    ['air', 'strike']
    """
    words = {w.lower() for w in _WORD.findall(label) if len(w) > 2 or w.islower()}
    return {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words - _FUNCTION_WORDS}


def is_inferred(stance: Stance, position: Position) -> bool:
    """Whether the evidence uses none of the content words of the position's label."""
    wanted = label_words(position.label)
    found = label_words(stance.evidence)
    return bool(wanted) and not (wanted & found)


def inferred_stances(case: Case) -> list[Stance]:
    """The stances of ``case`` that rest on the coder's inference (see :func:`is_inferred`), in case order."""
    positions = {p.id: p for p in case.positions}
    return [s for s in case.stances if s.position in positions and is_inferred(s, positions[s.position])]
