"""Regular-expression helpers for the parser: word lists as tries, fast guarded search.

>>> trie_pattern(["Iraq", "Iraqi", "Iran"])
'Ira(?:n|q(?:i)?)'
"""

from __future__ import annotations

import bisect
import functools
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import compress
from typing import Any

__all__ = [
    "trie_pattern",
    "any_word_in",
    "merged_windows",
    "finditer_not_after",
    "scout_pattern",
    "first_not_after",
    "finditer_scouted",
    "WordSites",
    "finditer_sited",
    "sited_in",
    "lines_only",
    "Forms",
    "COMPILE_FORMS_ABOVE",
    "LazyPattern",
    "lazy_compile",
    "finditer_tried_at",
    "ScoutedPattern",
    "written_lower",
    "written_lower_near",
    "POSSESSIVE",
    "UPPER_LETTERS",
    "LOWER_LETTERS",
    "DAYS_AND_MONTHS",
]

#: The names of the days and months: after a name, no part of it ("Tom Moss Wednesday accused ...",
#: "the Bank of Norvo Thursday raised ...").
DAYS_AND_MONTHS = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December".split()
)

#: The capital letters a name may start with (a character class's body): A-Z and the Latin-1 and Latin
#: Extended-A capitals ("Élise", "Šimon", "Łukasz", "İsmail"), with Romanian "Ș", "Ț".
UPPER_LETTERS = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽȘȚ"
#: The small letters a name's word goes on with: a-z and the Latin-1 and Latin Extended-A small letters
#: ("Velič", "Dvořák", "Wałęsa", "Erdoğan"), with Romanian "ș", "ț".
LOWER_LETTERS = "a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĳĵķĸĺļľŀłńņňŉŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżžſșț"

#: Appended to a quantifier to read possessively ("[a-z]+" + POSSESSIVE), where what follows can never be what
#: the quantifier reads, so the matches are the same: the engine gives a failing run up at once. Python 3.10's
#: ``re`` has no possessive quantifiers, so there it is empty (the same matches, found a little slower).
POSSESSIVE = "+" if sys.version_info >= (3, 11) else ""


def any_word_in(text: str, words: frozenset[str]) -> bool:
    """Does any of ``words`` (none empty) occur anywhere in ``text``, even inside a longer word?

    One search per first character of the words, for the trie of those that start with it: the regex
    engine skips to a literal first character with a tight loop, but tests a class of them (the first
    characters of one trie of all the words) with a call per character of the text. With a few first
    characters, a few quick scans cost less than the one slow one.

    >>> any_word_in("Ask Mrs Vell", frozenset({"Mr", "Dr"})), any_word_in("Ask Ada", frozenset({"Mr", "Dr"}))
    (True, False)
    """
    return any(p.search(text) is not None for p in _tries_by_first(words))


@functools.lru_cache(maxsize=16)
def _tries_by_first(words: frozenset[str]) -> tuple[re.Pattern[str], ...]:
    """For each first character of ``words``, the trie of the words that start with it (built once per list)."""
    firsts = sorted({w[0] for w in words})
    return tuple(re.compile(trie_pattern(w for w in words if w[0] == c)) for c in firsts)


def merged_windows(windows: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Windows given in order of their starts, with overlapping ones joined (one pass).

    >>> list(merged_windows([(0, 5), (3, 8), (10, 12)]))
    [(0, 8), (10, 12)]
    """
    lo = hi = -1
    for a, b in windows:
        if a > hi:
            if hi > lo:
                yield lo, hi
            lo = a
        hi = b
    if hi > lo:
        yield lo, hi


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` as a trie (longest alternative first).

    Built without recursion, so a very long word is fine. Groups nest once per
    branching point along a word; below ``_MAX_NESTING`` of them a subtree is
    written as a flat alternation of its endings, longest first (the same
    matches: the endings that fit at one place are prefixes of each other, and
    both forms try the longest first), so the regex compiler never meets
    deeper nesting than it can handle.

    >>> trie_pattern(["Iraq", "Iraqi", "Iran"])
    'Ira(?:n|q(?:i)?)'
    """
    return _trie_pattern(frozenset(words))


@functools.lru_cache(maxsize=256)
def _trie_pattern(words: frozenset[str]) -> str:
    """:func:`trie_pattern`, once per set of words (several finders build the same list's trie; the pattern
    does not depend on the words' order, since each node's branches are written sorted)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    built: dict[int, tuple[str, int]] = {}  # id(node) -> (pattern, nesting depth)
    stack: list[tuple[dict[str, Any], bool]] = [(trie, False)]
    # A run of nodes with one letter each and no word ending there (most of a trie: the words' tails) is written
    # as one edge of its letters: such a node's pattern is its letter and its child's, at the child's depth (no
    # group), so the run is read once, not stacked node by node.
    while stack:  # post-order: a node is written after its children
        node, children_done = stack.pop()
        if not children_done:
            stack.append((node, True))
            stack.extend((_run_end(child), False) for ch, child in node.items() if ch)
            continue
        parts = []
        for ch, child in sorted(node.items()) if len(node) > 1 else node.items():
            if ch:
                label, end = _run(ch, child)
                parts.append((label, *built.pop(id(end))))
        if not parts:
            built[id(node)] = ("", 0)
            continue
        depth = max(d for _, _, d in parts)
        branches = [ch + pattern for ch, pattern, _ in parts]
        if len(branches) == 1:
            body = branches[0]
        else:
            body, depth = "(?:" + "|".join(branches) + ")", depth + 1
        if "" in node:
            body, depth = "(?:" + body + ")?", depth + 1
        if depth > _MAX_NESTING:
            body, depth = _flat(node), 1
        built[id(node)] = (body, depth)
    return built[id(trie)][0]


def _run_end(node: dict[str, Any]) -> dict[str, Any]:
    """The first node from ``node`` on that a word ends at or that branches (see :func:`_run`)."""
    while len(node) == 1 and "" not in node:
        node = next(iter(node.values()))
    return node


def _run(ch: str, node: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The letters from ``ch`` (the edge to ``node``) through a run of nodes with one letter each and no word
    ending there, escaped, and the node the run ends at (:func:`_run_end`)."""
    label = re.escape(ch)
    while len(node) == 1 and "" not in node:
        ((c, node),) = node.items()
        label += re.escape(c)
    return label, node


#: The deepest nesting of groups :func:`trie_pattern` writes (Python's regex compiler fails near 400).
_MAX_NESTING = 100


def _flat(node: dict[str, Any]) -> str:
    """The words below a trie node as one flat alternation, longest first."""
    endings: list[str] = []
    stack: list[tuple[dict[str, Any], str]] = [(node, "")]
    while stack:
        here, prefix = stack.pop()
        for ch, child in here.items():
            if ch:
                stack.append((child, prefix + ch))
            else:
                endings.append(prefix)
    endings.sort(key=lambda e: (-len(e), e))
    optional = endings[-1] == ""
    body = "(?:" + "|".join(re.escape(e) for e in endings if e) + ")"
    return body + "?" if optional else body


def finditer_not_after(
    pattern: re.Pattern[str] | LazyPattern, text: str, start: int, end: int, not_after: str
) -> Iterator[re.Match[str]]:
    """The matches of ``(?<![\\w<not_after>])<pattern>`` in ``text[start:end]``, left to right.

    The same matches as that regular expression's ``finditer``, found faster:
    a pattern that starts with a trie of words is searched with the regex
    engine's first-character scan, which a look-behind at its start turns
    off. ``pattern`` must not match the empty string.

    >>> [m.group() for m in finditer_not_after(re.compile("IS"), "IS, ISIS and xIS", 0, 16, "")]
    ['IS', 'IS']
    """
    pos = start
    while True:
        m = pattern.search(text, pos, end)
        if m is None:
            return
        at = m.start()
        if at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_" or text[at - 1] in not_after):
            pos = at + 1  # inside a word: try again one character on, as the look-behind would
            continue
        yield m
        pos = m.end()


def first_not_after(first: str, not_after: str) -> str:
    r"""``(?<![\w<not_after>])<first>``, written with the look-behind after ``first``: a character
    class that matches one character (``[A-Z]``).

    The same matches, found faster: a pattern that starts with a class is searched with the regex
    engine's first-character scan, which a look-behind at its start turns off (the pattern is then
    tried at every character). Checked right after the first character, the look-behind still
    rejects a start inside a word at once, so a long word or a hyphenated chain is not read again
    from each of its capitals (as :func:`finditer_not_after` would, once per capital).

    >>> first_not_after("[A-Z]", "-")
    '[A-Z](?<![\\w\\-][A-Z])'
    >>> [m.start() for m in re.finditer(first_not_after("[A-Z]", "-") + "[a-z]+", "Ann-Lee xBo Ed")]
    [0, 12]
    """
    return rf"{first}(?<![\w{re.escape(not_after)}]{first})"


def scout_pattern(not_after: str, first: str) -> str:
    r"""The source of a scout for :func:`finditer_scouted`: one character that is neither a word
    character nor in ``not_after`` (or any character from U+10000 on, checked by
    :func:`finditer_scouted`), then ``first``.

    The character class lists those characters (:func:`_ends_word_class`): the regex engine tests
    a listed class with one table look-up per character, ``[^\w…]`` with several tests.

    >>> re.fullmatch(scout_pattern("’'-", "said"), " said") is not None
    True
    >>> [re.fullmatch(scout_pattern("’'-", "said"), c + "said") for c in "a’-_é"]
    [None, None, None, None, None]
    """
    return rf"{_ends_word_class(not_after)}(?:{first})"


@functools.cache
def _ends_word_class(not_after: str) -> str:
    r"""A character class of every character below U+10000 that is neither a word character (``\w``)
    nor in ``not_after``, as ranges, and of every character from U+10000 on (built on first use)."""
    ranges: list[tuple[int, int]] = []
    lo = -1
    word = _word_characters()
    for c in range(0x10000):
        ends = not word[c] and chr(c) not in not_after
        if ends and lo < 0:
            lo = c
        elif not ends and lo >= 0:
            ranges.append((lo, c - 1))
            lo = -1
    if lo >= 0:
        ranges.append((lo, 0xFFFF))
    ranges.append((0x10000, sys.maxunicode))
    return "[" + "".join(re.escape(chr(a)) + ("" if a == b else "-" + re.escape(chr(b))) for a, b in ranges) + "]"


@functools.cache
def _word_characters() -> bytes:
    r"""For each character below U+10000, 1 if it is a word character (``\w``), else 0: read once for every
    :func:`_ends_word_class`."""
    return bytes(1 if (ch := chr(c)).isalnum() or ch == "_" else 0 for c in range(0x10000))


def finditer_scouted(
    pattern: re.Pattern[str] | LazyPattern,
    scout: re.Pattern[str] | LazyPattern,
    text: str,
    start: int,
    end: int,
    not_after: str,
) -> Iterator[re.Match[str]]:
    """The matches of ``(?<![\\w<not_after>])<pattern>`` in ``text[start:end]``, left to right.

    ``scout`` is ``scout_pattern(not_after, first)``, where ``first`` matches wherever
    ``pattern`` does (``pattern`` itself, or a looser pattern such as one trie of all its
    words). The scout starts with a character class, so the regex engine skips to the
    characters that end a word with its fast first-character scan; a look-behind at the
    start of ``pattern`` would have it try every character, and :func:`finditer_not_after`
    stops at every hit inside a word. Each scout hit at ``q`` is then confirmed with
    ``pattern.match`` at ``q + 1`` (and, for a character from U+10000 on, that it ends a word).
    ``pattern`` must not match the empty string.

    >>> p, s = re.compile("IS"), re.compile(scout_pattern("", "IS"))
    >>> [m.start() for m in finditer_scouted(p, s, "IS, ISIS and xIS \U0001d400IS \U0001f600IS", 0, 24, "")]
    [0, 4, 22]
    """
    first, q = _at_text_start(pattern, text, start, end)
    if first is not None:
        yield first
    while True:
        s = scout.search(text, q, end)
        if s is None:
            return
        at = s.start()
        ch = text[at]
        if ch > "\uffff" and (ch.isalnum() or ch == "_" or ch in not_after):
            q = at + 1  # the scout lets every character from U+10000 through: this one is in a word
            continue
        m = pattern.match(text, at + 1, end)
        if m is None:
            q = at + 1
            continue
        yield m
        q = m.end() - 1


class WordSites:
    """Where the words of several lists may start in one text: one scout scan for them all.

    Each scout of :func:`finditer_scouted` stops at every character that ends a word (about one in
    six), whatever its words: one scan for the union of the lists costs about as much as one for a
    single list. :meth:`of` gives a list's sites, the ``q`` where a character that ends a word (``\\W``,
    or any from U+10000 on) is followed by a word of the list, or by one that starts like one (a
    superset: :func:`finditer_sited` confirms each with the pattern itself). A word that goes on past its
    stem with a character that ends a word ("co-founder") has a site only where the stem does so too
    ("co-", not "could"). A list with a word that does not start with a word character is not scanned
    (:meth:`of` gives ``None``).

    >>> s = WordSites("An aide said. The co-aides' view", (frozenset({"aide", "aides"}), frozenset({"said"})))
    >>> s.of(frozenset({"aide", "aides"})), s.of(frozenset({"said"})), s.of(frozenset({"view"}))
    ([2, 20], [7], None)
    """

    __slots__ = ("text", "_lists", "_sites")

    def __init__(self, text: str, lists: Iterable[frozenset[str]]) -> None:
        self.text = text
        self._lists = tuple(words for words in lists if _scannable(words))
        self._sites: dict[frozenset[str], list[int]] | None = None  # scanned on first use

    def of(self, words: frozenset[str]) -> list[int] | None:
        """The sites of ``words`` (one of the lists given), in order; ``None`` for any other list."""
        if words not in self._lists:
            return None
        if self._sites is None:
            self._sites = _scan_sites(self.text, self._lists)
        return self._sites[words]


@functools.lru_cache(maxsize=64)
def _scannable(words: frozenset[str]) -> bool:
    """Can the shared scan find every word of ``words`` (none empty, each with a stem)? Once per list, not per
    parse: the lists are the same few every time."""
    return bool(words) and all(_stem(w) for w in words)


def _stem(word: str) -> str:
    """The word characters ``word`` starts with (below U+10000): what the shared scout reads of it."""
    for i, ch in enumerate(word):
        if not (ch.isalnum() or ch == "_") or ch > "\uffff":
            return word[:i]
    return word


@functools.lru_cache(maxsize=8)
def _shared_scout(
    lists: tuple[frozenset[str], ...],
) -> tuple[re.Pattern[str], dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]:
    """The scout for the stems of every list's words (group 1: the stem); for each stem the lists it may
    start a word of, and those it may start a word of only when the text's word ends with it.

    The trie matches the longest stem ``L`` that starts the text there; a word ``w`` of a list starts
    the text only if ``_stem(w)`` is a prefix of ``L`` (both start the text, and ``L`` is the longest).
    A word that goes on past its stem ("co-founder": the stem "co") starts the text only if its stem is
    ``L`` itself (a longer ``L`` has a word character where the word has none) and the text's character
    after ``L`` ends a word (or is one from U+10000 on, where a stem stops too).
    """
    of_list = [{_stem(w) for w in words} for words in lists]
    whole = [{w for w in words if _stem(w) == w} for words in lists]  # the words that are their own stem
    stems = sorted(set().union(*of_list))
    # (a whole word of list j starts s when one of s's prefixes is one: len(s) look-ups, not one per word of every
    # list)
    owners = {
        s: tuple(j for j, own in enumerate(whole) if any(s[:k] in own for k in range(1, len(s) + 1))) for s in stems
    }
    cut = {s: tuple(j for j, own in enumerate(of_list) if s in own and j not in owners[s]) for s in stems}
    return (
        re.compile(scout_pattern("", "(" + trie_pattern(stems) + ")")),
        owners,
        {s: own for s, own in cut.items() if own},
    )


def _scan_sites(text: str, lists: tuple[frozenset[str], ...]) -> dict[frozenset[str], list[int]]:
    scout, owners, cut = _shared_scout(lists)
    found: list[list[int]] = [[] for _ in lists]
    add = [f.append for f in found]
    n = len(text)
    # (a stem is word characters only: the scout, consuming it, passes over no character that ends a word)
    for m in scout.finditer(text):
        q, stem = m.start(), m[1]
        for j in owners[stem]:
            add[j](q)
        if stem in cut and (e := m.end()) < n:
            ch = text[e]
            if not (ch.isalnum() or ch == "_") or ch > "\uffff":  # "co-": the word may go on as "co-founder"
                for j in cut[stem]:
                    add[j](q)
    return dict(zip(lists, found))


def _at_text_start(
    pattern: re.Pattern[str] | LazyPattern, text: str, start: int, end: int
) -> tuple[re.Match[str] | None, int]:
    """For the scans after a word's end: the match at the text's very start (no character before it, so the
    look-behind holds) and where the character before the next match may be."""
    if start != 0:
        return None, start - 1
    m = pattern.match(text, 0, end)
    return m, (m.end() - 1 if m is not None else 0)


def finditer_sited(
    pattern: re.Pattern[str], sites: Sequence[int], text: str, start: int, end: int, not_after: str
) -> Iterator[re.Match[str]]:
    """The matches of :func:`finditer_scouted` (``(?<![\\w<not_after>])<pattern>`` in ``text[start:end]``),
    with its scout's hits read from ``sites``: :meth:`WordSites.of` a list of words that ``pattern``'s
    matches start with. ``pattern`` is tried after each site, in order, that is not in ``not_after``
    and not inside a word, as after each scout hit (the other sites cannot start a match).

    >>> p = re.compile("aide")
    >>> t = "aide, co-aide and aide"
    >>> [m.start() for m in finditer_sited(p, WordSites(t, [frozenset({"aide"})]).of(frozenset({"aide"})), t, 0, 22, "-")]
    [0, 18]
    """
    q = start - 1
    if start == 0:  # _at_text_start, inlined: one call fewer per stretch (a parse scans thousands)
        first = pattern.match(text, 0, end)
        if first is not None:
            yield first
            q = first.end() - 1
        else:
            q = 0
    i, n = bisect.bisect_left(sites, q), len(sites)
    while i < n:
        at = sites[i]
        if at >= end:
            return
        i += 1
        ch = text[at]
        if ch in not_after or (ch > "\uffff" and (ch.isalnum() or ch == "_")):
            continue
        m = pattern.match(text, at + 1, end)
        if m is not None:
            yield m
            q = m.end() - 1
            if i < n and sites[i] < q:
                i = bisect.bisect_left(sites, q, i)


def lines_only(text: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Does each of ``spans`` start and end a line (or the text), in text order with none overlapping? Then a
    pattern that matches no line end (and reads a line end after a match as it reads the end of a span) finds in
    each span what one scan of the whole text finds there.

    >>> lines_only("Ann\\nBo Ray\\n", [(0, 3), (4, 10)]), lines_only("Ann Bo", [(0, 3), (4, 6)])
    (True, False)
    """
    n = len(text)
    return all((s == 0 or text[s - 1] == "\n") and (e == n or text[e] == "\n") for s, e in spans) and all(
        a[1] <= b[0] for a, b in zip(spans, spans[1:])
    )


def sited_in(sites: Sequence[int], start: int, end: int) -> bool:
    """Can :func:`finditer_sited` with these ``sites`` find a match in ``text[start:end]``: does the stretch start
    the text, or does a site lie in ``start - 1 .. end - 1`` (the character before a match's start)? A quick
    test before a scan of a paragraph where no listed word starts (most of them).

    >>> sited_in([9, 30], 10, 20), sited_in([9, 30], 11, 20), sited_in([9, 30], 0, 5), sited_in([], 4, 9)
    (True, False, True, False)
    """
    if start == 0:
        return True
    i = bisect.bisect_left(sites, start - 1)
    return i < len(sites) and sites[i] < end


# (``\b[A-Z]``, written capital first: the engine skips to capitals fast, where a leading ``\b`` has it try every
# character)
_UPPER_START = re.compile(r"[A-Z](?<!\w[A-Z])")
# the same, and the next character if any: the first two characters of the word, which Forms test first (the
# character after a capital that starts a word never starts one, so no start is passed over)
_UPPER_START_TWO = re.compile(_UPPER_START.pattern + ".?", re.DOTALL)
# the last text's capitals that start a word, and the two characters there: each text's Forms read them (once per
# stretch, for people and for organisations), and one scan of the text is cheaper than one per stretch and
# finder. A tuple, rebound whole (a thread reads one text's positions or another's, never a mix); it holds on
# to the last text only.
_capitals: tuple[str, list[int], list[str]] = ("", [], [])


def _capital_words(text: str) -> tuple[list[int], list[str]]:
    """Where a capital A-Z starts a word in ``text``, and the word's first two characters (one if it ends the
    text): ``_UPPER_START``'s matches (read by ``_UPPER_START_TWO``), found once per text.

    >>> _capital_words("Ann met ABC and xY, then Z")
    ([0, 8, 25], ['An', 'AB', 'Z'])
    """
    global _capitals
    known = _capitals
    if known[0] is not text:
        found = list(_UPPER_START_TWO.finditer(text))
        known = _capitals = (text, [m.start() for m in found], [m.group() for m in found])
    return known[1], known[2]


def _capital_starts(text: str) -> list[int]:
    """Where a capital A-Z starts a word in ``text`` (see :func:`_capital_words`)."""
    return _capital_words(text)[0]


#: Texts longer than this (characters) find their names with one compiled pattern (see :class:`Forms`).
COMPILE_FORMS_ABOVE = 60_000


class _Node:
    """A node of a trie over the words of names: ``next`` by a whole word, ``ends`` by a last word."""

    __slots__ = ("next", "ends")

    def __init__(self) -> None:
        self.next: dict[str, _Node] = {}
        self.ends: dict[str, str] = {}


class Forms:
    """The names of one text, found as ``finditer_not_after`` finds them with
    ``re.compile("(?:" + trie_pattern(forms) + r")(?![\\w-])")``, without compiling that pattern.

    A text's names are new for every text, and compiling their trie costs about a
    millisecond: more than reading a news article. Names that start with a capital
    letter are looked up word by word (in a trie of their words) at the capitals
    that start a word, the longest that fits first; any others fall back to the
    compiled pattern. Each look-up reads at most the longest word's length past
    each word, so a scan stays linear in the text. Build it once per text and
    :meth:`find` in each stretch. For a long text (``compiled=True``), the compiled
    pattern is quicker: its cost is shared by many more words.

    >>> list(Forms(["Ann Lee", "Lee", "Ann"]).find("Ann Lee met Lee-Ray and Ann.", 0, 28, "’'-"))
    [(0, 7, 'Ann Lee'), (24, 27, 'Ann')]
    """

    def __init__(self, forms: Iterable[str], *, compiled: bool = False) -> None:
        names = frozenset(forms)  # (read twice below: an iterator would be empty the second time)
        self.pattern = _other_forms(names) if compiled else None
        self.root = _Node()
        other: list[str] = []
        self.longest = 0
        longest = 0
        for f in names:
            if not (f[:1].isascii() and f[:1].isupper()):
                if f:
                    other.append(f)
                continue
            node = self.root
            *words, last = f.split(" ")
            for w in words:
                child = node.next.get(w)
                if child is None:  # (a new node only where none is: most names share no word)
                    child = node.next[w] = _Node()
                node = child
            node.ends[last] = f
            longest = max(longest, len(last), *map(len, words))  # (one call per name, not per word)
        self.longest = longest
        self.other = _other_forms(frozenset(other)) if other else None
        self.all_forms = names if other else frozenset()
        keys = (*self.root.next, *self.root.ends)
        self.starts = frozenset(k[:2] for k in keys)  # a quick first test
        self.singles = frozenset(k for k in keys if len(k) == 1)

    def find(self, text: str, start: int, end: int, not_after: str) -> list[tuple[int, int, str]]:
        """``(start, end, form)`` of each name in ``text[start:end]``, left to right."""
        if self.pattern is not None:
            return [
                (m.start(), m.end(), m.group()) for m in finditer_not_after(self.pattern, text, start, end, not_after)
            ]
        found: list[tuple[int, int, str]] = []
        last_end = start
        root, longest, starts, singles = self.root, self.longest, self.starts, self.singles
        capitals = _capital_starts(text)
        for i in range(bisect.bisect_left(capitals, start), len(capitals)):
            p = capitals[i]
            if p >= end:
                break
            if p < last_end or (p > 0 and text[p - 1] in not_after):
                continue
            if text[p : p + 2] not in starts and text[p] not in singles:
                continue
            hit = _longest_at(root, text, p, end, longest)
            if hit is not None:
                found.append((p, hit[0], hit[1]))
                last_end = hit[0]
        if self.other is not None:  # names in lower case ("de la Cruz"): where no capitalised name is
            taken, k, extra = found, 0, []
            for om in finditer_not_after(self.other, text, start, end, not_after):
                while k < len(taken) and taken[k][1] <= om.start():
                    k += 1
                if k < len(taken) and taken[k][0] < om.end():
                    # one overlaps a capitalised name ("de Ann" and "Ann"): the whole pattern says which is
                    # read (the leftmost, then the longest); such a stretch is rare
                    whole = _other_forms(self.all_forms)
                    return [
                        (m.start(), m.end(), m.group()) for m in finditer_not_after(whole, text, start, end, not_after)
                    ]
                extra.append((om.start(), om.end(), om.group()))
            found = sorted(found + extra)
        return found

    def find_spans(
        self, text: str, spans: Sequence[tuple[int, int]], not_after: str
    ) -> list[list[tuple[int, int, str]]]:
        """:meth:`find` in each of ``spans``, from one pass over the text's capitals that may start a name (a
        pass per span costs a call and a search each): spans in text order, none overlapping (others are read
        one by one)."""
        if self.pattern is not None or self.other is not None or any(a[1] > b[0] for a, b in zip(spans, spans[1:])):
            return [self.find(text, start, end, not_after) for start, end in spans]
        starts, singles, root, longest = self.starts, self.singles, self.root, self.longest
        capitals, firsts = _capital_words(text)
        if singles:
            candidates = [p for p, two in zip(capitals, firsts) if two in starts or two[0] in singles]
        else:  # (the usual case: a test per capital in C, with no Python step)
            candidates = list(compress(capitals, map(starts.__contains__, firsts)))
        out: list[list[tuple[int, int, str]]] = []
        i, n = 0, len(candidates)
        for start, end in spans:
            while i < n and candidates[i] < start:
                i += 1
            found: list[tuple[int, int, str]] = []
            last_end = start
            while i < n and candidates[i] < end:
                p = candidates[i]
                i += 1
                if p < last_end or (p > 0 and text[p - 1] in not_after):
                    continue
                hit = _longest_at(root, text, p, end, longest)
                if hit is not None:
                    found.append((p, hit[0], hit[1]))
                    last_end = hit[0]
            out.append(found)
        return out


def _longest_at(root: _Node, text: str, p: int, end: int, longest: int) -> tuple[int, str] | None:
    """(end, form) of the longest name at ``p`` that no word character or hyphen follows."""
    best = None
    node: _Node | None = root
    pos = p
    while node is not None:
        stop = min(end, pos + longest + 1)
        s = text.find(" ", pos, stop)
        token = text[pos : s if s >= 0 else stop]
        if node.ends:
            cut = _longest_end(node.ends, token, text, pos, end)
            if cut is not None:
                best = cut
        if s < 0:
            break
        node = node.next.get(token)
        pos = s + 1
    return best


def _longest_end(ends: dict[str, str], token: str, text: str, pos: int, end: int) -> tuple[int, str] | None:
    """(end, form) of the longest of ``ends`` that ``token`` (the text at ``pos``) starts with, where no word
    character or hyphen follows it. A token of letters and digits only (most of them) can end only where it
    ends: one look-up, not one per character."""
    n = len(token)
    if n == 0:
        return None
    whole = not (pos + n < end and (_is_word(text[pos + n]) or text[pos + n] == "-"))
    if token.isalnum():
        form = ends.get(token) if whole else None
        return (pos + n, form) if form is not None else None
    if whole and (form := ends.get(token)) is not None:
        return pos + n, form
    for c in range(n - 1, 0, -1):
        ch = token[c]
        if ch.isalnum() or ch == "_" or ch == "-":
            continue  # (a cut inside a word)
        form = ends.get(token[:c])
        if form is not None:
            return pos + c, form
    return None


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


@functools.lru_cache(maxsize=32)
def _other_forms(forms: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"(?:" + trie_pattern(forms) + r")(?![\w-])")


class LazyPattern:
    """A regular expression compiled on first use, so that ``import kit`` stays fast.

    Has the methods of :class:`re.Pattern` that the parser uses; the large cue
    and name patterns cost tens of milliseconds to compile, paid by the first
    parse instead of by every import.

    >>> p = lazy_compile(r"\\bsaid\\b")
    >>> p.search("she said it").start()
    4
    """

    __slots__ = ("_source", "_flags", "_compiled", "match", "fullmatch", "search")

    # The three methods the parser calls most (tens of thousands of times a parse) are attributes: until the
    # pattern is compiled, methods that compile it first; from then on the compiled pattern's own, called
    # with no Python call in between.
    match: Callable[..., re.Match[str] | None]
    fullmatch: Callable[..., re.Match[str] | None]
    search: Callable[..., re.Match[str] | None]

    def __init__(self, source: str | Callable[[], str], flags: int = 0) -> None:
        self._source, self._flags = source, flags
        self._compiled: re.Pattern[str] | None = None
        self.match, self.fullmatch, self.search = self._match, self._fullmatch, self._search

    @property
    def compiled(self) -> re.Pattern[str]:
        c = self._compiled
        if c is None:
            c = self._compiled = re.compile(self.pattern, self._flags)
            self.match, self.fullmatch, self.search = c.match, c.fullmatch, c.search
        return c

    @property
    def pattern(self) -> str:
        """The source (a callable source, such as one built from a long word list, is called now)."""
        if callable(self._source):
            self._source = self._source()
        return self._source

    def _match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(text, pos, endpos)

    def _fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.fullmatch(text, pos, endpos)

    def _search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return (self._compiled or self.compiled).finditer(text, pos, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return (self._compiled or self.compiled).findall(text, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        return (self._compiled or self.compiled).sub(repl, text, count)

    def split(self, text: str, maxsplit: int = 0) -> list[str | Any]:
        return (self._compiled or self.compiled).split(text, maxsplit)


def lazy_compile(source: str | Callable[[], str], flags: int = 0) -> LazyPattern:
    """A :class:`LazyPattern` for ``source``, or for what ``source()`` returns (built and compiled when first used)."""
    return LazyPattern(source, flags)


def finditer_tried_at(
    pattern: re.Pattern[str], scout: re.Pattern[str], text: str, pos: int, endpos: int
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text, pos, endpos)``, with ``pattern`` tried only at ``pos``, where each
    match ends, and at and right after where ``scout`` matches.

    For a pattern the regex engine cannot skip ahead for (a ``\\b`` first: it is tried at every
    character). ``scout`` starts with a character class, which the engine skips to fast, and matches
    at ``q`` wherever ``pattern`` can match at ``q`` or ``q + 1`` (after ``pos``). ``pattern`` must not
    match the empty string.

    >>> p, s = re.compile(r"\\bso\\b|;"), re.compile(r"[^\\w](?:so|(?<=;))")
    >>> [m.start() for m in finditer_tried_at(p, s, "so; also so;so", 0, 14)] == [m.start() for m in p.finditer("so; also so;so")]
    True
    """
    match, search = pattern.match, scout.search
    m = match(text, pos, endpos)
    while True:
        if m is not None:
            yield m
            pos = m.end()
            m = match(text, pos, endpos)
            continue
        s = search(text, pos, endpos)  # pos was tried
        if s is None:
            return
        q = s.start()
        if q > pos:
            m = match(text, q, endpos)
            if m is not None:
                continue
        pos = q + 1
        m = match(text, pos, endpos)


class ScoutedPattern(LazyPattern):
    """A :class:`LazyPattern` whose ``finditer`` is :func:`finditer_tried_at` with ``scout``: the same matches,
    found faster for a pattern that starts with ``\\b`` or another assertion."""

    __slots__ = ("scout",)

    def __init__(self, source: str | Callable[[], str], scout: LazyPattern, flags: int = 0) -> None:
        super().__init__(source, flags)
        self.scout = scout

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return finditer_tried_at(self._compiled or self.compiled, self.scout.compiled, text, pos, endpos)


# (the look-behind after the first letter, the letters read possessively: the engine skips to letters, and a word
# that is followed by a word character is given up at once; the same matches as ``(?<![\w’'-])[a-z]+(?![\w’'-])``)
_LOWER_WORD = re.compile(r"[a-z](?<![\w’'-][a-z])[a-z]*" + POSSESSIVE + r"(?![\w’'-])")
_AZ = re.compile(r"[a-z]+")
_WORD_CHAR = re.compile(r"[\w’'-]")
# Above this many words, or this many finds landing inside longer words, one walk of _LOWER_WORD is cheaper.
_FIND_WORDS_MAX = 32
_FIND_MISSES_PER_CHAR = 1 / 64


#: Characters each side of a place where a word is looked for in lower case (:func:`written_lower_near`).
NEAR = 3000


def written_lower_near(text: str, at: int, word: str) -> bool:
    """Is ``word`` also written in lower case near ``at`` ("then", "donor")? A bounded window:
    the same few kilobytes for any text length, so reading every candidate stays linear.

    >>> written_lower_near("Then Ivo left, and then he came back.", 0, "Then"), written_lower_near("Ivo Vell.", 0, "Vell")
    (True, False)
    """
    w = " " + word.lower()
    lo, hi = max(0, at - NEAR), at + NEAR
    if text.find(w, lo, hi) < 0:
        return False  # (the usual answer: one search, and no copy of the window)
    return any(text.find(w + c, lo, hi) >= 0 for c in " ,.;:")


def written_lower(text: str, words: set[str]) -> set[str]:
    """Those of ``words`` that ``text`` writes as a whole lower-case word: the same as
    ``words & {m.group() for m in _LOWER_WORD.finditer(text)}``, found faster.

    A headline names few forms, and one ``str.find`` per form skims the text far faster than
    the regex walk over every character. Many forms, or many finds landing inside longer
    words ("son" in "Johnson"), fall back to the walk, so the time stays linear.

    >>> sorted(written_lower("Young said the young Johnson's rice.", {"young", "son", "rice", "kerry"}))
    ['rice', 'young']
    """
    words = {w for w in words if _AZ.fullmatch(w)}
    if len(words) > _FIND_WORDS_MAX:
        return words & {m.group() for m in _LOWER_WORD.finditer(text)}
    misses = int(len(text) * _FIND_MISSES_PER_CHAR) + 16
    found = set()
    for w in words:
        i = text.find(w)
        while i >= 0:
            if not (i and _WORD_CHAR.match(text, i - 1)) and not _WORD_CHAR.match(text, i + len(w)):
                found.add(w)
                break
            misses -= 1
            if misses < 0:
                return words & {m.group() for m in _LOWER_WORD.finditer(text)}
            i = text.find(w, i + 1)
    return found
