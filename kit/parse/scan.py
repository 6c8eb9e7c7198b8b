"""Where a pattern can match in a text, found once: searches in windows become look-ups.

Each quotation is attributed by reading windows of up to
:data:`~kit.parse.attribution.WINDOW` characters before and after it with
several patterns (a cue verb, "according to X,", a label "Ann Lee:", a verb).
In a paragraph dense with quotation marks (``'"a" ' * 250_000``) every
character is read again by each pattern for every quotation whose window
covers it: about 75 times each. :class:`Hits` scans the text once per
pattern for the places where a match *can start* (its ``starts`` pattern, a
prefix of it: every match of the pattern starts with a match of the prefix)
and keeps their offsets sorted; a search in a window then tries the full
pattern only at those offsets (``bisect``), where the regex engine would have
found the same match after reading the whole window. The starts are
found lazily, from the first window searched on, as far as the windows reach:
each stretch of the text is read once per pattern.

The answers are those of ``pattern.search(text, pos, endpos)`` and
``pattern.finditer(text, pos, endpos)``: a window is cut as the regex engine
cuts it (``endpos``), and the starts are a superset of where a match in any
window can start. A window that starts before the first one searched is
searched the ordinary way. The parse context shares one :class:`Scan` of the
text (``ctx.hits``), which builds each pattern's :class:`Hits` on first use.

>>> import re
>>> from kit.parse.patterns import lazy_compile
>>> said = Scanned(lazy_compile(r"\\bsaid\\b"), lazy_compile(r"(?=\\bsaid)"))
>>> t = "“A,” he said. “B,” she said. “C.”"
>>> scan = Scan(t)
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
    """The offsets from ``lo`` on where one :class:`Scanned` pattern can start, sorted.

    They are found as far as the searches need them (``upto``): each stretch of
    the text is read once by the ``starts`` pattern, however many windows
    cover it.
    """

    __slots__ = ("text", "pattern", "find_start", "lo", "upto", "starts")

    def __init__(self, text: str, scanned: Scanned, lo: int) -> None:
        self.text, self.pattern, self.find_start = text, scanned.pattern, scanned.starts.search
        self.lo = self.upto = lo  # every start in text[lo:upto] is in self.starts
        self.starts: list[int] = []

    def _extend(self, end: int) -> None:
        """Find the starts up to ``end``."""
        upto, text, starts, find_start = self.upto, self.text, self.starts, self.find_start
        while upto < end:
            m = find_start(text, upto)
            if m is None:
                upto = len(text) + 1
                break
            starts.append(m.start())
            upto = m.start() + 1
        self.upto = upto

    def search(self, pos: int, endpos: int) -> re.Match[str] | None:
        """``pattern.search(text, pos, endpos)`` for ``pos >= lo``."""
        if self.upto < endpos:
            self._extend(endpos)
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
        """``pattern.finditer(text, pos, endpos)`` (non-overlapping, left to right) for ``pos >= lo``."""
        if self.upto < endpos:
            self._extend(endpos)
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
    """The :class:`Hits` of one text, one per pattern, each built from the first place it is searched."""

    __slots__ = ("text", "_hits")

    def __init__(self, text: str) -> None:
        self.text = text
        self._hits: dict[int, Hits] = {}

    def _for(self, scanned: Scanned, pos: int) -> Hits | None:
        hits = self._hits.get(id(scanned))
        if hits is None:
            hits = self._hits[id(scanned)] = Hits(self.text, scanned, pos)
        return hits if pos >= hits.lo else None

    def search(self, scanned: Scanned, pos: int, endpos: int) -> re.Match[str] | None:
        """``scanned.pattern.search(text, pos, endpos)``, answered from the hits."""
        hits = self._for(scanned, pos)
        if hits is None:  # before the first search: the ordinary way (rare)
            return scanned.pattern.search(self.text, pos, endpos)
        return hits.search(pos, endpos)

    def finditer(self, scanned: Scanned, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        """``scanned.pattern.finditer(text, pos, endpos)``, answered from the hits."""
        hits = self._for(scanned, pos)
        if hits is None:
            return scanned.pattern.finditer(self.text, pos, endpos)
        return hits.finditer(pos, endpos)
