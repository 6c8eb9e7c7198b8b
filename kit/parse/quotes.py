"""Direct quotations and their speakers.

Marks are paired paragraph by paragraph (:mod:`kit.parse.marks`); a
paragraph whose quote is left open continues into the next one when that
paragraph re-opens with a mark (the news convention). Each quotation then
gets a speaker span, tried in this order (the grammar is
:mod:`kit.parse.attribution`, the cue verbs are data in ``kit/data/cues.json``):

1. right after it: "…,” Kerry said / said Sen. Ted Cruz, who … / she
   concluded / — Tom Becker / according to X;
2. before it, in its sentence: an introduction ("X said:", "A spokesperson
   for the company said:", "According to X, “…”"), or the clause that governs a
   partial quote ("X called the plan “a bailout”", "it assessed a strike
   was “highly likely”"), or the sentence's subject;
3. a quotation that opens its sentence with no attribution of its own
   carries on: the speaker of the paragraph's previous quote ("“A,” X said.
   “B.”"), of a colon introduction ending the previous paragraph, of the
   previous paragraph's last quote (continued quotes), or the subject of a
   cue in the previous sentence ("X said on Monday that … “B.”").

Every speaker span resolves through :mod:`kit.parse.speakers` (names inside
it, or a pronoun's referent), or to ``None``.

>>> import kit
>>> art = kit.load_article()
>>> q = art.quotes[2]
>>> art.span(q.speaker_start, q.speaker_end), q.cue
('he', 'said')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from ..records import Paragraph, Quote
from ..util import paused_gc
from .attribution import (
    AUX,
    MAX_AUX,
    OBJECT_CUES,
    QUOTING_CUES,
    SAYING_CUES,
    THINKING_CUES,
    WINDOW,
    alternation,
    span_ok,
    strip_span,
    subject_before,
)
from .marks import OPENING_MARKS, pair_marks
from .patterns import LazyPattern, lazy_compile
from .speakers import Context, resolve
from .structure import sentence_at

__all__ = ["find_quotes", "SAYING_CUES", "THINKING_CUES", "OBJECT_CUES", "QUOTING_CUES"]


@functools.cache
def _qc() -> str:
    return alternation(SAYING_CUES + QUOTING_CUES)


_QC_RE = lazy_compile(lambda: rf"\b(?:{_qc()})\b")
_GOVERN_RE = lazy_compile(lambda: rf"\b(?:{alternation(SAYING_CUES + THINKING_CUES + QUOTING_CUES)})\b")
_CUE_LAST = frozenset(w.split()[-1] for w in SAYING_CUES + QUOTING_CUES)
_ABBR = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Rev|Lt|Col|Sgt|Capt|Maj|Adm|St|Jr|Sr|Hon|Pres|Sens|Reps|Ft|Mt|[A-Z])\."
_C = rf"(?:{_ABBR}|[^,.;:!?“”\"()\[\]—–\n])"  # one character (or abbreviation) of a speaker span
_SPK = rf"(?:{_ABBR}|[^\s,.;:!?“”\"‘’'()\[\]—–-]){_C}{{0,120}}?"
_APPOS = r"(?:,[^,.;:!?“”\"()\n]{1,90},)?"  # ", a spokesman for the union,"
_POST_NORMAL = lazy_compile(lambda: rf"[\s,]*(?P<spk>{_SPK}){_APPOS}\s+(?:{AUX}\s+){{0,{MAX_AUX}}}(?P<cue>{_qc()})\b")
_POST_INVERTED = lazy_compile(lambda: rf"[\s,]*(?P<cue>{_qc()})\s+(?P<spk>{_C}{{1,160}})")
# "“We’re happy” about the decision, said Ann Lee": the cue later in the quote's sentence, after a comma.
_LATER_INVERTED = lazy_compile(lambda: rf",\s*(?P<cue>{_qc()})\s+(?P<spk>{_C}{{1,160}})")
_NAMEISH = r"(?:[A-Z][\w’'.-]*|(?:de|van|von|al|bin|la|le|du|of|the)(?=\s+[A-Z]))"
_POST_GENERIC = lazy_compile(
    rf"[\s,]*(?P<spk>(?:he|she|they|I|we|it|He|She|They|We|It)|{_NAMEISH}(?:\s+{_NAMEISH}){{0,4}})"
    rf"\s+(?P<cue>(?!(?:is|was|has|does|says)\b)[a-z]{{2,20}}(?:ed|es|s))\b(?=[\s,.;:!?]|$)"
)
_POST_DASH = lazy_compile(rf"\s*[—―–]\s*(?P<spk>[A-Z@]{_C}{{0,100}}?)(?:,|\s*$|\s*[.;(])")
_ACCORDING = lazy_compile(rf"\b[Aa]ccording\s+to\s+(?P<spk>{_C}{{1,100}}?)\s*,\s*$")
_INTRO_END = lazy_compile(lambda: rf"(?:\b(?:{_qc()})\b[^.!?“”\"]{{0,60}}:|\b(?:{_qc()}),?)\s*$")
_VERBISH = lazy_compile(r"\b(?:[a-z]{2,}(?:ed|es)|(?:is|was|has|had|have|are|were|will|would|can|could|says|tells))\b")
_AND_BEFORE = lazy_compile(r"\s(?:and|then|but)\s+(?:also\s+|then\s+)?$")
_MARKS = frozenset('“”"«»')
_PRONOUN_SPK = frozenset("he she they i we it".split())
_LOWER_OK = frozenset("of the de van von al bin la le du and".split())


@paused_gc()  # many small records, no cycles: see kit.util.paused_gc
def find_quotes(ctx: Context, paragraphs: tuple[Paragraph, ...]) -> tuple[Quote, ...]:
    """Find the direct quotations of a parsed text and their speakers, in text order.

    Args:
        ctx: the shared parsing context (:meth:`kit.parse.speakers.Context.build`
            from the text, sentences, actors and mentions); the offsets of the
            cues used are added to ``ctx.used_cues``.
        paragraphs: from :mod:`kit.parse.structure`.

    >>> from kit.parse import structure
    >>> t = "“We are ready,” said Ann Lee. “We have waited long enough.”"
    >>> ps = structure.split_paragraphs(t)
    >>> qs = find_quotes(Context.build(t, structure.split_sentences(t, ps), (), ()), ps)
    >>> [(t[q.start:q.end], t[q.speaker_start:q.speaker_end]) for q in qs]
    [('We are ready,', 'Ann Lee'), ('We have waited long enough.', 'Ann Lee')]
    """
    text = ctx.text
    quotes: list[Quote] = []
    prev: list[Quote] = []  # quotes of the previous paragraph
    carry = False  # the previous paragraph's last quote was left open
    intro: tuple[int, int] | None = None  # the speaker of a colon introduction ending the previous paragraph
    for pi, para in enumerate(paragraphs):
        if para.kind not in ("body", "heading"):
            prev, carry, intro = [], False, None
            continue
        nxt = paragraphs[pi + 1] if pi + 1 < len(paragraphs) else None
        spans, open_start = pair_marks(text, para.start, para.end)
        if open_start is not None and nxt is not None and text[nxt.start] in OPENING_MARKS and nxt.kind == "body":
            spans.append((open_start, para.end))
        here: list[Quote] = []
        for cs, ce in spans:
            here.append(_attribute(ctx, para, cs, ce, here, prev, carry, intro))
        if (
            carry
            and prev
            and prev[-1].speaker_start is None
            and here
            and here[0].continued is False
            and here[0].start == para.start + 1
            and here[0].speaker_start is not None
        ):
            last = prev[-1]  # a multi-paragraph quote attributed at its end (quotes[-1]: no search)
            quotes[-1] = Quote(
                last.start,
                last.end,
                here[0].speaker,
                here[0].speaker_start,
                here[0].speaker_end,
                here[0].cue,
                last.paragraph,
                last.partial,
            )
        quotes.extend(here)
        carry = bool(here) and here[-1].end == para.end and open_start is not None
        prev = here
        intro = _colon_intro(ctx, para) if not here or here[-1].end < para.end - 2 else None
    return tuple(quotes)


def _intro_end(pre: str) -> bool:
    """Does ``pre`` end by introducing a quotation ("Kerry said:", "…, he told reporters:")?"""
    t = pre.rstrip()
    if not t.endswith(":"):  # quick check: else it must end with a cue verb (and a comma)
        if t.endswith(","):
            t = t[:-1]
        i = len(t)
        while i > 0 and (t[i - 1].isalnum() or t[i - 1] == "_"):
            i -= 1
        if t[i:] not in _CUE_LAST:
            return False
    return _INTRO_END.search(pre) is not None


def _colon_intro(ctx: Context, para: Paragraph) -> tuple[int, int] | None:
    """The speaker of a paragraph that ends by introducing a quotation ("Cruz continued:")."""
    text = ctx.text
    end = para.end
    if text[end - 1] != ":":
        return None
    s = ctx.sentences[sentence_at(ctx.sentences, ctx.starts, end - 1)]
    return _governor(ctx, max(s.start, end - WINDOW), end - 1, (), _QC_RE)[0]


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """A subject span cut before its verb: "Trump went after Bush" -> "Trump", "he did say he" -> "he"."""
    words = list(re.finditer(r"\S+", text[a:b]))
    if not words:
        return a, b
    first = words[0].group().strip("“‘\"'(")
    if first.lower() in _PRONOUN_SPK:
        return a + words[0].start(), a + words[0].end()
    if not first[:1].isupper() or first in ("The", "A", "An"):
        return a, b
    end = words[0].end()
    for w in words[1:]:
        token = w.group()
        if token[:1].isupper() or token in _LOWER_OK or token[:1].isdigit():
            end = w.end()
        else:
            break
    return strip_span(text, a, a + end)


def _governor(
    ctx: Context, lo: int, hi: int, quotes: Sequence[Quote], pattern: LazyPattern
) -> tuple[tuple[int, int] | None, int, str | None]:
    """The subject of the last cue in ``text[lo:hi]`` outside quotations: (span, cue offset, cue)."""
    text = ctx.text
    near = [q for q in quotes[-40:] if q.end > lo]  # quotes are in text order; only those in the window matter
    hits = [h for h in pattern.finditer(text, lo, hi) if not any(q.start <= h.start() < q.end for q in near)]
    for h in reversed(hits[-3:]):
        if " ".join(h.group().split()) == "according to":
            m = re.match(rf"\s+(?P<spk>{_C}{{1,100}}?)\s*(?:,|$)", text[h.end() : hi])
            if m:
                return strip_span(text, h.end() + m.start("spk"), h.end() + m.end("spk")), h.start(), "according to"
            continue
        subj = subject_before(text, lo, h.start())
        if subj is None:  # "Carson took the stage … and called it “…”": the subject before "and"
            m = _AND_BEFORE.search(text, max(lo, h.start() - 12), h.start())
            subj = subject_before(text, lo, m.start()) if m else None
        if subj is not None:
            return _trim(text, *subj), h.start(), h.group()
    return None, -1, None


def _attribute(
    ctx: Context,
    para: Paragraph,
    cs: int,
    ce: int,
    here: list[Quote],
    prev: list[Quote],
    carry: bool,
    intro_spk: tuple[int, int] | None,
) -> Quote:
    text = ctx.text
    sents = ctx.sentences
    si = sentence_at(sents, ctx.starts, cs - 1)
    so = sents[si]
    pre_lo = max(so.start, para.start, cs - 1 - WINDOW) if so.start <= cs - 1 else cs - 1
    pre = text[pre_lo : cs - 1]
    closed = ce < para.end
    post_lo = ce + 1 if closed else para.end
    sc = sents[sentence_at(sents, ctx.starts, ce)]
    post_hi = min(sc.end if sc.end > post_lo else post_lo, post_lo + WINDOW, para.end)
    if post_hi <= post_lo + 1 and text[ce - 1 : ce] in "?!" and closed:  # "“Why?” Dunn asked." split after ?”
        k = sentence_at(sents, ctx.starts, ce) + 1
        if k < len(sents) and sents[k].paragraph == para.index and sents[k].start - post_lo < 3:
            post_hi = min(sents[k].end, post_lo + WINDOW)
    at_start = not pre.strip(" \t\n(—–-")
    intro = _intro_end(pre)
    span: tuple[int, int] | None = None
    cue_at, cue = -1, None
    span, cue_at, cue = _after(text, post_lo, post_hi, text[ce - 1 : ce] if ce > cs else "")
    if span is None and not at_start:
        m = _ACCORDING.search(text, max(pre_lo, cs - 130), cs - 1)
        if m:
            span, cue_at, cue = strip_span(text, m.start("spk"), m.end("spk")), m.start(), "according to"
        else:
            span, cue_at, cue = _governor(ctx, pre_lo, cs - 1, here, _QC_RE if intro else _GOVERN_RE)
    rest = text[post_lo:post_hi].lstrip(" ,.;:!?…")
    partial = (not at_start and not intro) or (at_start and span is None and rest[:1].islower())
    if span is None and not at_start:  # the sentence's subject ("The president noted …: “…”")
        v = _VERBISH.search(text, pre_lo, cs - 1)
        subj = subject_before(text, pre_lo, v.start()) if v else None
        span = _trim(text, *subj) if subj else None
    if span is None:
        span, cue_at, cue = _later(text, post_lo, post_hi, span, cue_at, cue)
    if span is None and at_start:
        source = None
        if here and here[-1].speaker_start is not None:
            source = here[-1]  # "“A,” X said. “B.”"
        elif pre_lo <= para.start and prev and (prev[-1].speaker_start is not None or carry):
            source = prev[-1]  # a quote continued from the previous paragraph
        if source is not None:
            return Quote(
                cs, ce, source.speaker, source.speaker_start, source.speaker_end, None, para.index, False, True
            )
        if pre_lo <= para.start and intro_spk is not None:
            span = intro_spk  # "Cruz continued:" closing the previous paragraph
        elif si > 0 and sents[si - 1].paragraph == para.index or pre_lo <= para.start and si > 0:
            ps = sents[si - 1] if so.start <= cs - 1 else so
            if ps.end <= cs:
                span = _governor(ctx, ps.start, ps.end, here, _QC_RE)[0]  # "X said on Monday that …. “B.”"
    speaker = None
    if span is not None:
        found = resolve(ctx, *span)
        speaker = found[0][0] if found else None
        if cue_at >= 0:
            ctx.used_cues.add(cue_at)
        cue = " ".join(cue.split()) if cue else None
    return Quote(cs, ce, speaker, span[0] if span else None, span[1] if span else None, cue, para.index, partial, False)


def _later(
    text: str, lo: int, hi: int, span: tuple[int, int] | None, cue_at: int, cue: str | None
) -> tuple[tuple[int, int] | None, int, str | None]:
    """ ", said X" later in the quote's sentence (no other quotation in between), else the inputs."""
    m = _LATER_INVERTED.search(text, lo, hi)
    if m and not any(c in _MARKS for c in text[lo : m.start()]):
        sp = strip_span(text, m.start("spk"), m.end("spk"))
        if span_ok(text, *sp, max_words=16):
            return sp, m.start("cue"), m.group("cue")
    return span, cue_at, cue


def _after(text: str, lo: int, hi: int, last: str) -> tuple[tuple[int, int] | None, int, str | None]:
    """An attribution right after a quotation: (speaker span, cue offset, cue)."""
    m = _POST_INVERTED.match(text, lo, hi)
    if m:
        sp = strip_span(text, m.start("spk"), m.end("spk"))
        if span_ok(text, *sp, max_words=16):
            return sp, m.start("cue"), m.group("cue")
    m = _POST_NORMAL.match(text, lo, hi)
    if m:
        sp = strip_span(text, m.start("spk"), m.end("spk"))
        if not span_ok(text, *sp, max_words=12):  # "press secretary Dana Cole said": from the name on
            cap = re.search(r"\b[A-Z]", text[sp[0] : sp[1]])
            sp = (sp[0] + cap.start(), sp[1]) if cap else sp
        if span_ok(text, *sp, max_words=12):
            return sp, m.start("cue"), m.group("cue")
    if last in ",?!—–-":
        m = _POST_GENERIC.match(text, lo, hi)
        if m:
            return (m.start("spk"), m.end("spk")), m.start("cue"), m.group("cue")
    m = _POST_DASH.match(text, lo, hi)
    if m:
        sp = strip_span(text, m.start("spk"), m.end("spk"))
        if span_ok(text, *sp, max_words=10):
            return sp, -1, None
    return None, -1, None
