"""Reading a class's files into memory: files, folders (recursively), zips, uploads. Never writing.

Zip members are read through :mod:`zipfile` without extraction, each at most
:data:`MAX_FILE_BYTES` (the header's size is not trusted: reading stops one
byte past the limit), at most :data:`MAX_FILES` per folder or zip and
:data:`MAX_TOTAL_BYTES` in all. Hidden files and ``__MACOSX`` folders are
ignored; a zip inside a zip, a password-protected or damaged member, or a file
that is not ``.json`` becomes one :class:`Skipped` line. Files and zips on disk
are read by :mod:`kit.fileio` (regular files only, capped while reading: a
named pipe or ``/dev/zero`` is skipped at once); uploads are checked by
:func:`kit.fileio.check_upload`.

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
from typing import Any, BinaryIO

from ..errors import KitError
from ..fileio import Refused, check_upload, one_line, open_regular, read_capped, show, size_text
from .storage import MAX_SAVE_BYTES

__all__ = ["MAX_FILES", "MAX_FILE_BYTES", "MAX_TOTAL_BYTES", "SKIP_KINDS", "Skipped", "Source", "read_inputs"]

#: at most this many files are read from one folder or zip
MAX_FILES = 2000
#: a coding file larger than this is skipped: 2 MB = 2,000,000 bytes (a full coding is a few tens of kB)
MAX_FILE_BYTES = MAX_SAVE_BYTES
#: at most this many bytes are read in all (zip members uncompressed), and the largest zip: 200 MB = 200,000,000 bytes
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
        """The one line the summary shows (names shown safely: control characters escaped)."""
        return one_line(f"{self.source}: {self.reason} (skipped: {self.kind})")


def read_inputs(sources: Source | Sequence[Source]) -> Iterator[tuple[str, str, bytes] | Skipped]:
    """``(label, path for naming, bytes)`` per file, or a :class:`Skipped`; zips and folders opened one level.

    Labels are shown safely (:func:`kit.fileio.show`: a newline or an escape sequence in a name is escaped).
    """
    if isinstance(sources, (str, Path, tuple, Mapping)):
        sources = [sources]
    for item in sources:
        if isinstance(item, Mapping):  # an ipywidgets FileUpload entry
            item = (str(item.get("name") or "the uploaded file"), item.get("content") or b"")
        if isinstance(item, tuple):
            yield from _upload(*item)
            continue
        path = Path(item)
        if path.is_dir():
            yield from _folder(path)
        elif path.suffix.lower() == ".zip":
            yield from _zip(show(path), path)
        else:
            yield from _file(show(path), path.name, path)


def _upload(name: str, raw: Any) -> Iterator[tuple[str, str, bytes] | Skipped]:
    is_zip = name.lower().endswith(".zip")
    limit = MAX_TOTAL_BYTES if is_zip else MAX_FILE_BYTES
    try:
        label, data = check_upload(name, raw, limit=limit, what="zip file" if is_zip else "coding file")
    except KitError as exc:
        yield Skipped(show(name), "too large" if "too large" in str(exc) else "unreadable", _reason(exc))
        return
    yield from (_zip(label, data) if is_zip else [(label, name, data)])


def _reason(exc: KitError) -> str:
    """A refusal without the file name in front and the hint behind."""
    return exc.reason if isinstance(exc, Refused) else str(exc).split(": ", 1)[-1].split(";")[0]


def _file(label: str, rel: str, path: Path) -> Iterator[tuple[str, str, bytes] | Skipped]:
    try:
        yield (label, rel, read_capped(path, limit=MAX_FILE_BYTES, what="coding file"))
    except Refused as exc:
        yield Skipped(label, "too large" if exc.kind == "too large" else "unreadable", exc.reason)


def _folder(folder: Path) -> Iterator[tuple[str, str, bytes] | Skipped]:
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not _HIDDEN.search(d))
        found += [Path(root) / f for f in sorted(files) if not _HIDDEN.search(f)]
    if len(found) > MAX_FILES:
        yield Skipped(show(folder), "too large", f"holds {len(found)} files; only the first {MAX_FILES} were read")
        found = found[:MAX_FILES]
    for path in found:
        rel = path.relative_to(folder).as_posix()
        label = show(path)
        if path.suffix.lower() == ".zip":
            yield from _zip(label, path)
        elif path.suffix.lower() != ".json":
            yield Skipped(label, "not a coding", "is not a .json coding file")
        else:
            yield from _file(label, rel, path)


def _zip(label: str, source: Path | bytes) -> Iterator[tuple[str, str, bytes] | Skipped]:
    try:
        handle: BinaryIO = (
            io.BytesIO(source)
            if isinstance(source, (bytes, bytearray))
            else open_regular(source, limit=MAX_TOTAL_BYTES, what="zip file", split_hint="split the class in parts")
        )
    except Refused as exc:  # a pipe, a device, a folder, unreadable or too large: never opened by zipfile
        yield Skipped(label, "too large" if exc.kind == "too large" else "unreadable", exc.reason)
        return
    try:
        archive = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        handle.close()
        yield Skipped(label, "unreadable", "is not a readable zip file")
        return
    with handle, archive:
        infos = sorted(
            (i for i in archive.infolist() if not i.is_dir() and not _HIDDEN.search(i.filename)),
            key=lambda i: i.filename,
        )
        if len(infos) > MAX_FILES:
            yield Skipped(label, "too large", f"holds {len(infos)} files; only the first {MAX_FILES} were read")
            infos = infos[:MAX_FILES]
        total = 0
        for info in infos:
            member = f"{label}:{show(info.filename)}"
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
                yield Skipped(member, "too large", f"is {size_text(info.file_size)}, larger than any coding file")
                continue
            try:
                with archive.open(info) as member_file:
                    raw = member_file.read(MAX_FILE_BYTES + 1)  # the header's size may lie
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
