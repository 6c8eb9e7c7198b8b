"""People in lists and line-ups: "Tom Ellery, Ravi Dass and Ian Mole scored".

When most names of a list of capitalised names are people the kit knows (by
full name or surname), the others of the list are people too: a line-up, a
guest list, a team sheet ("Ann Lee (Rovers), Ravi Dass (Hartfield), ...").
So are those of a list of full names (two or three words each) where one is a known
person's that a given name opens ("starred opposite Ivo Marsk, Tarvo Alsk and Kazo
Malvik"), unless one of its names is a place, an organisation's, a gazetteer name or
has a word the text also writes in lower case: then the list is of another kind.
Places, organisations and gazetteer names never are. Likewise, a list that a plural
organisation noun opens ("three listed companies: Acme, Zentrix and Norvo", "banks
such as ...", "websites like ...", "member charities include ...") or whose names are
mostly organisations names organisations (two names joined by "and", one of them a known
organisation's, are two organisations: "Vesko Bank and Tarvo").

>>> import kit
>>> art = kit.parse("Guests included Ava Long, Ravi Dass, Ian Mole and Lou Chen.")
>>> [a.id for a in art.actors if a.kind == "person"]
['ava_long', 'ravi_dass', 'ian_mole', 'lou_chen']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from ..util import snake_id
from .entity_words import entity_words
from .gazetteer import Gazetteer
from .patterns import first_not_after, lazy_compile
from .people import Person

__all__ = ["find_listed_orgs", "find_listed_people", "find_lists"]

# A word is followed by a blank, a comma or the end of the list, never by a word character or ’'-: the
# look-ahead says so at once, so a capitalised word that starts no list fails without being retried at
# each shorter length (the same matches, found faster).
_WORD = r"[A-Z][\w’'-]*[a-z](?![\w’'-])"
_ITEM = (
    rf"{_WORD}(?:[ \t]+(?:(?:de|van|von|der|den|da|del|la|le|du)[ \t]+)?{_WORD}){{0,3}}(?:[ \t]+\([^()\n]{{1,40}}\))?"
)
# after the first name, an acronym too ("two airlines, Vesko and NAIR"; never a person of a line-up)
_LATER = rf"(?:{_ITEM}|[A-Z]{{2,6}}(?![\w’'-]))"
_LIST_BODY = (
    rf"{_ITEM}(?:(?:,[ \t]+{_LATER}){{1,20}},?[ \t]+(?:and|&)[ \t]+{_LATER}"
    rf"|[ \t]+(?:and|&)[ \t]+{_LATER}|(?:,[ \t]+{_LATER}){{2,20}})(?![\w’'-])"
)
# A list after no word character or ’'.-: the look-behind comes after the first capital (first_not_after),
# so the regex engine scans for capitals instead of trying the pattern at every character.
_LIST = lazy_compile(first_not_after("[A-Z]", "’'.-") + _LIST_BODY.removeprefix("[A-Z]"))
_SPLIT = re.compile(r",?[ \t]+(?:and|&)[ \t]+|,[ \t]+")
# Every list has a separator before a capital: ", Ann", "and Ann" or "& Ann". A paragraph with none of them
# (most) is not scanned for lists: one search for any of them is much faster than the list pattern at each capital
# (and than three searches, one per separator).
_SEPARATOR = re.compile(r"(?:,|and|&)[ \t]+[A-Z]")
_BRACKET = re.compile(r"[ \t]+\([^()]*\)$")
_COORDINATED = re.compile(r"[ \t](?:and|&)[ \t]")


_IN_BRACKETS = re.compile(r"\([^()]*\)")


def _split(group: str) -> list[str]:
    """A list's names, split at its commas and "and"s outside brackets ("Ivo Marsk (61st and 80th)" is one)."""
    if "(" not in group:
        return _SPLIT.split(group)
    masked = _IN_BRACKETS.sub(lambda m: "x" * len(m.group()), group)
    out, at = [], 0
    for sep in _SPLIT.finditer(masked):
        out.append(group[at : sep.start()])
        at = sep.end()
    return [*out, group[at:]]


def find_listed_people(
    text: str,
    spans: Iterable[tuple[int, int]],
    gaz: Gazetteer,
    *,
    known: Iterable[Person] = (),
    not_people: frozenset[str] = frozenset(),
    lists: list[tuple[int, int, int]] | None = None,
    lower_near: Callable[[str, int, str], bool] | None = None,
) -> tuple[Person, ...]:
    """The people of each list whose other names are mostly people already ``known``.

    ``not_people``: words that are never (part of) a person's name (stop words, organisation names);
    ``lists``: :func:`find_lists` of the same spans, when already found; ``lower_near(text, at, word)``: is
    the word also written in lower case near ``at`` (a list extended by its names' shape alone leaves it out).
    """
    words = entity_words()
    known = list(known)
    full = {p.name for p in known}
    surnames = {p.name.split()[-1] for p in known}
    found: dict[str, Person] = {}
    for m_start, m_end, _ in find_lists(text, spans) if lists is None else lists:
        group = text[m_start:m_end]
        names = _split(group)
        if "(" in group:  # "Ann Lee (Rovers)": the names without their brackets
            names = [_BRACKET.sub("", part) for part in names]
        people = sum(n in full or n.split()[-1] in surnames for n in names)
        by_shape = people * 2 < len(names) or people < 2
        if by_shape and not (people and _full_names(names, full, words.given_names)):
            continue  # the usual list ("Iraq, Syria and Turkey"): read no further
        items, at = [], m_start
        for name in names:
            at = text.index(name, at)
            items.append((name, at))
            at += len(name)
        new: list[Person] = []
        for n, a in items:
            if n.endswith(("’s", "'s")):
                n = n[:-2]  # "Ada Vell and Varsk’s adviser": the list names Varsk, the owner
            tokens = n.split()
            pid = snake_id(n)
            if n in full or pid in found or tokens[-1] in surnames or n.isupper():
                continue
            if (
                any(t in not_people or t in words.org_heads or t in words.not_in_person_names for t in tokens)
                or words.looks_like_place(tokens)
                or gaz.entity_of(n) is not None
                or any(gaz.entity_of(t) is not None for t in tokens)
                or (by_shape and lower_near is not None and any(lower_near(text, a, t) for t in tokens))
            ):
                if by_shape:  # "Ann Vell, La Tarva and Kestrel Bay": a list of another kind (places)
                    break
                continue
            new.append(Person(pid, n, "", None, a, a + len(n)))
        else:
            found.update((p.id, p) for p in new)
    return tuple(sorted(found.values(), key=lambda p: p.start))


def _full_names(names: list[str], full: set[str], given: frozenset[str]) -> bool:
    """Is every name of the list a full name of two or three words with no particle, one of them a known
    person's that a given name opens ("Ivo Marsk, Tarvo Alsk and Kazo Malvik")? Its other names are people
    too: a list keeps to one kind of name."""
    return any(n in full and n.split()[0] in given for n in names) and all(
        1 <= n.count(" ") <= 2 and not any(t.islower() for t in n.split()) for n in names
    )


# a plural noun for organisations right before a list ("three listed companies: Acme, Zentrix and Norvo",
# "banks such as ..."): the list names organisations (_noun_before)


def _plural(noun: str) -> str:
    """The plural of an organisation noun ("company" -> "companies", "bank" -> "banks")."""
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("s", "x", "ch", "sh")) else "s")


@functools.cache
def _org_plurals() -> frozenset[str]:
    words = entity_words()
    return frozenset(_plural(n) for n in (*words.org_nouns, *words.org_descriptors)) | words.org_list_nouns


def find_listed_orgs(
    text: str,
    spans: Iterable[tuple[int, int]],
    gaz: Gazetteer,
    *,
    known: Iterable[tuple[str, ...]] = (),
    not_orgs: frozenset[str] = frozenset(),
    lists: list[tuple[int, int, int]] | None = None,
) -> list[tuple[str, int]]:
    """``(name, start)`` of the organisations of each list that a plural organisation noun opens ("the
    listed companies: Acme, Zentrix and Norvo") or that names an organisation already ``known`` (each given
    as its names and short forms; one is enough, in a list of any length: "Vesko Bank and Tarvo", "the Norvo
    Ferry Company, Tarvo Freight and Vestex"); a name that is a person's, a place's or a known entity's is left out.

    ``not_orgs``: words that are never (part of) an organisation's name (people's names, stop words).

    >>> from kit.parse.gazetteer import gazetteer
    >>> t = "Trade was halted in three listed companies: Ciments Norvo, Tarlec and Uniplast."
    >>> find_listed_orgs(t, [(0, len(t))], gazetteer())
    [('Ciments Norvo', 44), ('Tarlec', 59), ('Uniplast', 70)]
    """
    words = entity_words()
    plurals = _org_plurals()
    names_known = {f for forms in known for f in forms}
    found: list[tuple[str, int]] = []
    seen: set[str] = set(names_known)
    for m_start, m_end, start in find_lists(text, spans) if lists is None else lists:
        group = text[m_start:m_end]
        if "(" in group:
            continue  # a line-up with clubs in brackets: people
        names = _split(group)
        orgs = sum(n in names_known for n in names)
        if not orgs and _noun_before(text, max(start, m_start - 40), m_start) not in plurals:
            continue  # the usual list ("Iraq, Syria and Turkey"): read no further
        # "in Norvo, Kestrel, Reuters reported": a town and its country (then the sentence's subject), no list
        coordinated = _COORDINATED.search(group) is not None
        at = m_start
        for i, name in enumerate(names):
            at = text.index(name, at)
            tokens = name.split()
            town = not coordinated and i + 1 < len(names) and _a_state(names[i + 1], gaz)
            if (
                not town
                and name not in seen
                and tokens[0] not in words.not_org_first  # "Both Zentrix Inc and KLO": a sentence's first word
                and not any(t in not_orgs or t in words.given_names for t in tokens)
            ):
                if not words.looks_like_place(tokens) and gaz.entity_of(name) is None:
                    if not any(gaz.entity_of(t) is not None for t in tokens):
                        seen.add(name)
                        found.append((name, at))
            at += len(name)
    return found


def _a_state(name: str, gaz: Gazetteer) -> bool:
    """Does ``name`` start with a state the gazetteer knows ("Kestrel" for a country; "Kestrel On Monday": a
    dateline run into the sentence)?"""
    return any(
        (entity := gaz.entity_of(n)) is not None and entity.kind == "state" for n in (name, name.split(" ", 1)[0])
    )


def find_lists(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """``(start, end, paragraph start)`` of every list of capitalised names in the spans ("Ann Lee, Bo Ray and Cy
    Tan"), found once for the people and the organisations of lists."""
    out = []
    lists = _LIST.compiled.finditer  # looked up once: no LazyPattern call per paragraph
    separator = _SEPARATOR.search
    for start, end in spans:
        if separator(text, start, end) is None:
            continue  # no list can be in this paragraph
        out += [(m.start(), m.end(), start) for m in lists(text, start, end)]
    return out


_LIST_OPENERS = ("such as", "including", "like", "namely", "include", "includes", "included")


def _noun_before(text: str, start: int, end: int) -> str:
    """The last word of ``text[start:end]``, lower case, after any ":", ",", "such as", "including" ... at its end
    ("three listed companies: " -> "companies")."""
    head = text[start:end].rstrip(" \t:,")
    for opener in _LIST_OPENERS:
        if head.endswith(opener) and (len(head) == len(opener) or not head[-len(opener) - 1].isalnum()):
            head = head[: -len(opener)].rstrip(" \t:,")
            break
    words = head.rsplit(None, 1)
    return words[-1].lower() if words and words[-1].isalpha() else ""
