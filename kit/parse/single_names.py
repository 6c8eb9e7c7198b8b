"""People named by one word: a given name alone ("their daughter, Mila"), authors cited ("Lee (2015)").

:mod:`kit.parse.names` needs two capitalised words; these two rules find the rest.

* **A given name alone** (``kit/data/given_names.txt``) is a person, unless it
  is the first word of a longer capitalised name, follows "the", is a known
  person's first name or surname (those are that person's mentions:
  :func:`kit.parse.people.person_mentions`), or opens a sentence while the
  text also writes it in lower case nearby ("Bill" beside "the bill") or a word follows that makes it a verb
  (``verb_objects``: "Mark your crates", "Pat down the earth", "Will you come?"), or is named
  once, next to a cue ("Clinton said": news writing names people by surname).
* **An author cited** is a person: "Vance (1989)", "(Okafor, 2016)",
  "(Boot, Kramer, & Gratton, 2008)", "Rao and Scott (1981)", "Klingberg et al., 2005",
  "(see Lund et al., 2017)", "(e.g., Marr, 2014)", "Vance’s (1989)" (without the 's),
  "Vance et al. [4]". The citation needs the whole list inside brackets (after "see",
  "e.g.", "for example" there too), "et al.", one-word names before a bracketed
  year ("Leap Year (2010)" is a film), or one-word names joined by "and" or "&" before a
  year that ends the citation ("Vell and Korsa 1997;", "from Marsk and Tarsk 2017 to ...").

Both scans are forward-only; citations are read only in windows before a year.

>>> import kit
>>> art = kit.parse("Their daughter, Mila, came home. The method follows Vance (1989) and (Chen & Okafor, 2010).")
>>> [a.id for a in art.actors if a.kind == "person"]
['mila', 'vance', 'chen', 'okafor']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable

from ..util import snake_id
from .attribution import AUX, MAX_AUX, QUOTING_CUES, SAYING_CUES, alternation
from .entity_words import entity_words
from .gazetteer import Gazetteer
from .org_clues import has_score
from .patterns import POSSESSIVE, first_not_after, lazy_compile, merged_windows, trie_pattern
from .people import Person

__all__ = ["find_single_names"]

# no look-behind first: a pattern that starts with a character class is scanned for fast (checked in code)
# (the letters read possessively, "++": a shorter run would end before a letter, which the look-ahead refuses)
_ONE = lazy_compile(r"[A-Z][a-z]+" + POSSESSIVE + r"(?![\w’'-]|[ \t]+[A-Z]|\.[A-Z])")
_NOT_BEFORE_NAME = frozenset("’'.&-")
_CAPITAL_BEFORE = lazy_compile(r"(?:[A-Z][\w’'.-]*|&)[ \t]+$")
_THE_ORDINAL = lazy_compile(
    r"(?<![\w-])[Tt]he[ \t]+(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|last|next)[ \t]+$"
)
_YEAR = lazy_compile(r"[12]\d\d\d[a-z]?(?!\d)")
_AUTHOR = r"[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+)?"
_SEP = r"(?:,[ \t]+&[ \t]+|,[ \t]+and[ \t]+|,[ \t]+|[ \t]+&[ \t]+|[ \t]+and[ \t]+)"
# what opens a bracketed citation before its authors: "(", "; ", "(see ", "(e.g., ", "(for example, "
_OPEN = r"(?:\(|;[ \t]+)(?:(?:see(?:[ \t]+also)?|e\.g\.|cf\.|i\.e\.|for[ \t]+(?:example|instance)),?[ \t]+)?"
_CITATION = lazy_compile(
    rf"(?P<open>{_OPEN})?(?P<list>{_AUTHOR}(?:{_SEP}{_AUTHOR}){{0,7}})(?P<etal>[ \t]+et[ \t]+al\.?)?"
    rf"(?:(?P<bracket>[ \t]+\()|,?[ \t]+)(?:1[5-9]|20)\d\d[a-z]?(?!\d)"
)
_SPLIT = lazy_compile(_SEP)
# authors joined by "and" or "&" before a year with no bracket ("Vell and Korsa 1997"): the year closes the citation
_JOINT = re.compile(r"[ \t](?:and|&)[ \t]")
_CITED_YEAR_END = re.compile(r"[ \t]*(?:[),;:\]]|\.(?!\d)|$|[ \t]+(?:to|and|through|or|p\.|pp\.)[ \t])")
#: What follows a year cited after a name in brackets: "Vance (1989)", "Vance (1989, p. 4)", "Vance (1989 [4])".
_AFTER_YEAR = (")", "]", ",", ";", ":", " [")
# a word after a given name opening a sentence that makes it a verb: "Mark your crates", "Pat down the earth"
_VERB_OBJECT = lazy_compile(lambda: rf"[ \t]+(?:{trie_pattern(entity_words().verb_objects)})(?![\w’'-])")
_CUE_NEXT = lazy_compile(lambda: rf",?\s+(?:{AUX}\s+){{0,{MAX_AUX}}}(?:{alternation(SAYING_CUES + QUOTING_CUES)})\b")
#: How far before a year a citation's author list is looked for.
_REACH = 200


def find_single_names(
    text: str,
    spans: Iterable[tuple[int, int]],
    gaz: Gazetteer,
    *,
    known: Iterable[Person] = (),
    stop: frozenset[str] = frozenset(),
    lower_near: Callable[[str, int, str], bool] | None = None,
) -> tuple[Person, ...]:
    """People named by one word (see the module doc), in order of first mention.

    ``known``: people found already (their first names and surnames are theirs);
    ``stop``: words that are never names; ``lower_near(text, at, word)``: is the word
    also written in lower case near ``at``?
    """
    words = entity_words()
    spans = list(spans)
    taken = {w for p in known for w in p.name.split()} | stop
    known_ids = {p.id for p in known}
    found: dict[str, Person] = {}
    seen: dict[str, int] = {}
    first_at: dict[str, int] = {}

    def add(n: str, a: int) -> None:
        pid = snake_id(n)
        if pid in found or pid in known_ids or n in taken or gaz.entity_of(n) is not None:
            return
        if n in words.places or n in words.not_person_first or n in words.org_heads or n in words.place_heads:
            return
        found[pid] = Person(pid, n, "", None, a, a + len(n))

    taken |= _storm_names(text)  # "Hurricane Vella ... Vella grew stronger": a storm, never a person
    ones = _ONE.compiled.finditer  # looked up once: no LazyPattern call per paragraph
    # citations end with a year: a paragraph with no year in it (one scan of the text for them all) has none
    years = _year_starts(text)
    et_al = "et al" in text
    for start, end in spans:
        for m in ones(text, start, end):
            n = m.group()
            if n not in words.given_names or n in taken:
                continue
            a = m.start()
            if a > 0 and (text[a - 1].isalnum() or text[a - 1] in _NOT_BEFORE_NAME):
                continue
            if n in _MONTHS and (_A_DATE.match(text, m.end(), end) or _DATE_BEFORE.search(text, max(start, a - 8), a)):
                continue  # "Jan. 10", "Dec 21 - Jan", "Su 08:00": a month or a day, not a person
            before = text[max(start, a - 30) : a]
            if _CAPITAL_BEFORE.search(before) or before.endswith(("the ", "The ")) or _THE_ORDINAL.search(before):
                continue  # "the Nadia", "the 13th Nadia": a thing so named and counted, not a person
            if _opens_sentence(before, a == start) and (
                (lower_near is not None and lower_near(text, a, n))
                or _VERB_OBJECT.compiled.match(text, m.end(), end) is not None
            ):
                continue  # "Bill" beside "the bill"; "Mark your crates", "Will you come?": a verb
            seen[n] = seen.get(n, 0) + 1
            first_at.setdefault(n, a)
            # a speaker named once by one word may be a surname used as news writing does ("Clinton said"):
            # a person when named again or elsewhere than next to a cue
            if seen[n] >= 2 or not _CUE_NEXT.match(text, m.end(), end):
                add(n, first_at[n])
        if et_al and text.find("et al", start, end) >= 0:  # "Vance et al. [4]": authors cited with no year
            for e in _ET_AL.finditer(text, start, end):
                b = _AUTHOR_BEFORE.search(text, max(start, e.start() - 40), e.start())
                if b and b.group() not in stop and not text[max(start, b.start() - 4) : b.start()].lower() == "the ":
                    add(b.group(), b.start())
        if not _has_year_start(years, start, end):
            continue
        for lo, hi in _windows(text, start, end):
            for c in _CITATION.finditer(text, lo, hi):
                names = c.group("list")
                if (
                    not (c.group("open") or c.group("etal"))
                    and not (c.group("bracket") and _surnames_only(names))
                    and not (_JOINT.search(names) and _surnames_only(names) and _CITED_YEAR_END.match(text, c.end()))
                ):
                    continue  # "Leap Year (2010)" is a film: a bracketed year follows surnames only
                if c.group("bracket") and not text.startswith(_AFTER_YEAR, c.end()):
                    continue  # "EDT (1500 GMT)", "the 12th Dynasty (1991-1786 BC)": a time or a span, not a year cited
                if text[max(start, c.start() - 4) : c.start()] == "the ":
                    continue  # "Chasing the Tarvos (1979)": the end of a work's title, not its author
                if c.group("bracket") and c.start("list") == start and text[c.end() : end].strip() == ")":
                    continue  # "Tarvo-Star (2015)" alone on its line: an award or a work listed, no author cited
                at = c.start("list")
                for part in _SPLIT.split(names):
                    if not any(w in stop for w in part.split()):
                        add(_without_possessive(part), at + names.index(part))
    # a player's record in brackets, in a results report: "Ferno (6-13) allowed two runs"
    if "(" in text and has_score(text):
        for start, end in spans:
            at = text.find(" (", start, end)
            while at >= 0:
                if _RECORD.match(text, at, end) and (b := _ONE_BEFORE.search(text, max(start, at - 30), at)):
                    n = b.group()
                    if n not in words.places and n not in words.not_person_first:
                        add(n, b.start())
                at = text.find(" (", at + 1, end)
    return tuple(sorted(found.values(), key=lambda p: p.start))


# "et al." (or "et al," / "et al (2017)"), not a well's name ("the Norvo et al Tarn 14-28")
_ET_AL = re.compile(r"[ \t]+et[ \t]+al(?:[.,]|[ \t]+[\[(\d])")
_AUTHOR_BEFORE = lazy_compile(first_not_after("[A-Z]", "’'.-") + r"[\w’'-]*[a-z]$")


def _storm_names(text: str) -> set[str]:
    """The names the text gives storms ("Hurricane Vella", "Typhoon Tarsk"): a few string searches, and a
    regex only where a storm word is found."""
    words = entity_words().storm_words
    if not any(w in text for w in words):
        return set()
    return {m.group(1) for m in _STORM.compiled.finditer(text)}


_STORM = lazy_compile(lambda: rf"(?:{trie_pattern(entity_words().storm_words)})[ \t]+([A-Z][a-z]+)\b")


def _without_possessive(name: str) -> str:
    """An author's name without 's ("Vance’s (1989)": Vance)."""
    return name[:-2] if name.endswith(("’s", "'s")) else name


#: Short forms of months and days that are also given names: a month before a day ("Jan. 10") or after a date
#: ("Dec 21 - Jan"), a day before a time ("Su 08:00").
_MONTHS = frozenset(
    ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
    + ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
)
_A_DATE = re.compile(r"\.?[ \t]*\d")
_DATE_BEFORE = re.compile(r"\d[ \t]*[-–][ \t]*$")


_RECORD = lazy_compile(r" \(\d{1,2}-\d{1,2}\)")
_ONE_BEFORE = lazy_compile(first_not_after("[A-Z]", "’'.-") + r"[a-z]+$")


def _surnames_only(names: str) -> bool:
    """Is every name of an author list one word ("Rao and Scott", not "Cemetery Junction")?"""
    return all(" " not in part.strip() for part in _SPLIT.split(names))


def _opens_sentence(before: str, at_start: bool) -> bool:
    stripped = before.rstrip(' \t“"‘')
    return at_start or not stripped or stripped[-1] in ".!?:\n"


# (one pattern per first digit: the regex engine skips to a first character that is one literal far faster than to
# one of a class such as [12], which it tests with a call per character)
_YEAR_STARTS = (re.compile(r"1(?=\d\d\d)"), re.compile(r"2(?=\d\d\d)"))


def _year_starts(text: str) -> list[int]:
    """Where ``_YEAR`` may match in ``text`` or in any stretch of it: each place that starts four digits, the first
    1 or 2, in order (two quick scans of the text; a stretch of it has a year only where one of these is).

    >>> _year_starts("In 1999 or 2021, not 3000 nor 12345")
    [3, 11, 30, 31]
    """
    return sorted(m.start() for year in _YEAR_STARTS for m in year.finditer(text))


def _has_year_start(starts: list[int], start: int, end: int) -> bool:
    """Does one of ``starts`` (:func:`_year_starts`) begin four digits inside ``text[start:end]``?

    >>> _has_year_start([3, 40], 0, 7), _has_year_start([3, 40], 0, 6), _has_year_start([3, 40], 4, 40)
    (True, False, False)
    """
    k = bisect.bisect_left(starts, start)
    return k < len(starts) and starts[k] + 4 <= end


def _windows(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """Disjoint stretches ending at a year (up to ``_REACH`` characters before it): where citations can be."""
    return merged_windows(
        (max(start, y.start() - _REACH), y.end())
        for y in _YEAR.finditer(text, start, end)
        if not (y.start() > 0 and text[y.start() - 1].isdigit() or not 1500 <= int(y.group()[:4]) <= 2099)
    )
