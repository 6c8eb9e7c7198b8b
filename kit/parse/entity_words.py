"""Word lists that tell people, organisations and places apart: data, read once.

Data files in ``kit/data/``: ``given_names.txt`` (one given name a line,
from the public-domain 1990 US Census lists), ``family_names.txt`` (the census's frequent surnames,
read by :func:`family_names` only when a name needs it) and ``entities.json`` (places,
last words of place and event names, first words that never open a person's
name, news agencies and outlets, organisation head words, abbreviations that
are not organisations). :func:`entity_words` loads them on first use (never at
import) and keeps them.

>>> w = entity_words()
>>> "Maria" in w.given_names, "Street" in w.place_or_surname_heads, "Reuters" in w.agencies
(True, True, True)
>>> w.looks_like_place(["Wall", "Street"]), w.looks_like_place(["Ray", "Hill"])
(True, False)
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass

from ..data import data_text

__all__ = ["EntityWords", "GivenNames", "entity_words", "family_names", "name_genders"]


class GivenNames(frozenset[str]):
    """The given names; two of them joined by a hyphen make one too ("Jean-Marc", "Anne-Marie").

    >>> "Ann-Tom" in GivenNames({"Ann", "Tom"}), "Ann-Vesko" in GivenNames({"Ann", "Tom"})
    (True, False)
    """

    def __contains__(self, name: object) -> bool:
        # (tens of thousands of calls a parse: the set's own test is bound once, at module level)
        if _set_has(self, name):
            return True
        if isinstance(name, str) and "-" in name:
            first, _, second = name.partition("-")
            return _set_has(self, first) and _set_has(self, second)
        return False


_set_has = frozenset.__contains__


@dataclass(frozen=True)
class EntityWords:
    """The lists of ``entities.json`` and ``given_names.txt`` as frozensets."""

    given_names: frozenset[str]
    places: frozenset[str]
    countries: frozenset[str]
    place_heads: frozenset[str]
    place_or_surname_heads: frozenset[str]
    not_person_first: frozenset[str]
    agencies: tuple[str, ...]
    org_heads: frozenset[str]
    not_acronyms: frozenset[str]
    role_words: tuple[str, ...]
    org_verbs: tuple[str, ...]
    acronym_verbs: tuple[str, ...]
    outlet_words: tuple[str, ...]
    match_verbs: tuple[str, ...]
    company_suffixes: frozenset[str]
    people_nouns: frozenset[str] = frozenset()
    people_plural_endings: tuple[str, ...] = ()
    not_speaker_nouns: frozenset[str] = frozenset()
    org_nouns: frozenset[str] = frozenset()
    org_list_nouns: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    speaker_endings: tuple[str, ...] = ()
    not_speaker_names: frozenset[str] = frozenset()
    name_suffixes: frozenset[str] = frozenset()
    not_team_words: frozenset[str] = frozenset()
    not_org_first: frozenset[str] = frozenset()
    honorifics: tuple[tuple[str, str], ...] = ()  # ("Mr", "m"), ("Dr", ""): the gender each shows
    gendered_titles: tuple[tuple[str, str], ...] = ()
    org_descriptors: tuple[str, ...] = ()
    descriptors_opening: tuple[str, ...] = ()
    team_words_in_results: tuple[str, ...] = ()
    team_words_opening: tuple[str, ...] = ()
    org_followers: tuple[str, ...] = ()
    team_heads: frozenset[str] = frozenset()
    team_descriptors: frozenset[str] = frozenset()
    team_followers: tuple[str, ...] = ()
    team_possessions: tuple[str, ...] = ()
    team_verbs_in_results: tuple[str, ...] = ()
    place_nouns: tuple[str, ...] = ()
    event_nouns: frozenset[str] = frozenset()
    facility_nouns: tuple[str, ...] = ()
    product_nouns: tuple[str, ...] = ()
    demonym_nouns: frozenset[str] = frozenset()
    org_possessions: tuple[str, ...] = ()
    acronym_possessions: tuple[str, ...] = ()
    sentence_openers: frozenset[str] = frozenset()
    pastimes_played: frozenset[str] = frozenset()
    employer_roles: tuple[str, ...] = ()
    org_holding_words: tuple[str, ...] = ()
    roles_not_before_name: frozenset[str] = frozenset()
    institution_words: frozenset[str] = frozenset()
    institutions_alone: tuple[str, ...] = ()
    modifier_endings: tuple[str, ...] = ()
    sport_words: tuple[str, ...] = ()
    sport_names: frozenset[str] = frozenset()
    org_name_tails: frozenset[str] = frozenset()
    adjective_endings: tuple[str, ...] = ()
    abstract_noun_endings: tuple[str, ...] = ()
    work_nouns: frozenset[str] = frozenset()
    country_name_not_words: frozenset[str] = frozenset()
    country_org_words: frozenset[str] = frozenset()
    kin_nouns: frozenset[str] = frozenset()
    kin_modified_nouns: frozenset[str] = frozenset()
    person_modified_nouns: frozenset[str] = frozenset()
    outlet_openers: tuple[str, ...] = ()
    outlet_heads: frozenset[str] = frozenset()
    outlets_after_the: frozenset[str] = frozenset()
    outlet_acting_before: tuple[str, ...] = ()
    speaking_bodies: frozenset[str] = frozenset()
    bodies_named_after_people: frozenset[str] = frozenset()
    creator_words: frozenset[str] = frozenset()
    life_verbs: tuple[str, ...] = ()
    greetings: tuple[str, ...] = ()
    greeting_not_names: frozenset[str] = frozenset()
    not_names_alone: frozenset[str] = frozenset()
    verb_objects: tuple[str, ...] = ()
    person_possessions: frozenset[str] = frozenset()
    storm_words: tuple[str, ...] = ()
    animal_nouns: tuple[str, ...] = ()
    not_before_called: frozenset[str] = frozenset()
    person_endings: tuple[str, ...] = ()
    place_first_words: frozenset[str] = frozenset()
    roles_of_bodies_too: frozenset[str] = frozenset()
    not_in_person_names: frozenset[str] = frozenset()
    given_names_also_words: frozenset[str] = frozenset()

    def looks_like_place(self, tokens: Sequence[str]) -> bool:
        """Does a capitalised name read as a place, event or title rather than a person?

        A name that starts with a given name keeps a last word that is also a surname
        ("Ray Hill", "Anna Berlin"); "Wall Street", "Sri Lanka", "World Cup" are places.
        """
        if not tokens:
            return False
        first, last = tokens[0], tokens[-1]
        if last in self.place_heads or first in self.not_person_first or " ".join(tokens) in self.places:
            return True
        if first in self.given_names:
            return False
        return last in self.place_or_surname_heads or any(t in self.places for t in tokens)


@functools.cache
def name_genders() -> dict[str, str]:
    """``{given name: "m" | "f"}`` for the given names that show a gender clearly
    (``kit/data/given_name_genders.txt``; shared names such as "Jordan" are not in it). Loaded once.

    >>> name_genders().get("Maria"), name_genders().get("Tom"), name_genders().get("Jordan")
    ('f', 'm', None)
    """
    out: dict[str, str] = {}
    for line in data_text("given_name_genders.txt").splitlines():
        if line and not line.startswith("#"):
            name, _, gender = line.rpartition(" ")
            out[name] = gender
    return out


@functools.cache
def family_names() -> frozenset[str]:
    """The frequent family names of ``kit/data/family_names.txt`` ("Garcia", "McDonald"), loaded once, on
    first use: evidence that a capitalised name whose first word is no listed given name is a person's.

    >>> "Garcia" in family_names(), "Brown" in family_names()  # "brown": a common word, left out
    (True, False)
    """
    return frozenset(
        line.strip() for line in data_text("family_names.txt").splitlines() if line.strip() and not line.startswith("#")
    )


@functools.cache
def entity_words() -> EntityWords:
    """The word lists, loaded once."""
    data = json.loads(data_text("entities.json"))
    names = GivenNames(
        line.strip() for line in data_text("given_names.txt").splitlines() if line.strip() and not line.startswith("#")
    )
    return EntityWords(
        given_names=names,
        places=frozenset(data["places"]) | frozenset(data["countries"]),
        countries=frozenset(data["countries"]),
        place_heads=frozenset(data["place_heads"]),
        place_or_surname_heads=frozenset(data["place_heads_or_surnames"]),
        # a company's kind ("Insurer Zentrix said") never opens a person's name either
        not_person_first=frozenset(data["not_person_first"]) | frozenset(data["descriptors_opening"]),
        sentence_openers=frozenset(data["sentence_openers"]),
        agencies=tuple(data["news_agencies"]),
        org_heads=frozenset(data["org_heads"]),
        not_acronyms=frozenset(data["not_acronyms"]),
        role_words=tuple(data["role_words"]),
        org_verbs=tuple(data["org_verbs"]),
        acronym_verbs=tuple(data["acronym_verbs"]),
        outlet_words=tuple(data["outlet_words"]),
        outlet_openers=tuple(data["outlet_openers"]),
        outlet_heads=frozenset(data["outlet_heads"]),
        outlets_after_the=frozenset(data["outlets_after_the"]),
        outlet_acting_before=tuple(data["outlet_acting_before"]),
        speaking_bodies=frozenset(data["speaking_bodies"]),
        bodies_named_after_people=frozenset(data["bodies_named_after_people"]),
        match_verbs=tuple(data["match_verbs"]),
        company_suffixes=frozenset(data["company_suffixes"]),
        people_nouns=frozenset(data["people_nouns"]),
        people_plural_endings=tuple(data["people_plural_endings"]),
        not_speaker_nouns=frozenset(data["not_speaker_nouns"]),
        org_nouns=frozenset(data["org_nouns"]),
        org_list_nouns=frozenset(data["org_list_nouns"]),
        document_nouns=frozenset(data["document_nouns"]),
        speaker_endings=tuple(data["speaker_endings"]),
        not_speaker_names=frozenset(data["not_speaker_names"]),
        name_suffixes=frozenset(data["name_suffixes"]),
        not_team_words=frozenset(data["not_team_words"]),
        not_org_first=frozenset(data["not_org_first"]),
        honorifics=tuple(data["honorifics"].items()),
        gendered_titles=tuple(data["gendered_titles"].items()),
        org_descriptors=tuple(data["org_descriptors"]),
        descriptors_opening=tuple(data["descriptors_opening"]),
        team_words_in_results=tuple(data["team_words_in_results"]),
        team_words_opening=tuple(data["team_words_opening"]),
        org_followers=tuple(data["org_followers"]),
        team_heads=frozenset(data["team_heads"]),
        team_descriptors=frozenset(data["team_descriptors"]),
        team_followers=tuple(data["team_followers"]),
        team_possessions=tuple(data["team_possessions"]),
        team_verbs_in_results=tuple(data["team_verbs_in_results"]),
        place_nouns=tuple(data["place_nouns"]),
        event_nouns=frozenset(data["event_nouns"]),
        facility_nouns=tuple(data["facility_nouns"]),
        product_nouns=tuple(data["product_nouns"]),
        demonym_nouns=frozenset(data["demonym_nouns"]),
        org_possessions=tuple(data["org_possessions"]),
        acronym_possessions=tuple(data["acronym_possessions"]),
        pastimes_played=frozenset(data["pastimes_played"]),
        employer_roles=tuple(data["employer_roles"]),
        org_holding_words=tuple(data["org_holding_words"]),
        roles_not_before_name=frozenset(data["roles_not_before_name"]),
        institution_words=frozenset(data["institution_words"]),
        institutions_alone=tuple(data["institutions_alone"]),
        modifier_endings=tuple(data["modifier_endings"]),
        sport_words=tuple(data["sport_words"]),
        sport_names=frozenset(data["sport_names"]),
        org_name_tails=frozenset(data["org_name_tails"]),
        adjective_endings=tuple(data["adjective_endings"]),
        abstract_noun_endings=tuple(data["abstract_noun_endings"]),
        work_nouns=frozenset(data["work_nouns"]),
        country_name_not_words=frozenset(data["country_name_not_words"]),
        country_org_words=frozenset(data["country_org_words"]),
        kin_nouns=frozenset(data["kin_nouns"]),
        kin_modified_nouns=frozenset(data["kin_modified_nouns"]),
        person_modified_nouns=frozenset(data["person_modified_nouns"]),
        creator_words=frozenset(data["creator_words"]),
        life_verbs=tuple(data["life_verbs"]),
        greetings=tuple(data["greetings"]),
        greeting_not_names=frozenset(data["greeting_not_names"]),
        not_names_alone=frozenset(data["not_names_alone"]),
        verb_objects=tuple(data["verb_objects"]),
        person_possessions=frozenset(data["person_possessions"]),
        storm_words=tuple(data["storm_words"]),
        animal_nouns=tuple(data["animal_nouns"]),
        not_before_called=frozenset(data["not_before_called"]),
        person_endings=tuple(data["person_endings"]),
        place_first_words=frozenset(data["place_first_words"]),
        roles_of_bodies_too=frozenset(data["roles_of_bodies_too"]),
        not_in_person_names=frozenset(data["not_in_person_names"]),
        given_names_also_words=frozenset(data["given_names_also_words"]),
    )
