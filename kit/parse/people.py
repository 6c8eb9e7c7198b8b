"""People: named by a title, then by surname.

A person enters the story with a title from the gazetteer's ``titles``
section, in one of two shapes:

* ``[Demonym|State|Organization['s]] <Title> <Name>``: "Secretary of State
  John Kerry", "British Prime Minister David Cameron", "NATO Secretary-General
  Jens Stoltenberg", "Pentagon spokesman John Kirby", "Gen. Martin Dempsey";
* ``<Name>, [the|a|an] [Demonym['s]] <title> [for|of <X>],``: "Philip Hammond,
  the British foreign secretary," or "John Kirby, a spokesman for the
  Pentagon,".

The role is the title (abbreviations spelled out, "Gen." -> "General"); the
country is the gazetteer entity named before the title (or after "for"),
else ``None``. Later the full name, the surname alone ("Kerry", "Hagel
told") or "Mr. Kerry" resolve to the person, unless two people share that
surname. Names that appear in the credits are never people of the story.

>>> import kit
>>> art = kit.load_article()
>>> [(a.id, a.role, a.country) for a in art.actors if a.kind == "person"][:2]
[('john_kerry', 'Secretary of State', None), ('chuck_hagel', 'Defense Secretary', None)]
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..util import snake_id
from .entity_words import entity_words, family_names
from .gazetteer import Gazetteer, GazetteerMatch, gazetteer
from .patterns import (
    COMPILE_FORMS_ABOVE,
    LOWER_LETTERS,
    POSSESSIVE,
    UPPER_LETTERS,
    Forms,
    WordSites,
    finditer_scouted,
    finditer_sited,
    first_not_after,
    lazy_compile,
    scout_pattern,
    sited_in,
    trie_pattern,
    written_lower_near,
)

__all__ = ["Person", "find_people", "one_slip", "person_mentions", "title_first_words"]


@functools.lru_cache(maxsize=4096)
@dataclass(frozen=True)
class Person:
    """A person found by a title: ``start``/``end`` locate the name where introduced."""

    id: str
    name: str
    role: str
    country: str | None
    start: int
    end: int


_UP = UPPER_LETTERS
_WORD = rf"[{_UP}]\w*(?:[’'](?!s\b)\w+)*(?:-\w+(?:[’'](?!s\b)\w+)*)*"
_PARTICLE = r"(?:(?:al|el|bin|ibn|bint|de|del|della|di|da|dos|du|van|von|der|den|le|la|ter|abu)(?:-|\s+))"
# initials before a name: "J. Tarsk", "P.W. Tarsk"
_INITIALS = rf"(?:[{_UP}]\.){{1,3}}"
_NAME = rf"(?:{_INITIALS}\s*)?{_WORD}(?:\s+(?:[{_UP}]\.\s+)?{_PARTICLE}{{0,3}}{_WORD}){{0,3}}"
_TOKEN = re.compile(rf"{_PARTICLE}{{0,3}}{_WORD}|{_INITIALS}")
#: A longer "name" is not one (and every name form stays short: matching them is linear).
_MAX_NAME = 60
#: At most this many titles in a row ("Former Deputy Foreign Minister" is one), modifiers before a title.
_MAX_TITLES, _MAX_MODIFIERS = 4, 4


class _Patterns:
    """Title and name patterns compiled from the gazetteer's ``titles`` data."""

    def __init__(self, gaz: Gazetteer) -> None:
        t = gaz.data.get("titles", {})
        self.abbreviations: dict[str, str] = dict(t.get("abbreviations", {}))
        self.abbreviation_items = tuple(sorted(self.abbreviations.items(), key=lambda kv: -len(kv[0])))
        self.not_names = frozenset(t.get("not_names", ()))
        self.cleaned: dict[tuple[str, bool], tuple[str, int] | None] = {}  # _clean_name's results
        self.not_name_words = frozenset(t.get("not_name_words", ()))
        self.not_openers = frozenset(t.get("not_name_openers", ()))
        self.full_titles = frozenset(t.get("full", ()))
        self.title_words = frozenset(w for x in [*t.get("full", ()), *t.get("modifiers", ())] for w in x.split())
        mods = trie_pattern(t.get("modifiers", ()))
        combos = [f"{p} {o}" for p in t.get("portfolios", ()) for o in t.get("offices", ())]
        capital = [*t.get("full", ()), *combos, *self.abbreviations]
        # "Minister of Trade and Industry", "Secretary of Health, Education and Welfare": an office of one
        # portfolio or a few; "President of the Republic" (not a full title: "Republic" is no title word)
        portfolio = trie_pattern(t.get("portfolios", ()))
        office_of = (
            rf"(?:Minister|Secretary)\s+of\s+(?:the\s+)?(?:{portfolio})(?:(?:,|\s+and)\s+(?:{portfolio})){{0,3}}"
            r"|President\s+of\s+the\s+Republic"
        )
        title = rf"(?:(?:{mods})\s+){{0,{_MAX_MODIFIERS}}}(?:{office_of}|{trie_pattern(capital)})"
        # role words before a name: the gazetteer's and the entity lists' ("analyst", "striker"), one lexicon
        ew = entity_words()
        lowercase = sorted({*t.get("lowercase_before_name", ()), *ew.role_words} - ew.roles_not_before_name)
        lower = trie_pattern(lowercase)
        one = rf"(?:{title}|(?:{lower}))(?![\w-])"
        # "[Prefix] Title Name": the prefix is read from the gazetteer matches.
        before = rf"(?P<title>{one}(?:\s+{one}){{0,{_MAX_TITLES - 1}}})\s+(?P<name>{_NAME})(?!\w)"
        # (compiled only if used: the finders read before_body from a scout or the shared word sites)
        self.before = lazy_compile(rf"(?<![\w-]){before}")
        self.before_body = re.compile(before)  # without the look-behind: for finditer_scouted
        # Every match starts with one of these words: searching for them first is fast.
        firsts = {w.split()[0] for w in [*t.get("modifiers", ()), *capital, *lowercase] if w.split()}
        self.before_scout = re.compile(scout_pattern("-", trie_pattern(firsts))) if firsts else None
        self.before_firsts = frozenset(firsts)
        lowered = sorted({w.lower() for w in [*capital, *lowercase]} | set(capital))
        any_title = (
            rf"(?:(?:{trie_pattern([m.lower() for m in t.get('modifiers', ())])})\s+){{0,{_MAX_MODIFIERS}}}"
            rf"(?:{trie_pattern(lowered)})"
        )
        alias = rf"(?:{gaz.pattern.pattern})"
        # "<Name>, [the] [Prefix] title [for X]": found from its comma (a fast literal
        # scan), then the name is read back from the comma (see _appositions).
        self.apposition_tail = re.compile(
            rf",\s+(?:(?:the|a|an)\s+)?(?:(?P<prefix>{alias})(?:’s|'s)?\s+)?"
            rf"(?P<title>{any_title})(?:\s+(?:for|of|to)\s+(?:the\s+)?(?P<for>{alias}))?(?=\s*[,;.)—–])"
        )
        self.apposition_name = re.compile(rf"(?<![\w’'-]){_NAME}(?=,)")


@functools.lru_cache(maxsize=4)
def _patterns(gaz: Gazetteer) -> _Patterns:
    return _Patterns(gaz)


def title_first_words(gaz: Gazetteer) -> frozenset[str]:
    """Every word a title before a name starts with (for a :class:`~kit.parse.patterns.WordSites` shared scan)."""
    return _patterns(gaz).before_firsts


@functools.lru_cache(maxsize=1024)
def _role(title: str, abbreviations: tuple[tuple[str, str], ...]) -> str:
    title = " ".join(title.split())
    if "." in title:
        for abbr, full in abbreviations:
            title = re.sub(rf"(?<![\w.]){re.escape(abbr)}", full, title)
    if title != title.lower():
        return title
    return re.sub(r"(?<![\w’'])(?!(?:of|for|the|and)\b)([a-z])", lambda m: m.group(1).upper(), title)


def _clean_name(name: str, start: int, pats: _Patterns, gaz: Gazetteer, *, leading: bool) -> tuple[str, int] | None:
    """Trim stop words off a candidate name; ``None`` if nothing name-like is left.

    Returns the name and where it starts (``start`` + its offset in ``name``).
    """
    if len(name) > 4 * _MAX_NAME:  # never a name: not worth remembering (the memo outlives the parse)
        found = _clean(name, pats, gaz, leading=leading)
        return None if found is None else (found[0], start + found[1])
    key = (name, leading)
    if key not in pats.cleaned:
        if len(pats.cleaned) > 50_000:
            pats.cleaned.clear()  # a memo, not a store: keep it small
        pats.cleaned[key] = _clean(name, pats, gaz, leading=leading)
    found = pats.cleaned[key]
    return None if found is None else (found[0], start + found[1])


def _clean(name: str, pats: _Patterns, gaz: Gazetteer, *, leading: bool) -> tuple[str, int] | None:
    tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(name)]
    if leading:
        while tokens and (
            tokens[0][0] in pats.not_names
            or tokens[0][0] in pats.title_words
            or gaz.entity_of(tokens[0][0]) is not None
        ):
            tokens.pop(0)
    while tokens and tokens[-1][0] in pats.not_names:
        tokens.pop()
    if not tokens or any(tok.strip() in pats.not_name_words for tok, _ in tokens):
        return None
    if gaz.entity_of(tokens[0][0]) is not None or tokens[0][0] in pats.not_names or tokens[0][0] in pats.not_openers:
        return None
    if len(tokens) == 1 and _abstract_noun(tokens[0][0]):
        return None  # "the General Election", "Senator Opportunity": the title is an adjective before a noun
    first = tokens[0][1]
    last_tok, last_at = tokens[-1]
    if last_at + len(last_tok) - first > _MAX_NAME:
        return None
    return name[first : last_at + len(last_tok)], first


def _abstract_noun(word: str) -> bool:
    """Is ``word`` shaped like an abstract noun (``abstract_noun_endings``: "Election", "Assessment",
    "Readiness"), with three letters or more before the ending, and no given name ("Constance", "Clement")?
    After a title it is what the title qualifies, not a person's name."""
    words = entity_words()
    return (
        any(word.endswith(e) and len(word) >= len(e) + 3 for e in words.abstract_noun_endings)
        and word not in words.given_names
    )


def find_people(
    text: str,
    spans: Iterable[tuple[int, int]],
    matches: list[GazetteerMatch],
    gaz: Gazetteer,
    *,
    exclude: Iterable[str] = (),
    sites: WordSites | None = None,
) -> tuple[Person, ...]:
    """People introduced by a title in the given paragraph spans, in text order.

    ``matches`` are the gazetteer matches (they give the country before a
    title); names in ``exclude`` (the credits) are skipped. ``sites``: the text's
    shared scan for :func:`title_first_words` (optional: the same people, found faster).
    """
    pats = _patterns(gaz)
    title_sites = sites.of(pats.before_firsts) if sites is not None and pats.before_scout is not None else None
    skip = {snake_id(n) for n in exclude}
    by_end = {m.end: m for m in matches}
    found: list[Person] = []
    for start, end in spans:
        for m in _befores(text, start, end, pats, title_sites):
            cleaned = _clean_name(m.group("name"), m.start("name"), pats, gaz, leading=False)
            if cleaned is None:
                continue
            name, at = cleaned
            title = m.group("title")
            if " " not in name and title == title.lower() and not _one_word_after_a_role(name, title):
                continue  # "spokesman John": too weak for a one-word name
            if name in entity_words().name_suffixes:
                continue  # "Martin Luther King Jr.": "King" is a surname here, not a title
            if name in pats.full_titles:
                continue  # "the Lord Mayor": a title after a title, no name
            if f"{title.split()[-1]} {name}" in pats.full_titles:
                continue  # "Secretary General": a title of two words, no name after it
            if _place_with_a_title(name.split()):
                continue  # "Queen Vell Creek", "Admiral Vell Blvd": a place named with a title, not a person
            country = _prefix_country(text, m.start(), by_end)
            found.append(
                Person(snake_id(name), name, _role(title, pats.abbreviation_items), country, at, at + len(name))
            )
        for name_start, tail in _appositions(text, start, end, pats):
            cleaned = _clean_name(text[name_start : tail.start()], name_start, pats, gaz, leading=True)
            if cleaned is None or " " not in cleaned[0]:
                continue
            name, at = cleaned
            country = None
            for group in ("prefix", "for"):
                if tail.group(group):
                    entity = gaz.entity_of(tail.group(group))
                    country = entity.id if entity else None
                    break
            found.append(
                Person(
                    snake_id(name),
                    name,
                    _role(tail.group("title"), pats.abbreviation_items),
                    country,
                    at,
                    at + len(name),
                )
            )
    found.sort(key=lambda p: p.start)
    multi = {p.name.split()[-1] for p in found if " " in p.name}
    people: dict[str, Person] = {}
    for p in found:
        if p.id in skip or p.id in people or (" " not in p.name and p.name in multi):
            continue
        people[p.id] = p
    return tuple(people.values())


def _one_word_after_a_role(name: str, title: str) -> bool:
    """Is a one-word ``name`` after a role in lower case a person's ("midfielder Vellado", "coach Marsk")? Not a
    given name ("spokesman John": its surname may be cut off), nor after a role that a team or a firm holds
    too ("league leader Norvo", "broker Zentrix")."""
    words = entity_words()
    return (
        len(name) > 3  # "Lt.": an abbreviation
        and name not in words.given_names
        and name not in words.not_speaker_names  # "billionaire Republican": a party, a state
        and title.split()[-1] not in words.roles_of_bodies_too
    )


def _place_with_a_title(tokens: list[str]) -> bool:
    """Does a name after a title end with a place's last word ("Queen Vell Creek"), and open with no given name
    ("Professor Tom Lodge" is a person)?"""
    words = entity_words()
    return tokens[-1] in words.place_heads and (len(tokens) == 1 or tokens[0] not in words.given_names)


def _befores(
    text: str, start: int, end: int, pats: _Patterns, sites: list[int] | None = None
) -> Iterable[re.Match[str]]:
    """``pats.before.finditer(text, start, end)``, faster: tried only where a title word starts after
    a character that ends a word (:func:`~kit.parse.patterns.finditer_scouted`, or the ``sites`` of a
    scan shared with other word lists; none at all in a paragraph without such a site)."""
    if sites is not None:
        if not sited_in(sites, start, end):
            return ()  # no title word in the paragraph (the usual one)
        return finditer_sited(pats.before_body, sites, text, start, end, "-")
    if pats.before_scout is None:
        return pats.before.finditer(text, start, end)
    return finditer_scouted(pats.before_body, pats.before_scout, text, start, end, "-")


def _appositions(text: str, start: int, end: int, pats: _Patterns) -> Iterator[tuple[int, re.Match[str]]]:
    """``(name start, tail match)`` for each "<Name>, the <title>," in ``text[start:end]``.

    The same matches, left to right, as one regex ``<Name><tail>`` would find,
    but scanning for the tail (it starts with a comma) is much faster. A name
    cannot contain a comma, so it lies after the previous comma.
    """
    pos = start
    while True:
        tail = pats.apposition_tail.search(text, pos, end)
        if tail is None:
            return
        comma = tail.start()
        lo = max(pos, text.rfind(",", pos, comma) + 1)
        name = pats.apposition_name.search(text, lo, comma + 1)
        if name is None:
            pos = comma + 1
            continue
        yield name.start(), tail
        pos = tail.end()


_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z]")
_CAPITAL_BEFORE = re.compile(r"(?:^|[^\w’'.])[A-Z][\w’'-]*[ \t]+$")


def _inside_capitals(text: str, a: int, b: int) -> bool:
    """Does a capitalised word follow ``text[a:b]``, or one stand before it (not after a full stop)?"""
    return _CAPITAL_AFTER.match(text, b) is not None or _CAPITAL_BEFORE.search(text, max(0, a - 30), a) is not None


def _a_family_name(word: str, gaz: Gazetteer) -> bool:
    """Can ``word``, the first of a full name, name its person alone: a capitalised word of letters, not an
    initial, nor a word that never opens a person's name ("Vesk" of Vesk Tarn Lo, not "J." nor "New")?"""
    words = entity_words()
    return (
        len(word) > 2
        and word.isalpha()
        and word[0].isupper()
        and not word.isupper()
        and word not in words.not_person_first
        and word not in words.not_names_alone
        and word not in words.sentence_openers  # "Your"
        and word not in words.place_heads
        and word not in words.org_heads
        and not word.endswith(words.adjective_endings)  # "Democratic", "Dynamic": an adjective
        and word not in _patterns(gaz).not_names
        and word not in _patterns(gaz).title_words
        and gaz.entity_of(word) is None
    )


def _prefix_country(text: str, title_start: int, by_end: dict[int, GazetteerMatch]) -> str | None:
    """The entity named right before a title ("British", "Iraq’s", "the Pentagon's")."""
    for gap in (" ", "’s ", "'s "):
        at = title_start - len(gap)
        if text[at:title_start] == gap and at in by_end:
            return by_end[at].entity.id
    return None


@functools.cache
def _long_words_from(initial: str) -> re.Pattern[str]:
    """A capitalised word of six letters or more that starts with ``initial``: a misspelled surname may be one
    (see :func:`_misspelled_surnames`; the capital first, then the look-behind, the letters read possessively:
    the regex engine skips to that capital)."""
    first = first_not_after(re.escape(initial), "’'.-")
    return re.compile(first + f"[{LOWER_LETTERS}]{{5,}}" + POSSESSIVE + r"(?![\w-])")


def _misspelled_surnames(
    text: str, people: Iterable[Person], owners: dict[str, list[Person]], full_names: dict[str, str]
) -> dict[str, Person]:
    """``{word: person}`` for each capitalised word of the text that is one typing slip (a letter dropped, added,
    changed, or two swapped; its capital kept) from the surname of one person of ``people`` only, and is no
    word the kit reads otherwise: no given name, listed family name, place, gazetteer name, nor a name or short form already
    ("Marksovic" for Ivo Marskovic, "Tarvesen" for Ada Tarvessen; not "Jones" for Tom Jone: a surname of its
    own). Surnames of six letters or more: shorter ones are too near to others ("Allen", "Allan")."""
    surnames: dict[str, list[Person]] = {}
    for p in people:
        tokens = p.name.split()
        if len(tokens) > 1 and len(tokens[-1]) >= 6 and tokens[-1].isalpha():
            surnames.setdefault(tokens[-1], []).append(p)
    if not surnames:
        return {}
    keys: dict[str, set[str]] = {}  # a surname and each of its forms with one letter dropped -> the surnames
    for s in surnames:
        for k in (s, *(s[:i] + s[i + 1 :] for i in range(len(s)))):
            keys.setdefault(k, set()).add(s)
    words = entity_words()
    gaz = gazetteer()
    first_at: dict[str, int] = {}
    for initial in {s[0] for s in surnames}:  # a slip keeps the first letter (a capital is seldom mistyped)
        for m in _long_words_from(initial).finditer(text):
            first_at.setdefault(m.group(), m.start())
    out: dict[str, Person] = {}
    for w in first_at.keys() - surnames.keys() - owners.keys():
        near = set().union(*(keys.get(k, ()) for k in (w, *(w[:i] + w[i + 1 :] for i in range(len(w))))))
        near = {s for s in near if one_slip(w, s) and not _plural_of(w, s)}
        if len(near) != 1 or w in full_names:
            continue
        (s,) = near
        if (
            len(surnames[s]) == 1
            and w not in words.given_names
            and w not in family_names()
            and w not in words.places
            and w not in words.place_heads
            and w not in words.org_heads
            and w not in words.demonym_nouns
            and gaz.entity_of(w) is None
        ):
            if not written_lower_near(text, first_at[w], w):  # "Street", "Session": a common word
                out[w] = surnames[s][0]
    return out


def _plural_of(a: str, b: str) -> bool:
    """Is one word the other with a plural's "s" ("the Marsks": a family, not one of them)?"""
    return a == b + "s" or b == a + "s"


def one_slip(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` one letter dropped, added or changed, or two neighbours swapped, apart?"""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((i for i in range(len(short)) if short[i] != long_[i]), len(short))
    return short[i:] == long_[i + 1 :]


def person_mentions(
    text: str,
    spans: Iterable[tuple[int, int]],
    people: tuple[Person, ...],
    lower_near: Callable[[str, int, str], bool] | None = None,
) -> list[tuple[str, int, int]]:
    """``(person id, start, end)`` for every full name, surname and given name (of a name whose first
    word is in ``given_names.txt``); a short form several people share goes to the one the text names
    in full most often, a given name several people share to the one of them named last before it.
    ``lower_near(text, at, word)``: is the word also written in lower case near ``at``? With it, the first word
    of a name that no given name opens names the person too, when it is no other's short form and no common
    word ("Vesk" for Vesk Tarn Lo: a family name written first)."""
    full_names = {p.name: p.id for p in people}
    given = entity_words().given_names
    suffixes = entity_words().name_suffixes
    owners: dict[str, list[Person]] = {}  # surname (or first + last name) -> the people it may name
    for p in people:
        tokens = p.name.split()
        while len(tokens) > 2 and tokens[-1] in suffixes:
            tokens = tokens[:-1]  # "Tom Moss III" -> "Moss"
            tokens[-1] = tokens[-1].rstrip(",")
        short = [tokens[-1]] if len(tokens) > 1 else []
        if len(tokens) > 2:
            short.append(f"{tokens[0]} {tokens[-1]}")
        if len(tokens) > 1 and tokens[0] in given:  # "Maria" for Maria Kent, once she is introduced
            short.append(tokens[0])
        if "-" in tokens[-1] and tokens[-1].split("-", 1)[0].islower():
            short.append(tokens[-1].split("-", 1)[1])  # al-Abadi -> Abadi
        for form in short:
            if form not in full_names:  # a full name of its own stays that person's
                owners.setdefault(form, []).append(p)
    if not full_names:
        return []
    firsts: set[str] = set()  # the first words of names read as short forms (above)
    if lower_near is not None:
        gaz = gazetteer()
        for p in people:
            first = p.name.split(" ", 1)[0]
            if (
                first != p.name
                and first not in owners
                and first not in full_names
                and first not in given
                and _a_family_name(first, gaz)
                and not lower_near(text, p.start, first)
            ):
                owners[first] = [p]
                firsts.add(first)
    for typo, person in _misspelled_surnames(text, people, owners, full_names).items():
        owners[typo] = [person]  # "Marksovic said" after "Ivo Marskovic": a typing slip
    finder = Forms([*full_names, *owners], compiled=len(text) > COMPILE_FORMS_ABOVE)
    hits = [hit for found in finder.find_spans(text, list(spans), "’'-") for hit in found]
    if firsts:  # a first word alone, not one of a longer capitalised name ("Vesk Road", "Upper Vesk")
        hits = [h for h in hits if h[2] not in firsts or not _inside_capitals(text, h[0], h[1])]
    # one surname, several people ("Ann Lee", "Bob Lee"): the bare surname is the one the text
    # names in full most often (the first introduced on a tie), as news writing uses it
    full = Counter(f for _, _, f in hits if f in full_names)
    owner = {form: max(who, key=lambda p: (full[p.name], -p.start)).id for form, who in owners.items()}
    # one given name, several people ("Tom Moss", "Tom Ray"): a bare "Tom" is the one of them the text named
    # last before it (the rule above only before any of them is named), never all of them merged into one
    shared = {form for form, who in owners.items() if sum(p.name.split()[0] == form for p in who) > 1}
    if not shared:
        return [(full_names[f] if f in full_names else owner[f], a, b) for a, b, f in hits]
    given_of = {p.id: p.name.split()[0] for p in people if p.name.split()[0] in shared}
    latest: dict[str, str] = {}  # shared given name -> the person with it named last
    out = []
    for a, b, f in hits:
        if f in shared:
            pid = latest.get(f, owner[f])
        else:
            pid = full_names[f] if f in full_names else owner[f]
            if pid in given_of:
                latest[given_of[pid]] = pid
        out.append((pid, a, b))
    return out
