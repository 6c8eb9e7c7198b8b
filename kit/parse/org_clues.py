"""Organisations known by what surrounds them, not by a head word ("Association", "Corp").

:mod:`kit.parse.organizations` finds names that end with an organisation word.
These rules find the rest, each from data in ``kit/data/entities.json``:

* **news agencies and outlets** by name (``news_agencies``: "Reuters", "Xinhua"),
  or named beside an outlet word (``outlet_words``: "the daily Le Soir", "the
  Ledger newspaper"; a title in quotation marks beside one: 'the popular "Kestrel" newspaper'), or
  opened by one (``outlet_openers``: "Radio Kestrel", "the Daily Ledger"; not inside a longer name
  nor a programme's, "the Daily Show"), or ending with one of ``outlet_heads`` after one of
  ``outlet_acting_before`` and "the" ("told the Kestrel Ledger", "according to the Herald") or after a capital
  "The" inside a sentence ("described by The Ledger as"), and
  opening a sentence before a verb of saying without its "The" ("The Ledger reported"); never an agency
  in a dateline's brackets ("NORVO (Reuters) - ...": the story's credit);
* **a word that says what kind of organisation a name is**, right before it
  (``org_descriptors``: "the piston maker Zentrix", "the separatist group Kestrel
  Front"; ``descriptors_opening``, capitalised, opening a sentence or a starred line:
  "Insurer Zentrix said", "* Conglomerate Vesko lost 2 percent"), before "called" and
  the name ("a new company called Vesko"), heading an apposition after it ("Zentrix, a
  subsidiary of", "Kestrel, the club he led"; not after a place noun and "of":
  "the city of Turnvo, a group of scouts") or right after it (``org_followers``:
  "Zentrix shares", "a Brannock spokeswoman"; not a possessive, "Marsk's spokesman"; after "a" or a
  number, as strong as a descriptor: "a Zentrix Dorvak statement", "2,400 Zentrix Dorvak shares");
* **teams in a result**: both sides of a match verb (``match_verbs``: "Hartfield
  drew with Rovers"), when neither is a person the kit knows; in a sports report
  (a score or three sport words, :func:`sports_report`) either side alone, a name
  after ``team_words_in_results`` ("against Norhaven", "champions Kestrel", "beat
  the Twins"; those of ``team_words_opening`` capitalised, opening a sentence: "Holders
  Kestrel"), a score and "home/away to", ``team_verbs_in_results`` and "for/with/
  to" ("played seven seasons with Norvo"), before "of" and a country ("Tarvokos of
  Greece"), a club named with its city last ("Dinvo Munich"), a team's possessive
  before a score or role ("Norvo's 3-0 defeat"), a name that opens a sentence and acts
  as a team (a plural verb, "Kestrel are", or a verb and "their", "Kestrel rekindled
  their hopes": a place, or a name also written inside a sentence; "has won" or "won
  its" only after a place: "Winnipeg has won six of its last ten"), and a city named as a team by any
  rule here ("Boston won", "San Jose" too, though "Jose" is a given name; "Dinvo Ottawa",
  though "Ottawa" alone names its state), and the names joined to a team by "and" or a
  comma ("hopefuls Kestrel and Norvo"), but never a country (``countries``: a national side is
  its country, a place); a team outweighs a name read without a title or given name;
  in a results report too, a name before ``team_followers`` ("the Kestrel pair of",
  "his Kestrel debut", "Norwegian Kestrel rider Ivo Marsk": a state's demonym before it is
  left out), a place and a capitalised plural even when read as a person's name, "the"
  and a plural before "their", "to" or a verb ("gave the Comets their first win"), a name
  of any words after a plural team word ("leaders Tarvo Zentrix": a team, never one player),
  a name that opens a sentence before 's and a given name ("Kestrel's Ann Lee") or a
  player the text names ("Kestrel's Marsk was ..."), the one-word name a driver or rider is
  "in" ("finished third in his Kestrel", "rolled her Kestrel into a ditch"), and the name
  given a win, a lead or a score ("gave Kestrel a 2-1 win", "lifted Kestrel into a 1-1 tie");
  a team's name may hold a city that alone names its state ("Ottawa St Kestrel"), and a given name after its
  first word ("Vesko St Ivo"; a given name that opens it says a player); a name of two words that
  no given name opens after one score, a word for the result and a team word ("a 1-0 win over Tarvo Dornik";
  not "won 6-2 6-3 over Yone Tarvo", a player);
  a name before 's and one of ``team_possessions`` ("Kestrel's lead", "Kestrel's seven-year
  reign"; not a player the text names: "Marsk's sixth victory"); a name of two words or more
  that opens a sentence before a plural verb or "their" ("Tarvo Zentrix completed their ...");
* **a results line**: a paragraph that is only two names, each with a score ("Kestrel 2
  Norvo 1"), names two teams (not "Ann Lee 68 Bo Ray 70": people), and so does a headline in
  capitals over a results report ("BASKETBALL - KESTREL BEAT RED NORVO 71-57"; the names as the
  text writes them below, else in title case);
* **an employer or a club in brackets** after a person's name ("Ann Lee (Kestrel)",
  a line-up of them) and an employer after a role and "at"/"with" ("an analyst at
  Parivas"), after one of ``employer_roles`` and "of" ("the co-chairman of Zentrix"; not a name that
  qualifies a noun: "the chairman of Tarvo award"), or after a person named right after "said" and
  "at"/"from"/"of" ("said Ann Vell, at Zentrix in Norhaven"); in a results report, a one-word name before its country in brackets ("Kestrel
  (Norway), Norvo (Italy)": a player has a given name), and a one-word name opening a sentence
  before a role word and a given name ("Kestrel defender Ivo Marsk");
* **an organisation held or owning** after ``org_holding_words`` ("a stake in Zentrix", "shares of Norvo Bank",
  "a unit of Tarvo"; not a place, a person's name with a given name, nor a possessive: "shares in Ivo Marsk's firm");
* **what only an organisation has** after its name and 's (``org_possessions``:
  "Tarvo's increased stake"), and **an institution** named by its head word alone
  (``institution_words``: "the Senate", "the Commission");
* **an acronym inside a sentence** of three to six capitals ("traders on NYFEX"),
  unless it is a known name or in ``not_acronyms`` ("GMT", "CEO"); an acronym in brackets whose
  three to six letters open the last words of the name right before it names that organisation, and the
  acronym is its short form ("the Vorsk Tarnal Union (VTU)", "Norvo Dekla Vesk (NDV)"); one in brackets that
  spells the words in lower case right before it is a term's short form, never an organisation in that text ("the
  net stable rate (NSR)"), unless the last word is an organisation's kind ("the state fishing company (SFC)");
  one word in brackets after at most six words, one of them an organisation's kind in lower case, names that
  organisation ("the pilots' union (ZATKA)", "a union of Norvan harbour pilots (Zatka)");
* **a team named after its place**: a place and a capitalised plural ("Denver
  Comets"; the plural alone, "the Comets", is a short form);
* **a title that starts with an organisation**: a capitalised name, a role word
  (``role_words``) and a person's name ("Harbour Trust chair Maria Kent",
  "Glamorgan off-spinner Rob Croft"), or the name and 's before a given name
  ("Zentrix's Ava Long");
* **a press review's headings**: a short line in capitals over a bullet ("LE KESTREL" over
  "- Talks resume ...") names the newspaper summarised;
* **an acronym that opens a paragraph** before a word in lower case ("TVZ and Kinrosa rose")
  or a dash ("RTRS - ..."), unless the paragraph is a headline in capitals or a dateline;
* **one word or an acronym that acts**: an acronym that is not a known name before a
  verb of saying or acting (``acronym_verbs``, ``org_verbs``: "NYFEX said", "the ABU
  fell"), or a capitalised word (or two), named again nearby, that is not a person,
  place or known name, before a verb only organisations do (``org_verbs``: "Zentrix
  shares fell", "Zentrix acquired", or once with an amount after: "Tarvo fell 1.7
  percent"; a match verb too: "Tarvo Cables lost 22.7 to 597"). "Zed said" may be a person named by surname, but not one followed by "it" or "its" as
  what was said opens ("Zentrix said on Monday it would cut jobs"; not "it was", "it would be"), when
  the name is its clause's subject;
* **an outlet named after its outlet word** ("the Norland daily Vell Dorna": a clue as strong as a
  descriptor; the word before it is then a place), or in apposition after it ("a daily newspaper,
  Vell Dorna, which ...").
* **a name after "the" that says or reports** ("the Norhaven Sun reported", "the Beacon said": a person
  has no "the"; not a title, a people or a party's member: "the Chief Justice said", "the Ohio Republican
  said"; a city before its last word is its seat), and **a name that quotes someone "as saying"** ("Vell
  Dorna quoted Ivo Marsk as saying": a clue that outweighs a name read without a title, and one word
  that opens the sentence: "Vellor quoted the minister as saying").

Scans are forward-only; names are read back over a bounded window from each keyword
found (the keywords' first words come from one shared scan of the text when the
parse gives one, :class:`~kit.parse.patterns.WordSites`).

>>> import kit
>>> art = kit.parse("Harbour Trust chair Maria Kent spoke. Zentrix rose 2 percent, Zentrix said, Reuters reported.")
>>> sorted(a.id for a in art.actors if a.kind == "organization")
['harbour_trust', 'reuters', 'zentrix']
"""

from __future__ import annotations

import bisect
import functools
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar

from .attribution import THIRD_PERSON
from .entity_words import EntityWords, entity_words
from .gazetteer import Gazetteer
from .patterns import (
    WordSites,
    finditer_not_after,
    finditer_scouted,
    finditer_sited,
    first_not_after,
    scout_pattern,
    trie_pattern,
)
from .person_cues import scored_by_sets

__all__ = [
    "find_org_clues",
    "has_score",
    "in_capitals",
    "keyword_first_words",
    "opens_sentence",
    "sport_words",
    "sports_report",
]

_NAME = r"[A-Z][\w&’'-]*[a-zA-Z](?:[ \t]+[A-Z][\w&’'-]*[a-zA-Z]){0,3}"
#: ``(?<![\w’'.-])`` then ``_NAME``, written with the look-behind after the first capital (the same matches).
_NAME_NOT_AFTER_WORD = first_not_after("[A-Z]", "’'.-") + _NAME.removeprefix("[A-Z]")
#: How far back from a role word or a verb its organisation is read.
_REACH = 90
_ONE_WORD = re.compile(r"[A-Z][a-zA-Z]+[a-z]|[A-Z]{2,6}")
_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z]")
_AMOUNT = re.compile(r"[ \t]+(?:by[ \t]+|to[ \t]+)?[$€£]?\d")
_AUX = frozenset(("has", "have", "had", "also", "will", "would"))
_TWO_CAPITALS = re.compile(r"[A-Z][A-Z]")  # where an acronym ([A-Z]{2,6}) could be
# a word of three capitals or more right before or after an acronym: a line written in capitals
_CAPITALS_BEFORE = re.compile(r"(?<![\w’'.-])[A-Z]{3,}[ \t]+$")
_CAPITALS_AFTER = re.compile(r"[ \t]+[A-Z]{3,}(?![\w’'.-])")
# After a verb of saying: "it" or "its" opens what was said ("Zentrix said on Monday it would cut jobs",
# "... said in a statement its profit rose"): the sayer is an organisation. Not "it is", "it would be" (a
# person says those of anything).
_IT_SAYS = re.compile(
    r"(?:[ \t]+(?:on|in|late|early|last|at)(?:[ \t]+[\w-]+){1,2},?)?(?:[ \t]+that)?[ \t]+"
    r"(?:its[ \t]+[a-z]|it[ \t]+(?!(?:is|was|were|seems|seemed|appears|appeared|looks|looked|makes|made|took|"
    r"(?:would|will|could|might|may|should|must|had|has|did|does)[ \t]+(?:not[ \t]+)?(?:be|been|take|make|seem))"
    r"(?![\w-]))[a-z])"
)
#: "a 1-0 win ", "a 3-1 away win ": one score (not a set's, "6-2 6-3 win") and a word or two for the result
_SCORE_BEFORE = re.compile(r"(?<![\d-][ \t])(?<![\d-])\d+-\d+[ \t]+(?:[a-z]+[ \t]+){1,2}$")
#: Words of a work's or a programme's name after an outlet word: "the Daily Show", "a Television Film".
_WORK_WORDS = frozenset(("show", "shows", "programme", "program", "film", "films", "series"))


def _capital_word_before(text: str, at: int, start: int) -> bool:
    """Is the word right before ``at`` (one blank between) capitalised, other than an article: is ``at``
    inside a longer name ("the New York Daily News"; not "The Daily Beast")?"""
    if at - 2 < start or text[at - 1] != " " or not text[at - 2].isalnum():
        return False
    word = max(text.rfind(" ", max(start, at - 40), at - 1) + 1, start)
    return text[word].isupper() and text[word : at - 1] not in ("The", "A", "An")


_A_OR_NUMBER_BEFORE = re.compile(r"(?:(?<![\w’'-])[Aa]n?|\d)[ \t]+$")
#: Outlet words that say what the name right after them is ("the daily Vell Dorna").
_OUTLET_BEFORE_NAME = frozenset(("daily", "weekly", "newspaper", "magazine", "tabloid", "broadcaster"))
_SAYING = frozenset(("said", "says", "added", "announced", "reported", "confirmed", "denied", "warned", "agreed"))
#: After "the" and a name (one or two words), these say the name is an organisation ("the Norhaven Sun reported").
_THE_SAYS = frozenset(("said", "says", "added", "announced", "reported", "quoted", "confirmed", "denied", "warned"))
_COMMA_NAME = re.compile(rf",[ \t]+(?P<n>{_NAME})(?=[ \t]*[,;:)]|\.(?![\w-]))")  # ", Vell Dorna," (a whole apposition)
_QUOTED_AFTER = re.compile(rf"[ \t]+[\"“](?P<n>{_NAME})[,.]?[\"”]")  # 'journal "Norvo Review"'
_QUOTED_BEFORE = re.compile(rf"[\"“](?P<n>{_NAME})[\"”][ \t]+$")  # '"Kestrel" newspaper'
#: After a descriptor that heads an apposition: punctuation, or a word that goes on with it ("a subsidiary of",
#: "the club he led", "a group closely associated with"), not a noun it modifies ("a club official").
_APPOSITION_GOES_ON = "|".join(
    ("of", "that", "which", "whose", "based", "closely", "owned", "run", "set", *(p for p in THIRD_PERSON if p != "it"))
)
_APPOSITION_CLOSES = re.compile(rf"[,.;:]|[ \t]+(?:{_APPOSITION_GOES_ON})(?![\w-])")
_APPOSITION = re.compile(r",[ \t]+(?:a|an|the)[ \t]+(?:[\w-]+[ \t]+){0,3}$")
_KIND_CALLED = re.compile(r"(?<![\w-])(?P<k>[a-z]+),?[ \t]+$")  # "company called", "consortium, called"
#: After an agency's name in brackets, the dash of a dateline ("NORVO, May 3 (Reuters) - "): the story's credit.
_DATELINE_CLOSES = re.compile(r"\)[ \t]*[-–—]")
_THE_BEFORE = re.compile(r"(?<![\w’'-])[Tt]he[ \t]+$")
#: After an employer's name: a noun it modifies says the name is no employer ("the chairman of Tarvo award").
_NOUN_AFTER = re.compile(
    r"[ \t]+(?!(?:and|or|in|on|at|to|for|from|since|who|which|that|was|is|has|had|said|says)(?![\w-]))[a-z]"
)
#: "said Ivo Marsk, at Zentrix", "said Ann Lee of Norvo Bank": a sayer and the employer named after him or her.
_SAYER_OF = re.compile(
    rf"[ \t]+(?P<p>{_NAME}),?[ \t]+(?:of|from|at)[ \t]+(?:the[ \t]+)?(?P<n>{_NAME})(?=[,.;:)\"”]|[ \t]+in[ \t])"
)
_QUOTED_AS = re.compile(r"[^.;:!?\"“”\n]{1,80}?[ \t]as[ \t]+(?:saying|telling)(?![\w-])")


@functools.lru_cache(maxsize=4)
def _not_names(gaz: Gazetteer) -> frozenset[str]:
    """The gazetteer's words that are never names ("In", "The"): built once per gazetteer, not per text."""
    return frozenset(gaz.data.get("titles", {}).get("not_names", ()))


@functools.lru_cache(maxsize=4)
def _title_words(gaz: Gazetteer) -> frozenset[str]:
    """Every word of the gazetteer's titles ("President", "Minister", "Justice"): "the President said" is a person."""
    return frozenset(w for t in gaz.data.get("titles", {}).get("full", ()) for w in t.split())


def _a_sayers_name(name: str, gaz: Gazetteer) -> bool:
    """Can ``name``, after "the" and before a verb of saying, be an organisation's: not a title ("the Chief
    Justice said"), a people ("the Norlanders", "the Greeks"), a party's member ("the Ohio Republican said")?"""
    w = entity_words()
    tokens = name.split()
    last = tokens[-1]
    return not (
        any(t in _title_words(gaz) or t.lower() in w.role_words for t in tokens)
        or last.lower() in w.people_nouns
        or (last in w.not_speaker_names and name not in w.outlet_heads)  # not "The Independent reported"
        or last.endswith(("ans", "ese", "ish", "ers", "ites", "ists"))
        or gaz.entity_of(last) is not None
    )


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    w = entity_words()
    places = trie_pattern(sorted(w.places))
    team_words = sorted({*w.team_words_in_results, *w.team_words_opening})  # "champions Kestrel", "Champions Kestrel"
    return {
        # one scan for every keyword (agency, role, verbs, outlet and match words): the rule is the group that matched
        # (after no word character or ’'-: found with finditer_scouted, a look-behind first would be tried everywhere)
        "keyword": re.compile(
            rf"(?:(?P<agency>{trie_pattern(w.agencies)})(?![\w’'-])"
            rf"|(?P<role>{trie_pattern(w.role_words)})[ \t]+(?=[A-Z][a-z])"
            # "an analyst at Zentrix", "economists at Norvo Bank": the employer
            rf"|(?P<role_at>{trie_pattern(w.role_words)})[ \t]+(?:at|with)(?=[ \t]+(?:the[ \t]+)?[A-Z])"
            # "the chairman of Zentrix", "a portfolio manager of Norvo Funds": the employer
            rf"|(?P<role_of>{trie_pattern(w.employer_roles)})[ \t]+of(?=[ \t]+(?:the[ \t]+)?[A-Z])"
            # "a stake in Zentrix", "shares of Norvo Bank", "a unit of Tarvo": the organisation held or owning
            rf"|(?P<held>{trie_pattern(w.org_holding_words)})(?=[ \t]+(?:the[ \t]+)?[A-Z])"
            rf"|(?P<match>{trie_pattern(w.match_verbs)})(?:[ \t]+(?:with|to|against))?(?![\w-])"
            rf"|(?P<any>{trie_pattern(w.org_verbs)})(?![\w-])"
            rf"|(?P<verb>{trie_pattern(w.acronym_verbs)})(?![\w-])"
            rf"|(?P<outlet>{trie_pattern(w.outlet_words)})(?![\w-])"
            rf"|(?P<opener>{trie_pattern(w.outlet_openers)})(?=[ \t]+[A-Z])"
            rf"|(?P<desc>{trie_pattern(w.org_descriptors)})(?=[ \t]+[A-Z])"
            rf"|(?P<desc_open>{trie_pattern(w.descriptors_opening)})(?=[ \t]+[A-Z])"
            rf"|(?P<follow>{trie_pattern(w.org_followers)})(?![\w-])"
            rf"|(?P<team_follow>{trie_pattern(w.team_followers)})(?![\w-])"
            # "Zentrix, a subsidiary of ...", "Kestrel, the club he led": a descriptor heading an apposition
            rf"|(?P<desc_end>{trie_pattern(w.org_descriptors)})(?=[,.;:]|[ \t]+(?:{_APPOSITION_GOES_ON})(?![\w-])))"
        ),
        # where a keyword may start: any of the words after a character that ends a word (one trie)
        "keyword_scout": re.compile(scout_pattern("’'-", trie_pattern(sorted(keyword_first_words())))),
        # after no word character or ’'-: found with finditer_not_after (a look-behind first slows the scan)
        "team": re.compile(rf"(?P<place>{places})[ \t]+(?P<team>(?:[A-Z][a-z]+[ \t]+)?[A-Z][a-z]+s)(?![\w’'-])"),
        # "the Padres", "the All Blacks", "the White Sox": a capitalised plural after "the" (look-behind in code)
        "the_plural": re.compile(r"[Tt]he[ \t]+(?P<n>(?:[A-Z][a-z]+[ \t]+){0,2}(?:[A-Z][a-z]+s|Sox))(?![\w’'-])"),
        "before_role": re.compile(rf"(?P<n>{_NAME_NOT_AFTER_WORD})(?:’s|'s)?[ \t]+(?:[a-z][\w-]*[ \t]+){{0,2}}$"),
        "before_verb": re.compile(
            r"(?<![\w’'.-])(?P<n>[A-Z][a-zA-Z]+[a-z](?:[ \t]+[A-Z][a-zA-Z]+[a-z])?|[A-Z]{2,6})"
            r"(?:,[^,;:.“”\"]{1,60},)?[ \t]+(?:(?:has|have|had|also|will|would)[ \t]+)?$"
        ),
        # an acronym after "[a-z,;(] ", found from its blank (a literal first: the regex engine scans for it fast);
        # the character before the blank is checked by _acronyms (a look-behind first would be tried everywhere)
        "acronym": re.compile(r" (?P<a>[A-Z]{3,6})(?![\w’'-])"),
        "acronym_opens": re.compile(r"(?P<a>[A-Z]{3,6})(?=[ \t]+(?:and[ \t]+[A-Z]|[a-z]|-[ \t]))"),
        # "the Senate", "the Commission": an institution named by its head word alone (found from "he <Capital>")
        "the_institution": re.compile(
            rf"[Tt]he[ \t]+(?P<n>{trie_pattern(sorted(w.institution_words))})"
            rf"(?![\w’'-]|[ \t]+(?:[A-Z]|of[ \t]+[A-Z]|and[ \t]+[A-Z]))"
        ),
        # "Zentrix's Ava Long"; in a results report, a player named by surname too ("Kestrel's Marsk was ...")
        "possessive": re.compile(r"(?:’s|'s)[ \t]+(?P<g>[A-Z][a-z]+)(?:(?P<full>[ \t]+[A-Z])|(?=[ \t]+[a-z]+[ \t,.]))"),
        # "Kestrel's 3-0 defeat of ...", "Norvo's Italian striker": a team's, in a results report
        "team_possessive": re.compile(
            rf"(?:’s|'s)[ \t]+(?:\d+-\d+|(?:[\w-]+[ \t]+){{0,2}}?"
            rf"(?:{trie_pattern(w.role_words)}|(?P<poss>{trie_pattern(w.team_possessions)})))(?![\w-])"
        ),
        # "Zentrix's increased stake", "Norvo's quarterly profit": what only an organisation has
        "org_possessive": re.compile(
            rf"(?:’s|'s)[ \t]+(?:[\w-]+[ \t]+){{0,3}}?(?:{trie_pattern(w.org_possessions)})(?![\w’'-])"
        ),
        # "the ABU's deputy", "NYFEX's chief executive": an acronym's people in a role (checked by the rule)
        "acronym_possessive": re.compile(
            rf"(?:’s|'s)[ \t]+(?:[\w-]+[ \t]+){{0,2}}?(?:{trie_pattern({*w.role_words, *w.acronym_possessions})})(?![\w-])"
        ),
        # (the look-behind after the first capital: the engine skips to capitals, where a look-behind first has it
        # try the name at every character of the window)
        "name_before": re.compile(rf"(?P<n>{_NAME_NOT_AFTER_WORD})[ \t]*$"),
        "name_after": re.compile(rf"[ \t]+(?P<n>{_NAME})(?![\w’'-])"),
        # a team after "the" in a results report ("routed the Twins 11-2", "against the Springboks")
        "name_after_the": re.compile(rf"[ \t]+(?:the[ \t]+)?(?P<n>{_NAME})(?![\w’'-])"),
        # a club named with its city last, in a results report ("Dinvo Bucharest", "Borvia Dortmund")
        "club_city": re.compile(
            rf"(?P<n>(?:[A-Z][a-z]+[ \t]+){{1,2}}(?:{trie_pattern(sorted(w.places - w.countries))}))(?![\w’'-])"
        ),
        # a team word, a score or "home"/"away" before "to" ("lost 2-1 at home to Metzberg"), or a country after "of"
        # (found with finditer_scouted: a look-behind first would be tried at every character)
        "team_word": re.compile(
            rf"(?:(?:{trie_pattern(team_words)}|{trie_pattern(w.match_verbs)})(?=[ \t]+(?:the[ \t]+)?[A-Z])"
            rf"|(?:\d+-\d+|home|away)[ \t]+to"
            rf"|(?:{trie_pattern(w.team_verbs_in_results)})[ \t]+(?:for|with|to|from))(?=[ \t]+(?:the[ \t]+)?[A-Z])"
        ),
        "team_word_scout": re.compile(
            scout_pattern(
                "’'-",
                rf"{trie_pattern(sorted({*team_words, *w.team_verbs_in_results, *w.match_verbs}))}"
                r"|\d|home|away",
            )
        ),
        "country": re.compile(rf"(?:{trie_pattern(sorted(w.countries))})(?![\w’'-])"),
        # "Ann Lee (Zentrix)": an organisation in brackets after a person's name (a club, a party, an employer)
        "bracket": re.compile(rf"\((?P<org>{_NAME})\)"),
    }


@functools.cache
def keyword_first_words() -> frozenset[str]:
    """Every word the organisation clues' keywords start with (for a :class:`~kit.parse.patterns.WordSites`
    shared scan)."""
    return frozenset(_keywords(entity_words()))


def _keywords(w: EntityWords) -> Iterator[str]:
    """Every word the "keyword" pattern starts with."""
    yield from w.agencies
    yield from w.role_words
    yield from w.employer_roles
    yield from w.org_holding_words
    yield from w.match_verbs
    yield from w.org_verbs
    yield from w.acronym_verbs
    yield from w.outlet_words
    yield from w.outlet_openers
    yield from w.org_descriptors
    yield from w.descriptors_opening
    yield from w.org_followers
    yield from w.team_followers


def _owner_of_role(text: str, b: re.Match[str]) -> str | None:
    """The name before a role word (``b``), without its 's ("the Norvo Trust's chair Ivo Marsk": Norvo Trust), or
    ``None`` when it is one word with 's, not an acronym and not after "the" ("Varsk's adviser Ivo Marsk"; not
    "the Council's chair"): a person's or a state's as likely as an organisation's."""
    owner = b.group("n")
    if not owner.endswith(("’s", "'s")):
        return owner
    owner = owner[:-2]
    if " " not in owner and not owner.isupper() and text[b.start("n") - 4 : b.start("n")] not in ("the ", "The "):
        return None
    return owner


def find_org_clues(
    text: str,
    spans: Iterable[tuple[int, int]],
    gaz: Gazetteer,
    *,
    not_orgs: frozenset[str] = frozenset(),
    people: frozenset[str] = frozenset(),
    weak_people: frozenset[str] = frozenset(),
    lower_near: Callable[[str, int, str], bool] | None = None,
    sites: WordSites | None = None,
) -> list[tuple[str, int, tuple[str, ...]]]:
    """``(name, start, short forms)`` of each organisation the rules find, in text order.

    ``not_orgs``: words that are never one (people's names, stop words); ``people``: the words of the
    people's names found (for "Ann Lee (Zentrix)"); ``weak_people``: those of them read without a title,
    which a strong clue outweighs; ``lower_near(text, at, word)``:
    is the word also written in lower case near ``at`` (a capital that only opens a sentence)? ``sites``:
    the text's shared scan for :func:`keyword_first_words` (optional: the same clues, found faster).
    """
    w = entity_words()
    p = _patterns()
    opening, plural_team_words, org_verbs, descriptors, descriptors_opening, org_kinds = _word_sets()
    out: list[tuple[str, int, tuple[str, ...]]] = []

    def fits(
        name: str,
        at: int,
        team: bool = False,
        opener: bool = False,
        strong: bool = False,
        capital: bool = False,
        outlet: bool = False,
        placed: bool = False,
    ) -> bool:
        """Can ``name`` at ``at`` be an organisation? ``team``: it is named as a team in a results report,
        where a city is one ("Boston won 4-2"); ``opener``: one word that opens a sentence may be one
        ("Tarvokos of Greece beat ..."); ``strong``: the clue outweighs a person's name read without a
        title ("the group Action Beyond Borders"); ``capital``: its capital says it is a name even where the
        text also writes the word in lower case ("the Court" in a text about a court); ``outlet``: it follows an
        outlet word ("the daily Vell Dorna"), where a word that is also a given name is no person's; ``placed``: a
        city before its last word is its seat ("the Norhaven Sun reported"), as in a club's name."""
        tokens = name.split()
        strong = strong or team  # a team in a results report outweighs a name read as a person's ("beat Dinvo Tarvok")
        # "as Chelsea beat Norvo 2-0": a one-word team may be a given name, and a city named as a team may hold one
        lone = outlet or team and (len(tokens) == 1 or name in w.places)
        # (set tests in C first: most names hold none of these words)
        if not not_orgs.isdisjoint(tokens) and (
            not strong or any(t in not_orgs and t not in weak_people for t in tokens)
        ):
            return False
        # a given name says a person's name, as its first word; a team's name may hold one later ("Norvo St Ivo")
        if not lone and not w.given_names.isdisjoint(tokens[:1] if team else tokens):
            return False
        if tokens[0] in w.not_org_first:
            return False  # "Former England manager": a word that opens no organisation's name
        if len(tokens) == 1 and not team and (name in w.not_person_first or name in w.not_speaker_names):
            if not (outlet and name in w.outlet_heads):  # "The Independent reported": a newspaper's name
                return False  # "a Jewish group", "the Democratic party": a people's or a party's adjective
        if any(t.endswith(w.modifier_endings) for t in tokens):
            return False  # "the Cyprus-based Arabic monthly", "the state-run radio"
        owner = next((t[:-2] for t in tokens[:-1] if t.endswith(("'s", "’s"))), None)
        if owner is not None and (owner in not_orgs or owner in w.places or gaz.entity_of(owner) is not None):
            return False  # "Marsk's Democratic convention": a person's or a place's, not a name
        if tokens[-1] in w.place_heads:
            return False  # "Kestrel Bay"
        seated = placed and len(tokens) > 1 and tokens[-1] not in w.places
        if not team and (" ".join(tokens) in w.places or not seated and not w.places.isdisjoint(tokens)):
            return False  # a place ("Sri Lanka"); "Le Soir" is not one
        if team and name.title() in w.countries:
            return False  # a national side is named as its country, a place
        if gaz.entity_of(name) is not None:
            return False
        # "Dinvo Ottawa", "Ottawa St Kestrel": a club named with its city, where the city alone is also its state's
        # capital (a state's name or demonym in a team's name still says it is no team)
        club = (team or seated) and len(tokens) > 1
        if any(gaz.entity_of(t) is not None and not (club and t in w.places and t not in w.countries) for t in tokens):
            return False
        if lower_near is not None and not capital and lower_near(text, at, tokens[0]):
            return False
        if (
            len(tokens) == 1
            and not opener
            and not name.isupper()
            and opens_sentence(text, at)
            and not _capital_inside(text, at, name)
        ):
            return False  # "Officials said": capitalised only because it opens the sentence
        return name not in w.not_acronyms

    def _before(at: int) -> tuple[str, int] | None:
        b = p["name_before"].search(text, max(0, at - _REACH), at)
        if not b:
            return None
        name, start = b.group("n"), b.start("n")
        # "On Sunday Kestrel", "Holders Kestrel": the name is "Kestrel"
        while " " in name and (name.split(None, 1)[0] in not_orgs or name.split(None, 1)[0] in opening):
            first, name = name.split(None, 1)
            start = text.index(name, start + len(first))
        tokens = name.split()
        owner = max((i for i, t in enumerate(tokens[:-2]) if t.endswith(("'s", "’s"))), default=-1)
        if owner >= 0:  # "Norland's Daily Ledger", "Zentrix Inc's Paramount Pictures": the owner's
            name = " ".join(tokens[owner + 1 :])
            start = text.index(name, start)
        return name, start

    def _right_before(at: int, skip: bool = True) -> tuple[str, int] | None:
        """The name that ends one blank before ``at`` ("Zentrix shares"), or before one word in lower case
        ("the Ledger news agency", "the Norvo arms factory")."""
        if at < 3 or text[at - 1] not in " \t" or not text[at - 2].isalpha() or text[at - 3] in "’'":
            return None  # "Marsk's spokesman": a person's
        lo = max(0, at - 40)  # (bounded: a search back to the text's start would make the scan quadratic)
        word = max(text.rfind(" ", lo, at - 1), text.rfind("\t", lo, at - 1), lo - 1) + 1
        if skip and text[word].islower() and text[word : at - 1].isalpha():
            return _right_before(word, skip=False)  # one word in lower case between, at most
        if not text[word].isupper():
            return None  # "the shares", "its workers": no name before (the usual case: no regex needed)
        return _before(at)

    def _apposed(at: int, after: int) -> tuple[str, int] | None:
        """The name before ", a|an|the [up to three words] <descriptor>" ending at ``at`` (``after``: where the
        descriptor ends): "Zentrix, a subsidiary of", "Kestrel, the club he led"."""
        if not _APPOSITION_CLOSES.match(text, after):
            return None
        a = _APPOSITION.search(text, max(0, at - 50), at)
        if a is None:
            return None
        n = _before(a.start())
        if n is None or _after_place_noun(text, n[1], w):
            return None  # "the city of Turnvo, a group of scouts ...": a place
        return n if fits(*n, strong=True) else None

    def _spelled_out(acronym: str, at: int) -> tuple[str, int] | None:
        """The name before " (" at ``at`` whose last words' initials spell ``acronym`` ("Vorsk Tarnal Union (VTU)"),
        when both can be an organisation's."""
        if not (3 <= len(acronym) <= 6 and acronym.isalpha() and acronym.isupper()) or acronym in w.not_acronyms:
            return None
        n = _before(at)
        if n is None:
            return None
        tokens = n[0].split()
        if len(tokens) < len(acronym) or "".join(t[0] for t in tokens[-len(acronym) :]) != acronym:
            return None
        name = " ".join(tokens[-len(acronym) :])
        start = n[1] + len(n[0]) - len(name)
        if w.looks_like_place(name.split()) or not fits(name, start, strong=True, opener=True):
            return None
        return name, start

    def _follow(m: re.Match[str]) -> None:
        """An organisation word right after a name ("Zentrix shares", "a Brannock spokeswoman")."""
        n = _right_before(m.start())
        if n is None:
            return
        word = m.group().split()[0]
        # "a Vesko Chips statement", "2,400 Vesko Chips shares": no person's name follows "a" or a number,
        # so the whole name right before is an organisation's, whoever's names its words are
        b = p["name_before"].search(text, max(0, m.start() - _REACH), m.start())
        if b and _A_OR_NUMBER_BEFORE.search(text, max(0, b.start() - 12), b.start()):
            n = (b.group("n"), b.start("n"))
            if fits(*n, strong=True):
                out.append((*n, ()))
        elif fits(*n):
            out.append((*n, ()))
        elif word in descriptors and (ap := _apposed(m.start(), m.start() + len(word))):
            out.append((*ap, ()))

    def _after(at: int, end: int) -> tuple[str, int] | None:
        a = p["name_after"].match(text, at, end)
        return (a.group("n"), a.start("n")) if a else None

    def _acting(m: re.Match[str], start: int, acts: bool = False) -> None:
        """A verb of saying or acting: the acronym or word (named again) before it (``acts``: the verb is one only
        organisations do, though it matched as another rule's: "lost" is a match verb too)."""
        lo = max(start, m.start() - 40)
        verb = m.start()
        if (
            verb - 2 >= lo
            and text[verb - 1] == " "
            and not ("A" <= text[verb - 2] <= "Z" or text[verb - 2] == "," or text[verb - 2].isspace())
        ):
            # the usual case, read without splitting the window: one word before a blank, not a capital's, a comma's
            # nor "has", "will" ...; it returns below unless it starts with a capital ("the index rose")
            word = text[max(text.rfind(" ", lo, verb - 1) + 1, lo) : verb - 1]
            if not ("A" <= word[0] <= "Z" or word[0].isspace()) and word not in _AUX and len(word.split()) == 1:
                return
        words_before = text[lo : m.start()].split()
        if words_before and words_before[-1] in _AUX:
            words_before.pop()
        if not words_before:
            return
        last = words_before[-1]
        # Only an acronym counts before a verb a person may do too ("said"); the early returns below skip
        # the reading back when no acronym can be found (the same results: nothing would be added).
        comma = last.endswith(",")
        if not comma and not ("A" <= last[:1] <= "Z" and _ONE_WORD.fullmatch(last)):
            return  # "the index rose": no capital or apposition right before the verb
        acts = acts or bool(m.group("any"))
        # "Zentrix said on Monday it would cut jobs": "it" after a verb of saying (the sayer may open the sentence)
        it_says = not acts and m.group() in _SAYING and _IT_SAYS.match(text, m.end()) is not None
        if comma:  # "Zentrix, the maker of ..., said": read the name back over the apposition
            reach = max(start, m.start() - _REACH)
            if not acts and _TWO_CAPITALS.search(text, reach, m.start()) is None:
                return  # no acronym within reach: the name read back would not be one
            b = p["before_verb"].search(text, reach, m.start())
            if not b:
                return
            name, at = b.group("n"), b.start("n")
        else:  # the usual case is cheap: the word (or two) right before the verb (_ONE_WORD)
            # "the Norhaven Sun reported": a name after "the" that says or reports (a person has no "the")
            the_sayer = not it_says and not last.isupper() and m.group() in _THE_SAYS
            # "Vell Dorna quoted Ivo Marsk as saying": what a newspaper or an agency does
            quotes = the_sayer and m.group() == "quoted" and _QUOTED_AS.match(text, m.end()) is not None
            if not acts and not it_says and not last.isupper() and not the_sayer:
                return  # "Zed said": a capitalised word (or two) that is not an acronym
            name = last
            if (
                len(words_before) > 1
                and _ONE_WORD.fullmatch(words_before[-2])
                and not last.isupper()
                and words_before[-2] not in descriptors_opening  # "Conglomerate Vesko lost": the name is "Vesko"
                and not (words_before[-2] == "The" and last in w.outlet_heads)  # "The Ledger reported": "Ledger"
            ):
                name = f"{words_before[-2]} {last}"
            at = text.rfind(name, lo, m.start())
            if at < 0 or (at > 0 and (text[at - 1].isalnum() or text[at - 1] in "’'.-")):
                return
            if the_sayer and (quotes or _THE_BEFORE.search(text, max(0, at - 5), at)):
                outlet = name in w.outlet_heads  # "The Independent reported": an outlet's name in short
                if _a_sayers_name(name, gaz) and fits(
                    name, at, placed=True, strong=quotes, opener=quotes, outlet=outlet
                ):
                    out.append((name, at, ()))
                    return
            if not acts and not it_says and not last.isupper():
                return
        if it_says and not name.isupper():
            lower = name.lower()  # "Police said it": a common noun that opens the sentence
            if (
                lower not in w.people_nouns
                and lower not in w.org_nouns
                and _subject_at(text, at)  # not "the bank in Norhaven said it"
                and fits(name, at, opener=True)
            ):
                out.append((name, at, ()))
            return
        # a capitalised word may be a surname ("Zed said"): only with a verb no person does, named again
        if (name.isupper() or acts) and fits(name, at):
            # an amount after a verb of organisations ("Zentrix fell 1.7 percent") is enough; else named again
            if name.isupper() or (acts and _AMOUNT.match(text, m.end())) or _again(text, at, name):
                out.append((name, at, ()))

    # a text that reports results ("beat Leeds 3-1") names teams as "the Padres"; elsewhere such a
    # plural is as often a people, a faith or a range ("the Huguenots", "the Alps")
    res = sports_report(text, sites=sites)
    spans = list(spans)
    out += _digest_headings(text, spans, gaz)
    # "the Senate": one scan over the whole text (few hits; a scan per paragraph costs more than it finds)
    starts = [a for a, _ in spans]
    the_sites = _the_sites(text, 0, len(text))  # (one scan for both patterns read from "the")
    for m in _the_plurals(p["the_institution"], text, 0, len(text), the_sites):
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and m.end() <= spans[k][1] and fits(m.group("n"), m.start("n"), opener=True, capital=True):
            out.append((m.group("n"), m.start("n"), ()))
    out += _institutions_alone(text, spans, starts, fits, _not_names(gaz))
    out += _outlets_acting(text, spans, starts, the_sites, fits)
    possessives = ("possessive", "org_possessive", "acronym_possessive") + (("team_possessive",) if res else ())
    keyword_sites = sites.of(keyword_first_words()) if sites is not None else None
    # Where every span starts and ends a line (the usual case), the scans below run once over the whole text, each
    # span then reading its own matches: none of their patterns matches a line end, so no match crosses a span's
    # edge, and those inside a span are the span's own (a scan per paragraph costs several calls each).
    place_sites = sites.of(w.places) if sites is not None else None  # where a team named with a place may start
    ahead = _Ahead.scans(text, spans, p, (keyword_sites, place_sites), the_sites, res)
    terms: set[str] = set()  # acronyms of words written in lower case ("the net stable rate (NSR)")
    for start, end in spans:
        for m in (
            (ahead.keyword.within(start, end) if ahead.keyword.first < end else ())
            if ahead is not None
            else finditer_scouted(p["keyword"], p["keyword_scout"], text, start, end, "’'-")
            if keyword_sites is None
            else finditer_sited(p["keyword"], keyword_sites, text, start, end, "’'-")
        ):
            rule = m.lastgroup
            if rule == "verb" or rule == "any":  # (the most frequent rules first: no test of every other name)
                if m.group() == "called" and (kind := _KIND_CALLED.search(text, max(start, m.start() - 24), m.start())):
                    # "a new company called Zentrix", "the consortium, called Vesko,": the name of that kind of organisation
                    if kind.group("k") in org_kinds and (n := _after(m.end(), end)) and fits(*n, strong=True):
                        out.append((*n, ()))
                else:
                    if m.group() in ("said", "says") and (e := _employer_of_sayer(text, m.end(), end, people, w)):
                        if fits(*e):
                            out.append((*e, ()))
                    _acting(m, start)
            elif rule == "agency":
                if not (m.start() and text[m.start() - 1] == "(" and _DATELINE_CLOSES.match(text, m.end())):
                    out.append((m.group(), m.start(), ()))  # (not "NORVO (Kestrel Wire) - ...": a dateline's credit)
            elif rule == "role":
                b = p["before_role"].search(text, max(start, m.start() - _REACH), m.start())
                owner = _owner_of_role(text, b) if b else None
                if b and owner is None:
                    continue  # "Varsk's adviser Ivo Marsk": a person's or a state's as likely as a firm's
                if b and owner and fits(owner, b.start("n"), team=res):
                    out.append((owner, b.start("n"), ()))
                elif (
                    b
                    and res
                    and (n := _after_demonym((b.group("n"), b.start("n")), gaz)) != (b.group("n"), b.start("n"))
                ):
                    if n and fits(*n, team=True):  # "Norwegian Kestrel rider Ivo Marsk"
                        out.append((*n, ()))
                elif (
                    b
                    and res
                    and b.group("n").isalpha()  # one word: not "Norland's new coach", "Two-try winger"
                    and b.group("n") not in w.not_person_first
                    and (first := _ONE_WORD.match(text, m.end())) is not None
                    and first.group() in w.given_names
                    and fits(b.group("n"), b.start("n"), team=True, opener=True)
                ):
                    out.append((b.group("n"), b.start("n"), ()))  # "Kestrel defender Ivo Marsk is hurt." (opening)
            elif rule == "outlet":
                # "the Norland daily Vell Dorna": the name after the outlet word is the outlet (a clue as strong
                # as a descriptor), and the word before it a place; else the name before ("the Ledger newspaper")
                outlet = _after(m.end(), end)
                if outlet is None and m.group() in _OUTLET_BEFORE_NAME and (c := _COMMA_NAME.match(text, m.end(), end)):
                    outlet = c.group("n"), c.start("n")  # "a Norland daily newspaper, Vell Dorna, said": in apposition
                if outlet is not None and m.group() in _OUTLET_BEFORE_NAME:
                    if fits(*outlet, strong=True, outlet=True):
                        out.append((*outlet, ()))
                    continue
                for n in (_right_before(m.start()), outlet):
                    if n and fits(*n):
                        out.append((*n, ()))
                # a title in quotation marks beside it: 'the popular "Kestrel" newspaper', 'journal "Norvo Review"'
                q = _QUOTED_AFTER.match(text, m.end(), end) or _QUOTED_BEFORE.search(
                    text, max(start, m.start() - 60), m.start()
                )
                if q and fits(q.group("n"), q.start("n"), strong=True, capital=True):
                    out.append((q.group("n"), q.start("n"), ()))
            elif rule == "opener":
                # "Radio Kestrel", "the Daily Ledger": an outlet word opens the outlet's name
                n = _after(m.end(), end)
                if n is not None and not _capital_word_before(text, m.start(), start):
                    name = text[m.start() : n[1] + len(n[0])]
                    if not any(t.lower() in _WORK_WORDS for t in n[0].split()) and fits(
                        name, m.start(), strong=True, capital=True
                    ):
                        out.append((name, m.start(), ()))  # (not "the Daily Show", a programme)
            elif rule == "role_at":
                a = p["name_after_the"].match(text, m.end(), end)
                if a and fits(a.group("n"), a.start("n"), strong=True):
                    out.append((a.group("n"), a.start("n"), ()))
            elif rule == "role_of":
                # "the chairman of Zentrix": not a person's name ("the spokesman of Ivo Marsk"), nor a place
                a = p["name_after_the"].match(text, m.end(), end)
                if a and not _NOUN_AFTER.match(text, a.end()) and fits(a.group("n"), a.start("n")):
                    out.append((a.group("n"), a.start("n"), ()))
            elif rule == "desc":
                n = _after(m.end(), end)  # "the piston maker Zentrix"; "the French side Brest": a city too
                if n and fits(*n, team=m.group() in w.team_descriptors, strong=True):
                    out.append((*n, ()))
            elif rule == "desc_open":
                # "Insurer Zentrix said", "* Conglomerate Vesko lost 2 percent": opening a sentence or a bullet line
                n = _after(m.end(), end)
                if n and _opens_line(text, m.start()) and fits(*n, strong=True):
                    out.append((*n, ()))
            elif rule == "held":
                a = p["name_after_the"].match(text, m.end(), end)
                if a and not a.group("n").endswith(("'s", "’s")) and fits(a.group("n"), a.start("n"), strong=True):
                    out.append((a.group("n"), a.start("n"), ()))
                if m.group().split()[0] in w.org_followers:  # "Zentrix shares in London": the follower's rule too
                    _follow(m)
            elif rule == "follow":
                _follow(m)
            elif rule == "desc_end":
                if ap := _apposed(m.start(), m.end()):
                    out.append((*ap, ()))
            elif rule == "team_follow":
                # "the Kestrel pair of ...", "his Kestrel debut", "Norland Kestrel rider Ivo Marsk": in a results report
                n = _after_demonym(_right_before(m.start(), skip=False), gaz) if res else None
                if n and _team_name(n[0], w) and _not_adjective(n[0], w) and fits(*n, team=True):
                    out.append((*n, ()))
                elif m.group() in descriptors and (ap := _apposed(m.start(), m.end())):
                    out.append((*ap, ()))  # "Kestrel, a club closely associated with ..."
            elif rule == "match":
                # both sides of "drew with"; in a results report, either ("easily beat Norvo 3-1")
                x, y = _before(m.start()), _after(m.end(), end)
                if res and not (y and scored_by_sets(text, y[1] + len(y[0]))):  # "beat Yone Tarvo 6-2 6-3": players
                    out += [(*n, ()) for n in (x, y) if n and fits(*n, team=True)]
                elif x and y and fits(*y) and fits(*x, opener=True):  # "Hartfield drew with Rovers": either side
                    out += [(*x, ()), (*y, ())]
                elif m.group() in org_verbs and _AMOUNT.match(text, m.end()):
                    _acting(m, start, acts=True)  # "Zentrix lost 2.4 percent": an organisation's verb with an amount
        for m in (
            (ahead.team.within(start, end) if ahead.team.first < end else ())
            if ahead is not None
            else finditer_not_after(p["team"], text, start, end, "’'-")
        ):
            team = m.group("team")
            if _NAME_GOES_ON.match(text, m.end()):
                continue  # "Ohio Nurses Association": the plural is inside a longer name
            if (
                (res or team not in not_orgs)  # in a results report, even after a title ("champion Norhaven Kestrels")
                and team.split()[-1] not in w.not_team_words
                and team.split()[0] not in w.not_team_words
            ):
                out.append((m.group(), m.start(), (m.group("team"),)))
        for m in (
            (ahead.the_plural.within(start, end) if ahead.the_plural.first < end else ())
            if ahead is not None
            else _the_plurals(p["the_plural"], text, start, end)
        ):
            plural = m.group("n")
            # elsewhere, only a team's or a band's verb: "The Night Owls played", "the Kestrels beat Norvo"
            acts = _acts_next(text, m.end()) if res else _plays_next(text, m.end())
            if acts and _plural_team(plural, gaz, not_orgs) and not _plays_a_pastime(text, m.end()):
                out.append((plural, m.start("n"), ()))
        # one pass over the "'s" of the span for the possessive patterns (each as its own finditer)
        after: dict[str, int] = {}  # where each pattern's next match may start
        for at in (
            (ahead.possessive.within(start, end) if ahead.possessive.first < end else ())
            if ahead is not None
            else _possessive_sites(text, start, end)
        ):
            for rule in possessives:
                if at < after.get(rule, start) or (pm := p[rule].match(text, at, end)) is None:
                    continue
                after[rule] = pm.end()
                n = _before(at)
                if n is None:
                    continue
                if rule == "possessive":
                    # "Kestrel's Ann Lee": in a results report, the name may open the sentence (a team's player)
                    # (or a player the text names: "Kestrel's Marsk")
                    g = pm.group("g")
                    if pm.group("full") is None and not (res and g in people):
                        continue
                    if (g in w.given_names or (res and g in people)) and fits(*n, team=res, opener=res):
                        out.append((*n, ()))
                elif rule == "org_possessive":
                    if fits(*n):
                        out.append((*n, ()))
                elif rule == "acronym_possessive":
                    if _ACRONYM_WORD.fullmatch(n[0]) and fits(*n):
                        out.append((*n, ()))
                elif pm.group("poss") and any(t in people for t in n[0].split()):
                    continue  # "Marsk's sixth victory": a player the text names has wins too
                elif _team_name(n[0], w) and fits(*n, team=True, opener=True):
                    out.append((*n, ()))
        for m in (
            (
                (ahead.team_word.within(start, end) if ahead.team_word.first < end else ())
                if ahead is not None
                else finditer_scouted(p["team_word"], p["team_word_scout"], text, start, end, "’'-")
            )
            if res
            else ()
        ):
            a = p["name_after_the"].match(text, m.end(), end)  # "against Norhaven", "champions Kestrel", "beat the X"
            n = (a.group("n"), a.start("n")) if a else None
            # after a plural ("leaders Kestrel Norvo"), a name of any words is a team, not one player
            many = m.group().lower() in plural_team_words and n is not None and n[0].split()[0] not in w.given_names
            # "a 1-0 win over Tarvo Dornik": after a score, a result's noun and a team word, a name of two words that no
            # given name opens is a team (a player beaten is named with a given name, or after a set's scores)
            scored = (
                n is not None
                and len(n[0].split()) == 2
                and n[0].split()[0] not in w.given_names
                and _SCORE_BEFORE.search(text, max(start, m.start() - 24), m.start()) is not None
            )
            if n and (many or scored or _team_name(n[0], w)) and fits(*n, team=True):
                out.append((*n, ()))
        for at in _finds(text, " of ", start, end) if res else ():
            if p["country"].match(text, at + 4, end):
                n = _before(at)  # "Tarvokos of Greece beat ..."
                if n and _team_name(n[0], w) and fits(*n, team=True, opener=True):
                    out.append((*n, ()))
        if res and (r := _headline_result(text, start, end)):
            # a headline in capitals over a results report: "SOCCER - KESTREL BEAT NORVO 2-1"
            for g in ("a", "b"):  # the name as the text writes it below ("PSV", "Red Kestrel")
                name = r.group(g) if text.find(r.group(g), end) >= 0 else r.group(g).title()
                if fits(name, r.start(g), team=True, opener=True):
                    out.append((name, r.start(g), ()))
        if "0" <= text[end - 1] <= "9" and (r := _RESULT_LINE.fullmatch(text, start, end)):
            # a results line, a results report of its own: "Kestrel 2 Norvo 1" (not "Ann Lee 68 Bo Ray 70")
            if fits(r.group("a"), r.start("a"), team=True, opener=True) and fits(r.group("b"), r.start("b"), team=True):
                out += [(r.group("a"), r.start("a"), ()), (r.group("b"), r.start("b"), ())]
        for m in finditer_not_after(p["club_city"], text, start, end, "’'-.") if res else ():
            tokens = m.group("n").split()
            if tokens[0] in w.not_person_first or tokens[0] in w.places or tokens[0] in w.given_names:
                continue  # "Northern Transvaal", "New York", "Bobby Munich": a place or a person
            if fits(m.group("n"), m.start("n"), team=True, opener=True):
                out.append((m.group("n"), m.start("n"), ()))
        brackets = []
        paren = text.find(" (", start, end) >= 0  # (read once: both bracket rules need one)
        if res and paren:
            # "Kestrel (Norway), Norvo (Italy) and ...": a one-word name before its country in brackets, in a results
            # report, is a club (a player is named with a given name: "Ivo Marsk (Norway)")
            for at in _finds(text, " (", start, end):
                c = p["country"].match(text, at + 2, end)
                if c is None or not text.startswith(")", c.end()) or (n := _before(at)) is None:
                    continue
                if " " not in n[0] and n[0] not in w.given_names and fits(*n, team=True, opener=True):
                    out.append((*n, ()))
        if paren:
            # "Name (Name)": the bracket first (cheap), the name before it only for a bracket that may hold a team
            brackets = [
                (at, b)
                for at in _finds(text, " (", start, end)
                if at and text[at - 1].isalpha() and (b := p["bracket"].match(text, at + 1, end))
            ]
        for at, b in brackets:
            if _DATELINE_CLOSES.match(text, b.end("org")):
                continue  # "KESTREL, Norvo (Kestrel Wire) - ...": a dateline's credit, the story's teller
            if _spells_words_in_lower_case(text, at, b.group("org"), org_kinds):
                terms.add(b.group("org"))  # "the net stable rate (NSR)": a term's short form, not a body
                continue
            if (spelled := _spelled_out(b.group("org"), at)) is not None:
                out.append((*spelled, (b.group("org"),)))  # "the Vorsk Tarnal Union (VTU)": both, one body
                continue
            if _named_after_its_kind(text, at, b.group("org"), org_kinds):
                if fits(b.group("org"), b.start("org")):  # "the pilots' union (ZATKA)": the union's name
                    out.append((b.group("org"), b.start("org"), ()))
                continue
            if not _team_name(b.group("org"), w) or (n := _before(at)) is None:
                continue
            person = n[0].split()
            # a known person, or a line-up ("Ann Lee (Kestrel), Bo Ray (Norvo)"): names of two words or more
            line_up = (
                len(brackets) > 1
                and len(person) > 1
                and not b.group("org").isupper()  # "Passive Sensor (PASX)": an acronym
                and not w.looks_like_place(person)
            )
            if line_up or person[0] in w.given_names or all(t in people for t in person):
                if fits(b.group("org"), b.start("org"), team=res):
                    out.append((b.group("org"), b.start("org"), ()))
        acronyms = (
            (ahead.acronym.within(start, end) if ahead.acronym.first < end else ())
            if ahead is not None
            else list(_acronyms(p["acronym"], text, start, end))
        )
        for m in acronyms if acronyms and not in_capitals(text, start, end) else ():  # (capitals read only for a hit)
            if _CAPITALS_BEFORE.search(text, max(start, m.start() - 16), m.start("a")) or _CAPITALS_AFTER.match(
                text, m.end("a"), end
            ):
                continue  # "NOBODY LIKED VESKO HOUSE": a run of words in capitals, no acronym
            if fits(m.group("a"), m.start("a")):
                out.append((m.group("a"), m.start("a"), ()))
        # an acronym that opens a paragraph before a word in lower case ("TVZ and Kinrosa rose", "NYFEX fell")
        if (
            (ao := p["acronym_opens"].match(text, start, end))
            and ao.group("a").title() not in w.places  # "PARIS - ...": a dateline's place
            and not (text[ao.end() + 1] == "-" and in_capitals(text, start, end))  # "SOCCER - AJAX WIN": a slug
            and fits(ao.group("a"), start)
        ):
            out.append((ao.group("a"), start, ()))
    # read from literals over the whole text (a scan per paragraph would cost more than it finds)
    for n in _driven(text, spans, starts) if res else ():
        # "in his Kestrel", "rolled her Kestrel": the make or team a driver or rider competes in
        if _not_adjective(n[0], w) and fits(*n, team=True):
            out.append((*n, ()))
    for n in _given_a_win(text, spans, starts) if res else ():
        if _team_name(n[0], w) and fits(*n, team=True):  # "gave Kestrel a 2-1 win"
            out.append((*n, ()))
    for n, place_only in _acting_teams(text, spans, starts) if res else ():
        if " " in n[0] and n[0].split(None, 1)[0] in opening:  # "Holders Kestrel are": the name is "Kestrel"
            rest = n[0].split(None, 1)[1]
            n = (rest, n[1] + len(n[0]) - len(rest))
        # "Kestrel are ...", "Kestrel rekindled their ...", "Winnipeg has won ...": opening a sentence
        if n[0] in w.places and n[0] not in w.countries:
            if fits(*n, team=True, opener=True):
                out.append((*n, ()))
        elif not place_only and (_team_name(n[0], w) or n[0].split()[0] not in w.given_names) and fits(*n, team=True):
            out.append((*n, ()))  # (a name of two words or more too: no one person "are")
    if res:
        out += _conjuncts(text, out, fits)
    if terms:  # "the net stable rate (NSR) ... the NSR was cut": never an organisation in this text
        out = [o for o in out if o[0] not in terms]
    # a name found by two rules at one place keeps the short forms one gave ("chairman of the Vorsk Tarnal Union (VTU)")
    out.sort(key=lambda o: (o[1], not o[2]))
    return out


_T = TypeVar("_T")


class _Run(Generic[_T]):
    """Items found by one scan of the whole text, in text order (``starts``: where each starts), read span by span
    in text order. ``first``: where the first item not read yet starts (past the text when none is left), for a
    span to skip the call when no item of its own is left (most spans: ``first`` is past their end)."""

    __slots__ = ("items", "starts", "k", "first")

    def __init__(self, items: list[_T], starts: list[int]) -> None:
        self.items, self.starts, self.k = items, starts, 0
        self.first = starts[0] if starts else _PAST

    def within(self, start: int, end: int) -> list[_T]:
        """The items that start in ``text[start:end]`` (a span after the one read before)."""
        starts, k, n = self.starts, self.k, len(self.starts)
        while k < n and starts[k] < start:
            k += 1
        j = k
        while j < n and starts[j] < end:
            j += 1
        self.k = j
        self.first = starts[j] if j < n else _PAST
        return self.items[k:j]


_PAST = sys.maxsize  # past any text's end


def _matches(found: Iterable[re.Match[str]]) -> _Run[re.Match[str]]:
    items = list(found)
    return _Run(items, [m.start() for m in items])


class _Ahead:
    """The whole text's scans for :func:`find_org_clues`' per-span rules (see :meth:`scans`)."""

    __slots__ = ("keyword", "team", "the_plural", "possessive", "acronym", "team_word")

    def __init__(
        self,
        keyword: _Run[re.Match[str]],
        team: _Run[re.Match[str]],
        the_plural: _Run[re.Match[str]],
        possessive: _Run[int],
        acronym: _Run[re.Match[str]],
        team_word: _Run[re.Match[str]],
    ) -> None:
        self.keyword, self.team, self.the_plural, self.possessive, self.acronym = (
            keyword,
            team,
            the_plural,
            possessive,
            acronym,
        )
        self.team_word = team_word

    @staticmethod
    def scans(
        text: str,
        spans: list[tuple[int, int]],
        p: dict[str, re.Pattern[str]],
        word_sites: tuple[list[int] | None, list[int] | None],
        the_sites: list[int],
        res: bool = False,
    ) -> _Ahead | None:
        """The scans, when every span starts and ends a line (else ``None``: each span is scanned alone).
        ``word_sites``: the sites of the keywords' first words and of the places in a shared scan of the text
        (each ``None`` when not shared: the text is scanned for them); ``res``: the text reports results (its
        team words are scanned for too; else none are read).

        The patterns scanned match no line end (``\\n``) and have no anchor: a match never crosses a span's
        edge, and a look-ahead at its end reads a line end as it reads a span's end."""
        keyword_sites, place_sites = word_sites
        n = len(text)
        if not all((s == 0 or text[s - 1] == "\n") and (e == n or text[e] == "\n") for s, e in spans) or any(
            a[1] > b[0] for a, b in zip(spans, spans[1:])
        ):
            return None  # (or spans out of order)
        keyword = (
            finditer_scouted(p["keyword"], p["keyword_scout"], text, 0, n, "’'-")
            if keyword_sites is None
            else finditer_sited(p["keyword"], keyword_sites, text, 0, n, "’'-")
        )
        possessive = list(_possessive_sites(text, 0, n))
        return _Ahead(
            _matches(keyword),
            _matches(
                finditer_not_after(p["team"], text, 0, n, "’'-")
                if place_sites is None
                else finditer_sited(p["team"], place_sites, text, 0, n, "’'-")
            ),
            _matches(_the_plurals(p["the_plural"], text, 0, n, the_sites)),
            _Run(possessive, possessive),
            _matches(_acronyms(p["acronym"], text, 0, n)),
            _matches(finditer_scouted(p["team_word"], p["team_word_scout"], text, 0, n, "’'-") if res else ()),
        )


_AND_AFTER = re.compile(rf"(?:,|,?[ \t]+and)[ \t]+(?P<n>{_NAME})(?![\w’'-])")
_AND_BEFORE = re.compile(rf"(?P<n>{_NAME_NOT_AFTER_WORD}),?[ \t]+and[ \t]+$")


def _conjuncts(
    text: str, found: list[tuple[str, int, tuple[str, ...]]], fits: Callable[..., bool]
) -> list[tuple[str, int, tuple[str, ...]]]:
    """In a results report, the names joined to a team found by a rule are teams too ("Kestrel and Norvo",
    "Kestrel, Norvo and Tarvo", "Norvo and Kestrel"): read forward from each team's name, and one name back."""
    w = entity_words()

    def joined(n: str) -> bool:  # not a given name ("striker Ivo and Kestrel's keeper")
        return _team_name(n, w) and n not in w.given_names

    out: list[tuple[str, int, tuple[str, ...]]] = []
    for name, at, _ in found:
        if not _team_name(name, w):
            continue
        end = at + len(name)
        while (m := _AND_AFTER.match(text, end, end + 80)) and joined(m.group("n")):
            if not fits(m.group("n"), m.start("n"), team=True):
                break
            out.append((m.group("n"), m.start("n"), ()))
            end = m.end()
        b = _AND_BEFORE.search(text, max(0, at - 60), at)
        if b and joined(b.group("n")) and fits(b.group("n"), b.start("n"), team=True, opener=True):
            out.append((b.group("n"), b.start("n"), ()))
    return out


#: "in his Kestrel", "drove her Kestrel": a one-word name (not a possessive) ending its phrase
_HIS_NAME = re.compile(
    r"[ \t]+(?:his|her)[ \t]+(?P<n>[A-Z][a-z]+)(?=[ \t]*[,.;:]|[ \t]+(?:on|as|was|and|to|at|in|into|for|with|after)[ \t])"
)
_IN_BEFORE = re.compile(r"(?:\bin|[a-z]+ed)$")
#: "gave Kestrel a 2-1 win", "lifted Kestrel into a 1-1 tie", "give Kestrel their first win", "gave Kestrel the
#: lead", "handed Kestrel their third defeat"
_GIVEN = frozenset(("gave", "give", "gives", "hand", "hands", "handed", "lift", "lifted", "lifts"))
_GIVEN_A_WIN = re.compile(
    rf"[ \t]+(?P<n>{_NAME})[ \t]+(?:a|an|the|their|its|into|to|\d+)[ \t]+(?:[\w-]+[ \t]+){{0,3}}?"
    r"(?:win|victory|lead|tie|points|defeat|\d+-\d+)(?![\w-])"
)


#: Small words an acronym of a term's words may leave out ("the rain and frost index (RFI)").
_TERM_SKIPS = frozenset(("and", "of", "the", "for", "in", "on", "to", "a"))


def _spells_words_in_lower_case(text: str, at: int, acronym: str, org_kinds: frozenset[str]) -> bool:
    """Do the letters of ``acronym`` (in brackets from ``at``) open the words in lower case right before it ("the
    net stable rate (NSR)", "a soft grain blend (SGB)")? Then it is a term's short form, not an organisation's,
    unless the last word says what kind of organisation ("the state fishing company (SFC)", one of ``org_kinds``)."""
    if not (2 <= len(acronym) <= 6 and acronym.isalpha() and acronym.isupper()):
        return False
    words = [t for t in text[max(0, at - 80) : at].split()[-(2 * len(acronym)) :] if t not in _TERM_SKIPS]
    words = words[-len(acronym) :]
    return (
        len(words) == len(acronym)
        and all(t.isalpha() and t.islower() for t in words)
        and "".join(t[0] for t in words) == acronym.lower()
        and words[-1] not in org_kinds
    )


_KIND_WORDS_BEFORE = 6  # words in lower case read back from a bracket for an organisation's kind


def _named_after_its_kind(text: str, at: int, name: str, org_kinds: frozenset[str]) -> bool:
    """Is ``name`` (in brackets from ``at``) one word that names the organisation described in lower case right
    before it, whose kind is one of ``org_kinds`` ("the pilots' union (ZATKA)", "a union of Norvan
    harbour pilots (Zatka)", "a consortium of Norvan museums (NMK)")? At most six words are read back, up to a
    comma or another mark; none when the words right before it spell it ("the Tarn Valley (TV)")."""
    if " " in name or not (2 <= len(name) <= 10) or not name[1:].isalpha():
        return False
    if _spells_words_in_lower_case(text, at, name, frozenset()):
        return False  # "a customs and excise union (CEU)": a term's short form (a union's would be read before)
    before = text[max(0, at - 80) : at].split()
    if "".join(w[:1] for w in before[-len(name) :]).upper() == name.upper():
        return False  # "the Transcendental Meditation (TM)": the short form of the words right before it
    for word in before[-_KIND_WORDS_BEFORE:][::-1]:
        word = word.removesuffix("’").removesuffix("'").removesuffix("’s").removesuffix("'s")
        if not word.isalpha():
            return False  # a comma, a bracket, a number: the description ends there
        if word in org_kinds:
            return True
    return False


def _employer_of_sayer(text: str, at: int, end: int, people: frozenset[str], w: EntityWords) -> tuple[str, int] | None:
    """The employer after a person named right after "said" at ``at`` ("said Ivo Marsk, at Zentrix", "said Ann Lee
    of Norvo Bank"): a name of two words or more that opens with a given name or is a person's the text names."""
    s = _SAYER_OF.match(text, at, end)
    if s is None:
        return None
    person = s.group("p").split()
    if len(person) < 2 or not (person[0] in w.given_names or all(t in people for t in person)):
        return None
    return s.group("n"), s.start("n")


def _span_finds(text: str, s: str, spans: list[tuple[int, int]], starts: list[int]) -> Iterator[tuple[int, int, int]]:
    """``(at, start, end)`` for each ``s`` in ``text`` inside one of ``spans`` (``starts``: their starts), found
    with one ``str.find`` scan of the whole text (no scan per paragraph)."""
    for at in _finds(text, s, 0, len(text)):
        k = bisect.bisect_right(starts, at) - 1
        if k >= 0 and at + len(s) <= spans[k][1]:
            yield at, spans[k][0], spans[k][1]


def _driven(text: str, spans: list[tuple[int, int]], starts: list[int]) -> Iterator[tuple[str, int]]:
    """The name after "in his"/"her" or a verb in -ed and "his"/"her", ending its phrase ("finished third in his
    Kestrel.", "rolled his Kestrel into a ditch"): from each " his " and " her " (``str.find``)."""
    for word in (" his ", " her "):
        for at, start, end in _span_finds(text, word, spans, starts):
            if _IN_BEFORE.search(text, max(start, at - 12), at) and (m := _HIS_NAME.match(text, at, end)):
                yield m.group("n"), m.start("n")


def _given_a_win(text: str, spans: list[tuple[int, int]], starts: list[int]) -> Iterator[tuple[str, int]]:
    """The name after "gave", "lifted" ... and before a win, a lead or a score ("gave Kestrel a 2-1 win")."""
    for verb in _GIVEN:
        for at, _, end in _span_finds(text, " " + verb + " ", spans, starts):
            if m := _GIVEN_A_WIN.match(text, at + len(verb) + 1, end):
                yield m.group("n"), m.start("n")


_CAPS = r"[A-Z][A-Z’'&.-]*[A-Z](?:[ \t]+[A-Z][A-Z’'&.-]*[A-Z]){0,2}"


@functools.cache
def _headline_match() -> re.Pattern[str]:
    verbs = trie_pattern(sorted({v.upper() for v in entity_words().match_verbs} | {"BEATS"}))
    return re.compile(rf"(?P<a>{_CAPS})[ \t]+(?:{verbs})[ \t]+(?P<b>{_CAPS})(?=[ \t]+\d+-\d+|[ \t]*\.?$)")


def _headline_result(text: str, start: int, end: int) -> re.Match[str] | None:
    """``KESTREL BEAT NORVO 2-1`` in ``text[start:end]``, a paragraph in capitals after a wire slug ("SOCCER - ")
    or alone (the part after the slug's dash is read)."""
    if end - start > 120 or not in_capitals(text, start, end):
        return None
    dash = text.find(" - ", start, end)
    return _headline_match().match(text, dash + 3 if dash >= 0 else start, end)


_RESULT_LINE = re.compile(rf"(?P<a>{_NAME})[ \t]+\d{{1,3}}[ \t]+(?P<b>{_NAME})[ \t]+\d{{1,3}}")
#: After a name that opens a sentence: a plural verb says a team ("Kestrel are", British usage); a win said of
#: a place with "has won" or "won its" says its team ("Winnipeg has won six of its last ten").
_TEAM_ACTS = {" are ": False, " were ": False, " have ": False, " has won ": True, " won its ": True}
_NAME_ENDS = re.compile(rf"{_NAME_NOT_AFTER_WORD}$")
_VERB_BEFORE_THEIR = re.compile(r"[ \t](?P<v>[a-z]+)$")


def _acting_teams(text: str, spans: list[tuple[int, int]], starts: list[int]) -> Iterator[tuple[tuple[str, int], bool]]:
    """``((name, at), place_only)`` for each name that opens a sentence of a span and acts as a team
    does: a plural verb after it ("Kestrel are"), a verb and "their" ("Kestrel rekindled their hopes"), or, for
    a place only (``place_only``), "has won" / "won its" ("Winnipeg has won six of its last ten"). Found from
    each literal (``str.find``), the name read back over a bounded window."""
    for lit, place_only in _TEAM_ACTS.items():
        for at, start, _ in _span_finds(text, lit, spans, starts):
            if n := _opening_name(text, max(start, at - 60), at):
                yield n, place_only
    for at, start, _ in _span_finds(text, " their ", spans, starts):
        v = _VERB_BEFORE_THEIR.search(text, max(start, at - 20), at)
        if v and (v.group("v").endswith("ed") or v.group("v") in _ACTS):
            if n := _opening_name(text, max(start, v.start() - 60), v.start()):
                yield n, False


def _opening_name(text: str, lo: int, at: int) -> tuple[str, int] | None:
    """The name that ends at ``at`` and opens its sentence, if any."""
    if at < 1 or not text[at - 1].isalpha():
        return None
    m = _NAME_ENDS.search(text, lo, at)
    return (m.group(), m.start()) if m and opens_sentence(text, m.start()) else None


# not a range of amounts, dates or ages ("$2-4 billion", "May 3-4", "ages 20-29", "a 5-4 ruling")
_SCORE = re.compile(
    r"(?<![\d.,:/$€£-])\d{1,3}-\d{1,3}(?![\d/-]|[.,:]\d|[ \t]*(?:percent|per cent|%|billion|million|thousand"
    r"|bn|mln|years?|months?|weeks?|days?|hours?|minutes?|a\.m\.|p\.m\.|ruling|decision|vote|majority|margin)\b)"
)
_NOT_BEFORE_SCORE = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr"
    r"|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|ages?|aged|between|from)\.?[ \t]+$"
)
_BLANKS = re.compile(r"[0-9]*[ \t]*")


def sports_report(text: str, *, sites: WordSites | None = None) -> bool:
    """Does ``text`` report sport: a score ("beat Leeds 3-1", :func:`has_score`), a sport named in its first
    lines (``sport_names``: "TENNIS - ..."), or sport words three times or more ("the league", "the coach",
    "the striker": ``sport_words``, after a blank; one scan of the text for all of them, or the sites of
    :func:`sport_words` in ``sites``, a shared scan of the text, when it has them)?

    >>> sports_report("The coach said the league would back the striker."), sports_report("Shares rose.")
    (True, False)
    """
    if has_score(text):
        return True
    w = entity_words()
    lead = text[:_LEAD].lower()  # a sport named in the headline or first lines ("TENNIS - ...", "Rugby: ...")
    if not w.sport_names.isdisjoint(_LOWER_WORD.findall(lead)):
        return True
    at = sites.of(sport_words()) if sites is not None else None
    found = 0
    for _ in _sport_words_pattern().finditer(text) if at is None else _sport_words_at(text, at):
        found += 1  # (stopped at the third)
        if found >= 3:
            return True
    return False


@functools.cache
def sport_words() -> frozenset[str]:
    """The words that make a text a sports report when it uses them often (for a shared
    :class:`~kit.parse.patterns.WordSites` scan: :func:`sports_report` reads their sites)."""
    return frozenset(entity_words().sport_words)


def _sport_words_at(text: str, sites: list[int]) -> Iterator[re.Match[str]]:
    """The matches of ``_sport_words_pattern().finditer(text)`` (a blank and a sport word), read from the
    ``sites`` of :func:`sport_words` (every blank such a match starts with is one of them): the pattern is
    tried at a site that is a blank and not inside the match before.

    >>> t = "The coach and a coaching team: the league, leagues."
    >>> [m.group() for m in _sport_words_at(t, WordSites(t, [sport_words()]).of(sport_words()))]
    [' coach', ' coach', ' league', ' league']
    """
    match, end = _sport_words_pattern().match, 0
    for q in sites:
        if q >= end and text[q] == " ":
            m = match(text, q)
            if m is not None:
                yield m
                end = m.end()


@functools.cache
def _word_sets() -> tuple[frozenset[str], ...]:
    """The word lists :func:`find_org_clues` tests words against, as sets: built once, not per text."""
    w = entity_words()
    opening = frozenset(w.team_words_opening)
    # "champions", "leaders": plural nouns (not "hosts", also a verb) name a team, never one player
    plural_team_words = frozenset(t.lower() for t in opening if t.endswith("s") and t != "Hosts")
    descriptors = frozenset(w.org_descriptors)
    return (
        opening,
        plural_team_words,
        frozenset(w.org_verbs),
        descriptors,
        frozenset(w.descriptors_opening),
        w.org_nouns | descriptors,
    )


@functools.cache
def _sport_words_pattern() -> re.Pattern[str]:
    """A blank and a sport word (or a word it starts: "leagues"), all words in one trie."""
    return re.compile(" (?:" + trie_pattern(sorted(set(entity_words().sport_words))) + ")")


_LEAD = 160
_LOWER_WORD = re.compile(r"[a-z]+")


@functools.lru_cache(maxsize=2)  # asked by the organisation and the single-name steps of one parse
def has_score(text: str) -> bool:
    """Does ``text`` report a result ("beat Leeds 3-1"): ``_SCORE`` anywhere? Found from each digit-dash-digit,
    then checked in a bounded window around it.

    The digit-dash-digits are those of ``re.finditer(r"\\d-\\d", text)``, found from each dash with
    ``str.find`` (many times faster than the regex engine's scan for a digit); ``\\d`` is ``str.isdecimal``.

    >>> has_score("They won 3-1 on Sunday."), has_score("Up 2-3 percent on 1996-08-22.")
    (True, False)
    >>> has_score("The board meets on May 3-4 about a $2-4 billion fund after a 5-4 ruling.")
    False
    """
    done = 0  # where the last digit-dash-digit ended: they do not overlap ("1-2-3" has one)
    dash = text.find("-", 1)
    while dash >= 0:
        start, stop = dash - 1, dash + 2
        if start >= done and stop <= len(text) and text[start].isdecimal() and text[dash + 1].isdecimal():
            blanks = _BLANKS.match(text, stop)  # always matches (maybe nothing)
            end = min(len(text), (blanks.end() if blanks else stop) + 8)  # room for the look-ahead: "per cent"
            while end < len(text) and text[end].isalnum():
                end += 1  # never cut a number or a word: "000-0000" cut to "000-000" would read as a score
            m = _SCORE.search(text, max(0, start - 3), end)
            while m is not None and _SCORE.match(text, m.start()) is None:
                m = _SCORE.search(text, m.start() + 1, end)  # "0-0/" cut to "0-0" by the window's end: no score
            if m is not None and not _NOT_BEFORE_SCORE.search(text, max(0, m.start() - 12), m.start()):
                return True
            done = stop
        dash = text.find("-", dash + 1)
    return False


_SCORE_NEXT = re.compile(r"[ \t]+\d+-\d+")  # "routed the Twins 11-2"
_NEXT_WORD = re.compile(r"[ \t]*(?P<p>[,.;:!?)”\"]|$)|[ \t]+(?P<w>[a-z]+)\b")
_ACTS = frozenset(
    "have has had are were will would could can may might won lost beat play played host hosted lead led who which"
    " their to took gave got came went hit kept made ran".split()
)


_HEADING = re.compile(r"[A-Z][A-Z’'&.-]*(?:[ \t]+[A-Z][A-Z’'&.-]*){0,4}")


def _digest_headings(text: str, spans: list[tuple[int, int]], gaz: Gazetteer) -> list[tuple[str, int, tuple[str, ...]]]:
    """A press review's headings: a short line in capitals, alone in its paragraph, whose next paragraph is a
    bullet ("- ..."), names the newspaper the bullets summarise ("LE SOIR" over "- Talks resume ..."). The
    heading is the paper's whole name, so a place or a demonym inside it ("NORLAND TIMES", "THE NORLANDER")
    does not make it one; only a heading that is a place, a state or a known name alone ("NORLAND") is not
    a paper."""
    w = entity_words()
    out: list[tuple[str, int, tuple[str, ...]]] = []
    for (start, end), (nxt, _) in zip(spans, spans[1:]):
        if text.startswith("- ", nxt) and end - start <= 40 and (m := _HEADING.fullmatch(text, start, end)):
            tokens = m.group().title().split()
            core = " ".join(tokens[1:] if len(tokens) > 1 and tokens[0] == "The" else tokens)
            if (
                core not in w.places
                and core not in w.countries
                and gaz.entity_of(core) is None
                and gaz.entity_of(m.group()) is None
                and m.group() not in w.not_acronyms
            ):
                out.append((m.group(), start, ()))
    return out


def _finds(text: str, s: str, start: int, end: int) -> Iterator[int]:
    """Where ``s`` starts in ``text[start:end]`` (``str.find``: faster than a regex scan for a literal)."""
    at = text.find(s, start, end)
    while at >= 0:
        yield at
        at = text.find(s, at + 1, end)


def _team_name(name: str, w: EntityWords) -> bool:
    """Can ``name`` be a team rather than a player ("against Kestrel", "against Kestrel Amsterdam", not
    "against Yone Kamio")? One word, or a place or an organisation word among its words."""
    tokens = name.split()
    if len(tokens) == 1:
        return not name.endswith(("ish", "ese", "ian"))  # "against English sides": a people's adjective
    return name in w.places or tokens[-1] in w.team_heads or any(t in w.places or t in w.org_heads for t in tokens)


def _after_demonym(n: tuple[str, int] | None, gaz: Gazetteer) -> tuple[str, int] | None:
    """The name ``n`` without a first word that is a state's demonym or name ("Norwegian Kestrel" -> "Kestrel")."""
    if n is None or " " not in n[0]:
        return n
    first, rest = n[0].split(None, 1)
    if gaz.entity_of(first) is None:
        return n
    return rest, n[1] + len(n[0]) - len(rest)


def _not_adjective(name: str, w: EntityWords) -> bool:
    """Is ``name`` more than one capitalised adjective ("the Olympic team", "the National side")?"""
    return " " in name or not (
        name.endswith(w.adjective_endings) or name in w.not_person_first or name in w.not_speaker_names
    )


def _acts_next(text: str, at: int) -> bool:
    """Does the name at ``text[:at]`` end its phrase and act: punctuation, a verb or "who" after it
    ("the Padres, who …", "the Marlins won"), not a noun it modifies ("the Sanders campaign")?"""
    m = _NEXT_WORD.match(text, at)
    if m is None:
        return _SCORE_NEXT.match(text, at) is not None  # "routed the Twins 11-2"
    word = m.group("w")
    if word is None:
        return True
    w = entity_words()
    return (
        word in _ACTS or word.endswith("ed") or word in w.match_verbs or word in w.org_verbs or word in w.acronym_verbs
    )


def _plays_next(text: str, at: int) -> bool:
    """Is the word after ``text[:at]`` a verb only a team or a band does: a match verb ("beat", "drew") or
    one of :data:`_PLAYS` ("played", "performed")?"""
    m = _NEXT_WORD.match(text, at)
    word = m.group("w") if m is not None else None
    return word is not None and (word in _PLAYS or word in entity_words().match_verbs)


def _plays_a_pastime(text: str, at: int) -> bool:
    """Are the words after ``text[:at]`` "played" and one of ``pastimes_played`` ("The Marsks played golf":
    a family or friends at a game, not a team)?"""
    m = _NEXT_WORD.match(text, at)
    if m is None or m.group("w") not in _PLAYS:
        return False
    m = _NEXT_WORD.match(text, m.end())
    return m is not None and m.group("w") in entity_words().pastimes_played


_PLAYS = frozenset("played plays performed".split())  # (not "won", "toured": a family does those too)


def _plural_team(name: str, gaz: Gazetteer, not_orgs: frozenset[str]) -> bool:
    """Is "the <name>" a team, band or body ("the Padres"), not a place, people, party or family
    ("the Netherlands", "the Russians", "the Democrats", "the Clintons")?"""
    w = entity_words()
    last = name.split()[-1]
    if name in w.places or last in w.places or last in w.place_heads or gaz.entity_of(name) or gaz.entity_of(last):
        return False
    if last in w.not_team_words or last in w.not_speaker_names or last.lower() in w.people_nouns:
        return False
    if last.endswith(("ans", "ese")):
        return False  # "the Sri Lankans", "the Chinese": a people
    singular = {last, last[:-1], last[:-2]} if last.endswith("es") else {last, last[:-1]}
    return not (singular & not_orgs) and not any(t in not_orgs for t in name.split()[:-1])


_LOWER = re.compile(r"[^\W\dA-Z_]")  # a letter that is not a capital (any script's lower case)
_UPPER3 = re.compile(r"[A-Z][^A-Z]*[A-Z][^A-Z]*[A-Z]")


def in_capitals(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` written all in capitals (a wire headline, "MARSK OUT FOR SIX WEEKS")?"""
    return _LOWER.search(text, start, end) is None and _UPPER3.search(text, start, end) is not None


def _acronyms(pattern: re.Pattern[str], text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` (a blank, then group ``a``) in ``text[start - 1:end]`` whose blank
    follows ``[a-z,;(]``: group ``a`` matches as ``(?<=[a-z,;(] )<a>`` would in ``text[start:end]``.

    >>> p = re.compile(" (?P<a>[A-Z]{3})")
    >>> [m.start("a") for m in _acronyms(p, "on NYX, XYZ (ABC AB ABCD", 0, 24)]
    [3, 8]
    """
    pos = max(0, start - 1)
    while True:
        m = pattern.search(text, pos, end)
        if m is None:
            return
        at = m.start()
        if at >= 1 and ("a" <= text[at - 1] <= "z" or text[at - 1] in ",;("):
            yield m
            pos = m.end()
        else:
            pos = at + 1


_ACRONYM_WORD = re.compile(r"[A-Z]{2,6}")
_HE_CAPITAL = re.compile(r"he[ \t]+[A-Z]")


_CAPITAL_WORD_BEFORE = re.compile(r"(?:^|[^\w’'-])(?P<w>[A-Z][\w’'.-]*)[ \t]+$")
_CAPITAL_WORD_AFTER = re.compile(r"[ \t]+(?:of[ \t]+)?[A-Z]")


def _institutions_alone(
    text: str, spans: list[tuple[int, int]], starts: list[int], fits: Callable[..., bool], small: frozenset[str]
) -> list[tuple[str, int, tuple[str, ...]]]:
    """``institutions_alone`` named without "the" ("Congress voted", "a vote in Parliament"): found by a literal
    search for each word (a few words, fast), never inside a longer name ("National Congress", "Parliament
    Square", "Congress of Tarvo"); ``small``: capitalised words that may stand before it ("In", "The")."""
    out: list[tuple[str, int, tuple[str, ...]]] = []
    for word in entity_words().institutions_alone:
        at = text.find(word)
        while at >= 0:
            b = at + len(word)
            k = bisect.bisect_right(starts, at) - 1
            if (
                k >= 0
                and b <= spans[k][1]
                and not (at and (text[at - 1].isalnum() or text[at - 1] in "’'-"))
                and not (b < len(text) and (text[b].isalnum() or text[b] in "’'-"))
                and (
                    (c := _CAPITAL_WORD_BEFORE.search(text, max(spans[k][0], at - 40), at)) is None
                    or c.group("w") in small  # "In Congress", "The Congress": a small word, not a name's
                )
                and not _CAPITAL_WORD_AFTER.match(text, b)
                and fits(word, at, opener=True, capital=True)
            ):
                out.append((word, at, ()))
            at = text.find(word, b)
    return out


@functools.cache
def _outlet_acting_before() -> re.Pattern[str]:
    """One of ``outlet_acting_before`` ending right before "the" ("told ", "according to ")."""
    words = trie_pattern(entity_words().outlet_acting_before).replace("\\ ", "[ \\t]+")
    return re.compile(rf"(?<![\w’'-])(?:{words})[ \t]+$", re.IGNORECASE)  # "According to the Post"


def _outlets_acting(
    text: str, spans: list[tuple[int, int]], starts: list[int], the_sites: list[int], fits: Callable[..., bool]
) -> list[tuple[str, int, tuple[str, ...]]]:
    """An outlet named after "the" where it acts on the story: after one of ``outlet_acting_before``, a name whose
    last word is one of ``outlet_heads`` ("told the Kestrel Ledger", "according to the Herald", "in an interview with
    the Post"), or anywhere after a capital "The" inside a sentence ("described by The Ledger as"), and one of
    ``outlets_after_the`` or an outlet head that ends a longer name in the text alone after "the" in lower case
    ("doing the Times crossword", "the Norvo Ledger ... the Ledger crossword"); found from each "the" and a capital
    (:func:`_the_sites`), the words before it read over a bounded window."""
    heads = entity_words().outlet_heads
    alone = entity_words().outlets_after_the
    ending: dict[str, bool] = {}  # head word -> does the text name an outlet ending with it? (one search per word)
    before = _outlet_acting_before()
    out: list[tuple[str, int, tuple[str, ...]]] = []
    for at in the_sites:
        n = _NAME_AFTER_THE.match(text, at + 3)
        if n is None or n.group("n").rsplit(None, 1)[-1].rsplit("-", 1)[-1] not in heads:  # "the Norvo Times-Ledger"
            continue
        k = bisect.bisect_right(starts, at) - 1
        if k < 0 or n.end() > spans[k][1]:
            continue
        # "described by The Ledger as": a capital "The" inside a sentence is part of a title
        if (
            not before.search(text, max(spans[k][0], at - 24), at)
            and not (text[at] == "T" and _INSIDE_A_SENTENCE.search(text, max(spans[k][0], at - 24), at))
            and not (
                text[at] == "t"
                and not _OF_AFTER.match(text, n.end())
                and (n.group("n") in alone or _ends_a_name(text, n.group("n"), ending))
            )
        ):
            continue
        # "the Norhaven Sun"; "The Independent" (a word that alone is also an adjective: an outlet here)
        if fits(n.group("n"), n.start("n"), strong=True, capital=True, placed=True, outlet=n.group("n") in heads):
            out.append((n.group("n"), n.start("n"), ()))
    return out


def _ends_a_name(text: str, word: str, seen: dict[str, bool]) -> bool:
    """Does ``text`` write ``word`` after a capitalised word ("the Norvo Ledger"), so that "the Ledger" alone is that
    name in short? ``seen`` keeps the answer per word (a text searched once per word)."""
    if word not in seen:
        seen[word] = re.search(rf"[A-Z][\w’'-]*[ \t]+{re.escape(word)}(?![\w’'-])", text) is not None
    return seen[word]


_OF_AFTER = re.compile(r"[ \t]+of[ \t]")  # "the Times of Norvo": a longer name
_INSIDE_A_SENTENCE = re.compile(r"(?:(?<![\w’'-])[a-z]+|,)[ \t]$")  # a word in lower case or a comma before
_NAME_AFTER_THE = re.compile(rf"[ \t]+(?P<n>{_NAME})(?![\w’'-])")


def _the_plurals(
    pattern: re.Pattern[str], text: str, start: int, end: int, sites: list[int] | None = None
) -> Iterator[re.Match[str]]:
    """``finditer_not_after(pattern, text, start, end, "’'-")`` for the "the_plural" pattern ("[Tt]he", blanks,
    a capital, ...): tried only before each "he", blanks and a capital, which the regex engine finds with its fast
    scan for a literal start; a scan for ``[Tt]`` stops at every "t" of the text. ``sites``: :func:`_the_sites`
    of the same window (one scan for several patterns).

    >>> p = re.compile(r"[Tt]he[ \t]+(?P<n>[A-Z][a-z]+s)")
    >>> t = "the Padres, bathe Lions, The  Jets; She Sells, the the Reds"
    >>> [m.start() for m in _the_plurals(p, t, 0, len(t))]
    [0, 25, 51]
    """
    pos = start  # where the next match may start
    for at in _the_sites(text, start, end) if sites is None else sites:
        if at < pos:
            continue
        m = pattern.match(text, at, end)
        if m is not None:
            yield m
            pos = m.end()


def _the_sites(text: str, start: int, end: int) -> list[int]:
    """Where "[Tt]he", blanks and a capital start in ``text[start:end]``, not after a word character or ’'-
    (found from each "he": see :func:`_the_plurals`).

    >>> _the_sites("the Norvos, bathe Vells, The  Tarvs; She Sells", 0, 45)
    [0, 25]
    """
    out = []
    for s in _HE_CAPITAL.finditer(text, start + 1, end):
        at = s.start() - 1
        if text[at] in "Tt" and not (at > 0 and (text[at - 1].isalnum() or text[at - 1] in "_’'-")):
            out.append(at)
    return out


def _possessive_sites(text: str, start: int, end: int) -> Iterator[int]:
    """Where "’s" or "'s" starts in ``text[start:end]``, in order (``str.find``: fast).

    >>> list(_possessive_sites("Lee's Ann, Roy’s Bo's", 0, 21))
    [3, 14, 19]
    """
    curly, straight = text.find("’s", start, end), text.find("'s", start, end)
    while curly >= 0 or straight >= 0:
        at = curly if straight < 0 or 0 <= curly < straight else straight
        yield at
        if at == curly:
            curly = text.find("’s", at + 1, end)
        else:
            straight = text.find("'s", at + 1, end)


_SUBJECT_BEFORE = re.compile(r"(?:^|[.!?:;,“\"\n]|\b(?:and|but|[Tt]he))[ \t]*$")


def _subject_at(text: str, at: int) -> bool:
    """Can the name at ``at`` be its clause's subject: does it open a sentence or clause, or follow "the",
    "and" or "but" (not a preposition: "the bank in Norhaven said")?"""
    return _SUBJECT_BEFORE.search(text, max(0, at - 6), at) is not None


def _after_place_noun(text: str, at: int, w: EntityWords) -> bool:
    """Does a place noun and "of" come right before ``at`` ("the city of Turnvo")?"""
    before = text[max(0, at - 20) : at].split()
    return len(before) >= 2 and before[-1] == "of" and before[-2].lower() in w.place_nouns


def _opens_line(text: str, at: int) -> bool:
    """Does the word at ``at`` open a sentence, or a line after a star or a dash ("* Insurer Zentrix ...")?"""
    before = text[max(0, at - 6) : at].rstrip(' \t“"‘*-')
    return not before or before[-1] in ".!?:\n"


def opens_sentence(text: str, at: int) -> bool:
    """Does the word at ``at`` open a sentence (only white space and opening marks after . ! ? : or a line break)?"""
    before = text[max(0, at - 4) : at].rstrip(' \t“"‘')
    return not before or before[-1] in ".!?:\n"


def _again(text: str, at: int, name: str) -> bool:
    """Is ``name`` written again within a bounded window around ``at``?"""
    window = text[max(0, at - _NEAR) : at + _NEAR]
    return window.count(name) > 1


def _capital_inside(text: str, at: int, word: str) -> bool:
    """Is ``word`` also written, capitalised, inside a sentence near ``at`` (a name, not a common noun)?"""
    # re.search(rf"[a-z,;] {word}\b", text[lo:hi]), with str.find: no regex to build, no window to copy
    lo, hi = max(0, at - _NEAR), min(len(text), at + _NEAR)
    needle = " " + word
    i = text.find(needle, lo + 1, hi)
    while i >= 0:
        j = i + len(needle)
        before = text[i - 1]
        if (before in ",;" or "a" <= before <= "z") and (j >= hi or not (text[j].isalnum() or text[j] == "_")):
            return True
        i = text.find(needle, i + 1, hi)
    return False


_NEAR = 3000
