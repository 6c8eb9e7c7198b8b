"""Names the text uses as places, so never as people: "the village of Karo Tarn", "Ben Arvo airport".

A capitalised name that reads like a person's ("Karo Tarn", "Ben Arvo") is a place
when the text places it, from data in ``kit/data/entities.json``:

* after a word for a settlement and "of" (``place_nouns``: "the town of Karo Tarn",
  "the suburb of Preston") or after "near";
* right before a word for a facility named after it (``facility_nouns``: "Ben Arvo
  airport", "the Omari mosque", "Tarvo prison");
* before a comma and a distance ("Steinberg, 200 km south of ...") or a comma and a
  description of a settlement ("Karo Tarn, a small village");
* after "in", "at", "from" or "near" and before a comma and a known place ("in Prince
  Rupert, British Columbia").

Each pattern starts with a literal word or is tried only near one, so the scan stays
linear.

>>> t = "Shells hit the village of Karo Tarn and Ben Arvo airport, near Steinberg."
>>> sorted(placed_names(t, [(0, len(t))]))
['Ben Arvo', 'Karo Tarn', 'Steinberg']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from .entity_words import entity_words
from .patterns import trie_pattern

__all__ = ["is_placed", "placed_names"]

_NAME = r"[A-Z][\w’'-]*[a-z](?:[ \t]+(?:de|del|la|van|von)?[ \t]*[A-Z][\w’'-]*[a-z]){0,3}"


@functools.cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    w = entity_words()
    places = trie_pattern(sorted(w.places))
    nouns = trie_pattern(w.place_nouns)
    return (
        re.compile(rf"(?<![\w’'-])(?:(?:{nouns})[ \t]+of|near)[ \t]+(?P<n>{_NAME})(?![\w’'-])"),
        # the last of two or more: "the towns of Rousse and Veliko Tarnovo"
        re.compile(
            rf"(?<![\w’'-])(?:{nouns})[ \t]+of[ \t]+{_NAME}(?:,[ \t]+{_NAME})*,?[ \t]+and[ \t]+(?P<n>{_NAME})(?![\w’'-])"
        ),
        re.compile(rf"(?<![\w’'.-])(?P<n>{_NAME})[ \t]+(?:{trie_pattern(w.facility_nouns)})(?![\w’'-])"),
        re.compile(
            rf"(?<![\w’'.-])(?P<n>{_NAME}),[ \t]+(?:(?:some|about|around)[ \t]+)?\d+[ \t]*(?:km|kms|miles|kilometres|kilometers)\b"
        ),
        re.compile(rf"(?<![\w’'.-])(?P<n>{_NAME}),[ \t]+an?[ \t]+(?:[a-z-]+[ \t]+){{0,3}}?(?:{nouns})(?![\w’'-])"),
        re.compile(rf"(?<![\w’'-])(?:in|at|from|near)[ \t]+(?P<n>{_NAME}),[ \t]+(?:{places})(?![\w’'-])"),
    )


def placed_names(text: str, spans: Iterable[tuple[int, int]]) -> set[str]:
    """The capitalised names ``text[start:end]`` (for each span) uses as places (see the module doc)."""
    out: set[str] = set()
    patterns = _patterns()
    for start, end in spans:
        for pattern in patterns:
            for m in pattern.finditer(text, start, end):
                name = m.group("n")
                out.add(_POSSESSIVE.split(name)[-1])  # "Bucharest's Victor Babes hospital": "Victor Babes"
    return out


_POSSESSIVE = re.compile(r"[’']s[ \t]+")


def is_placed(name: str, placed: set[str]) -> bool:
    """Is ``name`` one of the ``placed`` names, or the end of one ("Rupert" of "Prince Rupert")?"""
    return name in placed or any(p.endswith(" " + name) for p in placed)
