"""Organisations named in the text: a capitalised name that ends with an organisation word.

The organisation words are data (the gazetteer's ``titles.not_name_words``: "Ohio Nurses
Association", "Democratic National Committee", "Acme Corp."); an acronym given in brackets
after the name ("(ONA)") is a short form. "the union", "the company", "the committee"
resolve to the most recent one with that head word (:mod:`kit.parse.actors`). The head
words are found with one scan; the full name pattern runs only near them.

>>> import kit
>>> art = kit.parse("Nurses of the Ohio Nurses Association (ONA) walked out. The union said so.")
>>> [(a.id, a.kind) for a in art.actors if a.kind == "organization"]
[('ohio_nurses_association', 'organization')]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from ..util import snake_id
from .attribution import alternation
from .entity_words import entity_words
from .gazetteer import Gazetteer
from .patterns import finditer_not_after, lazy_compile, merged_windows

__all__ = ["Organization", "find_organizations"]

# capitalised because they open a sentence, never the first word of an organisation's name
_NOT_FIRST = frozenset(
    "The A An But And In At On For With When Why How What While If As By From To Of Since After Before "
    "During Under Over Into Onto Unlike Like Despite Although Because Though Once Then So Yet".split()
)
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
    tail = r"[ \t]+(?:of|for|at)[ \t]+(?:the[ \t]+)?[A-Z][\w’'-]{0,40}(?:[ \t]+(?:the[ \t]+)?[A-Z][\w’'-]{0,40}){0,3}"
    name = re.compile(
        rf"(?<![\w’'-])(?:[A-Z][\w’'&-]{{0,40}}[ \t]+(?:(?:of|for|and|the|&)[ \t]+)?){{0,5}}"
        rf"(?:{words})\.?(?:{tail}){{0,2}}(?![\w’'-])"
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


def find_organizations(text: str, spans: Iterable[tuple[int, int]], gaz: Gazetteer) -> tuple[Organization, ...]:
    """Organisations named with an organisation word, with their bracketed acronyms."""
    heads = (frozenset(gaz.data.get("titles", {}).get("not_name_words", ())) | entity_words().org_heads) - {
        "Staff",
        "Office",
        "Mills",
        "House",
    }
    head_re, pattern = _org_patterns(heads)
    words = entity_words()
    found: dict[str, Organization] = {}
    for start, end in (w for s, e in spans for w in _org_windows(text, s, e, head_re)):
        for m in pattern.finditer(text, start, end):
            name = m.group()
            tokens = name.split()
            while tokens and (tokens[0] in _NOT_FIRST or tokens[0] in words.not_org_first or tokens[0].islower()):
                tokens.pop(0)
            if "of" in tokens[2:4] and tokens[0] in words.given_names:  # "Ann Lee of Zentrix Holdings": a person's
                tokens = tokens[tokens.index("of", 2) + 1 :]  # employer
                while tokens and tokens[0] == "the":
                    tokens.pop(0)
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
            if len(tokens) < 2 or gaz.entity_of(" ".join(tokens)) is not None:
                continue
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
