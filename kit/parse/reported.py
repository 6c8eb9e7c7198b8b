"""Reported speech, and the clause grammar that finds who is speaking.

:mod:`kit.parse.quotes` builds on this module: the cue verbs (``kit/data/cues.json``),
the subject of a clause ("Kerry, 70, told…" -> "Kerry"), actors named in a
speaker span and pronoun resolution live here and serve both.

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
actors ("Kerry and Hagel said") gives one record per actor. Pronouns resolve
to the most recent person (he/she) or state/organisation (it) named as a
subject, found on demand and remembered (linear time on long texts).

>>> import kit
>>> art = kit.load_article()
>>> r = art.reported[0]
>>> art.span(r.speaker_start, r.speaker_end), r.cue, art.span(r.start, r.end)[:31]
('John Kerry', 'told', 'there were many ways they could')
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..errors import KitError
from .patterns import trie_pattern
from ..records import Mention, Paragraph, Quote, Reported, Sentence
from .structure import sentence_at
from ..data import data_text

__all__ = ["find_reported", "SAYING_CUES", "THINKING_CUES", "OBJECT_CUES"]

_ADVERBIAL = re.compile(
    r"\s*(?:(?:on|this|last|next|late|early)\s+(?:\w+day|week|month|year|morning|afternoon|evening|night)"
    r"|yesterday|today|tonight|earlier|later|again|also|previously|repeatedly|in\s+a\s+(?:statement|speech|"
    r"interview|letter)|at\s+a\s+news\s+conference|in\s+private)\s*,?"
)
_THAT_NEAR = re.compile(r"(?:[^.;:!?“”\"]{0,240}?)\bthat\b\s*")
# Up to six whole words, then a pronoun. Each word is read whole ((?!...) after it): a word that
# could be split ("aaaa" as "a"+"aaa", ...) would be tried in exponentially many ways.
_PRONOUN_NEAR = re.compile(r"(?:\s*[\w’'-]+(?![\w’'-])){0,6}?\s+(?=(?:he|she|they|it|we|I|there)\b)")


def _load_cues() -> dict[str, tuple[str, ...]]:
    """The cue verbs from ``kit/data/cues.json`` (lists ``saying``, ``thinking``, ``object``)."""
    raw = data_text("cues.json")
    try:
        data = json.loads(raw)
        return {key: tuple(str(w) for w in data[key]) for key in ("saying", "thinking", "object")}
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise KitError(f"kit/data/cues.json: {type(exc).__name__} ({exc}); it needs lists "
                       "'saying', 'thinking' and 'object': fix the file or reinstall kit") from None


_CUES = _load_cues()
#: Verbs (and phrases) of saying that attribute a quotation or reported speech.
SAYING_CUES: tuple[str, ...] = _CUES["saying"]
#: Verbs of thinking or assessing that can govern a partial (scare) quote.
THINKING_CUES: tuple[str, ...] = _CUES["thinking"]
#: Cues that take a listener before their content ("told ministers ... that ...").
OBJECT_CUES: tuple[str, ...] = _CUES["object"]


def _alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of ``words`` shaped as a trie (longest first; fast to try at each position)."""
    return "(?:" + trie_pattern(set(words)).replace(r"\ ", r"\s+") + ")"


_SAY = _alternation(SAYING_CUES)
_SAY_RE = re.compile(rf"\b(?:{_SAY})\b")
# One word each: a phrase ("has also") would match a run of them in exponentially many ways.
_AUX_WORDS = ("has", "have", "had", "also", "later", "then", "again", "would", "will", "quickly", "once",
              "previously", "repeatedly")
_AUX = "(?:" + "|".join(_AUX_WORDS) + ")"
#: At most this many auxiliaries between a subject and its verb ("has also previously said").
_MAX_AUX = 6
_AUX_LAST = frozenset(w.split()[-1] for w in _AUX_WORDS)
_CLAUSE_WORDS = ("when", "while", "because", "although", "though", "but", "where", "whereas", "meaning", "if", "so",
                 "that", "and then")
_CLAUSE = re.compile(
    rf"(?:[;(—–]|\s-\s|\b(?:{trie_pattern(set(_CLAUSE_WORDS))})\b"
    rf"|\b(?:{trie_pattern({'as', 'after', 'before', 'since', 'until'})})\b(?=\s+(?:he|she|they|it|we|I|[A-Z])))\s*"
)
_TRAILING_AUX = re.compile(rf"(?:\s+{_AUX}){{1,{_MAX_AUX}}}\s*$")
_APPOSITIVE = re.compile(r"\s*(?:\w+ing\b|who\b|which\b|whose\b|the\b|a\b|an\b|his\b|her\b|its\b|their\b|familiar\b)")
_TAGS = re.compile(r"^(?:<[^<>]{0,40}>)+")
_BAD_SUBJECT = re.compile(r"[“”\"‘]|\s(?:and|but|or)$")
_NP_START = frozenset(
    "he she they it we i the a an one two three some several another his her their its our "
    "many most both".split()
)
_PRONOUNS = {"he": ("person", "anonymous"), "she": ("person", "anonymous"),
             "it": ("state", "organization", "group"), "they": ("anonymous", "group", "state", "organization")}
_KIND_RANK = {"person": 0, "anonymous": 0, "organization": 1, "state": 2, "group": 3}
_WINDOW = 300
_NONSPACE = re.compile(r"\S+")


@dataclass
class _Ctx:
    """What :func:`kit.parse.quotes.find_quotes` and :func:`find_reported` share while parsing one text."""

    text: str
    sentences: tuple[Sentence, ...]
    kinds: dict[str, str]
    mentions: tuple[Mention, ...]
    starts: list[int] = field(default_factory=list)
    m_starts: list[int] = field(default_factory=list)
    is_subject: dict[int, bool] = field(default_factory=dict)  # mention index -> names a subject?
    last_subject: dict[tuple[str, ...], dict[int, int]] = field(default_factory=dict)


def _span_ok(text: str, a: int, b: int, *, max_words: int = 15) -> bool:
    words = text[a:b].split()
    if not words or len(words) > max_words:
        return False
    first = words[0]
    if first.startswith("<"):
        first = _TAGS.sub("", first)  # "<b>Kerry"
    first = first.strip("“‘\"'(")
    return first[:1].isupper() or first.lower() in _NP_START


def _strip_span(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in ",“”\"‘’'"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:"):
        b -= 1
    return a, b


def _last_word(text: str, a: int, b: int) -> str:
    """The run of non-space characters that ends ``text[a:b]`` (trailing white space skipped)."""
    r = b
    while r > a and text[r - 1].isspace():
        r -= 1
    q = r
    while q > a and not text[q - 1].isspace():
        q -= 1
    return text[q:r]


def _trailing_aux(text: str, a: int, b: int) -> int | None:
    """Where the auxiliaries ending ``text[a:b]`` start ("Kerry has also" -> " has also"), or ``None``."""
    if _last_word(text, a, b) not in _AUX_LAST:
        return None  # quick check: the last word must be an auxiliary
    m = _TRAILING_AUX.search(text, a, b)
    return m.start() if m else None


def _subject_before(ctx: _Ctx, lo: int, cue: int) -> tuple[int, int] | None:
    """The subject of the clause whose verb starts at ``cue`` (text from ``lo``)."""
    text = ctx.text
    lo = max(lo, cue - _WINDOW)
    for m in _CLAUSE.finditer(text, lo, cue):
        lo = m.end()
    aux = _trailing_aux(text, lo, cue)
    end = aux if aux is not None else lo + len(text[lo:cue].rstrip())
    start = lo
    if "," in text[start:end]:
        parts, pos = [], start
        for piece in text[start:end].split(","):
            parts.append((pos, pos + len(piece)))
            pos += len(piece) + 1
        if text[parts[-1][0]:parts[-1][1]].strip():
            start, end = parts[-1]
        else:
            for a, b in reversed(parts[:-1]):
                if text[a:b].strip() and not _APPOSITIVE.match(text, a) or (a, b) == parts[0]:
                    start, end = a, b
                    break
    start, end = _strip_span(text, start, end)
    if not _span_ok(text, start, end) or _BAD_SUBJECT.search(text, start, end):
        return None
    return start, end


def _resolve(ctx: _Ctx, a: int, b: int) -> list[tuple[str, int, int]]:
    """Actors named inside a speaker span (best kind first), or the pronoun's referent."""
    i = bisect.bisect_left(ctx.m_starts, a)
    found: list[Mention] = []
    while i < len(ctx.mentions) and ctx.mentions[i].start < b:
        m = ctx.mentions[i]
        if m.end <= b:
            found.append(m)
        i += 1
    if found:
        best = min(_KIND_RANK.get(ctx.kinds.get(m.actor, ""), 9) for m in found)
        out: dict[str, tuple[str, int, int]] = {}
        for m in found:
            if _KIND_RANK.get(ctx.kinds.get(m.actor, ""), 9) == best:
                out.setdefault(m.actor, (m.actor, m.start, m.end))
        return list(out.values())
    word = ctx.text[a:b].lower()
    if word in _PRONOUNS:
        k = _last_subject(ctx, _PRONOUNS[word], bisect.bisect_left(ctx.m_starts, a))
        if k >= 0:
            m = ctx.mentions[k]
            return [(m.actor, m.start, m.end)]
    return []


_CAPS_PREFIX = re.compile(r"[\s“\"‘(]*(?:(?:\(?[A-Z][\w’'.\-]*\)?|of|the|and|for|de|von|van|al|[-—–])[\s,]+)*")
_AFTER_VERB = re.compile(
    rf"\s*(?:,[^,]{{0,80}},\s*)?(?:(?:has|have|had|is|was|were|are|will|would|could|can|may|might|should|"
    rf"also|later|then)\b|(?:{_SAY})\b|[a-z]+ed\b)"
)
_BEFORE_CLAUSE = re.compile(r"(?:,|\b(?:when|while|as|after|and|but|meaning|that|because|since|if))\s+(?:the\s+)?$")


def _last_subject(ctx: _Ctx, kinds: tuple[str, ...], i: int) -> int:
    """Index of the last mention before ``ctx.mentions[i]`` that names an actor of one of
    ``kinds`` as a clause's subject (-1 if none): the referent of a pronoun.

    Computed on demand and remembered, so resolving every pronoun of a long
    text looks at each mention at most once per set of kinds (linear time).
    """
    if not ctx.sentences:
        return -1
    memo = ctx.last_subject.setdefault(kinds, {})
    seen: list[int] = []
    found = -1
    k = i - 1
    while k >= 0:
        if k in memo:
            found = memo[k]
            break
        seen.append(k)
        if ctx.kinds.get(ctx.mentions[k].actor) in kinds and _is_subject(ctx, k):
            found = k
            break
        k -= 1
    for v in seen:
        memo[v] = found
    return found


def _is_subject(ctx: _Ctx, k: int) -> bool:
    """Does mention ``k`` name the subject of its clause ("Kerry, 70, told…", "…, and Britain has…")?"""
    hit = ctx.is_subject.get(k)
    if hit is None:
        text, m = ctx.text, ctx.mentions[k]
        s = ctx.sentences[sentence_at(ctx.sentences, ctx.starts, m.start)]
        lo = max(s.start, m.start - 200)
        hit = _CAPS_PREFIX.fullmatch(text, lo, m.start) is not None or (
            _BEFORE_CLAUSE.search(text[max(lo, m.start - 40):m.start]) is not None
            and _AFTER_VERB.match(text, m.end, min(len(text), m.end + 120)) is not None
        )
        ctx.is_subject[k] = hit
    return hit


def find_reported(ctx: _Ctx, paragraphs: tuple[Paragraph, ...], quotes: list[Quote],
                  used_cues: set[int]) -> tuple[Reported, ...]:
    """The reported speech of the body paragraphs, in text order.

    Called by :func:`kit.parse.quotes.find_quotes` (``ctx`` is its parsing context;
    ``used_cues`` the offsets of the cues that already attribute a quote).
    """
    text = ctx.text
    qspans = sorted((q.start, q.end, q.partial) for q in quotes)
    qstarts = [a for a, _, _ in qspans]
    out: list[Reported] = []

    def inside_quote(pos: int) -> bool:
        j = bisect.bisect_right(qstarts, pos) - 1
        return j >= 0 and qspans[j][0] <= pos < qspans[j][1] + 1

    def overlaps_full(a: int, b: int) -> bool:
        j = bisect.bisect_right(qstarts, b)
        return any(not qspans[k][2] and qspans[k][1] > a for k in range(max(0, j - 3), j))

    # One scan per body paragraph; the cues are then handled sentence by sentence.
    by_sentence: dict[int, list[re.Match[str]]] = {}
    for p in paragraphs:
        if p.kind == "body":
            for h in _SAY_RE.finditer(text, p.start, p.end):
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
                np_ = _strip_span(text, comma + 1, h.start())
                aux = _trailing_aux(text, *np_)
                np_ = (np_[0], aux if aux is not None else np_[1])
                if np_[0] >= np_[1] and _span_ok(text, *_strip_span(text, h.end(), end), max_words=12):
                    np_ = _strip_span(text, h.end(), end)  # ", said X."
                if _span_ok(text, *np_, max_words=8):
                    trailing.append((comma, np_, h))
                    continue
            subj = _subject_before(ctx, s.start, h.start())
            if subj is None:
                continue
            start = _content_start(text, h, end)
            if start is not None and start < end:
                leading.append((subj, start, h))
        commas = sorted(c for c, _, _ in trailing)
        for comma, np_, h in trailing:
            a, b = _strip_span(text, s.start, comma)
            _emit(ctx, out, np_, h.group(), a, b, s.paragraph, overlaps_full)
        for subj, start, h in leading:
            k = bisect.bisect_right(commas, start)  # the first trailing comma after the content starts
            stop = commas[k] if k < len(commas) else end
            a, b = _strip_span(text, start, stop)
            _emit(ctx, out, subj, h.group(), a, b, s.paragraph, overlaps_full)
    out.sort(key=lambda r: (r.start, r.speaker_start or 0))
    return tuple(out)


def _few_words_after(text: str, pos: int, end: int) -> bool:
    """At most six words, none of them "that", in ``text[pos:end]`` (", Kerry said on Monday.").

    Reads at most seven words (never the rest of a long sentence: once per cue, that would be quadratic).
    """
    words = []
    for m in _NONSPACE.finditer(text, pos, end):
        words.append(m.group())
        if len(words) > 6:
            return False
    return "that" not in words


def _content_start(text: str, h: re.Match[str], end: int) -> int | None:
    cue = " ".join(h.group().split())
    pos = h.end()
    if cue == "according to":
        return None
    m = _THAT_NEAR.match(text, pos, end)
    if m and (cue in OBJECT_CUES or len(text[pos:m.start() + len(m.group())].split()) <= 8):
        return m.end()
    if cue in OBJECT_CUES and cue != "warned":
        m = _PRONOUN_NEAR.match(text, pos, end)
        return m.end() if m else None
    while True:
        m = _ADVERBIAL.match(text, pos, end)
        if not m or m.end() == pos:
            break
        pos = m.end()
    return pos


def _emit(ctx: _Ctx, out: list[Reported], span: tuple[int, int], cue: str, a: int, b: int,
          paragraph: int, overlaps_full: Callable[[int, int], bool]) -> None:
    if a >= b or overlaps_full(a, b):
        return
    cue = " ".join(cue.split())
    found = _resolve(ctx, *span)
    if len(found) > 1:
        for actor, ms, me in found:
            out.append(Reported(actor, ms, me, cue, a, b, paragraph))
    else:
        out.append(Reported(found[0][0] if found else None, span[0], span[1], cue, a, b, paragraph))
