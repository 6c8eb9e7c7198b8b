"""Scoring predicted quote attribution against gold quotes, and naming each failure.

Pure functions over offsets: a gold quote is anything with ``start``, ``end``,
``paragraph``, ``source`` and ``cue`` (tuples of ``(start, end)`` fragments);
a predicted quote anything with ``start``, ``end``, ``speaker``,
``speaker_start`` and ``speaker_end`` (``kit.Quote``). Spans are half-open.

Matching: a predicted quote matches a gold quote when their spans overlap;
each side is paired with the other side's quote it overlaps most (ties: the
first). A gold quote is *right* when its predicted quote names the speaker at
a span overlapping the gold Source; a predicted quote is *right* when its
speaker span overlaps the Source of the gold quote it matches.

- precision = right predicted quotes / predicted quotes with a speaker span
  that match a gold quote. An attributed predicted quote that matches no gold
  quote (a scare quote, a title, a quote the annotator left out) is not
  counted against precision -- the gold is incomplete there -- and is
  reported on its own line.
- recall = right gold quotes / gold quotes (those whose attribution has no
  Source count, and can never be right).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

__all__ = [
    "Counts",
    "Outcome",
    "overlaps",
    "best_match",
    "prf",
    "score_article",
    "source_kind",
    "where_source",
    "failure_kind",
    "name_key",
    "actor_has_name",
    "name_mapping",
]

Spans = tuple[tuple[int, int], ...]

PRONOUNS = frozenset(
    "i me my we us our you your he him his she her they them their it its who whom one "
    "this that these those some others another many most all both each".split()
)
_ANONYMOUS = re.compile(
    r"\b(?:officials?|sources?|aides?|spokes(?:man|woman|person)|advisers?|insiders?|people|person|"
    r"someone|anonymity|anonymous|declined to be named|not authorized|familiar with)\b",
    re.IGNORECASE,
)
_ORGANISATION = re.compile(
    r"\b(?:campaign|committee|department|agency|administration|government|ministry|office|party|"
    r"association|council|foundation|institute|university|news|times|post|journal|press|network|"
    r"channel|magazine|statement|report|poll|survey|website|group|coalition|union|court|police)\b",
    re.IGNORECASE,
)
# Capitalised words that do not make a proper name on their own.
_NOT_NAMES = PRONOUNS | frozenset(
    "the a an mr mrs ms dr sen rep gov president senator secretary officials sources critics "
    "supporters experts analysts aides voters residents police democrats republicans americans".split()
)
_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
_DASHES = re.compile(r"[—–]|--| - ")
_SENTENCE_END = re.compile(r"[.!?][”\"’)]*\s")
_SAY_ENDINGS = ("said", "says", "say", "asked", "added", "wrote", "writes", "told")


@dataclass
class Counts:
    """The tallies behind P/R/F1; add them up across articles with ``+=``."""

    gold: int = 0
    gold_right: int = 0
    gold_no_source: int = 0
    predicted: int = 0
    attributed: int = 0  # predicted quotes with a speaker span
    attributed_matched: int = 0  # ... that overlap a gold quote (precision's denominator)
    attributed_right: int = 0
    attributed_unmatched: int = 0
    unmatched: int = 0  # predicted quotes overlapping no gold quote

    def __iadd__(self, other: Counts) -> Counts:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        return self


@dataclass(frozen=True)
class Outcome:
    """One gold quote's result: its best-overlapping prediction and, if wrong, the failure kind."""

    gold: Any
    predicted: Any | None
    right: bool
    kind: str = ""


def overlaps(start: int, end: int, spans: Spans) -> bool:
    """Whether ``[start, end)`` shares a character with any fragment.

    >>> overlaps(5, 9, ((0, 5), (8, 12))), overlaps(5, 8, ((0, 5), (8, 12)))
    (True, False)
    """
    return any(start < b and a < end for a, b in spans)


def best_match(start: int, end: int, items: Sequence[Any]) -> Any | None:
    """The item whose ``[start, end)`` overlaps the span most (first on ties), or None."""
    best, size = None, 0
    for item in items:
        shared = min(end, item.end) - max(start, item.start)
        if shared > size:
            best, size = item, shared
    return best


def prf(counts: Counts) -> tuple[float, float, float]:
    """Precision, recall and F1 (0.0 where a denominator is 0).

    >>> [round(x, 3) for x in prf(Counts(gold=10, gold_right=6, attributed_matched=8, attributed_right=6))]
    [0.75, 0.6, 0.667]
    """
    p = counts.attributed_right / counts.attributed_matched if counts.attributed_matched else 0.0
    r = counts.gold_right / counts.gold if counts.gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _speaker_right(pred: Any, gold: Any) -> bool:
    return pred.speaker_start is not None and overlaps(pred.speaker_start, pred.speaker_end, gold.source)


def score_article(
    gold: Sequence[Any], predicted: Sequence[Any], *, text: str = "", paragraphs: Sequence[tuple[int, int]] = ()
) -> tuple[Counts, list[Outcome]]:
    """Counts for one article and one :class:`Outcome` per gold quote.

    With ``text`` and ``paragraphs`` each failure gets a kind (:func:`failure_kind`).
    """
    c = Counts(gold=len(gold), predicted=len(predicted))
    c.gold_no_source = sum(not g.source for g in gold)
    outcomes = []
    for g in gold:
        pred = best_match(g.start, g.end, predicted)
        right = pred is not None and _speaker_right(pred, g)
        c.gold_right += right
        kind = "" if right or not text else failure_kind(text, g, pred, gold, paragraphs)
        outcomes.append(Outcome(g, pred, right, kind))
    for pred in predicted:
        g = best_match(pred.start, pred.end, gold)
        attributed = pred.speaker_start is not None
        c.attributed += attributed
        c.unmatched += g is None
        if attributed and g is None:
            c.attributed_unmatched += 1
        elif attributed:
            c.attributed_matched += 1
            c.attributed_right += _speaker_right(pred, g)
    return c, outcomes


def rule_counts(gold: Sequence[Any], predicted: Sequence[Any]) -> Counter[tuple[str, bool]]:
    """``(rule, right)`` counts over the predicted quotes that have a speaker span and match a gold quote
    (``rule``: the name of the attribution rule, ``Quote.rule``)."""
    out: Counter[tuple[str, bool]] = Counter()
    for pred in predicted:
        if pred.speaker_start is None:
            continue
        g = best_match(pred.start, pred.end, gold)
        if g is not None:
            out[(getattr(pred, "rule", None) or "none", _speaker_right(pred, g))] += 1
    return out


def source_kind(source_text: str) -> str:
    """What the gold Source is: pronoun, anonymous, organisation, name or description.

    >>> examples = ("he", "two senior officials", "the Smith campaign", "Fox News", "Ann Lee", "the crowd")
    >>> [source_kind(s) for s in examples]
    ['pronoun', 'anonymous', 'organisation', 'organisation', 'name', 'description']
    """
    text = source_text.strip()
    if not text:
        return "none"
    if text.lower() in PRONOUNS:
        return "pronoun"
    name = name_key(text)
    if name is not None:
        return "organisation" if _ORGANISATION.search(name) else "name"
    if _ANONYMOUS.search(text):
        return "anonymous"
    words = _WORD.findall(text)
    named = any(w[0].isupper() and w.lower() not in _NOT_NAMES for w in words)
    return "organisation" if named and _ORGANISATION.fullmatch(words[-1]) else "description"


def _paragraph_of(offset: int, paragraphs: Sequence[tuple[int, int]]) -> int:
    for index, (start, end) in enumerate(paragraphs):
        if offset < end:
            return index if offset >= start else index - 1
    return len(paragraphs) - 1


def where_source(text: str, gold: Any, others: Sequence[Any], paragraphs: Sequence[tuple[int, int]]) -> str:
    """Where the text names the gold speaker, relative to the quote (the pattern a parser must handle).

    The first that applies: no annotated source; source in an earlier / later
    paragraph; "according to"; source inside the marks; colon intro (X said:
    “…”); dash attribution (“…” — X); a follow-on quote of the same speaker in
    the next sentence (“A,” X said. “B.”) or the same sentence (“A,” X said,
    “B.”); another quote between source and quote; a fragment quoted inside a
    sentence (called it “a disaster”); otherwise source before / after the quote.

    >>> from types import SimpleNamespace as G
    >>> t = "“Go,” Ann said. “Now.”"
    >>> q = lambda start, end: G(start=start, end=end, source=((6, 9),), cue=((10, 14),), paragraph=0, attribution="E1")
    >>> a, b = q(1, 4), q(17, 21)
    >>> where_source(t, a, [a, b], [(0, len(t))]), where_source(t, b, [a, b], [(0, len(t))])
    ('source after the quote', 'follow-on sentence (“A,” X said. “B.”)')
    """
    if not gold.source:
        return "no annotated source"
    s_start, s_end = gold.source[0][0], gold.source[-1][1]
    s_par = _paragraph_of(s_start, paragraphs)
    if s_par != gold.paragraph:
        return "source in an earlier paragraph" if s_par < gold.paragraph else "source in a later paragraph"
    cue = " ".join(text[a:b] for a, b in gold.cue).lower()
    if "according" in cue:
        return "'according to'"
    if gold.start <= s_start and s_end <= gold.end:
        return "source inside the marks"
    before = s_end <= gold.start
    gap = text[s_end : gold.start - 1] if before else text[gold.end + 1 : s_start]
    if before and gap.rstrip().endswith(":"):
        return "colon intro"
    if _DASHES.search(gap):
        return "dash attribution"
    same = [
        o
        for o in others
        if o is not gold
        and o.paragraph == gold.paragraph
        and getattr(o, "attribution", None) == getattr(gold, "attribution", None)
    ]
    if before and any(o.end <= s_start for o in same):
        if _SENTENCE_END.search(gap):
            return "follow-on sentence (“A,” X said. “B.”)"
        return "interrupted quote (“A,” X said, “B.”)"
    lo, hi = (s_end, gold.start) if before else (gold.end, s_start)
    if any(lo <= o.start and o.end <= hi for o in others if o is not gold):
        return "another quote in between"
    p_start = paragraphs[gold.paragraph][0]
    lead = text[max(p_start, gold.start - 80) : gold.start - 1]
    lead = _SENTENCE_END.split(lead)[-1].rstrip()
    if lead and lead[-1].isalnum() and not lead.lower().endswith(_SAY_ENDINGS):
        return "fragment inside a sentence"
    return "source before the quote" if before else "source after the quote"


def failure_kind(
    text: str, gold: Any, pred: Any | None, others: Sequence[Any], paragraphs: Sequence[tuple[int, int]]
) -> str:
    """One label per failed gold quote: what the parser did, then where the source is.

    ``"no quote found: …"``, ``"no speaker: …"``, ``"wrong speaker (<gold source kind>): …"``,
    or ``"gold has no source"``.
    """
    if not gold.source:
        return "gold has no source"
    where = where_source(text, gold, others, paragraphs)
    if pred is None:
        return f"no quote found: {where}"
    if pred.speaker_start is None:
        return f"no speaker: {where}"
    source_text = " ".join(text[a:b] for a, b in gold.source)
    kind = source_kind(source_text)
    if _paragraph_of(pred.speaker_start, paragraphs) != _paragraph_of(gold.source[0][0], paragraphs):
        return f"wrong speaker ({kind}): kit's speaker is in another paragraph"
    return f"wrong speaker ({kind}): {where}"


def name_key(source_text: str) -> str | None:
    """The proper name a Source text is headed by, or None if its head is not a name.

    Appositions and ``of``/``from``/``who``/``in``… tails are cut ("Ann Lee, a
    lawyer from Ohio" -> "Ann Lee") and a final possessive dropped; then the
    last word must be capitalised and not in a stop list (pronouns, articles,
    titles, "Officials"), and the run of such words it ends is the name. So
    "the Ohio senator" and "White House officials" name nobody.

    >>> [name_key(s) for s in ("White House press secretary Ann Lee", "Sen. Bo Day (R-Ohio)", "He", "the Ohio senator")]
    ['Ann Lee', 'Bo Day', None, None]
    """
    head = re.split(r",|\(| (?:of|from|who|for|in|at|on|with) ", source_text, maxsplit=1)[0]
    head = re.sub(r"(?:’s|'s|’|')\s*$", "", head.strip())
    run: list[str] = []
    for word in _WORD.findall(head):
        if word[0].isupper() and word.lower().rstrip(".") not in _NOT_NAMES:
            run.append(word)
        else:
            run = []
    return " ".join(run) or None


def actor_has_name(actor: Any, name: str) -> bool:
    """Whether the actor's name or an alias contains the name's last word, as a word.

    >>> from types import SimpleNamespace as A
    >>> actor_has_name(A(name="Ann B. Lee", aliases=()), "Ann Lee"), actor_has_name(A(name="Leeds", aliases=()), "Lee")
    (True, False)
    """
    last = name.split()[-1].lower()
    return any(last in re.findall(r"[\w.'’-]+", n.lower()) for n in (actor.name, *actor.aliases))


def name_mapping(
    gold: Any, pred: Any | None, text: str, actors: Sequence[Any], mentions: Sequence[Any]
) -> tuple[str, bool, bool] | None:
    """For a gold Source that is a proper name: ``(name, via_speaker, via_mention)``; None otherwise.

    ``via_speaker``: the matched prediction's speaker actor is a person or
    organization whose name contains the name (:func:`actor_has_name`).
    ``via_mention``: so is an actor with a mention overlapping the Source span.
    """
    if not gold.source:
        return None
    name = name_key(" ".join(text[a:b] for a, b in gold.source))
    if name is None:
        return None
    by_id = {a.id: a for a in actors}

    def fits(actor_id: str | None) -> bool:
        actor = by_id.get(actor_id) if actor_id else None
        return actor is not None and actor.kind in ("person", "organization") and actor_has_name(actor, name)

    via_speaker = pred is not None and fits(pred.speaker)
    via_mention = any(fits(m.actor) for m in mentions if overlaps(m.start, m.end, gold.source))
    return name, via_speaker, via_mention
