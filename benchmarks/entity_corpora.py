"""Persons and organisations annotated in real text: CoNLL-2003 ``eng.train`` and GUM (not news).

Two readers turn a corpus into :class:`Doc` records -- plain text plus gold
:class:`Entity` records with character offsets into that text -- so
``entity_score.py`` can compare them with the actors ``kit.parse`` finds.

**CoNLL-2003** (Reuters, 1996; ``KIT_CONLL_DIR`` names the folder holding
``eng.train``). Only ``eng.train`` is ever read: ``eng.testa`` and
``eng.testb`` are reserved for independent checks and :func:`conll_path`
refuses them. Each ``-DOCSTART-`` block is one document; each CoNLL sentence
becomes one paragraph (Reuters writes one sentence per paragraph), its tokens
joined by spaces except before closing punctuation. Tags may be IOB1 or IOB2.
A person (``PER``) or organisation (``ORG``) entity is one distinct name in
a document, with all the places it occurs. *Prose only*: results tables and
price lists are dropped -- a document is kept when at least half of its body
sentences (after the headline and dateline) have eight or more tokens and end
with ``.``, ``"`` or ``?``, and at most a fifth of its tokens are numbers.
The genre is ``sport`` when the headline starts with the name of a sport in
capitals and `` - `` ("SOCCER - ...", "RUGBY UNION - ..."), as Reuters' sports
desk wrote them, else ``general``. Sign-off lines ("-- <City> Newsroom +44 ...")
are the agency's, like a byline: their names are not gold entities.

**GUM** (Georgetown University Multilayer corpus; ``KIT_GUM_DIR`` names the
folder holding ``dep/*.conllu``). Documents named ``GUM_news_*`` are reserved
and never read; ``GUM_reddit_*`` texts are masked in the public release and
skipped. The genre is the second part of the name (``GUM_bio_emperor`` ->
``bio``). Entities come from the ``Entity=`` annotation: every mention of a
``person`` or ``organization`` entity is grouped by its entity number; an
entity counts (is a *named* entity) when one of its mentions is headed by a
proper noun (the mention's syntactic head, the token whose head lies outside
it, has UPOS ``PROPN``). Its ``spans`` are those named mentions, trimmed to
the run of proper nouns around the head ("the Admiral Tessa Quill" -> "Admiral
Tessa Quill"); an entity without one has no spans and is not counted for recall.
``heads`` are the tokens of *every* mention ("he", "the critic Ola
Brandt") whose innermost annotated mention is this entity's (so "Microsoft"
in "the president of Microsoft" is not a person's), used to decide whether an
actor the kit calls a person really is one.

Nothing here contains corpus text; the texts stay outside the repository.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "CONLL_VAR",
    "GUM_VAR",
    "Entity",
    "Doc",
    "conll_path",
    "gum_dir",
    "read_conll",
    "read_gum",
    "detokenize",
    "is_prose",
]

CONLL_VAR = "KIT_CONLL_DIR"
GUM_VAR = "KIT_GUM_DIR"
_CONLL_ALLOWED = "eng.train"
_CONLL_RESERVED = ("eng.testa", "eng.testb")
KINDS = ("person", "organization")


@dataclass
class Entity:
    """One gold person or organisation in a document.

    ``spans``: ``(start, end)`` of each place the text names it; ``heads``: the
    head token of each of its mentions, named or not (GUM), else the same as ``spans``.
    """

    kind: str
    name: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    heads: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Doc:
    """A document: its name, genre, text and gold entities."""

    name: str
    genre: str
    text: str
    entities: list[Entity]


# ---------------------------------------------------------------- detokenising
_NO_SPACE_BEFORE = {
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    ")",
    "]",
    "}",
    "%",
    "'s",
    "'S",
    "n't",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
}
_NO_SPACE_AFTER = {"(", "[", "{", "$"}


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join tokens into text (no space before closing punctuation); return the text and each token's span.

    >>> detokenize(["Ann", "Lee", "(", "45", ")", "said", "it", "'s", "fine", "."])[0]
    "Ann Lee (45) said it's fine."
    """
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    at = 0
    quote_open = False
    prev = ""
    for i, tok in enumerate(tokens):
        space = i > 0 and tok not in _NO_SPACE_BEFORE and prev not in _NO_SPACE_AFTER
        if tok == '"':
            if quote_open:
                space = False
            quote_open = not quote_open
        elif prev == '"' and quote_open:
            space = False
        if space:
            parts.append(" ")
            at += 1
        spans.append((at, at + len(tok)))
        parts.append(tok)
        at += len(tok)
        prev = tok
    return "".join(parts), spans


# ---------------------------------------------------------------- CoNLL-2003
def conll_path() -> tuple[Path | None, str]:
    """``eng.train`` in the folder ``KIT_CONLL_DIR`` names, or ``None`` and why it is skipped."""
    folder = os.environ.get(CONLL_VAR)
    if not folder:
        return None, f"{CONLL_VAR} not set (the folder holding CoNLL-2003 eng.train)"
    path = Path(folder).expanduser()
    if path.name in _CONLL_RESERVED:
        raise ValueError(f"{path.name} is reserved for independent checks: only {_CONLL_ALLOWED} is read")
    if path.is_dir():
        path = path / _CONLL_ALLOWED
    if path.name != _CONLL_ALLOWED:
        raise ValueError(f"{CONLL_VAR} must name eng.train or its folder, not {path.name}")
    if not path.is_file():
        return None, f"{path} not found"
    return path, ""


def _conll_blocks(lines: Iterator[str]) -> Iterator[list[list[tuple[str, str]]]]:
    """One list of sentences (each a list of (token, tag)) per -DOCSTART- block."""
    doc: list[list[tuple[str, str]]] = []
    sent: list[tuple[str, str]] = []
    for line in lines:
        line = line.rstrip("\n")
        if line.startswith("-DOCSTART-"):
            if sent:
                doc.append(sent)
            if doc:
                yield doc
            doc, sent = [], []
            continue
        if not line.strip():
            if sent:
                doc.append(sent)
            sent = []
            continue
        cols = line.split()
        sent.append((cols[0], cols[-1]))
    if sent:
        doc.append(sent)
    if doc:
        yield doc


_NUMBER = re.compile(r"^[-+]?[\d.,/:]+%?$")


def is_prose(sentences: list[list[str]]) -> bool:
    """A story, not a results table or a price list (see the module doc).

    >>> is_prose([["HEADLINE"], ["CITY", "1996-08-22"], "Ann Lee said the plan would work .".split()])
    True
    >>> is_prose([["RESULTS"], ["Lee", "6-3", "6-4"], ["Chen", "7-5", "6-1"]])
    False
    """
    tokens = [t for s in sentences for t in s]
    if not tokens or sum(bool(_NUMBER.match(t)) for t in tokens) > len(tokens) / 5:
        return False
    body = sentences[2:] or sentences
    long = sum(len(s) >= 8 and s[-1] in {".", '"', "?"} for s in body)
    return long * 2 >= len(body)


_SPORTS = (
    "SOCCER FOOTBALL CRICKET BASEBALL TENNIS ATHLETICS RUGBY CYCLING RALLYING GOLF HORSE BASKETBALL MOTORCYCLING "
    "MOTOR SWIMMING ROWING HOCKEY BOXING SKIING SAILING YACHTING BADMINTON SQUASH VOLLEYBALL HANDBALL JUDO "
    "WRESTLING CHESS GYMNASTICS SNOOKER OLYMPICS NFL NHL NBA"
).split()
_SPORT_HEADLINE = re.compile(rf"^(?:ICE |TABLE |ALPINE )?(?:{'|'.join(_SPORTS)})\b[A-Z ]* - ")


def read_conll(path: Path) -> Iterator[Doc]:
    """Every prose document of ``eng.train`` (see the module doc)."""
    if path.name != _CONLL_ALLOWED:
        raise ValueError(f"only {_CONLL_ALLOWED} is read, not {path.name}")
    with path.open(encoding="utf-8") as lines:
        for n, block in enumerate(_conll_blocks(lines)):
            if not is_prose([[t for t, _ in s] for s in block]):
                continue
            paragraphs, offset = [], 0
            by_name: dict[tuple[str, str], Entity] = {}
            for sent in block:
                text, spans = detokenize([t for t, _ in sent])
                paragraphs.append(text)
                if text.startswith("--"):  # a sign-off, not the story
                    offset += len(text) + 2
                    continue
                current: tuple[str, int, int] | None = None
                for (_, tag), (a, b) in zip(sent, spans, strict=True):
                    kind = tag[2:] if len(tag) > 2 else ""
                    starts = tag.startswith("B-") or current is None or current[0] != kind
                    if current and (tag == "O" or starts):
                        _add_conll(by_name, text, offset, current)
                        current = None
                    if tag != "O":
                        current = (kind, a, b) if current is None else (kind, current[1], b)
                if current:
                    _add_conll(by_name, text, offset, current)
                offset += len(text) + 2
            full = "\n\n".join(paragraphs)
            headline = paragraphs[0] if paragraphs else ""
            genre = "sport" if _SPORT_HEADLINE.match(headline) else "general"
            yield Doc(f"conll-train-{n:04d}", genre, full, list(by_name.values()))


def _add_conll(by_name: dict[tuple[str, str], Entity], text: str, offset: int, current: tuple[str, int, int]) -> None:
    kind = {"PER": "person", "ORG": "organization"}.get(current[0])
    if kind is None:
        return
    a, b = current[1], current[2]
    span = (offset + a, offset + b)
    e = by_name.setdefault((kind, text[a:b]), Entity(kind, text[a:b]))
    e.spans.append(span)
    e.heads.append(span)


# ---------------------------------------------------------------- GUM
def gum_dir() -> tuple[Path | None, str]:
    """The ``dep`` folder of GUM that ``KIT_GUM_DIR`` names, or ``None`` and why it is skipped."""
    folder = os.environ.get(GUM_VAR)
    if not folder:
        return None, f"{GUM_VAR} not set (the GUM folder holding dep/*.conllu)"
    path = Path(folder).expanduser()
    if (path / "dep").is_dir():
        path = path / "dep"
    if not path.is_dir() or not any(path.glob("GUM_*.conllu")):
        return None, f"no GUM_*.conllu in {path}"
    return path, ""


_OPEN = re.compile(r"\((\d+)-([a-z]+)")
_CLOSE = re.compile(r"(\d+)\)")


def _reserved_gum(name: str) -> bool:
    return name.startswith("GUM_news_") or name.startswith("GUM_reddit_")


def read_gum(folder: Path, *, genres: set[str] | None = None) -> Iterator[Doc]:
    """Every GUM document outside news (reserved) and reddit (masked), optionally of some genres."""
    for path in sorted(folder.glob("GUM_*.conllu")):
        name = path.stem
        if _reserved_gum(name):
            continue
        genre = name.split("_")[1]
        if genres and genre not in genres:
            continue
        yield _read_gum_doc(name, genre, path.read_text(encoding="utf-8"))


def _read_gum_doc(name: str, genre: str, conllu: str) -> Doc:
    paragraphs: list[str] = []
    para: list[str] = []
    at = 0  # offset of the current paragraph's start in the whole text
    tokens: list[tuple[int, int, str, int, int]] = []  # (start, end, upos, sentence-local id, head id)
    sentence_base = 0  # index in tokens of the current sentence's first token
    mentions: list[tuple[int, str, int, int]] = []  # (entity number, kind, first token, last token)
    open_stack: dict[int, list[tuple[str, int]]] = {}
    pos = 0  # offset inside the current paragraph
    space_pending = False

    def flush_paragraph() -> None:
        nonlocal para, at, pos, space_pending
        if para:
            text = "".join(para)
            paragraphs.append(text)
            at += len(text) + 2
        para, pos, space_pending = [], 0, False

    for line in conllu.splitlines():
        if line.startswith("# newpar"):
            if not line.startswith("# newpar_block"):
                flush_paragraph()
            continue
        if line.startswith("#"):
            if line.startswith("# sent_id"):
                sentence_base = len(tokens)
            continue
        if not line.strip():
            space_pending = bool(para)
            continue
        cols = line.split("\t")
        if len(cols) < 10 or "-" in cols[0] or "." in cols[0]:
            continue
        form, upos, head, misc = cols[1], cols[3], int(cols[6]), cols[9]
        if space_pending:
            para.append(" ")
            pos += 1
        para.append(form)
        index = len(tokens)
        tokens.append((at + pos, at + pos + len(form), upos, index - sentence_base + 1, head))
        pos += len(form)
        space_pending = "SpaceAfter=No" not in misc
        entity = next((f[7:] for f in misc.split("|") if f.startswith("Entity=")), "")
        if entity:
            for m in re.finditer(r"\(\d+-[a-z]+[^()]*|\d+\)", entity):
                piece = m.group()
                if piece.startswith("("):
                    o = _OPEN.match(piece)
                    assert o is not None
                    open_stack.setdefault(int(o.group(1)), []).append((o.group(2), index))
                else:
                    number = int(_CLOSE.match(piece).group(1))  # type: ignore[union-attr]
                    if open_stack.get(number):
                        kind, first = open_stack[number].pop()
                        mentions.append((number, kind, first, index))
            # a single-token mention "(2-time-...-sgl)" closes right after its attributes
            for m in re.finditer(r"\((\d+)-([a-z]+)[^()]*\)", entity):
                number = int(m.group(1))
                if open_stack.get(number):
                    kind, first = open_stack[number].pop()
                    mentions.append((number, kind, first, index))
    flush_paragraph()
    text = "\n\n".join(paragraphs)
    innermost: dict[int, int] = {}  # token -> the entity number of the shortest mention covering it
    for number, _, first, last in sorted(mentions, key=lambda m: m[2] - m[3]):
        for i in range(first, last + 1):
            innermost[i] = number
    entities: dict[int, Entity] = {}
    for number, kind, first, last in mentions:
        if kind not in KINDS:
            continue
        head = _head(tokens, first, last)
        e = entities.setdefault(number, Entity(kind, ""))
        e.heads += [(tokens[i][0], tokens[i][1]) for i in range(first, last + 1) if innermost[i] == number]
        if tokens[head][2] == "PROPN":
            lo = hi = head
            while lo > first and _joins(tokens, lo - 1, first, last):
                lo -= 1
            while hi < last and _joins(tokens, hi + 1, first, last):
                hi += 1
            span = (tokens[lo][0], tokens[hi][1])
            e.spans.append(span)
            if not e.name:
                e.name = text[span[0] : span[1]]
    return Doc(name, genre, text, list(entities.values()))


def _joins(tokens: list[tuple[int, int, str, int, int]], i: int, first: int, last: int) -> bool:
    """Is token ``i`` in a proper-noun run: a proper noun, or a hyphen written without spaces
    between two proper nouns of the mention ("Lee-Vance")?"""
    if tokens[i][2] == "PROPN":
        return True
    if not first < i < last:
        return False
    before, here, after = tokens[i - 1], tokens[i], tokens[i + 1]
    return here[1] - here[0] == 1 and before[1] == here[0] and here[1] == after[0] and before[2] == after[2] == "PROPN"


def _head(tokens: list[tuple[int, int, str, int, int]], first: int, last: int) -> int:
    """The mention's syntactic head: its first token whose head lies outside the mention."""
    for i in range(first, last + 1):
        local, head = tokens[i][3], tokens[i][4]
        base = i - local + 1  # index of this sentence's token 1
        if head == 0 or not first <= base + head - 1 <= last:
            return i
    return first
