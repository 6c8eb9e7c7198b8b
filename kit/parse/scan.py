"""Where a pattern can match in a paragraph, found once: searches in windows become look-ups.

Each quotation is attributed by reading windows of up to
:data:`~kit.parse.attribution.WINDOW` characters before and after it with
several patterns (a cue verb, "according to X,", a label "Ann Lee:", a verb).
In a paragraph dense with quotation marks (``'"a" ' * 250_000``) every
character is read again by each pattern for every quotation whose window
covers it: about 75 times each. :class:`Hits` scans the paragraph once per
pattern for the places where a match *can start* (its ``starts`` pattern, a
prefix of it: every match of the pattern starts with a match of the prefix)
and keeps their offsets sorted; a search in a window then tries the full
pattern only at those offsets (``bisect``), where the regex engine would have
found the same match after reading the whole window.

The answers are those of ``pattern.search(text, pos, endpos)`` and
``pattern.finditer(text, pos, endpos)``: a window is cut as the regex engine
cuts it (``endpos``), and the starts are a superset of where a match in any
window can start. A window that leaves the scanned paragraph is searched the
ordinary way. The parse context shares one :class:`Scan` per paragraph
(``ctx.hits``), which builds each pattern's :class:`Hits` on first use.

>>> import re
>>> from kit.parse.patterns import lazy_compile
>>> said = Scanned(lazy_compile(r"\\bsaid\\b"), lazy_compile(r"(?=\\bsaid)"))
>>> t = "“A,” he said. “B,” she said. “C.”"
>>> scan = Scan(t, 0, len(t))
>>> scan.search(said, 14, 31).start(), [m.start() for m in scan.finditer(said, 0, 31)]
(23, [8, 23])
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .patterns import LazyPattern

__all__ = ["Scanned", "Hits", "Scan"]


@dataclass(frozen=True)
class Scanned:
    """A pattern and where its matches can start.

    ``starts`` matches (zero-width, as a look-ahead ``(?=…)``) at every offset
    where ``pattern`` can match in *any* window ``text[pos:endpos]`` around
    it: a prefix of ``pattern`` that stops before any assertion about what
    follows (a trailing ``\\b``, a ``$``), so that cutting the window cannot
    add a start the scan missed. ``pattern`` never matches the empty string.
    """

    pattern: LazyPattern
    starts: LazyPattern


class Hits:
    """The offsets in ``text[lo:hi]`` where one :class:`Scanned` pattern can start, sorted (one scan)."""

    __slots__ = ("text", "pattern", "lo", "hi", "starts")

    def __init__(self, text: str, scanned: Scanned, lo: int, hi: int) -> None:
        self.text, self.pattern, self.lo, self.hi = text, scanned.pattern, lo, hi
        self.starts = [m.start() for m in scanned.starts.finditer(text, lo, hi)]

    def search(self, pos: int, endpos: int) -> re.Match[str] | None:
        """``pattern.search(text, pos, endpos)``, for a window inside ``text[lo:hi]``."""
        starts, match, text = self.starts, self.pattern.match, self.text
        for i in range(bisect.bisect_left(starts, pos), len(starts)):
            p = starts[i]
            if p >= endpos:
                break
            m = match(text, p, endpos)
            if m is not None:
                return m
        return None

    def finditer(self, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, pos, endpos)`` (non-overlapping, left to right), inside ``text[lo:hi]``."""
        starts, match, text = self.starts, self.pattern.match, self.text
        for i in range(bisect.bisect_left(starts, pos), len(starts)):
            p = starts[i]
            if p >= endpos:
                return
            if p < pos:
                continue  # inside the previous match
            m = match(text, p, endpos)
            if m is not None:
                yield m
                pos = m.end()


class Scan:
    """The :class:`Hits` of one paragraph ``text[lo:hi]``, each built the first time it is searched."""

    __slots__ = ("text", "lo", "hi", "_hits")

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self.text, self.lo, self.hi = text, lo, hi
        self._hits: dict[int, Hits] = {}

    def _for(self, scanned: Scanned) -> Hits:
        hits = self._hits.get(id(scanned))
        if hits is None:
            hits = self._hits[id(scanned)] = Hits(self.text, scanned, self.lo, self.hi)
        return hits

    def search(self, scanned: Scanned, pos: int, endpos: int) -> re.Match[str] | None:
        """``scanned.pattern.search(text, pos, endpos)``, answered from the paragraph's hits."""
        if pos < self.lo or endpos > self.hi:
            return scanned.pattern.search(self.text, pos, endpos)
        return self._for(scanned).search(pos, endpos)

    def finditer(self, scanned: Scanned, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        """``scanned.pattern.finditer(text, pos, endpos)``, answered from the paragraph's hits."""
        if pos < self.lo or endpos > self.hi:
            return scanned.pattern.finditer(self.text, pos, endpos)
        return self._for(scanned).finditer(pos, endpos)
