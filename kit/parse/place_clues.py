"""Names the text uses as places, so never as people: "the village of Karo Tarn", "Ben Arvo airport".

A capitalised name that reads like a person's ("Karo Tarn", "Ben Arvo") is a place
when the text places it where it names it, from data in ``kit/data/entities.json``:

* after a word for a settlement and "of" (``place_nouns``: "the town of Karo Tarn",
  "the towns of Vell and Karo Tarn"), or for an event that happens at a place (``event_nouns``: "the Siege
  of Norvo"), or after "near";
* right before a word for a facility, a settlement or a street named after it (``facility_nouns``: "Ben Arvo
  airport", "the Omari mosque", "Norhaven's Vico Tarn hospital", "an old Nadia city"), or, at every mention, before a word for a
  product, a craft, a drink or a flag (``product_nouns``: "the Norvo spacecraft", "a Tarvo mascara", "Vesko
  Dorn tea"; a person the text also names otherwise is one: "Tom Moss ... a Tom Moss lipstick");
* before a comma and a distance ("Stenvald, 200 km south of ...") or a comma and a
  description of a settlement ("Karo Tarn, a small village"; "Vella Tarn: the oldest town" after a colon);
* after "in", "at", "from", "out of" or "near" (and perhaps a title: "in Prince Arvel") and before
  a comma and a known place ("in Prince Arvel, British Columbia", "drove out of Lina Park, Ohio");
* after "between" and a known place and "and" ("flights between Norhaven and Karo Tarn"), or after
  "from" and a known place and "to"; where the text first names it, closing a list of names one of which is
  a place ("Vell Cliffs, Tarn Heights and Nadia");
* where the text first names it: after "via" ("flights via Karo Tarn"), or opening a paragraph
  before a comma and a known place ("Vella, Ohio" atop a letter).

A name the text first gives beside a word for an animal (``animal_nouns``: "our dog Rex",
"their dogs, Rex and Tiv", "Tiv, our old spaniel,") is an animal's, not a person's; one it first
gives after a word for a thing and "called", "dubbed" or "known as" ("a band called Vell
Dorna", "the river known as Karo Tarn"; not "a man called Ivo Marsk") is a thing's.

A name right after a word for a work (``work_nouns``: "the horror film Grey Tarsk", "the
series Ada Moss") or after "author of" ("the author of Nadia in Norland") is the work's title, not a
person, likewise; so is a name with a year in brackets near a title opened by an article with its year
("The Long Tarn (2010), Nadia (2013)": a list of works).

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
    product: re.Pattern[str]  # " spacecraft" right after the name
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
        product=re.compile(rf"[ \t]+(?:{trie_pattern(w.product_nouns)})(?![\w’'-])"),
        comma_tail=re.compile(
            rf",[ \t]+(?:(?:(?:some|about|around)[ \t]+)?\d+[ \t]*(?:km|kms|miles|kilometres|kilometers)\b"
            rf"|an?[ \t]+(?:[a-z-]+[ \t]+){{0,3}}?(?:{nouns})(?![\w’'-]))"
            # a heading's name, then what it is: "Vella Tarn: the oldest town of ..."
            rf"|:[ \t]+(?:an?|the)[ \t]+(?:[a-z-]+[ \t]+){{0,3}}?(?:{nouns})(?![\w’'-])"
        ),
        preposition=re.compile(r"(?<![\w’'-])(?:in|at|from|near|out[ \t]+of)[ \t]+(?:[A-Z][a-z]+\.?[ \t]+)?$"),
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
    named: dict[str, bool] = {}  # person -> is every mention so far before a word for a product?
    for pid, start, end in mentions:
        if pid in out:
            continue
        first = pid not in seen
        seen.add(pid)
        named[pid] = named.get(pid, True) and p.product.match(text, end) is not None
        window = max(0, start - _REACH)
        if (
            (first and _first_mention_places(text, window, start, end, p, "_" not in pid))
            or p.facility.match(text, end)
            or p.comma_tail.match(text, end)
            or _after_place_word(text, window, start, p.of_list)
            or _after_work_noun(text, window, start)
            or _between_places(text, window, start, p.between)
            or (first and _last_of_places(text, window, start))
            or (_YEAR_AFTER.match(text, end) is not None and _among_titled_works(text, window, start, end))
            or (p.comma_place.match(text, end) and p.preposition.search(text, window, start))
        ):
            out.add(pid)
    return out | {pid for pid, product in named.items() if product}


def _after_work_noun(text: str, window: int, start: int) -> bool:
    """Does a word for a work come right before the name ("the horror film Grey Tarsk", "the series Ada Moss"),
    or "author of" ("the author of Nadia Lost")? Then the name is the work's title, not a person."""
    if start < 2 or text[start - 1] not in " \t" or not text[start - 2].islower():
        return False  # the usual case: no lower-case word right before the name
    blank = max(text.rfind(" ", window, start - 1), text.rfind("\t", window, start - 1))
    if text[blank + 1 : start - 1] in entity_words().work_nouns:
        return True
    # "the author of Tarvo in Norland": what an author is the author of is a work (not "of Ada Vell's life")
    return text.endswith(("author of ", "authors of "), window, start) and not _POSSESSIVE_AFTER.match(text, start)


_POSSESSIVE_AFTER = re.compile(r"[\w-]+(?:[ \t]+[A-Z][\w-]*){0,3}[’']s\b")


# a year in brackets right after a name: "Tarvo (2013)"
_YEAR_AFTER = re.compile(r"[ \t]*\((?:1[89]|20)\d\d\)")
# a work's title opened by an article, with its year in brackets: "The Long Tarn (2010)"
_TITLED_WORK = re.compile(r"(?<![\w’'-])(?:The|A|An)[ \t]+[A-Z][^()\n.;]{0,60}?[ \t]\((?:1[89]|20)\d\d\)")


def _among_titled_works(text: str, window: int, start: int, end: int) -> bool:
    """Does a work's title opened by an article, with its year in brackets, stand near a name with its year in
    brackets ("The Long Tarn (2010), Nadia (2013) and ...": a filmography, so the name is a work's title too;
    an author cited, "Vance (1989)", has no such neighbour)?"""
    return _TITLED_WORK.search(text, window, min(len(text), end + _REACH)) is not None


_LINE_END = re.compile(r"\.?[ \t]*(?:\n|$)")


def _first_mention_places(text: str, window: int, start: int, end: int, p: _Patterns, one_word: bool) -> bool:
    """Does the first mention of a name place it, or make it an animal's or a thing's: right after "via"
    ("flights via Karo Tarn"), at a paragraph's start before a comma and a known place ("Vella, Ohio" atop a
    letter), beside a word for an animal ("our dog Rex", "Tiv, our old spaniel,"), or after a word for
    a thing and "called" ("a band called Vell Dorna")?"""
    if text.endswith(("via ", "via\t"), window, start) and (start < 5 or not text[start - 5].isalnum()):
        return True
    if (
        text.endswith(("in ", "in\t"), window, start)
        and (start < 4 or not text[start - 4].isalnum())
        and one_word
        and not text.startswith(("’s", "'s", " v.", " v "), end)  # "in Nadia's", "in Vell v. Norvo": a case
    ):
        return True  # "a fair held in Nadia": one word first named after "in" is where something is
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


_LIST_ITEM = re.compile(_NAME)


def _last_of_places(text: str, window: int, start: int) -> bool:
    """Does the name close a list of names after "and" whose other names hold a place ("Vell Cliffs, Tarn Heights
    and Nadia": a place's last word, a known place)? Then the name is a place too. A string test first: most
    mentions follow no "and"."""
    if not text.endswith(("and ", "and\t"), window, start):
        return False
    items = text[window : start - 4].rstrip(" \t,").split(",")
    names: list[str] = []
    for item in reversed(items):  # the list's names, read back from "and" while each is a whole name
        item = item.strip()
        if not _LIST_ITEM.fullmatch(item):
            break
        names.append(item)
    w = entity_words()
    return any(n in w.places or n.rsplit(None, 1)[-1] in w.place_heads for n in names)


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
    w = entity_words()
    return bool(words) and (words[-1] in w.place_nouns or words[-1] in w.event_nouns)
