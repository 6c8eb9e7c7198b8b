"""The tools behind case-file validation: YAML with line numbers, problems, evidence search.

:func:`read_yaml` reads a case file with ``yaml.SafeLoader`` (never an unsafe
loader) and keeps the line of every value, so each :class:`Problems` entry
can say ``file:line: field: what is wrong; what to do``. :class:`TextIndex`
finds evidence excerpts in the article, forgiving curly/straight quotes,
dashes and runs of white space, and names the closest passage when an
excerpt is not there.

>>> import kit
>>> index = TextIndex(kit.load_article().text)
>>> index.find('"no boots on the ground"') is None   # the marks are not in the text
True
>>> start, end = index.find("no boots on the ground")
>>> kit.load_article().text[start:end]
'no boots on the ground'
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Sequence
from typing import Any

import yaml

from ..errors import CaseError
from ..fileio import one_line
from ..util import paused_gc
from .safeyaml import compose, construct

__all__ = ["Problems", "read_yaml", "TextIndex", "excerpt_pattern", "suggest", "field_name", "fold"]

Path_ = tuple[Any, ...]

_FOLD = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2012": "-",
    "\u2212": "-",
    "\u2026": "...",
}


def fold(text: str) -> tuple[str, list[int]]:
    """Normalise quotes, dashes, ellipses and white space runs for matching.

    Returns the folded text and, for each of its characters, the index of the
    original character it came from.

    >>> fold("it\u2019s  \u201cfine\u201d")[0]
    'it\\'s "fine"'
    """
    out: list[str] = []
    where: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not in_space:
                out.append(" ")
                where.append(i)
            in_space = True
            continue
        in_space = False
        rep = _FOLD.get(ch, ch)
        out.append(rep)
        where.extend([i] * len(rep))
    return "".join(out), where


_CLASSES = {
    "'": "['\u2018\u2019\u201a\u201b\u2032`]",
    '"': '["\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]',
    "-": "[-\u2013\u2014\u2012\u2212]",
    " ": r"\s+",
}


def excerpt_pattern(excerpt: str) -> re.Pattern[str]:
    """A regex matching ``excerpt`` with quotes, dashes, ellipses and white space folded.

    >>> bool(excerpt_pattern("can't  stop - 'now'...").search("can’t stop – ‘now’…"))
    True
    """
    folded = fold(excerpt)[0]
    parts = []
    for k, piece in enumerate(folded.split("...")):
        if k:
            parts.append("(?:\\.\\.\\.|\u2026)")
        parts.extend(_CLASSES.get(ch, re.escape(ch)) for ch in piece)
    return re.compile("".join(parts))


#: How much of an excerpt :meth:`TextIndex.closest` compares with the article.
_CLOSEST_CHARS = 300


class TextIndex:
    """Find verbatim excerpts in a text (quotes, dashes and spaces folded).

    Args:
        text: the article text.
        sentences: optional ``(paragraph, start, end)`` spans used to show the
            closest passage; defaults to the text's lines.
    """

    def __init__(self, text: str, sentences: Sequence[tuple[int, int, int]] | None = None) -> None:
        self.text = text
        if sentences is None:
            spans, pos = [], 0
            for n, line in enumerate(text.split("\n")):
                if line.strip():
                    spans.append((n, pos, pos + len(line)))
                pos += len(line) + 1
            sentences = spans
        self._sentences = list(sentences)
        self._folded: tuple[str, list[int]] | None = None

    def find(self, excerpt: str) -> tuple[int, int] | None:
        """The ``(start, end)`` offsets of the excerpt's first occurrence, or ``None``."""
        needle = excerpt.strip()
        if not needle:
            return None
        at = self.text.find(needle)  # the usual case: copied exactly
        if at >= 0:
            return at, at + len(needle)
        # Else compare folded texts (what excerpt_pattern matches), without a regex per excerpt.
        if self._folded is None:
            self._folded = fold(self.text)
        folded, where = self._folded
        target = fold(needle)[0]
        at = folded.find(target)
        return (where[at], where[at + len(target) - 1] + 1) if at >= 0 else None

    def closest(self, excerpt: str, *, width: int = 40) -> str:
        """The passage most like ``excerpt`` (difflib over the sentences), as a hint."""
        needle = fold(excerpt.strip())[0][:_CLOSEST_CHARS]  # difflib is quadratic: its start is enough
        best: tuple[float, int, int, int] | None = None  # score, sentence number, start, end (folded)
        for n, (_, start, end) in enumerate(self._sentences):
            sent = fold(self.text[start:end])[0]
            matcher = difflib.SequenceMatcher(None, needle, sent, autojunk=False)
            blocks = [b for b in matcher.get_matching_blocks() if b.size >= 3]
            score = sum(b.size for b in blocks) / max(len(needle), 1)
            if blocks and (best is None or score > best[0]):
                best = (score, n, blocks[0].b - blocks[0].a, blocks[-1].b + len(needle) - blocks[-1].a)
        if best is None:
            return "no similar passage in the article; copy the words from the article itself"
        _, n, lo, hi = best
        para, start, end = self._sentences[n]
        sent = self.text[start:end]
        folded, where = fold(sent)
        lo, hi = max(0, lo - width // 2), min(len(folded), hi + width // 2)
        snippet = " ".join(sent[where[lo] : where[hi - 1] + 1].split())
        snippet = ("…" if lo else "") + snippet + ("…" if hi < len(folded) else "")
        return f"closest passage (¶{para + 1}): {snippet!r}; copy the words exactly"


def suggest(word: str, known: Sequence[str], *, what: str = "id", fuzzy: bool = True) -> str:
    """A hint naming the closest known ids (difflib), or listing some of them.

    ``fuzzy=False`` skips the search for close ids (see :attr:`Problems.fuzzy`).

    >>> suggest("kery", ["john_kerry", "chuck_hagel"])
    'did you mean john_kerry?'
    """
    if fuzzy:
        # Whole ids, and their parts, so that "kery" or "kerry" finds john_kerry.
        keys: dict[str, str] = {k: k for k in known}
        for k in known:
            for part in k.split("_"):
                if len(part) >= 3:
                    keys.setdefault(part, k)
        matches = difflib.get_close_matches(str(word)[:100], list(keys), n=6, cutoff=0.6)
        close = list(dict.fromkeys(keys[m] for m in matches))[:3]
        if close:
            return "did you mean " + " or ".join(close) + "?"
    if not known:
        return f"there are no {what}s to choose from yet"
    shown = ", ".join(itertools.islice(known, 12)) + (", …" if len(known) > 12 else "")
    return f"known {what}s: {shown}"


def field_name(path: Path_) -> str:
    """``('stances', 3, 'value')`` -> ``'stances[3].value'``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(top level)"


#: How many problems in one file get costly hints (see :attr:`Problems.fuzzy`).
FUZZY_HINTS = 50
#: How many problems of one kind are listed before the rest are summarised in one line.
SAME_KIND_SHOWN = 10
#: What tells problems of one kind apart (indexes, quoted values, numbers): left out to compare kinds.
_SAME_KIND = re.compile(r"\[\d+\]|'[^']*'|\"[^\"]*\"|\d+")


class Problems:
    """Every problem found in one case file, each with its line and field."""

    def __init__(self, name: str, lines: dict[Path_, int] | None = None) -> None:
        self.name = name
        self.lines: dict[Path_, int] = lines if lines is not None else {}
        self.items: list[tuple[int, str]] = []
        self.kinds: list[str] = []  # per item: the problem without its place and values (see messages())

    def line(self, path: Path_) -> int:
        """The line of ``path``'s value, or of its nearest parent that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)

    def add(self, path: Path_, message: str, *, line: int | None = None) -> None:
        """Record ``message`` about the value at ``path`` (a tuple of keys and indexes)."""
        at = line if line is not None else self.line(path)
        self.items.append((at, one_line(f"{self.name}:{at}: {field_name(tuple(path))}: {message}")))  # one line each
        self.kinds.append(_SAME_KIND.sub("…", f"{field_name(tuple(path))}: {message}"))

    def first_use(self, seen: dict[str, int], what: str, ident: str, path: Path_, hint: str) -> bool:
        """True the first time ``ident`` is seen (and remember its line); else report a duplicate."""
        if ident in seen:
            self.add(path, f"duplicate {what} id {ident!r} (first on line {seen[ident]}); {hint}")
            return False
        seen[ident] = self.line(path)
        return True

    @property
    def fuzzy(self) -> bool:
        """Whether costly hints (close ids, the closest passage) are still worked out: for the first problems only.

        Past :data:`FUZZY_HINTS` problems a file is being read as something it is not, and
        each hint would search every id or sentence again.
        """
        return len(self.items) < FUZZY_HINTS

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def messages(self) -> tuple[str, ...]:
        """The problems in file order (stable for problems on the same line), a flood summarised.

        Of many problems of one kind (the same message but for the place and the
        values: 20,000 members listed twice) the first :data:`SAME_KIND_SHOWN` are
        listed, then one line says how many more there are and where they end.
        """
        order = sorted(range(len(self.items)), key=lambda i: self.items[i][0])
        out: list[str] = []
        seen: dict[str, list[int]] = {}  # kind -> [how many so far, line of the first]
        more: dict[str, tuple[int, int]] = {}  # kind -> (index of its summary line in out, last line)
        for i in order:
            kind, (at, msg) = self.kinds[i], self.items[i]
            count = seen.setdefault(kind, [0, at])
            count[0] += 1
            if count[0] <= SAME_KIND_SHOWN:
                out.append(msg)
            else:
                if kind not in more:
                    out.append(f"{self.name}:{at}: ")  # the first not listed: completed below
                more[kind] = (more[kind][0] if kind in more else len(out) - 1, at)
        for kind, (slot, last) in more.items():
            n, first = seen[kind][0] - SAME_KIND_SHOWN, seen[kind][1]
            out[slot] += (
                f"… and {n:,} more problem{'s' if n != 1 else ''} like the one on line {first:,}, "
                f"up to line {last:,}; fix the first ones and check again"
            )
        return tuple(out)

    def raise_if_any(self) -> None:
        """Raise :class:`CaseError` listing every problem, if there are any."""
        if self.items:
            n = len(self.items)
            raise CaseError(
                f"{self.name}: {n:,} problem{'s' if n > 1 else ''} in the case file; fix {'them' if n > 1 else 'it'} "
                "and check again",
                self.messages(),
            )


def _index(node: yaml.Node, path: Path_, problems: Problems, seen_nodes: set[int]) -> None:
    problems.lines[path] = node.start_mark.line + 1
    if id(node) in seen_nodes:  # an alias: its values were indexed at the anchor, never walk them twice
        return
    seen_nodes.add(id(node))
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else f"(line {key_node.start_mark.line + 1})"
            line = key_node.start_mark.line + 1
            if key in seen:
                problems.add(path + (key,), f"appears twice (lines {seen[key]} and {line}); keep one", line=line)
            seen[key] = line
            _index(value_node, path + (key,), problems, seen_nodes)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index(item, path + (i,), problems, seen_nodes)


def read_yaml(text: str, name: str) -> tuple[Any, Problems]:
    """Parse YAML safely and within limits, keeping the line of every value.

    Returns the data and a :class:`Problems` whose ``lines`` maps paths like
    ``('stances', 3, 'value')`` to 1-based lines (duplicate keys are already
    recorded as problems). The limits (size, nesting, values counting what
    each alias repeats) are checked by :mod:`kit.case.safeyaml` before anything is built.

    Raises:
        CaseError: one located line (``file:line:column: problem; what to do``) for a
            YAML syntax error, a value YAML cannot read, or a document over the limits.
    """
    problems = Problems(name)
    with paused_gc():  # many small nodes and no cycles: the collector would rescan them again and again
        node = compose(text, name)
        if node is None:
            return None, problems
        _index(node, (), problems, set())
        return construct(node, name), problems
