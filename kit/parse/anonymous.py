"""Anonymous sources: "a British official", "one Western defense official familiar with the talks".

``[determiner] [qualifiers] <head> [trailing modifier]``, all words data
(``kit/data/gazetteer.json``, section ``anonymous``): "a British official" ->
``anon_british_official`` (country ``united_kingdom``). The determiner and the
trailing modifier are part of the mention but not of the id, so "the British
official" later is the same actor. Role heads ("ministers") count only with a
qualifier naming an entity; a description right after a person's name and a
comma is an apposition, not a source ("Tom Becker, a spokesman, said"). A group
of people in lower case that speaks right after a comma is a source too ("…,
police said.", "…, local residents told reporters": ``people_nouns`` of
``kit/data/entities.json``; not in a relative clause, "which critics said").

>>> import kit
>>> art = kit.parse("A British official said talks were close.")
>>> [(a.id, a.country) for a in art.actors if a.kind == "anonymous"]
[('anon_british_official', 'united_kingdom')]
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator

from ..util import snake_id
from .attribution import CLAUSE_OPENERS, SAYING_FIRST_WORDS, alternation
from .entity_words import entity_words
from .gazetteer import Gazetteer
from .patterns import WordSites, lazy_compile, scout_pattern, trie_pattern

__all__ = ["find_anonymous", "head_first_words"]


class _AnonWords:
    def __init__(self, gaz: Gazetteer) -> None:
        a = gaz.data.get("anonymous", {})
        self.determiners = {d.lower() for d in a.get("determiners", ())}
        self.max_det = min(5, max((len(d.split()) for d in self.determiners), default=1))
        self.qualifiers = {q.lower() for q in a.get("qualifiers", ())}
        self.source = set(a.get("source_heads", ()))
        self.bare = set(a.get("bare_heads", ()))
        self.adjective_before = frozenset(a.get("adjective_before", ()))
        self.role = set(a.get("role_heads", ()))
        heads = self.source | self.role | {h.capitalize() for h in self.bare}
        self.heads = re.compile(r"(?<![\w-])(?:" + trie_pattern(heads) + r")(?![\w-])")
        # Heads that are plain words can be found with str.find (faster than the regex, same matches).
        self.head_words = sorted(heads) if all(h and (h.isalnum() or h == "_") for h in heads) else None
        # ... each looked for once with the shortest of them it starts with ("official" finds "officials" too)
        self.head_roots = _by_prefix(self.head_words) if self.head_words is not None else {}
        # ... and all the roots found in one scan: a character that ends a word, then a root
        # (one regex pass instead of a str.find pass per root; see _heads)
        self.root_scout = re.compile(scout_pattern("-", trie_pattern(self.head_roots))) if self.head_roots else None
        # ... or taken from a scan shared with other word lists (see _heads): the root found at a site
        self.root_set = frozenset(self.head_roots)
        self.root_at = re.compile(trie_pattern(self.head_roots)) if self.head_roots else None
        self.trailing = re.compile(r"[ \t]+(?:" + trie_pattern(set(a.get("trailing", ()))) + r")(?![\w-])")
        self.clause = re.compile(
            r"[,;:.!?\"“”‘()\[\]—–\n]|\s(?:" + trie_pattern(set(a.get("clause_words", ()))) + r")(?!\w)"
        )


def _by_prefix(words: list[str]) -> dict[str, list[str]]:
    """The words grouped under the shortest of them that each starts with (itself if none).

    >>> _by_prefix(["aide", "aides", "envoy", "envoys", "general"])
    {'aide': ['aide', 'aides'], 'envoy': ['envoy', 'envoys'], 'general': ['general']}
    """
    roots: dict[str, list[str]] = {}
    for w in sorted(words, key=len):
        root = next((r for r in roots if w.startswith(r)), w)
        roots.setdefault(root, []).append(w)
    return roots


@functools.lru_cache(maxsize=4)
def _anon_words(gaz: Gazetteer) -> _AnonWords:
    return _AnonWords(gaz)


def head_first_words(gaz: Gazetteer) -> frozenset[str]:
    """What every head word of an anonymous source starts with (its root; for a
    :class:`~kit.parse.patterns.WordSites` shared scan)."""
    return _anon_words(gaz).root_set


_SPACES = lazy_compile(r"\s+")
_COMMA_END = lazy_compile(r",\s*$")
_TOKEN_CHARS = frozenset(".’'-_")


def _token_before(text: str, lo: int, end: int) -> tuple[int, int] | None:
    """The last token of ``text[lo:end]`` (a word, or a comma), white space after it allowed.

    A word is a run of letters, digits, ``.’'-_``; it must follow white space
    or a comma (or start the text). ``(start, end)`` of the token, or ``None``.
    """
    r = end
    while r > lo and text[r - 1].isspace():
        r -= 1
    if r > lo and text[r - 1] == ",":
        q = r - 1
    else:
        q = r
        while q > lo and (text[q - 1].isalnum() or text[q - 1] in _TOKEN_CHARS):
            q -= 1
        if q == r:
            return None
    if q == 0 or text[q - 1].isspace() or text[q - 1] == ",":
        return q, r
    return None


def find_anonymous(
    text: str,
    spans: list[tuple[int, int]],
    chosen: list[tuple[str, int, int]],
    gaz: Gazetteer,
    person_starts: set[int],
    person_ids: set[str],
    sites: WordSites | None = None,
) -> list[tuple[str, int, int, str, str | None, str]]:
    """``(id, start, end, name, country, head)`` for every anonymous-source description.

    ``chosen`` are the gazetteer and person mentions ``(actor, start, end)``;
    ``person_starts``/``person_ids`` tell titles and appositions from sources.
    ``sites``: the text's shared scan for :func:`head_first_words` (optional: the
    same sources, found faster).
    """
    words = _anon_words(gaz)
    ending_at = {e: (a, s) for a, s, e in chosen}
    out = []
    for p_start, p_end, h_start, h_end, head in _heads(text, spans, words, sites):
        after = _SPACES.match(text, h_end, h_end + 3)
        if after and after.end() in person_starts:
            continue  # "Pentagon spokesman John Kirby": a title, not a source
        if after and head[-1] != "s" and _next_word(text, after.end()) in words.adjective_before:
            continue  # "the official news agency": an adjective, not a source
        core, entities, det = _walk_back(text, h_start, p_start, words, ending_at)
        if head[0].isupper() and (core < h_start or not _sentence_start(text, h_start, p_start)):
            continue
        if head in words.role and not entities:
            continue
        if core == h_start and det is None and head.lower() not in words.bare:
            continue
        start = det if det is not None else core
        if _after_person(text, start, p_start, ending_at, person_ids):
            continue  # "John Kirby, a spokesman for the Pentagon": an apposition
        end = _trailing_end(text, h_end, p_end, words)
        name = " ".join(text[core:h_end].split())
        country = entities[0] if len(set(entities)) == 1 else None
        out.append((_anon_id(name), start, end, name, country, head))
    groups = _groups_that_say(text, spans, out, ending_at, words.determiners, sites) if ", " in text else []
    return sorted(out + groups, key=lambda x: x[1]) if groups else out


# ", police said", ", local residents told reporters": a group of people named in lower case after a comma,
# right before a cue of saying (kit/data/entities.json ``people_nouns``)
_GROUP_SAYS = lazy_compile(
    lambda: (
        rf", (?P<g>(?:(?!{alternation(CLAUSE_OPENERS)}\b)[a-z]+[ \t]+){{0,2}}"
        rf"(?P<h>{trie_pattern(set(entity_words().people_nouns))}))[ \t]+(?:have[ \t]+|had[ \t]+)?"
        r"(?:said|say|says|told|added|reported)\b"
    )
)


_GROUP_CUES = ("said", "say", "told", "added", "reported")  # (_GROUP_SAYS's cues; "says" starts like "say")


def _group_matches(text: str, spans: list[tuple[int, int]], sites: WordSites | None) -> list[re.Match[str]]:
    """The matches of ``_GROUP_SAYS`` in the spans, in text order: read from the last comma before each site of a
    cue of saying when the shared scan has them (a few per article; the group holds no comma, so its comma is
    the last one before the cue), else by a scan of each span."""
    pattern = _GROUP_SAYS.compiled
    at = sites.of(SAYING_FIRST_WORDS) if sites is not None else None
    if at is None:
        return [m for p_start, p_end in spans for m in pattern.finditer(text, p_start, p_end)]
    out: list[re.Match[str]] = []
    starts = [a for a, _ in spans]
    for q in at:
        q += 1
        if not text.startswith(_GROUP_CUES, q):
            continue
        k = bisect.bisect_right(starts, q) - 1
        if k < 0 or q >= spans[k][1]:
            continue
        comma = text.rfind(", ", max(spans[k][0], q - 60), q)
        if comma >= 0 and (m := pattern.match(text, comma, spans[k][1])) is not None:
            if not out or out[-1].start() != m.start():
                out.append(m)
    return out


def _groups_that_say(
    text: str,
    spans: list[tuple[int, int]],
    found: list[tuple[str, int, int, str, str | None, str]],
    ending_at: dict[int, tuple[str, int]],
    determiners: set[str],
    sites: WordSites | None = None,
) -> list[tuple[str, int, int, str, str | None, str]]:
    """``(id, start, end, name, None, head)`` for each group of people in lower case that speaks after a comma
    (``_GROUP_SAYS``: "…, police said."), where no other actor is named. A determiner is part of the mention,
    not of the name ("the analysts" is "analysts")."""
    matches = _group_matches(text, spans, sites)
    if not matches:
        return []
    taken = [(a, b) for _, a, b, _, _, _ in found] + [(s, e) for e, (_, s) in ending_at.items()]
    out: list[tuple[str, int, int, str, str | None, str]] = []
    for m in matches:
        a, b = m.start("g"), m.end("g")
        if any(s < b and a < e for s, e in taken):
            continue
        words = text[a:b].split()
        name = " ".join(words[1:] if len(words) > 1 and words[0] in determiners else words)
        out.append((_anon_id(name), a, b, name, None, m.group("h")))
    return out


@functools.lru_cache(maxsize=1024)
def _anon_id(name: str) -> str:
    """The id of an anonymous source named ``name`` (remembered: a text names the same few sources
    again and again, and snake_id's Unicode folding is slow)."""
    return "anon_" + snake_id(name)


def _heads(
    text: str, spans: list[tuple[int, int]], words: _AnonWords, sites: WordSites | None = None
) -> Iterator[tuple[int, int, int, int, str]]:
    """``(paragraph start, paragraph end, start, end, head)`` for every head word in the spans, in order.

    The same as ``words.heads.finditer`` over each span: a head is a whole
    word (no letter, digit, ``_`` or ``-`` on either side), so occurrences of
    head words never overlap, and one scan of the whole text for the roots of
    the words, each after a character that ends a word, is much faster than
    trying the regex at every character (and than one ``str.find`` pass per root). With ``sites``, that
    scan is one shared with other word lists: its sites after ``-`` (or inside a word) are passed over.
    """
    if words.head_words is None:
        for p_start, p_end in spans:
            for m in words.heads.finditer(text, p_start, p_end):
                yield p_start, p_end, m.start(), m.end(), m.group()
        return
    hits: list[tuple[int, int, str]] = []
    n = len(text)
    roots = words.head_roots
    # Every place a word is, its root is, after a character that ends a word (or at the text's start).
    # No root is a prefix of another (see _by_prefix), so one scout match names the root found;
    # the scout lets every character from U+10000 through (checked here), as finditer_scouted does.
    # (the root the text starts with: no root is a prefix of another, so the trie matches that one alone)
    first = words.root_at.match(text) if words.root_at is not None else None
    at = [(0, first.group())] if first is not None else []
    shared = sites.of(words.root_set) if sites is not None else None
    if shared is not None and words.root_at is not None:
        root_at = words.root_at.match
        at += [(q + 1, r.group()) for q in shared if not _in_word(text[q]) and (r := root_at(text, q + 1))]
    elif words.root_scout is not None:
        at += [(m.start() + 1, m.group()[1:]) for m in words.root_scout.finditer(text) if not _in_word(m.group()[0])]
    for i, root in at:
        for word in roots[root]:
            j = i + len(word)
            if text.startswith(word, i) and not (j < n and _in_word(text[j])):
                hits.append((i, j, word))
    k = 0
    for p_start, p_end in spans:
        while k < len(hits) and hits[k][0] < p_start:
            k += 1  # in a paragraph that is not scanned (credits)
        while k < len(hits) and hits[k][1] <= p_end:
            yield (p_start, p_end, *hits[k])
            k += 1


def _next_word(text: str, at: int) -> str:
    """The lower-case word at ``at`` ("" when none)."""
    m = _WORD.match(text, at, at + 20)
    return m.group() if m else ""


_WORD = lazy_compile(r"[a-z]+(?![\w-])")


def _in_word(ch: str) -> bool:
    return ch.isalnum() or ch in "_-"


def _after_person(
    text: str, start: int, p_start: int, ending_at: dict[int, tuple[str, int]], person_ids: set[str]
) -> bool:
    m = _COMMA_END.search(text[max(p_start, start - 5) : start])
    if not m:
        return False
    comma = max(p_start, start - 5) + m.start()
    return comma in ending_at and ending_at[comma][0] in person_ids


def _sentence_start(text: str, pos: int, p_start: int) -> bool:
    i = pos  # skip white space backwards (no slice: paragraphs can be long)
    while i > p_start and text[i - 1].isspace():
        i -= 1
    return i == p_start or text[i - 1] in '.!?"“”:;'


#: At most this many qualifiers, entities and connectors before a head
#: ("U.S. and European security officials": four).
_MAX_WALK = 12


def _walk_back(
    text: str, head_start: int, p_start: int, words: _AnonWords, ending_at: dict[int, tuple[str, int]]
) -> tuple[int, list[str], int | None]:
    """Walk left over qualifiers: (core start, entity ids named, determiner start)."""
    pos = core = head_start
    entities: list[str] = []
    pending: list[str] = []  # entity ids seen since the last committed qualifier
    connector = False
    for _ in range(_MAX_WALK):  # bounded: a run of "senior senior ..." is read once per head at most this far
        if pos <= p_start:
            break
        stripped = pos
        while stripped > p_start and text[stripped - 1] in " \t":
            stripped -= 1
        if stripped in ending_at:
            actor, s = ending_at[stripped]
            pending.append(actor)
            pos = core = s
            entities += pending
            pending, connector = [], False
            continue
        at = _token_before(text, max(p_start, stripped - 40), stripped)
        if at is None:
            break
        token = text[at[0] : at[1]]
        low = token.lower()
        if (
            low in words.qualifiers
            and token[:1].islower()
            or (low in words.qualifiers and _sentence_start(text, at[0], p_start))
        ):
            pos = core = at[0]
            connector = False
            continue
        if low in ("and", ",", "&") and not connector and core == pos:
            connector = True
            pos = at[0]
            continue
        break
    return core, entities, _determiner(text[max(p_start, core - 30) : core], core, words)


def _determiner(before: str, core: int, words: _AnonWords) -> int | None:
    """Start of the determiner ending ``before`` (``before`` ends at ``core``): "a", "a number of".

    The longest run of up to ``max_det`` whole words (each followed by white
    space) that is a determiner; a run must start the slice or follow white space.
    """
    starts = []  # starts[n - 1]: where the last n words begin
    i = len(before)
    for _ in range(words.max_det):
        j = i
        while j > 0 and before[j - 1].isspace():
            j -= 1
        k = j
        while k > 0 and (before[k - 1].isalnum() or before[k - 1] == "_"):
            k -= 1
        if j == i or k == j:
            break
        starts.append(k)
        i = k
    for k in reversed(starts):
        if (k == 0 or before[k - 1].isspace()) and " ".join(before[k:].lower().split()) in words.determiners:
            return core - (len(before) - k)
    return None


#: A trailing modifier ("familiar with the talks") ends at a clause boundary within this many
#: characters, else it is not taken (no search to the paragraph's end for every source).
_MAX_TRAILING = 200


def _trailing_end(text: str, head_end: int, p_end: int, words: _AnonWords) -> int:
    """Extend over "familiar with ..." up to the next clause boundary (within ``_MAX_TRAILING``)."""
    m = words.trailing.match(text, head_end, p_end)
    if not m:
        return head_end
    limit = min(p_end, m.end() + _MAX_TRAILING)
    stop = words.clause.search(text, m.end(), limit)
    if stop is None and limit < p_end:
        return head_end
    end = stop.start() if stop else p_end
    while end > head_end and text[end - 1].isspace():
        end -= 1
    return end
