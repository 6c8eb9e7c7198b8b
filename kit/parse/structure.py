"""An article's structure: paragraphs, sentences and the credits line.

Paragraphs are separated by blank lines when the text has any (single line
breaks inside are then wrapping), else one paragraph per line. Each is a
``body``, ``heading`` ("STRATEGY SOUGHT"), ``rule`` (a line of underscores or
dashes) or ``credits`` ("By ... Editing by ..."), recognised by its form, not
its position. Sentences are split with a short list of abbreviations.

>>> import kit
>>> art = kit.load_article()
>>> [p.kind for p in art.paragraphs][11], art.paragraphs[-1].kind
('heading', 'credits')
>>> art.credits.editing
('Paul Taylor', 'Mike Peacock')
"""

from __future__ import annotations

import bisect
import operator
import re

from ..records import Credits, Paragraph, Sentence
from ..util import paused_gc

__all__ = ["split_paragraphs", "split_sentences", "parse_credits", "sentence_at"]

_BLANK_LINE = re.compile(r"\n[ \t\f\v]*\n")
_RULE = re.compile(r"[\s_\-–—=*~·•]*")
_RULE_CHARS = re.compile(r"(?:[_\-–—=*~]\s*){3,}")
_SENTENCE_END = re.compile(r"[.!?]\s*$|[.!?][”’\"')\]]+\s*$")

# Credits markers, longest first so "Additional reporting by" wins over "By".
_ROLE_MARKERS = (
    ("additional reporting by", "additional_reporting"),
    ("reporting by", "by"),
    ("reported by", "by"),
    ("writing by", "writing"),
    ("written by", "writing"),
    ("compiled by", "writing"),
    ("editing by", "editing"),
    ("edited by", "editing"),
    ("by", "by"),
)
_MARKER = re.compile(r"(?i)\b(" + "|".join(re.escape(m) for m, _ in _ROLE_MARKERS) + r")\s+")
_MARKER_ROLE = dict(_ROLE_MARKERS)
_NAME = r"[A-Z][\w’'.\-]*(?:\s+(?:[A-Z][\w’'.\-]*|de|van|von|da|al|bin|la|le))*"
_BYLINE_ONLY = re.compile(
    rf"\(?\s*(?:[Bb]y|[Rr]eporting by|[Ww]ritten by|[Cc]ompiled by)\s+{_NAME}"
    rf"(?:\s*(?:,|\band\b|/|&|;)\s*{_NAME})*\s*[.;)]?\s*"
)
_CREDITS_START = re.compile(
    r"\(?\s*(?:By|Additional reporting by|Reporting by|Reported by|Writing by|Written by|"
    r"Compiled by|Editing by|Edited by)\s+[A-Z]"
)
_CONTRIBUTED = re.compile(
    rf"(?:The\s+)?(?:[A-Z][\w.&]*\s+){{1,4}}(?:staff\s+)?writers?\s+(?P<names>{_NAME}(?:\s*(?:,|\band\b)\s*{_NAME})*)"
    rf"(?:\s+in\s+[A-Z][\w ,.]{{0,40}}?)?\s+contributed(?:\s+to\s+this\s+(?:report|story|article))?\.?\s*"
)
_NAME_SPLIT = re.compile(r"\s*(?:,|/|&|;|\band\b)\s*")
_NAME_TAIL = re.compile(r"\s+(?:in|at|from|for|with)\s+.*$", re.S)

# Sentence splitting.
# A run of stops and closing marks; it ends a sentence only before white space or the paragraph's
# end (checked in split_sentences). A lookahead here would make a long run ("a.....b") be
# re-read from every one of its dots: quadratic.
# [.!?…][.!?…]* and not [.!?…]+: the regex engine scans fast for a first class, not for a repeat
_RUN_AFTER_STOP = r"[.!?…]*[”’\"'»)\]]*"
_TERMINATOR = re.compile(r"[.!?…]" + _RUN_AFTER_STOP)
# the same runs, one pattern per first stop: the regex engine skips to a literal first character far faster
# than to one of a class, which it tests with a call per character (see _terminators)
_TERMINATOR_FROM = tuple(re.compile(re.escape(c) + _RUN_AFTER_STOP) for c in ".!?…")


def _terminators(text: str) -> list[re.Match[str]]:
    """The matches of ``_TERMINATOR.finditer(text)``, from four quick scans, one per stop.

    Each scan finds the runs that start with its stop; a run that starts inside an earlier one (at its "!"
    in "?!") ends where that one does (the same characters follow), so it is dropped, as the single scan
    never finds it.

    >>> [m.group() for m in _terminators("Why?! No... Yes.” Ok… ok.")]
    ['?!', '...', '.”', '…', '.']
    """
    found = sorted((m for stop in _TERMINATOR_FROM for m in stop.finditer(text)), key=_start)
    out: list[re.Match[str]] = []
    end = 0
    for m in found:
        if m.start() >= end:
            out.append(m)
            end = m.end()
    return out


_start = operator.methodcaller("start")
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")
_NEVER_END = frozenset(
    "mr mrs ms dr gen sen rep gov lt col capt cpt sgt maj adm cmdr prof st mt rev hon pres "
    "vs fr sr jr messrs fig approx".split()
)
_WEAK_END = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec inc corp co ltd bros etc no nos".split())
_STARTERS = frozenset(
    "the a an he she it they we i but and in on at this that these those his her its their "
    "our there some many most if when while after before however meanwhile as for with by "
    "from officials asked yet so still also then now".split()
)


def split_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Split normalised text into paragraphs, each with its kind.

    Args:
        text: the article text (``\\n`` line ends).

    Returns:
        The paragraphs in order; spans exclude surrounding white space.

    >>> [(p.kind, p.start, p.end) for p in split_paragraphs("TITLE\\n\\nKerry said so.\\nHe left.")]
    [('heading', 0, 5), ('body', 7, 30)]
    """
    out: list[Paragraph] = []
    if not _BLANK_LINE.search(text):  # one paragraph a line: no line of a block left to split off
        for start, end, chunk in _lines(text):
            out.append(Paragraph(len(out), _kind(chunk), start, end))
        return _with_sources(text, out)
    for start, end, chunk in _blocks(text, _BLANK_LINE):
        # a block's last line may be the credits, written without a blank line before them
        # ("... said.\n(Reporting by Ann Lee; Editing by Tom Ray)"): a paragraph of its own
        line = chunk.rfind("\n")
        if line > 0 and _is_credits(chunk[line + 1 :]) and chunk[:line].strip():
            body = chunk[:line].rstrip()
            out.append(Paragraph(len(out), _kind(body), start, start + len(body)))
            last = chunk[line + 1 :].lstrip()
            start, chunk = end - len(last), last
        out.append(Paragraph(len(out), _kind(chunk), start, end))
    return _with_sources(text, out)


# a heading alone on its line that opens the list of an article's sources ("Sources", "References:")
_SOURCES_HEADING = re.compile(
    r"(?i)(?:sources?|references|external links|related news|see also|bibliography|further reading)\s*:?"
)
#: A paragraph of a sources list is a line of at most this many characters.
_SOURCE_LINE_MAX = 300


def _with_sources(text: str, paragraphs: list[Paragraph]) -> tuple[Paragraph, ...]:
    """The paragraphs, where a sources list that ends the text ("Sources" and the headlines of the reports
    it draws on) is credits: where the report comes from, not the story (no quotes, no actors)."""
    for i in range(len(paragraphs) - 1, 0, -1):
        p = paragraphs[i]
        if p.end - p.start > _SOURCE_LINE_MAX:
            break  # a paragraph of the story: a sources list comes after the last of them
        if p.end - p.start < 40 and _SOURCES_HEADING.fullmatch(text, p.start, p.end):
            if i == len(paragraphs) - 1:
                break  # a heading with nothing under it
            return tuple(paragraphs[:i]) + tuple(
                Paragraph(q.index, "credits", q.start, q.end) if q.kind != "rule" else q for q in paragraphs[i:]
            )
    return tuple(paragraphs)


def _blocks(text: str, separator: re.Pattern[str]) -> list[tuple[int, int, str]]:
    """The pieces of ``text`` between the matches of ``separator`` that are not blank, stripped: (start, end,
    the piece's text)."""
    spans, pos = [], 0
    for m in separator.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for start, end in spans:
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            out.append((start + lead, start + lead + len(stripped), stripped))
    return out


def _lines(text: str) -> list[tuple[int, int, str]]:
    """``_blocks(text, re.compile("\\n"))``, from ``str.split`` (no match object per line)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + len(line) - len(line.lstrip())
            out.append((start, start + len(stripped), stripped))
        pos += len(line) + 1
    return out


# What a rule line or a credits line can start with: a quick test before their patterns (most paragraphs
# start with a letter that neither can)
_RULE_FIRST = frozenset("_-–—=*~·•")
_CREDITS_FIRST = frozenset("(BARWCE")  # "(", or the first letter of a marker of _CREDITS_START


def _kind(chunk: str) -> str:
    first = chunk[:1]
    if (first in _RULE_FIRST or first.isspace()) and _RULE.fullmatch(chunk) and _RULE_CHARS.search(chunk):
        return "rule"
    if _is_credits(chunk):
        return "credits"
    if len(chunk) > 80 or (chunk.isascii() and not chunk.isupper()):
        return "body"  # (an ASCII chunk not all in capitals has a lower-case letter, or no letter: no heading)
    letters = [c for c in chunk if c.isalpha()]
    if (
        len(letters) >= 2
        and all(c.isupper() for c in letters if c.isupper() or c.islower())
        and not _SENTENCE_END.search(chunk)
    ):
        return "heading"
    return "body"


def _is_credits(chunk: str) -> bool:
    # ("contributed" in chunk: a quick test the pattern needs to pass, far cheaper than trying it)
    if len(chunk) <= 300 and "contributed" in chunk and _CONTRIBUTED.fullmatch(chunk):
        return True  # "Associated Press writer Ann Lee in Boston contributed to this report."
    first = chunk[:1]
    if len(chunk) > 600 or not (first in _CREDITS_FIRST or first.isspace()) or not _CREDITS_START.match(chunk):
        return False
    markers = [m.group(1).lower() for m in _MARKER.finditer(chunk)]
    roles = {_MARKER_ROLE[m] for m in markers if m != "by"}
    if len(roles) >= 2 or (roles and len(markers) >= 2):
        return True
    return bool(_BYLINE_ONLY.fullmatch(chunk))


def parse_credits(text: str, paragraphs: tuple[Paragraph, ...]) -> Credits:
    """Read who reported, wrote and edited the article from its credits paragraph(s).

    Names are split on commas, "and", "/" and "&"; "Reporting by" counts as
    ``by``, "Compiled by"/"Written by" as ``writing``, "Edited by" as ``editing``.

    >>> t = "Kerry spoke.\\n(Reporting by Ann Lee in Paris; Editing by Tom Ray/Jo Fox)"
    >>> c = parse_credits(t, split_paragraphs(t))
    >>> c.by, c.editing, c.paragraph
    (('Ann Lee',), ('Tom Ray', 'Jo Fox'), 1)
    >>> t = "Kerry spoke.\\n\\nAssociated Press writer Jo Fox in Boston contributed to this report."
    >>> parse_credits(t, split_paragraphs(t)).additional_reporting
    ('Jo Fox',)
    """
    # dicts as ordered sets: many credits lines must not make a list search per name
    found: dict[str, dict[str, None]] = {"by": {}, "additional_reporting": {}, "writing": {}, "editing": {}}
    first: int | None = None
    for para in paragraphs:
        if para.kind != "credits":
            continue
        if first is None:
            first = para.index
        chunk = text[para.start : para.end]
        if not _is_credits(chunk):
            continue  # a line of a sources list ("“Plan backed by Zentrix” — Herald"): no journalist's name
        contributed = _CONTRIBUTED.fullmatch(chunk)
        if contributed:
            for name in _NAME_SPLIT.split(contributed.group("names")):
                name = _NAME_TAIL.sub("", name).strip(" .;:()[]\t\n")
                if name and name[0].isupper():
                    found["additional_reporting"].setdefault(name)
            continue
        marks = list(_MARKER.finditer(chunk))
        for i, m in enumerate(marks):
            stop = marks[i + 1].start() if i + 1 < len(marks) else len(chunk)
            role = _MARKER_ROLE[m.group(1).lower()]
            for name in _NAME_SPLIT.split(chunk[m.end() : stop]):
                name = _NAME_TAIL.sub("", name).strip(" .;:()[]\t\n")
                if name and name[0].isupper():
                    found[role].setdefault(name)
    return Credits(
        by=tuple(found["by"]),
        additional_reporting=tuple(found["additional_reporting"]),
        writing=tuple(found["writing"]),
        editing=tuple(found["editing"]),
        paragraph=first,
    )


@paused_gc()
def split_sentences(text: str, paragraphs: tuple[Paragraph, ...]) -> tuple[Sentence, ...]:
    """Split each paragraph (rules excepted) into sentences, in linear time.

    Abbreviations (Mr., Gen., U.S., Sept., initials) do not end a sentence;
    closing quotation marks after the final stop belong to the sentence; an
    ellipsis ends one only when a capitalised word follows.

    >>> t = "Gen. J. Smith met U.S. envoys on Sept. 5. “We agree.” Talks went on… and on."
    >>> [t[s.start:s.end] for s in split_sentences(t, split_paragraphs(t))]
    ['Gen. J. Smith met U.S. envoys on Sept. 5.', '“We agree.”', 'Talks went on… and on.']
    """
    out: list[Sentence] = []
    # One scan of the whole text, not one per paragraph: a run of stops and closing marks has no white
    # space in it, so it never reaches from one paragraph into the next (nor into the gap between).
    stops = _terminators(text)
    k, n = 0, len(stops)
    for para in paragraphs:
        p_start, p_end = para.start, para.end
        while k < n and stops[k].start() < p_start:
            k += 1
        if para.kind == "rule":
            continue
        start = p_start
        while k < n and stops[k].start() < p_end:
            m = stops[k]
            k += 1
            end = m.end()
            if end < p_end and not text[end].isspace():
                continue  # "U.S.-led", "3.5", "?!x": not a stop
            if end >= p_end or _is_boundary(text, m, p_end):
                _add(out, text, para.index, start, end)
                start = end
        if start < p_end:  # (most paragraphs end with their last sentence's stop: nothing left)
            _add(out, text, para.index, start, p_end)
    return tuple(out)


def _add(out: list[Sentence], text: str, index: int, start: int, end: int) -> None:
    while start < end and text[start].isspace():  # strip, without copying the sentence
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(index, start, end))


def _next_word(text: str, pos: int, end: int) -> str:
    i = pos
    while i < end and text[i].isspace():
        i += 1
    while i < end and text[i] in "“‘\"'([«":
        i += 1
    j = i
    while j < end and j - i < 30 and (text[j].isalnum() or text[j] in "’'-"):
        j += 1
    return text[i:j]


def _word_before(text: str, dot: int) -> str:
    """The abbreviation-like word before the full stop at ``dot`` ("Sept", "U.S", "J"), or "".

    ASCII letters and dots, starting with a letter, at most 24 characters back.
    """
    lo = max(0, dot - 24)
    q = dot
    while q > lo and text[q - 1] in _WORD_CHARS:
        q -= 1
    while q < dot and text[q] == ".":
        q += 1
    return text[q:dot]


def _is_boundary(text: str, m: re.Match[str], end: int) -> bool:
    if m.end() >= end:
        return True
    i = m.end()
    while i < end and text[i].isspace():
        i += 1
    nxt = text[i] if i < end else ""
    if not (nxt.isupper() or nxt.isdigit() or nxt in "“‘\"'([«"):
        return False
    stop = m.group()
    if stop.startswith("…") or stop.startswith("..."):
        return bool(_next_word(text, m.end(), end)[:1].isupper())
    if not stop.startswith(".") or len(stop.rstrip("”’\"'»)]")) > 1:
        return True
    token = _word_before(text, m.start())
    if not token:
        return True
    low = token.lower()
    if len(token) == 1 and token.isupper():
        return False  # an initial: "J. Smith"
    if low in _NEVER_END:
        return False
    if "." in token or low in _WEAK_END:  # "U.S.", "Sept.", "Inc."
        return _next_word(text, m.end(), end).lower() in _STARTERS
    return True


def sentence_at(sentences: tuple[Sentence, ...], starts: list[int], offset: int) -> int:
    """Index into ``sentences`` of the sentence at or just before ``offset``.

    ``starts`` is ``[s.start for s in sentences]`` (computed once by the caller).

    >>> t = "One. Two."
    >>> ss = split_sentences(t, split_paragraphs(t))
    >>> sentence_at(ss, [s.start for s in ss], 6)
    1
    """
    return max(0, bisect.bisect_right(starts, offset) - 1)
