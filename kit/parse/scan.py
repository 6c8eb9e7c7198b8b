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
found the same match after reading the whole window. The starts are found
as overlapping windows move on, each stretch of text read once per pattern;
a window that overlaps no other is searched the ordinary way.

The answers are those of ``pattern.search(text, pos, endpos)`` and
``pattern.finditer(text, pos, endpos)``: a window is cut as the regex engine
cuts it (``endpos``), and the starts are a superset of where a match in any
window can start. The parse context shares one :class:`Scan` of the text
(``ctx.hits``), which makes each pattern's :class:`Hits` on first use.

>>> import re
>>> from kit.parse.patterns import lazy_compile
>>> said = Scanned(lazy_compile(r"\\bsaid\\b"), lazy_compile(r"(?=\\bsaid)"), 4)
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


@dataclass(frozen=True, eq=False)  # hashed by identity: a quick key of a Scan
class Scanned:
    """A pattern, where its matches can start, and how far that is read.

    ``starts`` matches (zero-width, as a look-ahead ``(?=…)``) at every offset
    where ``pattern`` can match in *any* window ``text[pos:endpos]`` around
    it: a prefix of ``pattern`` that stops before any assertion about what
    follows (a trailing ``\b``, a ``$``), so that cutting the window cannot
    add a start. Whether it matches at an offset depends on at most ``reach``
    characters from there, so a stretch of text is scanned without reading
    far past its end. ``pattern`` never matches the empty string.
    """

    pattern: LazyPattern
    starts: LazyPattern
    reach: int


#: With more starts than this recorded, those the windows have left behind are dropped (at least half of them).
_KEEP = 4096


class Hits:
    """The offsets in ``text[lo:upto]`` where one :class:`Scanned` pattern can start, sorted.

    A window that overlaps the one before it is answered from the starts,
    found as far as the windows reach (and a window's width beyond, so that
    windows moving on a few characters at a time do not scan a few characters
    at a time): each stretch of text is read once by the ``starts`` pattern
    however many windows cover it. A window of its own (no overlap) is
    searched the ordinary way, which is quicker for one read.
    """

    __slots__ = ("text", "pattern", "scanned", "lo", "upto", "starts", "_match", "_starts", "_reach")

    def __init__(self, text: str, scanned: Scanned) -> None:
        self.text, self.pattern, self.scanned = text, scanned.pattern, scanned
        self.lo = self.upto = 0  # the windows searched so far (the last ones, overlapping)
        self.starts: list[int] | None = None  # every start in text[lo:upto], once windows overlap
        self._match = scanned.pattern.compiled.match
        self._starts = scanned.starts.compiled.finditer
        self._reach = scanned.reach

    def _cover(self, pos: int, endpos: int) -> list[int] | None:
        """The starts in ``text[pos:endpos]`` (and around), or ``None``: search this window the ordinary way."""
        if not self.lo <= pos < self.upto:  # a window of its own
            self.lo, self.upto, self.starts = pos, endpos, None
            return None
        starts, upto = self.starts, self.upto
        if starts is None:  # the first overlap: from here on, read each stretch once
            self.lo = self.upto = upto = pos
            starts = self.starts = []
        elif len(starts) > _KEEP:  # forget the starts the windows have left behind (memory stays small)
            k = bisect.bisect_left(starts, pos)
            if k > _KEEP // 2:
                del starts[:k]
                self.lo = pos
        if endpos > upto:
            text = self.text
            end = min(len(text), 2 * endpos - pos)  # a window's width ahead
            for m in self._starts(text, upto, min(len(text), end + self._reach)):
                p = m.start()
                if p >= end:
                    break
                starts.append(p)
            self.upto = end
        return starts

    def search(self, pos: int, endpos: int) -> re.Match[str] | None:
        """``pattern.search(text, pos, endpos)``."""
        starts = self.starts
        if starts is None or endpos > self.upto or not self.lo <= pos:
            starts = self._cover(pos, endpos)
            if starts is None:
                return self.pattern.search(self.text, pos, endpos)
        match, text = self._match, self.text
        for i in range(bisect.bisect_left(starts, pos), len(starts)):
            p = starts[i]
            if p >= endpos:
                break
            m = match(text, p, endpos)
            if m is not None:
                return m
        return None

    def finditer(self, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, pos, endpos)`` (non-overlapping, left to right)."""
        starts = self.starts
        if starts is None or endpos > self.upto or not self.lo <= pos:
            starts = self._cover(pos, endpos)
            if starts is None:
                return self.pattern.finditer(self.text, pos, endpos)
        i = bisect.bisect_left(starts, pos)
        if i == len(starts) or starts[i] >= endpos:
            return iter(())
        return self._from(starts, i, pos, endpos)

    def _from(self, starts: list[int], first: int, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        match, text = self._match, self.text
        for i in range(first, len(starts)):
            p = starts[i]
            if p >= endpos:
                return
            if p < pos:
                continue  # inside the previous match
            m = match(text, p, endpos)
            if m is not None:
                yield m
                pos = m.end()


class Scan(dict[Scanned, Hits]):
    """The :class:`Hits` of one text, one per pattern (``scan[pattern]``), each made when first asked for."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def __missing__(self, scanned: Scanned) -> Hits:
        hits = self[scanned] = Hits(self.text, scanned)
        return hits

    def search(self, scanned: Scanned, pos: int, endpos: int) -> re.Match[str] | None:
        """``scanned.pattern.search(text, pos, endpos)``, answered from the hits."""
        return self[scanned].search(pos, endpos)

    def finditer(self, scanned: Scanned, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        """``scanned.pattern.finditer(text, pos, endpos)``, answered from the hits."""
        return self[scanned].finditer(pos, endpos)
