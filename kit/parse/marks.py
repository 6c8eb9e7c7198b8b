"""Pairing quotation marks, one paragraph at a time, in one left-to-right pass.

A stray mark can upset at most its own paragraph. Apostrophes (that’s,
allies’, can't, and an ending split off by a blank: "Ivo Marsk 's plan") never
pair; ‘…’ inside “…” stays inside the outer quote; straight marks open after a
space or an opening bracket and close elsewhere.

>>> t = "He said “it’s ‘fine’ now” and left."
>>> spans, open_at = pair_marks(t, 0, len(t))
>>> [t[a:b] for a, b in spans], open_at
(['it’s ‘fine’ now'], None)
"""

from __future__ import annotations

import re

__all__ = ["pair_marks", "any_mark", "OPENING_MARKS"]

#: Marks that may open a quotation at the start of a paragraph (a continued quote).
OPENING_MARKS = "“\"«‘'"
_OPENERS = set(" \t\n([{—–-:/“‘«")
_DOUBLE = set('“”"«»')
_MARK = re.compile(r"[“”\"‘’'«»]")
# a possessive or a contraction's ending after an apostrophe ("Ivo Marsk 's plan", "they 're", "I 'll"): a
# straight mark before one never opens a quotation, even after a blank (text split into tokens writes them so)
_CLITIC = re.compile(r"(?:s|t|d|m|ll|re|ve)(?![A-Za-z'’])", re.IGNORECASE)
_CLITIC_FIRST = frozenset("stdmlrvSTDMLRV")

# the marks but an apostrophe inside a word ("it’s": a letter or digit on both sides), which pairs with
# nothing: most single marks of a text, passed over in the regex engine instead of one by one here
# (one class of every mark first, which the engine skips to fast, then the checks on the mark found)
_MARK_NOT_IN_WORD = re.compile(r"[“”\"‘’'«»](?:(?<=[“”\"«»])|(?<![^\W_].)|(?![^\W_]))")


def any_mark(text: str) -> bool:
    """Does ``text`` hold a quotation mark or an apostrophe at all (any that :func:`pair_marks` reads)? With
    none, no paragraph has a quotation: one scan of the text, not one per paragraph.

    >>> any_mark("Tom Moss left."), any_mark("Tom Moss’s plan."), any_mark("He said «no».")
    (False, True, True)
    """
    return _MARK.search(text) is not None


def pair_marks(text: str, s: int, e: int) -> tuple[list[tuple[int, int]], int | None]:
    """Pair the marks of one paragraph: content spans, and the start of a quote left open."""
    spans: list[tuple[int, int]] = []
    outer: str | None = None
    ostart = 0
    inner = False
    # (the look-behind reads the character before s, which counts as a blank here: both are the same where
    # no letter or digit is right before s, as before a paragraph)
    marks = _MARK_NOT_IN_WORD if s == 0 or not text[s - 1].isalnum() else _MARK
    for m in marks.finditer(text, s, e):
        i, ch = m.start(), m.group()
        prev = text[i - 1] if i > s else " "
        nxt = text[i + 1] if i + 1 < e else " "
        if ch in _DOUBLE:
            if ch in "“«":
                opening = True
            elif ch in "”»":
                opening = False
            else:
                opening = prev in _OPENERS and not nxt.isspace()
            if outer is None:
                if opening:
                    outer, ostart, inner = "d", i + 1, False
            elif outer == "d":
                if not opening or ch == '"':
                    if text[ostart:i].strip():
                        spans.append((ostart, i))
                    outer = None
                else:
                    ostart, inner = i + 1, False  # the earlier opening mark was stray
            else:
                inner = opening
            continue
        if prev.isalnum() and nxt.isalnum():
            continue  # apostrophe inside a word
        if ch == "‘" or (ch == "'" and prev in _OPENERS and (nxt.isalpha() or nxt in '“"')):
            if ch == "'" and nxt in _CLITIC_FIRST and _CLITIC.match(text, i + 1, e):
                continue  # "Ivo Marsk 's plan": an apostrophe, not a quotation opening on "s plan"
            role = "open"
        elif prev in _OPENERS:
            continue  # ’90s, ’em
        else:
            role = "close"
        if outer is None:
            if role == "open":
                outer, ostart, inner = "s", i + 1, False
        elif outer == "d":
            inner = role == "open" or (inner and role != "close")
        elif role == "close":
            if text[ostart:i].strip():
                spans.append((ostart, i))
            outer = None
    return spans, (ostart if outer is not None and text[ostart:e].strip() else None)
