"""Organisations whose name holds a country: "Radio Norland", "Statistics Norland", "Norland Daily".

A capitalised word or two written right before or after a state's own name (not its demonym or
metonym) make one name with it, and that name is an organisation's, not the state's: "Radio Norland said", "the
Norland Daily reported", "Kestrel Norland, the carmaker's unit". Not when the words are a title
("Norland Prime Minister"), a person's ("Ivo Norland"), a place or an event ("Norland Sea",
"Norland Open"), another state or people, a compass or time word ("Northern Norland", "Norland
Day": ``country_name_not_words``), or a word that opens no organisation's name. A state the
gazetteer names with a word of its own ("Palestinian Authority", "State Department") stays the
state: the longer gazetteer form is matched first.

>>> import kit
>>> art = kit.parse("Growth slowed, Statistics Canada said. Prime Minister Jean Chretien said Canada grew.")
>>> [(a.name, a.kind) for a in art.actors]
[('Statistics Canada', 'organization'), ('Jean Chretien', 'person'), ('Canada', 'state')]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from .entity_words import entity_words
from .gazetteer import Gazetteer, GazetteerMatch
from .org_clues import in_capitals

__all__ = ["find_country_names"]

_BEFORE = re.compile(r"(?:[A-Z][\w&’'-]*[ \t]+){1,2}$")  # read back from the state's name
_AFTER = re.compile(r"(?:[ \t]+[A-Z][\w&’'-]*){1,2}(?![\w’'-])")
_HELD = re.compile(r"’s|'s|’(?![\w])|'(?![\w])")
_WORD = re.compile(r"[A-Z](?:[a-z][\w&]*[a-z]|[A-Z]{1,4})")  # "Radio", "Daily", an acronym "SVCD"
_CAPITAL_BEFORE = re.compile(r"(?P<w>[A-Z][\w&’'.-]*)[ \t]+$")
_CAPITAL_AFTER = re.compile(r"[ \t]+(?:of[ \t]+)?[A-Z]")


@functools.lru_cache(maxsize=4)
def _country_names(gaz: Gazetteer) -> frozenset[str]:
    """The states' own names ("Norland", "UK"), not their demonyms or metonyms ("Norlandic", "the capital")."""
    return frozenset(n for e in gaz.data.get("states", ()) for n in (e["name"], *e.get("names", ())))


@functools.cache
def _heads() -> frozenset[str]:
    """Words that head an organisation's name ("Bank", "Times", "Airlines"): built once, not per parse."""
    w = entity_words()
    return w.org_heads | {o.title() for o in w.outlet_words} | w.country_org_words


@functools.lru_cache(maxsize=4)
def _not_words(gaz: Gazetteer) -> frozenset[str]:
    w = entity_words()
    titles = gaz.data.get("titles", {})
    title_words = {t for full in titles.get("full", ()) for t in full.split()}
    title_words |= {t.title() for r in w.role_words for t in r.split()}
    return frozenset(
        title_words
        | w.country_name_not_words
        | w.not_org_first
        | w.place_heads
        | w.places
        | w.given_names
        | w.name_suffixes
        | w.not_acronyms
    )


def find_country_names(
    text: str, matches: Iterable[GazetteerMatch], gaz: Gazetteer, *, not_words: frozenset[str] = frozenset()
) -> list[tuple[str, int]]:
    """``(name, start)`` of each organisation named with a state in it, in text order.

    ``matches``: the gazetteer's matches in the text; ``not_words``: words that are never part of such a
    name (the people's names found, stop words).
    """
    never = _Never(_not_words(gaz), not_words)  # (two sets read together: no union of the big one per parse)
    heads = _heads()
    countries = _country_names(gaz)
    out: list[tuple[str, int]] = []
    for m in matches:
        start, end = m[1], m[2]
        # the usual case, cheaply: no capitalised word right before or after the state's name
        capital_after = text[end + 1 : end + 2].isupper() and text[end] in " \t"
        capital_before = text[start - 1 : start] in (" ", "\t") and text[start - 2 : start - 1].isalpha()
        if capital_before:  # the word before is capitalised ("Radio Norland")
            # (the word may open its line: "Radio Norland said" after a paragraph break)
            blank = max(text.rfind(" ", max(0, start - 40), start - 1), text.rfind("\n", max(0, start - 40), start - 1))
            capital_before = text[blank + 1].isupper() and "\t" not in text[blank + 1 : start - 1]
        if not (capital_before or capital_after):
            continue
        if m.entity.kind != "state" or text[start:end] not in countries or _HELD.match(text, end):
            continue  # "Norlandic", "the capital", "Norland's": a people, a metonym, a possessive
        before = _BEFORE.search(text, max(0, start - 40), start) if capital_before else None
        after = _AFTER.match(text, end, end + 40) if capital_after else None
        words_before = _fitting(before.group().split()[::-1], never, gaz, heads)[::-1] if before else []
        words_after = _fitting(after.group().split(), never, gaz, heads) if after else []
        if bool(words_before) == bool(words_after):
            continue  # neither, or a state between two names ("Radio Norland Sport")
        if words_before and not _named_first(text, words_before[0], m.start, heads):
            continue  # "Fertile Norland", "Defiant Norland": an adjective, not an organisation's first word
        if words_before:
            start = text.rindex(words_before[0], 0, m.start)
            if _goes_on_before(text, start, never) or _CAPITAL_AFTER.match(text, m.end):
                continue  # the name goes on ("Ivo Radio Norland"): another kind of name
            name = " ".join([*words_before, text[m.start : m.end]])
        else:
            start = m.start
            name = " ".join([text[m.start : m.end], *words_after])
            if _CAPITAL_AFTER.match(text, m.start + len(name)) or _goes_on_before(text, start, never):
                continue  # "Norland Civil War", "Norland Assistant Secretary": the name goes on
        if not in_capitals(text, start, start + len(name)) and not _title_case_line(text, start):
            out.append((name, start))
    return out


_LOWER_WORDS = re.compile(r"(?<![\w’'-])[a-z]{4,}")


def _title_case_line(text: str, at: int) -> bool:
    """Is the line around ``at`` a headline in title case ("Norland Flexes Muscles In Talks"): no word of
    four letters or more in lower case?"""
    lo = max(text.rfind("\n", max(0, at - 200), at) + 1, at - 200)
    hi = text.find("\n", at, at + 200)
    hi = at + 200 if hi < 0 else hi
    return _LOWER_WORDS.search(text, lo, hi) is None


class _Never:
    """Membership in either of two sets, without building their union."""

    __slots__ = ("a", "b")

    def __init__(self, a: frozenset[str], b: frozenset[str]) -> None:
        self.a, self.b = a, b

    def __contains__(self, word: object) -> bool:
        return word in self.a or word in self.b


def _goes_on_before(text: str, start: int, never: _Never) -> bool:
    """Does a capitalised word that could be part of a name come right before ``start`` ("Ivo Radio Norland";
    not "The Norland Daily")?"""
    b = _CAPITAL_BEFORE.search(text, max(0, start - 30), start)
    return b is not None and b.group("w") not in never


def _named_first(text: str, word: str, at: int, heads: frozenset[str]) -> bool:
    """Can ``word`` open an organisation's name before a state's name at ``at``? An acronym, an organisation
    or outlet word ("Radio", ``country_org_words``: "Statistics"), or a word the text also writes with a
    capital elsewhere inside a sentence ("Zentrix" in "... said Zentrix Norland"), not an adjective
    ("Fertile Norland")."""
    if word.isupper() or word in heads:
        return True
    lo, hi = max(0, at - _NEAR), min(len(text), at + _NEAR)
    needle = " " + word
    i = text.find(needle, lo + 1, hi)
    while i >= 0:
        j = i + len(needle)
        if (
            (text[i - 1] in ",;" or text[i - 1].islower())
            and (j >= hi or not text[j].isalnum())
            and i + 1 != at - len(word) - 1
        ):
            if not text.startswith(" ", j) or not text[j + 1 : j + 2].isupper():
                return True  # not right before a capitalised word (the state's name, or another name)
        i = text.find(needle, i + 1, hi)
    return False


_NEAR = 3000


def _fitting(words: list[str], never: _Never, gaz: Gazetteer, heads: frozenset[str]) -> list[str]:
    """The words nearest the state's name (first in ``words``) that can be part of an organisation's name."""
    kept: list[str] = []
    shapes = entity_words().adjective_endings + ("ly", "ing")
    for word in words:
        if (
            not _WORD.fullmatch(word)
            or word in never
            or (word.endswith(shapes) and word not in heads)  # ("Daily" is an outlet's word)
            or gaz.entity_of(word) is not None
        ):
            break  # "Norland Presidential", "Perhaps Norland", "Norland Hacking": no organisation's words
        kept.append(word)
    return kept
