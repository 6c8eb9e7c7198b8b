"""People without titles (organisations named in the text: :mod:`kit.parse.organizations`).

:mod:`kit.parse.people` finds people introduced by a title. This module finds
the rest, from what the text around a capitalised name says:

* a **person**: a name of two to four capitalised words in a speaker slot
  ("said Don Fowler", "Maria Lopez said", "Tom Becker, a spokesman for the
  union, said", "according to Ann Lee"), after an honorific ("Mr. Chen",
  "Dr. Ruth Park", "Sen. Ted Cruz"), with an apposition ("Maria Lopez, 45, a
  nurse"), or a full name whose surname alone is later a speaker ("Donald
  Trump … Trump said"). The apposition gives the role ("spokesman") and the
  organisation it names; the honorific gives nothing but (for Mr./Ms.) the
  gender, which :mod:`kit.parse.speakers` reads from the mention. A full
  name as the subject of a finite verb is a person too ("Ann Lee went …"), and so is
  one that a relative clause with "who" follows ("Ann Lee, who …").

A name is no person's when it is a place's demonym ("Sri Lankan", "South Korean"), follows an
acronym ("ZTX Data Systems": an organisation's name), or (without a given name) has a word for an
organisation or a work in apposition ("Vesko Tarn, a subsidiary of ...", "Grey Tarsk,
another thriller film"); a number word never
opens one ("One Norvo supporter").

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
from collections.abc import Callable, Iterable

from ..util import snake_id
from .attribution import AUX, INVERTED_CUES, MAX_AUX, QUOTING_CUES, SAYING_CUES, alternation
from .clauses import IRREGULAR_VERBS
from .entity_words import EntityWords, entity_words, family_names
from .gazetteer import Gazetteer, gazetteer
from .patterns import (
    DAYS_AND_MONTHS,
    LOWER_LETTERS,
    POSSESSIVE,
    UPPER_LETTERS,
    any_word_in,
    finditer_not_after,
    first_not_after,
    lazy_compile,
    trie_pattern,
    written_lower_near,
)
from .people import Person

__all__ = [
    "find_named_people",
    "name_stop_words",
    "written_lower_near",
    "NAME_WORD",
    "NOT_FIRST_WORDS",
    "OPENS_SENTENCE",
    "name_word_sets",
]

# a word ("Moss", "Vell-Dorna"), a surname with a capital after its particle ("McRae", "DiTarvo", "VanOsk"),
# "O'Rell", initials
# ("J.", "J.R.")
# (the letters of a word: LOWER_LETTERS; a name may start with any of UPPER_LETTERS: "Élise", "Šimon")
_LOW = f"[{LOWER_LETTERS}]"
# one or more of them (a name, not an f-string: the check for Python 3.10 reads a brace before "+" as possessive)
_LOWS = _LOW + "+"
_CAP = (
    rf"(?:[{UPPER_LETTERS}]{_LOWS}(?:(?:-|[’'](?!s\b))[A-Z]?{_LOWS})*|(?:Mc|Mac|De|Di|Du|La|Le|Van|Von)[A-Z][a-z]{{2,}}"
    r"|O[’'][A-Z][a-z]+"
    r"|[A-Z]\.(?:[A-Z]\.){0,2})"
)
# _CAP after its first capital (the same alternatives, in the same order): a candidate starts with
# first_not_after("[A-Z]", ...) and this, so the regex engine scans for capitals
_CAP_REST = (
    rf"(?:{_LOWS}(?:(?:-|[’'](?!s\b))[A-Z]?{_LOWS})*|(?:(?<=M)c|(?<=M)ac|(?<=[DL])e|(?<=D)[iu]|(?<=L)a"
    r"|(?<=V)an|(?<=V)on)[A-Z][a-z]{2,}|(?<=O)[’'][A-Z][a-z]+"
    r"|\.(?:[A-Z]\.){0,2})"
)
# after no word character or ’'.-: a look-behind checked right after the first capital (first_not_after), so
# a long hyphenated name is not read again from each of its parts (finditer_not_after would: quadratic)
_FIRST_CAP = first_not_after(f"[{UPPER_LETTERS}]", "’'.-")
# a monarch's or a pope's number after one name ("Tarvo III"): a person when that name is a given name
_REGNAL = r"(?:II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XVI)"
_REGNAL_WORD = re.compile(_REGNAL)
_CANDIDATE_SOURCE = (
    rf"{_FIRST_CAP}{_CAP_REST}"
    rf"(?:(?:[ \t]+(?:(?:de|van|von|al|bin|da|del|der|la|le)[ \t]+|(?:al|el)-)?{_CAP}){{1,6}}(?:,? Jr\.| III| II)?"
    rf"|[ \t]+{_REGNAL})(?![\w-]|[’'](?!s\b))"
)
# The letters of a word are read possessively (``++``: never given back one by one when what follows fails):
# whatever follows a word's letters here (a hyphen, an apostrophe, a blank, the end's look-ahead) is no such
# letter, so a shorter run could never match either. The same matches; each capitalised word that starts no
# candidate (most) fails at once.
_CANDIDATE = lazy_compile(
    _CANDIDATE_SOURCE.replace(_LOWS, _LOWS + POSSESSIVE)
    .replace("[a-z]{2,}", "[a-z]{2,}" + POSSESSIVE)
    .replace("[a-z]+", "[a-z]+" + POSSESSIVE)
)


@functools.cache
def _cue() -> str:
    return alternation(SAYING_CUES + QUOTING_CUES)


# a speaker's slot: "X said", "X, R-Ky., said", "the envoy, X, said", "- X: “…”"; "said X", "Said X,", "“…!” beamed X", "— X"
_SLOT_AFTER = lazy_compile(
    lambda: (
        rf"(?:,[^,;:“”\"]{{1,90}},|,)?\s+(?:{AUX}\s+){{0,{MAX_AUX}}}(?:{_cue()})\b|\s*:\s*[“\"‘]"
        rf"|,\s+who\s+(?:(?:has|have|had|also|once|[a-z]+ly)\s+){{0,3}}(?:{_cue()})\b"
    )
)
_SLOT_BEFORE = lazy_compile(
    lambda: (
        rf"(?:\b(?:{_cue()})|(?:^|[.!?]\s+)(?:{alternation(INVERTED_CUES)})"
        rf"|[,!?][”\"]\s+[a-z]{{3,20}}ed|(?:^|\n)\s*[-–—―])\s+$"
    )
)


_FRENCH_OF = (" de ", " de la ", " du ", " des ", " del ", " della ")
_APPOSITION_NOUN = re.compile(
    r",[ \t]+(?:(?:a|an|the)[ \t]+)?(?P<words>(?:(?!(?:of|for|at|with|in|to|and|or)\b)[a-z][\w-]*[ \t]*){1,4})"
)


def _an_org_in_apposition(text: str, at: int, end: int) -> bool:
    """Does an apposition after the name that ends at ``at`` end with a word for an organisation (", a
    subsidiary of", ", the Norland daily") or hold a word for a work (", another thriller film")?"""
    m = _APPOSITION_NOUN.match(text, at, min(end, at + 80))
    if m is None:
        return False
    words = m.group("words").split()
    if words[-1] in _org_words():
        return True
    # ", another thriller film", ", a film based on ...": a work's title, unless a word for a person ends it
    # (", a film director")
    w = entity_words()
    return any(x in w.work_nouns for x in words) and not words[-1].endswith(("er", "or", *w.person_endings))


@functools.cache
def _org_words() -> frozenset[str]:
    """Words for an organisation ("subsidiary", "company", "daily"): as an apposition's last word, they say
    that the name before is an organisation's. Not a word for a person too ("publisher", "producer")."""
    w = entity_words()
    words = (*w.org_descriptors, *w.org_nouns, *w.outlet_words, "publication")
    return frozenset(x for x in words if not x.endswith(("er", "or"))) - {"side", "team"}


def _honorific_words() -> list[str]:
    """Honorifics (kit/data/entities.json) and one-word title abbreviations (the gazetteer's: "Sen.",
    "Gen."), without their dots: the words that show a person's name follows."""
    abbreviations = gazetteer().data.get("titles", {}).get("abbreviations", {})
    titles = [a.rstrip(".") for a in abbreviations if " " not in a]
    return [h for h, _ in entity_words().honorifics] + titles


_HONORIFIC_BEFORE = lazy_compile(lambda: rf"\b(?:{trie_pattern(set(_honorific_words()))})\.?\s+$")
_APPOSITION = lazy_compile(
    r",\s+(?:\d{1,3},\s+)?(?:(?:a|an|the|his|her)\s+)?(?P<role>(?:[a-z][\w-]*\s+){0,3}?"
    r"(?:spokes\w+|[a-z]+(?:er|or|ist|ian|ant|ent|man|woman|person))"
    r"|[a-z][\w-]+)(?:\s+(?:for|of|at|with)\s+(?:the\s+)?(?P<org>[A-Z][^,;.()]{1,60}))?"
)
# Capitalised only because they open a sentence or a headline: never the first word of a name.
_NOT_FIRST = frozenset(
    "Then Said Says Also But And When While After Before Yet Still Now So As If Meanwhile However Instead "
    "Asked Added Told Like Unlike Even Only Both Neither Either Every Each Many Most Some Other Another".split()
) | frozenset(INVERTED_CUES)
# the word after a comma that opens a clause or a phrase, not a role ("the Baltic Sea, after two cables …")
_NOT_ROLE = frozenset(
    "who which that said says after before when while as since because although though if and but or with "
    "without in on at for from to of by during despite including according where whose whom".split()
)
_OPENS_SENTENCE = lazy_compile(r"(?:^|[.!?:]\s*[“\"‘]?|\n\s*[“\"‘]?)\s*$")
# the last character other than white space before where _OPENS_SENTENCE can match (else it matches only
# after a line end)
_ENDS_BEFORE_OPENING = frozenset('.!?:“"‘')


# how the name of a people or of a city's people ends ("Norlandian", "Tarvese", "Norhavener", "Vellani"): before
# a given name, such a word is no part of the name
_DEMONYM_ENDINGS = ("an", "ese", "er", "i")
# a lower-case noun after a name ("the Ivo Marsk film"), not a verb, a linking or a function word
_NOUN_AFTER = re.compile(
    r"[ \t]+(?!(?:and|or|but|of|in|on|at|to|for|with|by|from|as|is|was|are|were|has|had|who|which|that|said|"
    r"says|will|would|can|could)\b)[a-z]{3,}(?!ed\b|ly\b)\b"
)
# an honorific that is a title too ("Lord", "Lady"): before another title word it makes one title with it
_TITLED_HONORIFIC = lazy_compile(lambda: rf"(?:{trie_pattern({t for t, _ in entity_words().gendered_titles})})\b")
_AGE_AFTER = re.compile(r",[ \t]+\d{1,2},")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
_OF_COUNTRY = lazy_compile(
    lambda: rf"[ \t]+of[ \t]+(?:the[ \t]+)?(?:{trie_pattern(sorted(entity_words().countries))})(?![\w’'-])"
)
_GOES_ON = re.compile(r"[ \t]+[A-Z]")  # "the Belgian Kestrel Vale Grand Prix": the name goes on past the candidate


def _names_a_country(word: str, gaz: Gazetteer) -> bool:
    """Is ``word`` a state's demonym or name with 's ("Italian", "Norway's"), or a demonym noun ("Dutchman")?"""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    entity = gaz.entity_of(word)
    return (entity is not None and entity.kind == "state") or word in entity_words().demonym_nouns


#: Compass initials that open a place's name ("S. Korea"): the word they stand for.
_COMPASS_INITIALS = {"N.": "North", "S.": "South", "E.": "East", "W.": "West"}


def _a_places_demonym(tokens: list[str]) -> bool:
    """Is the name a known place's demonym ("Sri Lankan", "South Korean", "Middle Eastern"): the place's name
    with "n", "an" or "ern" after it?"""
    last = tokens[-1]
    if not last.endswith("n"):  # the usual case: no demonym
        return False
    first = [_COMPASS_INITIALS.get(t, t) for t in tokens[:-1]]
    places = entity_words().places
    return any(
        last.endswith(ending) and " ".join([*first, last[: -len(ending)]]) in places for ending in ("n", "an", "ern")
    )


_AMPERSAND_WORD = re.compile(r"[ \t]*&[ \t]*(?P<w>[A-Z][\w.]*)")


def _company_after_ampersand(text: str, at: int) -> bool:
    """Does "& Co" (a company suffix or an organisation word) follow ``at``?"""
    m = _AMPERSAND_WORD.match(text, at)
    return m is not None and (
        m.group("w") in entity_words().company_suffixes or m.group("w") in entity_words().org_heads
    )


def _words(name: str) -> list[str]:
    return name.replace(",", "").split()


_DIRECTIONS = frozenset(("North", "South", "East", "West"))


def _is_name(tokens: list[str], gaz: Gazetteer, stop: frozenset[str], orgs: frozenset[str]) -> bool:
    if not 2 <= len(tokens) <= 4 or any(
        t in stop and not (i and _a_direction_as_surname(tokens)) or t.rstrip(".") in orgs for i, t in enumerate(tokens)
    ):
        return False  # five capitalised words or more are a name after a title or a body, at most
    if len(tokens) == 2 and tokens[0] == tokens[1]:
        return False  # "Vella Vella", "Tarn Tarn": a word said twice names a place or a band, not a person
    if tokens[-1] in entity_words().company_suffixes or (len(tokens[-1]) > 2 and _INITIALS.fullmatch(tokens[-1])):
        return False  # "Zentrix S.A.", "Vesko N.V.": a company's suffix, never a person's initials
    if gaz.entity_of(" ".join(tokens)) is not None:
        return False
    # a surname that is also a place or a state ("Anna Berlin", "Tom Jordan"): after a given name, a surname
    words = entity_words()
    surname_ok = tokens[0] in words.given_names
    given_ok = _given_also_a_word(tokens, words)  # "Jordan Brennan": a given name that is a state's name too
    if any(
        gaz.entity_of(t) is not None and not (surname_ok and i == len(tokens) - 1) and not (given_ok and i == 0)
        for i, t in enumerate(tokens)
    ):
        return False
    return not all(len(t) == 2 and t.endswith(".") for t in tokens)


def _read_candidate(
    group: str,
    gaz: Gazetteer,
    stop: frozenset[str],
    title_words: frozenset[str],
    org_words: frozenset[str],
    lower_words: Callable[[str], bool] | None = None,
    near: tuple[str, int] | None = None,
) -> tuple[int, int, str, str, bool, bool] | None:
    """``(offset of the name in group, of its end, name, id, needs a slot)`` once leading and trailing non-name
    words are dropped, or ``None``. A name that needs a slot is a person only in a speaker's slot or with an
    apposition after it, never for its given name alone.

    ``lower_words``: does the text also write this word in lower case? A group that
    opens a sentence drops such a first word ("Then Abel", "Donor Ray"). ``near``: the text and
    the group's offset, to drop a common word before a given name and a surname anywhere ("Pastor Ann Vole").
    """
    tokens = _words(group)
    a = 0
    words = entity_words()
    while len(tokens) >= 2 and (
        tokens[0] in _NOT_FIRST
        or tokens[0] in words.not_names_alone  # "One Norvo supporter", "Two Norvo-built ferries"
        or tokens[0].endswith(words.modifier_endings)  # "Norhaven-based Zentrix": a modifier
        or lower_words is not None
        and (
            lower_words(tokens[0])
            # "Later Ivo wrote", "My Ada", "Can Ivo win?", "Luckily Ada": a sentence opener, no word of the name (not "Kelly Vell")
            or tokens[0] in words.sentence_openers
            or tokens[0].endswith("ly")
            and tokens[0] not in words.given_names
        )
    ):
        a = group.index(tokens[1], a + len(tokens[0]))
        tokens.pop(0)
    while (
        tokens
        and not _given_also_a_word(tokens, words)
        and (
            tokens[0] in stop
            or tokens[0].rstrip(".") in stop
            or _is_title(tokens[0], title_words)
            or tokens[0] in ("of", "the")
            or gaz.entity_of(tokens[0]) is not None
        )
    ):
        a = group.index(tokens[1], a + len(tokens[0])) if len(tokens) > 1 else len(group)
        tokens.pop(0)
    given = entity_words()
    common = False  # a common word dropped before a given name: no sign of a person by itself
    while (
        len(tokens) > 2
        and tokens[1] in given.given_names
        and (
            tokens[0] in given.not_person_first
            or tokens[0] in given.demonym_nouns
            or tokens[0] not in given.given_names
            and (
                tokens[0].endswith(_DEMONYM_ENDINGS)
                or near is not None
                and (common := common or _a_common_word(tokens[0], *near))
            )
        )
    ):
        # "African Amanda Vole", "Former Tom Roe", "Norlander Ann Vole", "Tarvian Ann Vole"; "Pastor Ann Vole"
        # when the text writes "pastor" in lower case too: a common noun before a given name and a surname
        a = group.index(tokens[1], a + len(tokens[0]))
        tokens.pop(0)
    if len(tokens) == 2 and _REGNAL_WORD.fullmatch(tokens[1]) and tokens[0] not in entity_words().given_names:
        return None  # "Chapter IV", "World XI": a monarch's number follows a given name
    while len(tokens) > 2 and tokens[-1] in DAYS_AND_MONTHS:
        tokens.pop()  # "Tom Moss Wednesday accused …": a day or a month after the name is no part of it
    needs_slot = False
    if not _is_name(tokens, gaz, stop, org_words):
        tail = _name_after_a_body(tokens, gaz, stop, org_words, title_words)
        if tail:  # "Public Prosecutor Ivo Marsk": the name after a title or a body's name
            a = _extent(group, tokens[: len(tokens) - len(tail)], a)
            a = group.index(tail[0], a)
            tokens = tail
        elif _given_name_and_a_place(tokens, gaz, stop, org_words):
            needs_slot = True  # "Tom Norway, an aide": a given name and a surname that names a place
        else:
            return None
    name = " ".join(tokens)
    return a, _extent(group, tokens, a), name, snake_id(name), needs_slot, common


def _a_common_word(word: str, text: str, at: int) -> bool:
    """Is ``word`` (before a given name and a surname, at ``at``) a common word the text also writes in lower
    case ("Pastor Ann Vole" beside "the pastor")? Not an initial, nor a word of capitals ("J. Ann Vole",
    "NZ Ann Vole")."""
    return len(word) > 2 and "." not in word and not word.isupper() and written_lower_near(text, at, word)


def _is_title(word: str, titles: frozenset[str]) -> bool:
    """Is ``word`` a title word, or made of them with a hyphen ("Director-General", "Vice-President"), a
    preposition between ("Editor-in-Chief", "Sergeant-at-Arms")?"""
    if word in titles:
        return True
    if "-" not in word:
        return False
    parts = word.split("-")
    return (
        parts[0].capitalize() in titles
        and parts[-1].capitalize() in titles
        and all(p.capitalize() in titles or p in _TITLE_JOINS for p in parts[1:-1])
    )


# a preposition inside a hyphenated title ("Commander-in-Chief")
_TITLE_JOINS = frozenset(("in", "at", "of"))


def _extent(group: str, tokens: list[str], at: int) -> int:
    """Where in ``group`` the last of ``tokens`` ends, the first found at or after ``at``."""
    for t in tokens:
        at = group.index(t, at) + len(t)
    return at


def _name_after_a_body(
    tokens: list[str], gaz: Gazetteer, stop: frozenset[str], orgs: frozenset[str], titles: frozenset[str]
) -> list[str]:
    """The two or three words after the last word that is never part of a name (a title, an organisation
    word, a gazetteer name: "Harbour Police Ivo Marsk", "Ministry Director-General Ivo Marsk"), or
    else opened by a listed given name; an empty list when there are none."""

    def no_name(t: str) -> bool:
        return t in stop or t.rstrip(".") in orgs or _is_title(t, titles) or gaz.entity_of(t) is not None

    given = entity_words().given_names
    last = max((i for i, t in enumerate(tokens) if no_name(t)), default=-1)
    if last >= 0:  # after a title any name; after a body's word only one opened by a given name (not "Coalition
        tail = tokens[last + 1 :]  # Against Hunger": the body's name goes on)
        if (
            2 <= len(tail) <= 3
            and (_is_title(tokens[last], titles) or tail[0] in given)
            and _is_name(tail, gaz, stop, orgs)
        ):
            return tail
        return []
    for k in range(max(1, len(tokens) - 3), len(tokens) - 1):
        if tokens[k] in given and _is_name(tokens[k:], gaz, stop, orgs):
            return tokens[k:]
    return []


def _a_direction_as_surname(tokens: list[str]) -> bool:
    """Is it a given name that names no place and a compass point, a surname ("Ada West", "Tom North"; not
    "Adelaide West")?"""
    words = entity_words()
    return (
        len(tokens) == 2
        and tokens[1] in _DIRECTIONS
        and tokens[0] in words.given_names
        and tokens[0] not in words.places
        and tokens[0] not in words.given_names_also_words
    )


def _given_name_and_a_place(tokens: list[str], gaz: Gazetteer, stop: frozenset[str], orgs: frozenset[str]) -> bool:
    """Is it a listed given name and one more word that the gazetteer knows ("Tom Norland"), none of them a
    word that is never a name?"""
    return (
        len(tokens) == 2
        and tokens[0] in entity_words().given_names
        and gaz.entity_of(tokens[0]) is None
        and gaz.entity_of(" ".join(tokens)) is None
        and not any(t in stop or t.rstrip(".") in orgs for t in tokens)
    )


@functools.lru_cache(maxsize=4)
def _word_sets(gaz: Gazetteer) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(words that are never names, organisation words, title words): built once per gazetteer, not per text."""
    t = gaz.data.get("titles", {})
    stop = frozenset(t.get("not_names", ())) | frozenset(
        "New North South East West January February March April May June July August September October "
        "November December Democrat Democrats Republican Republicans GOP God Christmas Easter Super".split()
    )
    org_words = (
        frozenset(t.get("not_name_words", ()))
        | frozenset(("News", "Post", "Times", "Journal", "Network"))
        | entity_words().org_heads
    )
    title_words = (
        frozenset(
            w for key in ("full", "modifiers", "portfolios", "offices") for x in t.get(key, ()) for w in x.split()
        )
        | frozenset(a.rstrip(".") for a in t.get("abbreviations", {}))
        # a role word that opens a sentence ("Striker Ivo Marsk", "Reliever Tom Moss") is no part of the name
        | frozenset(r.capitalize() for r in (*entity_words().role_words, *t.get("lowercase_before_name", ())))
    )
    return stop, org_words, title_words


def find_named_people(
    text: str,
    spans: Iterable[tuple[int, int]],
    gaz: Gazetteer,
    *,
    exclude: Iterable[str] = (),
    known: Iterable[str] = (),
) -> tuple[Person, ...]:
    """Untitled people (see the module doc), in order of first mention; ``known`` ids are skipped."""
    stop, org_words, title_words = _word_sets(gaz)
    words = entity_words()
    known_ids = set(known)
    skip = {snake_id(n) for n in exclude} | known_ids
    longest_known = max((len(k) for k in known_ids), default=0)
    found: dict[str, Person] = {}
    weak: list[tuple[str, int, int]] = []
    # A candidate's reading depends only on its own text: read each distinct one once (names repeat).
    read: dict[tuple[str, bool], tuple[int, int, str, str, bool, bool] | None] = {}
    candidates = _CANDIDATE.compiled.finditer  # looked up once: no LazyPattern call per paragraph
    for start, end in spans:
        # a look-behind (after the first capital), not finditer_not_after: a long hyphenated name would be
        # matched again from each of its parts and rejected each time (quadratic)
        for m in candidates(text, start, end):
            group = m.group()
            at = m.start()
            lo = max(start, at - 4)
            before = text[lo:at]
            last = before.rstrip()[-1:]  # (a quick test first: most names follow a word, or a comma)
            opens = (not last or last in _ENDS_BEFORE_OPENING or "\n" in before) and _OPENS_SENTENCE.search(
                text, lo, at
            ) is not None
            if (group, opens) not in read:
                lower = functools.partial(written_lower_near, text, at) if opens else None
                read[group, opens] = _read_candidate(group, gaz, stop, title_words, org_words, lower, (text, at))
            got = read[group, opens]
            if got is None:
                continue
            delta, delta_end, name, pid, needs_slot, common = got
            if pid in skip or pid in found or _ends_with_known(pid, known_ids, longest_known):
                continue
            tokens = name.split()
            if (words.looks_like_place(tokens) or _a_places_demonym(tokens)) and not _given_also_a_word(tokens, words):
                continue  # "Wall Street", "Sri Lanka", "the World Cup"; "Sri Lankan"
            if not words.not_in_person_names.isdisjoint(tokens):
                continue  # "Water Off", "Ivo Against": a title's words, a particle or a preposition in a name
            if _opens_with_an_adjective(tokens, words):
                continue  # "Dynamic Tarvo", "Creative Vesko": an adjective opens a thing's name, not a person's
            a, b = m.start() + delta, m.start() + delta_end
            before = text[max(start, a - 40) : a]
            if tokens[-1] == "No" and _NUMBER_AFTER.match(text, b):
                continue  # "Kestrel Lodge No. 12": a number's abbreviation ends a thing's name
            if before[-1:] in _OPENING_MARKS and text[b : b + 1] in _CLOSING_MARKS | {",", "."} and _closes(text, b):
                continue  # "“Harbour Lights”", "the “Kestrel Bill”": the whole quotation is a title, not a person
            if text.startswith((" &", "&"), b) and _company_after_ampersand(text, b):
                continue  # "Ivo Marsk & Co": a company named after its founder
            prev = before.rsplit(None, 1)[-1] if before.strip() and before[-1:].isspace() else ""
            if prev and (f"{prev} {tokens[0]}" in words.places or prev in words.place_first_words):
                continue  # "St. Louis Comets", "San Francisco Rovers", "San Tarvo de Vell": a place's name goes on
            if before.endswith(_FRENCH_OF):
                continue  # "la pointe de la Grande Vell": a place's name, not a person's ("Tom de Vell" is read whole)
            if 1 < len(prev) < 6 and prev.isupper() and prev.isalpha() and gaz.entity_of(prev) is None:
                continue  # "ZTX Data Systems": an acronym right before opens an organisation's name
            # a given name first ("Maria Kent", "Tom Roe"): a person wherever the name stands
            # (not after a common word dropped: "Haul Ann Vesko", a company, was no person before either)
            role, strong = None, tokens[0] in words.given_names and not needs_slot and not common
            if before.endswith(("the ", "The ")) and not _HONORIFIC_BEFORE.search(before[:-4]):
                if not (strong and _NOUN_AFTER.match(text, b)) and not _qualifies_a_noun(text, b, tokens, words):
                    continue  # "the Night Owls", "the Ivory Coast": "the" opens a thing's name, not a person's
                if (nxt := _NEXT_WORD.match(text, b)) and nxt.group(1) in words.bodies_named_after_people:
                    continue  # "the Ann Vell administration said": the body speaks, not the person
                # "the Ivo Marsk film", "the Edward Marsk translation": a person's name qualifies the noun after it
            app = _APPOSITION.match(text, b, min(end, b + 160))
            if app and app.group("role") and app.group("role").split()[0] not in _NOT_ROLE:
                if tokens[0] not in words.given_names and _an_org_in_apposition(text, b, end):
                    continue  # "Vesko Tarn, a subsidiary of ...": an organisation, not a person
                role, strong = " ".join(app.group("role").split()), True
            if (
                _HONORIFIC_BEFORE.search(before)
                or _SLOT_BEFORE.search(before)
                or _SLOT_AFTER.match(text, b, min(end, b + 160))
                or before.lower().endswith("according to ")
                or before.endswith(("— ", "― ", " – ", " - "))
            ):
                strong = True
            if (
                not strong
                and len(tokens[0]) == 2
                and tokens[0][1] == "."
                and len(tokens[-1]) > 2
                and tokens[-1] not in words.not_person_first  # "S. African": a people
                and text[b:end].strip()  # "D. Pueblo" alone on its line: a choice in a list
            ):
                strong = True  # "J. Crawlo", "M. Wauge": an initial opens a person's name ("P.S. Vesko" may not)
            if not strong and _middle_initial(tokens, words):
                strong = True  # "Ivo K. Marsk", "Tarvo-Lin G. Vesk": a middle initial between two names
            if not strong and _AGE_AFTER.match(text, b):
                strong = True  # "Ivo Marsk, 19, and Tom Moss, 17, went missing": a name with an age
            if not strong and delta and _office_before(group[:delta], gaz):
                strong = True  # "Vice-president Ivo Marsk", "Norland Attorney-General Vell Dorna": a title before it
            if not strong and _OF_COUNTRY.match(text, b, min(end, b + 60)):
                strong = True  # "Sergo Bruvera of Spain": a person, as a team would be one word ("Tarvokos of Greece")
            if not strong and prev and _names_a_country(prev, gaz) and not _GOES_ON.match(text, b):
                strong = True  # "Italian Ivo Marsk", "Norway's Ivo Marsk", "the Dutchman Ivo Marsk"
            if (
                not strong
                and not needs_slot
                and not common
                and not before.endswith(("the ", "The "))
                and _ends_with_a_family_name(tokens, text, a, opens or at == start, words, title_words)
            ):
                strong = True  # "Wataro Brennan", "Rupa Kowalski": an unlisted first word and a family name
            if strong:
                found[pid] = Person(pid, name, role or "", None, a, b)
            elif not needs_slot:
                weak.append((name, a, b))
    if weak:  # "Donald Trump … Trump said": a full name whose surname is a speaker
        speakers = _surname_speakers(text, spans)
        for name, a, b in weak:
            pid = snake_id(name)
            if (
                pid not in found
                and pid not in skip
                and (name.split()[-1] in speakers or _subject_of_a_verb(text, b) or _WHO_AFTER.match(text, b))
            ):
                found[pid] = Person(pid, name, "", None, a, b)
    surnames = {p.name.split()[-1] for p in found.values()} | {k.split("_")[-1] for k in known_ids}
    # "Mr. Chen" with no full name anywhere: a person named by surname (no paragraph is scanned for
    # one when no honorific is in the text: a quick test for any of them, much faster than the regex)
    honorific_spans = spans if any_word_in(text, _honorific_set()) else ()
    for start, end in honorific_spans:
        for m in finditer_not_after(_HONORIFIC_NAME.compiled, text, start, end, "."):
            n = m.group("n")
            pid = snake_id(n)
            if (
                n.lower() not in surnames
                and n not in surnames
                and pid not in found
                and pid not in skip
                and n not in stop
                and not (n in title_words and _TITLED_HONORIFIC.match(m.group()))  # "the Lord Mayor": one title
                and gaz.entity_of(n) is None
            ):
                found[pid] = Person(pid, n, "", None, m.start("n"), m.end("n"))
                surnames.add(n)
    ids = set(found)
    longest = max((len(k) for k in ids), default=0)
    # "Quietly Backs Ann Lee" (a headline) beside "Ann Lee": the longer is not another person
    # (a proper suffix of an id is never that id: ``ids`` itself, not a copy without it for each person)
    kept = [p for p in found.values() if not _ends_with_known(p.id, ids, longest)]
    return tuple(sorted(kept, key=lambda p: p.start))


_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)\b")
_NUMBER_AFTER = re.compile(r"\.[ \t]*\d")


def _opens_with_an_adjective(tokens: list[str], words: EntityWords) -> bool:
    """Does a word shaped like an adjective (``adjective_endings``, seven letters or more, no hyphen) open a name
    with no given name in it ("Dynamic Tarvo", "Creative Vesko", "Metropolitan Norvo")? A person's name opens
    with a given name or a surname, which seldom has that shape; not "-ian" or "-ed", which end given names
    too ("Christian", "Rasheed", "Manfred", and many a name the list lacks)."""
    first = tokens[0]
    return (
        len(first) > 6
        and "-" not in first
        and first.endswith(words.adjective_endings)
        and not first.endswith(("ian", "ed"))
        and not any(t in words.given_names for t in tokens)
    )


def _ends_with_a_family_name(
    tokens: list[str], text: str, at: int, opens: bool, words: EntityWords, titles: frozenset[str]
) -> bool:
    """Is the name two or three words, the last a frequent family name (``family_names.txt``: "Wataro Brennan",
    "Rupa Kowalski"), the first a word of three letters or more that the kit reads as nothing else and the
    text does not write in lower case near ``at``? None in capitals throughout ("KAREN VOLE": a headline),
    none an initial (read before). Not a given name between ("Follow Ada Vell", "Senators Ivo Marsk": the
    first word is no part of that name), nor opening a sentence or a line (``opens``: "Between Brennan and
    Vell", "Following Brennan's win": a common word there may be written in lower case nowhere near). A
    surname alone is no person by this."""
    surnames = family_names()
    if not 2 <= len(tokens) <= 3 or tokens[-1] not in surnames:
        return False
    first = tokens[0]
    if _given_also_a_word(tokens, words):  # "from Orlando Brennan", "with Will Kowalski"
        return not opens and not tokens[1].isupper() and not written_lower_near(text, at, tokens[1])
    if (
        opens
        or first in surnames  # "Vell Marsk": two family names, a firm named after its founders
        or first.endswith(("ian", "ean", "ese", "ish"))  # "Norlandian Ada Marsk": a demonym before the name
        or len(first) < 3
        or first in words.given_names  # a person already, wherever the name stands
        or len(tokens) == 3
        and tokens[1] in words.given_names
        or first in DAYS_AND_MONTHS
        or first in words.places
        or first in words.not_person_first
        or first in words.demonym_nouns
        or first in words.org_heads
        or first in words.not_names_alone
        or first in words.sentence_openers
        or first in words.place_first_words
        or first in words.place_or_surname_heads
        or first in words.place_heads  # "County Vell", "Lake Tarvo": a place's word opens it
        or first in words.greetings  # "Dear Vell"
        or any(first == h for h, _ in words.honorifics)  # "Miss Vell"
        or _is_title(first, titles)
        or first.endswith("s")
        and _is_title(first[:-1], titles)  # "Senators Vell and Marsk"
    ):
        return False
    return all("." not in t and not t.isupper() and not written_lower_near(text, at, t) for t in tokens)


def _given_also_a_word(tokens: list[str], words: EntityWords) -> bool:
    """Is the name two words, a given name the kit otherwise reads as a place or a word (``given_names_also_words``:
    "Orlando", "Christian", "Will") and a listed family name ("Orlando Brennan")?"""
    return len(tokens) == 2 and tokens[0] in words.given_names_also_words and tokens[1] in family_names()


def _middle_initial(tokens: list[str], words: EntityWords) -> bool:
    """Is the name a word, a middle initial and a word ("Ivo K. Marsk")? A person's shape: an organisation or a
    place puts no initial between two words of its name (a place's or an organisation's last word is read
    before: "Harry S. Tarvo Library")."""
    return (
        len(tokens) == 3
        and len(tokens[1]) == 2
        and tokens[1][1] == "."
        and len(tokens[0]) > 2
        and "." not in tokens[0]
        and len(tokens[2]) > 2
        and tokens[0] not in words.not_person_first
    )


def _qualifies_a_noun(text: str, at: int, tokens: list[str], words: EntityWords) -> bool:
    """Does a given name and a surname, ending at ``at`` after "the", qualify a noun that a person's name does
    ("the Edward Marsk translation", "the Ann Vell trial")?"""
    if len(tokens) < 2 or tokens[0] not in words.given_names:
        return False
    m = _NEXT_WORD.match(text, at)
    return m is not None and m.group(1) in words.person_modified_nouns


_OPENING_MARKS = frozenset("“\"‘'")
_CLOSING_MARKS = frozenset("”\"’'")


def _closes(text: str, at: int) -> bool:
    """Does a closing quotation mark follow ``at`` (after at most a comma or full stop)?"""
    return text[at : at + 1] in _CLOSING_MARKS or text[at + 1 : at + 2] in _CLOSING_MARKS


@functools.lru_cache(maxsize=4)
def _office_words(gaz: Gazetteer) -> frozenset[str]:
    """One-word titles that name an office ("President", "Minister", "Analyst"), not a title's other words
    ("Foreign", "House", "Deputy")."""
    t = gaz.data.get("titles", {})
    lower = (*t.get("lowercase_before_name", ()), *entity_words().role_words)
    return frozenset(w for w in (*t.get("full", ()), *t.get("offices", ())) if " " not in w) | frozenset(
        w.capitalize() for w in lower if " " not in w
    )


def _office_before(prefix: str, gaz: Gazetteer) -> bool:
    """Is the last word of ``prefix`` (the words read before a name in its group of capitals) an office,
    alone or joined to others by hyphens ("Vice-president", "Attorney-General")?"""
    words = prefix.split()
    if not words:
        return False
    offices, titles = _office_words(gaz), _word_sets(gaz)[2]
    last = words[-1]
    if "-" not in last:
        return last in offices
    parts = [p.capitalize() for p in last.split("-")]
    return parts[-1] in offices and all(p in titles for p in parts)


def name_stop_words(gaz: Gazetteer) -> frozenset[str]:
    """Capitalised words that are never (part of) a person's name: "The", "Monday", "January"."""
    return _word_sets(gaz)[0]


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


# "Ann Lee went after …", "Ann Lee, a nurse, says": a full name as the subject of a verb is a person
_SUBJECT_VERB = lazy_compile(
    lambda: (
        r"(?:,[^,;:.“”\"]{1,90},)?\s+(?:(?:also|later|then|again|quickly)\s+)?(?:has|had|is|was|will|would|"
        r"[a-z]{3,}ed|" + trie_pattern(IRREGULAR_VERBS) + r"|[a-z]{3,}(?<![su])s)\b(?!\s+(?:of|and|who|in|for)\b)"
    )
)
# "Ann Vole, who …": a relative clause that only a person takes (an organisation takes "which")
_WHO_AFTER = re.compile(r",[ \t]+who\b")
_AMOUNT_AFTER = re.compile(r"[ \t]+(?:by[ \t]+|to[ \t]+|about[ \t]+)?[$€£]?\d")


def _subject_of_a_verb(text: str, at: int) -> bool:
    """Does a verb follow the name that ends at ``at`` ("Ann Vole went ...")? Not a verb only organisations
    do with an amount after it ("Acme Holdings fell 1.7 percent": a company)."""
    m = _SUBJECT_VERB.match(text, at)
    if m is None:
        return False
    verb = m.group().rsplit(None, 1)[-1]
    return not (verb in entity_words().org_verbs and _AMOUNT_AFTER.match(text, m.end()))


@functools.cache
def _honorific_set() -> frozenset[str]:
    """The honorifics, for "is any of them anywhere in the text ("Mr" in it)?": one quick search per first
    letter (:func:`~kit.parse.patterns.any_word_in`), not one str "in" per honorific."""
    return frozenset(h for h, _ in entity_words().honorifics)


# Found with finditer_not_after(..., "."): a look-behind at the start would slow the scan down.
_HONORIFIC_NAME = lazy_compile(
    lambda: (
        rf"(?:{trie_pattern({h for h, _ in entity_words().honorifics})})\.?\s+"
        rf"(?P<n>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w’'-]| [A-Z])"
    )
)
# A surname right before a cue ("Chen said", "Chen, a nurse, has said"), read back from each cue found.
_FIRST_ASCII_CAP = first_not_after("[A-Z]", "’'.-")
_SURNAME_BEFORE = lazy_compile(
    lambda: (
        rf"(?P<n>{_FIRST_ASCII_CAP}[a-z]+(?:-[A-Z][a-z]+)?)(?:,[^,;:.“”\"]{{1,90}},)?\s+"
        rf"(?:{AUX}\s+){{0,{MAX_AUX}}}$"
    )
)
_CUE_AT = lazy_compile(lambda: rf"\b(?:{_cue()})\b")
_NAME_AFTER = lazy_compile(r"\s+(?P<n>[A-Z][a-z]+)\b")
#: How far before a cue its subject's surname is looked for (an apposition of 90 characters, auxiliaries).
_SLOT_REACH = 160


def _surname_speakers(text: str, spans: Iterable[tuple[int, int]]) -> set[str]:
    """Surnames in a speaker's slot: before a cue ("Chen said") or after it ("said Chen").

    One scan for the cues; each is then read back over at most ``_SLOT_REACH`` characters
    (trying the slot at every capital of the text was a third of reading the names).
    """
    out: set[str] = set()
    for start, end in spans:
        for h in _CUE_AT.finditer(text, start, end):
            lo = max(start, h.start() - _SLOT_REACH)
            m = _SURNAME_BEFORE.search(text, lo, h.start())
            if m:
                out.add(m.group("n"))
            a = _NAME_AFTER.match(text, h.end(), end)
            if a:
                out.add(a.group("n"))
    return out


#: For other finders of names (:mod:`kit.parse.person_cues`): one capitalised word of a name (a regex),
#: the words that open a sentence but never a name, "this place opens a sentence" (read back from a name),
#: and :func:`name_word_sets` (stop words, organisation words, title words).
NAME_WORD = _CAP
NOT_FIRST_WORDS = _NOT_FIRST
OPENS_SENTENCE = _OPENS_SENTENCE


def name_word_sets(gaz: Gazetteer) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The words that are never part of a person's name: stop words, organisation words, title words."""
    return _word_sets(gaz)
