"""Direct quotations and their speakers.

Marks are paired paragraph by paragraph (:mod:`kit.parse.marks`); a
paragraph whose quote is left open continues into the next one when that
paragraph re-opens with a mark (the news convention). Each quotation then
gets a speaker span, tried in this order (the grammar is
:mod:`kit.parse.attribution`, the cue verbs are data in ``kit/data/cues.json``):

1. right after it (:mod:`kit.parse.slots`): "…,” Kerry said / said Sen. Ted
   Cruz, who … / she concluded / — Tom Becker / according to X / "X said." as
   a sentence of its own;
2. before it, in its sentence (:mod:`kit.parse.governor`): an introduction
   ("X said:", "A spokesperson for the company said:"), "According to X, …",
   a label ("- Ann Lee: “…”"), "Said X, “…”", or the clause that governs a
   partial quote ("X called the plan “a bailout”"), which gives way to the
   main clause's subject when it is a participle or sits in a subordinate
   clause ("Ann Lee went after Tom Ray, calling him “…”");
3. an attribution that closes the sentence ("…, the rights group says.")
   outranks 2;
4. a quotation that opens its sentence with no attribution of its own
   carries on: the speaker of the paragraph's previous quote ("“A,” X said.
   “B.”"), of a colon introduction ending the previous paragraph, of the
   previous paragraph's last quote (continued quotes), or the subject of a
   cue in the previous sentence ("X said on Monday that … “B.”"); a sign-off
   paragraph ("- Ann Lee.") attributes the quotes before it.

Every speaker span resolves through :mod:`kit.parse.speakers` (names inside
it, or a pronoun's referent), or to ``None``.

>>> import kit
>>> art = kit.load_article()
>>> q = art.quotes[2]
>>> art.span(q.speaker_start, q.speaker_end), q.cue
('he', 'said')
"""

from __future__ import annotations

from ..records import Paragraph, Quote
from ..util import paused_gc
from .attribution import (
    OBJECT_CUES,
    QUOTING_CUES,
    SAYING_CUES,
    THINKING_CUES,
    WINDOW,
    quote_cue_pattern,
    speaker_span,
    subject_before,
)
from .clauses import main_clause
from .governor import (
    ACCORDING_AT,
    ACCORDING_FRAME,
    GOVERN,
    LABEL_AT,
    LEAD_IN,
    QC,
    SAID_X,
    VERBISH_AT,
    clause_subject,
    governor,
    main_subject,
    trim_subject,
)
from .marks import OPENING_MARKS, pair_marks
from .patterns import lazy_compile
from .slots import BARE_ATTRIBUTION, SIGN_OFF, after_quote, end_mark, later_in_sentence
from .speakers import Context, resolve
from .structure import sentence_at

__all__ = ["find_quotes", "SAYING_CUES", "THINKING_CUES", "OBJECT_CUES", "QUOTING_CUES"]

_CUE_LAST = frozenset(w.split()[-1] for w in SAYING_CUES + QUOTING_CUES)


_INTRO_END = lazy_compile(
    lambda: rf"(?:\b(?:{quote_cue_pattern()})\b[^.!?“”\"]{{0,60}}:|\b(?:{quote_cue_pattern()}),?)\s*$"
)


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
        if not here and prev and prev[-1].speaker_start is None:
            _sign_off(ctx, para, prev, quotes)  # "“…”" then a paragraph "- Ann Lee."
        quotes.extend(here)
        carry = bool(here) and here[-1].end == para.end and open_start is not None
        prev = here
        intro = _colon_intro(ctx, para) if not here or here[-1].end < para.end - 2 else None
    return tuple(quotes)


def _sign_off(ctx: Context, para: Paragraph, prev: list[Quote], quotes: list[Quote]) -> None:
    """A paragraph that only names a speaker after a dash ("- Lee.", "-Ann Lee, Dayton.")
    attributes the unattributed quotations that end the paragraph before it (``quotes`` is patched)."""
    m = SIGN_OFF.fullmatch(ctx.text, para.start, para.end)
    if m is None:
        return
    found_span = speaker_span(ctx.text, m.start("spk"), m.end("spk"))
    if found_span is None:
        return
    a, b = found_span
    if ctx.text[b - 1] == "." and b - a > 4 and ctx.text[b - 3 : b - 1].isalpha() and ctx.text[b - 3].islower():
        b -= 1  # "- Lee." (not "- Jr.")
    span = a, b
    found = resolve(ctx, *span)
    speaker = found[0][0] if found else None
    k = len(quotes)
    while k > 0 and quotes[k - 1].paragraph == prev[-1].paragraph and quotes[k - 1].speaker_start is None:
        k -= 1
        q = quotes[k]
        quotes[k] = Quote(q.start, q.end, speaker, span[0], span[1], None, q.paragraph, q.partial, q.continued)


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
    span = governor(ctx, max(s.start, end - WINDOW), end - 1, (), QC)[0]
    if span is None and s.start >= end - WINDOW:  # "He then listed the qualities …:"
        mc = main_clause(text, s.start, end - 1)
        span = clause_subject(text, mc) if mc else None
    return span


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
    s0 = so.start
    for q in reversed(here[-8:]):  # a sentence that starts inside a quotation started earlier is read from there
        if q.start < s0 < q.end and q.start >= para.start:
            s0 = sents[sentence_at(sents, ctx.starts, q.start - 1)].start
    pre_lo = max(s0, para.start, cs - 1 - WINDOW) if s0 <= cs - 1 else cs - 1
    pre = text[pre_lo : cs - 1]
    closed = ce < para.end
    post_lo = ce + 1 if closed else para.end
    sc = sents[sentence_at(sents, ctx.starts, ce)]
    post_hi = min(sc.end if sc.end > post_lo else post_lo, post_lo + WINDOW, para.end)
    last_mark = end_mark(text, cs, ce)
    # "“Why?” Dunn asked." is split after ?”; "“…today.” Lee said." is a sentence of its own
    if post_hi <= post_lo + 1 and last_mark in ("?", "!", ".") and closed:
        k = sentence_at(sents, ctx.starts, ce) + 1
        if k < len(sents) and sents[k].paragraph == para.index and sents[k].start - post_lo < 3:
            if last_mark != "." or BARE_ATTRIBUTION.fullmatch(text, sents[k].start, sents[k].end):
                post_hi = min(sents[k].end, post_lo + WINDOW)
    at_start = not pre.strip(" \t\n(—–-")
    intro = _intro_end(pre)
    # "When Ann Lee pointed out that Tom Ray calls it “…,” Mia Cole seized on it": a cue before
    # the quote outranks a loose "Name verbed" after it
    generic = at_start or ctx.hits[GOVERN].search(pre_lo, cs - 1) is None
    span, cue_at, cue = after_quote(text, post_lo, post_hi, text[ce - 1 : ce] if ce > cs else "", generic)
    if span is None and not at_start:
        m = ctx.hits[ACCORDING_AT].search(max(pre_lo, cs - 130), cs - 1) or ACCORDING_FRAME.match(text, pre_lo, cs - 1)
        n = (
            None
            if m
            else ctx.hits[LABEL_AT].search(max(pre_lo, cs - 120), cs - 1) or SAID_X.match(text, pre_lo, cs - 1)
        )
        if m:  # (a blank source is no source: never an empty speaker span)
            span, cue_at, cue = speaker_span(text, m.start("spk"), m.end("spk")), m.start(), "according to"
        elif n:  # "Surveyors agree - Ann Lee: “…”", "Said Lee, “…”"
            span, cue_at, cue = speaker_span(text, n.start("spk"), n.end("spk")), n.start(), n.group("cue")
        else:
            span, cue_at, cue = governor(ctx, pre_lo, cs - 1, here, QC if intro else GOVERN)
        if not intro and not m and not n:  # an "according to" or a label names the source itself
            span, cue_at, cue = main_subject(ctx, s0, pre_lo, cs, here, span, cue_at, cue)
    rest = text[post_lo:post_hi].lstrip(" ,.;:!?…")
    partial = (not at_start and not intro) or (at_start and span is None and rest[:1].islower())
    if span is None and not at_start:  # the sentence's subject ("The president noted …: “…”")
        v = ctx.hits[VERBISH_AT].search(pre_lo, cs - 1)
        subj = subject_before(text, pre_lo, v.start(), hits=ctx.hits) if v else None
        span = trim_subject(text, *subj) if subj else None
    if span is None or cue_at < cs and closed:
        span, cue_at, cue = later_in_sentence(text, post_lo, post_hi, span, cue_at, cue, closing=span is not None)
    if span is None and (at_start or LEAD_IN.fullmatch(pre)):
        source = None
        # "“A,” X said. “B.”", also past a title quoted in between ("said Lee, host of “Night Talk.”")
        for q in reversed(here[-6:]):
            if q.speaker_start is not None:
                source = q
                break
            if not q.partial:
                break
        if source is None and pre_lo <= para.start and prev and (prev[-1].speaker_start is not None or carry):
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
                gov, at, _ = governor(ctx, ps.start, ps.end, here, QC)  # "X said on Monday that …. “B.”"
                span = gov if at not in ctx.used_cues else None
    if span is not None and not text[span[0] : span[1]].strip():
        span = None  # a speaker span is never empty or blank (each rule checks; this is the last guard)
    speaker = None
    if span is None:
        cue = None  # no speaker, no cue
    else:
        found = resolve(ctx, *span)
        speaker = found[0][0] if found else None
        if cue_at >= 0:
            ctx.used_cues.add(cue_at)
        cue = " ".join(cue.split()) if cue else None
    return Quote(cs, ce, speaker, span[0] if span else None, span[1] if span else None, cue, para.index, partial, False)
