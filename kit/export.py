"""Export an article or a case for other tools.

* :func:`to_dict` - the public JSON export (schema in ``docs/schema.md``): an
  :class:`~kit.records.Article` or a :class:`~kit.records.Case` as plain
  JSON-ready data. The shape is a documented interface: add keys, never rename
  or remove them (bump ``SCHEMA`` only on a breaking change);
* :func:`write_csv` - ``actors.csv``, ``mentions.csv``, ``quotes.csv``,
  ``stances.csv`` (spreadsheets, pandas, R);
* :func:`write_graphml` - the agreement network (Gephi, yEd, Cytoscape);
* :func:`write_dna` - the stances as a statement list in the shape of the
  event list of Leifeld's Discourse Network Analyzer (one row per statement:
  actor, concept, agreement qualifier).

CSV files are UTF-8 with a byte-order mark (``utf-8-sig``), so spreadsheet
programs show curly quotes and accents correctly; Python reads them back with
``open(path, encoding="utf-8-sig", newline="")`` and pandas with
``pd.read_csv(path)``. Empty cells stand for "not known".

>>> import kit, tempfile
>>> data = to_dict(kit.load_article())
>>> data["schema"], data["article"]["credits"]["writing"]
('kit.article/1', ['Phil Stewart'])
>>> paths = write_csv(kit.load_case(), tempfile.mkdtemp())
>>> [p.name for p in paths]
['actors.csv', 'mentions.csv', 'quotes.csv', 'stances.csv']
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from .analysis import agreement_network, communities
from .analysis import coalitions as detect
from .analysis.selection import select_stances
from .errors import KitError, SaveError
from .records import Actor, Article, Case, require_case
from .writing import refuse_read_only

__all__ = [
    "SCHEMA",
    "CSV_ENCODING",
    "CSV_TABLES",
    "DNA_AGREEMENT",
    "to_dict",
    "article_dict",
    "write_csv",
    "write_graphml",
    "write_dna",
]

#: Schema name and major version of the export.
SCHEMA = "kit.article/1"


def _actor(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "aliases": list(actor.aliases),
        "role": actor.role,
        "country": actor.country,
        "member_of": list(actor.member_of),
    }


def article_dict(article: Article) -> dict[str, Any]:
    """The ``article`` block: text, paragraphs, sentences, credits."""
    credits = article.credits
    return {
        "source": article.source,
        "text": article.text,
        "paragraphs": [asdict(p) for p in article.paragraphs],
        "sentences": [asdict(s) for s in article.sentences],
        "credits": {
            "by": list(credits.by),
            "additional_reporting": list(credits.additional_reporting),
            "writing": list(credits.writing),
            "editing": list(credits.editing),
            "paragraph": credits.paragraph,
        },
    }


def to_dict(obj: Article | Case, *, coalitions: bool = True) -> dict[str, Any]:
    """The whole export for an article or a case (article + coding).

    Args:
        obj: a parsed article, or a case (its merged actors and extra mentions are used).
        coalitions: for a case with stances, also compute the detected
            coalitions (needs networkx; skipped when False).
    """
    if isinstance(obj, Case):
        case: Case | None = obj
        article = obj.article
    elif isinstance(obj, Article):
        case, article = None, obj
    else:
        raise KitError(
            f"expected an Article or a Case (kit.load_article() / kit.load_case()), not {type(obj).__name__}"
        )
    actors = case.actors if case else article.actors
    mentions = case.mentions if case else article.mentions
    data: dict[str, Any] = {
        "schema": SCHEMA,
        "article": article_dict(article),
        "actors": [_actor(a) for a in actors],
        "mentions": [asdict(m) for m in mentions],
        "quotes": [asdict(q) for q in article.quotes],
        "reported": [asdict(r) for r in article.reported],
        "positions": [],
        "stances": [],
        "groups": [],
        "coalitions": [],
    }
    if case is None:
        return data
    data["title"] = case.title
    data["positions"] = [asdict(p) for p in case.positions]
    data["stances"] = [asdict(s) for s in case.stances]
    data["groups"] = [
        {
            "id": g.id,
            "name": g.name,
            "members": list(g.members),
            "basis": g.basis,
            "source": g.source,
            "evidence": g.evidence,
        }
        for g in case.groups
    ]
    if coalitions and case.stances:
        data["coalitions"] = [list(c) for c in detect(case)]
    return data


CSV_ENCODING = "utf-8-sig"
#: The tables :func:`write_csv` writes, in this order.
CSV_TABLES = ("actors.csv", "mentions.csv", "quotes.csv", "stances.csv")
#: DNA's agreement qualifier is 1 (agrees) / 0 (disagrees); the kit's two further values are written as words.
DNA_AGREEMENT = {"support": "1", "oppose": "0", "conditional": "conditional", "undecided": "undecided"}


def _check(case: Case) -> None:
    require_case(case)


def _cell(value: Any) -> Any:
    return "" if value is None else value


def _write(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Path:
    try:
        with path.open("w", encoding=CSV_ENCODING, newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(header)
            for row in rows:
                writer.writerow([_cell(v) for v in row])
    except OSError as exc:
        raise SaveError(
            f"{path}: cannot be written ({exc.strerror or exc}); choose a folder you can write to"
        ) from None
    return path


def _target_file(path: str | Path) -> Path:
    p = Path(path)
    if p.is_dir():
        raise SaveError(f"{p}: is a folder; give a file name, e.g. {p / 'network.graphml'}")
    refuse_read_only(p, instead="write to another file")
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SaveError(f"{p.parent}: cannot create the folder ({exc.strerror or exc}); choose another place") from None
    return p


def write_csv(case: Case, out_dir: str | Path) -> list[Path]:
    """Write the case as four CSV tables into ``out_dir`` (created if missing).

    Columns: ``actors.csv`` id, name, kind, role, country, aliases, member_of,
    mentions; ``mentions.csv`` actor, start, end, paragraph, text;
    ``quotes.csv`` type (quote | reported), speaker, speaker_name, cue,
    rule (the attribution rule that gave a quote its speaker), paragraph,
    start, end, text; ``stances.csv`` actor, actor_name, position,
    position_label, value, evidence_type, evidence, start, end, note.
    Several aliases or groups in one cell are separated by ``"; "``.

    Raises:
        SaveError: ``out_dir`` is a file or cannot be written, or one of the
            tables in it is read-only (then none is written).
    """
    _check(case)
    folder = Path(out_dir)
    if folder.exists() and not folder.is_dir():
        raise SaveError(f"{folder}: is a file; give a folder for the four CSV tables")
    for name in CSV_TABLES:
        refuse_read_only(folder / name, instead="write the tables to another folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SaveError(f"{folder}: cannot create the folder ({exc.strerror or exc}); choose another place") from None
    art = case.article
    counts = Counter(m.actor for m in case.mentions)

    def para(offset: int) -> int | None:
        p = art.paragraph_of(offset)
        return None if p is None else p.index

    labels = {p.id: p.label for p in case.positions}
    out = [
        _write(
            folder / CSV_TABLES[0],
            ["id", "name", "kind", "role", "country", "aliases", "member_of", "mentions"],
            (
                [
                    a.id,
                    a.name,
                    a.kind,
                    a.role,
                    a.country,
                    "; ".join(a.aliases),
                    "; ".join(a.member_of),
                    counts.get(a.id, 0),
                ]
                for a in case.actors
            ),
        ),
        _write(
            folder / CSV_TABLES[1],
            ["actor", "start", "end", "paragraph", "text"],
            ([m.actor, m.start, m.end, para(m.start), art.text[m.start : m.end]] for m in case.mentions),
        ),
        _write(
            folder / CSV_TABLES[2],
            ["type", "speaker", "speaker_name", "cue", "rule", "paragraph", "start", "end", "text"],
            [
                [
                    kind,
                    s.speaker,
                    None if s.speaker is None else case.name_of(s.speaker),
                    s.cue,
                    getattr(s, "rule", None),  # reported speech has no attribution rule
                    s.paragraph,
                    s.start,
                    s.end,
                    art.text[s.start : s.end],
                ]
                for kind, records in (("quote", art.quotes), ("reported", art.reported))
                for s in records
            ],
        ),
        _write(
            folder / CSV_TABLES[3],
            [
                "actor",
                "actor_name",
                "position",
                "position_label",
                "value",
                "evidence_type",
                "evidence",
                "start",
                "end",
                "note",
            ],
            (
                [
                    s.actor,
                    case.name_of(s.actor),
                    s.position,
                    labels.get(s.position, s.position),
                    s.value,
                    s.evidence_type,
                    s.evidence,
                    s.start,
                    s.end,
                    s.note,
                ]
                for s in case.stances
            ),
        ),
    ]
    return out


def write_graphml(
    case: Case,
    path: str | Path,
    *,
    positions: Sequence[str] | None = None,
    evidence: Sequence[str] | None = None,
    level: str = "actor",
) -> Path:
    """Write the agreement network as GraphML.

    Nodes carry ``label`` and ``name`` (display name), ``kind`` and
    ``coalition`` (1 = largest; actors agreeing with no one get their own
    number); edges carry ``weight`` (int) and ``positions`` (ids joined by
    ``"; "``).

    Raises:
        KitError: bad options (see :mod:`kit.analysis`).
        SaveError: the file cannot be written.
    """
    import networkx as nx

    _check(case)
    graph = agreement_network(case, positions=positions, evidence=evidence, level=level)
    found = communities(graph)
    number = {a: i + 1 for i, members in enumerate(found) for a in members}
    out = nx.Graph()
    for n, d in graph.nodes(data=True):
        out.add_node(n, label=str(d["name"]), name=str(d["name"]), kind=str(d["kind"]), coalition=number[n])
    for a, b, d in graph.edges(data=True):
        out.add_edge(a, b, weight=int(d["weight"]), positions="; ".join(d["positions"]))
    target = _target_file(path)
    try:
        nx.write_graphml(out, target, encoding="utf-8")
    except OSError as exc:
        raise SaveError(
            f"{target}: cannot be written ({exc.strerror or exc}); choose a folder you can write to"
        ) from None
    return target


def write_dna(
    case: Case,
    path: str | Path,
    *,
    positions: Sequence[str] | None = None,
    evidence: Sequence[str] | None = None,
    level: str = "actor",
) -> Path:
    """Write the stances as a DNA-style statement list (CSV, one statement per row).

    Columns: statement_id (1, 2, ...), actor, actor_name, concept (the
    position's label), concept_id, agreement (see :data:`DNA_AGREEMENT`: 1
    support, 0 oppose, else the word ``conditional`` / ``undecided``), value,
    text (the evidence), evidence_type, start, end (offsets into the article;
    empty when not located), note. At ``level="state"`` the actor is the state
    the speaker stands for.

    Raises:
        KitError: bad options. SaveError: the file cannot be written.
    """
    _check(case)
    stances = select_stances(case, positions=positions, evidence=evidence, level=level)
    labels = {p.id: p.label for p in case.positions}
    header = [
        "statement_id",
        "actor",
        "actor_name",
        "concept",
        "concept_id",
        "agreement",
        "value",
        "text",
        "evidence_type",
        "start",
        "end",
        "note",
    ]
    rows = (
        [
            i,
            s.actor,
            case.name_of(s.actor),
            labels.get(s.position, s.position),
            s.position,
            DNA_AGREEMENT.get(s.value, s.value),
            s.value,
            s.evidence,
            s.evidence_type,
            s.start,
            s.end,
            s.note,
        ]
        for i, s in enumerate(stances, start=1)
    )
    return _write(_target_file(path), header, rows)
