"""Learner files: a learner folder and atomic JSON saves that never lose work.

Everything a learner makes (a stance coding, an export for a peer) is saved
as JSON in the learner folder (:func:`learner_dir`): ``$KIT_LEARNER_DIR`` if
set, else ``kit-learner-work/`` beside the lesson notebooks, so the learner
finds it in JupyterLab's file browser (git ignores it), else
``~/kit-learner-work``. A save writes a temporary file in the same folder,
flushes it to disk and then swaps it in with :func:`os.replace`, so a crash in
the middle of a save leaves the previous file intact. A new file gets the
mode ``open()`` would give it (the umask applies), a replaced file keeps its
mode, and a read-only file is never replaced (:mod:`kit.writing`). A file that cannot be
read (corrupt, or not one of ours) is moved aside to a dated backup
(``coding.json.corrupt-20240912-101500``) and reported with a
:class:`~kit.errors.SaveError`: nothing is lost. A save killed half-way leaves
only its temporary file (``.coding.json.pid<writer>.<random>.tmp``);
:func:`clean_stale_tmp` removes those whose writer is gone or that are old.

>>> import json, tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> save_json(folder / "demo.json", {"stances": []}).name
'demo.json'
>>> load_json(folder / "demo.json")
{'stances': []}
"""

from __future__ import annotations

import datetime as _dt
import errno
import json
import os
import random
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import SaveError
from ..fileio import read_regular
from ..writing import open_new, refuse_read_only, replaced_mode

__all__ = [
    "ENV_VAR",
    "FOLDER_NAME",
    "LESSONS_MARKER",
    "lessons_folder",
    "learner_dir",
    "save_json",
    "save_bytes",
    "encode_json",
    "load_json",
    "clean_stale_tmp",
    "locked",
    "record_problem",
    "read_bytes",
    "MAX_SAVE_BYTES",
    "backup",
    "save_record",
    "load_record",
    "parse_record",
]

#: The largest save or coding file read, in bytes: 2 MB = 2,000,000 (a full coding is a few tens of kB).
MAX_SAVE_BYTES = 2_000_000
#: Environment variable naming the learner folder.
ENV_VAR = "KIT_LEARNER_DIR"
#: The letters of a temporary save file's random part (the names :func:`clean_stale_tmp` recognises).
_TMP_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789_"
#: A temporary save file older than this (seconds) is left over from a save that never finished.
STALE_TMP_AGE_S = 60.0

#: The learner folder's name, beside the lessons or in the home folder (.gitignore lists it).
FOLDER_NAME = "kit-learner-work"
#: The notebook that marks the folder holding the lessons.
LESSONS_MARKER = "00_start_here.ipynb"


def lessons_folder(start: str | Path | None = None) -> Path | None:
    """The folder holding the lesson notebooks, or ``None`` outside the lessons.

    A notebook's kernel runs in the notebook's folder (JupyterLab, Notebook 7,
    Voilà, nbclient), so this is the working folder when it holds
    :data:`LESSONS_MARKER`, or the folder above it or the one above that
    (``notebooks/apps``).
    """
    here = Path.cwd() if start is None else Path(start)
    for folder in (here, *list(here.parents)[:2]):
        if (folder / LESSONS_MARKER).is_file():
            return folder
    return None


def learner_dir(*, create: bool = True) -> Path:
    """The learner folder, where everything a learner makes is saved.

    1. ``$KIT_LEARNER_DIR``, if set (a teacher's or a test's choice);
    2. else ``kit-learner-work`` beside the lesson notebooks (see
       :func:`lessons_folder`): wherever the lessons run (a laptop with
       ``make lab``, Binder, a JupyterHub), the learner sees it in the file
       browser next to the lessons, to open, download or upload files; git
       ignores it, so learner work never mixes with the repository's files;
    3. else (not in the lessons, or their folder is read-only) ``~/kit-learner-work``.

    Args:
        create: make the folder (and its parents) if it does not exist.

    Raises:
        SaveError: the folder cannot be created (e.g. a file has that name).
    """
    raw = os.environ.get(ENV_VAR, "").strip()
    if raw:
        folder = Path(raw).expanduser()
    else:
        base = lessons_folder()
        if base is None or not os.access(base, os.W_OK | os.X_OK):
            base = Path.home()  # not in the lessons, or their folder is read-only
        folder = base / FOLDER_NAME
    if create:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SaveError(
                f"{folder}: cannot create the learner folder ({exc.strerror or exc}); "
                f"set {ENV_VAR} to a folder you can write to"
            ) from None
    return folder


def encode_json(data: Any, *, name: str = "the data") -> bytes:
    """``data`` as the UTF-8 JSON bytes :func:`save_json` writes (``name`` is used in the message).

    Raises:
        SaveError: the data is not JSON-serialisable.
    """
    try:
        text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    except (TypeError, ValueError) as exc:
        raise SaveError(
            f"{name}: cannot be saved as JSON ({exc}); save plain lists, dicts, strings and numbers"
        ) from None
    return text.encode("utf-8")


def save_json(path: str | Path, data: Any) -> Path:
    """Write ``data`` as JSON to ``path`` atomically (:func:`save_bytes`); returns the path.

    Raises:
        SaveError: the data is not JSON-serialisable or the file cannot be written;
            the previous file, if any, is left as it was.
    """
    path = Path(path)
    return save_bytes(path, encode_json(data, name=path.name))


def save_bytes(path: str | Path, raw: bytes) -> Path:
    """Write ``raw`` to ``path`` atomically; returns the path.

    The bytes go to a temporary file in the same folder (named after the
    writer's process id, so a later :func:`clean_stale_tmp` can tell a dead
    writer's leftover), are flushed with ``fsync`` and moved over ``path`` with
    :func:`os.replace`; then the folder is flushed too. A new file gets the mode
    ``open()`` would give it (the umask applies); a file replaced keeps its mode
    (:mod:`kit.writing`). A read-only file is never replaced.

    Raises:
        SaveError: the file is read-only or cannot be written; the previous file,
            if any, is left as it was.
    """
    path = Path(path)
    refuse_read_only(path)
    tmp_name: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = _new_tmp(path)
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
        tmp_name = None
        _fsync_dir(path.parent)
    except OSError as exc:
        raise SaveError(
            f"{path}: could not be saved ({exc.strerror or exc}); your previous save is unchanged — "
            "check the disk space and that the folder is writable, then try again"
        ) from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
    return path


def _new_tmp(path: Path) -> tuple[int, str]:
    """A new temporary file beside ``path`` with the mode ``path`` should end up with: ``(descriptor, name)``."""
    mode = replaced_mode(path)
    for _ in range(100):
        suffix = "".join(random.choices(_TMP_LETTERS, k=8))
        name = str(path.parent / f".{path.name}.pid{os.getpid()}.{suffix}.tmp")
        try:
            return open_new(name, mode=mode), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(path.parent))


def clean_stale_tmp(path: str | Path, *, max_age_s: float = STALE_TMP_AGE_S) -> list[Path]:
    """Remove the temporary files that killed saves of ``path`` left behind; returns those removed.

    A temporary file is stale when its writer's process is gone (POSIX: the
    process id in its name no longer exists) or when it is older than
    ``max_age_s`` seconds (a save takes milliseconds). The save file itself is
    never touched, nor a temporary file a live writer may still be filling.
    """
    path = Path(path)
    pattern = re.compile(rf"\.{re.escape(path.name)}\.(?:pid(\d+)\.)?[a-z0-9_]{{8}}\.tmp")
    removed: list[Path] = []
    try:
        names = os.listdir(path.parent)
    except OSError:
        return removed
    now = time.time()
    for name in names:
        found = pattern.fullmatch(name)
        if found is None:
            continue
        tmp = path.parent / name
        pid = int(found.group(1)) if found.group(1) else None
        try:
            old = now - tmp.stat().st_mtime > max_age_s
            if old or (pid is not None and pid != os.getpid() and not _alive(pid)):
                tmp.unlink()
                removed.append(tmp)
        except OSError:
            continue  # gone meanwhile, or not ours to remove
    return removed


def _alive(pid: int) -> bool:
    """Whether process ``pid`` exists (POSIX); elsewhere always True, so only the age rule applies."""
    if os.name != "posix":
        return True  # os.kill(pid, 0) would terminate the process on Windows
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


@contextmanager
def locked(folder: str | Path, *, timeout_s: float = 10.0) -> Iterator[bool]:
    """Hold an exclusive lock on ``folder`` while the block runs; yields whether it is held.

    Writers of one save file take it around read-compare-write, so none can slip
    a save in between. POSIX ``flock`` on the folder itself (no lock file is left
    behind; a dead process's lock goes with it). Where that is impossible
    (Windows, some network file systems) or the lock is not free within
    ``timeout_s``, the block runs anyway: callers still compare revisions.
    """
    fd = _open_dir(Path(folder))
    try:
        yield fd is not None and _flock(fd, timeout_s)
    finally:
        if fd is not None:
            os.close(fd)  # closing it releases the lock


def _flock(fd: int, timeout_s: float) -> bool:
    import fcntl

    deadline = time.monotonic() + timeout_s
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.005)
        except OSError:
            return False


def _open_dir(folder: Path) -> int | None:
    """A read-only descriptor of ``folder``, or None (no ``os.O_DIRECTORY``: Windows; or it cannot be opened)."""
    flag = getattr(os, "O_DIRECTORY", None)
    if flag is None:
        return None
    try:
        return os.open(folder, os.O_RDONLY | flag)
    except OSError:
        return None


def _fsync_dir(folder: Path) -> None:
    """Flush the folder's entry for a file just swapped in, so the swap survives a power cut.

    POSIX only: skipped silently where ``os.O_DIRECTORY`` is missing (Windows) or
    the folder cannot be opened or flushed (some network and virtual file systems).
    """
    fd = _open_dir(folder)
    if fd is None:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def backup(path: str | Path, *, reason: str = "corrupt") -> Path:
    """Move ``path`` aside to ``<name>.<reason>-YYYYmmdd-HHMMSS`` (never overwriting); returns the new path."""
    path = Path(path)
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{reason}-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.{reason}-{stamp}-{n}")
    try:
        os.replace(path, target)
    except OSError as exc:
        raise SaveError(
            f"{path}: could not be moved aside ({exc.strerror or exc}); copy it somewhere safe by hand"
        ) from None
    return target


def read_bytes(path: str | Path, *, limit: int = MAX_SAVE_BYTES, what: str = "save file") -> bytes:
    """The bytes of the regular file ``path`` (at most ``limit``), read by :func:`kit.fileio.read_regular`.

    Raises:
        SaveError: one line: the file is missing, not a regular file (a pipe, a device,
            a folder), unreadable or too large.
    """
    return read_regular(path, limit=limit, what=what, error=SaveError, split_hint="choose a file exported by the kit")


def load_json(path: str | Path) -> Any:
    """Read a JSON file written by :func:`save_json`.

    Raises:
        SaveError: the file is missing or unreadable; or it is not valid JSON,
            in which case it is first moved to a dated ``.corrupt-…`` backup
            (named in the message) so nothing is lost.
    """
    path = Path(path)
    raw = read_bytes(path)
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: nested too deep
        kept = backup(path, reason="corrupt")
        raise SaveError(
            f"{path.name}: is damaged (not valid JSON); it was kept as {kept.name} and a fresh file will be started"
        ) from None


def save_record(path: str | Path, *, kind: str, version: int, case_id: dict[str, str], body: dict[str, Any]) -> Path:
    """Save ``body`` with a format marker (``format``, ``version``) and the case's identity."""
    data = {"format": kind, "version": version, "case": dict(case_id), **body}
    return save_json(path, data)


def load_record(
    path: str | Path,
    *,
    kind: str,
    version: int,
    case_id: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Load a file saved by :func:`save_record`, checking its marker, version and case.

    Args:
        kind: the expected ``format`` marker (e.g. ``"kit-coding"``).
        version: the newest version this code reads.
        case_id: if given, the file must belong to this case (same ``article_sha256``).

    Raises:
        SaveError: with a one-line message saying what the file is and what to do.
    """
    path = Path(path)
    data = load_json(path)
    problem = record_problem(data, kind=kind, version=version, case_id=case_id)
    if problem is None:
        return data
    kept = backup(path, reason="foreign")
    raise SaveError(f"{path.name}: {problem}; it was kept as {kept.name} and a fresh file will be started")


def record_problem(data: Any, *, kind: str, version: int, case_id: dict[str, str] | None) -> str | None:
    """What is wrong with a loaded record (marker, version, case), or ``None``; nothing is moved."""
    if not isinstance(data, dict) or data.get("format") != kind:
        return f"is not a kit file of type {kind!r}"
    if not isinstance(data.get("version"), int) or data["version"] > version:
        return f"was saved by a newer version of the kit (format version {data.get('version')!r})"
    if case_id is not None:
        theirs: dict[str, Any] = data["case"] if isinstance(data.get("case"), dict) else {}
        if theirs.get("article_sha256") != case_id.get("article_sha256"):
            return f"belongs to a different article ({theirs.get('title') or 'another article'!r})"
    return None


def parse_record(
    raw: bytes, *, name: str, kind: str, version: int, case_id: dict[str, str] | None = None
) -> dict[str, Any]:
    """Check a record given as bytes (an upload, a peer's file) named ``name`` in messages.

    Nothing on disk is read, moved or written.

    Raises:
        SaveError: the bytes are empty, not JSON, or not a record of this kind, version and case.
    """
    hint = "choose a file exported from this lesson"
    if not raw.strip():
        raise SaveError(f"{name}: is empty; {hint}")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: nested too deep
        raise SaveError(f"{name}: is not a JSON file; {hint} (it ends in .json)") from None
    problem = record_problem(data, kind=kind, version=version, case_id=case_id)
    if problem is not None:
        raise SaveError(f"{name}: {problem}; {hint}")
    return data
