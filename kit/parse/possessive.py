"""A speech act named by a noun, and whose it is: "her remark that “…”", "Ann Lee’s pledge to “…”".

News writing often quotes through a noun instead of a verb: the possessive before the
noun names the speaker ("Tom Moss’s claim that the plan is “a mess”", "his call for
“fair rules”"). The nouns are data (``kit/data/cues.json`` ``nouns``).

:func:`possessor` reads the words right before a quotation: a possessive (a pronoun, or
up to four capitalised words and ’s), at most two modifiers, a speech noun, then either
nothing, a colon or comma, or a short link ("that …", "of …", "to …") with no sentence
mark and no other quotation in it. Every pattern is bounded (``REACH`` characters).

>>> t = "Critics seized on Tom Moss’s claim that taxes are “a slow poison”."
>>> span, at, noun, that = possessor(t, 0, t.index("“"))
>>> t[slice(*span)], noun, that
('Tom Moss', 'claim', True)
"""

from __future__ import annotations

from .attribution import SPEECH_NOUNS, alternation, cue_starts
from .patterns import lazy_compile, trie_pattern
from .scan import Scan

__all__ = ["REACH", "possessor", "owned_noun"]

#: How far before a quotation the possessive is looked for (characters).
REACH = 130

_POSSESSOR = (
    r"(?:\b(?P<pp>[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)"
    r"|\b(?P<nm>(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*?)(?:[’']s|(?<=s)[’']))"
)
_GAP = r"[^.!?“”\"‘’;:,]{0,60}"
# the link between the noun and the quotation: "that …", "of …", "to …", "is", "was that …", or nothing
# but a colon or comma
_LINK = (
    rf"(?P<link>\s+(?:that|of|for|to|about|on|in|during|against|at|before)\b{_GAP}"
    rf"|\s+(?:is|was|are|were)(?:\s+that\b{_GAP})?)?"
)
_PATTERN = lazy_compile(
    lambda: (
        rf"{_POSSESSOR}\s+(?:[a-z][\w-]*\s+){{0,2}}?(?P<noun>{trie_pattern(set(SPEECH_NOUNS))})\b"
        rf"{_LINK}[\s,:]*$"
    )
)


_NOUNS = frozenset(SPEECH_NOUNS)
# where a speech noun can be, found once per text (kit.parse.scan): most quotations have none before them
_NOUN_AT = cue_starts(lazy_compile(lambda: rf"\b(?:{alternation(SPEECH_NOUNS)})\b"), SPEECH_NOUNS)
_OWNER_BEFORE = lazy_compile(r"(?:\b(?:[Hh]is|[Tt]heir|[Ii]ts)|\w[’']s|\ws[’'])\s+$")


def possessor(
    text: str, lo: int, hi: int, *, hits: Scan | None = None
) -> tuple[tuple[int, int], int, str, bool] | None:
    """The possessive that owns a speech noun ending ``text[lo:hi]`` (the words right before a
    quotation): (its span, where the noun starts, the noun, whether a "that" clause follows the
    noun), or ``None``. ``hits``, the parse context's :class:`~kit.parse.scan.Scan` of ``text``, finds
    the quotations with no speech noun before them without reading their windows again.

    >>> t = "She was asked about his call for “fair rules”."
    >>> span, at, noun, that = possessor(t, 0, t.index("“"))
    >>> t[slice(*span)], t[at:at + 4], noun, that
    ('his', 'call', 'call', False)
    """
    lo = max(lo, hi - REACH)
    if not SPEECH_NOUNS or (hits is not None and hits[_NOUN_AT].search(lo, hi) is None):
        return None
    m = _PATTERN.search(text, lo, hi)
    if m is None:
        return None
    who = "pp" if m.group("pp") else "nm"
    link = m.group("link") or ""
    return (m.start(who), m.end(who)), m.start("noun"), m.group("noun"), "that" in link.split(None, 2)[:2]


def owned_noun(text: str, at: int, word: str) -> bool:
    """Is ``word`` at ``at`` a speech noun after a possessive ("Ann Lee’s claim", "his calls"), not a verb?

    >>> t = "Ann Lee’s claim and his calls"
    >>> owned_noun(t, 10, "claim"), owned_noun(t, 24, "calls"), owned_noun("they claim", 5, "claim")
    (True, True, False)
    """
    return word in _NOUNS and _OWNER_BEFORE.search(text, max(0, at - 12), at) is not None
