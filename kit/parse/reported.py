"""Reported (indirect) speech: "Kerry said talks would go on", "Talks will go on, Kerry said."

A cue verb of saying (``kit/data/cues.json``) outside the quotation marks,
and not already used to attribute a quotation, introduces reported speech in
one of two shapes:

* trailing: "Talks will go on, Kerry said." -- the content runs from the
  sentence start to the comma, the speaker follows it ("…, said Kerry").
* leading: "Kerry said (that) talks will go on" / "Kerry told ministers that
  …" -- the speaker is the subject of the clause before the cue, the content
  starts after "that", after the listener, or after adverbials ("on Monday",
  "in a statement"), and runs to the end of the sentence or to a trailing
  attribution.

A span that overlaps a full quotation is dropped; a cue naming several
actors ("Kerry and Hagel said") gives one record per actor. Speakers are read
with the shared grammar of :mod:`kit.parse.attribution` and resolved by
:mod:`kit.parse.speakers`.

>>> import kit
>>> art = kit.load_article()
>>> r = art.reported[0]
>>> art.span(r.speaker_start, r.speaker_end), r.cue, art.span(r.start, r.end)[:31]
('John Kerry', 'told', 'there were many ways they could')
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterator

from ..records import Paragraph, Quote, Reported
from .attribution import (
    CLAUSE_OPENERS,
    FIRST_PERSON,
    LINKING_VERBS,
    MODALS,
    OBJECT_CUES,
    SAY_BODY,
    SAY_RE,
    SAY_SCOUT,
    SAYING_FIRST_WORDS,
    THIRD_PERSON,
    pronoun_pattern,
    span_ok,
    strip_span,
    subject_before,
    trailing_aux,
)
from .entity_words import entity_words
from .patterns import WordSites, finditer_scouted, finditer_sited, lazy_compile
from .speakers import Context, resolve
from .structure import sentence_at

__all__ = ["find_reported", "cue_first_words"]

_ADVERBIAL = lazy_compile(
    r"\s*(?:(?:on|this|last|next|late|early)\s+(?:\w+day|week|month|year|morning|afternoon|evening|night)"
    r"|yesterday|today|tonight|earlier|later|again|also|previously|repeatedly|in\s+a\s+(?:statement|speech|"
    r"interview|letter)|at\s+a\s+news\s+conference|in\s+private)\s*,?"
)
# "that" as a word after at most 240 characters with no stop or quotation mark (read by _that_end)
_THAT_REACH = 240
_THAT_STOP = lazy_compile(r"[.;:!?“”\"]")
# "told ministers in private they ...": a pronoun after at most six words, read word by word
# (one pattern per word, no repetition of a group: a nested quantifier could split a long word
# in exponentially many ways).
_PRONOUN_AT = lazy_compile(lambda: rf"\s+(?={pronoun_pattern(extra=('there',))}\b)")
_WORD_AT = lazy_compile(r"\s*[\w’'-]+")
_SEVEN_WORDS = lazy_compile(r"(?:\s*(?=(\S+))\1){7}")  # seven whole words (the look-ahead: no backtracking into one)


def find_reported(
    ctx: Context, paragraphs: tuple[Paragraph, ...], quotes: tuple[Quote, ...], *, sites: WordSites | None = None
) -> tuple[Reported, ...]:
    """The reported speech of the body paragraphs, in text order.

    Runs after :func:`kit.parse.quotes.find_quotes` on the same ``ctx``: the
    cues that attribute a quotation (``ctx.used_cues``) and the text inside
    full quotations are skipped. ``sites``: the text's shared scan for
    :func:`cue_first_words` (optional: the same cues, found faster).
    """
    text = ctx.text
    used_cues = ctx.used_cues
    qspans = sorted((q.start, q.end, q.partial) for q in quotes)
    qstarts = [a for a, _, _ in qspans]
    out: list[Reported] = []

    def inside_quote(pos: int) -> bool:
        j = bisect.bisect_right(qstarts, pos) - 1
        return j >= 0 and qspans[j][0] <= pos < qspans[j][1] + 1

    def overlaps_full(a: int, b: int) -> bool:
        j = bisect.bisect_right(qstarts, b)
        for k in range(max(0, j - 3), j):  # (a loop, not any() over a generator: called once per record)
            if not qspans[k][2] and qspans[k][1] > a:
                return True
        return False

    # The cues of the body paragraphs; they are then handled sentence by sentence.
    by_sentence: dict[int, list[re.Match[str]]] = {}
    for h in _body_cues(text, paragraphs, _cue_finder(sites)):
        if h.start() not in used_cues and not inside_quote(h.start()):
            by_sentence.setdefault(sentence_at(ctx.sentences, ctx.starts, h.start()), []).append(h)
    for si, hits in by_sentence.items():
        s = ctx.sentences[si]
        end = s.end
        while end > s.start and text[end - 1] in ".!?…”’\"' ":
            end -= 1
        trailing: list[tuple[int, tuple[int, int], re.Match[str]]] = []
        leading: list[tuple[tuple[int, int], int, re.Match[str]]] = []
        for h in hits:
            comma = text.rfind(",", max(s.start, h.start() - 120), h.start())
            if comma > s.start and _few_words_after(text, h.end(), end):
                np_ = strip_span(text, comma + 1, h.start())
                aux = trailing_aux(text, *np_)
                np_ = (np_[0], aux if aux is not None else np_[1])
                after = strip_span(text, h.end(), end)
                if np_[0] >= np_[1] and span_ok(text, *after, max_words=12) and not _a_clause(text, *after):
                    np_ = after  # ", said X." (not "Ivo Marsk, a chemist, said the plan would fail.": a clause)
                if span_ok(text, *np_, max_words=8) or _people_in_lower_case(text, *np_):
                    trailing.append((comma, np_, h))
                    continue
            subj = subject_before(text, s.start, h.start(), hits=ctx.hits)
            if subj is None:
                continue
            start = _content_start(text, h, end)
            if start is not None and start < end:
                leading.append((subj, start, h))
        commas = sorted([c for c, _, _ in trailing]) if trailing else []
        for comma, np_, h in trailing:
            a, b = strip_span(text, s.start, comma)
            _emit(ctx, out, np_, h.group(), a, b, s.paragraph, overlaps_full)
        for subj, start, h in leading:
            k = bisect.bisect_right(commas, start)  # the first trailing comma after the content starts
            stop = commas[k] if k < len(commas) else end
            a, b = strip_span(text, start, stop)
            _emit(ctx, out, subj, h.group(), a, b, s.paragraph, overlaps_full)
    out.sort(key=lambda r: (r.start, r.speaker_start or 0))
    return tuple(out)


@functools.cache
def cue_first_words() -> frozenset[str]:
    """Every cue's first word (for a :class:`~kit.parse.patterns.WordSites` shared scan)."""
    return SAYING_FIRST_WORDS


def _cue_finder(sites: WordSites | None = None) -> Callable[[str, int, int], Iterator[re.Match[str]]]:
    """``SAY_RE.finditer`` for ``(text, start, end)``: scouted when the cues allow it (see ``SAY_BODY``),
    from the ``sites`` of a scan shared with other word lists when given."""
    if SAY_BODY is None or SAY_SCOUT is None:
        return SAY_RE.compiled.finditer  # looked up once: no LazyPattern call per paragraph
    body = SAY_BODY.compiled
    shared = sites.of(cue_first_words()) if sites is not None else None
    if shared is not None:
        return lambda text, start, end: finditer_sited(body, shared, text, start, end, "")
    scout = SAY_SCOUT.compiled  # (not a LazyPattern call per hit)
    return lambda text, start, end: finditer_scouted(body, scout, text, start, end, "")


def _body_cues(
    text: str, paragraphs: tuple[Paragraph, ...], cues: Callable[[str, int, int], Iterator[re.Match[str]]]
) -> list[re.Match[str]]:
    """``cues(text, p.start, p.end)`` for each body paragraph ``p``, in order, from one scan of the whole text
    (a scan per paragraph costs more than the text's few cues). A paragraph is scanned on its own when a
    cue of the whole text reaches across its start or its end ("according\\nto"), or a word character
    follows it: then only its own scan gives the same cues (its window cut where the paragraph ends).
    """
    found = list(cues(text, 0, len(text)))
    out: list[re.Match[str]] = []  # (a list, not a generator: read once, in full)
    k, n = 0, len(found)
    for p in paragraphs:
        while k < n and found[k].start() < p.start:
            k += 1
        if p.kind != "body":
            continue
        j = k
        while j < n and found[j].start() < p.end:
            j += 1
        if (
            (k > 0 and found[k - 1].end() > p.start)
            or (j > k and found[j - 1].end() > p.end)
            or (p.end < len(text) and (text[p.end].isalnum() or text[p.end] == "_"))
        ):
            out += cues(text, p.start, p.end)
        elif j > k:
            out += found[k:j]
        k = j
    return out


_CLAUSE_WORDS = MODALS | LINKING_VERBS
_SUBJECT_PRONOUNS = frozenset(p.lower() for p in THIRD_PERSON + FIRST_PERSON) | {"you"}


def _a_clause_begun(words: list[str]) -> bool:
    """Do ``words`` (between a cue and "that") open the clause that was said: a subject pronoun, then a modal or
    a linking verb ("he would not join a coalition")? Then "that" is a relative pronoun inside it."""
    for i, w in enumerate(words):
        if w.lower() in _SUBJECT_PRONOUNS:
            return any(v in _CLAUSE_WORDS for v in words[i + 1 : i + 3])
    return False


def _people_in_lower_case(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` a few words in lower case that end with a people noun ("officials", "local
    residents", "police": ``people_nouns``)? Such a group reports as a named one does (", officials said.")."""
    words = text[start:end].split()
    return (
        0 < len(words) <= 3
        and all(w.isalpha() and w.islower() for w in words)
        and words[-1] in entity_words().people_nouns
        and words[0] not in _CLAUSE_OPENERS  # "…, which critics said": a relative clause, no attribution
    )


_CLAUSE_OPENERS = frozenset(CLAUSE_OPENERS)


def _a_clause(text: str, start: int, end: int) -> bool:
    """Do the words of ``text[start:end]`` hold a modal or a linking verb ("the plan would fail", "it was late")?
    Then they are what was said, not a speaker's name ("the bank", "a spokesman for Norvo")."""
    return not _CLAUSE_WORDS.isdisjoint(text[start:end].split())


def _few_words_after(text: str, pos: int, end: int) -> bool:
    """At most six words, none of them "that", in ``text[pos:end]`` (", Kerry said on Monday.").

    Reads at most seven words (never the rest of a long sentence: once per cue, that would be quadratic).
    """
    if _SEVEN_WORDS.match(text, pos, end):  # (one match call, not a Python step per word)
        return False
    return "that" not in text[pos:end].split()  # (at most six words: the match above read them all)


def _content_start(text: str, h: re.Match[str], end: int) -> int | None:
    cue = " ".join(h.group().split())
    pos = h.end()
    if cue == "according to":
        return None
    that = _that_end(text, pos, end)
    if that is not None and (cue in OBJECT_CUES or len(text[pos:that].split()) <= 8):
        if not _a_clause_begun(text[pos:that].split()):
            return that
        that = None  # "said he would not join a coalition that included …": a relative "that"; the clause began
    if cue in OBJECT_CUES and cue != "warned":
        return _pronoun_near(text, pos, end)
    while True:
        m = _ADVERBIAL.match(text, pos, end)
        if not m or m.end() == pos:
            break
        pos = m.end()
    return pos


def _that_end(text: str, pos: int, end: int) -> int | None:
    """Where the white space after the first word "that" in ``text[pos:end]`` ends, when at most
    ``_THAT_REACH`` characters with no stop or quotation mark come before it; else ``None``.

    The match of ``(?:[^.;:!?“”"]{0,240}?)\\bthat\\b\\s*`` at ``pos``, found with ``str.find``: the lazy
    repeat had the regex engine test "that" at every character.

    >>> t = "it said thatch and that, then that"
    >>> t[_that_end(t, 3, len(t)) :], _that_end("said. That is that", 0, 18)
    (', then that', None)
    """
    stop = _THAT_STOP.search(text, pos, min(end, pos + _THAT_REACH))
    last = stop.start() if stop is not None else min(end, pos + _THAT_REACH)  # where "that" may start, at most
    hi = min(end, last + 4)
    q = text.find("that", pos, hi)
    while q >= 0:
        before = text[q - 1] if q > 0 else " "  # (\b reads the text before pos too)
        after = text[q + 4] if q + 4 < end else " "
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            q += 4
            while q < end and text[q].isspace():
                q += 1
            return q
        q = text.find("that", q + 1, hi)
    return None


def _pronoun_near(text: str, pos: int, end: int) -> int | None:
    """Where a pronoun starts after at most six whole words from ``pos`` ("told ministers they ..."), or ``None``."""
    for words in range(7):
        p = _PRONOUN_AT.match(text, pos, end)
        if p:
            return p.end()
        w = _WORD_AT.match(text, pos, end) if words < 6 else None
        if w is None:
            return None
        pos = w.end()
    return None


def _emit(
    ctx: Context,
    out: list[Reported],
    span: tuple[int, int],
    cue: str,
    a: int,
    b: int,
    paragraph: int,
    overlaps_full: Callable[[int, int], bool],
) -> None:
    if a >= b or overlaps_full(a, b):
        return
    cue = " ".join(cue.split())
    found = resolve(ctx, *span)
    if len(found) > 1:
        for actor, ms, me in found:
            out.append(Reported(actor, ms, me, cue, a, b, paragraph))
    else:
        out.append(Reported(found[0][0] if found else None, span[0], span[1], cue, a, b, paragraph))
