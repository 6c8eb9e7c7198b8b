"""The learner's coding file: what a save or export holds, reading it back, comparing two.

A coding is ``{(actor, position): {"value": stance, "no stance" or None, "sentence": index or None,
"type": evidence type or None, "why": the learner's one-line reason}}`` (``type`` and ``why``
are optional: files without them still read, and ``None`` means "as the kit reads it").
``"no stance"`` (:data:`~kit.records.NO_STANCE`) is the learner's answer "the text gives this
actor no stance on this position", unlike a pair left out (not coded); files written before it
existed read as they did. An export also carries the learner's ``learner`` name and
``learner_id`` (:mod:`kit.learner.identity`) and, if the learner chose, their exit-ticket
``answers``.
Files are kit records (:mod:`kit.learner.storage`) of kind :data:`FORMAT`, tied to the
article by :func:`case_identity`. :func:`read_coding` reads someone else's file
(a path or an upload's bytes) without touching the disk; :func:`compare_files`
compares two exported codings, e.g. two learners' files for a teacher.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..analysis.intercoder import compare_codings
from ..errors import KitError, SaveError
from ..fileio import check_upload, show
from ..records import CODING_VALUES, EVIDENCE_TYPES, Case, Stance
from .storage import MAX_SAVE_BYTES, parse_record, read_bytes

if TYPE_CHECKING:
    from ..analysis.intercoder import Agreement

__all__ = [
    "FORMAT",
    "VERSION",
    "OWN_KEYS",
    "Coding",
    "file_slug",
    "case_identity",
    "coding_stances",
    "evidence_type",
    "kappa_words",
    "parse_rows",
    "read_coding",
    "compare_files",
]

FORMAT = "kit-coding"
VERSION = 1
#: top-level keys the coder writes itself; any other key in a save file is written back as it was
OWN_KEYS = frozenset({"format", "version", "case", "saved", "stances"})

Coding = dict[tuple[str, str], dict[str, Any]]


def case_identity(case: Case) -> dict[str, str]:
    """The case's identity stored in save files: its title and the article's SHA-256."""
    digest = hashlib.sha256(case.article.text.encode("utf-8")).hexdigest()
    return {"title": case.title or "", "article_sha256": digest}


def file_slug(text: str) -> str:
    """A short, file-name-safe form of a title (for default save-file names)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "article"


def evidence_type(case: Case, actor_id: str, start: int, end: int) -> str:
    """How a passage reaches the reader for this actor: anonymous, direct, reported or narration."""
    actor = case.get_actor(actor_id)
    if actor is not None and actor.kind == "anonymous":
        return "anonymous"
    art = case.article
    if any(q.speaker == actor_id and q.start < end and q.end > start for q in art.quotes):
        return "direct"
    if any(r.speaker == actor_id and r.start < end and r.end > start for r in art.reported):
        return "reported"
    return "narration"


def kappa_words(kappa: float) -> str:
    """Cohen's kappa in words (Landis & Koch)."""
    if kappa != kappa:  # NaN
        return "not defined for these codings"
    for limit, words in (
        (0.0, "no agreement beyond chance"),
        (0.2, "slight"),
        (0.4, "fair"),
        (0.6, "moderate"),
        (0.8, "substantial"),
    ):
        if kappa <= limit:
            return words
    return "almost perfect"


def coding_stances(case: Case, coding: Coding) -> tuple[Stance, ...]:
    """Stance records for a coding (entries with a value only, "no stance" included as a value); the
    learner's evidence type wins over the kit's reading, and the learner's reason becomes the stance's ``note``."""
    out = []
    art = case.article
    for (actor, position), entry in coding.items():
        if not entry.get("value"):
            continue
        i, chosen, why = entry.get("sentence"), entry.get("type"), entry.get("why") or ""
        if i is None:
            out.append(Stance(actor, position, entry["value"], "", chosen or "narration", note=why))
            continue
        s = art.sentences[i]
        out.append(
            Stance(
                actor,
                position,
                entry["value"],
                art.text[s.start : s.end],
                chosen or evidence_type(case, actor, s.start, s.end),
                s.start,
                s.end,
                note=why,
            )
        )
    return tuple(out)


def parse_rows(case: Case, rows: Any) -> tuple[Coding, list[Any]]:
    """Split saved rows into a coding of this case and the rows it does not know (kept as they are)."""
    actors, positions = {a.id for a in case.actors}, {p.id for p in case.positions}
    n = len(case.article.sentences)
    coding: Coding = {}
    kept: list[Any] = []
    for row in rows if isinstance(rows, list) else []:
        ok = (
            isinstance(row, dict)
            and row.get("actor") in actors
            and row.get("position") in positions
            and row.get("value") in (None, *CODING_VALUES)
            and (row.get("sentence") is None or (type(row.get("sentence")) is int and 0 <= row["sentence"] < n))
            and row.get("type") in (None, *EVIDENCE_TYPES)
            and isinstance(row.get("why", ""), (str, type(None)))
        )
        if ok:
            coding[(row["actor"], row["position"])] = {
                "value": row.get("value"),
                "sentence": row.get("sentence"),
                "type": row.get("type"),
                "why": row.get("why") or "",
            }
        else:
            kept.append(row)
    return coding, kept


def read_coding(case: Case, source: str | Path | bytes, *, name: str | None = None) -> Coding:
    """Someone else's exported coding of ``case``, from a file path or the file's bytes (an upload).

    Nothing on disk is moved or written. ``name`` is how messages call the file
    (default: the file's name, or "the uploaded file").

    Raises:
        SaveError: the file is missing, empty, not JSON, not a coding, or a coding of another article.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        name, raw = check_upload(name, source, limit=MAX_SAVE_BYTES, what="coding file", error=SaveError)
    else:
        raw, name = read_bytes(source, what="coding file"), show(name or Path(source).name)
    data = parse_record(raw, name=name, kind=FORMAT, version=VERSION, case_id=case_identity(case))
    if not isinstance(data.get("stances"), list):
        raise SaveError(f"{name}: has no list of stances; choose a file exported from this lesson")
    return parse_rows(case, data["stances"])[0]


def compare_files(case: Case, a: str | Path | bytes, b: str | Path | bytes) -> Agreement:
    """Compare two exported codings of ``case`` (e.g. two learners' files); returns the
    :class:`~kit.analysis.Agreement` of ``a`` (first) with ``b`` (second).

    Show it with ``kit.explore.coderview.render_pair(case, agreement, first=..., second=...)``.

    Raises:
        SaveError: a file cannot be read or is not a coding of this case.
        KitError: the case has no positions, or neither file codes a stance.
    """

    if not case.positions:
        raise KitError("this case has no positions to compare on; load the case file the codings were made for")
    first, second = (coding_stances(case, read_coding(case, x)) for x in (a, b))
    return compare_codings(first, second, positions=[p.id for p in case.positions])
