"""PolNeAR's train split as gold direct quotes with their annotated speakers.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates attributions in news
articles as BRAT standoff. One ``.ann`` line per entity, one per event::

    T1<TAB>Source 10 14<TAB>(the span's text)
    T2<TAB>Cue 15 19<TAB>...
    T3<TAB>Content 21 40;42 60<TAB>...          a discontinuous span: fragments joined by ";"
    T4<TAB>Attribution 15 19<TAB>...            the event trigger (same span as the cue)
    E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1 [Content2:T5]

An event groups one attribution: its trigger (``Attribution``, or
``Attribution-no-source`` when the text names no source), ``Source``, ``Cue``
and ``Content`` roles. A second content entity, ``Content2`` (mostly the rest
of a content interrupted by the source and cue; a few events have only
``Content2``), is merged into the content. Entities no event points to (annotators'
``Discard``/``Discuss`` flags) and ``#`` notes are ignored; the corpus has no
``R``/``A`` lines. Roles are read from the event, not from the entity's type
(two events point a role at an entity of another type). In a handful of
events Source and Cue are swapped (the "source" is "said", the "cue" a name):
they are swapped back.

Gold quotes (:func:`gold_quotes`): in each paragraph -- a block between line
breaks; PolNeAR separates paragraphs by a blank line, but some texts (mostly
HuffPost's, and NYT headline lines) by a single line break -- pair the quotation
marks (“…” or "…"), and keep a pair when at least half of its inner text is
covered by ONE attribution's Content (+ Content2) fragments. That attribution
gives the gold speaker (its Source span). A kept pair whose attribution has no
Source stays a gold quote with ``source == ()``: no prediction can be right
on it, and the benchmark reports how many there are.

Only the train split is ever read: :func:`split_dir` refuses dev and test, so
figures tuned on train never leak into a later held-out evaluation. The texts
are copyrighted; nothing here (code, docstrings, tests) contains any of them.
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "ENV_VAR",
    "SPLIT",
    "Attribution",
    "GoldQuote",
    "CorpusArticle",
    "parse_ann",
    "paragraph_spans",
    "pair_marks",
    "covered",
    "gold_quotes",
    "corpus_root",
    "split_dir",
    "single_annotator_articles",
]

ENV_VAR = "KIT_POLNEAR_DIR"
SPLIT = "train"
HELD_OUT = ("dev", "test")

Spans = tuple[tuple[int, int], ...]

# A "source" that is really a cue: the annotator swapped the two roles.
_CUE_TEXT = re.compile(
    r"(?:said|says|say|saying|told|tells|tell|added|adds|according to|wrote|writes|asked|asks|"
    r"explained|stated|noted|argued|claimed|insisted|declared|continued|tweeted|responded|"
    r"replied|announced|warned|suggested|acknowledged|recalled|concluded|posted)"
)
_ENTITY = re.compile(r"(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)")
_EVENT = re.compile(r"(E\d+)\t(.*)")
_MARKS = re.compile(r'[“”"]')
_MARKS_AND_DOUBLED = re.compile(r"[“”\"]|''")


@dataclass(frozen=True)
class Attribution:
    """One annotated attribution: its fragments by role (offsets into the article text)."""

    id: str
    source: Spans
    cue: Spans
    content: Spans
    swapped: bool = False  # Source and Cue were swapped back


@dataclass(frozen=True)
class GoldQuote:
    """A paired quotation kept as gold: ``start``/``end`` is the text inside the marks."""

    start: int
    end: int
    paragraph: int
    source: Spans  # () when the attribution names no source
    cue: Spans
    attribution: str
    coverage: float


@dataclass(frozen=True)
class CorpusArticle:
    """One single-annotator train article: where its text and annotation are."""

    name: str
    publisher: str
    text_path: Path
    ann_path: Path


def _spans(field: str) -> Spans:
    return tuple((int(a), int(b)) for a, b in (part.split() for part in field.split(";")))


def parse_ann(ann: str) -> list[Attribution]:
    """The attributions of one ``.ann`` file's text, in file order.

    Lines that are not entities or events (notes, and the continuation lines
    of notes that contain line breaks) are skipped.

    >>> ann = "T1\\tSource 0 3\\tAnn\\nT2\\tCue 4 8\\tsaid\\nT3\\tContent 9 20;22 30\\tx\\n"
    >>> ann += "T4\\tAttribution 4 8\\tsaid\\nE1\\tAttribution:T4 Content:T3 Cue:T2 Source:T1\\n"
    >>> parse_ann(ann)
    [Attribution(id='E1', source=((0, 3),), cue=((4, 8),), content=((9, 20), (22, 30)), swapped=False)]
    """
    entities: dict[str, tuple[Spans, str]] = {}
    events: list[tuple[str, str]] = []
    for line in ann.splitlines():
        if m := _ENTITY.fullmatch(line):
            entities[m[1]] = (_spans(m[3]), m[4])
        elif m := _EVENT.fullmatch(line):
            events.append((m[1], m[2]))
    out = []
    for event_id, args in events:
        roles: dict[str, list[str]] = {"Source": [], "Cue": [], "Content": []}
        for arg in args.split():
            role, _, ref = arg.partition(":")
            base = re.sub(r"\d+$", "", role)  # Content2 -> Content
            if base in roles and ref in entities:
                roles[base].append(ref)
        spans = {role: tuple(sorted(s for ref in refs for s in entities[ref][0])) for role, refs in roles.items()}
        texts = {role: " ".join(entities[ref][1] for ref in refs).strip().lower() for role, refs in roles.items()}
        swapped = bool(_CUE_TEXT.fullmatch(texts["Source"])) and not _CUE_TEXT.fullmatch(texts["Cue"])
        if swapped:
            spans["Source"], spans["Cue"] = spans["Cue"], spans["Source"]
        out.append(Attribution(event_id, spans["Source"], spans["Cue"], spans["Content"], swapped))
    return out


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """The paragraphs: maximal runs of text between line breaks, white space kept.

    >>> paragraph_spans("Head\\n\\nOne.\\nTwo.\\n")
    [(0, 4), (6, 10), (11, 15)]
    """
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m[0].strip()]


def pair_marks(
    text: str, start: int = 0, end: int | None = None, *, doubled_apostrophes: bool = False
) -> list[tuple[int, int]]:
    """Pairs of quotation marks in ``text[start:end]`` as ``(open, close)`` offsets of the marks.

    One pass, one open mark at a time: “ opens (a second “ before any close
    drops the first, which was never closed); ” closes the open mark; a
    straight " closes the open mark if there is one, else opens. So a quote
    typed with mixed marks ("…” or “…") still pairs. An unclosed mark is
    dropped (a quote running on into the next paragraph); so are empty pairs.
    With ``doubled_apostrophes``, ``''`` (the New York Times texts' mark,
    outside the gold definition) behaves like "; its offset is then that of
    an opening mark's second character and a closing mark's first.

    >>> pair_marks('“A,” he said. “B “C.” "D” “E')
    [(0, 3), (17, 20), (22, 24)]
    """
    end = len(text) if end is None else end
    pairs: list[tuple[int, int]] = []
    opened: int | None = None
    for m in (_MARKS_AND_DOUBLED if doubled_apostrophes else _MARKS).finditer(text, start, end):
        mark = m[0]
        if mark == "“":
            opened = m.end() - 1
        elif opened is not None:
            pairs.append((opened, m.start()))
            opened = None
        elif mark != "”":
            opened = m.end() - 1
    return [p for p in pairs if text[p[0] + 1 : p[1]].strip()]


def covered(start: int, end: int, spans: Spans) -> int:
    """How many characters of ``[start, end)`` the (possibly overlapping) spans cover.

    >>> covered(0, 10, ((2, 5), (4, 8), (20, 30)))
    6
    """
    total, reach = 0, start
    for a, b in sorted(spans):
        a, b = max(a, reach), min(b, end)
        if b > a:
            total += b - a
            reach = b
    return total


def gold_quotes(text: str, attributions: list[Attribution], *, doubled_apostrophes: bool = False) -> list[GoldQuote]:
    """The paired quotations at least half covered by one attribution's content.

    When several attributions cover a pair equally (a quote inside a reported
    statement that is itself attributed), the one with the smallest content
    wins: it is the one whose speaker said the quoted words. ``doubled_apostrophes``
    only serves to count the quotes this definition leaves out (see :func:`pair_marks`).

    >>> attr = Attribution("E1", ((0, 3),), ((4, 8),), ((9, 20),))
    >>> gold_quotes('Ann said “we will” and "no"', [attr])
    [GoldQuote(start=10, end=17, paragraph=0, source=((0, 3),), cue=((4, 8),), attribution='E1', coverage=1.0)]
    """
    out = []
    for index, (p_start, p_end) in enumerate(paragraph_spans(text)):
        for open_, close in pair_marks(text, p_start, p_end, doubled_apostrophes=doubled_apostrophes):
            start, end = open_ + 1, close
            best: tuple[float, int, int] | None = None
            for order, attr in enumerate(attributions):
                share = covered(start, end, attr.content) / (end - start)
                size = sum(b - a for a, b in attr.content)
                if share >= 0.5 and (best is None or (-share, size, order) < best):
                    best = (-share, size, order)
            if best is not None:
                attr = attributions[best[2]]
                out.append(GoldQuote(start, end, index, attr.source, attr.cue, attr.id, -best[0]))
    return out


def corpus_root(environ: dict[str, str] | None = None) -> tuple[Path | None, str]:
    """The PolNeAR data folder named by ``KIT_POLNEAR_DIR``, or ``None`` and why it is skipped.

    Raises:
        ValueError: the variable names a held-out split's folder itself.
    """
    value = (os.environ if environ is None else environ).get(ENV_VAR, "").strip()
    if not value:
        return None, (
            f"{ENV_VAR} is not set; set it to the PolNeAR data folder that holds "
            f"{SPLIT}/ and metadata.tsv to measure quote attribution"
        )
    root = Path(value).expanduser()
    if root.name in HELD_OUT:
        raise ValueError(
            f"{ENV_VAR}={value} points at PolNeAR's {root.name} split, which this benchmark "
            f"never reads (held out); point it at the folder that contains {SPLIT}/ and metadata.tsv"
        )
    if not (root / SPLIT).is_dir() or not (root / "metadata.tsv").is_file():
        return None, f"{ENV_VAR}={value} has no {SPLIT}/ folder and metadata.tsv; nothing to measure"
    return root, ""


def split_dir(root: Path, split: str = SPLIT) -> Path:
    """The folder of one split; only ``train`` may be read.

    >>> split_dir(Path("polnear"), "dev")
    Traceback (most recent call last):
    ValueError: refusing to read PolNeAR's dev split: the benchmark may only use train (dev and test stay held out)
    """
    if split != SPLIT:
        raise ValueError(
            f"refusing to read PolNeAR's {split} split: the benchmark may only use {SPLIT} "
            f"({' and '.join(HELD_OUT)} stay held out)"
        )
    path = root / split
    if path.resolve().name in HELD_OUT:
        raise ValueError(f"refusing to read {path}: it links to the held-out {path.resolve().name} split")
    return path


def single_annotator_articles(root: Path) -> list[CorpusArticle]:
    """The train articles annotated by one annotator (one ``.ann``), with their publisher.

    Raises:
        ValueError: a file in ``train/`` is listed under another compartment in metadata.tsv.
    """
    train = split_dir(root)
    with open(root / "metadata.tsv", encoding="utf-8", newline="") as f:
        meta = {row["filename"]: row for row in csv.DictReader(f, delimiter="\t")}
    anns: dict[str, list[Path]] = {}
    for path in sorted((train / "attributions").glob("*.ann")):
        anns.setdefault(path.stem.rsplit("_", 1)[0], []).append(path)
    out = []
    for text_path in sorted((train / "text").glob("*.txt")):
        row = meta.get(text_path.stem)
        if row is None:
            continue
        if row["compartment"] != SPLIT:
            raise ValueError(
                f"{text_path.name} lies in {train} but metadata.tsv puts it in "
                f"{row['compartment']!r}; refusing to read it (only {SPLIT} may be used)"
            )
        found = anns.get(text_path.stem, [])
        if len(found) == 1:
            out.append(CorpusArticle(text_path.stem, row["publisher"], text_path, found[0]))
    return out
