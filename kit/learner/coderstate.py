"""The StanceCoder's saved state: restore, revisions, merging two writers, atomic saves.

:class:`CodingState` holds the learner's coding of one case and its save file
(no widgets: :class:`~kit.explore.coder.StanceCoder` is a thin view over it). Its
promise is that nothing is lost:

- **Open** removes the temporary files that killed saves left behind, then
  restores the coding. A file that is damaged or not this case's coding is
  moved aside at once (as :mod:`kit.learner.storage` does); one that cannot be read
  (permissions, an I/O error) or whose stances cannot be restored stays where
  it is, and the first save moves it aside before writing.
- **Every save** happens under a lock on the folder and first compares the
  file with what this state last read or wrote (its ``revision`` number and a
  digest of its bytes). If another copy of the coding saved meanwhile (a
  second tab, the notebook opened twice, another process), the two codings
  are merged: each side's changes are kept; where both changed the same
  actor x position differently, this side's stance stays in the file and the
  other side's whole file is kept next to it as ``<name>-conflict-<time>.json``.
- Saves are atomic (temporary file, fsync, rename, fsync of the folder).

>>> import tempfile, pathlib, kit
>>> case = kit.load_case()
>>> path = pathlib.Path(tempfile.mkdtemp()) / "coding.json"
>>> a, b = CodingState(case, path), CodingState(case, path)
>>> a.open(), b.open()
('', '')
>>> a.set("john_kerry", "no_ground_troops", value="support", sentence=None)
>>> b.set("united_kingdom", "air_strikes", value="support", sentence=None)
>>> a.save().startswith("Saved 1 stance")
True
>>> "merged in" in b.save()  # b finds a's save on disk and merges it in
True
>>> again = CodingState(case, path)
>>> again.open(), again.revision
('Restored 2 stances from coding.json.', 2)
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import SaveError
from ..fileio import Refused, read_capped, show
from ..records import Case
from .codingfile import FORMAT, OWN_KEYS, VERSION, Coding, case_identity, parse_rows
from .storage import MAX_SAVE_BYTES, backup, clean_stale_tmp, encode_json, locked, record_problem, save_bytes

__all__ = ["CodingState", "Merge", "merge_codings", "STATE_KEYS"]

#: top-level keys this module writes itself; any other key in a save file is written back as it was
STATE_KEYS = OWN_KEYS | {"revision"}
OTHER_COPY = "Another copy of this coding (another tab, or this notebook opened twice)"


@dataclass(frozen=True)
class Merge:
    """The result of :func:`merge_codings`: the merged coding, how many entries came
    from the other side, and the pairs both sides changed differently (``mine`` kept)."""

    coding: Coding
    taken: int
    conflicts: tuple[tuple[str, str], ...]


def merge_codings(base: Coding, mine: Coding, theirs: Coding) -> Merge:
    """Three-way merge of two codings that both started from ``base``.

    A pair only one side changed takes that side's entry (a removal counts as
    a change); a pair both changed the same way is kept; a pair both changed
    differently keeps ``mine`` and is listed in ``conflicts``.

    >>> merge_codings({}, {("a", "p"): {"value": "support"}}, {("b", "p"): {"value": "oppose"}}).taken
    1
    """
    merged: Coding = {}
    taken, conflicts = 0, []
    for key in sorted(set(base) | set(mine) | set(theirs)):
        b, m, t = base.get(key), mine.get(key), theirs.get(key)
        if m == t or t == b:
            entry = m
        elif m == b:
            entry, taken = t, taken + 1
        else:
            entry = m
            conflicts.append(key)
        if entry is not None:
            merged[key] = dict(entry)
    return Merge(merged, taken, tuple(conflicts))


@dataclass(frozen=True)
class _Disk:
    """What the save file holds right now: its bytes, or why there are none (both None: no file)."""

    raw: bytes | None = None
    error: str | None = None

    @property
    def digest(self) -> str | None:
        return None if self.raw is None else hashlib.sha256(self.raw).hexdigest()


class CodingState:
    """The learner's coding of ``case``, saved to ``path``; call :meth:`open` first.

    Attributes:
        coding: ``{(actor, position): {"value": stance or None, "sentence": index or None}}``.
        revision: the save file's revision number as last read or written (0: never saved).
        cleaned: the stale temporary files :meth:`open` removed.
    """

    def __init__(self, case: Case, path: str | Path) -> None:
        self.case = case
        self.path = Path(path)
        self.identity = case_identity(case)
        self.coding: Coding = {}
        self.revision = 0
        self.cleaned: list[Path] = []
        self._kept: list[Any] = []  # saved rows this case does not know: written back, never dropped
        self._extra: dict[str, Any] = {}  # saved top-level keys this module does not know: written back too
        self._base: Coding = {}  # the coding as last read from or written to the file
        # digest of the file's bytes as last read or written; None: no file; "": a file that
        # could not be used, which the next save must look at again (merge it or move it aside)
        self._seen: str | None = None
        self._note = ""  # where the learner's earlier work went; repeated after every save

    # --- reading -------------------------------------------------------------

    def open(self) -> str:
        """Remove stale temporary files, then restore the saved coding; returns the message for the learner."""
        self.cleaned = clean_stale_tmp(self.path)
        disk = self._read()
        if disk.error is not None:
            self._seen = ""
            return (
                f"{show(self.path.name)}: cannot be read ({disk.error}), so your earlier coding was not restored; "
                "fix that and run this cell again, or your first change moves it aside to a backup and starts a fresh file."
            )
        if disk.raw is None:
            return ""
        data, problem, reason = self._parse(disk.raw)
        if reason in ("corrupt", "foreign"):
            try:
                kept = backup(self.path, reason=reason)
            except SaveError as exc:
                self._seen = ""
                return str(exc)
            return f"{show(self.path.name)}: {problem}; it was kept as {kept.name} and a fresh file will be started"
        assert data is not None
        self._extra = {k: v for k, v in data.items() if k not in STATE_KEYS}
        self.revision = _revision(data)
        if problem:
            self._seen = ""
            return f"{show(self.path.name)}: {problem}; it will be kept as a backup before your first change is saved."
        self.coding, self._kept = parse_rows(self.case, data.get("stances"))
        self._base, self._seen = _copy(self.coding), disk.digest
        n = self.stance_count()
        return f"Restored {n} stance{'s' if n != 1 else ''} from {show(self.path.name)}."

    def _read(self) -> _Disk:
        try:
            return _Disk(raw=read_capped(self.path, limit=MAX_SAVE_BYTES, what="save file"))
        except Refused as exc:  # permissions, an I/O error, a folder, pipe or device where the file should be
            return _Disk() if exc.reason == "no such file" else _Disk(error=exc.cause)

    def _parse(self, raw: bytes) -> tuple[dict[str, Any] | None, str, str]:
        """``(data, problem, reason)``: reason "corrupt" or "foreign" (data None), "unreadable"
        (data whose stances cannot be restored) or "" (usable)."""
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            return None, "is damaged (not valid JSON)", "corrupt"
        problem = record_problem(data, kind=FORMAT, version=VERSION, case_id=self.identity)
        if problem is not None:
            return None, problem, "foreign"
        rows = data.get("stances")
        if rows is not None and not isinstance(rows, list):
            return data, "its stances are not a list, so none could be restored", "unreadable"
        return data, "", ""

    # --- changing and saving -------------------------------------------------------

    def set(
        self,
        actor: str,
        position: str,
        *,
        value: str | None,
        sentence: int | None,
        kind: str | None = None,
        why: str = "",
    ) -> None:
        """Code one pair (no value, sentence or reason: not coded); :meth:`save` writes it.

        ``kind`` is the evidence type the learner chose (``None``: read from the
        sentence) and ``why`` the learner's one-line reason.
        """
        if value is None and sentence is None and not why:
            self.coding.pop((actor, position), None)
        else:
            self.coding[(actor, position)] = {"value": value, "sentence": sentence, "type": kind, "why": why}

    def stance_count(self) -> int:
        return sum(1 for e in self.coding.values() if e.get("value"))

    def record(self, *, revision: int | None = None) -> dict[str, Any]:
        """The save file's contents (also what an export holds)."""
        art = self.case.article
        rows: list[Any] = []
        for (actor, position), entry in sorted(self.coding.items()):
            i = entry.get("sentence")
            text = "" if i is None else art.text[art.sentences[i].start : art.sentences[i].end]
            row = {"actor": actor, "position": position, "value": entry.get("value"), "sentence": i, "evidence": text}
            row.update({k: entry[k] for k in ("type", "why") if entry.get(k)})  # only when the learner gave them
            rows.append(row)
        return {
            "format": FORMAT,
            "version": VERSION,
            "case": dict(self.identity),
            "revision": self.revision if revision is None else revision,
            "saved": _dt.datetime.now().isoformat(timespec="seconds"),
            "stances": rows + self._kept,
            **self._extra,
        }

    def save(self) -> str:
        """Write the coding, merging what another copy saved since; returns the message for the learner.

        Raises:
            SaveError: the file could not be written, or a file in the way could not be
                moved aside; nothing on disk was overwritten.
        """
        notes: list[str] = []
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SaveError(
                f"{self.path.parent}: cannot create the folder ({exc.strerror or exc}); check that you can write there"
            ) from None
        with locked(self.path.parent):
            disk = self._read()
            if disk.raw is not None and disk.digest == self._seen:
                pass  # nobody else wrote since this state last read or wrote the file
            elif disk.error is not None:
                self._move_aside("unreadable", f"it could not be read: {disk.error}")
            elif disk.raw is not None:
                data, problem, reason = self._parse(disk.raw)
                if reason:
                    self._move_aside(reason, problem)
                else:
                    assert data is not None
                    notes += self._merge(data, disk)
            elif self._seen:
                notes.append(f"{show(self.path.name)} had been removed; it was written again with your coding.")
            revision = self.revision + 1
            raw = encode_json(self.record(revision=revision), name=show(self.path.name))
            save_bytes(self.path, raw)
        self.revision, self._seen, self._base = revision, hashlib.sha256(raw).hexdigest(), _copy(self.coding)
        n = self.stance_count()
        saved = f"Saved {n} stance{'s' if n != 1 else ''} to {show(self.path.name)} at {_dt.datetime.now():%H:%M:%S}."
        return " ".join([saved, *notes]) + self._note

    def _move_aside(self, reason: str, why: str) -> None:
        """Move the file in the way to a dated backup (raising SaveError if that fails) and say where it went."""
        kept = backup(self.path, reason=reason)
        self._seen, self._base = None, {}
        self._note = f" Your earlier file ({why}) was kept as {kept.name}."

    def _merge(self, data: dict[str, Any], disk: _Disk) -> list[str]:
        """Take in what another copy saved; returns what to tell the learner."""
        theirs, their_kept = parse_rows(self.case, data.get("stances"))
        merge = merge_codings(self._base, self.coding, theirs)
        notes = []
        if merge.conflicts:
            assert disk.raw is not None
            where = self._keep_other(disk.raw)
            pairs = ", ".join(self._pair_name(k) for k in merge.conflicts[:3])
            more = f" and {len(merge.conflicts) - 3} more" if len(merge.conflicts) > 3 else ""
            self._note = (
                f" {OTHER_COPY} coded {pairs}{more} differently: "
                f"your stance is kept here, the other one in {where.name}."
            )
        elif merge.taken:
            notes.append(f"{OTHER_COPY} had saved changes too: they were merged in, nothing was lost.")
        self.coding = merge.coding
        self._kept = their_kept + [row for row in self._kept if row not in their_kept]
        self._extra = {k: v for k, v in data.items() if k not in STATE_KEYS}
        # the other copy's file is now the base this state's own changes sit on
        self.revision, self._seen, self._base = max(self.revision, _revision(data)), disk.digest, theirs
        return notes

    def _keep_other(self, raw: bytes) -> Path:
        """Write the other copy's whole file next to the save file, under a new dated name."""
        stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target, n = self.path.with_name(f"{self.path.stem}-conflict-{stamp}.json"), 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{self.path.stem}-conflict-{stamp}-{n}.json")
        return save_bytes(target, raw)

    def _pair_name(self, key: tuple[str, str]) -> str:
        actors = {a.id: a.name for a in self.case.actors}
        positions = {p.id: p.label for p in self.case.positions}
        return f"{actors.get(key[0], key[0])} on {positions.get(key[1], key[1])!r}"

    def export(self, path: str | Path, *, extra: dict[str, Any] | None = None) -> Path:
        """Write a copy of the coding to ``path`` (atomically); returns the path.

        ``extra`` adds top-level keys to the copy only (the learner's name and id, exit-ticket answers).
        """
        path = Path(path)
        return save_bytes(path, encode_json({**self.record(), **(extra or {})}, name=path.name))


def _revision(data: dict[str, Any]) -> int:
    value = data.get("revision")
    return value if type(value) is int and value >= 0 else 0


def _copy(coding: Coding) -> Coding:
    return {key: dict(entry) for key, entry in coding.items()}
