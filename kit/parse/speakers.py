"""From a speaker span to an actor: names inside the span, or a pronoun's referent.

:class:`Context` holds what the quote and reported-speech steps share while
parsing one text (the mentions sorted by position, the memos that keep
pronoun resolution linear, and the cues already used by a quotation).
:func:`resolve` turns a speaker span ("Mr. Chen", "A spokesperson for the
company", "she") into actor ids:

* a span that contains mentions resolves to the actors named, the most
  specific kind first (a person before the organisation they speak for);
* he/she resolve to the most recent person named as a clause's subject whose
  gender the text does not contradict. Gender comes only from the text: an
  honorific (Mr./Mrs./Ms./Miss), a gendered role word ("spokeswoman"), or
  he/she/his/her in the sentences that follow a person's mention with no other
  person in between. So "…,” she said never goes to a man;
* it/they resolve to the most recent organisation, state or group subject
  ("they" also to a plural anonymous source); "they" is never a state (a state
  named last leaves "they" unresolved: "Polish officials said … They said"), and
  "he"/"she" never an anonymous source that is no one person ("officials").

>>> import kit
>>> art = kit.parse("Prime Minister Ann Lee met Defense Minister Tom Ray. “Yes,” she said. “No,” he said.")
>>> [q.speaker for q in art.quotes]
['ann_lee', 'tom_ray']
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field, replace
from operator import attrgetter

from ..records import Actor, Article, Mention, Sentence
from .attribution import say_pattern
from .entity_words import entity_words, name_genders
from .gazetteer import gazetteer
from .patterns import lazy_compile, trie_pattern
from .scan import Scan
from .structure import sentence_at

__all__ = ["Context", "resolve", "genders", "last_subject", "reresolve"]

_PRONOUNS = {
    "he": ("person", "anonymous"),
    "she": ("person", "anonymous"),
    "it": ("organization", "state", "group"),
    "they": ("anonymous", "group", "organization", "state"),
    "we": ("organization", "group", "state"),
    "i": ("person",),
}
_POSSESSIVES = {"his": "he", "her": "she", "its": "it", "their": "they"}
_KIND_RANK = {"person": 0, "anonymous": 0, "organization": 1, "state": 2, "group": 3}


def _gendered(gender: str) -> str:
    """The honorifics and titles that show ``gender`` (kit/data/entities.json), as a pattern ending before a name."""
    w = entity_words()
    words = {h for h, g in (*w.honorifics, *w.gendered_titles) if g == gender}
    return rf"(?:{trie_pattern(words)})\.?\s+$"


_MALE = lazy_compile(lambda: _gendered("m"))
_FEMALE = lazy_compile(lambda: _gendered("f"))
# either, in one search (most names have neither before them): _MALE.search or _FEMALE.search matches iff it does
_EITHER = lazy_compile(lambda: rf"(?P<m>{_MALE.pattern})|{_FEMALE.pattern}")
_ROLE_GENDER = lazy_compile(
    r"\b(?:(?P<f>\w*woman|\w*women|actress|wife|mother|daughter|sister|grandmother|widow)"
    r"|(?P<m>\w*man|\w*men|actor|husband|father|son|brother|grandfather|widower))\b"
)
# \b(?:(?P<m>he|him|his|himself)|(?P<f>she|her|hers|herself))\b, written to start with its first letter
# (a class the regex engine skips to fast; a \b first has it try every character) and the \b checked
# right after it: the same matches
_GENDERED = lazy_compile(
    r"[hs](?<=\b[hs])(?:(?P<m>(?<=h)(?:e|im|is|imself))|(?P<f>(?<=s)he|(?<=h)(?:er|ers|erself)))\b", re.I
)


# after an object "her", no noun: a preposition, a determiner, a mark ("told her that", "jailed her.")
_NOT_A_NOUN_NEXT = lazy_compile(
    r"\s*(?:[^\w\s]|$|(?:to|that|the|a|an|in|on|at|for|with|about|from|and|or|but|if|as|by|of)\b)"
)


def _telling_pronoun(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first pronoun of ``text[start:end]`` that tells the gender of the person a sentence names: not an
    object ("Ada Vell jailed him", "Ivo Marsk told her that …": someone else), but "he", "she", "his", "himself"
    or a possessive "her" ("her husband"). (In a sentence that names no one, an object stands for the person
    named before: "The media called him a fringe candidate.")"""
    search = _GENDERED.compiled.search
    g = search(text, start, end)
    while g is not None:
        word = g.group().lower()
        if word != "him" and (word != "her" or _NOT_A_NOUN_NEXT.match(text, g.end()) is None):
            return g
        g = search(text, g.end(), end)
    return None


_START, _END = attrgetter("start"), attrgetter("end")  # (sort keys read in C, not by a lambda per mention)


@dataclass
class Context:
    """What :mod:`kit.parse.quotes` and :mod:`kit.parse.reported` share while parsing one text.

    Build it with :meth:`build`; ``used_cues`` collects the offsets of the cue
    verbs that attribute a quotation (reported speech skips them).
    """

    text: str
    sentences: tuple[Sentence, ...]
    kinds: dict[str, str]
    mentions: tuple[Mention, ...]
    starts: list[int] = field(default_factory=list)
    m_starts: list[int] = field(default_factory=list)
    gender: dict[str, str] = field(default_factory=dict)  # person id -> "m" / "f" (only when the text says)
    used_cues: set[int] = field(default_factory=set)
    is_subject: dict[int, bool] = field(default_factory=dict)  # mention index -> names a subject?
    # anonymous actors that are no one person ("officials", "the steel giant"): never "he" or "she"
    not_one: frozenset[str] = frozenset()
    last_subject: dict[tuple[tuple[str, ...], str], dict[int, int]] = field(default_factory=dict)
    # where the attribution patterns match, each found once (kit.parse.scan)
    hits: Scan = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.hits = Scan(self.text)

    @classmethod
    def build(
        cls, text: str, sentences: tuple[Sentence, ...], actors: tuple[Actor, ...], mentions: tuple[Mention, ...]
    ) -> Context:
        # by start, then widest first (two stable sorts: quicker than a tuple key per mention)
        ms = tuple(sorted(sorted(mentions, key=_END, reverse=True), key=_START))
        kinds = {a.id: a.kind for a in actors}
        return cls(
            text,
            sentences,
            kinds,
            ms,
            [s.start for s in sentences],
            [m.start for m in ms],
            genders(text, sentences, actors, ms),
            not_one=frozenset(a.id for a in actors if a.kind == "anonymous" and not one_person(a.role)),
        )


def one_person(role: str | None) -> bool:
    """Can an anonymous source with this role (its head noun) be one person, "he" or "she"? Not a
    plural ("officials", "aides", "spokesmen") nor a body, a company or a document ("the ministry",
    "the steel giant", "the report"; the words are data in ``kit/data/entities.json``).

    >>> one_person("spokeswoman"), one_person("officials"), one_person("giant"), one_person("witness")
    (True, False, False, True)
    """
    words = (role or "").lower().split()
    if not words:
        return True
    head, w = words[-1], entity_words()
    if (head.endswith("s") and not head.endswith("ss")) or head.endswith(("men", "people")):
        return False
    return not (
        head in w.people_nouns
        or head in w.org_nouns
        or head in w.document_nouns
        or head in w.speaking_bodies
        or head in w.org_descriptors
    )


def genders(
    text: str, sentences: tuple[Sentence, ...], actors: tuple[Actor, ...], mentions: tuple[Mention, ...]
) -> dict[str, str]:
    """``{person id: "m" | "f"}`` for the people whose gender the text shows (one pass, linear).

    Evidence, strongest first: an honorific before a mention ("Ms. Lopez"), a
    gendered role ("Maria Lopez, a spokeswoman"), a given name that shows a gender
    (:func:`~kit.parse.entity_words.name_genders`: "Maria Lopez"), then the first
    he/she/his/her after a sentence that names exactly one person.
    """
    people = {a.id for a in actors if a.kind == "person"}
    out: dict[str, str] = {}
    for a in actors:
        if a.kind == "person" and a.role:
            rg = _ROLE_GENDER.search(a.role.lower())
            if rg:
                out[a.id] = "f" if rg.group("f") else "m"
    weak: dict[str, str] = {}
    last: str | None = None  # the one person named by the latest sentence that names people
    persons = [m for m in mentions if m.actor in people]  # (the other mentions are not read: one pass in C)
    k, n = 0, len(persons)
    for s in sentences:
        if k == n and (last is None or last in weak or last in out):
            break  # no mention left, and no pronoun can tell more: the sentences left change nothing
        named: dict[str, int] = {}  # person -> first mention in the sentence
        while k < n and persons[k].start < s.end:
            m = persons[k]
            k += 1
            if text[m.end : m.end + 1] in _VOCATIVE_AFTER and _vocative(text, m.start, m.end):
                continue  # ("“Tom, …” she said": the one spoken to, not the one a pronoun after it stands for)
            named.setdefault(m.actor, m.start)
            if m.actor in out:
                continue  # an honorific can tell no more
            before = text[max(0, m.start - 10) : m.start]
            either = _EITHER.search(before)
            if either is None:
                continue
            if either.group("m") is not None or _MALE.search(before):  # (the male one first, as ever)
                out.setdefault(m.actor, "m")
            else:
                out.setdefault(m.actor, "f")
        # the person a pronoun here would refer to: the one named before, or the one this sentence names;
        # the pronoun is looked for only while it can still tell (the first one for a person decides)
        who = last if not named else next(iter(named)) if len(named) == 1 else None
        if who is not None and who not in weak and who not in out:
            g = (_telling_pronoun if named else _GENDERED.search)(text, s.start, min(s.end, s.start + 400))
            if g and (not named or named[who] < g.start()):
                weak[who] = "m" if g.group("m") else "f"
        if named:
            last = next(iter(named)) if len(named) == 1 else None
    # a given name that shows a gender ("Ann Lee", "Tom Ray") outweighs a pronoun read nearby
    shown = name_genders()
    for a in actors:
        if a.kind == "person" and a.id not in out:
            first = a.name.split(None, 1)[0]
            if first in shown and " " in a.name:
                out[a.id] = shown[first]
    for pid, gender in weak.items():
        out.setdefault(pid, gender)
    # a given name alone ("Ramon", "Betty") shows a gender too, when no pronoun nearby told (it may be a surname)
    for a in actors:
        if a.kind == "person" and a.id not in out and a.name in shown:
            out[a.id] = shown[a.name]
    return out


def _vocative(text: str, a: int, b: int) -> bool:
    """Is the name ``text[a:b]`` someone spoken to: "“Tom, …", "“Tom?", "…, Tom.”"?"""
    before, after = text[a - 1 : a] if a else "", text[b : b + 1]
    if before in _OPEN_MARKS and after in (",", "?", "!"):
        return True
    return text[max(0, a - 2) : a] == ", " and after in (".", "?", "!") and text[b + 1 : b + 2] in _CLOSE_MARKS


_OPEN_MARKS = frozenset('“"‘')
_VOCATIVE_AFTER = frozenset(",?!.")  # what follows a name spoken to (a quick test before _vocative)
_CLOSE_MARKS = frozenset('”"’')


def resolve(ctx: Context, a: int, b: int) -> list[tuple[str, int, int]]:
    """Actors named inside a speaker span (best kind first), or the pronoun's referent.

    Each result is ``(actor id, mention start, mention end)``; ``[]`` when the
    span names no actor the parser knows.
    """
    mentions = ctx.mentions
    n = len(mentions)
    i = bisect.bisect_left(ctx.m_starts, a)
    found: list[Mention] = []
    while i < n and mentions[i].start < b:
        m = mentions[i]
        if m.end <= b:
            found.append(m)
        i += 1
    if found and all(ctx.kinds.get(m.actor) == "state" for m in found) and _people_after(ctx.text, found[-1].end, b):
        return []  # "one Norland bond trader", "Norland dealers": people of a state, not the state
    kind = ctx.kinds.get(found[0].actor) if found else None
    if (
        kind == "organization"
        and len(found) == 1
        and ctx.text[a : found[0].start].lower() in _OWNERS
        and _people_after(ctx.text, found[0].end, b)
    ):
        return []  # "their Zentrix trainer": a person who works there, not the company
    if kind == "state" or kind == "organization":
        prep = _named_of(ctx.text, a, found[0].start)
        if prep == "in" or (prep is not None and kind == "state"):
            return []  # "The Ledger of Norland", "Night in the Zentrix": a name the state or body only places
            # (not "Shares of Zentrix", "the Director of Zentrix": the body's own)
    if len(found) == 1:  # the usual case: one name, nothing to rank
        m = found[0]
        return [(m.actor, m.start, m.end)]
    if found:
        best = min(_KIND_RANK.get(ctx.kinds.get(m.actor, ""), 9) for m in found)
        out: dict[str, tuple[str, int, int]] = {}
        for m in found:
            if _KIND_RANK.get(ctx.kinds.get(m.actor, ""), 9) == best:
                out.setdefault(m.actor, (m.actor, m.start, m.end))
        return list(out.values())
    word = ctx.text[a:b].lower()
    if word == "who":  # "Tom Ray, who has vowed …", "Tom Ray - who …": the name right before the relative pronoun
        k = bisect.bisect_left(ctx.m_starts, a) - 1
        if k >= 0 and a - 4 <= ctx.mentions[k].end <= a and not ctx.text[ctx.mentions[k].end : a].strip(", -—–"):
            m = ctx.mentions[k]
            return [(m.actor, m.start, m.end)]
        return []
    word = _POSSESSIVES.get(word, word)  # "his call for “…”": the possessive stands for its owner as "he" would
    if word in _PRONOUNS and word != "i" and word != "we":
        gender = "m" if word == "he" else "f" if word == "she" else ""
        kinds = _PRONOUNS[word]
        k = last_subject(ctx, kinds, gender, bisect.bisect_left(ctx.m_starts, a))
        other = {"m": "f", "f": "m"}.get(gender)
        if k >= 0 and other and ctx.gender.get(ctx.mentions[k].actor) == other:
            k = _scan_back(ctx, kinds, other, k)  # the memo predates what a later pronoun showed
        if k < 0 and gender:
            k = _scan_back(ctx, kinds, other or "", bisect.bisect_left(ctx.m_starts, a), subject=False)
        if k > 0 and gender:
            k = _the_sayer(ctx, kinds, other or "", k)
        if k >= 0 and word == "they" and ctx.kinds.get(ctx.mentions[k].actor) == "state":
            return []  # "British officials said … They said": the people of a state ("Polish", "in Iraq"),
            # never the state itself, which is "it"
        if k >= 0 and word == "they" and ctx.kinds.get(ctx.mentions[k].actor) != "anonymous":
            lo = max(ctx.mentions[k].end, a - 400)
            if _PEOPLE_SAID.search(ctx.text, lo, a) is not None:
                return []  # "Zentrix shares fell, traders said. … they said": the traders, whom no actor names
        if k >= 0:
            m = ctx.mentions[k]
            if gender and ctx.kinds.get(m.actor) == "person":
                ctx.gender.setdefault(m.actor, gender)  # "she said" shows Ann Lee is a woman
            return [(m.actor, m.start, m.end)]
    return []


def _named_of(text: str, a: int, b: int) -> str | None:
    """Is ``text[a:b]`` "The Ledger of " or "Night in the " (capitalised words and "of" or "in" before a name),
    not "The President of" or "The Ministry of" (a role or a body of the state, which speaks for it)? The
    preposition if it is, else ``None``."""
    m = _NAME_OF.fullmatch(text, a, b)
    if m is None:
        return None
    w = entity_words()
    for word in text[a:b].split()[:-1]:
        low = word.lower()
        if (
            low in w.role_words
            or low in w.org_nouns
            or low in w.speaking_bodies
            or low in w.people_nouns
            or low in w.institution_words
            or any(low == t.lower() for t, _ in w.gendered_titles)
        ):
            return None
    return m.group("prep") or m.group("loc")


_NAME_OF = lazy_compile(
    r"(?:[Tt]he[ \t]+(?:[A-Z][\w’'-]*[ \t]+){1,3}(?P<prep>of|in)|(?:[A-Z][\w’'-]*[ \t]+){1,3}(?P<loc>in))"
    r"[ \t]+(?:the[ \t]+)?"
)
# a possessive determiner before a company's name and a word for people ("her Zentrix colleagues")
_OWNERS = frozenset(("their ", "his ", "her ", "our ", "my ", "your "))
_LOWER_WORDS = lazy_compile(r"(?:[ \t]+[a-z][a-z-]*)+")


@functools.cache
def _for_the_state() -> frozenset[str]:
    """The heads of anonymous sources that speak for a state named before them ("officials", "ministers",
    "diplomats": kit/data/gazetteer.json ``anonymous.source_heads`` and ``role_heads``)."""
    a = gazetteer().data.get("anonymous", {})
    return frozenset((*a.get("source_heads", ()), *a.get("role_heads", ())))


def _people_after(text: str, a: int, b: int) -> bool:
    """Do ``text[a:b]`` (right after a state's name) end the span with words in lower case whose last is a
    word for people ("bond trader", "dealers"; not "government" or "media", which speak for the state)?"""
    if b - a < 3 or _LOWER_WORDS.fullmatch(text, a, b) is None:
        return False
    head = text[a:b].rsplit(None, 1)[-1]
    if head in _for_the_state():
        return False  # "British and German ministers", "Norland officials" speak for their states
    w = entity_words()
    for noun in (head, head[:-1] if head.endswith("s") else head):  # ("newspapers", "exporters" speak for it)
        if noun in w.org_nouns or noun in w.org_descriptors or noun in w.document_nouns or noun in w.speaking_bodies:
            return False
    return (
        head in w.people_nouns
        or head + "s" in w.people_nouns
        or head in w.role_words
        or head.endswith(("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "man", "men", "woman", "women"))
    )


_CAPS_PREFIX = lazy_compile(r"[\s“\"‘(]*(?:(?:\(?[A-Z][\w’'.\-]*\)?|of|the|and|for|de|von|van|al|[-—–])[\s,]+)*")
_AFTER_VERB = lazy_compile(
    lambda: (
        rf"\s*(?:,[^,]{{0,80}},\s*)?(?:(?:has|have|had|is|was|were|are|will|would|could|can|may|might|should|"
        rf"also|later|then)\b|(?:{say_pattern()})\b|[a-z]+ed\b|[a-z]+s\b)"
    )
)
# a name right before a cue is its clause's subject, whatever comes before it ("the head of the clinic, Ivo Marsk told …")
_CUE_NEXT = lazy_compile(lambda: rf"[ \t]+(?:{say_pattern()})\b")
# (a quotation closing before it: "“We will,” the Norvo Agency said")
# (and a few lower-case words describing the name: "… but crew chief Ivo Marsk was angry")
_BEFORE_CLAUSE = lazy_compile(
    r"(?:[,?!][”\"’]|,|\b(?:when|while|as|after|and|but|meaning|that|because|since|if))\s+(?:the\s+)?"
    r"(?:(?!(?:with|by|of|to|for|from|at|on|in|about|against|over|under|into|and|or)\b)[a-z][a-z-]*\s+){0,3}$"
)
# a sentence that opens with the name and a few lower-case words describing it ("The 19-year-old Ivo Marsk, who …,
# waited")
_OPENS_WITH = lazy_compile(
    r"[“\"‘(]*(?:[Tt]he\s+)?"
    r"(?:(?!(?:with|by|of|to|for|from|at|on|in|about|against|over|under|into|and|or)\b)[a-z0-9][a-z0-9-]*\s+){0,3}"
)
# a sentence that opens with a body's or a place's name and a role before the name ("United manager Ivo Marsk
# was …", "Opposition leader Ada Vell accused …"; kit/data/entities.json role_words)
_OPENS_WITH_ROLE = lazy_compile(
    lambda: (
        r"[“\"‘(]*(?:[Tt]he\s+)?(?:[A-Z][\w’'.-]*\s+){1,3}(?:[a-z][a-z-]*\s+){0,2}"
        rf"(?:{trie_pattern(set(entity_words().role_words))})\s+"
    )
)
# a name right after a quotation and its cue is that sentence's subject ("“…,” said Ivo Marsk of Zentrix.")
_SAID_BEFORE = lazy_compile(lambda: rf"[,?!][”\"’][ \t]+(?:{say_pattern()})[ \t]+[^,.;:“”\"\n]{{0,40}}$")


def last_subject(ctx: Context, kinds: tuple[str, ...], gender: str, i: int) -> int:
    """Index of the last mention before ``ctx.mentions[i]`` that names an actor of one of
    ``kinds`` (and not of the other gender) as a clause's subject (-1 if none).

    Computed on demand and remembered, so resolving every pronoun of a long
    text looks at each mention at most once per set of kinds (linear time).
    """
    if not ctx.sentences:
        return -1
    memo = ctx.last_subject.setdefault((kinds, gender), {})
    other = {"m": "f", "f": "m"}.get(gender)
    seen: list[int] = []
    found = -1
    k = i - 1
    while k >= 0:
        if k in memo:
            found = memo[k]
            break
        seen.append(k)
        actor = ctx.mentions[k].actor
        if (
            ctx.kinds.get(actor) in kinds
            and (other is None or (ctx.gender.get(actor) != other and actor not in ctx.not_one))
            and _is_subject(ctx, k)
        ):
            found = k
            break
        k -= 1
    for v in seen:
        memo[v] = found
    return found


# plural words for people and a cue ("traders said", "analysts have said"; kit/data/entities.json people_nouns
# and people_plural_endings, and the plural agent endings of speaker_endings)
_PEOPLE_SAID = lazy_compile(
    lambda: (
        rf"\b(?:{trie_pattern(set(entity_words().people_nouns))}"
        rf"|[a-z]+(?:{'|'.join(e for e in (*entity_words().people_plural_endings, 'ers', 'ors', 'ians'))}))"
        rf"[ \t]+(?:have[ \t]+|had[ \t]+)?(?:said|say|says|told|added|reported|noted)\b"
    )
)


def _the_sayer(ctx: Context, kinds: tuple[str, ...], other: str, k: int) -> int:
    """Mention ``k``, or the one who speaks in its sentence before it when ``k`` is only in what they said
    ("Ann Lee said police suspect that Tom Ray had fled. “…,” she said": not Tom Ray, but the one who said)."""
    text, mentions, m = ctx.text, ctx.mentions, ctx.mentions[k]
    s_start = ctx.sentences[sentence_at(ctx.sentences, ctx.starts, m.start)].start
    for j in range(k - 1, max(-1, k - 12), -1):
        n = mentions[j]
        if n.start < s_start:
            break
        if n.actor == m.actor or ctx.kinds.get(n.actor) not in kinds or ctx.gender.get(n.actor) == other:
            continue
        if n.actor in ctx.not_one:
            continue
        cue = _CUE_NEXT.match(text, n.end, min(len(text), n.end + 40))
        if cue is not None and cue.end() <= m.start:
            return j
    return k


def _scan_back(
    ctx: Context, kinds: tuple[str, ...], other: str, k: int, *, limit: int = 60, subject: bool = True
) -> int:
    """The last compatible subject (or any mention) before mention ``k``, at most ``limit`` back."""
    for j in range(k - 1, max(-1, k - 1 - limit), -1):
        actor = ctx.mentions[j].actor
        if (
            ctx.kinds.get(actor) in kinds
            and ctx.gender.get(actor) != other
            and not (other and actor in ctx.not_one)
            and (_is_subject(ctx, j) if subject else not _byline(ctx.text, ctx.mentions[j]))
        ):
            return j
    return -1


def _byline(text: str, m: Mention) -> bool:
    """Is mention ``m`` the whole of a byline line ("by Ivo Marsk" under a title): the writer, whom a "he" or
    "she" of the text never stands for?"""
    if text[m.start - 3 : m.start].lower() != "by " or text[m.end : m.end + 1] not in ("\n", ""):
        return False
    return m.start == 3 or text[m.start - 4] == "\n"


_CAPTION_MAX = 80  # characters: a line this short with no stop at its end is a caption or a heading
_STOPS = frozenset('.!?…:;"”’)')


def _caption(text: str, s: Sentence) -> bool:
    """Is sentence ``s`` a short line of its own with no stop at its end ("Ivo Marsk, Earl of Norvo" under a
    picture, a heading): it has no verb for a person named in it to be the subject of, so no later he or she
    stands for that person."""
    end = s.end
    while end > s.start and text[end - 1] in " \t":
        end -= 1
    return (
        end - s.start < _CAPTION_MAX
        and text[end - 1 : end] not in _STOPS
        and (s.start == 0 or text[s.start - 1] == "\n")
        and text[end : end + 1] in ("\n", "")
    )


def _is_subject(ctx: Context, k: int) -> bool:
    """Does mention ``k`` name the subject of its clause ("Kerry, 70, told…", "…, and Britain has…")?"""
    hit = ctx.is_subject.get(k)
    if hit is None:
        text, m = ctx.text, ctx.mentions[k]
        s = ctx.sentences[sentence_at(ctx.sentences, ctx.starts, m.start)]
        lo = max(s.start, m.start - 200)
        caption = ctx.kinds.get(m.actor) == "person" and _caption(text, s)  # (a body's name there still counts)
        hit = not caption and (
            _CAPS_PREFIX.fullmatch(text, lo, m.start) is not None
            or _CUE_NEXT.match(text, m.end, min(len(text), m.end + 40)) is not None
            or _SAID_BEFORE.search(text, max(lo, m.start - 70), m.start) is not None
            or (
                (
                    _BEFORE_CLAUSE.search(text[max(lo, m.start - 40) : m.start]) is not None
                    or _OPENS_WITH.fullmatch(text, s.start, m.start) is not None
                    or (m.start - s.start < 80 and _OPENS_WITH_ROLE.fullmatch(text, s.start, m.start) is not None)
                )
                and _AFTER_VERB.match(text, m.end, min(len(text), m.end + 120)) is not None
            )
        )
        ctx.is_subject[k] = hit
    return hit


def reresolve(article: Article, actors: tuple[Actor, ...], mentions: tuple[Mention, ...]) -> Article:
    """The article with its quote and reported-speech speakers resolved again against
    ``actors`` and ``mentions`` (a case file's actors and aliases added to the parsed ones).

    Speaker spans stay; a span that now names an actor gets it ("Clinton said" ->
    ``hillary_clinton`` once a teacher adds her with the alias "Clinton").

    >>> import kit
    >>> from kit.records import Actor, Mention
    >>> art = kit.parse("“We will win,” Zed said.")
    >>> art.quotes[0].speaker is None
    True
    >>> new = reresolve(art, art.actors + (Actor("zed_ray", "Zed Ray", "person"),), (Mention("zed_ray", 15, 18),))
    >>> new.quotes[0].speaker
    'zed_ray'
    """
    ctx = Context.build(article.text, article.sentences, actors, mentions)

    def who(speaker: str | None, a: int | None, b: int | None) -> str | None:
        if a is None or b is None:
            return speaker
        found = resolve(ctx, a, b)
        return found[0][0] if found else speaker

    quotes = tuple(replace(q, speaker=who(q.speaker, q.speaker_start, q.speaker_end)) for q in article.quotes)
    reported = tuple(replace(r, speaker=who(r.speaker, r.speaker_start, r.speaker_end)) for r in article.reported)
    return replace(article, quotes=quotes, reported=reported)
