"""Organisations known by what surrounds them, not by a head word ("Association", "Corp").

:mod:`kit.parse.organizations` finds names that end with an organisation word.
These rules find the rest, each from data in ``kit/data/entities.json``:

* **news agencies and outlets** by name (``news_agencies``: "Reuters", "Xinhua"),
  or named beside an outlet word (``outlet_words``: "the daily Le Soir", "the
  Ledger newspaper");
* **teams in a result**: both sides of a match verb (``match_verbs``: "Hartfield
  drew with Rovers"), when neither is a person the kit knows;
* **an acronym inside a sentence** of three to six capitals ("traders on NYFEX"),
  unless it is a known name or in ``not_acronyms`` ("GMT", "CEO");
* **a team named after its place**: a place and a capitalised plural ("Baltimore
  Orioles"; the plural alone, "the Orioles", is a short form);
* **a title that starts with an organisation**: a capitalised name, a role word
  (``role_words``) and a person's name ("Harbour Trust chair Maria Kent",
  "Glamorgan off-spinner Rob Croft"), or the name and 's before a given name
  ("Zentrix's Ava Long");
* **one word or an acronym that acts**: an acronym that is not a known name before a
  verb of saying or acting (``acronym_verbs``, ``org_verbs``: "NYFEX said", "the ABU
  fell"), or a capitalised word (or two), named again nearby, that is not a person,
  place or known name, before a verb only organisations do (``org_verbs``: "Zentrix
  shares fell", "Zentrix acquired"). "Zed said" may be a person named by surname.

Scans are forward-only; the last two read back a bounded window from each role
word or verb found.

>>> import kit
>>> art = kit.parse("Harbour Trust chair Maria Kent spoke. Zentrix rose 2 percent, Zentrix said, Reuters reported.")
>>> sorted(a.id for a in art.actors if a.kind == "organization")
['harbour_trust', 'reuters', 'zentrix']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from .entity_words import entity_words
from .gazetteer import Gazetteer
from .patterns import trie_pattern

__all__ = ["find_org_clues"]

_NAME = r"[A-Z][\w&’'-]*[a-zA-Z](?:[ \t]+[A-Z][\w&’'-]*[a-zA-Z]){0,3}"
#: How far back from a role word or a verb its organisation is read.
_REACH = 90


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    w = entity_words()
    places = trie_pattern(sorted(w.places))
    return {
        "agency": re.compile(rf"(?<![\w’'-])(?:{trie_pattern(w.agencies)})(?![\w’'-])"),
        "team": re.compile(
            rf"(?<![\w’'-])(?P<place>{places})[ \t]+(?P<team>(?:[A-Z][a-z]+[ \t]+)?[A-Z][a-z]+s)(?![\w’'-])"
        ),
        "role": re.compile(rf"(?<![\w-])(?:{trie_pattern(w.role_words)})[ \t]+(?=[A-Z][a-z])"),
        "before_role": re.compile(rf"(?<![\w’'.-])(?P<n>{_NAME})(?:’s|'s)?[ \t]+(?:[a-z][\w-]*[ \t]+){{0,2}}$"),
        "verb": re.compile(
            rf"(?<![\w-])(?:(?P<any>{trie_pattern(w.org_verbs)})|{trie_pattern(w.acronym_verbs)})(?![\w-])"
        ),
        "before_verb": re.compile(
            r"(?<![\w’'.-])(?P<n>[A-Z][a-zA-Z]+[a-z](?:[ \t]+[A-Z][a-zA-Z]+[a-z])?|[A-Z]{2,6})"
            r"(?:,[^,;:.“”\"]{1,60},)?[ \t]+(?:(?:has|have|had|also|will|would)[ \t]+)?$"
        ),
        "outlet": re.compile(
            rf"(?<![\w-])(?:{trie_pattern(w.outlet_words)})[ \t]+(?P<n>{_NAME})(?![\w’'-])"
            rf"|(?<![\w’'.-])(?P<m>{_NAME})[ \t]+(?:{trie_pattern(w.outlet_words)})(?![\w-])"
        ),
        "match": re.compile(
            rf"(?<![\w’'.-])(?P<a>{_NAME})[ \t]+(?:{trie_pattern(w.match_verbs)})(?:[ \t]+(?:with|to|against))?"
            rf"[ \t]+(?P<b>{_NAME})(?![\w’'-])"
        ),
        "acronym": re.compile(r"(?<=[a-z,;(] )[A-Z]{3,6}(?![\w’'-])"),
        "possessive": re.compile(rf"(?<![\w’'.-])(?P<n>{_NAME})(?:’s|'s)[ \t]+(?P<g>[A-Z][a-z]+)[ \t]+[A-Z]"),
    }


def find_org_clues(
    text: str,
    spans: Iterable[tuple[int, int]],
    gaz: Gazetteer,
    *,
    not_orgs: frozenset[str] = frozenset(),
    lower_near: Callable[[str, int, str], bool] | None = None,
) -> list[tuple[str, int, tuple[str, ...]]]:
    """``(name, start, short forms)`` of each organisation the rules find, in text order.

    ``not_orgs``: words that are never one (people's names, stop words); ``lower_near(text, at, word)``:
    is the word also written in lower case near ``at`` (a capital that only opens a sentence)?
    """
    w = entity_words()
    p = _patterns()
    out: list[tuple[str, int, tuple[str, ...]]] = []

    def fits(name: str, at: int) -> bool:
        tokens = name.split()
        if any(t in not_orgs or t in w.given_names for t in tokens):
            return False
        if " ".join(tokens) in w.places or tokens[-1] in w.place_heads or any(t in w.places for t in tokens):
            return False  # a place ("Sri Lanka", "Kestrel Bay"); "Le Soir" is not one
        if gaz.entity_of(name) is not None:
            return False
        if any(gaz.entity_of(t) is not None for t in tokens):
            return False
        if lower_near is not None and lower_near(text, at, tokens[0]):
            return False
        if (
            len(tokens) == 1
            and not name.isupper()
            and _opens_sentence(text, at)
            and not _capital_inside(text, at, name)
        ):
            return False  # "Officials said": capitalised only because it opens the sentence
        return name not in w.not_acronyms

    for start, end in spans:
        for m in p["agency"].finditer(text, start, end):
            out.append((m.group(), m.start(), ()))
        for m in p["team"].finditer(text, start, end):
            if m.group("team") not in not_orgs:
                out.append((m.group(), m.start(), (m.group("team"),)))
        for m in p["role"].finditer(text, start, end):
            lo = max(start, m.start() - _REACH)
            b = p["before_role"].search(text, lo, m.start())
            if b and fits(b.group("n"), b.start("n")):
                out.append((b.group("n"), b.start("n"), ()))
        for m in p["possessive"].finditer(text, start, end):
            if m.group("g") in w.given_names and fits(m.group("n"), m.start("n")):
                out.append((m.group("n"), m.start("n"), ()))
        for m in p["verb"].finditer(text, start, end):
            lo = max(start, m.start() - _REACH)
            b = p["before_verb"].search(text, lo, m.start())
            if not b or not fits(b.group("n"), b.start("n")):
                continue
            # a capitalised word may be a surname ("Zed said"): only with a verb no person does, named again
            if b.group("n").isupper() or (m.group("any") and _again(text, b.start("n"), b.group("n"))):
                out.append((b.group("n"), b.start("n"), ()))
        for m in p["outlet"].finditer(text, start, end):
            group = "n" if m.group("n") else "m"
            if fits(m.group(group), m.start(group)):
                out.append((m.group(group), m.start(group), ()))
        for m in p["match"].finditer(text, start, end):
            if fits(m.group("a"), m.start("a")) and fits(m.group("b"), m.start("b")):
                out += [(m.group("a"), m.start("a"), ()), (m.group("b"), m.start("b"), ())]
        for m in p["acronym"].finditer(text, start, end):
            if fits(m.group(), m.start()):
                out.append((m.group(), m.start(), ()))
    out.sort(key=lambda o: o[1])
    return out


def _opens_sentence(text: str, at: int) -> bool:
    before = text[max(0, at - 4) : at].rstrip(' \t“"‘')
    return not before or before[-1] in ".!?:\n"


def _again(text: str, at: int, name: str) -> bool:
    """Is ``name`` written again within a bounded window around ``at``?"""
    window = text[max(0, at - _NEAR) : at + _NEAR]
    return window.count(name) > 1


def _capital_inside(text: str, at: int, word: str) -> bool:
    """Is ``word`` also written, capitalised, inside a sentence near ``at`` (a name, not a common noun)?"""
    window = text[max(0, at - _NEAR) : at + _NEAR]
    return re.search(rf"[a-z,;] {re.escape(word)}\b", window) is not None


_NEAR = 3000
