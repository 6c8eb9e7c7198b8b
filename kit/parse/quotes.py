"""Direct quotations and their speakers (reported speech and the clause grammar: :mod:`kit.parse.reported`).

Quotation marks are paired paragraph by paragraph in one left-to-right pass,
so a stray mark can upset at most its own paragraph. Apostrophes (that’s,
allies’, can't) never pair; ‘…’ inside “…” stays inside the outer quote; a
paragraph whose quote is left open continues into the next one when that
paragraph re-opens with a mark (the news convention). Speakers come from the
attribution next to the quote ("…,” Kerry said / said X / X told Y: “…” /
according to X), from the clause that governs a partial quote ("it assessed a
strike was “highly likely”"), or from the previous paragraph (continued
quotes). Pronouns resolve to the most recent person (he/she) or
state/organisation (it) named as a subject. The cue verbs are data
(``kit/data/cues.json``): add a verb there to have it recognised.

>>> import kit
>>> art = kit.load_article()
>>> q = art.quotes[2]
>>> art.span(q.speaker_start, q.speaker_end), q.cue
('he', 'said')
"""

from __future__ import annotations

import re
from operator import attrgetter

from ..records import Actor, Mention, Paragraph, Quote, Reported, Sentence
from .reported import (
    _AUX, _MAX_AUX, _SAY, _SAY_RE, _WINDOW, OBJECT_CUES, SAYING_CUES, THINKING_CUES, _alternation, _Ctx, _resolve, _span_ok,
    _strip_span, _subject_before, find_reported,
)
from ..util import paused_gc
from .structure import sentence_at

__all__ = ["find_quotes", "SAYING_CUES", "THINKING_CUES", "OBJECT_CUES"]


_GOVERN_RE = re.compile(rf"\b(?:{_alternation(SAYING_CUES + THINKING_CUES)})\b")
_SAY_LAST = frozenset(w.split()[-1] for w in SAYING_CUES)
_SPK = r"[^\s,.;:!?“”\"‘’'()\[\]—–-][^,.;:!?“”\"()\[\]—–]{0,120}?"
_POST_NORMAL = re.compile(rf"[\s,]*(?P<spk>{_SPK})\s+(?:{_AUX}\s+){{0,{_MAX_AUX}}}(?P<cue>{_SAY})\b")
_POST_INVERTED = re.compile(rf"[\s,]*(?P<cue>{_SAY})\s+(?P<spk>[^,.;:!?“”\"()]{{1,160}})")
_INTRO_END = re.compile(rf"(?:\b(?:{_SAY})\b[^.!?“”\"]{{0,60}}:|\b(?:{_SAY}),?)\s*$")
_OPENERS = set(" \t\n([{—–-:/“‘«")
_DOUBLE = set("“”\"«»")
_MARK = re.compile(r"[“”\"‘’'«»]")


@paused_gc()  # many small records, no cycles: see kit.util.paused_gc
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
        paragraphs, sentences: from :mod:`kit.parse.structure`.
        actors, mentions: from :mod:`kit.parse.actors` (a speaker span resolves to the
            actor of a mention inside it).

    Returns:
        ``(quotes, reported)``, each in text order.

    >>> t = "“We are ready,” said Ann Lee. Lee told them that talks would go on."
    >>> from kit.parse import structure
    >>> ps = structure.split_paragraphs(t)
    >>> qs, rs = find_quotes(t, ps, structure.split_sentences(t, ps), (), ())
    >>> t[qs[0].start:qs[0].end], t[qs[0].speaker_start:qs[0].speaker_end], t[rs[0].start:rs[0].end]
    ('We are ready,', 'Ann Lee', 'talks would go on')
    """
    # by start, then widest first (two stable sorts: quicker than a tuple key per mention)
    ms = tuple(sorted(sorted(mentions, key=attrgetter("end"), reverse=True), key=attrgetter("start")))
    ctx = _Ctx(text, sentences, {a.id: a.kind for a in actors}, ms,
               [s.start for s in sentences], [m.start for m in ms])
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
            last = prev[-1]  # a multi-paragraph quote attributed at its end (quotes[-1]: no search)
            quotes[-1] = Quote(last.start, last.end, here[0].speaker, here[0].speaker_start,
                               here[0].speaker_end, here[0].cue, last.paragraph, last.partial)
        quotes.extend(here)
        carry = bool(here) and here[-1].end == para.end and open_start is not None
        prev = here
    return tuple(quotes), find_reported(ctx, paragraphs, quotes, used_cues)


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


def _intro_end(pre: str) -> bool:
    """Does ``pre`` end by introducing a quotation ("Kerry said:", "…, he told reporters:")?"""
    t = pre.rstrip()
    if not t.endswith(":"):  # quick check: else it must end with a cue verb (and a comma)
        if t.endswith(","):
            t = t[:-1]
        i = len(t)
        while i > 0 and (t[i - 1].isalnum() or t[i - 1] == "_"):
            i -= 1
        if t[i:] not in _SAY_LAST:
            return False
    return _INTRO_END.search(pre) is not None


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
    intro = _intro_end(pre)
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
