"""Reading a class's files into memory: files, folders (recursively), zips, uploads. Never writing.

Zip members are read through :mod:`zipfile` without extraction, each at most
:data:`MAX_FILE_BYTES` (the header's size is not trusted: reading stops one
byte past the limit), at most :data:`MAX_FILES` per folder or zip and
:data:`MAX_TOTAL_BYTES` in all. Hidden files and ``__MACOSX`` folders are
ignored; a zip inside a zip, a password-protected or damaged member, or a file
that is not ``.json`` becomes one :class:`Skipped` line.

>>> list(read_inputs([("a.json", b"{}")]))
[('a.json', 'a.json', b'{}')]
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import SaveError
from .storage import read_bytes

__all__ = ["MAX_FILES", "MAX_FILE_BYTES", "MAX_TOTAL_BYTES", "SKIP_KINDS", "Skipped", "Source", "read_inputs"]

#: at most this many files are read from one folder or zip
MAX_FILES = 2000
#: a coding file larger than this is skipped (a full coding is a few tens of kB)
MAX_FILE_BYTES = 2_000_000
#: at most this many bytes are read in all (zip members uncompressed)
MAX_TOTAL_BYTES = 200_000_000
SKIP_KINDS = (
    "unreadable",
    "too large",
    "not a coding",
    "newer version",
    "other article",
    "other scheme",
    "empty",
    "duplicate",
    "older file",
)

Source = str | Path | tuple[str, bytes] | Mapping[str, Any]
_HIDDEN = re.compile(r"(^|/)(\.|__MACOSX)")


@dataclass(frozen=True)
class Skipped:
    """A file that was not analysed, and why (``kind`` is one of :data:`SKIP_KINDS`)."""

    source: str
    kind: str
    reason: str

    def line(self) -> str:
        """The one line the summary shows."""
        return f"{self.source}: {self.reason} (skipped: {self.kind})"


def read_inputs(sources: Source | Sequence[Source]) -> Iterator[tuple[str, str, bytes] | Skipped]:
    """``(label, path for naming, bytes)`` per file, or a :class:`Skipped`; zips and folders opened one level."""
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
        infos = sorted(
            (i for i in archive.infolist() if not i.is_dir() and not _HIDDEN.search(i.filename)),
            key=lambda i: i.filename,
        )
        if len(infos) > MAX_FILES:
            yield Skipped(label, "too large", f"holds {len(infos)} files; only the first {MAX_FILES} were read")
            infos = infos[:MAX_FILES]
        total = 0
        for info in infos:
            member = f"{label}:{info.filename}"
            if not info.filename.lower().endswith(".json"):
                kind = (
                    "a zip inside the zip: unzip it and give its files"
                    if info.filename.lower().endswith(".zip")
                    else "not a .json coding file"
                )
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
                yield Skipped(
                    member, "too large", "the zip unpacks to too much data; this and later files were not read"
                )
                return
            yield (member, info.filename, raw)
