"""Collecting a class's coding files: many files, a folder, or one zip (as an LMS download gives it).

Each file is read with the coding-file checks of :mod:`kit.learner.codingfile` and
:mod:`kit.learner.storage` (kind, version, article). A file that cannot be used is
named in one line and skipped; the rest are analysed:

* ``unreadable`` / ``too large`` / ``not a coding``: damaged, huge, or another kind of file;
* ``newer version``: saved by a newer kit; ``other article``: a coding of another article;
* ``other scheme``: codes positions this case does not have (made with another case file);
* ``empty``: codes no stance; ``duplicate``: the same file twice;
* ``older file``: the same learner sent several files (the one saved last is used).

Nothing is ever written, moved or extracted: files are read into memory, zip
members through :mod:`zipfile` without touching the disk, with limits on the
number and size of files (:data:`MAX_FILES`, :data:`MAX_FILE_BYTES`,
:data:`MAX_TOTAL_BYTES`).

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
import io
import json
import os
import re
import zipfile
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from ..data import data_file
from ..errors import KitError, SaveError
from ..records import Case
from .codingfile import FORMAT, VERSION, Coding, case_identity, coding_stances, parse_rows
from .storage import parse_record, read_bytes

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis.class_agreement import ClassAgreement

__all__ = ["MAX_FILES", "MAX_FILE_BYTES", "MAX_TOTAL_BYTES", "SKIP_KINDS", "LearnerFile", "Skipped", "ClassFiles",
           "collect_codings", "class_case", "example_class"]

#: at most this many files are read from one folder or zip
MAX_FILES = 2000
#: a coding file larger than this is skipped (a full coding is a few tens of kB)
MAX_FILE_BYTES = 2_000_000
#: at most this many bytes are read in all (zip members uncompressed)
MAX_TOTAL_BYTES = 200_000_000
SKIP_KINDS = ("unreadable", "too large", "not a coding", "newer version", "other article", "other scheme",
              "empty", "duplicate", "older file")

Source = Union[str, Path, tuple[str, bytes], Mapping[str, Any]]
_HIDDEN = re.compile(r"(^|/)(\.|__MACOSX)")
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

    def stances(self) -> dict[tuple[str, str], str]:
        """``{(actor, position): stance}`` for the pairs with a stance."""
        return {k: e["value"] for k, e in self.coding.items() if e.get("value")}


@dataclass(frozen=True)
class Skipped:
    """A file that was not analysed, and why (``kind`` is one of :data:`SKIP_KINDS`)."""

    source: str
    kind: str
    reason: str

    def line(self) -> str:
        """The one line the summary shows."""
        return f"{self.source}: {self.reason} (skipped: {self.kind})"


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

    def summary_lines(self) -> list[str]:
        """One line for the count, then one per skipped file and per note."""
        n = len(self.learners)
        head = f"{n} learner{'s' if n != 1 else ''}' codings read"
        if self.skipped:
            head += f"; {len(self.skipped)} file{'s' if len(self.skipped) != 1 else ''} skipped"
        if self.synthetic:
            head += " (synthetic example files, not real learners)"
        return [head + ".", *(s.line() for s in self.skipped), *self.warnings]

    def summary(self) -> str:
        """:meth:`summary_lines` as text."""
        return "\n".join(self.summary_lines())


def example_class() -> tuple[str, bytes]:
    """The bundled example set: synthetic class files in one zip (``scripts/make_example_class.py``).

    Returns ``(name, bytes)``, which :func:`collect_codings` reads like an upload.
    """
    return ("example_class.zip", data_file("example_class.zip").read_bytes())


# --- reading the inputs (never writing) ---------------------------------------------


def _inputs(sources: Source | Sequence[Source]) -> Iterator[tuple[str, str, bytes] | Skipped]:
    """(label, path for naming, bytes) per file, or a Skipped; zips and folders opened one level."""
    if isinstance(sources, (str, Path, tuple, Mapping)):
        sources = [sources]
    for item in sources:
        if isinstance(item, Mapping):  # an ipywidgets FileUpload entry
            item = (str(item.get("name") or "the uploaded file"), bytes(item.get("content") or b""))
        if isinstance(item, tuple):
            name, raw = item
            yield from (_zip(name, raw) if name.lower().endswith(".zip") else [(name, name, bytes(raw))])
            continue
        path = Path(item)
        if path.is_dir():
            yield from _folder(path)
        elif path.suffix.lower() == ".zip":
            yield from _zip(str(path), path)
        else:
            yield from _file(str(path), path.name, path)


def _file(label: str, rel: str, path: Path) -> Iterator[tuple[str, str, bytes] | Skipped]:
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # read_bytes below names the problem
    if size > MAX_FILE_BYTES:
        yield Skipped(label, "too large", f"is {size // 1000} kB, larger than any coding file")
        return
    try:
        yield (label, rel, read_bytes(path))
    except SaveError as exc:
        yield Skipped(label, "unreadable", str(exc).split(": ", 1)[-1])


def _folder(folder: Path) -> Iterator[tuple[str, str, bytes] | Skipped]:
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not _HIDDEN.search(d))
        found += [Path(root) / f for f in sorted(files) if not _HIDDEN.search(f)]
    if len(found) > MAX_FILES:
        yield Skipped(str(folder), "too large", f"holds {len(found)} files; only the first {MAX_FILES} were read")
        found = found[:MAX_FILES]
    for path in found:
        rel = path.relative_to(folder).as_posix()
        label = str(path)
        if path.suffix.lower() == ".zip":
            yield from _zip(label, path)
        elif path.suffix.lower() != ".json":
            yield Skipped(label, "not a coding", "is not a .json coding file")
        else:
            yield from _file(label, rel, path)


def _zip(label: str, source: Path | bytes) -> Iterator[tuple[str, str, bytes] | Skipped]:
    try:
        if isinstance(source, Path) and source.stat().st_size > MAX_TOTAL_BYTES:
            yield Skipped(label, "too large", "is larger than a class's coding files can be")
            return
        archive = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, (bytes, bytearray)) else source)
    except (zipfile.BadZipFile, OSError, ValueError):
        yield Skipped(label, "unreadable", "is not a readable zip file")
        return
    with archive:
        infos = sorted((i for i in archive.infolist() if not i.is_dir() and not _HIDDEN.search(i.filename)),
                       key=lambda i: i.filename)
        if len(infos) > MAX_FILES:
            yield Skipped(label, "too large", f"holds {len(infos)} files; only the first {MAX_FILES} were read")
            infos = infos[:MAX_FILES]
        total = 0
        for info in infos:
            member = f"{label}:{info.filename}"
            if not info.filename.lower().endswith(".json"):
                kind = "a zip inside the zip: unzip it and give its files" if info.filename.lower().endswith(".zip") else "not a .json coding file"
                yield Skipped(member, "not a coding", f"is {kind}")
                continue
            if info.flag_bits & 0x1:
                yield Skipped(member, "unreadable", "is password-protected")
                continue
            if info.file_size > MAX_FILE_BYTES:
                yield Skipped(member, "too large", f"is {info.file_size // 1000} kB, larger than any coding file")
                continue
            try:
                with archive.open(info) as handle:
                    raw = handle.read(MAX_FILE_BYTES + 1)  # the header's size may lie
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError, EOFError):
                yield Skipped(member, "unreadable", "is damaged inside the zip")
                continue
            if len(raw) > MAX_FILE_BYTES:
                yield Skipped(member, "too large", "unpacks to more than any coding file")
                continue
            total += len(raw)
            if total > MAX_TOTAL_BYTES:
                yield Skipped(member, "too large", "the zip unpacks to too much data; this and later files were not read")
                return
            yield (member, info.filename, raw)


# --- checking each file ----------------------------------------------------------------


def _learner_name(data: dict[str, Any], rel: str) -> str:
    given = data.get("learner")
    if isinstance(given, str) and given.split():
        return " ".join(given.split())[:80]
    parts = rel.replace("\\", "/").split("/")
    base = parts[-2] if len(parts) > 1 else re.sub(r"\.json$", "", parts[-1], flags=re.IGNORECASE)
    return _LMS_FOLDER.sub("", base).strip() or base


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


def _read_one(case: Case, identity: dict[str, str], label: str, rel: str, raw: bytes) -> tuple[LearnerFile | Skipped, list[str]]:
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
    foreign = sorted({r["position"] for r in rows if isinstance(r, dict) and isinstance(r.get("position"), str)
                      and r["position"] not in positions})
    if foreign:
        shown = ", ".join(foreign[:3]) + (", ..." if len(foreign) > 3 else "")
        return Skipped(label, "other scheme", f"codes positions this case does not have ({shown}): "
                                              "it was made with another case file"), []
    coding, kept = parse_rows(case, rows)
    if not any(e.get("value") for e in coding.values()):
        return Skipped(label, "empty", "codes no stance"), []
    notes = {}
    for r in rows:
        if isinstance(r, dict) and (r.get("actor"), r.get("position")) in coding and isinstance(r.get("note"), str) and r["note"].strip():
            notes[(r["actor"], r["position"])] = r["note"].strip()
    name = _learner_name(data, rel)
    warnings = [f"{label}: {len(kept)} row{'s' if len(kept) != 1 else ''} could not be read "
                "(unknown actor, stance or sentence) and were left out"] if kept else []
    saved = data.get("saved") if isinstance(data.get("saved"), str) else ""
    return LearnerFile(name, label, coding, notes, saved, hashlib.sha256(raw).hexdigest()), warnings


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
    for item in _inputs(sources):
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
    for f in read:  # the same learner twice: the file saved last wins (a later one on a tie)
        if f.name not in latest or f.saved >= latest[f.name].saved:
            latest[f.name] = f
    for f in read:
        if latest[f.name] is not f:
            skipped.append(Skipped(f.source, "older file", f"is an earlier file from {f.name}; "
                                                          f"{latest[f.name].source} is used"))
    files = ClassFiles(tuple(f for f in read if latest[f.name] is f), tuple(skipped), tuple(warnings), synthetic)
    return files.anonymised() if anonymise else files


def class_case(case: Case, files: ClassFiles, agreement: ClassAgreement) -> Case:
    """A copy of ``case`` whose stances are the class's majority coding (for the CoalitionExplorer).

    Each stance's evidence is the sentence most often chosen by the learners who
    gave the majority stance; its note says how many learners gave it.
    """
    coding: Coding = {}
    for unit, value in agreement.majority.items():
        sentences = Counter(f.coding[unit].get("sentence") for f in files.learners
                            if unit in f.coding and f.coding[unit].get("value") == value)
        sentences.pop(None, None)
        coding[unit] = {"value": value, "sentence": sentences.most_common(1)[0][0] if sentences else None}
    stances = []
    for s in coding_stances(case, coding):
        row = agreement.counts[(s.actor, s.position)]
        stances.append(replace(s, note=f"class majority: {max(row)} of {sum(row)} learners"))
    return replace(case, stances=tuple(stances))

