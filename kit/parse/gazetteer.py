"""The built-in gazetteer: states, organizations and groups, compiled once.

The data lives in ``kit/data/gazetteer.json`` (states with names, demonyms and
metonyms; organizations; armed groups and collectives; titles of people; the
words of anonymous-source descriptions). :func:`gazetteer` loads it once and
compiles every alias into one regular expression shaped as a trie, so
scanning is linear in the length of the text.

Matching rules (all data-driven, nothing here knows any article):

* case-sensitive: "IS" is the group, "is" the verb; "US" the state, "us" the
  pronoun. An alias written lowercase ("westerners") also matches with a
  capital first letter at a sentence start.
* a capital city or other metonym ("Washington", "Kremlin") names its state
  only as a metonym: not after a place preposition ("in Paris", "to London"),
  and not inside a longer capitalised name ("Washington Post", "George
  Washington"). Aliases listed under ``rules.guarded`` ("Jordan", "the West")
  get the same capitalised-neighbour check.
* phrases under ``rules.not_actors`` ("New York", "Latin America") are
  consumed without a mention, so "Mexico" in "New Mexico" is not Mexico.
* aliases under ``rules.ambiguous_in_capitals`` ("IS", "US") are skipped in
  all-capitals text ("THIS IS WAR").
* a plural alias ("Iraqis") also matches with "the" ("the Iraqis").

>>> g = gazetteer()
>>> [(g.entity_of(m.group()).id, m.group()) for m in g.pattern.finditer("the Iraqis and IS, not is")]
[('iraq', 'the Iraqis'), ('islamic_state', 'IS')]
"""

from __future__ import annotations

import bisect
import functools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..data import data_text
from ..errors import KitError
from .patterns import lines_only, trie_pattern

__all__ = [
    "Entity",
    "Gazetteer",
    "GazetteerMatch",
    "gazetteer",
    "load_gazetteer_data",
]


@dataclass(frozen=True)
class Entity:
    """One gazetteer entry: ``kind`` is ``state``, ``organization`` or ``group``."""

    id: str
    name: str
    kind: str


class GazetteerMatch(NamedTuple):
    """A place where an alias of ``entity`` occurs (``start``/``end`` into the text).

    A named tuple rather than a dataclass: there is one per mention, and
    tuples are quicker to make.
    """

    entity: Entity
    start: int
    end: int


#: ``tuple.__new__``: makes a :class:`GazetteerMatch` from its three fields without the named
#: tuple's generated ``__new__`` (a Python call per match; the hot loop of :meth:`Gazetteer.find`).
_new_match = tuple.__new__


def load_gazetteer_data() -> dict[str, Any]:
    """The raw gazetteer data (a fresh copy of ``kit/data/gazetteer.json``)."""
    raw = data_text("gazetteer.json")
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise KitError(
            f"kit/data/gazetteer.json: invalid JSON at line {exc.lineno}; fix the file or reinstall kit"
        ) from None


def _capitalised(alias: str) -> str:
    return alias[:1].upper() + alias[1:]


class Gazetteer:
    """The compiled gazetteer. Build it with :func:`gazetteer` (cached)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        rules = data.get("rules", {})
        self.entities: dict[str, Entity] = {}
        self._by_form: dict[str, Entity | None] = {}
        self._guarded: set[str] = set()
        self._metonyms: set[str] = set()
        self.ambiguous_in_capitals = frozenset(rules.get("ambiguous_in_capitals", ()))
        self.metonym_not_after = frozenset(rules.get("metonym_not_after", ()))
        sections = (("states", "state"), ("organizations", "organization"), ("groups", "group"))
        for section, kind in sections:
            for entry in data.get(section, ()):
                entity = Entity(entry["id"], entry["name"], kind)
                if entity.id in self.entities:
                    raise KitError(
                        f"kit/data/gazetteer.json: id {entity.id!r} appears twice; give each entry its own id"
                    )
                self.entities[entity.id] = entity
                for alias in [entry["name"], *entry.get("names", ()), *entry.get("demonyms", ())]:
                    self._add(alias, entity)
                for alias in entry.get("metonyms", ()):
                    self._add(alias, entity)
                    self._metonyms.add(alias)
        for alias in rules.get("guarded", ()):
            self._guarded.add(alias)
        for phrase in rules.get("not_actors", ()):
            for form in (phrase, _capitalised(phrase)):
                self._by_form[form] = None
        trie = trie_pattern(set(self._by_form))
        self.pattern = re.compile(r"(?<![\w’'])(?:" + trie + r")(?!\w)")
        self._scan = re.compile(r"(?:" + trie + r")(?!\w)")  # self.pattern without its look-behind
        # The forms led by a capital, scanned for alone: the regex engine then stops only at capitals, not
        # at every "t", "a" or "i" that a form such as "the Iraqis" or "al-Qaeda" could start with.
        capital = {f for f in self._by_form if f[:1].isupper()}
        self._capital_scan = re.compile(r"(?:" + trie_pattern(capital) + r")(?!\w)") if capital else None
        # The other forms, grouped by their leading letters: each group starts with a literal, which the
        # engine skips to fast ("the", "al"); one scan of the text per group finds where they can be.
        groups: dict[str, set[str]] = {}
        for form in set(self._by_form) - capital:
            lead = _LEAD.match(form).group()  # type: ignore[union-attr]  # (it matches the empty string)
            groups.setdefault(lead, set()).add(form[len(lead) :])
        # A group of one form is looked for with str.find, much faster than the regex engine's scan for a literal.
        self._lower_forms = [lead + rest for lead, rests in groups.items() if len(rests) == 1 for rest in rests]
        self._lower_scans = [
            re.compile(re.escape(lead) + r"(?:" + trie_pattern(rests) + r")(?!\w)")
            for lead, rests in groups.items()
            if len(rests) > 1
        ]
        # Per form, the checks _keep must run (most forms need none): 1 all-capitals, 2 neighbours.
        self._checks: dict[str, int] = {}
        for form in self._by_form:
            plain = form[4:] if form[:4] in ("the ", "The ") else form
            guarded = plain in self._metonyms or plain in self._guarded or _capitalised(plain) in self._guarded
            self._checks[form] = (form in self.ambiguous_in_capitals) | (guarded << 1)

    def _add(self, alias: str, entity: Entity) -> None:
        forms = [alias, _capitalised(alias)]
        if " " not in alias and alias.endswith("s") and alias[:1].isupper() and alias[1:2].islower():
            forms += ["the " + alias, "The " + alias]
        if 2 <= len(alias) <= 5 and alias.isalpha() and alias.isupper() and alias not in self.ambiguous_in_capitals:
            forms.append(".".join(alias) + ".")  # an acronym written with full stops, as some papers do ("N.A.T.O.")
        for form in forms:
            self._by_form.setdefault(form, entity)

    def entity_of(self, form: str) -> Entity | None:
        """The entity a surface form names (``None`` for a not-an-actor phrase)."""
        return self._by_form.get(form)

    def aliases(self, entity_id: str) -> tuple[str, ...]:
        """Every surface form the gazetteer knows for an entity."""
        return tuple(f for f, e in self._by_form.items() if e is not None and e.id == entity_id)

    def find(self, text: str, start: int = 0, end: int | None = None) -> Iterator[GazetteerMatch]:
        """Gazetteer matches in ``text[start:end]``, left to right, longest first."""
        return iter(self._find(text, start, len(text) if end is None else end, self._scan))

    def find_in(self, text: str, spans: Iterable[tuple[int, int]]) -> list[GazetteerMatch]:
        """The matches of :meth:`find` in each of ``spans`` (``(start, end)`` in text order), in order.

        A span is scanned for the forms led by a capital only, unless a form led by a lower-case
        letter ("the Iraqis") can match in it: a scan of the whole text per group of such forms
        (rare in a text) says where, and a span that ends inside a word is read with every form.

        >>> g = gazetteer()
        >>> t = "The Iraqis met NATO.\\nthe Iraqis, IS."
        >>> [(m.entity.id, t[m.start:m.end]) for m in g.find_in(t, [(0, 20), (21, 36)])]
        [('iraq', 'The Iraqis'), ('nato', 'NATO'), ('iraq', 'the Iraqis'), ('islamic_state', 'IS')]
        """
        lower = sorted(
            {at for scan in self._lower_scans for at in _starts(scan, text)}
            | {at for form in self._lower_forms for at in _form_starts(form, text)}
        )
        spans = list(spans)
        if not lower and self._capital_scan is not None and spans and lines_only(text, spans):
            # (the usual text: every span is read with the capital scan, and no form holds a line end, so one
            # search loop over the text reads them all, not one loop per paragraph)
            return self._find_spans(text, spans, self._capital_scan)
        out: list[GazetteerMatch] = []
        for start, end in spans:
            k = bisect.bisect_left(lower, start)
            if self._capital_scan is None or k < len(lower) and lower[k] < end or _WORD.match(text, end):
                out += self._find(text, start, end, self._scan)
            else:
                out += self._find(text, start, end, self._capital_scan)
        return out

    def _find(self, text: str, start: int, end: int, scan: re.Pattern[str]) -> list[GazetteerMatch]:
        return self._find_spans(text, [(start, end)], scan)

    def _find_spans(self, text: str, spans: list[tuple[int, int]], scan: re.Pattern[str]) -> list[GazetteerMatch]:
        """The matches of ``scan`` in each of ``spans`` (in text order, none overlapping), from one search loop
        from the first span's start to the last one's end: several spans only where no match can cross a span's
        edge (spans that start and end lines: :func:`~kit.parse.patterns.lines_only`)."""
        # (a list, not a generator: find_in reads every match of every span, and a generator costs a resume each)
        out: list[GazetteerMatch] = []
        caps: bool | None = None  # is the span all capitals? (computed when first needed)
        by_form, checks, search = self._by_form, self._checks, scan.search
        k, (start, end), last = 0, spans[0], spans[-1][1]
        pos = start
        while True:  # finditer_not_after(self._scan, text, start, end, "’'"), inlined: this loop is hot
            m = search(text, pos, last)
            if m is None:
                return out
            s, e = m.span()
            if s > 0 and (text[s - 1].isalnum() or text[s - 1] in "_’'"):
                pos = s + 1
                continue
            pos = e
            while s >= end:  # past this span: the next one
                k += 1
                start, end = spans[k]
                caps = None
            if s < start:
                continue  # between two spans (a paragraph not read)
            form = m.group()
            entity = by_form.get(form)
            if entity is None:
                continue
            if checks[form]:
                if caps is None:
                    caps = _all_capitals(text[start:end])
                if not self._keep(text, s, e, form, caps, start):
                    continue
            out.append(_new_match(GazetteerMatch, (entity, s, e)))  # GazetteerMatch(entity, s, e), made directly

    def _keep(self, text: str, s: int, e: int, form: str, caps: bool, para_start: int) -> bool:
        if form in self.ambiguous_in_capitals and (caps or _caps_neighbour(text, s, e, self)):
            return False
        plain = form[4:] if form[:4] in ("the ", "The ") else form
        metonym = plain in self._metonyms
        if metonym or plain in self._guarded or _capitalised(plain) in self._guarded:
            if _capital_next(text, e) or _capital_before(text, s, para_start):
                return False
        if metonym:
            prev = _previous_word(text, s, skip_the=True)
            if prev.lower() in self.metonym_not_after:
                return False
        return True


_LEAD = re.compile(r"[^\W\d_]*")  # the letters a form starts with
_WORD = re.compile(r"\w")


def _starts(scan: re.Pattern[str], text: str) -> Iterator[int]:
    """Every offset where ``scan`` matches in ``text``, also inside another match (one search from the next character on)."""
    m = scan.search(text)
    while m is not None:
        yield m.start()
        m = scan.search(text, m.start() + 1)


def _form_starts(form: str, text: str) -> Iterator[int]:
    """Every offset where ``form`` occurs in ``text`` followed by no word character (``_starts`` of the
    pattern ``form(?!\\w)``).

    >>> list(_form_starts("eBay", "eBay, eBays and eBay"))
    [0, 16]
    """
    at = text.find(form)
    while at >= 0:
        after = at + len(form)
        if after == len(text) or not (text[after].isalnum() or text[after] == "_"):
            yield at
        at = text.find(form, at + 1)


def _previous_word(text: str, pos: int, *, skip_the: bool = False) -> str:
    r"""The word before the white space that ends ``text[pos - 40:pos]``: group 1 of
    ``re.search(r"([\w\-’'.]+)\s+$", ...)`` in that window, read backwards (the search
    would try every character of the window, each to its end).

    >>> _previous_word("troops in the  London", 15, skip_the=True), _previous_word("x.y-z ", 6), _previous_word("a, ", 3)
    ('in', 'x.y-z', '')
    """
    lo = max(0, pos - 40)
    k = pos
    while k > lo and text[k - 1].isspace():
        k -= 1
    j = k
    while j > lo and (text[j - 1].isalnum() or text[j - 1] in "_-’'."):
        j -= 1
    if k == pos or j == k:
        return ""
    word = text[j:k]
    if skip_the and word.lower() == "the":
        return _previous_word(text, j)
    return word


def _capital_next(text: str, end: int) -> bool:
    return text[end : end + 1] == " " and text[end + 1 : end + 2].isupper()


_CAPITAL_WORD_END = re.compile(r"([A-Z][\w\-]*)$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”‘’(]\s*|\n\s*)$")


def _capital_before(text: str, start: int, para_start: int) -> bool:
    """True if a capitalised word (not the first of its sentence) comes right before."""
    if start < 2 or text[start - 1] != " ":
        return False
    m = _CAPITAL_WORD_END.search(text[max(0, start - 40) : start - 1])
    if not m:
        return False
    word_start = start - 1 - len(m.group(1))
    before = text[max(para_start, word_start - 3) : word_start]
    return not (word_start <= para_start or _SENTENCE_START.search(before))


def _all_capitals(chunk: str) -> bool:
    return chunk == chunk.upper() and sum(c.isalpha() for c in chunk[:50]) > 3


_CAPS_WORD_BEFORE = re.compile(r"\b([A-Z]{2,})[ \t]+$")
_CAPS_WORD_AFTER = re.compile(r"[ \t]+([A-Z]{2,})\b")


def _caps_neighbour(text: str, s: int, e: int, gaz: Gazetteer) -> bool:
    """True if an all-capitals word that is not an alias stands next to ``text[s:e]``."""
    lo = max(0, s - 30)
    # each pattern is tried only where it can match (the usual "the IS group" has no capitals around)
    before = _CAPS_WORD_BEFORE.search(text, lo, s) if _caps_word_ends(text, lo, s) else None
    after = _CAPS_WORD_AFTER.match(text, e, min(len(text), e + 30)) if text[e : e + 1] in (" ", "\t") else None
    for m in (before, after):
        if m and gaz.entity_of(m.group(1)) is None:
            return True
    return False


def _caps_word_ends(text: str, lo: int, s: int) -> bool:
    r"""Can ``_CAPS_WORD_BEFORE`` match in ``text[lo:s]``: two capitals, then blanks, at its end (``$``: at ``s``,
    or before a line break there)? A quick test: the search tries its ``\b`` at every character.

    >>> [_caps_word_ends(t, 0, len(t)) for t in ("NEW ", "the ", "AB \t\n", "A ", "NEW")]
    [True, False, True, False, False]
    """
    for r in (s, s - 1) if text[s - 1 : s] == "\n" else (s,):
        k = r
        while k > lo and text[k - 1] in " \t":
            k -= 1
        if k < r and k - 2 >= lo and "A" <= text[k - 1] <= "Z" and "A" <= text[k - 2] <= "Z":
            return True
    return False


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The built-in gazetteer, loaded and compiled once."""
    return Gazetteer(load_gazetteer_data())
