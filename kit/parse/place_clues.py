"""Names the text uses as places, so never as people: "the village of Karo Tarn", "Ben Arvo airport".

A capitalised name that reads like a person's ("Karo Tarn", "Ben Arvo") is a place
when the text places it where it names it, from data in ``kit/data/entities.json``:

* after a word for a settlement and "of" (``place_nouns``: "the town of Karo Tarn",
  "the towns of Vell and Karo Tarn") or after "near";
* right before a word for a facility named after it (``facility_nouns``: "Ben Arvo
  airport", "the Omari mosque", "Norhaven's Vico Tarn hospital");
* before a comma and a distance ("Stenvald, 200 km south of ...") or a comma and a
  description of a settlement ("Karo Tarn, a small village");
* after "in", "at", "from" or "near" (and perhaps a title: "in Prince Arvel") and before
  a comma and a known place ("in Prince Arvel, British Columbia");
* after "between" and a known place and "and" ("flights between Norhaven and Karo Tarn"), or after
  "from" and a known place and "to";
* where the text first names it: after "via" ("flights via Karo Tarn"), or opening a paragraph
  before a comma and a known place ("Vella, Ohio" atop a letter).

A name the text first gives beside a word for an animal (``animal_nouns``: "our dog Rex",
"their dogs, Rex and Tiv", "Tiv, our old spaniel,") is an animal's, not a person's; one it first
gives after a word for a thing and "called", "dubbed" or "known as" ("a band called Vell
Dorna", "the river known as Karo Tarn"; not "a man called Ivo Marsk") is a thing's.

A name right after a word for a work (``work_nouns``: "the horror film Grey Tarsk", "the
series Ada Moss") is the work's title, not a person, likewise.

Only the places a person's name is mentioned are read, each in a bounded window, so the
cost follows the number of mentions, not the length of the text.

>>> t = "Shells hit the village of Karo Tarn and Ben Arvo airport, near Tom Stenvald."
>>> sorted(placed_people(t, [("karo_tarn", 26, 35), ("ben_arvo", 40, 48), ("tom_stenvald", 63, 75)]))
['ben_arvo', 'karo_tarn', 'tom_stenvald']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .entity_words import entity_words
from .patterns import trie_pattern

__all__ = ["placed_people"]

_NAME = r"[A-Z][\w’'-]*[a-z](?:[ \t]+(?:de|del|la|van|von)?[ \t]*[A-Z][\w’'-]*[a-z]){0,3}"
#: How far before a mention its clue is read.
_REACH = 120


@dataclass(frozen=True)
class _Patterns:
    of_list: re.Pattern[str]  # "of A, B and " up to a mention (matched from the "of")
    facility: re.Pattern[str]  # " airport" right after the name
    comma_tail: re.Pattern[str]  # ", 200 km ...", ", a small village" right after the name
    preposition: re.Pattern[str]  # "in ", "in Prince " ending where the window ends
    comma_place: re.Pattern[str]  # ", British Columbia" right after the name
    between: re.Pattern[str]  # "between Norhaven and " ending where the window ends
    animal_before: re.Pattern[str]  # "our dog ", "their dogs, Rex, Tiv and " ending where the window ends
    animal_after: re.Pattern[str]  # ", our old spaniel" right after the name


@functools.cache
def _patterns() -> _Patterns:
    w = entity_words()
    nouns = trie_pattern(w.place_nouns)
    animals = trie_pattern(w.animal_nouns)
    return _Patterns(
        of_list=re.compile(rf"of[ \t]+{_NAME}(?:,[ \t]+{_NAME})*,?[ \t]+and[ \t]+"),
        facility=re.compile(rf"[ \t]+(?:{trie_pattern(w.facility_nouns)})(?![\w’'-])"),
        comma_tail=re.compile(
            rf",[ \t]+(?:(?:(?:some|about|around)[ \t]+)?\d+[ \t]*(?:km|kms|miles|kilometres|kilometers)\b"
            rf"|an?[ \t]+(?:[a-z-]+[ \t]+){{0,3}}?(?:{nouns})(?![\w’'-]))"
        ),
        preposition=re.compile(r"(?<![\w’'-])(?:in|at|from|near)[ \t]+(?:[A-Z][a-z]+\.?[ \t]+)?$"),
        comma_place=re.compile(rf",[ \t]+(?:{trie_pattern(sorted(w.places))})(?![\w’'-])"),
        between=re.compile(
            rf"(?<![\w’'-])(?:between[ \t]+(?:{trie_pattern(sorted(w.places))})[ \t]+and"
            rf"|from[ \t]+(?:{trie_pattern(sorted(w.places))})[ \t]+to)[ \t]+$"
        ),
        animal_before=re.compile(
            rf"(?<![\w’'-])(?:{animals}),?[ \t]+(?:{_NAME},[ \t]+){{0,6}}(?:{_NAME},?[ \t]+and[ \t]+)?$"
        ),
        animal_after=re.compile(
            rf",[ \t]+(?:our|my|his|her|their|your|the|a|an)[ \t]+(?:[\w-]+[ \t]+){{0,2}}?(?:{animals})(?![\w’'-])",
            re.IGNORECASE,
        ),
    )


def placed_people(text: str, mentions: Iterable[tuple[str, int, int]]) -> set[str]:
    """The ids of the people (``(id, start, end)`` per mention) that ``text`` places at one of their mentions."""
    p = _patterns()
    out: set[str] = set()
    seen: set[str] = set()
    for pid, start, end in mentions:
        if pid in out:
            continue
        first = pid not in seen
        seen.add(pid)
        window = max(0, start - _REACH)
        if (
            (first and _first_mention_places(text, window, start, end, p))
            or p.facility.match(text, end)
            or p.comma_tail.match(text, end)
            or _after_place_word(text, window, start, p.of_list)
            or _after_work_noun(text, window, start)
            or _between_places(text, window, start, p.between)
            or (p.comma_place.match(text, end) and p.preposition.search(text, window, start))
        ):
            out.add(pid)
    return out


def _after_work_noun(text: str, window: int, start: int) -> bool:
    """Does a word for a work come right before the name ("the horror film Grey Tarsk", "the series Ada Moss")?
    Then the name is the work's title, not a person."""
    if start < 2 or text[start - 1] not in " \t" or not text[start - 2].islower():
        return False  # the usual case: no lower-case word right before the name
    blank = max(text.rfind(" ", window, start - 1), text.rfind("\t", window, start - 1))
    return text[blank + 1 : start - 1] in entity_words().work_nouns


_LINE_END = re.compile(r"\.?[ \t]*(?:\n|$)")


def _first_mention_places(text: str, window: int, start: int, end: int, p: _Patterns) -> bool:
    """Does the first mention of a name place it, or make it an animal's or a thing's: right after "via"
    ("flights via Karo Tarn"), at a paragraph's start before a comma and a known place ("Vella, Ohio" atop a
    letter), beside a word for an animal ("our dog Rex", "Tiv, our old spaniel,"), or after a word for
    a thing and "called" ("a band called Vell Dorna")?"""
    if text.endswith(("via ", "via\t"), window, start) and (start < 5 or not text[start - 5].isalnum()):
        return True
    if (start == 0 or text[start - 1] == "\n") and (place := p.comma_place.match(text, end)):
        return _LINE_END.match(text, place.end()) is not None  # "Vella, Ohio" alone: not "Ivo Marsk, Oslo spokesman"
    if p.animal_after.match(text, end) or p.animal_before.search(text, max(window, start - 80), start):
        return True
    return (
        text.endswith(_CALLED, window, start)
        and not text.startswith(("’s", "'s", " ’s", " 's"), end)  # "a story called Tiv's Day": Tiv's, a person's
        and _a_thing_called(text[max(window, start - 60) : start].split())
    )


# not "named": "the company named Ivo Marsk as its chief" names a person
_CALLED = ("called ", "dubbed ", "known as ")


def _a_thing_called(words: list[str]) -> bool:
    """Do ``words`` end with a word for a thing and "called", "dubbed" or "known as" ("a band called",
    "the river known as"), not a word for a person, a pronoun or a verb ("a man called", "she was called")?"""
    if words[-2:] == ["known", "as"]:
        words = words[:-1]
    if len(words) < 2:
        return False
    noun = words[-2]
    w = entity_words()
    return (
        noun.isalpha()
        and noun.islower()
        and noun not in w.not_before_called
        and noun not in w.kin_nouns
        and noun not in w.role_words
        and noun not in w.people_nouns
        and not noun.endswith(w.person_endings)
    )


def _between_places(text: str, window: int, start: int, between: re.Pattern[str]) -> bool:
    """Does "between <a known place> and " or "from <a known place> to " come right before the name
    ("between Norhaven and Karo Tarn")? Then the name is a place too. A string test first: most mentions
    follow neither "and" nor "to"."""
    if not text.endswith(("and ", "to "), window, start):
        return False
    return between.search(text, max(window, start - 60), start) is not None


def _after_place_word(text: str, window: int, start: int, of_list: re.Pattern[str]) -> bool:
    """Does ``text[window:start]`` end with "near ", "<place noun> of " or "<place noun> of A, B and "?
    String tests first: most mentions follow none of them."""
    if text.endswith(("near ", "near\t"), window, start):
        return True
    if text.endswith(("of ", "of\t"), window, start):
        of = start - 3
    elif text.endswith(("and ", "and\t"), window, start):
        of = text.rfind("of", window, start)  # "the towns of Vell and ": the list must run from "of" to here
        m = of_list.match(text, of, start) if of >= 0 else None
        if m is None or m.end() != start:
            return False
    else:
        return False
    words = text[max(window, of - 30) : of].split()
    return bool(words) and words[-1] in entity_words().place_nouns
