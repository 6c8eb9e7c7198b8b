"""The main clause of a sentence: its subject and its verb, read word by word.

A partial quotation inside a sentence ("Ann Lee went after Tom Ray, calling
him “a lightweight.”") belongs to the subject of the sentence's main clause,
not to the nearest name before it. :func:`main_clause` reads that clause
without a tagger:

* leading adverbials are skipped: a conjunction or adverb ("But", "Also,"),
  and a phrase that opens with a preposition, a subordinator, a day or an
  "-ing" form and ends at a comma ("Speaking in Dayton, Ohio,", "As the count
  went on,");
* the subject runs from there to the first verb, skipping a parenthesis
  ("Sen. Ann Lee (D-OH) said"), an apposition between commas or dashes
  ("Tom Ray, Ohio's sitting governor, repeated"; "Mia Cole — a
  teacher — says");
* a verb is an auxiliary or a listed irregular past, a word ending in "-ed",
  or a word ending in "-s" right after a name or a pronoun (not after a
  nationality or party: "Republican voters").

Everything is read within ``LIMIT`` characters, so it costs O(1) per call.

>>> t = "Speaking in Dayton, Ohio, Ann Lee went after Tom Ray, calling him weak."
>>> c = main_clause(t, 0, len(t))
>>> t[c.start:c.end], t[c.verb:c.verb_end]
('Ann Lee', 'went')
"""

from __future__ import annotations

from typing import NamedTuple

from .attribution import FIRST_PERSON, LEAD_WORDS, THIRD_PERSON
from .patterns import lazy_compile

__all__ = ["Clause", "main_clause", "is_verb", "LIMIT", "IRREGULAR_VERBS"]

#: How far into a sentence the main clause is looked for (characters).
LIMIT = 260

_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_LEAD_WORD = lazy_compile(
    r"(?:And|But|Yet|So|Still|Also|Now|Then|Indeed|Meanwhile|However|Instead|Plus|Moreover|Separately|Later|Earlier)"
    r"\b,?\s+"
)
_LEAD_PHRASE = lazy_compile(
    r"(?i:on|in|at|during|after|before|as|when|while|since|despite|following|until|with|without|for|from|under|"
    r"over|though|although|if|because|once|like|unlike|by|through|last|earlier|later|this|that|amid|among|"
    rf"across|throughout|within|even|just|shortly|back|here|there|given|asked|pressed|{_DAYS}|"
    r"[a-z]+ing|[a-z]+ly|[a-z]+ed)\b[^,.;:!?“”\"—]{0,160},\s+"
    r"(?:(?:which|who|where|when)\b[^,.;:!?“”\"—]{0,120},\s+)?"
)
# "Thirteen years earlier, she …", "Two days later, the …", "A week ago, …": a time phrase before the subject
_LEAD_TIME = lazy_compile(r"(?:[\w-]+\s+){1,3}(?:earlier|later|ago)\b,\s+")
# "DAYTON, Ohio — Ann Lee …", "NORHAVEN — …": a dateline before the first sentence of a story
_DATELINE = lazy_compile(
    r"[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,2}(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?\s*(?:[—–―]|--?)\s*"
)
_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|"
    "Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
    "Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|"
    "North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|"
    "Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|D\\.C\\.|"
    "[A-Z][a-z]{0,4}\\.(?:\\s?[A-Z][a-z]?\\.)?"
)
# "in Dayton, Ohio," / "in Keene, N.H.,": the state after a place closes the lead phrase too
_STATE_AFTER = lazy_compile(rf"(?<=[a-z],\s)\s*(?:{_STATES}),\s+")
_TOKEN = lazy_compile(r"\S+")
_IRREGULAR = frozenset(
    """is was were are am be been has have had will would can could may might must shall should do does did
    isn't wasn't weren't aren't hasn't haven't hadn't won't wouldn't can't couldn't didn't doesn't don't
    isn’t wasn’t weren’t aren’t hasn’t haven’t hadn’t won’t wouldn’t can’t couldn’t didn’t doesn’t don’t
    said says told tells went goes threw took takes made makes gave gives got gets came comes saw sees ran
    wrote writes spoke speaks thought thinks felt feels kept keeps left leaves met meets put puts sent sends
    stood stands won wins lost loses held holds brought brings began begins became becomes found finds knew
    knows led leads paid pays read rose sold struck taught drew fought hit let meant quit shook sought spent
    swore tore wore blew broke chose drove fell flew forgot grew hid rode rang sang sank slid stole swept
    withdrew sat lay laid bore beat bit built burnt caught cut dealt dug fed fled forbade forgave froze hung
    hurt lit overcame oversaw shot shut slept split spun stuck stung swung undertook upheld wept wound
    wants needs tries seems appears remains""".split()
)
_OBJECT_START = lazy_compile(r"\s*(?:a|an|the|that|his|her|their|its|to)\b|\s*[“\"]")
#: Finite verbs that neither end in "-ed" nor are auxiliaries ("went", "threw", "says").
IRREGULAR_VERBS = frozenset(
    w for w in _IRREGULAR if w not in ("is", "was", "were", "are", "am", "be", "been", "has", "have", "had", "do")
)
_NOT_VERB = frozenset("news its this thus his hers ours yours theirs us bus gas plus less unless".split())
_PRONOUNS = frozenset(w.lower() for w in THIRD_PERSON + FIRST_PERSON) | {"you"}
_DETERMINERS = frozenset(
    "the a an this these those his her their its our my your some many several few no every each".split()
)
_EXPLETIVE = frozenset("it there".split())
# a subject cannot open with a preposition or a subordinator: a lead phrase that never reached its comma
# ("After refusing for months to … in a way Tom Ray slammed as “…”") leaves the subject unknown
_NOT_SUBJECT_START = LEAD_WORDS  # (kit/data/cues.json "lead_words")
_DASHES = frozenset("—–―")


class Clause(NamedTuple):
    """A main clause: the subject span ``[start, end)`` and its verb ``[verb, verb_end)``."""

    start: int
    end: int
    verb: int
    verb_end: int


def is_verb(word: str, prev: str, after: str = "") -> bool:
    """Is ``word`` (lower case, bare) a finite verb after ``prev`` (the word before, bare),
    ``after`` being what follows it?"""
    if word in _IRREGULAR:
        return True
    if len(word) > 3 and word.endswith("ed") and word.isalpha():
        return True
    if len(word) > 2 and word.endswith("s") and word.isalpha() and not word.endswith(("ss", "us", "is")):
        if word in _NOT_VERB:
            return False
        if prev.lower() in _PRONOUNS or prev.lower() == "who":
            return True
        if prev.lower() in _DETERMINERS:
            return False  # "The workers", "Some voters": a noun after a determiner
        if prev[:1].isupper():
            return not prev.endswith(("an", "ic", "ish", "ese", "al"))
        return _OBJECT_START.match(after) is not None  # "The ad targets a …", "The campaign projects that …"
    return False


def _bare(token: str) -> str:
    return token.strip(",;:“”\"‘’'()[]")


def main_clause(text: str, start: int, hi: int) -> Clause | None:
    """The subject and verb of the main clause of the sentence that starts at ``start``
    (read no further than ``hi``), or ``None`` when there is no plain subject before a verb.
    """
    hi = min(hi, start + LIMIT)
    pos = start
    while pos < hi and text[pos].isspace():
        pos += 1
    d = _DATELINE.match(text, pos, hi)
    pos = d.end() if d else pos
    for _ in range(3):
        m = _LEAD_WORD.match(text, pos, hi) or _LEAD_PHRASE.match(text, pos, hi) or _LEAD_TIME.match(text, pos, hi)
        if m is None:
            break
        pos = m.end()
        st = _STATE_AFTER.match(text, pos, hi)
        if st and text[m.end() - 2 : m.end()].strip() == "," and text[_word_start(text, m.end() - 2)].isupper():
            pos = st.end()
    subj_end = -1  # end of the subject once an apposition or parenthesis cut it
    after_aside = -1  # where the words after the aside's closing comma start
    prev = ""
    nwords = 0
    k = pos
    while k < hi:
        m = _TOKEN.search(text, k, hi)
        if m is None:
            return None
        tok = m.group()
        if any(c in tok for c in '“”"') or tok[:1] in _DASHES and nwords == 0:
            return None
        if tok[:1] == "(":
            close = text.find(")", m.start(), min(hi, m.start() + 80))
            if close < 0:
                return None
            subj_end = subj_end if subj_end >= 0 else m.start()
            k = close + 1
            continue
        if tok in _DASHES or tok == "--":
            close = min(
                (i for i in (text.find(d, m.end(), min(hi, m.end() + 120)) for d in "—–―") if i >= 0), default=-1
            )
            if close < 0:
                return None
            subj_end = subj_end if subj_end >= 0 else m.start()
            k = close + 1
            continue
        word = _bare(tok)
        if nwords and word[:1].islower() and is_verb(word.lower(), prev, text[m.end() : m.end() + 6]):
            end = subj_end if subj_end >= 0 else _end_before(text, m.start())
            if after_aside >= 0 and _vocative_before(text, after_aside, m.start()):
                pos, end = after_aside + 1, _end_before(text, m.start())  # "Madam Chair, …, Ann Lee said"
            if (
                prev.lower() == "who"
                or pos >= end
                or _bare(text[pos : pos + 12].split()[0]).lower() in _NOT_SUBJECT_START
            ):
                return None
            if nwords == 1 and _bare(text[pos:end]).lower() in _EXPLETIVE and word in ("is", "was", "are", "were"):
                return None  # "It is strange that …", "There were …"
            return Clause(pos, end, m.start(), m.start() + len(word))
        if tok.endswith((".", "!", "?", ";", ":")) and not _abbreviation(word):
            return None
        nwords += 1
        if nwords > 12:
            return None
        prev = word
        k = m.end()
        if tok.endswith(",") and subj_end < 0:
            # an apposition or an aside: skip to its closing comma ("Tom Ray, Ohio's governor, said")
            close = text.find(",", k, min(hi, k + 100))
            if close < 0:
                return None
            subj_end = m.end() - 1
            k = after_aside = close + 1
            while k < hi and text[k] in '”’"':  # "Lee, star of “Harbor,” thanked"
                k += 1
    return None


def _vocative_before(text: str, lo: int, hi: int) -> bool:
    """Are the words from ``lo`` to the verb at ``hi`` a name of their own (one to four capitalised words, no
    comma), so that what came before the aside was a vocative or a lead, not the subject ("Madam Chair, a
    year ago, Ann Lee said"; not "Tom Ray, the governor, said" nor "Ann Lee, 45, of Norvo, said")?"""
    words = text[lo:hi].split()
    return (
        1 <= len(words) <= 4
        and all(w[:1].isupper() and not w.endswith(",") for w in words)
        and _bare(words[0]).lower() not in _NOT_SUBJECT_START
    )


def _word_start(text: str, i: int) -> int:
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return i


def _end_before(text: str, i: int) -> int:
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i


def _abbreviation(word: str) -> bool:
    """ "Sen.", "Mr.", "U.S." and an initial ("J.") do not end a sentence here."""
    return len(word) <= 4 and word[:1].isupper() or word.count(".") > 1
