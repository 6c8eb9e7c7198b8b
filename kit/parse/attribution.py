"""The attribution grammar that quotations and reported speech share.

Who is speaking is found the same way for a direct quotation
(:mod:`kit.parse.quotes`) and for reported speech (:mod:`kit.parse.reported`):

* the cue verbs are data (``kit/data/cues.json``): ``SAYING_CUES`` attribute
  speech ("said", "told", "according to"), ``THINKING_CUES`` can govern a
  partial quote ("called the plan “a bailout”"), ``OBJECT_CUES`` take a
  listener before their content ("told ministers that ...");
* :func:`subject_before` reads the subject of the clause that ends at a cue
  ("Tom Becker, a spokesman for the union, said" -> "Tom Becker"; "when Kerry
  has also said" -> "Kerry"), skipping auxiliaries and appositions;
* :func:`span_ok` and :func:`strip_span` decide what can be a speaker span.

Every pattern here is bounded (windows of at most ``WINDOW`` characters), so
attributing all the quotes of a text takes linear time.

>>> t = "Ann Lee, a nurse, has also said it."
>>> t[slice(*subject_before(t, 0, t.index("said")))]
'Ann Lee'
"""

from __future__ import annotations

import functools
import json

from ..data import data_text
from ..errors import KitError
from .patterns import LazyPattern, ScoutedPattern, lazy_compile, scout_pattern, trie_pattern
from .scan import Scan, Scanned

__all__ = [
    "SAYING_CUES",
    "THINKING_CUES",
    "OBJECT_CUES",
    "QUOTING_CUES",
    "WINDOW",
    "say_pattern",
    "quote_cue_pattern",
    "SAY_RE",
    "SAY_BODY",
    "SAY_SCOUT",
    "AUX",
    "MAX_AUX",
    "alternation",
    "span_ok",
    "strip_span",
    "speaker_span",
    "trailing_aux",
    "subject_before",
    "cue_starts",
    "from_the_name",
    "LINKING_VERBS",
    "MODALS",
    "SAYING_FIRST_WORDS",
    "CLAUSE_OPENERS",
    "SPEECH_NOUNS",
    "LEAD_WORDS",
    "NOT_ROLE_WORDS",
    "NOT_GENERIC_SPEAKERS",
    "THIRD_PERSON",
    "FIRST_PERSON",
    "REPLY_CUES",
    "ASKING_CUES",
    "pronoun_pattern",
]


def _load_cues() -> dict[str, tuple[str, ...]]:
    """The cue verbs from ``kit/data/cues.json`` (lists ``saying``, ``thinking``, ``object``)."""
    raw = data_text("cues.json")
    try:
        data = json.loads(raw)
        cues = {key: tuple(str(w) for w in data[key]) for key in ("saying", "thinking", "object")}
        cues["quoting"] = tuple(str(w) for w in data.get("quoting", ()))
        cues["inverted"] = tuple(str(w) for w in data.get("inverted", ()))
        cues["linking"] = tuple(str(w) for w in data.get("linking", ()))
        cues["nouns"] = tuple(str(w) for w in data.get("nouns", ()))
        for key in ("lead_words", "not_role_words", "not_generic_speakers", "replying", "asking", "modals"):
            cues[key] = tuple(str(w) for w in data.get(key, ()))
        pronouns = data.get("pronouns", {})
        cues["third"] = tuple(str(w) for w in pronouns.get("third", ()))
        cues["first"] = tuple(str(w) for w in pronouns.get("first", ()))
        return cues
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise KitError(
            f"kit/data/cues.json: {type(exc).__name__} ({exc}); it needs lists "
            "'saying', 'thinking' and 'object': fix the file or reinstall kit"
        ) from None


_CUES = _load_cues()
#: Verbs (and phrases) of saying that attribute a quotation or reported speech.
SAYING_CUES: tuple[str, ...] = _CUES["saying"]
#: Verbs of thinking or assessing that can govern a partial (scare) quote.
THINKING_CUES: tuple[str, ...] = _CUES["thinking"]
#: Cues that take a listener before their content ("told ministers ... that ...").
OBJECT_CUES: tuple[str, ...] = _CUES["object"]
#: Verbs that attribute a quotation next to them ("…,” she concluded), too ambiguous for reported speech.
QUOTING_CUES: tuple[str, ...] = _CUES["quoting"]
#: Capitalised cues that open a sentence before their speaker ("Said Ann Lee, “…”"); never part of a name.
INVERTED_CUES: tuple[str, ...] = _CUES["inverted"]
#: Cues of a reply ("he replied"): the speaker answers the quotation before.
REPLY_CUES: frozenset[str] = frozenset(_CUES["replying"])
#: Verbs of asking someone ("X asked Y"): a reply after them is Y's.
ASKING_CUES: tuple[str, ...] = _CUES["asking"]
#: Linking verbs ("is", "seemed"): their subject is described, not quoted.
LINKING_VERBS: frozenset[str] = frozenset(_CUES["linking"])
#: The first word of every cue of saying (a cue's later blanks match any white space): the list the shared word
#: scan (:class:`~kit.parse.patterns.WordSites`) is given, so that each rule read at a cue finds its sites there.
SAYING_FIRST_WORDS: frozenset[str] = frozenset(c.split(" ")[0] for c in SAYING_CUES)
#: Modals and auxiliaries ("would", "has"): with the linking verbs, the words that mark a clause, not a name.
MODALS: frozenset[str] = frozenset(_CUES["modals"])
#: Words that open a relative or another clause ("…, which critics said"): no group that speaks starts with one.
CLAUSE_OPENERS: tuple[str, ...] = tuple(
    "which who whom whose that as and but or when where while because if than so".split()
)
#: Nouns that name a speech act ("remark", "pledge"): a possessive before one names a speaker.
SPEECH_NOUNS: tuple[str, ...] = _CUES["nouns"]
#: Prepositions and subordinators that open a lead phrase, never a clause's subject ("After …", "Although …").
LEAD_WORDS: frozenset[str] = frozenset(_CUES["lead_words"])
#: Words that never stand in a role before a name after an inverted cue ("said in a statement that Ann Lee").
NOT_ROLE_WORDS: tuple[str, ...] = _CUES["not_role_words"]
#: Capitalised words that open no speaker of "X verbs" after a quote ("On its face", "Her ideas", "Several").
NOT_GENERIC_SPEAKERS: tuple[str, ...] = _CUES["not_generic_speakers"]
#: Subject pronouns that stand for an actor named earlier ("he", "it"), and those of the speaker ("I", "we").
THIRD_PERSON: tuple[str, ...] = _CUES["third"]
FIRST_PERSON: tuple[str, ...] = _CUES["first"]


def pronoun_pattern(*, it: bool = True, capitals: bool = False, extra: tuple[str, ...] = ()) -> str:
    """An alternation of the subject pronouns (one list, ``kit/data/cues.json``) for a pattern to build on:
    without "it" where a thing cannot be meant, with capitals where one may open a sentence.

    >>> import re
    >>> [w for w in ("he", "It", "I", "there") if re.fullmatch(pronoun_pattern(it=False, capitals=True), w)]
    ['he', 'I']
    """
    words = [w for w in THIRD_PERSON + FIRST_PERSON if it or w != "it"] + list(extra)
    if capitals:
        words += [w[0].upper() + w[1:] for w in words]
    return "(?:" + trie_pattern(set(words)) + ")"


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of ``words`` shaped as a trie (longest first; fast to try at each position)."""
    return "(?:" + trie_pattern(set(words)).replace(r"\ ", r"\s+") + ")"


@functools.cache
def quote_cue_pattern() -> str:
    """The alternation of the cues that attribute a quotation next to them (saying and quoting cues)."""
    return alternation(SAYING_CUES + QUOTING_CUES)


@functools.cache
def say_pattern() -> str:
    """The alternation of :data:`SAYING_CUES` (built on first use: a trie of the whole list)."""
    return alternation(SAYING_CUES)


SAY_RE = lazy_compile(lambda: rf"\b(?:{say_pattern()})\b")
#: Every cue starts with a word character, so ``\b`` before it is ``(?<!\w)``: ``SAY_RE``'s matches are
#: ``finditer_scouted(SAY_BODY, SAY_SCOUT, text, a, b, "")``, found faster (a ``\b`` first has the
#: regex engine try every character). ``None``: a cue does not (read it with ``SAY_RE``).
SAY_BODY: LazyPattern | None = None
SAY_SCOUT: LazyPattern | None = None
if all(c[:1].isalnum() or c[:1] == "_" for c in SAYING_CUES):
    SAY_BODY = lazy_compile(lambda: rf"(?:{say_pattern()})\b")
    SAY_SCOUT = lazy_compile(lambda: scout_pattern("", say_pattern()))
# One word each: a phrase ("has also") would match a run of them in exponentially many ways.
_AUX_WORDS = (
    "has",
    "have",
    "had",
    "also",
    "later",
    "then",
    "again",
    "would",
    "will",
    "quickly",
    "once",
    "previously",
    "repeatedly",
)
AUX = "(?:" + "|".join(_AUX_WORDS) + ")"
#: At most this many auxiliaries between a subject and its verb ("has also previously said").
MAX_AUX = 6
_AUX_LAST = frozenset(w.split()[-1] for w in _AUX_WORDS)
_CLAUSE_WORDS = (
    "when",
    "while",
    "because",
    "although",
    "though",
    "but",
    "where",
    "whereas",
    "meaning",
    "if",
    "so",
    "that",
    "and then",
    "what",
    "which",
    "whom",
    "whether",
    "how",
    "why",
    "unless",
)
_CLAUSE_STARTS = set(_CLAUSE_WORDS) | {"as", "after", "before", "since", "until"}
# A window is searched from where a boundary can start (finditer_tried_at; a \b first has the regex
# engine try every character): a character that ends a word and is a mark, a blank before "- ", or
# one before a clause word.
_CLAUSE = ScoutedPattern(
    rf"(?:[;—–”]|:(?=\s)|\((?![^()]{{0,40}}\))|\s-\s|\b(?:{trie_pattern(set(_CLAUSE_WORDS))})\b"
    rf"|\b(?:{trie_pattern({'as', 'after', 'before', 'since', 'until'})})\b(?=\s+(?:{pronoun_pattern()}|[A-Z])))\s*",
    lazy_compile(
        lambda: scout_pattern("", rf"(?<=[;—–”(:])|(?<=\s)-\s|{trie_pattern({w.split()[0] for w in _CLAUSE_STARTS})}")
    ),
)
# where a clause boundary can start (kit.parse.scan): _CLAUSE up to its first look-around or \b at the end
_CLAUSE_AT = Scanned(
    _CLAUSE,
    lazy_compile(rf"(?=[;—–”(:]|\s-\s|\b(?:{trie_pattern(_CLAUSE_STARTS)}))"),
    max(3, *map(len, _CLAUSE_STARTS)),
)
_PROGRESSIVE = lazy_compile(rf"\s+(?:is|are|was|were|am|been|be)(?:\s+{AUX})?\s*$")


def _word_end(text: str, i: int) -> int:
    """Where the word that starts at ``i`` ends (at most 30 characters on)."""
    hi = min(len(text), i + 30)
    while i < hi and text[i].isalpha():
        i += 1
    return i


_TRAILING_AUX = lazy_compile(rf"(?:\s+{AUX}){{1,{MAX_AUX}}}\s*$")
_APPOSITIVE = lazy_compile(r"\s*(?:\w+ing\b|who\b|which\b|whose\b|the\b|a\b|an\b|his\b|her\b|its\b|their\b|familiar\b)")
# "Ann Lee, president and CEO of the Harbor Fund said": a role of an organisation whose closing comma is missing,
# after a name that opens the clause
_UNCLOSED_ROLE = lazy_compile(
    r"\s*(?:the\s+|a\s+|an\s+)?[a-z][\w-]*(?:\s+(?:and|&)\s+[A-Za-z][\w-]*)?\s+(?:of|for|at)\s+(?:the\s+)?[A-Z]"
)
_WHOLE_NAME = lazy_compile(r"\s*(?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'.-]*\s*")
_CONJUNCTION = lazy_compile(r"(?:and|but|or|so|yet)\s+(?=\S)")
_AGE = lazy_compile(r"\d{1,3}-year-old$")  # "17-year-old Ann Lee"
_ROLE_NAME = lazy_compile(r"(?:(?![a-z]+ed\b)[a-z][a-z-]*\s+){1,3}(?P<name>(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)")
_NOT_NAMES = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December Twitter Facebook".split()
)
_TAGS = lazy_compile(r"^(?:<[^<>]{0,40}>)+")
_BAD_SUBJECT = lazy_compile(r"[“”\"‘]|\s(?:and|but|or)$")
_NP_START = frozenset(
    "he she they it we i the a an this one two three some several another his her their its our "
    "many most both former retired late longtime veteran outgoing acting interim incoming fellow".split()
)
#: Words that never name a speaker on their own: demonstratives, "there", question words.
_NEVER_ALONE = frozenset("this that these those there there's here what why how whatever".split())
WINDOW = 300
#: At most this many comma-separated asides are skipped between a subject and its cue.
_MAX_ASIDES = 4


def span_ok(text: str, a: int, b: int, *, max_words: int = 15) -> bool:
    words = text[a:b].split(None, max_words)  # a longer span: max_words + 1 pieces, as good as all of them
    if not words or len(words) > max_words:
        return False
    first = words[0]
    if first.startswith("<"):
        first = _TAGS.sub("", first)  # "<b>Kerry"
    first = first.strip("“‘\"'(")
    if len(words) == 1 and first.lower() in _NEVER_ALONE:
        return False  # "That prompted Tom Ray to call it “…”": a demonstrative names no speaker
    return first[:1].isupper() or first.lower() in _NP_START or _AGE.match(first) is not None


def strip_span(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in ",“”\"‘’'"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:"):
        b -= 1
    if b - a > 4 and text[b - 1] == ")":  # "Sen. Ann Lee (D-Ohio)": the name without the party tag
        p = text.rfind(" (", a, b)
        if p > a:
            b = p
    return a, b


def speaker_span(text: str, a: int, b: int) -> tuple[int, int] | None:
    """``text[a:b]`` as a speaker span (:func:`strip_span`), or ``None`` when nothing is left of it.

    A speaker span is never empty or blank: "according to \u2028“We go.”" names no one.

    >>> t = "according to \u2028, Ann Lee"
    >>> speaker_span(t, 12, 14) is None, t[slice(*speaker_span(t, 15, 23))]
    (True, 'Ann Lee')
    """
    a, b = strip_span(text, a, b)
    return (a, b) if a < b and not text[a:b].isspace() else None


def _last_word(text: str, a: int, b: int) -> str:
    """The run of non-space characters that ends ``text[a:b]`` (trailing white space skipped)."""
    r = b
    while r > a and text[r - 1].isspace():
        r -= 1
    q = r
    while q > a and not text[q - 1].isspace():
        q -= 1
    return text[q:r]


def trailing_aux(text: str, a: int, b: int) -> int | None:
    """Where the auxiliaries ending ``text[a:b]`` start ("Kerry has also" -> " has also"), or ``None``."""
    if _last_word(text, a, b) not in _AUX_LAST:
        return None  # quick check: the last word must be an auxiliary
    m = _TRAILING_AUX.search(text, a, b)
    return m.start() if m else None


def from_the_name(text: str, a: int, b: int) -> tuple[int, int]:
    """A span of one to three lower-case role words and a name, from the name on ("candidate Ann Lee"
    -> "Ann Lee"); any other span as it is.

    >>> t = "local activist Ann Lee"
    >>> t[slice(*from_the_name(t, 0, len(t)))]
    'Ann Lee'
    """
    role = _ROLE_NAME.fullmatch(text, a, b)
    if role and role.group("name").split()[0] not in _NOT_NAMES:
        return role.start("name"), b
    return a, b


def cue_starts(pattern: LazyPattern, words: tuple[str, ...]) -> Scanned:
    """``pattern`` (``\\b(?:{alternation(words)})\\b``) with where its matches can start: at the first
    word of a cue (:mod:`kit.parse.scan`).

    >>> cue_starts(SAY_RE, ("said", "according to")).reach
    9
    """
    first = {w.split()[0] for w in words}
    return Scanned(pattern, lazy_compile(lambda: rf"(?=\b(?:{trie_pattern(first)}))"), max(map(len, first)))


def subject_before(text: str, lo: int, cue: int, *, hits: Scan | None = None) -> tuple[int, int] | None:
    """The subject of the clause whose verb starts at ``cue`` (text from ``lo``); ``hits``, the parse
    context's :class:`~kit.parse.scan.Scan` of ``text``, finds the clause boundaries faster."""
    lo = max(lo, cue - WINDOW)
    for m in hits[_CLAUSE_AT].finditer(lo, cue) if hits is not None else _CLAUSE.finditer(text, lo, cue):
        lo = m.end()
    aux = trailing_aux(text, lo, cue)
    end = aux if aux is not None else lo + len(text[lo:cue].rstrip())
    if text.startswith("ing", _word_end(text, cue) - 3):  # "Ann Lee, a nurse, is urging": before "is"
        p = _PROGRESSIVE.search(text, lo, end)
        end = p.start() if p else end
    start = lo
    # the last commas, read from the end (at most _MAX_ASIDES + 1: a run of commas is not
    # split to its start for every cue)
    commas: list[int] = []
    at = text.rfind(",", start, end)
    while at >= 0:
        commas.append(at)
        if len(commas) > _MAX_ASIDES:
            break
        at = text.rfind(",", start, at)
    if commas:
        before = commas[1] + 1 if len(commas) > 1 else start
        if _UNCLOSED_ROLE.match(text, commas[0] + 1, end) and _WHOLE_NAME.fullmatch(text, before, commas[0]):
            start, end = before, commas[0]  # "Ann Lee, president of the Harbor Fund said": the name
        elif text[commas[0] + 1 : end].strip():
            start = commas[0] + 1  # the piece after the last comma
        else:
            # skip appositions and asides ("Ann Lee, in a statement, said"; ", clad in red,"),
            # at most _MAX_ASIDES of them; the first piece of the clause is taken as it is
            for k in range(1, min(len(commas), _MAX_ASIDES) + 1):
                a = commas[k] + 1 if k < len(commas) else start
                b = commas[k - 1]
                first = k == len(commas)
                if (
                    first
                    or text[a:b].strip()
                    and not _APPOSITIVE.match(text, a)
                    and span_ok(text, *strip_span(text, a, b))
                ):
                    start, end = a, b
                    break
            else:
                return None
    start, end = strip_span(text, start, end)
    c = _CONJUNCTION.match(text, start, end)
    if c:  # "…, and Dayton says": the subject after the conjunction
        start = c.end()
    ok = span_ok(text, start, end)
    if not ok:  # "candidate Ann Lee said": from the name on
        start, end = from_the_name(text, start, end)
        ok = span_ok(text, start, end)
    if not ok or _BAD_SUBJECT.search(text, start, end):
        return None
    return start, end
