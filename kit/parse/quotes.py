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

import bisect
import re

from ..records import Paragraph, Quote
from ..util import paused_gc
from .attribution import (
    ASKING_CUES,
    OBJECT_CUES,
    QUOTING_CUES,
    REPLY_CUES,
    SAYING_CUES,
    THINKING_CUES,
    WINDOW,
    speaker_span,
)
from .clauses import main_clause
from .entity_words import entity_words
from .governor import QC, SAID_X, clause_subject, governor
from .marks import OPENING_MARKS, any_mark, pair_marks
from .patterns import lazy_compile, trie_pattern
from .rules import RULES, Site, attribute
from .slots import SIGN_OFF, end_mark
from .speakers import Context, resolve
from .structure import sentence_at

__all__ = ["find_quotes", "SAYING_CUES", "THINKING_CUES", "OBJECT_CUES", "QUOTING_CUES"]

_AFTER = frozenset(r.name for r in RULES[:5])  # the shapes right after a quotation


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
    if not any_mark(text):
        return ()  # no mark, no quotation (the paragraphs' marks are paired below, each found by the same class)
    quotes: list[Quote] = []
    prev: list[Quote] = []  # quotes of the previous paragraph
    carry = False  # the previous paragraph's last quote was left open
    intro: tuple[int, int] | None = None  # the speaker of a colon introduction ending the previous paragraph
    close_at: int | None = None  # where a quotation left open closes in this paragraph, with no mark reopening it
    for pi, para in enumerate(paragraphs):
        if para.kind not in ("body", "heading"):
            prev, carry, intro, close_at = [], False, None, None
            continue
        if close_at is not None and close_at >= para.end:
            continue  # a caption between the two parts of a quotation ("Photo: …"): read as if not there
        nxt = _next_part(text, paragraphs, pi)
        if close_at is not None:  # "…\n\nand we will win.” She left.": the quotation's last part, then the rest
            spans, open_start = pair_marks(text, close_at + 1, para.end)
            spans.insert(0, (para.start, close_at))
            close_at = None
        else:
            spans, open_start = pair_marks(text, para.start, para.end)
        if open_start is not None and nxt is not None and nxt.kind == "body":
            if text[nxt.start] in OPENING_MARKS:
                spans.append((open_start, para.end))
            elif (c := _closes_unopened(text, nxt)) is not None:
                spans.append((open_start, para.end))
                close_at = c
        here: list[Quote] = []
        for cs, ce in spans:
            here.append(_attribute(ctx, para, cs, ce, here, prev, carry, intro))
        if len(here) > 1:
            _share_attribution(ctx, here)  # "Tolls are “a tax” and “a gift,” Ann Lee said."
        if (
            carry
            and prev
            and prev[-1].speaker_start is None
            and here
            and here[0].continued is False
            and here[0].start in (para.start, para.start + 1)
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
                False,
                "next_paragraph",
            )
        if not here and prev and prev[-1].speaker_start is None:
            _sign_off(ctx, para, prev, quotes)  # "“…”" then a paragraph "- Ann Lee."
        quotes.extend(here)
        carry = bool(here) and here[-1].end == para.end and open_start is not None
        prev = here
        intro = _colon_intro(ctx, para) if not here or here[-1].end < para.end - 2 else None
    return tuple(quotes)


# a caption set between two paragraphs of a story ("Photo: …", "Image: …", "(Photo: …)")
_CAPTION = re.compile(r"\(?(?:Photo|Picture|Image|Caption|Video)(?:\s+credit)?\s*[:(]")


def _next_part(text: str, paragraphs: tuple[Paragraph, ...], pi: int) -> Paragraph | None:
    """The paragraph after ``paragraphs[pi]`` that a quotation left open there may go on in: the next one,
    past captions ("Photo: …") set in between."""
    for p in paragraphs[pi + 1 : pi + 4]:
        if not (p.end - p.start < 200 and _CAPTION.match(text, p.start, p.end)):
            return p
    return None


def _closes_unopened(text: str, para: Paragraph) -> int | None:
    """Where a closing mark in ``para`` ends a quotation opened before it, with no opening mark in between
    ("And we will win the vote.” Tom Ray left."): the offset of the mark, or ``None``."""
    close = text.find("”", para.start, para.end)
    if close <= para.start or text.find("“", para.start, close) >= 0:
        return None
    return close


_SHARED = "shared_attribution"
_GAP_STOPS = frozenset('.!?;:“”"\n')


def _share_attribution(ctx: Context, here: list[Quote]) -> None:
    """A fragment with no speaker shares the attribution right after the next quotation of its sentence
    ("Tolls are “a tax on the poor” and “a gift to banks,” Ann Lee proclaimed."): read from the last
    quote back, so a run of fragments shares it; ``here`` is patched.

    The two are joined by a few words with no mark that ends a sentence or clause and no cue of their
    own ("“a liar,” Tom Ray said, and “a fraud,” Ann Lee added" keeps two speakers).
    """
    text = ctx.text
    for k in range(len(here) - 2, -1, -1):
        q, nxt = here[k], here[k + 1]
        if q.speaker_start is not None or nxt.speaker_start is None or nxt.rule not in _AFTER | {_SHARED}:
            continue
        if end_mark(text, q.start, q.end) in ".!?…" or nxt.start - q.end > 80:
            continue
        lo, hi = q.end + 1, nxt.start - 1  # between the closing and the opening mark
        if any(c in _GAP_STOPS for c in text[lo:hi]) or ctx.hits[QC].search(lo, hi) is not None:
            continue
        here[k] = Quote(
            q.start, q.end, nxt.speaker, nxt.speaker_start, nxt.speaker_end, nxt.cue, q.paragraph, True, False, _SHARED
        )


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
        quotes[k] = Quote(
            q.start, q.end, speaker, span[0], span[1], None, q.paragraph, q.partial, q.continued, "sign_off"
        )


def _colon_intro(ctx: Context, para: Paragraph) -> tuple[int, int] | None:
    """The speaker of a paragraph that ends by introducing a quotation ("Cruz continued:")."""
    text = ctx.text
    end = para.end
    if text[end - 1] != ":":
        return None
    s = ctx.sentences[sentence_at(ctx.sentences, ctx.starts, end - 1)]
    m = SAID_X.match(text, s.start, end) if s.start >= end - WINDOW else None
    if m is not None:  # "Stated Ann Lee:"
        return speaker_span(text, m.start("spk"), m.end("spk"))
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
    """The quotation ``cs``/``ce`` with the speaker the rules of :mod:`kit.parse.rules` find, tried in their order."""
    text = ctx.text
    if _a_works_title(text, cs, ce) or _a_name_or_label(text, cs, ce):  # "the film “Harbour Lights”": a title
        return Quote(cs, ce, None, None, None, None, para.index, True, False, None)
    site = Site(ctx, para, cs, ce, here, prev, carry, intro_spk)
    found = attribute(site)
    if found is not None and found.source is not None:  # it carries on an earlier quote's speaker
        q = found.source
        rule = found.rule if q.speaker_start is not None else None
        return Quote(cs, ce, q.speaker, q.speaker_start, q.speaker_end, None, para.index, False, True, rule)
    span = found.span if found is not None else None
    if site.at_start:  # "“a mess” is what she called it": a fragment when nothing right after names a speaker
        rest = text[site.post_lo : site.post_hi].lstrip(" ,.;:!?…")
        after = found is not None and found.rule in _AFTER
        partial = not after and rest[:1].islower()
    else:
        partial = not site.intro
    if span is not None and not text[span[0] : span[1]].strip():
        span = None  # a speaker span is never empty or blank (each rule checks; this is the last guard)
    if span is None or found is None:
        return Quote(cs, ce, None, None, None, None, para.index, partial, False, None)
    resolved = resolve(ctx, *span)
    if found.cue_at >= 0:
        ctx.used_cues.add(found.cue_at)
    cue = " ".join(found.cue.split()) if found.cue else None
    speaker = resolved[0][0] if resolved else None
    if speaker is not None and cue in REPLY_CUES and text[span[0] : span[1]].lower() in ("he", "she"):
        speaker = _replier(ctx, speaker, span[0], here or prev)
    return Quote(cs, ce, speaker, span[0], span[1], cue, para.index, partial, False, found.rule)


def _asked(ctx: Context, speaker: str, gender: str | None, at: int) -> str | None:
    """The person the pronoun's referent ``speaker`` asked, right before the reply at ``at`` ("Prosecutor Ivo Marsk
    asked Tom Moss about the loan. “I never saw it,” he replied." is Tom Moss); ``None`` if there is none."""
    k = bisect.bisect_left(ctx.m_starts, at) - 1
    for i in range(k, max(-1, k - 12), -1):
        m = ctx.mentions[i]
        if at - m.end > _ASK_REACH:
            break
        if m.actor != speaker:
            continue
        asked = _ASKED.match(ctx.text, m.end)
        if asked is None:
            return None  # the referent's latest mention asks nobody
        j = bisect.bisect_left(ctx.m_starts, asked.end())
        if j < len(ctx.mentions) and ctx.mentions[j].start == asked.end():
            other = ctx.mentions[j].actor
            if other != speaker and ctx.kinds.get(other) == "person" and ctx.gender.get(other, gender) == gender:
                return other
        return None
    return None


_ASKED = lazy_compile(lambda: rf"[ \t]+(?:{trie_pattern(ASKING_CUES)})[ \t]+")
_ASK_REACH = 300  # characters from the asking to the reply: the sentence before, or the one before that
_WORD_BEFORE = re.compile(r"([a-z]+)[ \t]*,?[ \t]*$")
# a verb of appearing or publishing before "in" and a capitalised quotation: a work's title ("starred in “…”")
_APPEARED_IN = re.compile(r"\b(?:appeared|appears|appearing|published|starred|stars|starring|featured)[ \t]+$")


def _a_works_title(text: str, cs: int, ce: int) -> bool:
    """Is the quotation ``cs``/``ce`` a work's or a vessel's title in quotation marks, right after a word for one
    ("the film “Harbour Lights”", "the ship “Hope”", "her new album, “Tarvo Nights”") or a verb of appearing and
    "in" ("starred in “Harbour Lights”"), or a name that ends with the last word of a place's, an event's or a
    prize's name ("the “Kestrel Harbour Cup”"): a few capitalised words, no end of sentence? Or a modifier joined
    to a word by a hyphen ("a “Tarvo Nights”-inspired show")?"""
    if ce - cs > 120:
        return False  # (the usual case, and no split of a long quotation)
    if text.startswith("-", ce + 1) and text[ce + 2 : ce + 3].isalpha():
        return True  # "a “Tarvo Nights”-inspired show": the quotation is part of a word, a modifier
    if (
        text.startswith(" - ", ce + 1)
        and _SPACED_HYPHEN.match(text, ce + 4)
        and _ARTICLE_BEFORE.search(text, max(0, cs - 6), cs)
    ):
        return True  # the same with blanks around the hyphen, as text split into words writes it
    words = text[cs:ce].split()
    if (
        not 1 <= len(words) <= 6
        or text[ce - 1 : ce] in ".!?,"
        or not all(w[:1].isupper() or w in _SMALL for w in words)
    ):
        return False
    if len(words) > 1 and words[-1] in entity_words().place_heads:
        return True  # "won the “Kestrel Harbour Cup”": the name of an event, a prize or a place, no one's words
    m = _WORD_BEFORE.search(text, max(0, cs - 30), cs - 1)
    if m is not None and m.group(1) == "in":  # "starred in “Harbour Lights”", "appeared in “Kestrel”"
        return _APPEARED_IN.search(text, max(0, m.start() - 16), m.start()) is not None
    return m is not None and m.group(1) in entity_words().work_nouns


def _a_name_or_label(text: str, cs: int, ce: int) -> bool:
    """Is the short quotation ``cs``/``ce`` a name, not words anyone said: a nickname inside a person's name
    ("Ivo “Tarvo” Marsk"), a label given in the passive with no one who gives it ("a bay known as “the
    Kettle”", "a word translated as “harbour”"), or a term a text defines in brackets ("Zentrix Ltd (the
    “Seller”)")?"""
    if ce - cs > 60 or text[ce - 1 : ce] in ".!?,;:":
        return False
    before = text[max(0, cs - 40) : cs - 1]
    after = text[ce + 1 : ce + 12]
    quoted = text[cs:ce]
    # (a quick test first: a label or a word for one ends with a letter or "e.g.", a defined term is followed by
    # a bracket, a comma or "or", a nickname is capitalised; most quotations are none of them)
    stripped = before.rstrip(" \t,")
    last = stripped[-1:]
    defined = after[:1] in ")," or after.startswith(" or ")
    if not (last.isalpha() or last == ".") and not defined and not quoted.lstrip()[:1].isupper():
        return False
    words = quoted.split()
    if not 1 <= len(words) <= 4:
        return False
    # (the patterns end the window: quick tests of its last word first, as a quotation mostly follows none of them)
    if before[-1:] in _BLANKS and before.rstrip(" \t").endswith(_LABEL_ENDS) and _LABEL_BEFORE.search(before):
        return True  # "known as “the Kettle”": named by no one the sentence names
    if stripped.endswith(_NAME_NOUN_ENDS) and _NAME_NOUN_BEFORE.search(before) is not None:
        return True  # "the word “harbour”": a word mentioned
    if defined and _DEFINED_BEFORE.search(before) is not None:
        return True  # "(the “Seller”)", "(“Buyer” or “you”)": a defined term
    if not all(w[:1].isupper() for w in words):
        return False
    if len(words) <= 2 and before.endswith(" ") and after[:1] == " ":
        prev = before.split()[-1:] or [""]
        nxt = after.split()[:1] or [""]
        return _NAME_WORD.fullmatch(prev[0]) is not None and _NAME_WORD.fullmatch(nxt[0].rstrip(",;:")) is not None
    return False


# a label given in the passive right before the quotation ("known locally as the"; not "referred to the
# plan as", which names what the subject called it)
_LABEL_BEFORE = lazy_compile(
    r"(?<![A-Za-z])(?:known|translated|rendered|referred[ \t]+to)[ \t]+(?:(?:[a-z]+ly|here|also|still|now|often)[ \t]+)?as[ \t]+(?:(?:the|a|an)[ \t]+)?$"
)
# a word for a name or a word right before the quotation: the quotation is that name, a word mentioned ("took
# the title of “Grand Warden”", "the word “harbour”", "(e.g. “harbour”)", "the plain meaning of “harbour”", "may
# define the term “harbour” as"), not one said (not "the term “…”": PolNeAR's gold gives a term to the one who uses it)
_NAME_NOUN_BEFORE = lazy_compile(
    r"(?<![A-Za-z])(?:the|a|an|its|his|her|their)[ \t]+(?:title|nickname|moniker|epithet|word)"
    r"(?:[ \t]+of(?:[ \t]+the)?)?[ \t]*$|(?<![A-Za-z])(?:e\.g\.|i\.e\.)[ \t,]*$"
    r"|(?<![A-Za-z])(?:meaning|definition|spelling|pronunciation)[ \t]+of[ \t]*$"
    r"|(?<![A-Za-z])defin(?:e|es|ed|ing)[ \t]+(?:the[ \t]+(?:term|word)[ \t]+)?$"
)
_BLANKS = frozenset(" \t")
_LABEL_ENDS = ("as", "the", "a", "an")  # how _LABEL_BEFORE's window ends, its blanks left out
# and how _NAME_NOUN_BEFORE's ends, its blanks and commas left out
# ("define the term “…”": a word defined)
_NAME_NOUN_ENDS = (
    "title", "nickname", "moniker", "epithet", "word", "of", "the", "e.g.", "i.e.",
    "term", "define", "defines", "defined", "defining",
)  # fmt: skip
# a bracket opening a defined term ("the" or "hereinafter" may come first), or its second form after "or"
_DEFINED_BEFORE = lazy_compile(
    r"\((?:(?:hereinafter|hereafter|collectively|together)[ \t,]+)?(?:the[ \t]+)?"
    r"(?:[“\"][^”\"()]{1,30}[”\"][ \t]+or[ \t]+)?$"
)
# a word of a person's name on either side of a nickname: capitalised, letters only, no stop
_NAME_WORD = lazy_compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?")


_SMALL = frozenset("of the a an and in on at for to with from by".split())
# a participle joined to a quotation by a hyphen between blanks, and the noun it describes ("a “…” - inspired show";
# not a dash before a verb: "“…” - noted that …", which no article opens)
_SPACED_HYPHEN = re.compile(r"[a-z]+ed[ \t]+[a-z]")
_ARTICLE_BEFORE = re.compile(r"(?<![A-Za-z])(?:[Aa]n?|[Tt]he)[ \t]+.$", re.DOTALL)


def _replier(ctx: Context, speaker: str, at: int, before: list[Quote]) -> str:
    """The person a "he replied" or "she answered" stands for: not the speaker of the quotation just before
    (who asked), but the latest other person of that gender named before ("“Where were you?” Ray asked.
    “At home,” he replied." is the brother the text named, not Ray). ``speaker``: the pronoun's referent."""
    gender = ctx.gender.get(speaker)
    if not before or before[-1].speaker != speaker:
        return _asked(ctx, speaker, gender, at) or speaker
    k = bisect.bisect_left(ctx.m_starts, at) - 1
    for i in range(k, max(-1, k - 60), -1):
        other = ctx.mentions[i].actor
        if other != speaker and ctx.kinds.get(other) == "person" and ctx.gender.get(other, gender) == gender:
            return other
    return speaker
