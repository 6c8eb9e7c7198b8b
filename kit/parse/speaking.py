"""Speakers the actor step did not know: who a speaker span names when no actor is there.

The attribution rules (:mod:`kit.parse.rules`) find *where* a quote's speaker is
written; :func:`kit.parse.speakers.resolve` turns that span into an actor when
the actor step found one there. When it found none, this step reads the span
itself (all word lists are data: ``kit/data/entities.json``):

* **a description** — an indefinite one ("one commenter wrote", "a New Hampshire
  Republican said", "Analysts said"), a definite one with no one to refer back to
  ("the judge exclaimed"), a body that speaks for itself (``speaking_bodies``: "the city
  reasoned", "the prosecution argued"), or a document ("the memo reads", "the statement said")
  — becomes an ``anonymous`` actor, its role the description;
* **a definite description that refers back** — "the company said" to the latest
  organisation named as a subject (``org_nouns``), "the senator said" to the latest
  person whose role has that word;
* **a name with evidence of its kind** — "the Herald said", an acronym ("NYFEX
  said"), an outlet's verb ("Daily Variety reported") or "it"/"its" after it make
  an organisation; "he"/"she"/"his"/"her" after it make a person. With no evidence
  ("Zed said") the span stays unresolved: it may be a surname or a company.

New actors get a mention wherever their name is written again; pronoun speakers
are then resolved again, so "he said" after "Moss says" can reach Moss.

>>> import kit
>>> art = kit.parse("“It is a scandal,” one commenter wrote. “We will appeal,” the Herald said.")
>>> [(q.speaker, art.actor(q.speaker).kind) for q in art.quotes]
[('anon_commenter', 'anonymous'), ('herald', 'organization')]
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeVar

from ..records import Actor, Article, Mention, Quote, Reported
from ..util import snake_id
from .attribution import THIRD_PERSON
from .entity_words import entity_words
from .gazetteer import gazetteer
from .org_clues import opens_sentence
from .patterns import finditer_not_after, lazy_compile, trie_pattern
from .speakers import Context, last_subject, resolve

__all__ = ["add_speakers"]

Span = tuple[int, int]
_Said = TypeVar("_Said", Quote, Reported)


@functools.cache
def _indefinite() -> frozenset[str]:
    """The one-word determiners of anonymous sources (kit/data/gazetteer.json ``anonymous.determiners``:
    "one", "some", "two" …) but "the": a description they open speaks for no one named."""
    determiners = gazetteer().data.get("anonymous", {}).get("determiners", ())
    return frozenset(d.lower() for d in determiners if " " not in d) - {"the"}


_DEFINITE = frozenset("the this that these those".split())
_NOT_NAMES = frozenset(
    "I It We He She They You This That These Those There Here What Which Who Whom Whose When Where Why How "
    "All Some Many Most Few Several One Another Other Others Each Every Both Either Neither None Nobody "
    "Everybody Everyone Someone Somebody Anyone People".split()
)
#: Words that start what follows a description's head ("a memo seen by …", "an aide to …").
_TRAILING = frozenset(
    "seen obtained sent released issued posted published written signed by of for from in at with on to "
    "who that which whose close familiar have has had is was are were will would said says".split()
)
_THIRD_OR_OWNER = frozenset((*THIRD_PERSON, "his", "her", "its", "their"))
_PRONOUNS = frozenset("he him his she her hers it its they them their we us our you your i me my".split())
_WORD = lazy_compile(r"[A-Za-z][A-Za-z’'-]*")
_ACRONYM = lazy_compile(r"(?:[A-Z]\.?){2,6}")
#: Words that open a sentence before a name ("But Ferrera said"), never part of it.
_OPENERS = frozenset("And But So Then Yet Now Also After When While On In At As If Or Nor For".split())
_NAME_WORD = lazy_compile(r"(?:[A-Z][\w’'.&-]*|of|for|and|de|al|el)")
# "He"/"She"/"It" opening a sentence, or "its" anywhere: what the next words call the speaker
_EVIDENCE = lazy_compile(r"(?:(?:^|[.!?][”\"’]?\s+|[“\"]\s*)(?:(?P<p>He|She)|(?P<it>It))|\b(?P<o>its))(?![\w’'])")
_OUTLET_CUES = frozenset(("reported", "reports", "report", "quoted", "quotes", "quoting", "published"))
#: How far after a name its pronoun evidence is read (characters, same paragraph).
_EVIDENCE_REACH = 300


def add_speakers(article: Article, scanned: Callable[[], Sequence[Span]], ctx: Context) -> Article:
    """The article with an actor for every speaker span the actor step left unknown
    (see the module doc); unchanged when there is none. ``scanned()`` gives the spans the actor
    step read (asked for only when a new actor is found: most articles have none)."""
    text = article.text
    known = {a.id: a for a in article.actors}
    new: dict[str, Actor] = {}
    extra: list[Mention] = []
    speakers: dict[Span, str] = {}
    memo: list[frozenset[str]] = []  # _inside(text), read on first use (a functools.cache per call costs more)

    def inside() -> frozenset[str]:
        if not memo:
            memo.append(_inside(text))
        return memo[0]

    starts = [p.start for p in article.paragraphs]
    items: list[Quote | Reported] = [*article.quotes, *article.reported]
    for item in items:
        if item.speaker is not None or item.speaker_start is None or item.speaker_end is None:
            continue
        span = (item.speaker_start, item.speaker_end)
        if span in speakers:
            continue
        found = _read_span(article, ctx, span, item.cue, known, new, inside, starts)
        if found is None:
            continue
        actor, mention = found
        if actor.id not in known and actor.id not in new:
            new[actor.id] = actor
        speakers[span] = actor.id
        if mention is not None:
            extra.append(mention)
    if not speakers:
        return article
    taken = bytearray(len(text))  # 1 where a mention lies: a new one may not overlap it
    for m in article.mentions:
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    mentions = list(article.mentions)
    named = [x for x in new.values() if x.kind != "anonymous"]
    for m in sorted((*extra, *_written_again(text, scanned(), named)), key=lambda m: (m.start, m.end)):
        if taken.find(1, m.start, m.end) < 0:
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)
            mentions.append(m)
    mentions.sort(key=lambda m: (m.start, m.end, m.actor))
    first: dict[str, int] = {}
    for m in mentions:
        first.setdefault(m.actor, m.start)
    actors = tuple(sorted((*article.actors, *new.values()), key=lambda a: first.get(a.id, len(text))))

    @functools.cache
    def ctx2() -> Context:  # the context with the new actors, built on first need (most articles never ask)
        return Context.build(text, article.sentences, actors, tuple(mentions))

    def who(item: Quote | Reported) -> str | None:
        a, b = item.speaker_start, item.speaker_end
        if a is None or b is None:
            return item.speaker
        if (a, b) in speakers:
            return speakers[(a, b)]
        if text[a:b].lower() in _THIRD_OR_OWNER:  # a pronoun may now reach a new actor
            return _resolve(ctx2(), a, b) or item.speaker
        return item.speaker

    quotes = tuple(_with_speaker(q, who(q)) for q in article.quotes)
    reported = tuple(_with_speaker(r, who(r)) for r in article.reported)
    return replace(article, actors=actors, mentions=tuple(mentions), quotes=quotes, reported=reported)


def _with_speaker(item: _Said, speaker: str | None) -> _Said:
    return item if speaker == item.speaker else replace(item, speaker=speaker)


def _resolve(ctx: Context, a: int, b: int) -> str | None:
    got = resolve(ctx, a, b)
    return got[0][0] if got else None


def _written_again(text: str, scanned: Sequence[Span], actors: Sequence[Actor]) -> list[Mention]:
    """Every place one of the actors' names is written as whole words in the scanned paragraphs
    (one scan for all of them)."""
    if not actors:
        return []
    by_name = {x.name: x.id for x in actors}
    # (the look-behind checked in code, finditer_not_after: a leading one has the engine try every character)
    pattern = re.compile(r"(?:" + trie_pattern(by_name) + r")(?![\w’'-])")
    return [
        Mention(by_name[m.group()], m.start(), m.end())
        for lo, hi in scanned
        for m in finditer_not_after(pattern, text, lo, hi, "’'-")
    ]


def _read_span(
    article: Article,
    ctx: Context,
    span: Span,
    cue: str | None,
    known: dict[str, Actor],
    new: dict[str, Actor],
    inside: Callable[[], frozenset[str]],
    starts: list[int],
) -> tuple[Actor, Mention | None] | None:
    """The actor a speaker span names, by the rules of the module doc, or ``None``."""
    text = article.text
    a, b = span
    words = text[a:b].split()
    if not words or len(words) > 8 or any(not _WORD.fullmatch(w.rstrip(",")) for w in words):
        return None
    first = words[0].lower()
    if first in _indefinite():
        if len(words) > 1 and words[1] in _TRAILING:
            return None  # "one of the braver": a part of a group the span does not name
        return _anonymous(words[1:], a, b, known, new)
    if len(words) == 1 and _agent_plural(words[0]):
        return _anonymous([words[0].lower()], a, b, known, new)
    if first in _DEFINITE and len(words) > 1 and words[-1][:1].islower():
        return _definite(article, ctx, words[1:], a, b, known, new)
    return _named(article, ctx, words, a, b, cue, known, inside, starts)


def _agent_plural(word: str) -> bool:
    """ "Analysts", "Traders", "Police": a plural of people, capitalised only to open a sentence."""
    lw = entity_words()
    low = word.lower()
    return (
        word[:1].isupper()
        and word[1:].islower()
        and (low in lw.people_nouns or any(low.endswith(s) for s in lw.people_plural_endings))
    )


def _can_speak(noun: str) -> bool:
    """Can a description ending with ``noun`` (lower case) name a speaker: a person, a body, a document?"""
    lw = entity_words()
    if noun in lw.not_speaker_nouns:
        return False
    if noun in lw.people_nouns or noun + "s" in lw.people_nouns or noun in lw.org_nouns or noun in lw.document_nouns:
        return True
    if noun in lw.speaking_bodies:
        return True  # "the city reasoned", "the prosecution argued"
    if noun in lw.role_words:
        return True
    return not noun.endswith(("ment", "ments")) and noun.endswith(lw.speaker_endings)


def _anonymous(
    words: list[str], a: int, b: int, known: dict[str, Actor], new: dict[str, Actor]
) -> tuple[Actor, Mention | None] | None:
    cut = next((i for i, w in enumerate(words) if i and w in _TRAILING), len(words))
    words = words[:cut]  # "a memo seen by the Ledger" -> "memo"; "a spokesman for Zentrix" -> "spokesman"
    if not words:
        return None
    head = words[-1].lower()
    if len(head) < 3 or words[-1].capitalize() in _NOT_NAMES or head in _PRONOUNS or not _can_speak(head):
        return None
    description = " ".join(words)
    actor_id = "anon_" + snake_id(description)
    actor = known.get(actor_id) or new.get(actor_id) or Actor(actor_id, description, "anonymous", (description,), head)
    return actor, Mention(actor_id, a, b)


def _definite(
    article: Article, ctx: Context, words: list[str], a: int, b: int, known: dict[str, Actor], new: dict[str, Actor]
) -> tuple[Actor, Mention | None] | None:
    """ "the company" -> the latest organisation subject; "the senator" -> the latest person with that role."""
    lw = entity_words()
    cut = next((i for i, w in enumerate(words) if i and w in _TRAILING), len(words))
    head = words[cut - 1].lower()  # "the leader of the council": a leader, not the council
    before = bisect.bisect_left(ctx.m_starts, a)
    if head in lw.org_nouns:
        k = last_subject(ctx, ("organization", "group"), "", before)
        if k >= 0:
            return known[ctx.mentions[k].actor], None
    roles = {x.id for x in article.actors if x.kind == "person" and x.role and head in x.role.lower().split()}
    if roles:
        for k in range(before - 1, max(-1, before - 200), -1):
            if ctx.mentions[k].actor in roles:
                return known[ctx.mentions[k].actor], None
    return _anonymous(words, a, b, known, new)


def _named(
    article: Article,
    ctx: Context,
    words: list[str],
    a: int,
    b: int,
    cue: str | None,
    known: dict[str, Actor],
    inside: Callable[[], frozenset[str]],
    starts: list[int],
) -> tuple[Actor, Mention | None] | None:
    """A capitalised name: an organisation or a person when the text shows which (module doc)."""
    text = article.text
    lw = entity_words()
    while len(words) > 1 and words[0] in lw.not_speaker_names | _OPENERS:
        a += text[a:b].index(words[1])  # "But Ferrera said": the name starts after the opener
        words = words[1:]
    if words[0] in _OPENERS:
        return None
    the = words[0].lower() == "the"
    name_words = words[1:] if the else words
    if any(w in lw.not_speaker_names or "’" in w or "'" in w for w in name_words):
        return None  # "Texas said", "Republican", "He’s"
    if name_words and (name_words[0].lower() in lw.role_words or name_words[-1].lower() in lw.role_words):
        return None  # a title without its name ("Chief Justice", "Secretary of Defense")
    if not name_words or name_words[0] in _NOT_NAMES or not name_words[0][:1].isupper():
        return None
    if not all(_NAME_WORD.fullmatch(w) for w in name_words) or not name_words[-1][:1].isupper():
        return None
    name = " ".join(name_words)
    if name in lw.places or any(w in lw.places for w in name_words) or name_words[-1] in lw.place_heads:
        return None  # a place ("Sri Lanka said" is the state, which the gazetteer would know)
    if name in lw.not_acronyms:
        return None
    start = a + text[a:b].index(name_words[0])
    if opens_sentence(text, start) and len(name_words) == 1 and name not in inside():
        return None  # "Preliminary results said": capitalised only because it opens the sentence
    acronym = _ACRONYM.fullmatch(name) is not None
    cue_word = (cue or "").lower().split()[:1]
    kind = None
    if the or acronym or (cue_word and cue_word[0] in _OUTLET_CUES):
        kind = "organization"
    else:
        p = bisect.bisect_right(starts, a) - 1
        hi = min(b + _EVIDENCE_REACH, article.paragraphs[p].end if p >= 0 else len(text))
        ev = _EVIDENCE.search(text, b, hi)
        if ev is not None and ev.group("p") and _person_between(ctx, b, ev.start()):
            ev = None  # "“…,” Acme said. Tom Ray left. He …": "He" is Tom Ray
        if ev is not None:
            kind = "person" if ev.group("p") else "organization"
    if kind is None:
        return None
    if kind == "person" and (
        any(w in lw.org_heads for w in name_words)
        or lw.looks_like_place(name_words)
        or name_words[0] in lw.not_person_first
    ):
        return None
    actor_id = snake_id(name)
    if not actor_id:
        return None
    actor = known.get(actor_id) or Actor(actor_id, name, kind, (name,))
    return actor, Mention(actor_id, start, start + len(name))


def _person_between(ctx: Context, lo: int, hi: int) -> bool:
    """Does the text name a person between ``lo`` and ``hi``?"""
    i = bisect.bisect_left(ctx.m_starts, lo)
    while i < len(ctx.mentions) and ctx.mentions[i].start < hi:
        if ctx.kinds.get(ctx.mentions[i].actor) in ("person", "anonymous"):
            return True
        i += 1
    return False


# (the capital first, then the look-behind: the engine skips to capitals fast, where a leading look-behind has it
# try every character)
_CAPITALISED = lazy_compile(r"[A-Z](?<![\w’'-][A-Z])[\w’'&-]*")


def _inside(text: str) -> frozenset[str]:
    """The capitalised words ``text`` writes somewhere that does not open a sentence (one scan)."""
    return frozenset(m.group() for m in _CAPITALISED.finditer(text) if not opens_sentence(text, m.start()))
