"""Where a quotation's speaker is named before it, in its sentence: the cue that governs it
("X called the plan “a bailout”"), "According to X, …", a label ("- Ann Lee: “…”"),
"Said X, “…”", and the sentence's main clause when the governing cue is a participle or
sits in a subordinate clause ("Ann Lee went after Tom Ray, calling him “…”").

:func:`governor` reads the subject of the last cue before a quotation; :func:`main_subject`
decides when the main clause's subject (:func:`kit.parse.clauses.main_clause`) outranks it;
:func:`trim_subject` cuts a subject span to the words that name the speaker.

>>> t = "Speaking in Dayton, Ohio, Ann Lee went after Tom Ray, calling him weak."
>>> t[slice(*trim_subject(t, 26, 52))]
'Ann Lee'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..records import Quote
from .attribution import (
    FIRST_PERSON,
    INVERTED_CUES,
    QUOTING_CUES,
    SAYING_CUES,
    THINKING_CUES,
    THIRD_PERSON,
    alternation,
    cue_starts,
    from_the_name,
    pronoun_pattern,
    quote_cue_pattern,
    span_ok,
    speaker_span,
    strip_span,
    subject_before,
)
from .clauses import Clause, is_verb, main_clause
from .patterns import lazy_compile
from .possessive import owned_noun
from .scan import Scanned
from .slots import NAMEISH, SPEAKER_CHAR
from .speakers import Context

__all__ = [
    "QC_RE",
    "GOVERN_RE",
    "QC",
    "GOVERN",
    "ACCORDING",
    "ACCORDING_FRAME",
    "LABEL",
    "SAID_X",
    "LEAD_IN",
    "VERBISH",
    "ACCORDING_AT",
    "LABEL_AT",
    "VERBISH_AT",
    "governor",
    "main_subject",
    "trim_subject",
    "clause_subject",
]

QC_RE = lazy_compile(lambda: rf"\b(?:{quote_cue_pattern()})\b")


GOVERN_RE = lazy_compile(lambda: rf"\b(?:{alternation(SAYING_CUES + THINKING_CUES + QUOTING_CUES)})\b")

# The same patterns with where their matches can start (kit.parse.scan): each prefix stops before the
# pattern's last assertion about what follows (a trailing \b, a $), so a window's cut adds no start.
QC = cue_starts(QC_RE, SAYING_CUES + QUOTING_CUES)
GOVERN = cue_starts(GOVERN_RE, SAYING_CUES + THINKING_CUES + QUOTING_CUES)


# "Tom Ray, who has publicly vowed … “…”", "Tom Ray - who once said …": a relative clause naming its own speaker
_WHO_BEFORE = lazy_compile(
    r"(?:,|\s[-—–]|\b[A-Z][\w’'.-]*)\s+(?P<who>who)\s+(?:(?:has|have|had|also|once|previously|repeatedly|[a-z]+ly)\s+){0,3}$"
)


# "with Sen. Tom Ray calling it", "with the Teachers Union calling it", "with many marchers chanting"
_WITH_ING = lazy_compile(
    r"\bwith\s+(?P<spk>(?:the\s+|its\s+|their\s+)?(?:(?:[A-Z][\w’'.-]*|of|for|and)\s+){0,6}[A-Z][\w’'.-]*"
    r"|(?:many|some|several|other|the|hundreds\s+of|dozens\s+of|thousands\s+of)\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*[^s\W]s)"
    r"\s+(?:[a-z]+ly\s+)?$"
)


# a name as the label of what follows ("- Ann Lee: “…”", "… “…” Tom Ray (R-Ohio): “…”"), or an inverted cue
# opening the sentence
LABEL = lazy_compile(
    lambda: (
        rf"(?:^|[-—–:]\s|[.!?][”\"’]?\s|\n)\s*(?!{alternation(INVERTED_CUES)}\s)"
        rf"(?P<spk>{NAMEISH}(?:\s+{NAMEISH}){{0,3}})(?:\s+\([A-Z][\w.-]{{0,12}}\))?(?P<cue>\s*):\s*$"
    )
)


SAID_X = lazy_compile(
    rf"\s*(?P<cue>{alternation(INVERTED_CUES)})\s+"
    rf"(?P<spk>(?:{NAMEISH}|[a-z][\w-]*)(?:\s+{NAMEISH}|\s+[a-z][\w-]*){{0,6}}?)\s*(?:,[^“”\"]{{0,120}})?[,:]\s*$"
)


# "… he said. But “…”", "… he said. Instead, “…”": a sentence adverb before a quote that carries on
LEAD_IN = lazy_compile(r"\s*(?:But|And|Then|Still|So|Yet|Now|Also|Instead|Indeed|However|Plus|Again)\b,?\s*")


# "According to the city auditor, the mayor called it “a mess”": the frame names the source
# "according to X, “…”"; "in the words of X, “…”" names its source the same way
_ACCORDING_WORDS = r"(?:[Aa]ccording\s+to|[Ii]n\s+the\s+words\s+of)"
ACCORDING_FRAME = lazy_compile(rf"\s*{_ACCORDING_WORDS}\s+(?P<spk>{SPEAKER_CHAR}{{1,100}}?)\s*,")


ACCORDING = lazy_compile(rf"\b{_ACCORDING_WORDS}\s+(?P<spk>{SPEAKER_CHAR}{{1,100}}?)\s*,\s*$")


VERBISH = lazy_compile(r"\b(?:[a-z]{2,}(?:ed|es)|(?:is|was|has|had|have|are|were|will|would|can|could|says|tells))\b")


ACCORDING_AT = Scanned(ACCORDING, lazy_compile(r"(?=\b(?:[Aa]ccording|[Ii]n\sthe\swords\sof)\s)"), 16)
LABEL_AT = Scanned(LABEL, lazy_compile(r"(?=^|[-—–:.!?]\s|[.!?][”\"’]\s|\n)"), 3)
VERBISH_AT = Scanned(VERBISH, lazy_compile(r"(?=\b[a-z]{2})"), 2)  # every verb-ish word starts so


# a name that opens the sentence, then a long aside between commas (a relative clause or an apposition,
# with no quotation in it), then the cue: "Ann Lee, who has led the group since its founding and …, said"
_APPOSED = lazy_compile(
    r"\s*(?P<n>(?:[A-Z][\w’'.-]*[ \t]+){0,3}[A-Z][\w’'.-]*),[ \t]+(?:who|whose|the|a|an)[ \t][^“”\"\n]{0,250}?,[ \t]*$"
)
_AND_BEFORE = lazy_compile(r"\s(?:and|then|but)\s+(?:also\s+|then\s+|now\s+|later\s+|[a-z]{2,12}ly\s+)?$")


_PRONOUN_SPK = frozenset(w.lower() for w in THIRD_PERSON + FIRST_PERSON)


_SENTENCE_ADVERBS = frozenset(
    "And But Or So Yet Maybe Perhaps Then Still Now Also Instead Meanwhile However Indeed Plus Later Earlier "
    "Yesterday Today Tonight Again Thus Hence Nevertheless Nonetheless Separately Finally Afterward Afterwards "
    "When While After Before Since As If Because Although Though Once Until Unless Whether".split()
)


# ("Earlier", "Later", "Yesterday", "Today" are sentence adverbs: trim_subject drops them first)
_TIME_WORDS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday Last In At On During".split())


_LOWER_OK = frozenset("of the de van von al bin la le du and".split())


def trim_subject(text: str, a: int, b: int) -> tuple[int, int]:
    """A subject span cut before its verb: "Ann Lee went after Tom Ray" -> "Ann Lee", "he did say he" -> "he"."""
    words = list(re.finditer(r"\S+", text[a:b]))
    if not words:
        return a, b
    while len(words) > 1 and words[0].group().rstrip(",") in _SENTENCE_ADVERBS:
        words = words[1:]  # "And he added", "Maybe he figures": the subject after the adverb
    first = words[0].group().strip("“‘\"'(")
    if first in _TIME_WORDS and len(words) > 3:
        # "Saturday at the party meeting Sen. Ann Lee (D-OH)": the name that ends the span
        k = len(words)
        while k > 1 and (words[k - 1].group()[:1].isupper() or words[k - 1].group()[:1] == "("):
            k -= 1
        if k < len(words) and k > 1:
            return strip_span(text, a + words[k].start(), a + words[-1].end())
    if first.lower() in _PRONOUN_SPK:
        return a + words[0].start(), a + words[0].end()
    if not first[:1].isupper() or first in ("The", "A", "An"):
        return a + words[0].start(), b
    end = words[0].end()
    prev = first
    for w in words[1:]:
        token = w.group()
        if token[:1].isupper() or token in _LOWER_OK or token[:1].isdigit():
            end = w.end()
        elif token[:1].islower() and token.isalpha() and not is_verb(token, prev) and token not in _CUT_BEFORE:
            end = w.end()  # "German officials", "UN envoy Ann Lee": the noun phrase goes on
        else:
            break
        prev = token
    return strip_span(text, a + words[0].start(), a + end)


def clause_subject(text: str, mc: Clause) -> tuple[int, int] | None:
    """The subject of a main clause, cut to the words that name a speaker (``None`` if none do)."""
    sub = trim_subject(text, mc.start, mc.end)
    return sub if span_ok(text, *sub) else None


def governor(
    ctx: Context, lo: int, hi: int, quotes: Sequence[Quote], cues: Scanned
) -> tuple[tuple[int, int] | None, int, str | None]:
    """The subject of the last cue (``cues``: :data:`QC` or :data:`GOVERN`) in ``text[lo:hi]`` outside
    quotations: (span, cue offset, cue)."""
    text = ctx.text
    hits = []
    near: list[Quote] | None = None
    j, reach = 0, -1  # the quotes that start before a hit, and the furthest one of them ends
    for h in ctx.hits[cues].finditer(lo, hi):
        at = h.start()
        if near is None:  # quotes are in text order; only those in the window matter
            near = [q for q in quotes[-40:] if q.end > lo]
        while j < len(near) and near[j].start <= at:
            reach = max(reach, near[j].end)
            j += 1
        if at >= reach and not owned_noun(text, at, h.group()):  # not inside a quotation, not "his claim"
            hits.append(h)
    for h in reversed(hits[-3:]):
        if " ".join(h.group().split()) == "according to":
            m = re.match(rf"\s+(?P<spk>{SPEAKER_CHAR}{{1,100}}?)\s*(?:,|$)", text[h.end() : hi])
            source = speaker_span(text, h.end() + m.start("spk"), h.end() + m.end("spk")) if m else None
            if source is not None:  # (not "according to \u2028“…”": a blank source names no one)
                return source, h.start(), "according to"
            continue
        near_lo = max(lo, h.start() - 60)
        # (str.find first: the search tries its pattern at every character, and "who" is rarely there)
        r = _WHO_BEFORE.search(text, near_lo, h.start()) if text.find("who", near_lo, h.start()) >= 0 else None
        if r:  # "Tom Ray, who has publicly vowed … “…”": the relative pronoun, resolved to the name
            return (r.start("who"), r.end("who")), h.start(), h.group()
        w = _WITH_ING.search(text, max(lo, h.start() - 90), h.start()) if h.group().endswith("ing") else None
        if w:  # "…, with Sen. Tom Ray calling it “…”": the subject of the participle
            return strip_span(text, w.start("spk"), w.end("spk")), h.start(), h.group()
        a = _APPOSED.match(text, lo, h.start())
        if a is not None:  # "Ann Lee, who has led the group since 1990 and …, said": the name before the aside
            return (a.start("n"), a.end("n")), h.start(), h.group()
        subj = subject_before(text, lo, h.start(), hits=ctx.hits)
        if subj is None:  # "Ann Lee took the stage … and called it “…”": the subject before "and"
            m = _AND_BEFORE.search(text, max(lo, h.start() - 24), h.start())
            subj = subject_before(text, lo, m.start(), hits=ctx.hits) if m else None
        if subj is not None:
            sub = trim_subject(text, *subj)
            ok = span_ok(text, *sub)
            if not ok:
                sub = from_the_name(text, *sub)  # "As lead author Tom Reed told …": from the name on
                ok = span_ok(text, *sub)
            if ok:
                return sub, h.start(), h.group()
    return None, -1, None


# a clause with a subject of its own ("…, while Tom Ray calls it …"; "… and Tom Ray says …"), not a
# second verb of the same subject ("…, but called it “…”")
_STRONG = lazy_compile(
    r";|\b(?:while|whereas|although|though)\b"
    r"|\b(?:but|yet)\b(?!\s+(?:also\s+|then\s+|later\s+|now\s+|only\s+|[a-z]+ly\s+)?"
    r"(?:[a-z]+(?:ed|es|s|ing)|said|told|wrote|thought|felt|made|gave|took|went|came|saw|kept|held|spoke)\b|\s+only\b)"
    rf"|(?:,\s+|\s)and\s+(?={pronoun_pattern()}\b|(?:[A-Z][\w’'.-]*\s+){{1,4}}(?:[a-z]+(?:ed|s)|said|told|wrote)\b)"
    # "…, in what police described as “…”": a free relative with a subject of its own
    r"|\bwhat\s+(?!(?:we|you|i|they|is|was|are|were|has|had|have|be|been|seem|seems|seemed|appears?|appeared|amounts?|amounted"
    r"|looks?|looked)\b)[a-z]+\s+(?:[a-z]+ed|calls?|say|says|said)\s+(?:as|it|a|an|the)?\s*[“\"]?"
)


_PARTICIPLE_CUE = lazy_compile(r",\s*(?:\w+ly\s+)?[a-z]+ing\b")


_AS_FRAME = lazy_compile(r"\s*(?:[“\"]\s*)?(?:As|as|Like|like)\s")


# lower-case words that end a subject even though they are not verbs
_CUT_BEFORE = frozenset(
    "who which that whose whom where when while after before as since because although if and or but to "
    "also then later again still now not never once just only even already".split()
)
_THAT_RELATIVE = lazy_compile(r"\b(?:that|which|whom)\s+(?:the\s+)?$|\b(?:that|which|whom)\s+(?=[A-Z])")
_HEAD_SKIP = frozenset(
    "is was were are has have had will would can could may might must should also later then again "
    "repeatedly previously once already never not often".split()
)


_MAIN_CUES = frozenset(w for c in SAYING_CUES + THINKING_CUES + QUOTING_CUES for w in c.split()[:1])


def main_subject(
    ctx: Context,
    s_start: int,
    pre_lo: int,
    cs: int,
    here: Sequence[Quote],
    span: tuple[int, int] | None,
    cue_at: int,
    cue: str | None,
) -> tuple[tuple[int, int] | None, int, str | None]:
    """A partial quote governed by a cue later in its sentence belongs to the main clause's
    subject: after a participle ("Ann Lee went after Tom Ray, calling him “…”") or when the main
    verb is itself a cue ("Ann Lee … said … that the mayor looks like he will be “…”")."""
    text = ctx.text
    last = here[-1] if here and here[-1].start > s_start else None
    if last is not None and last.speaker_start is not None and last.speaker_end is not None:
        # "“…,” Ann Lee said, adding that the plan “is a mistake.”"
        p = _PARTICIPLE_CUE.search(text, last.speaker_end, cs) if last.end < last.speaker_start < cs else None
        if p and not _STRONG.search(text, last.end, cs):
            return (last.speaker_start, last.speaker_end), p.start(), p.group().lstrip(", ")
    if span is None:
        if s_start < pre_lo or _opens_sentence(text, s_start, here):
            return span, cue_at, cue
        mc = main_clause(text, s_start, cs - 1)
        if mc is None or _STRONG.search(text, mc.verb_end, cs):
            return span, cue_at, cue
        return _from_clause(text, mc, span, cue_at, cue)
    if cue_at < 0 or text[span[0] : span[1]] == "who":  # a relative clause names its own speaker
        return span, cue_at, cue
    if _opens_sentence(text, s_start, here) or s_start < pre_lo:
        return span, cue_at, cue
    mc = main_clause(text, s_start, cs - 1)
    as_frame = _AS_FRAME.match(text, s_start, cue_at + 1) is not None  # "As Ann Lee explained, …"
    if mc is not None and cue_at < mc.start and not as_frame and not _STRONG.search(text, mc.verb_end, cs):
        # "After Tom Ray criticized the budget, Ann Lee shot back, “…”": the cue was in the lead clause
        return _from_clause(text, mc, span, cue_at, cue)
    if mc is None or cue_at <= mc.verb or _strong(text, mc.verb_end, cue_at, cs):
        return span, cue_at, cue
    participle = _PARTICIPLE_CUE.match(text, max(pre_lo, text.rfind(",", max(pre_lo, cue_at - 30), cue_at + 1)))
    participle = participle if participle and participle.end() >= cue_at else None
    # "Ann Lee was quick to praise him after he won and said … “…”": a verb joined by "and" shares the subject
    coordinated = _AND_BEFORE.search(text, max(pre_lo, cue_at - 24), cue_at) is not None
    if not participle and not coordinated:
        head = _head_verb(text, mc.verb, cue_at)
        if head not in _MAIN_CUES:
            return span, cue_at, cue
        if text[span[0] : span[1]].split()[0].lower() not in _PRONOUN_SPK and _THAT_RELATIVE.search(
            text, max(pre_lo, span[0] - 12), span[0] + 1
        ):
            return span, cue_at, cue  # "Norway said …, a position that German officials described as “…”"
    return _from_clause(text, mc, span, cue_at, cue)


def _from_clause(
    text: str, mc: Clause, span: tuple[int, int] | None, cue_at: int, cue: str | None
) -> tuple[tuple[int, int] | None, int, str | None]:
    """The main clause's subject and verb as (span, cue offset, cue), else the inputs."""
    sub = clause_subject(text, mc)
    return (sub, mc.verb, text[mc.verb : mc.verb_end]) if sub else (span, cue_at, cue)


def _strong(text: str, a: int, b: int, hi: int) -> bool:
    """Does a clause with a subject of its own start in ``text[a:b]`` (read on to ``hi``)?"""
    m = _STRONG.search(text, a, hi)
    return m is not None and m.start() < b


def _opens_sentence(text: str, s_start: int, here: Sequence[Quote]) -> bool:
    """Did the sentence open with the paragraph's previous quotation ("“…,” Ann Lee said, …")?"""
    # a short gap only (never slice a long sentence once per quote: that would be quadratic)
    return (
        bool(here) and s_start < here[-1].start <= s_start + 8 and not text[s_start : here[-1].start].strip(" “\"‘'(")
    )


def _head_verb(text: str, at: int, hi: int) -> str:
    """The main verb after its auxiliaries and adverbs ("has repeatedly called" -> "called")."""
    for m in re.finditer(r"[\w’']+", text[at : min(hi, at + 60)]):
        w = m.group().lower()
        if w not in _HEAD_SKIP and not w.endswith("ly"):
            return w
    return ""
