"""Collecting a class's coding files: many files, a folder, or one zip (as an LMS download gives it).

Each file is read with the coding-file checks of :mod:`kit.learner.codingfile` and
:mod:`kit.learner.storage` (kind, version, article). A file that cannot be used is
named in one line and skipped; the rest are analysed:

* ``unreadable`` / ``too large`` / ``not a coding``: damaged, huge, or another kind of file;
* ``newer version``: saved by a newer kit; ``other article``: a coding of another article;
* ``other scheme``: codes positions this case does not have (made with another case file);
* ``empty``: codes no stance; ``duplicate``: the same file twice;
* ``older file``: the same learner sent several files (the one saved last is used).

The same learner is recognised by the ``learner_id`` their files carry
(:mod:`kit.learner.identity`: asked once, stored in the learner folder), else by
name; two learners with one name but different ids are both kept ("Ana (2)").
Exit-ticket answers a learner chose to send travel in the same file
(``answers``); :meth:`ClassFiles.answers` tallies them per question.

Nothing is ever written, moved or extracted: :mod:`.class_inputs` reads files
into memory, zip members through :mod:`zipfile` without touching the disk,
with limits on the number and size of files.

A learner is named by the file's ``learner`` entry if it has one, else by the
folder the file is in (a Moodle-style ``Jane Doe_123_assignsubmission_file_``
gives "Jane Doe"), else by the file name; :meth:`ClassFiles.anonymised`
renames them "Learner 1", "Learner 2", ... for projection in class.

>>> import kit
>>> files = collect_codings(kit.load_case(), example_class())
>>> len(files.learners) > 10, files.synthetic
(True, True)
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from ..data import data_file
from ..errors import KitError, SaveError
from ..fileio import one_line
from ..records import NO_STANCE, Case
from .class_inputs import SKIP_KINDS, Skipped, Source, read_inputs
from .codingfile import FORMAT, VERSION, Coding, case_identity, coding_stances, parse_rows
from .storage import parse_record

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis.class_agreement import ClassAgreement

__all__ = [
    "SKIP_KINDS",
    "LearnerFile",
    "Skipped",
    "ClassFiles",
    "QuestionTally",
    "collect_codings",
    "class_case",
    "example_class",
]

#: How many files skipped for the same reason are named before the rest are counted in one line.
SAME_REASON_SHOWN = 10
_LMS_FOLDER = re.compile(r"_\d+_assignsubmission_file_?$")


@dataclass(frozen=True)
class LearnerFile:
    """One learner's coding: ``coding`` as in :mod:`kit.learner.codingfile`; ``notes`` holds the justifications
    the file gives (a row's ``note``), ``source`` where it came from (file, or zip and member)."""

    name: str
    source: str
    coding: Coding
    notes: dict[tuple[str, str], str] = field(default_factory=dict)
    saved: str = ""
    digest: str = ""
    learner_id: str = ""
    answers: tuple[dict[str, Any], ...] = ()

    def stances(self) -> dict[tuple[str, str], str]:
        """``{(actor, position): stance}`` for the pairs with a stance."""
        return {k: e["value"] for k, e in self.coding.items() if e.get("value")}


@dataclass(frozen=True)
class QuestionTally:
    """One exit-ticket question as the class answered it: ``counts`` per option chosen,
    ``correct`` the options marked right, ``feedback`` the feedback each wrong option gave."""

    lesson: str
    question: str
    counts: dict[str, int]
    correct: frozenset[str]
    feedback: dict[str, str]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def rows(self) -> list[tuple[str, int, bool, str]]:
        """``(option, learners, correct, feedback)``, most chosen first."""
        return [
            (o, n, o in self.correct, self.feedback.get(o, ""))
            for o, n in sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))
        ]


@dataclass(frozen=True)
class ClassFiles:
    """The learners' codings that were read, the files skipped, and notes on files read in part."""

    learners: tuple[LearnerFile, ...]
    skipped: tuple[Skipped, ...] = ()
    warnings: tuple[str, ...] = ()
    synthetic: bool = False

    def codings(self) -> dict[str, dict[tuple[str, str], str]]:
        """``{learner name: {(actor, position): stance}}`` for :func:`kit.analysis.class_agreement.class_agreement`."""
        return {f.name: f.stances() for f in self.learners}

    def anonymised(self) -> ClassFiles:
        """The same codings with learners renamed "Learner 1", "Learner 2", ... (in reading order) and
        sources hidden; skipped files keep their names (the teacher needs them, the class view hides them)."""
        learners = tuple(replace(f, name=f"Learner {i}", source=f"file {i}") for i, f in enumerate(self.learners, 1))
        return replace(self, learners=learners)

    def answers(self) -> list[QuestionTally]:
        """The exit-ticket answers in the files, tallied per (lesson, question), in the order first met."""
        found: dict[tuple[str, str], QuestionTally] = {}
        for f in self.learners:
            for row in f.answers:
                key = (row["lesson"], row["question"])
                q = found.setdefault(key, QuestionTally(key[0], key[1], {}, frozenset(), {}))
                q.counts[row["choice"]] = q.counts.get(row["choice"], 0) + 1
                if row["correct"]:
                    found[key] = q = replace(q, correct=q.correct | {row["choice"]})
                elif row["feedback"]:
                    q.feedback.setdefault(row["choice"], row["feedback"])
        return list(found.values())

    def summary_lines(self) -> list[str]:
        """One line for the count, then one per skipped file and per note.

        Of many files skipped for the same reason (a zip of 2,000 pictures) the first
        :data:`SAME_REASON_SHOWN` are named, then one line counts the rest.
        """
        n = len(self.learners)
        head = f"{n} learner{'s' if n != 1 else ''}' codings read"
        if self.skipped:
            head += f"; {len(self.skipped):,} file{'s' if len(self.skipped) != 1 else ''} skipped"
        if self.synthetic:
            head += " (synthetic example files, not real learners)"
        lines, seen = [head + "."], Counter[tuple[str, str]]()
        for s in self.skipped:
            seen[(s.kind, s.reason)] += 1
            if seen[(s.kind, s.reason)] <= SAME_REASON_SHOWN:
                lines.append(s.line())
        for (kind, _reason), count in seen.items():
            if count > SAME_REASON_SHOWN:
                more = count - SAME_REASON_SHOWN
                lines.append(
                    one_line(f"… and {more:,} more file{'s' if more != 1 else ''} skipped for the same reason ({kind})")
                )
        return [*lines, *(one_line(w) for w in self.warnings)]

    def summary(self) -> str:
        """:meth:`summary_lines` as text."""
        return "\n".join(self.summary_lines())


def example_class() -> tuple[str, bytes]:
    """The bundled example set: synthetic class files in one zip (``scripts/make_example_class.py``).

    Returns ``(name, bytes)``, which :func:`collect_codings` reads like an upload.
    """
    return ("example_class.zip", data_file("example_class.zip").read_bytes())


# --- checking each file ----------------------------------------------------------------


def _learner_name(data: dict[str, Any], rel: str) -> str:
    given = data.get("learner")
    if isinstance(given, str) and given.split():
        return one_line(" ".join(given.split())[:80])  # shown in a terminal: no escape sequences
    parts = rel.replace("\\", "/").split("/")
    base = parts[-2] if len(parts) > 1 else re.sub(r"\.json$", "", parts[-1], flags=re.IGNORECASE)
    return one_line(_LMS_FOLDER.sub("", base).strip() or base)


def _reason(exc: SaveError) -> str:
    """The kit's one-line message without the file name in front and the learner's hint behind."""
    return str(exc).split(": ", 1)[-1].split(";")[0]


def _failure_kind(raw: bytes) -> str:
    """Why the coding-file check refused these bytes, as one of :data:`SKIP_KINDS`."""
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return "unreadable"
    return "newer version" if isinstance(data, dict) and data.get("format") == FORMAT else "not a coding"


def _read_one(
    case: Case, identity: dict[str, str], label: str, rel: str, raw: bytes
) -> tuple[LearnerFile | Skipped, list[str]]:
    try:
        data = parse_record(raw, name=label, kind=FORMAT, version=VERSION)
    except SaveError as exc:
        return Skipped(label, _failure_kind(raw), _reason(exc)), []
    try:
        parse_record(raw, name=label, kind=FORMAT, version=VERSION, case_id=identity)
    except SaveError as exc:
        return Skipped(label, "other article", _reason(exc)), []
    rows = data.get("stances")
    if not isinstance(rows, list):
        return Skipped(label, "not a coding", "has no list of stances"), []
    positions = {p.id for p in case.positions}
    foreign = sorted(
        {
            r["position"]
            for r in rows
            if isinstance(r, dict) and isinstance(r.get("position"), str) and r["position"] not in positions
        }
    )
    if foreign:
        shown = ", ".join(foreign[:3]) + (", ..." if len(foreign) > 3 else "")
        return Skipped(
            label,
            "other scheme",
            f"codes positions this case does not have ({shown}): it was made with another case file",
        ), []
    coding, kept = parse_rows(case, rows)
    if not any(e.get("value") for e in coding.values()):
        return Skipped(label, "empty", "codes no stance"), []
    notes = {}
    for r in rows:  # the StanceCoder's one-line reason ("why"); "note" in files from other tools
        if not isinstance(r, dict) or (r.get("actor"), r.get("position")) not in coding:
            continue
        reason = r.get("why") if isinstance(r.get("why"), str) and r["why"].strip() else r.get("note")
        if isinstance(reason, str) and reason.strip():
            notes[(r["actor"], r["position"])] = reason.strip()
    name = _learner_name(data, rel)
    warnings = (
        [
            f"{label}: {len(kept)} row{'s' if len(kept) != 1 else ''} could not be read "
            "(unknown actor, stance or sentence) and were left out"
        ]
        if kept
        else []
    )
    saved = data["saved"] if isinstance(data.get("saved"), str) else ""
    given_id = data.get("learner_id")
    ident = given_id if isinstance(given_id, str) else ""
    answers = _answers(data.get("answers"))
    digest = hashlib.sha256(raw).hexdigest()
    return LearnerFile(name, label, coding, notes, saved, digest, ident[:64], answers), warnings


def _answers(rows: Any) -> tuple[dict[str, Any], ...]:
    """The well-formed exit-ticket answers of a file (others are ignored)."""
    out = []
    for r in rows if isinstance(rows, list) else []:
        if (
            isinstance(r, dict)
            and all(isinstance(r.get(k), str) and r[k].strip() for k in ("lesson", "question", "choice"))
            and isinstance(r.get("correct"), bool)
        ):
            given = r.get("feedback")
            feedback = given if isinstance(given, str) else ""
            out.append(
                {k: str(r[k])[:500] for k in ("lesson", "question", "choice")}
                | {"correct": r["correct"], "feedback": feedback[:500]}
            )
    return tuple(out[:100])


def collect_codings(case: Case, sources: Source | Sequence[Source], *, anonymise: bool = False) -> ClassFiles:
    """Read every learner's exported coding of ``case``.

    Args:
        case: the case the learners coded (its article, positions and actors).
        sources: a file, a folder (read recursively), a zip, ``(name, bytes)`` (an upload),
            or a list of these.
        anonymise: name learners "Learner 1", "Learner 2", ... (for projection).

    Raises:
        KitError: the case has no positions (nothing could be matched).
    """
    if not case.positions:
        raise KitError("this case has no positions: load the case file the learners coded with (kit.load_case(path))")
    identity = case_identity(case)
    read: list[LearnerFile] = []
    skipped: list[Skipped] = []
    warnings: list[str] = []
    seen: dict[str, str] = {}
    synthetic = False
    for item in read_inputs(sources):
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        label, rel, raw = item
        digest = hashlib.sha256(raw).hexdigest()
        if digest in seen:
            skipped.append(Skipped(label, "duplicate", f"is the same file as {seen[digest]}"))
            continue
        seen[digest] = label
        result, notes = _read_one(case, identity, label, rel, raw)
        warnings += notes
        if isinstance(result, Skipped):
            skipped.append(result)
        else:
            read.append(result)
            synthetic = synthetic or b'"synthetic": true' in raw
    latest: dict[str, LearnerFile] = {}

    def who(f: LearnerFile) -> str:
        return f"id:{f.learner_id}" if f.learner_id else f"name:{f.name}"

    for f in read:  # the same learner twice: the file saved last wins (a later one on a tie)
        if who(f) not in latest or f.saved >= latest[who(f)].saved:
            latest[who(f)] = f
    several = set()
    for f in read:
        if latest[who(f)] is not f:
            several.add(who(f))
            skipped.append(
                Skipped(f.source, "older file", f"is an earlier file from {f.name}; {latest[who(f)].source} is used")
            )
    if several:
        n = len(several)
        warnings.append(
            f"Same learner, several files: {n} learner{'s' if n != 1 else ''} sent more than one file "
            "(recognised by the learner id in the file, else the name); each counts once, with the newest file."
        )
    kept, names = [], Counter[str]()
    for f in read:
        if latest[who(f)] is f:
            names[f.name] += 1
            kept.append(f if names[f.name] == 1 else replace(f, name=f"{f.name} ({names[f.name]})"))
    files = ClassFiles(tuple(kept), tuple(skipped), tuple(warnings), synthetic)
    return files.anonymised() if anonymise else files


def class_case(case: Case, files: ClassFiles, agreement: ClassAgreement) -> Case:
    """A copy of ``case`` whose stances are the class's majority coding (for the CoalitionExplorer).

    Each stance's evidence is the sentence most often chosen by the learners who
    gave the majority stance; its note says how many learners gave it. Pairs where
    the class split, or whose most common answer is "no stance in the text", have no
    stance in it (a split class is not an actor's mixed stance).
    """
    from ..analysis.class_agreement import SPLIT

    coding: Coding = {}
    for unit, value in agreement.majority.items():
        if value in (SPLIT, NO_STANCE):
            continue
        sentences = Counter(
            f.coding[unit].get("sentence")
            for f in files.learners
            if unit in f.coding and f.coding[unit].get("value") == value
        )
        sentences.pop(None, None)
        coding[unit] = {"value": value, "sentence": sentences.most_common(1)[0][0] if sentences else None}
    stances = []
    for s in coding_stances(case, coding):
        row = agreement.counts[(s.actor, s.position)]
        stances.append(replace(s, note=f"class majority: {max(row)} of {sum(row)} learners"))
    return replace(case, stances=tuple(stances))
