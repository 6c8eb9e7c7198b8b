"""Organisations named in the text: a capitalised name that ends with an organisation word.

The organisation words are data (the gazetteer's ``titles.not_name_words``: "Ohio Nurses
Association", "Democratic National Committee", "Acme Corp."); an acronym given in brackets
after the name ("(ONA)") is a short form. "the union", "the company", "the committee"
resolve to the most recent one with that head word (:mod:`kit.parse.actors`). The head
words are found with one scan; the full name pattern runs only near them.
Two companies joined by "and" after a company suffix are two ("Zentrix Inc and Norvo
Laboratories"; not "Smith and Jones Inc", one name). A state's or a place's name and an organisation
word before "Minister" or "Secretary" is a title's portfolio, not a body ("Norway Finance Minister Ivo
Marsk", "the Swedish Press Secretary").

>>> import kit
>>> art = kit.parse("Nurses of the Ohio Nurses Association (ONA) walked out. The union said so.")
>>> [(a.id, a.kind) for a in art.actors if a.kind == "organization"]
[('ohio_nurses_association', 'organization')]
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator

from ..util import snake_id
from .attribution import alternation
from .entity_words import EntityWords, entity_words
from .gazetteer import Gazetteer
from .patterns import (
    DAYS_AND_MONTHS,
    WordSites,
    finditer_not_after,
    finditer_sited,
    lazy_compile,
    merged_windows,
    written_lower,
)

__all__ = ["Organization", "find_organizations", "org_head_words", "whole_name_heads", "with_short_forms"]

# capitalised because they open a sentence, never the first word of an organisation's name
_NOT_FIRST = frozenset(
    "The A An But And In At On For With When Why How What While If As By From To Of Since After Before "
    "During Under Over Into Onto Unlike Like Despite Although Because Though Once Then So Yet".split()
)
_TITLE_CASE_SMALL = frozenset(("Of", "For", "And", "The", "At", "To", "In", "On"))
_ACRONYM = lazy_compile(r"\s+\((?P<acr>[A-Z][A-Z&.]{1,9})\)")
_GENERIC = {
    "inc.": "company",
    "inc": "company",
    "corp.": "company",
    "corp": "company",
    "co.": "company",
    "ltd": "company",
    "llc": "company",
}


class Organization:
    """An organisation named in the text: id, name, short forms, head word ("union")."""

    __slots__ = ("id", "name", "forms", "head", "start")

    def __init__(self, name: str, start: int, forms: tuple[str, ...]) -> None:
        self.id, self.name, self.start, self.forms = snake_id(name), name, start, forms
        last = name.split()[-1].lower()
        self.head = _GENERIC.get(last, last)


#: An organisation's name reaches at most this far before its head word ("… Association"), and after it.
_ORG_BEFORE, _ORG_AFTER = 240, 160


@functools.lru_cache(maxsize=4)
def _org_patterns(heads: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(the head words alone, a whole organisation name): compiled once per word list, not per parse."""
    words = alternation(tuple(sorted(heads)))
    # "… Institute", then "for Coastal Studies", "at Norhaven", "of the Visual Arts" (two such tails at most)
    # (also in the languages whose names put the head first: "Conservatoire de Paris", "Universidade da Norvo")
    tail = (
        r"[ \t]+(?:of|for|at|de|da|do|di|del|della|des|du|der|für)[ \t]+(?:(?:the|la|le|les|el|los|las)[ \t]+)?"
        r"[A-Z][\w’'-]{0,40}(?:[ \t]+(?:(?:the|de|da|do|di|del|y|e)[ \t]+)?[A-Z][\w’'-]{0,40}){0,3}"
    )
    name = re.compile(
        rf"(?<![\w’'-])(?:[A-Z][\w’'&-]{{0,40}}[ \t]+(?:(?:of|for|and|the|&)[ \t]+)?){{0,5}}"
        rf"(?:{words})\.?(?:{tail}){{0,2}}(?![\w-]|[’'](?!s\b|[ \t]))"
    )
    # the head words after no word character or "-": found with finditer_not_after (a look-behind first
    # would have the regex engine try every character instead of skipping to the words' first letters)
    return re.compile(rf"(?:{words})(?![\w-])"), name


def _org_windows(text: str, start: int, end: int, heads: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """Disjoint stretches of ``text[start:end]`` around the head words: the only places a name can be.

    The head words are found with one fast scan; the full name pattern then
    runs only near them (it would otherwise be tried at every character).
    """
    return merged_windows(
        (max(start, h.start() - _ORG_BEFORE), min(end, h.end() + _ORG_AFTER))
        for h in finditer_not_after(heads, text, start, end, "-")
    )


@functools.cache
def _name_tails() -> frozenset[str]:
    """Company suffixes and the words that end an organisation's name ("Inc", "Group"): built once, not per parse."""
    words = entity_words()
    return words.company_suffixes | words.org_name_tails


def _span_windows(
    text: str, spans: Iterable[tuple[int, int]], heads: re.Pattern[str], sites: list[int] | None = None
) -> Iterator[tuple[int, int]]:
    """:func:`_org_windows` of each span in turn, from one scan of the whole text for the head words (a scan per
    paragraph costs a call each), or from their ``sites`` in a scan shared with other word lists. A head word
    holds no white space, so none crosses a span's edge where white space is (as paragraphs' edges are): those
    of the whole text's inside a span are the span's own. A span with another character at an edge is scanned
    alone."""
    n = len(text)
    found = (
        finditer_not_after(heads, text, 0, n, "-") if sites is None else finditer_sited(heads, sites, text, 0, n, "-")
    )
    hits = [(h.start(), h.end()) for h in found]
    firsts = [a for a, _ in hits]
    for s, e in spans:
        if (s > 0 and not text[s - 1].isspace()) or (e < n and not text[e].isspace()):
            yield from _org_windows(text, s, e, heads)
            continue
        k = bisect.bisect_left(firsts, s)
        if k == len(hits) or firsts[k] >= e:
            continue  # no head word: no window (the usual paragraph)
        j = bisect.bisect_left(firsts, e, k)
        yield from merged_windows((max(s, a - _ORG_BEFORE), min(e, b + _ORG_AFTER)) for a, b in hits[k:j])


@functools.lru_cache(maxsize=4)
def _title_words(gaz: Gazetteer) -> frozenset[str]:
    """The last words of the gazetteer's titles that name a person ("Minister", "Secretary", "Ambassador"; not
    "State" of "Secretary of State", nor "General", which opens "General Assembly of ...")."""
    last = {t.split()[-1] for t in gaz.data.get("titles", {}).get("full", ())}
    return frozenset(
        last
        - {"Defence", "Defense", "Security", "State", "Staff", "Treasury", "Justice", "Executive"}
        - {"General", "Chief"}
    )


def org_head_words(gaz: Gazetteer) -> frozenset[str]:
    """The words that end an organisation's name ("Ministry", "Bank"), for a shared
    :class:`~kit.parse.patterns.WordSites` scan of a text."""
    return _heads(gaz)


@functools.lru_cache(maxsize=4)
def whole_name_heads(gaz: Gazetteer) -> frozenset[str]:
    """The words that end an organisation's whole name: the head words, the institutions ("Senate") and
    "House"."""
    return _heads(gaz) | entity_words().institution_words | {"House"}


@functools.lru_cache(maxsize=4)
def _heads(gaz: Gazetteer) -> frozenset[str]:
    """The words that end an organisation's name: built once per gazetteer, not per text."""
    return (frozenset(gaz.data.get("titles", {}).get("not_name_words", ())) | entity_words().org_heads) - {
        "Staff",
        "Mills",
        "House",
    }


def find_organizations(
    text: str, spans: Iterable[tuple[int, int]], gaz: Gazetteer, *, sites: WordSites | None = None
) -> tuple[Organization, ...]:
    """Organisations named with an organisation word, with their bracketed acronyms. ``sites``: the text's shared
    scan for :func:`org_head_words` (optional: the same organisations, found faster)."""
    heads = _heads(gaz)
    head_re, pattern = _org_patterns(heads)
    titles = _title_words(gaz)
    words = entity_words()
    found: dict[str, Organization] = {}
    for start, end in _span_windows(text, spans, head_re, sites.of(heads) if sites is not None else None):
        for m in pattern.finditer(text, start, end):
            name = m.group()
            tokens = name.split()
            while tokens and (tokens[0] in _NOT_FIRST or tokens[0] in words.not_org_first or tokens[0].islower()):
                tokens.pop(0)
            while len(tokens) > 2 and tokens[0].endswith(words.modifier_endings):
                tokens.pop(0)  # "the Norvo-based Kestrel Ministries" (but "the Republican-led Congress" stays whole)
            if _people_before_of(tokens, words):  # "Ann Lee of Zentrix Holdings", "Ivo Marsk and Ada Vell of
                tokens = tokens[tokens.index("of") + 1 :]  # Norvo Bank": people, then their employer
                while tokens and tokens[0] == "the":
                    tokens.pop(0)
            joined = next(
                (
                    i
                    for i, t in enumerate(tokens[:-1])
                    if t in ("and", "&") and i >= 2 and tokens[i - 1].rstrip(".,") in words.company_suffixes
                ),
                None,
            )
            if joined is not None:  # "Zentrix Inc and Norvo Laboratories": two companies, the first closed by "Inc"
                first = " ".join(tokens[:joined])
                if (fid := snake_id(first)) not in found and gaz.entity_of(first) is None:
                    found[fid] = Organization(first, m.start() + m.group().index(tokens[0]), ())
                tokens = tokens[joined + 1 :]
            owner = max((i for i, t in enumerate(tokens[:-1]) if t.endswith(("’s", "'s"))), default=-1)
            if owner >= 1 and tokens[owner][:-2] in words.company_suffixes:
                # "Zentrix Inc's Paramount Pictures": the owner is a company too, and the rest its own name
                owned = " ".join(tokens[:owner] + [tokens[owner][:-2]])
                if owned.split()[0][:1].isupper() and (oid := snake_id(owned)) not in found:
                    found[oid] = Organization(
                        owned, m.start() + m.group().index(tokens[0]), (" ".join(tokens[:owner]),)
                    )
                tokens = tokens[owner + 1 :]
            elif owner >= 0 and len(tokens) - owner - 1 >= 3:
                tokens = tokens[owner + 1 :]  # "Norland’s Kestrel Valley Gazette" (but "China's Foreign Ministry")
            if tokens and tokens[-1].endswith(".") and tokens[-1][:-1].lower() not in _GENERIC:
                tokens[-1] = tokens[-1][:-1]  # "… the Boston Herald." ends a sentence; "Acme Corp." keeps its dot
            while len(tokens) > 2 and tokens[-1] in DAYS_AND_MONTHS:
                tokens.pop()  # "the Bank of Norvo Thursday raised ...": the day is no part of the name
            if len(tokens) < 2 or gaz.entity_of(" ".join(tokens)) is not None:
                continue
            if _BUILDING_AFTER.match(text, m.end()):
                continue  # "the Tarvo Office Building", "the Vell Bank Tower": a building named after the body
            if _PORTFOLIO_TITLE_AFTER.match(text, m.end()) and _a_states(tokens[:-1], gaz):
                continue  # "Norland Finance Minister Ivo Marsk", "the Norlandic Press Secretary": a state's title
            if any(part in words.places for part in " ".join(tokens).split(" and ")):
                continue  # "the West Bank", "the Gaza Strip and West Bank": a place whose last word is "Bank"
            cut = next((i for i, t in enumerate(tokens) if t in ("of", "for")), 0)
            if any(t in titles for t in tokens[:cut]):
                continue  # "Deputy Minister for Finance", "Assistant Secretary for Trade Affairs": a title
            if cut and (title := _title_in_tail(tokens, cut, titles)):
                tokens = tokens[:title]  # "Bank of Norland Governor Ivo Marsk": the body, then a person's title
            elif cut and _led_by_a_titled_person(tokens, cut, titles, words):
                tokens = tokens[:cut]  # "the Kestrel Front of General Ivo Marsk": the body, then its leader
            last_and = max((i for i, t in enumerate(tokens[: cut or None]) if t == "and"), default=-1)
            # "the Ivo and Ada Marsk Foundation": a couple's (a given name after "and" keeps the name whole)
            split = last_and > 0 and last_and + 1 < len(tokens) and tokens[last_and + 1] not in words.given_names
            if split and text[max(0, m.start() - 2) : m.start()] == ", " and m.group().startswith(tokens[0]):
                tokens = tokens[last_and + 1 :]  # "shares in Acme, Zentrix and Vesko Holdings": a list's last item
                if len(tokens) < 2:
                    continue
            elif split and any(t in titles or t in words.given_names for t in tokens[:last_and]):
                tokens = tokens[last_and + 1 :]  # "Lord Vell and Tom Moss and the War Office": people, then the body
                if len(tokens) < 2:
                    continue
            if any(t in _TITLE_CASE_SMALL for t in tokens[1:]):
                continue  # "Network Disputes Claim Of Network's Reporting": a headline in title case
            name = " ".join(tokens)
            acr = _ACRONYM.match(text, m.end(), min(end, m.end() + 14))
            forms: tuple[str, ...] = (acr.group("acr"),) if acr else ()
            if tokens[-1] in words.company_suffixes and len(tokens) > 1:  # "Zentrix Holdings Plc" -> "Zentrix Holdings"
                short = tokens[:-1]
                while len(short) > 1 and short[-1] in words.company_suffixes:
                    short.pop()  # -> "Zentrix"
                stem = " ".join(short)
                if gaz.entity_of(stem) is None and not words.looks_like_place(short) and stem not in words.given_names:
                    forms += (stem,)
            oid = snake_id(name)
            if oid not in found:
                found[oid] = Organization(name, m.start() + m.group().index(tokens[0]), forms)
    return tuple(found.values())


def _people_before_of(tokens: list[str], words: EntityWords) -> bool:
    """Is the name before the first "of" (after the last "and" before it) a person's: two or three capitalised
    words, a given name first, none an organisation's head word ("Ann Lee of Zentrix", "Ivo Marsk and Ada Vell
    of Norvo Bank"; not "the Ivo and Ada Marsk Foundation of Norvo")?"""
    if "of" not in tokens[2:]:
        return False
    of = tokens.index("of", 2)
    person = tokens[max((i for i, t in enumerate(tokens[:of]) if t == "and"), default=-1) + 1 : of]
    return (
        2 <= len(person) <= 3
        and person[0] in words.given_names
        and all(t[:1].isupper() and t not in words.org_heads for t in person)
    )


def _title_in_tail(tokens: list[str], cut: int, titles: frozenset[str]) -> int:
    """Where a person's title stands in the words after an organisation's "of" (at ``cut``), a capitalised word
    before it and a name after it with no "of" ("Bank of Norland Governor Ivo Marsk": 3); 0 when none does
    ("the Office of the Secretary of State", "Council of Ministers")."""
    for i in range(cut + 2, len(tokens) - 1):
        if tokens[i] in titles:
            if tokens[i - 1][:1].isupper() and tokens[i - 1] != "The" and "of" not in tokens[i + 1 :]:
                return i
            return 0
    return 0


def _led_by_a_titled_person(tokens: list[str], cut: int, titles: frozenset[str], words: EntityWords) -> bool:
    """Do a title and a person's name of two words or three follow the organisation's "of" (at ``cut``): "the
    Kestrel Front of General Ivo Marsk", "the Norvo Party of President Ada Vell"? Not "Bank of General Trade"
    (one word), nor when a word after the title is an organisation's head ("of General Norvo Motors Corp")."""
    rest = tokens[cut + 2 :]
    return (
        len(tokens) > cut + 1
        and (tokens[cut + 1] in titles or tokens[cut + 1] == "General")
        and 2 <= len(rest) <= 3
        and all(t[:1].isupper() and t not in words.org_heads for t in rest)
    )


#: A person's title after a portfolio ("Finance Minister", "Press Secretary").
_PORTFOLIO_TITLE_AFTER = re.compile(r"[ \t]+(?:Minister|Secretary)(?![\w’'-])")


def _a_states(tokens: list[str], gaz: Gazetteer) -> bool:
    """Do ``tokens`` name a state or a place, or its people ("Norland", "Norland's", "Norlandic", "New Tarvo")?"""
    name = " ".join(tokens).removesuffix("'s").removesuffix("’s")
    return bool(name) and (gaz.entity_of(name) is not None or name in entity_words().places)


_BUILDING_AFTER = re.compile(r"[ \t]+(?:Building|Buildings|Tower|Towers)(?![\w-])")


def _short_forms(tokens: list[str], tails: frozenset[str]) -> list[str]:
    """The shorter names a company goes by: its name without the trailing words that say what kind of
    company it is, one at a time ("Vesko Chips Corp" -> "Vesko Chips", "Vesko"), and
    without an "of" tail ("Kestrel Bank of Norland" -> "Kestrel Bank"). Longest first.

    >>> _short_forms("Norvo Tarsk American Corp".split(), frozenset({"Corp", "American"}))
    ['Norvo Tarsk American', 'Norvo Tarsk']
    >>> _short_forms("Kestrel Bank of Norland".split(), frozenset({"Bank"}))
    ['Kestrel Bank', 'Kestrel']
    """
    if "of" in tokens[1:]:
        tokens = tokens[: tokens.index("of", 1)]
        out = [" ".join(tokens)] if len(tokens) > 1 else []
    else:
        out = []
    while len(tokens) > 1 and tokens[-1] in tails:
        tokens = tokens[:-1]
        if tokens[-1] in {"and", "&", "the", "for", "at"}:
            break
        out.append(" ".join(tokens))
    return out


def _party_forms(tokens: list[str]) -> list[str]:
    """The name a party of two words ("<word> Party") goes by besides its own: its members in the plural
    ("Conservatives", "Democrats" for the "Democratic Party", "Greens"). Not the word alone: "Nazi", "Socialist"
    qualify other nouns too ("the Socialist daily").

    >>> _party_forms(["Democratic", "Party"]), _party_forms(["Green", "Party"]), _party_forms(["Party", "Hall"])
    (['Democrats'], ['Greens'], [])
    """
    if len(tokens) != 2 or tokens[1] != "Party" or not tokens[0].isalpha():
        return []
    word = tokens[0]
    return [(word[:-2] if word.endswith("atic") else word) + "s"]


def with_short_forms(
    text: str, orgs: tuple[Organization, ...], gaz: Gazetteer, *, not_forms: frozenset[str]
) -> tuple[Organization, ...]:
    """``orgs``, each with the short forms of its name that could be nothing else (:func:`_short_forms`):
    not a place, a state or its demonym, a word of a person's name in the text, nor a word the text also
    writes in lower case ("Power" for "Power Kestrel Ltd" when the text speaks of power), nor one word
    shaped like an adjective ("United", "Conservative": ``adjective_endings``); a form two
    organisations share goes to neither. An organisation the text names by another's short form alone
    is that one ("Kestrel Bank" after "Kestrel Bank of Norland"). The text then names the organisation by them too
    ("Vesko Chips Corp said ... Vesko shares fell").

    >>> import kit
    >>> art = kit.parse("Zentrix Data Systems Inc said on Monday it cut jobs. Zentrix shares fell.")
    >>> [(a.name, a.aliases) for a in art.actors]
    [('Zentrix Data Systems Inc', ('Zentrix Data Systems Inc', 'Zentrix'))]
    """
    words = entity_words()
    tails = _name_tails()
    named = {o.name: o for o in orgs}
    claimed: dict[str, str | None] = {f: o.id for o in orgs for f in o.forms}
    new: dict[str, list[str]] = {}
    for o in orgs:
        tokens = o.name.split()
        if len(tokens) < 2 or any(t.endswith(("’", "'", "’s", "'s")) for t in tokens):
            continue
        members = _party_forms(tokens)  # (the kit's stop words hold "Democrats": their party is named, so they are its)
        for form in _short_forms(tokens, tails) + members:
            ft = form.split()
            if (
                len(form) < 3
                or not form[0].isupper()
                or ft[0] in _NOT_FIRST
                or ft[0] in words.not_org_first
                or (form not in members and all(t in tails or t in not_forms for t in ft))
                or (len(ft) == 1 and (form.upper() == form or form.endswith(words.adjective_endings)))
                or gaz.entity_of(form) is not None
                or form in words.places
                or ft[-1] in words.place_heads
            ):
                continue
            if form in claimed:
                if claimed[form] != o.id:
                    claimed[form] = None  # two organisations' short form: neither's
                continue
            claimed[form] = o.id
            new.setdefault(o.id, []).append(form)
    singles = {f.lower() for forms in new.values() for f in forms if " " not in f}
    lower = written_lower(text, singles) if singles else set()
    # an organisation named by another's short form is that one ("Kestrel Bank" after "Kestrel Bank of Norland")
    merged = {
        named[f].id: named[f]
        for forms in new.values()
        for f in forms
        if f in named and claimed[f] not in (None, named[f].id) and f.lower() not in lower
    }
    out = []
    for o in orgs:
        if o.id in merged:
            continue
        forms = tuple(f for f in new.get(o.id, ()) if claimed[f] == o.id and f.lower() not in lower)
        forms += tuple(g for f in forms if f in named and named[f].id in merged for g in named[f].forms)
        if forms:
            o = Organization(o.name, o.start, tuple(dict.fromkeys(o.forms + forms)))
        out.append(o)
    return tuple(out)
