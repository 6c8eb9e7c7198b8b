"""People without titles and organisations named in the text.

:mod:`kit.parse.people` finds people introduced by a title. This module finds
the rest, from what the text around a capitalised name says:

* a **person**: a name of two to four capitalised words in a speaker slot
  ("said Don Fowler", "Maria Lopez said", "Tom Becker, a spokesman for the
  union, said", "according to Ann Lee"), after an honorific ("Mr. Chen",
  "Dr. Ruth Park", "Sen. Ted Cruz"), with an apposition ("Maria Lopez, 45, a
  nurse"), or a full name whose surname alone is later a speaker ("Donald
  Trump … Trump said"). The apposition gives the role ("spokesman") and the
  organisation it names; the honorific gives nothing but (for Mr./Ms.) the
  gender, which :mod:`kit.parse.speakers` reads from the mention;
* an **organisation**: a capitalised name that ends with an organisation word
  from the gazetteer (``titles.not_name_words``: "Ohio Nurses Association",
  "Democratic National Committee", "Acme Corp."), with the acronym given in
  brackets after it ("(ONA)") as a short form. "the union", "the company",
  "the committee" resolve to the most recent one with that head word.

All scans are forward-only, with look-arounds of a bounded width.

>>> import kit
>>> t = "“We will strike,” said Tom Becker, a spokesman for the Ohio Nurses Association (ONA). Mr. Becker left."
>>> art = kit.parse(t)
>>> [(a.id, a.kind, a.role) for a in art.actors]
[('tom_becker', 'person', 'spokesman'), ('ohio_nurses_association', 'organization', None)]
>>> [art.span(m.start, m.end) for m in art.mentions if m.actor == "ohio_nurses_association"]
['Ohio Nurses Association', 'ONA']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from ..util import snake_id
from .attribution import AUX, MAX_AUX, QUOTING_CUES, SAYING_CUES, alternation
from .gazetteer import Gazetteer
from .patterns import finditer_not_after, lazy_compile
from .people import Person

__all__ = ["Organization", "find_named_people", "find_organizations", "HONORIFICS"]

#: Honorifics before a name; they say nothing of the role ("Mr. Chen", "Dr. Park").
HONORIFICS = (
    "Mr.",
    "Mrs.",
    "Ms.",
    "Miss",
    "Dr.",
    "Rev.",
    "Prof.",
    "Sen.",
    "Rep.",
    "Gov.",
    "Gen.",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
)
_CAP = r"(?:[A-Z][a-zà-ÿ]+(?:[’'-][A-Z]?[a-zà-ÿ]+)*|Mc[A-Z][a-z]+|O[’'][A-Z][a-z]+|[A-Z]\.)"
_CANDIDATE = lazy_compile(
    rf"(?<![\w’'.-]){_CAP}(?:[ \t]+(?:(?:de|van|von|al|bin|da|del|der|la|le)[ \t]+)?{_CAP}){{1,3}}(?:,? Jr\.| III| II)?(?![\w’'-])"
)


@functools.cache
def _cue() -> str:
    return alternation(SAYING_CUES + QUOTING_CUES)


_SLOT_AFTER = lazy_compile(lambda: rf"(?:,[^,;:.“”\"]{{1,90}},)?\s+(?:{AUX}\s+){{0,{MAX_AUX}}}(?:{_cue()})\b")
_SLOT_BEFORE = lazy_compile(lambda: rf"\b(?:{_cue()})\s+$")
_HONORIFIC_BEFORE = lazy_compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Rev|Prof|Sen|Rep|Gov|Gen)\.?\s+$")
_APPOSITION = lazy_compile(
    r",\s+(?:\d{1,3},\s+)?(?:(?:a|an|the|his|her)\s+)?(?P<role>(?:[a-z][\w-]*\s+){0,3}?"
    r"(?:spokes\w+|[a-z]+(?:er|or|ist|ian|ant|ent|man|woman|person))"
    r"|[a-z][\w-]+)(?:\s+(?:for|of|at|with)\s+(?:the\s+)?(?P<org>[A-Z][^,;.()]{1,60}))?"
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


def _words(name: str) -> list[str]:
    return name.replace(",", "").split()


def _is_name(tokens: list[str], gaz: Gazetteer, stop: frozenset[str], orgs: frozenset[str]) -> bool:
    if len(tokens) < 2 or any(t in stop or t.rstrip(".") in orgs for t in tokens):
        return False
    if any(gaz.entity_of(t) is not None for t in tokens) or gaz.entity_of(" ".join(tokens)) is not None:
        return False
    return not all(len(t) == 2 and t.endswith(".") for t in tokens)


def _read_candidate(
    group: str, gaz: Gazetteer, stop: frozenset[str], title_words: frozenset[str], org_words: frozenset[str]
) -> tuple[int, str, str] | None:
    """``(offset of the name in group, name, id)`` once leading non-name words are dropped, or ``None``."""
    tokens = _words(group)
    a = 0
    while tokens and (
        tokens[0] in stop
        or tokens[0].rstrip(".") in stop
        or tokens[0] in title_words
        or tokens[0] in ("of", "the")
        or gaz.entity_of(tokens[0]) is not None
    ):
        a = group.index(tokens[1], a + len(tokens[0])) if len(tokens) > 1 else len(group)
        tokens.pop(0)
    if not _is_name(tokens, gaz, stop, org_words):
        return None
    name = " ".join(tokens)
    return a, name, snake_id(name)


def find_named_people(
    text: str,
    spans: Iterable[tuple[int, int]],
    gaz: Gazetteer,
    *,
    exclude: Iterable[str] = (),
    known: Iterable[str] = (),
) -> tuple[Person, ...]:
    """Untitled people (see the module doc), in order of first mention; ``known`` ids are skipped."""
    t = gaz.data.get("titles", {})
    stop = frozenset(t.get("not_names", ())) | frozenset(
        "New North South East West January February March April May June July August September October "
        "November December Democrat Democrats Republican Republicans GOP God Christmas Easter Super".split()
    )
    org_words = frozenset(t.get("not_name_words", ())) | frozenset(("News", "Post", "Times", "Journal", "Network"))
    title_words = frozenset(
        w for key in ("full", "modifiers", "portfolios", "offices") for x in t.get(key, ()) for w in x.split()
    ) | frozenset(a.rstrip(".") for a in t.get("abbreviations", {}))
    known_ids = set(known)
    skip = {snake_id(n) for n in exclude} | known_ids
    longest_known = max((len(k) for k in known_ids), default=0)
    found: dict[str, Person] = {}
    weak: list[tuple[str, int, int]] = []
    # A candidate's reading depends only on its own text: read each distinct one once (names repeat).
    read: dict[str, tuple[int, str, str] | None] = {}
    for start, end in spans:
        for m in _CANDIDATE.finditer(text, start, end):
            group = m.group()
            if group not in read:
                read[group] = _read_candidate(group, gaz, stop, title_words, org_words)
            got = read[group]
            if got is None:
                continue
            delta, name, pid = got
            if pid in skip or pid in found or _ends_with_known(pid, known_ids, longest_known):
                continue
            a = m.start() + delta
            b = a + len(text[a : m.end()])
            before = text[max(start, a - 40) : a]
            role, strong = None, False
            app = _APPOSITION.match(text, b, min(end, b + 160))
            if app and app.group("role") and app.group("role").split()[0] not in ("who", "which", "said", "says"):
                role, strong = " ".join(app.group("role").split()), True
            if (
                _HONORIFIC_BEFORE.search(before)
                or _SLOT_BEFORE.search(before)
                or _SLOT_AFTER.match(text, b, min(end, b + 160))
                or before.lower().endswith("according to ")
                or before.endswith(("— ", "― "))
            ):
                strong = True
            if strong:
                found[pid] = Person(pid, name, role or "", None, a, b)
            else:
                weak.append((name, a, b))
    if weak:  # "Donald Trump … Trump said": a full name whose surname is a speaker
        speakers = _surname_speakers(text, spans)
        for name, a, b in weak:
            pid = snake_id(name)
            if pid not in found and pid not in skip and (name.split()[-1] in speakers or _SUBJECT_VERB.match(text, b)):
                found[pid] = Person(pid, name, "", None, a, b)
    surnames = {p.name.split()[-1] for p in found.values()} | {k.split("_")[-1] for k in known_ids}
    for start, end in spans:  # "Mr. Chen" with no full name anywhere: a person named by surname
        for m in finditer_not_after(_HONORIFIC_NAME.compiled, text, start, end, "."):
            n = m.group("n")
            pid = snake_id(n)
            if (
                n.lower() not in surnames
                and n not in surnames
                and pid not in found
                and pid not in skip
                and n not in stop
                and gaz.entity_of(n) is None
            ):
                found[pid] = Person(pid, n, "", None, m.start("n"), m.end("n"))
                surnames.add(n)
    return tuple(sorted(found.values(), key=lambda p: p.start))


def _ends_with_known(pid: str, known: set[str], longest: int) -> bool:
    """Does ``pid`` end with ``"_" + k`` for a known id ``k`` ("x_john_kerry" after "john_kerry")?

    A set look-up for each ``_`` among the last ``longest + 1`` characters: never a walk
    through the known ids (many people can share a surname).
    """
    i = pid.find("_", max(0, len(pid) - longest - 1))
    while i >= 0:
        if pid[i + 1 :] in known:
            return True
        i = pid.find("_", i + 1)
    return False


_SUBJECT_VERB = lazy_compile(r"\s+(?:has|had|is|was|will|would|[a-z]{3,}ed)\b")
# Found with finditer_not_after(..., "."): a look-behind at the start would slow the scan down.
_HONORIFIC_NAME = lazy_compile(r"(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+(?P<n>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w’'-]| [A-Z])")
_SURNAME_SLOT = lazy_compile(
    lambda: (
        rf"(?<![\w’'.-])(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?\s+)?(?P<n>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
        rf"(?:,[^,;:.“”\"]{{1,90}},)?\s+(?:{AUX}\s+){{0,{MAX_AUX}}}(?:{_cue()})\b"
    )
)


_CUE_SURNAME = lazy_compile(lambda: rf"\b(?:{_cue()})\s+(?P<n>[A-Z][a-z]+)\b")


def _surname_speakers(text: str, spans: Iterable[tuple[int, int]]) -> set[str]:
    out: set[str] = set()
    for start, end in spans:
        for m in _SURNAME_SLOT.finditer(text, start, end):
            out.add(m.group("n"))
        for m in _CUE_SURNAME.finditer(text, start, end):
            out.add(m.group("n"))
    return out


#: An organisation's name reaches at most this far before its head word ("… Association"), and after it.
_ORG_BEFORE, _ORG_AFTER = 240, 160


@functools.lru_cache(maxsize=4)
def _org_patterns(heads: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(the head words alone, a whole organisation name): compiled once per word list, not per parse."""
    words = alternation(tuple(sorted(heads)))
    name = re.compile(
        rf"(?<![\w’'-])(?:[A-Z][\w’'&-]{{0,40}}[ \t]+(?:(?:of|for|and|the|&)[ \t]+)?){{0,5}}"
        rf"(?:{words})\.?(?:[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w’'-]{{0,40}}(?:[ \t]+[A-Z][\w’'-]{{0,40}}){{0,2}})?(?![\w’'-])"
    )
    return re.compile(words), name


def _org_windows(text: str, start: int, end: int, heads: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """Disjoint stretches of ``text[start:end]`` around the head words: the only places a name can be.

    The head words are found with one fast scan; the full name pattern then
    runs only near them (it would otherwise be tried at every character).
    """
    lo = hi = -1
    for h in heads.finditer(text, start, end):
        a, b = max(start, h.start() - _ORG_BEFORE), min(end, h.end() + _ORG_AFTER)
        if a > hi:
            if hi > lo:
                yield lo, hi
            lo = a
        hi = b
    if hi > lo:
        yield lo, hi


def find_organizations(text: str, spans: Iterable[tuple[int, int]], gaz: Gazetteer) -> tuple[Organization, ...]:
    """Organisations named with an organisation word, with their bracketed acronyms."""
    heads = frozenset(gaz.data.get("titles", {}).get("not_name_words", ())) - {"Staff", "Office", "Mills", "House"}
    head_re, pattern = _org_patterns(heads)
    found: dict[str, Organization] = {}
    for start, end in (w for s, e in spans for w in _org_windows(text, s, e, head_re)):
        for m in pattern.finditer(text, start, end):
            name = m.group()
            tokens = name.split()
            while tokens and tokens[0] in ("The", "A", "An", "But", "And", "In", "At", "On", "For"):
                tokens.pop(0)
            if len(tokens) < 2 or gaz.entity_of(" ".join(tokens)) is not None:
                continue
            name = " ".join(tokens)
            acr = _ACRONYM.match(text, m.end(), min(end, m.end() + 14))
            forms = (acr.group("acr"),) if acr else ()
            oid = snake_id(name)
            if oid not in found:
                found[oid] = Organization(name, m.start() + m.group().index(tokens[0]), forms)
    return tuple(found.values())
