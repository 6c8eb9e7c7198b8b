"""Direct quotations, their speakers, and reported speech.

Quotation marks are paired paragraph by paragraph in one left-to-right pass,
so a stray mark can upset at most its own paragraph. Apostrophes (that’s,
allies’, can't) never pair; ‘…’ inside “…” stays inside the outer quote; a
paragraph whose quote is left open continues into the next one when that
paragraph re-opens with a mark (the news convention). Speakers come from the
attribution next to the quote ("…,” Kerry said / said X / X told Y: “…” /
according to X), from the clause that governs a partial quote ("it assessed a
strike was “highly likely”"), or from the previous paragraph (continued
quotes). Pronouns resolve to the most recent person (he/she) or
state/organisation (it) named as a subject.

>>> import kit
>>> art = kit.load_article()
>>> q = art.quotes[2]
>>> art.span(q.speaker_start, q.speaker_end), q.cue
('he', 'said')
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .records import Actor, Mention, Paragraph, Quote, Reported, Sentence
from .structure import sentence_at

__all__ = ["find_quotes", "SAYING_CUES", "THINKING_CUES", "OBJECT_CUES"]

#: Verbs (and phrases) of saying that attribute a quotation or reported speech.
SAYING_CUES: tuple[str, ...] = (
    "according to", "called for", "calls for", "said", "says", "say", "told", "tells", "added",
    "adds", "warned", "warns", "announced", "announces", "acknowledged", "acknowledges", "urged",
    "urges", "insisted", "insists", "declared", "declares", "asked", "wrote", "writes", "stated",
    "noted", "explained", "explains", "argued", "argues", "claimed", "stressed", "confirmed",
    "denied", "predicted", "promised", "vowed", "pledged", "admitted", "conceded", "cautioned",
    "emphasised", "emphasized", "maintained", "asserted", "suggested", "reiterated", "replied",
    "responded", "recalled", "complained", "demanded", "assured", "informed", "reminded",
)
#: Verbs of thinking or assessing that can govern a partial (scare) quote.
THINKING_CUES: tuple[str, ...] = (
    "assessed", "assesses", "believed", "believes", "thought", "thinks", "considered", "considers",
    "described", "describes", "called", "calls", "termed", "judged", "deemed", "saw", "sees",
    "viewed", "regarded", "feared", "fears", "estimated", "expected", "felt", "branded", "labelled",
    "labeled", "dubbed",
)
#: Cues that take a listener before their content ("told ministers ... that ...").
OBJECT_CUES: tuple[str, ...] = (
    "told", "tells", "urged", "urges", "asked", "warned", "warns", "assured", "informed", "reminded",
)


def _alternation(words: tuple[str, ...]) -> str:
    """A regex alternation, longest first, guarded by a look-ahead on the first letters (fast)."""
    firsts = "".join(sorted({w[0] for w in words}))
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return f"(?=[{firsts}])(?:{body})"


_SAY = _alternation(SAYING_CUES)
_SAY_RE = re.compile(rf"\b(?:{_SAY})\b")
_GOVERN_RE = re.compile(rf"\b(?:{_alternation(SAYING_CUES + THINKING_CUES)})\b")
_AUX = r"(?:has|have|had|also|later|then|again|would|will|quickly|once|previously|repeatedly|has\s+also)"
_SPK = r"[^\s,.;:!?“”\"‘’'()\[\]—–-][^,.;:!?“”\"()\[\]—–]{0,120}?"
_POST_NORMAL = re.compile(rf"[\s,]*(?P<spk>{_SPK})\s+(?:{_AUX}\s+)*(?P<cue>{_SAY})\b")
_POST_INVERTED = re.compile(rf"[\s,]*(?P<cue>{_SAY})\s+(?P<spk>[^,.;:!?“”\"()]{{1,160}})")
_INTRO_END = re.compile(rf"(?:\b(?:{_SAY})\b[^.!?“”\"]{{0,60}}:|\b(?:{_SAY}),?)\s*$")
_CLAUSE = re.compile(
    r"(?:[;(—–]|\s-\s|\b(?:when|while|because|although|though|but|where|whereas|meaning|if|so|that|and then)\b"
    r"|\b(?:as|after|before|since|until)\b(?=\s+(?:he|she|they|it|we|I|[A-Z])))\s*"
)
_TRAILING_AUX = re.compile(rf"(?:\s+{_AUX})+\s*$")
_APPOSITIVE = re.compile(r"\s*(?:\w+ing\b|who\b|which\b|whose\b|the\b|a\b|an\b|his\b|her\b|its\b|their\b|familiar\b)")
_TAGS = re.compile(r"^(?:<[^<>]{0,40}>)+")
_BAD_SUBJECT = re.compile(r"[“”\"‘]|\s(?:and|but|or)$")
_NP_START = frozenset(
    "he she they it we i the a an one two three some several another his her their its our "
    "many most both".split()
)
_PRONOUNS = {"he": ("person", "anonymous"), "she": ("person", "anonymous"),
             "it": ("state", "organization", "group"), "they": ("anonymous", "group", "state", "organization")}
_ADVERBIAL = re.compile(
    r"\s*(?:(?:on|this|last|next|late|early)\s+(?:\w+day|week|month|year|morning|afternoon|evening|night)"
    r"|yesterday|today|tonight|earlier|later|again|also|previously|repeatedly|in\s+a\s+(?:statement|speech|"
    r"interview|letter)|at\s+a\s+news\s+conference|in\s+private)\s*,?"
)
_THAT_NEAR = re.compile(r"(?:[^.;:!?“”\"]{0,240}?)\bthat\b\s*")
_PRONOUN_NEAR = re.compile(r"(?:\s*[\w’'-]+){0,6}?\s+(?=(?:he|she|they|it|we|I|there)\b)")
_KIND_RANK = {"person": 0, "anonymous": 0, "organization": 1, "state": 2, "group": 3}
_OPENERS = set(" \t\n([{—–-:/“‘«")
_DOUBLE = set("“”\"«»")
_MARK = re.compile(r"[“”\"‘’'«»]")
_WINDOW = 300


@dataclass
class _Ctx:
    text: str
    sentences: tuple[Sentence, ...]
    kinds: dict[str, str]
    mentions: tuple[Mention, ...]
    starts: list[int] = field(default_factory=list)
    m_starts: list[int] = field(default_factory=list)
    subjects: dict[str, list[Mention]] = field(default_factory=dict)


def find_quotes(
    text: str,
    paragraphs: tuple[Paragraph, ...],
    sentences: tuple[Sentence, ...],
    actors: tuple[Actor, ...],
    mentions: tuple[Mention, ...],
) -> tuple[tuple[Quote, ...], tuple[Reported, ...]]:
    """Find the direct quotations and the reported speech in a parsed text.

    Args:
        text: the normalised article text.
        paragraphs, sentences: from :mod:`kit.structure`.
        actors, mentions: from :mod:`kit.actors` (a speaker span resolves to the
            actor of a mention inside it).

    Returns:
        ``(quotes, reported)``, each in text order.

    >>> t = "“We are ready,” said Ann Lee. Lee told them that talks would go on."
    >>> from kit import structure
    >>> ps = structure.split_paragraphs(t)
    >>> qs, rs = find_quotes(t, ps, structure.split_sentences(t, ps), (), ())
    >>> t[qs[0].start:qs[0].end], t[qs[0].speaker_start:qs[0].speaker_end], t[rs[0].start:rs[0].end]
    ('We are ready,', 'Ann Lee', 'talks would go on')
    """
    ms = tuple(sorted(mentions, key=lambda m: (m.start, -m.end)))
    ctx = _Ctx(text, sentences, {a.id: a.kind for a in actors}, ms,
               [s.start for s in sentences], [m.start for m in ms])
    _mark_subjects(ctx)
    quotes: list[Quote] = []
    used_cues: set[int] = set()
    prev: list[Quote] = []  # quotes of the previous paragraph
    carry = False  # the previous paragraph's last quote was left open
    for pi, para in enumerate(paragraphs):
        if para.kind not in ("body", "heading"):
            prev, carry = [], False
            continue
        nxt = paragraphs[pi + 1] if pi + 1 < len(paragraphs) else None
        spans, open_start = _pair_marks(text, para.start, para.end)
        if open_start is not None and nxt is not None and text[nxt.start] in "“\"«‘'" and nxt.kind == "body":
            spans.append((open_start, para.end))
        here: list[Quote] = []
        for cs, ce in spans:
            q = _attribute(ctx, para, cs, ce, prev, carry, used_cues)
            here.append(q)
        if carry and prev and prev[-1].speaker_start is None and here and here[0].continued is False \
                and here[0].start == para.start + 1 and here[0].speaker_start is not None:
            last = prev[-1]  # a multi-paragraph quote attributed at its end
            quotes[quotes.index(last)] = Quote(last.start, last.end, here[0].speaker, here[0].speaker_start,
                                               here[0].speaker_end, here[0].cue, last.paragraph, last.partial)
        quotes.extend(here)
        carry = bool(here) and here[-1].end == para.end and open_start is not None
        prev = here
    return tuple(quotes), _find_reported(ctx, paragraphs, quotes, used_cues)


def _pair_marks(text: str, s: int, e: int) -> tuple[list[tuple[int, int]], int | None]:
    """Pair the marks of one paragraph: content spans, and the start of a quote left open."""
    spans: list[tuple[int, int]] = []
    outer: str | None = None
    ostart = 0
    inner = False
    for m in _MARK.finditer(text, s, e):
        i, ch = m.start(), m.group()
        prev = text[i - 1] if i > s else " "
        nxt = text[i + 1] if i + 1 < e else " "
        if ch in _DOUBLE:
            if ch in "“«":
                opening = True
            elif ch in "”»":
                opening = False
            else:
                opening = prev in _OPENERS and not nxt.isspace()
            if outer is None:
                if opening:
                    outer, ostart, inner = "d", i + 1, False
            elif outer == "d":
                if not opening or ch == '"':
                    if text[ostart:i].strip():
                        spans.append((ostart, i))
                    outer = None
                else:
                    ostart, inner = i + 1, False  # the earlier opening mark was stray
            else:
                inner = opening
            continue
        if prev.isalnum() and nxt.isalnum():
            continue  # apostrophe inside a word
        if ch == "‘" or (ch == "'" and prev in _OPENERS and (nxt.isalpha() or nxt in "“\"")):
            role = "open"
        elif prev in _OPENERS:
            continue  # ’90s, ’em
        else:
            role = "close"
        if outer is None:
            if role == "open":
                outer, ostart, inner = "s", i + 1, False
        elif outer == "d":
            inner = role == "open" or (inner and role != "close")
        elif role == "close":
            if text[ostart:i].strip():
                spans.append((ostart, i))
            outer = None
    return spans, (ostart if outer is not None and text[ostart:e].strip() else None)


def _span_ok(text: str, a: int, b: int, *, max_words: int = 15) -> bool:
    words = text[a:b].split()
    if not words or len(words) > max_words:
        return False
    first = _TAGS.sub("", words[0]).strip("“‘\"'(")
    return first[:1].isupper() or first.lower() in _NP_START


def _strip_span(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in ",“”\"‘’'"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:"):
        b -= 1
    return a, b


def _subject_before(ctx: _Ctx, lo: int, cue: int) -> tuple[int, int] | None:
    """The subject of the clause whose verb starts at ``cue`` (text from ``lo``)."""
    text = ctx.text
    lo = max(lo, cue - _WINDOW)
    for m in _CLAUSE.finditer(text, lo, cue):
        lo = m.end()
    seg = text[lo:cue]
    aux = _TRAILING_AUX.search(seg)
    end = lo + (aux.start() if aux else len(seg.rstrip()))
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
        cands = ctx.subjects.get(word, [])
        j = _bisect_mentions(cands, a)
        if j > 0:
            m = cands[j - 1]
            return [(m.actor, m.start, m.end)]
    return []


def _bisect_mentions(cands: list[Mention], a: int) -> int:
    lo, hi = 0, len(cands)
    while lo < hi:
        mid = (lo + hi) // 2
        if cands[mid].start < a:
            lo = mid + 1
        else:
            hi = mid
    return lo


_CAPS_PREFIX = re.compile(r"[\s“\"‘(]*(?:(?:\(?[A-Z][\w’'.\-]*\)?|of|the|and|for|de|von|van|al|[-—–])[\s,]+)*")
_AFTER_VERB = re.compile(
    rf"\s*(?:,[^,]{{0,80}},\s*)?(?:(?:has|have|had|is|was|were|are|will|would|could|can|may|might|should|"
    rf"also|later|then)\b|(?:{_SAY})\b|[a-z]+ed\b)"
)
_BEFORE_CLAUSE = re.compile(r"(?:,|\b(?:when|while|as|after|and|but|meaning|that|because|since|if))\s+(?:the\s+)?$")


def _mark_subjects(ctx: _Ctx) -> None:
    """Per pronoun, the mentions (in order) that name an actor as a clause's subject."""
    text = ctx.text
    for pron in _PRONOUNS:
        ctx.subjects[pron] = []
    for m in ctx.mentions:
        kind = ctx.kinds.get(m.actor)
        if kind is None or not ctx.sentences:
            continue
        s = ctx.sentences[sentence_at(ctx.sentences, ctx.starts, m.start)]
        lo = max(s.start, m.start - 200)
        subject = _CAPS_PREFIX.fullmatch(text, lo, m.start) is not None or (
            _BEFORE_CLAUSE.search(text[max(lo, m.start - 40):m.start]) is not None
            and _AFTER_VERB.match(text, m.end, min(len(text), m.end + 120)) is not None
        )
        if subject:
            for pron, kinds in _PRONOUNS.items():
                if kind in kinds:
                    ctx.subjects[pron].append(m)


def _attribute(ctx: _Ctx, para: Paragraph, cs: int, ce: int, prev: list[Quote], carry: bool,
               used_cues: set[int]) -> Quote:
    text = ctx.text
    sents = ctx.sentences
    so = sents[sentence_at(sents, ctx.starts, cs - 1)]
    pre_lo = max(so.start, para.start, cs - 1 - _WINDOW) if so.start <= cs - 1 else cs - 1
    pre = text[pre_lo : cs - 1]
    closed = ce < para.end
    post_lo = ce + 1 if closed else para.end
    sc = sents[sentence_at(sents, ctx.starts, ce)]
    post_hi = min(sc.end if sc.end > post_lo else post_lo, post_lo + _WINDOW, para.end)
    at_start = not pre.strip(" \t\n(—–-")
    intro = bool(_INTRO_END.search(pre))
    span: tuple[int, int] | None = None
    cue_at, cue = -1, None
    m = _POST_INVERTED.match(text, post_lo, post_hi)
    if m and _span_ok(text, *_strip_span(text, m.start("spk"), m.end("spk")), max_words=16):
        span, cue_at, cue = _strip_span(text, m.start("spk"), m.end("spk")), m.start("cue"), m.group("cue")
    else:
        m = _POST_NORMAL.match(text, post_lo, post_hi)
        if m and _span_ok(text, *_strip_span(text, m.start("spk"), m.end("spk")), max_words=12):
            span, cue_at, cue = _strip_span(text, m.start("spk"), m.end("spk")), m.start("cue"), m.group("cue")
    rest = text[post_lo:post_hi].lstrip(" ,.;:!?…")
    partial = (not at_start and not intro) or (at_start and span is None and rest[:1].islower())
    if span is None and (intro or partial):
        pattern = _SAY_RE if intro else _GOVERN_RE
        hits = list(pattern.finditer(text, pre_lo, cs - 1))
        if hits:
            h = hits[-1]
            subj = _subject_before(ctx, pre_lo, h.start())
            if subj is not None:
                span, cue_at, cue = subj, h.start(), h.group()
    if span is None and at_start and prev and pre_lo <= para.start and (prev[-1].speaker_start is not None or carry):
        last = prev[-1]
        return Quote(cs, ce, last.speaker, last.speaker_start, last.speaker_end, None, para.index, False, True)
    speaker = None
    if span is not None:
        found = _resolve(ctx, *span)
        speaker = found[0][0] if found else None
        used_cues.add(cue_at)
        cue = " ".join(cue.split()) if cue else None
    return Quote(cs, ce, speaker, span[0] if span else None, span[1] if span else None, cue,
                 para.index, partial, False)


def _find_reported(ctx: _Ctx, paragraphs: tuple[Paragraph, ...], quotes: list[Quote],
                   used_cues: set[int]) -> tuple[Reported, ...]:
    text = ctx.text
    qspans = sorted((q.start, q.end, q.partial) for q in quotes)
    qstarts = [a for a, _, _ in qspans]
    kinds = {p.index: p.kind for p in paragraphs}
    out: list[Reported] = []

    def inside_quote(pos: int) -> bool:
        j = bisect.bisect_right(qstarts, pos) - 1
        return j >= 0 and qspans[j][0] <= pos < qspans[j][1] + 1

    def overlaps_full(a: int, b: int) -> bool:
        j = bisect.bisect_right(qstarts, b)
        return any(not qspans[k][2] and qspans[k][1] > a for k in range(max(0, j - 3), j))

    for s in ctx.sentences:
        if kinds.get(s.paragraph) != "body":
            continue
        end = s.end
        while end > s.start and text[end - 1] in ".!?…”’\"' ":
            end -= 1
        hits = [h for h in _SAY_RE.finditer(text, s.start, s.end)
                if h.start() not in used_cues and not inside_quote(h.start())]
        trailing: list[tuple[int, tuple[int, int], re.Match[str]]] = []
        leading: list[tuple[tuple[int, int], int, re.Match[str]]] = []
        for h in hits:
            comma = text.rfind(",", max(s.start, h.start() - 120), h.start())
            after_words = text[h.end():end].split()
            if comma > s.start and len(after_words) <= 6 and "that" not in after_words:
                np_ = _strip_span(text, comma + 1, h.start())
                aux = _TRAILING_AUX.search(text, np_[0], np_[1])
                np_ = (np_[0], aux.start() if aux else np_[1])
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
            stop = next((c for c in commas if c > start), end)
            a, b = _strip_span(text, start, stop)
            _emit(ctx, out, subj, h.group(), a, b, s.paragraph, overlaps_full)
    out.sort(key=lambda r: (r.start, r.speaker_start or 0))
    return tuple(out)


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
