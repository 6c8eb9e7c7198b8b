"""The attribution rules, named and in order: who said a quotation, and why the kit thinks so.

Every quotation becomes a :class:`Site` (the quote and the words around it). The rules
of :data:`RULES` are tried on it in the order written there, once, in one loop
(:func:`attribute`). A rule returns an :class:`Attribution` (a speaker span, the cue and
the rule's name) or ``None`` to pass. A rule that *overrides* may replace what an
earlier rule found ("…, the rights group says." at the end of the sentence outranks a
cue before the quote); every other rule is tried only while nothing is found. The
name of the rule that gave the speaker is kept in :attr:`kit.records.Quote.rule`, so a
learner can read "why the kit thinks Kerry said this" (:func:`explain`) and a
benchmark can count failures per rule.

Three rules run after the loop, in :mod:`kit.parse.quotes`: ``shared_attribution`` reads
the quotes of a paragraph together, ``sign_off`` and ``next_paragraph`` work across paragraphs
(they are listed in :data:`RULES` too, with ``stage="paragraph"``). A speaker the teacher set in the case file shows ``case_file``.

To add a rule: write a function ``(site, found) -> Attribution | None``, add a
:class:`Rule` to :data:`RULES` where it belongs in the order, and add its example to
``tests/parse/test_rules.py`` (a test checks that every rule has one that fires).

>>> import kit
>>> art = kit.load_article()
>>> [q.rule for q in art.quotes][:3]
['after_x_said', 'continued_paragraph', 'after_x_said']
>>> explain("after_said_x")
'the name comes right after the quote and its cue verb (“…,” said Ann Lee)'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from .attribution import LINKING_VERBS, QUOTING_CUES, SAY_RE, SAYING_CUES, WINDOW, quote_cue_pattern, speaker_span
from .governor import (
    ACCORDING_AT,
    ACCORDING_FRAME,
    GOVERN,
    LABEL_AT,
    LEAD_IN,
    QC,
    SAID_X,
    governor,
    main_subject,
)
from .patterns import lazy_compile
from .possessive import possessor
from .slots import BARE_ATTRIBUTION, MARKS, after_quote_shape, end_mark, later_in_sentence, name_after_role
from .structure import sentence_at

if TYPE_CHECKING:
    import re

    from ..records import Paragraph, Quote
    from .speakers import Context

__all__ = ["Attribution", "Rule", "RULES", "Site", "attribute", "explain", "rule_names"]

Span = tuple[int, int]

_CUE_LAST = frozenset(w.split()[-1] for w in SAYING_CUES + QUOTING_CUES)
_INTRO_END = lazy_compile(
    lambda: rf"(?:\b(?:{quote_cue_pattern()})\b[^.!?“”\"]{{0,60}}:|\b(?:{quote_cue_pattern()}),?)\s*$"
)


@dataclass(frozen=True)
class Attribution:
    """What a rule found: the speaker span (``None``: a cue but no usable speaker), the
    cue's offset (-1: none) and words, the rule's name, and for a quote that carries on
    an earlier one, that quote (``source``)."""

    span: Span | None
    cue_at: int
    cue: str | None
    rule: str
    source: Quote | None = None


_T = TypeVar("_T")


class _cached(Generic[_T]):
    """:func:`functools.cached_property` without its lock: computed on first read, then kept in the
    instance's ``__dict__`` (read from there, this descriptor is not called again).

    Python 3.11's ``cached_property`` takes a lock on every first read, which costs more than most
    of :class:`Site`'s properties; a Site is read by one thread only.
    """

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, objtype: type | None = None) -> _T:
        value = obj.__dict__[self.name] = self.func(obj)
        return value


@dataclass(frozen=True, eq=False)
class Site:
    """A quotation (``cs``/``ce``: its content) and the words around it, as every rule sees it."""

    ctx: Context
    para: Paragraph
    cs: int
    ce: int
    here: Sequence[Quote]  # the quotes found earlier in this paragraph (the caller's list: not copied)
    prev: Sequence[Quote]  # the quotes of the previous paragraph (not copied)
    carry: bool  # the previous paragraph's last quote was left open
    intro_spk: Span | None  # the speaker of a colon introduction ending the previous paragraph

    @property
    def text(self) -> str:
        return self.ctx.text

    @_cached
    def si(self) -> int:
        """The index of the sentence the quotation opens in."""
        return sentence_at(self.ctx.sentences, self.ctx.starts, self.cs - 1)

    @_cached
    def s0(self) -> int:
        """Where the quote's sentence starts (a sentence that starts inside an earlier quotation: from there)."""
        sents, s0 = self.ctx.sentences, self.ctx.sentences[self.si].start
        for q in reversed(self.here[-8:]):
            if q.start < s0 < q.end and q.start >= self.para.start:
                s0 = sents[sentence_at(sents, self.ctx.starts, q.start - 1)].start
        return s0

    @_cached
    def pre_lo(self) -> int:
        """Where the words read before the quotation start (its sentence, at most ``WINDOW`` back)."""
        cs = self.cs
        return max(self.s0, self.para.start, cs - 1 - WINDOW) if self.s0 <= cs - 1 else cs - 1

    @_cached
    def pre(self) -> str:
        return self.text[self.pre_lo : self.cs - 1]

    @_cached
    def closed(self) -> bool:
        """The quotation closes inside its paragraph."""
        return self.ce < self.para.end

    @_cached
    def post_lo(self) -> int:
        return self.ce + 1 if self.closed else self.para.end

    @_cached
    def post_hi(self) -> int:
        """Where the words read after the quotation end (its sentence, at most ``WINDOW`` on)."""
        text, sents, starts, para, lo = self.text, self.ctx.sentences, self.ctx.starts, self.para, self.post_lo
        sc = sents[sentence_at(sents, starts, self.ce)]
        hi = min(sc.end if sc.end > lo else lo, lo + WINDOW, para.end)
        # "“Why?” Dunn asked." is split after ?”; "“…today.” Lee said." is a sentence of its own
        last = end_mark(text, self.cs, self.ce)
        if hi <= lo + 1 and last in ("?", "!", ".") and self.closed:
            k = sentence_at(sents, starts, self.ce) + 1
            if k < len(sents) and sents[k].paragraph == para.index and sents[k].start - lo < 3:
                if last != "." or BARE_ATTRIBUTION.fullmatch(text, sents[k].start, sents[k].end):
                    hi = min(sents[k].end, lo + WINDOW)
        return hi

    @_cached
    def at_start(self) -> bool:
        """Nothing but a dash or a bracket before the quotation in its sentence."""
        return not self.pre.strip(" \t\n(—–-")

    @_cached
    def tail(self) -> str:
        """The last character before the quotation that is not white space ("" if none)."""
        return self.pre.rstrip()[-1:]

    @_cached
    def according(self) -> re.Match[str] | None:
        """ "According to X, “…”" before the quotation."""
        if self.at_start:
            return None
        text, cs, lo = self.text, self.cs, self.pre_lo
        # ("According to X," right before the quote ends with a comma: searched for only then)
        at = self.ctx.hits[ACCORDING_AT].search(max(lo, cs - 130), cs - 1) if self.tail == "," else None
        return at or ACCORDING_FRAME.match(text, lo, cs - 1)

    @_cached
    def label(self) -> tuple[re.Match[str], str] | None:
        """ "- Ann Lee: “…”" (``label``) or "Said Lee, “…”" (``said_x_before``) before the quotation
        (when no "according to"), with the rule's name."""
        if self.at_start or self.according is not None:
            return None
        # (a quick test: both patterns end with a colon, or a comma, and white space)
        if self.tail != ":" and self.tail != ",":
            return None
        text, cs, lo = self.text, self.cs, self.pre_lo
        # (from the mark that ends the sentence before: "… “…” Tom Ray: “…”" opens a sentence of its own)
        m = self.ctx.hits[LABEL_AT].search(max(lo - 3, cs - 120, 0), cs - 1) if self.tail == ":" else None
        if m is not None:
            return m, "label"
        m = SAID_X.match(text, lo, cs - 1)
        return (m, "said_x_before") if m is not None else None

    @_cached
    def intro(self) -> bool:
        """The words before the quote introduce it ("Kerry said:", "…, he told reporters:")."""
        return _intro_end(self.pre)


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


def _after(site: Site, found: Attribution | None) -> Attribution | None:
    text, ce = site.text, site.ce

    # "When Ann Lee pointed out that Tom Ray calls it “…,” Mia Cole seized on it": a cue before
    # the quote outranks a loose "Name verbed" after it
    # (asked only when that shape is tried: a search before the quote that most quotes never need)
    def generic() -> bool:
        return site.at_start or site.ctx.hits[GOVERN].search(site.pre_lo, site.cs - 1) is None

    last = text[ce - 1 : ce] if ce > site.cs else ""
    span, cue_at, cue, shape = after_quote_shape(text, site.post_lo, site.post_hi, last, generic)
    return Attribution(span, cue_at, cue, shape) if span is not None and shape else None


# "in the words of the trial judge, Rosa Diaz, “…”": a name in apposition after the source's description
_APPOSED_NAME = lazy_compile(r"\s*(?P<n>[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){1,3})[ \t]*,\s*")


def _according_to(site: Site, found: Attribution | None) -> Attribution | None:
    m = site.according
    if m is None:
        return None  # (a blank source is no source: never an empty speaker span)
    a, b = m.start("spk"), m.end("spk")
    if site.text[a : a + 1].islower() and m.end() < site.cs - 1:
        n = _APPOSED_NAME.fullmatch(site.text, m.end(), site.cs - 1)
        if n is not None:
            a, b = n.start("n"), n.end("n")  # the name, not its description
    return Attribution(speaker_span(site.text, a, b), m.start(), "according to", "according_to")


def _label(site: Site, found: Attribution | None) -> Attribution | None:
    if site.label is None:
        return None
    n, name = site.label
    return Attribution(speaker_span(site.text, n.start("spk"), n.end("spk")), n.start(), n.group("cue"), name)


def _governor(site: Site, found: Attribution | None) -> Attribution | None:
    if site.at_start or site.according is not None or site.label is not None:
        return None
    span, cue_at, cue = governor(site.ctx, site.pre_lo, site.cs - 1, site.here, QC if site.intro else GOVERN)
    return Attribution(span, cue_at, cue, "introduction" if site.intro else "governing_clause")


# "…, saying:", "… by adding, ", "… and adding, ": a participle that introduces the quote and hangs on the
# main clause (after a comma, a preposition or "and"; not "a hat reading, “…”", which the noun before it does)
_ING_INTRO = lazy_compile(
    r"(?:,[”’\"]?|\b(?:by|upon|on|after|before|without|while|when|in|and|then))\s+(?:[a-z]+ly\s+)?(?P<ing>[a-z]+ing)\b"
    r"(?:[^.!?“”\"]{0,60}:|,)?\s*$"
)
# a relative clause between the main verb and the participle may own it ("…, where crowds had gathered, chanting")
_RELATIVE_WORD = lazy_compile(r"\b(?:where|who|which|whom|whose)\b")


def _main_subject(site: Site, found: Attribution | None) -> Attribution | None:
    if site.at_start or site.according is not None or site.label is not None:
        return None
    ing = None
    if site.intro:  # an introduction by a participle with no subject of its own: "…, saying, “…”"
        ing = _ING_INTRO.search(site.pre) if found is not None and found.span is None else None
        if ing is None:
            return None
    if found is not None and found.rule not in ("governing_clause", "introduction"):
        return None
    span, cue_at, cue = (found.span, found.cue_at, found.cue) if found is not None else (None, -1, None)
    got = main_subject(site.ctx, site.s0, site.pre_lo, site.cs, site.here, span, cue_at, cue)
    if got == (span, cue_at, cue):
        return None
    if ing is not None and _RELATIVE_WORD.search(site.text, got[1], site.pre_lo + ing.start("ing")):
        return None
    return Attribution(*got, found.rule if found is not None and got[0] == span else "main_clause_subject")


def _possessive(site: Site, found: Attribution | None) -> Attribution | None:
    if site.at_start:
        return None
    got = possessor(site.text, site.pre_lo, site.cs - 1, hits=site.ctx.hits)
    if got is None:
        return None
    span, noun_at, noun, that = got
    if found is not None and found.span is not None and found.cue_at != noun_at:  # (not the noun read as a verb)
        if found.rule != "main_clause_subject":
            return None  # "Critics called Ann Lee’s remarks “…”": a cue before the possessive speaks
        if not that and not found.span[0] <= span[0] < found.span[1]:
            return None  # "Tom Ray backed her call for “…”": only "her claim that …" outranks the main
            # clause's subject, or a subject that is the speech act itself ("Ann Lee’s slogan is “…”")
    return Attribution(span, noun_at, noun, "possessive_noun")


def _closing(site: Site, found: Attribution | None) -> Attribution | None:
    if found is None or found.span is None or not (found.cue_at < site.cs and site.closed):
        return None
    got = later_in_sentence(site.text, site.post_lo, site.post_hi, found.span, found.cue_at, found.cue, closing=True)
    return None if got == (found.span, found.cue_at, found.cue) else Attribution(*got, "closing_attribution")


def _later(site: Site, found: Attribution | None) -> Attribution | None:
    if found is not None and found.span is not None:
        return None
    span, cue_at, cue = (None, -1, None) if found is None else (found.span, found.cue_at, found.cue)
    got = later_in_sentence(site.text, site.post_lo, site.post_hi, span, cue_at, cue)
    return None if got[0] is None else Attribution(*got, "later_in_sentence")


def _carries_on(site: Site, found: Attribution | None) -> bool:
    """May this quotation carry on an earlier speaker? Nothing found, and it opens its sentence."""
    return (found is None or found.span is None) and (site.at_start or LEAD_IN.fullmatch(site.pre) is not None)


def _interrupted(site: Site, found: Attribution | None) -> Attribution | None:
    """ "“A,” said Ann Lee, “B.”": the quote resumes after the attribution of the one before it."""
    if (found is not None and found.span is not None) or not site.here:
        return None
    q = site.here[-1]
    a, b = q.speaker_start, q.speaker_end
    if a is None or b is None or not (site.s0 <= q.start and q.end < a < b < site.cs <= q.end + WINDOW):
        return None
    gap = site.text[q.end : site.cs - 1]  # the closing mark, the attribution and a comma
    if not gap.rstrip().endswith(",") or any(c in MARKS for c in gap[1:]):
        return None
    return Attribution((a, b), -1, None, "interrupted_quote", q)


def _same_speaker(site: Site, found: Attribution | None) -> Attribution | None:
    if not _carries_on(site, found):
        return None
    # "“A,” X said. “B.”", also past a title quoted in between ("said Lee, host of “Night Talk.”")
    for q in reversed(site.here[-6:]):
        if q.speaker_start is not None:
            return Attribution((q.speaker_start, q.speaker_end or q.speaker_start), -1, None, "same_speaker", q)
        if not q.partial:
            break
    return None


def _continued(site: Site, found: Attribution | None) -> Attribution | None:
    if not _carries_on(site, found) or site.pre_lo > site.para.start or not site.prev:
        return None
    q = site.prev[-1]
    if q.speaker_start is None and not site.carry:
        return None
    span = None if q.speaker_start is None else (q.speaker_start, q.speaker_end or q.speaker_start)
    if not site.carry and _another_speaks_after(site, q):
        return None  # "“A,” Ann Lee said. Tom Ray described it as … ¶ “B.”": Tom Ray's (previous_sentence)
    return Attribution(span, -1, None, "continued_paragraph", q)


def _another_speaks_after(site: Site, q: Quote) -> bool:
    """Does the sentence before the quote come after ``q`` (closed) and report someone else with a cue
    verb of its own, so that the quote is more likely theirs than ``q``'s speaker's?"""
    sents, si = site.ctx.sentences, site.si
    if si == 0 or q.speaker_start is None:
        return False
    ps = sents[si - 1]
    if ps.start <= max(q.end, q.speaker_end or q.end) or ps.end > site.cs:
        return False
    gov, at, _ = governor(site.ctx, ps.start, ps.end, site.here, QC)
    return gov is not None and at not in site.ctx.used_cues and site.text[gov[0] : gov[1]].lower() not in _SAME


def _colon_intro(site: Site, found: Attribution | None) -> Attribution | None:
    if not _carries_on(site, found) or site.pre_lo > site.para.start or site.intro_spk is None:
        return None
    return Attribution(site.intro_spk, -1, None, "colon_introduction")


_SAME = frozenset(("he", "she", "they", "it", "we", "i"))  # a pronoun there most likely is the same speaker


def _previous_sentence(site: Site, found: Attribution | None) -> Attribution | None:
    if not _carries_on(site, found):
        return None
    if site.pre_lo <= site.para.start and site.intro_spk is not None:
        return None  # the colon introduction has spoken
    sents, si = site.ctx.sentences, site.si
    if not (si > 0 and (sents[si - 1].paragraph == site.para.index or site.pre_lo <= site.para.start)):
        return None
    so = sents[si]
    ps = sents[si - 1] if so.start <= site.cs - 1 else so
    if ps.end > site.cs:
        return None
    gov, at, _ = governor(site.ctx, ps.start, ps.end, site.here, QC)  # "X said on Monday that …. “B.”"
    if gov is None or at in site.ctx.used_cues:
        return None
    return Attribution(gov, -1, None, "previous_sentence")


@dataclass(frozen=True)
class Rule:
    """A named attribution rule: what it reads (``explains``, for learners), an example, and its function."""

    name: str
    explains: str
    example: str
    apply: Callable[[Site, Attribution | None], Attribution | None] | None
    overrides: bool = False  # may replace what an earlier rule found
    stage: str = "quote"  # "quote": tried in :func:`attribute`; "paragraph": in kit.parse.quotes


#: Every attribution rule, in the order they are tried. The order is the design:
#: what follows the quote first, then what precedes it, then the rest of the sentence,
#: then the context (an earlier quote, the previous sentence or paragraph).
RULES: tuple[Rule, ...] = (
    # 1. right after the quotation (kit.parse.slots): one function reads the five shapes in this order
    Rule("after_said_x", "the name comes right after the quote and its cue verb (“…,” said Ann Lee)",
         "“We are ready,” said Ann Lee.", _after),
    Rule("after_verb_x", "a verb and a name come right after the quote (“…!” beamed Ann Lee)",
         "“This is great!” beamed Ann Lee.", None),
    Rule("after_x_said", "the speaker and a cue verb come right after the quote (“…,” Ann Lee said)",
         "“We are ready,” Ann Lee said.", None),
    Rule("after_x_verb", "a name and a verb come right after the quote (“…,” Ann Lee beamed)",
         "“We are ready,” Ann Lee beamed.", None),
    Rule("after_dash", "a dash and a name follow the quote (“…” — Ann Lee)",
         "“We are ready.” — Ann Lee", None),
    # 2. before it, in its sentence (kit.parse.governor)
    Rule("according_to", "the sentence names the source with “according to” (or “in the words of”) before the quote",
         "According to Ann Lee, the plan is “a mess”.", _according_to),
    Rule("label", "a name and a colon label the quote (Ann Lee: “…”)",
         "Surveyors agree - Ann Lee: “We are ready.”", _label),
    Rule("said_x_before", "the cue verb and then the name open the sentence (Said Ann Lee, “…”)",
         "Said Ann Lee, “We are ready.”", None),
    Rule("introduction", "the speaker introduces the quote with a cue verb and a colon or comma (Ann Lee said: “…”)",
         "Ann Lee said: “We are ready.”", _governor),
    Rule("governing_clause", "the quote is part of what the speaker said (Ann Lee called the plan “a mess”)",
         "Ann Lee called the plan “a mess”.", None),
    Rule("main_clause_subject", "the quote sits in a side clause, so the speaker is the main clause's subject "
         "(Ann Lee went after Tom Ray, calling him “a liar”), never after a linking verb such as is or was, "
         "which describes its subject rather than quoting it",
         "Ann Lee went after Tom Ray, calling him “a liar”.", _main_subject, overrides=True),
    Rule("possessive_noun", "a possessive owns a noun of speech right before the quote (Ann Lee’s claim that "
         "“…”, his call for “…”); what it says outranks the main clause's subject only with a “that” clause",
         "Critics seized on Ann Lee’s claim that taxes are “a slow poison”.", _possessive, overrides=True),
    # 3. an attribution that closes the sentence outranks 2
    Rule("closing_attribution", "the sentence ends by naming its source (…, the union says.)",
         "Ann Lee has been “arbitrarily detained” and should be freed, the rights group says.", _closing,
         overrides=True),
    Rule("later_in_sentence", "the name and cue verb come later in the quote's sentence",
         "“We are ready” for this, Ann Lee said on Monday.", _later, overrides=True),
    # 4. the context: a quotation that resumes after its attribution, or opens its sentence with none of its
    # own, carries on an earlier one
    Rule("interrupted_quote", "the quote resumes after the attribution that interrupts it (“…,” said Ann Lee, “…”)",
         "“We are ready,” said Ann Lee, “and we have waited.”", _interrupted, overrides=True),
    Rule("same_speaker", "the quote follows another by the same speaker in the paragraph",
         "“We are ready,” Ann Lee said. “We have waited.”", _same_speaker, overrides=True),
    Rule("continued_paragraph", "the quote continues the previous paragraph's quote (reopened or not, and past "
         "a photo caption set in between)",
         "“We are ready,” Ann Lee said.\n\n“We have waited.”", _continued, overrides=True),
    Rule("colon_introduction", "the previous paragraph ends by introducing it (Ann Lee continued:)",
         "Ann Lee continued:\n\n“We are ready.”", _colon_intro, overrides=True),
    Rule("previous_sentence", "the sentence before reports the same speaker (Ann Lee said on Monday that …)",
         "Ann Lee said on Monday that talks had failed. “We are ready.”", _previous_sentence, overrides=True),
    # 5. across paragraphs, after every quote of a paragraph is read (kit.parse.quotes)
    Rule("next_paragraph", "a quote left open is attributed where it ends, in the next paragraph",
         "“We are ready.\n\n“We have waited,” Ann Lee said.", None, stage="paragraph"),
    Rule("shared_attribution", "a fragment shares the attribution that follows a later quote of its sentence "
         "(Tolls are “a tax” and “a gift,” Ann Lee proclaimed)",
         "Tolls are “a tax on the poor” and “a gift to banks,” Ann Lee proclaimed.", None, stage="paragraph"),
    Rule("sign_off", "a paragraph that only names a speaker after a dash signs the quotes before it",
         "“We are ready.”\n\n- Ann Lee.", None, stage="paragraph"),
)  # fmt: skip

_BY_NAME = {r.name: r for r in RULES}
_CASE_FILE = "the teacher's case file sets this speaker"


def rule_names() -> tuple[str, ...]:
    """The names of every rule, in order (and ``case_file``, for a speaker the teacher set)."""
    return tuple(r.name for r in RULES) + ("case_file",)


def explain(rule: str | None) -> str:
    """Why the kit gave a quote its speaker, in words for learners (``None``: no rule found one).

    >>> explain(None)
    'no rule found a speaker'
    """
    if rule is None:
        return "no rule found a speaker"
    if rule == "case_file":
        return _CASE_FILE
    found = _BY_NAME.get(rule)
    return found.explains if found is not None else rule


def attribute(site: Site) -> Attribution | None:
    """Try every rule of :data:`RULES` on ``site`` in order; the last one that found something wins."""
    found: Attribution | None = None
    for apply, overrides in _APPLY:
        if found is not None and not overrides:
            continue
        got = apply(site, found)
        if got is not None:
            found = got
            if got.source is not None:
                break  # a quote that carries on an earlier one has its speaker
    if found is not None and found.rule == "main_clause_subject" and _described(site, found):
        return None  # "Taxes are “a slow poison”": the subject is described, not quoted (checked last,
        # so that "…, the union says." closing the sentence can still name the speaker)
    if found is not None and found.span is not None and site.text.startswith(",", found.span[1]):
        named = name_after_role(site.text, *found.span)  # "Tarvo's president, Ada Vell, welcomed it: “…”"
        if named != found.span:
            found = Attribution(named, found.cue_at, found.cue, found.rule, found.source)
    if found is not None and found.span is not None and found.cue and found.cue.lower() in _QUOTED:
        m = _QUOTED_AS.match(site.text, found.cue_at + len(found.cue))
        span = speaker_span(site.text, m.start("n"), m.end("n")) if m is not None else None
        if span is not None:  # "the Ledger quoted Ann Lee as saying": Ann Lee's words, the Ledger's report
            return Attribution(span, found.cue_at, found.cue, found.rule)
    if found is not None and found.rule in _SUBJECT_RULES and 0 <= found.cue_at < site.cs:
        m = _QUOTES_FROM.match(site.text, found.cue_at, site.cs)
        span = speaker_span(site.text, m.start("n"), m.end("n")) if m is not None else None
        if span is not None:  # "she used a line from Tom Ray, “…”": Tom Ray's words
            return Attribution(span, found.cue_at, found.cue, found.rule)
    if (
        found is not None
        and found.rule in _SUBJECT_RULES
        and found.cue
        and not found.cue.lower().startswith(_SUBJECT_SPEAKS)
        and not found.cue.split()[0].endswith("ing")  # "she is telling", "they were calling": not a passive
        and _passive_cue(site.text, found.cue_at)
    ):
        return _by_agent(site, found)
    if found is not None and found.rule in _SUBJECT_RULES and 0 <= found.cue_at < site.cs:
        m = _PASSIVE_LABEL.search(site.text, max(found.cue_at, site.cs - 50), site.cs - 1)
        if m is not None:  # "Tom Ray, who was said to be “…”", "… what has been called “…”": not the subject's
            return _by_agent(site, Attribution(found.span, m.start("cue"), m.group("cue"), found.rule))
    return found


_QUOTED = frozenset(("quoted", "quotes", "quote", "cited", "cites"))
# (not "Ann Lee was quoted by the Ledger as saying": the one quoted is the subject; the name may have an
# apposition: "the Ledger quoted Ann Lee, the town's mayor, as saying")
_QUOTED_AS = lazy_compile(
    r"[ \t]+(?!by\b)(?P<n>[^,;:“”\"‘’()]{1,60}?)(?:,[^,;:“”\"‘’()]{1,80},)?[ \t]+as[ \t]+"
    r"(?:saying|telling|stating|adding)\b"
)
# the words of someone else the subject uses, named right before the quotation ("used a line from Tom Ray");
# not "quoting Tom Ray: “…”", where the one who quotes speaks the words (as PolNeAR's gold has it)
_QUOTES_FROM = lazy_compile(
    r"(?:quoted|quoting|quotes|cited|citing|cites|used|uses|using|borrowed|borrows|borrowing|invoked|invoking)"
    r"[ \t]+(?:a|an|the)[ \t]+(?:[a-z]+[ \t]+)?(?:quote|quotation|line|lines|phrase|passage|remark|words|maxim)"
    r"[ \t]+(?:from|by|of)[ \t]+(?P<n>[A-Z][^,;:“”\"‘’()\n]{0,60}?)[ \t]*[,:—–-]?[ \t]*[“\"‘]$"
)
_SUBJECT_RULES = frozenset(("introduction", "governing_clause", "main_clause_subject"))
_SUBJECT_SPEAKS = ("quot", "cit")  # "he was quoted by the Ledger", "she was cited as …": the subject spoke
# "She was described …", "They were called …": the cue in the passive (not "was said to", "was quoted as saying")
_PASSIVE_BEFORE = lazy_compile(r"\b(?:is|are|was|were|be|been|being)[ \t]+(?:[a-z]+ly[ \t]+)?$")
_NOT_PASSIVE_AFTER = lazy_compile(r"\w*[ \t]+(?:to\b|as[ \t]+say)")
# "… by the Ledger as “…”": the agent, up to "as", a comma or the quotation
_AGENT = lazy_compile(r"\w*[ \t]+by[ \t]+(?P<a>[^,;:“”\"‘’()]{1,60}?)(?=[ \t]+as\b|[ \t]*[,;:“\"‘])")


# a cue in the passive right before the quotation, after the cue that found the subject: the quotation is what
# someone else said or called it ("Tom Ray won a prize that was said to be “…”", "… in what has been called “…”")
_PASSIVE_LABEL = lazy_compile(
    r"\b(?:is|are|was|were|be|been|being)[ \t]+(?:(?:[a-z]+ly|also|still|now|often)[ \t]+)?(?P<cue>said(?=[ \t]+to[ \t]+be\b)|called|dubbed"
    r"|described(?=[ \t]+as\b)|labell?ed|termed|branded)(?:[ \t]+to[ \t]+be|[ \t]+as)?[ \t]+(?:(?:a|an|the)[ \t]+)?$"
)
_AGENT_AFTER = lazy_compile(
    r"[ \t]*by[ \t]+(?P<a>[^,;:“”\"‘’()]{1,60}?)(?=[ \t]*[,;:.!?]|[ \t]+(?:and|but|in|on|at)\b|$)"
)


def _passive_cue(text: str, cue_at: int) -> bool:
    """Is the cue at ``cue_at`` a passive ("was described", "were called"), not a hearsay ("was said to")?"""
    if cue_at < 0 or _PASSIVE_BEFORE.search(text, max(0, cue_at - 24), cue_at) is None:
        return False
    return _NOT_PASSIVE_AFTER.match(text, cue_at, cue_at + 40) is None


def _by_agent(site: Site, found: Attribution) -> Attribution | None:
    """A quote governed by a passive cue is the agent's ("She was described by the Ledger as “…”"), and no
    one's when the sentence names none ("These were called “tiers”"): the subject is what was described."""
    m = _AGENT.match(site.text, found.cue_at, site.cs)
    if m is None:  # "… has been called “a genius” by Tom Moss"
        m = _AGENT_AFTER.match(site.text, site.post_lo, min(site.post_hi, site.post_lo + 80))
    span = speaker_span(site.text, m.start("a"), m.end("a")) if m is not None else None
    return Attribution(span, found.cue_at, found.cue, found.rule) if span is not None else None


def _described(site: Site, found: Attribution) -> bool:
    """Is the main clause's verb a linking verb ("is", "was") with no verb of saying between it and the
    quote ("Ann Lee was quick to … and said that the plan is “…”" is speech; "Taxes are “…”" is not)?"""
    if (found.cue or "").lower() not in LINKING_VERBS or found.span is None:
        return False
    return SAY_RE.search(site.text, found.span[1], site.cs) is None


_ORDER = tuple(r for r in RULES if r.stage == "quote" and r.apply is not None)
# (each rule's function and flag, read once: :func:`attribute` tries them for every quotation)
_APPLY = tuple((r.apply, r.overrides) for r in _ORDER if r.apply is not None)
