"""Reading files safely: the one reader of every file the kit reads, and file names shown on one line.

:func:`read_regular` is how the kit reads any file it was given by name
(articles, case files, save and coding files, class folders and zips). It
never blocks and never reads without end: a named pipe (FIFO), a device such
as ``/dev/zero``, a socket or a folder is refused from its ``stat`` before it
is opened, the file is opened with ``O_NONBLOCK`` and checked again with
``fstat`` (in case it was swapped in between), and the size cap is enforced
while reading, not trusted from ``stat``. Every :class:`OSError` becomes one
line that says what was wrong and what to do. :func:`check_upload` does the
same checks for a widget's upload (bytes in memory). :func:`show` prints any
file name on one line (control characters, newlines and ANSI escapes
escaped). Limits are decimal: 1 MB is 1,000,000 bytes (:func:`limit_text`).

>>> show("notes\\nfinal.txt")
'notes\\\\nfinal.txt'
>>> one_line("two\\nlines")
'two\\\\nlines'
>>> limit_text(1_000_000)
'1 MB = 1,000,000 bytes'
"""

from __future__ import annotations

import errno
import os
import stat
from typing import BinaryIO

from .errors import KitError

__all__ = [
    "read_regular",
    "read_capped",
    "open_regular",
    "check_upload",
    "Refused",
    "missing",
    "show",
    "one_line",
    "not_regular",
    "read_error",
    "write_error",
    "size_text",
    "limit_text",
    "utf16_guess",
]

_CHUNK = 1 << 20
# Characters that end a line for str.splitlines() or a terminal, or that a terminal acts on.
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """``text`` with line breaks and other control characters escaped (``\\n``, ``\\x1b``, ``\\u2028``)."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable() or ch == " ":
            out.append(ch)
        elif ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif 0xDC80 <= ord(ch) <= 0xDCFF:  # an undecodable byte of a file name (surrogateescape)
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        else:
            out.append(f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")
    return "".join(out)


def show(path: str | os.PathLike[str] | bytes | None, *, width: int = 160) -> str:
    """A file name as one printable line (control characters escaped, very long names shortened)."""
    if path is None:
        return "(no file name)"
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    text = one_line(os.fspath(path))
    if len(text) > width:
        text = text[: width // 2] + "…" + text[-(width // 4) :]
    return text


def size_text(n: int) -> str:
    """A size in decimal units, as the limits are stated: ``1_063_150`` -> ``'1.06 MB'``.

    >>> size_text(50_000_000), size_text(1_063_150), size_text(999_700_000), size_text(2_500), size_text(12)
    ('50 MB', '1.06 MB', '1000 MB', '2.5 kB', '12 bytes')
    """
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n >= scale:
            value = f"{n / scale:.3g}"
            return f"{value if 'e' not in value else round(n / scale)} {unit}"
    return f"{n} bytes"


def limit_text(limit: int) -> str:
    """A limit with its exact number of bytes: ``'1 MB = 1,000,000 bytes'``."""
    return f"{size_text(limit)} = {limit:,} bytes"


def _size_over(n: int, limit: int) -> str:
    """``n`` (over ``limit``) so that it never reads as the limit itself (1,000,001 bytes, not "1 MB")."""
    shown = size_text(n)
    return f"{n:,} bytes" if shown == size_text(limit) else shown


def not_regular(mode: int) -> str | None:
    """What a non-regular file is (``'a named pipe (FIFO)'``), or ``None`` for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device (like /dev/zero or a terminal)"
    if stat.S_ISBLK(mode):
        return "a block device (a whole disk)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


class Refused(KitError):
    """A file the kit will not read: ``reason`` (what is wrong), ``hint`` (what to do), ``cause`` (a few words).

    ``kind`` is ``"missing"``, ``"not regular"``, ``"too large"`` or ``"unreadable"``;
    ``str()`` is the one line ``name: reason; hint``.
    """

    def __init__(self, name: str, reason: str, hint: str, *, kind: str, cause: str = "") -> None:
        super().__init__(f"{name}: {reason}; {hint}")
        self.name, self.reason, self.hint, self.kind = name, reason, hint, kind
        self.cause = cause or reason


def _os_refusal(exc: OSError, name: str, what: str) -> Refused:
    code, cause = exc.errno, one_line(exc.strerror or type(exc).__name__)
    if code == errno.ENOENT:
        return Refused(
            name, "no such file", f"check the path (relative paths start from {show(_cwd())})", kind="missing"
        )
    if code == errno.ENOTDIR:
        reason = "no such file (a part of the path is a file, not a folder)"
        return Refused(name, reason, "check the path", kind="missing")
    if code in (errno.EACCES, errno.EPERM):
        reason = f"permission denied: the {what} or a folder on its path cannot be read by you"
        hint = "ask for read access, or copy the file into a folder of your own"
        return Refused(name, reason, hint, kind="unreadable", cause=cause)
    if code == errno.ENAMETOOLONG:
        longest = max((len(part) for part in str(exc.filename or name).split(os.sep)), default=0)
        reason = f"file name too long ({longest} characters in one name; most systems allow 255)"
        hint = "rename the file or a folder on its path to something shorter"
        return Refused(name, reason, hint, kind="missing", cause=cause)
    if code == errno.ELOOP:
        reason = "is a symbolic link that points to itself (a loop), or one of too many symbolic links in a row"
        return Refused(name, reason, "point it at a real file", kind="unreadable", cause="a symbolic link loop")
    if code == errno.EISDIR:
        return Refused(
            name, "is a folder, not a file", f"give the path of the {what} itself", kind="not regular", cause="a folder"
        )
    hint = f"check the path and that the {what} is a file on a working disk"
    return Refused(name, f"cannot be read ({cause})", hint, kind="unreadable", cause=cause)


def read_error(exc: OSError, name: str, what: str) -> str:
    """One line for an :class:`OSError` met while reading ``name`` (a :func:`show`-n name)."""
    return str(_os_refusal(exc, name, what))


def write_error(exc: OSError, name: str, *, folder: bool = False, example: str = "export.json") -> str:
    """One line for an :class:`OSError` met while writing ``--out name`` (a file, or a ``folder``)."""
    code = exc.errno
    target = "folder" if folder else "file"
    if code == errno.EISDIR and not folder:
        return f"--out {name}: is a folder; give a file name, e.g. --out {name.rstrip('/')}/{example}"
    if code == errno.EEXIST:
        return f"--out {name}: already exists and is not a {target}; choose another --out"
    if code == errno.ENOENT:
        return f"--out {name}: the folder it goes in does not exist; create it first or choose another --out"
    if code == errno.ENOTDIR:
        return f"--out {name}: a part of the path is a file, not a folder; choose another --out"
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        why = "the disk is read-only" if code == errno.EROFS else "permission denied"
        return f"--out {name}: cannot write there ({why}); choose a place you can write to, such as your home folder"
    if code == errno.ENOSPC or code == getattr(errno, "EDQUOT", None):
        return f"--out {name}: the disk is full; free some space or choose another disk"
    if code == errno.ENAMETOOLONG:
        return f"--out {name}: file name too long; choose a shorter name"
    reason = one_line(exc.strerror or type(exc).__name__)
    return f"--out {name}: cannot be written ({reason}); choose another --out"


def missing(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names nothing at all (unlike a file that exists but cannot be read)."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except (OSError, ValueError):
        return False
    return False


def _cwd() -> str:
    try:
        return os.getcwd()
    except OSError:  # the current folder was deleted
        return "the current folder"


def _refuse_mode(mode: int, name: str, what: str) -> None:
    kind = not_regular(mode)
    if kind == "a folder":
        raise Refused(
            name, "is a folder, not a file", f"give the path of the {what} itself", kind="not regular", cause="a folder"
        )
    if kind is not None:
        reason, hint = f"is {kind}, not a regular file", f"save the {what} as a file and give its path"
        raise Refused(name, reason, hint, kind="not regular", cause=kind)


def _too_large(name: str, size: str, limit: int, what: str, hint: str) -> Refused:
    reason = f"is {size}, too large for {_a(what)} (limit {limit_text(limit)})"
    return Refused(name, reason, hint, kind="too large", cause=f"too large: {size}, limit {size_text(limit)}")


def open_regular(
    path: str | os.PathLike[str], *, limit: int, what: str = "file", split_hint: str = "split it into smaller files"
) -> BinaryIO:
    """``path`` opened for reading in binary, if it is a regular file of at most ``limit`` bytes (by ``fstat``).

    The caller closes it (``with open_regular(...) as handle``) and reads at
    most ``limit + 1`` bytes from it (:func:`read_regular` does both).

    Raises:
        Refused: missing, not a regular file, unreadable, or larger than ``limit``.
    """
    name = show(path)
    try:
        info = os.stat(path)  # before opening: opening a device can have effects of its own
    except ValueError:  # a NUL character in the name
        raise Refused(
            name, "no such file (the name contains a NUL character)", "check the path", kind="missing"
        ) from None
    except OSError as exc:
        raise _os_refusal(exc, name, what) from None
    _refuse_mode(info.st_mode, name, what)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))  # O_NONBLOCK: a pipe swapped in never blocks
    except OSError as exc:
        raise _os_refusal(exc, name, what) from None
    try:
        info = os.fstat(fd)
        _refuse_mode(info.st_mode, name, what)  # swapped for a pipe or device after the stat above
        if info.st_size > limit:  # a regular file's size (a device says 0: the read below is capped anyway)
            raise _too_large(name, _size_over(info.st_size, limit), limit, what, split_hint)
        return os.fdopen(fd, "rb", buffering=0)
    except BaseException:
        os.close(fd)
        raise


def read_regular(
    path: str | os.PathLike[str],
    *,
    limit: int,
    what: str = "file",
    error: type[KitError] = KitError,
    split_hint: str = "split it into smaller files",
) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them: the one reader of every file the kit reads.

    Never blocks and never reads without end: a named pipe (FIFO), a device
    such as ``/dev/zero``, a socket or a folder is refused, and the cap is
    enforced while reading (``limit + 1`` bytes at most), not trusted from ``stat``.

    Args:
        path: the file to read.
        limit: the most bytes accepted (decimal: 1 MB is 1,000,000 bytes).
        what: what the file should be, for messages ("article", "case file").
        error: the :class:`~kit.errors.KitError` subclass to raise.
        split_hint: what to do about a file that is too large.

    Raises:
        KitError: (as ``error``) one line: missing, not a regular file, unreadable, too large.
    """
    try:
        return read_capped(path, limit=limit, what=what, split_hint=split_hint)
    except Refused as exc:
        raise error(str(exc)) from None


def read_capped(
    path: str | os.PathLike[str], *, limit: int, what: str = "file", split_hint: str = "split it into smaller files"
) -> bytes:
    """:func:`read_regular` raising :class:`Refused` (with its ``kind`` and ``reason``) for callers that sort refusals."""
    name = show(path)
    with open_regular(path, limit=limit, what=what, split_hint=split_hint) as handle:
        chunks: list[bytes] = []
        total = 0
        try:
            while True:
                chunk = os.read(handle.fileno(), min(_CHUNK, limit + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
                if total > limit:  # the file grew, or stat lied
                    raise _too_large(name, "more than " + size_text(limit), limit, what, split_hint)
        except OSError as exc:
            raise _os_refusal(exc, name, what) from None
    return b"".join(chunks)


def check_upload(
    name: object,
    content: object,
    *,
    limit: int,
    what: str = "file",
    suffixes: tuple[str, ...] = (),
    error: type[KitError] = KitError,
) -> tuple[str, bytes]:
    """An upload's ``(shown name, bytes)``, checked as :func:`read_regular` checks a file on disk.

    A widget's upload arrives as bytes whatever the file was: its size is
    checked here against ``limit``, and its name against ``suffixes``
    (e.g. ``(".json",)``; case does not matter).

    >>> check_upload("peer\\n.json", b"{}", limit=10, suffixes=(".json",))
    ('peer\\\\n.json', b'{}')

    Raises:
        KitError: (as ``error``) one line: not bytes, a name without one of ``suffixes``, too large.
    """
    shown = show(str(name)) if name else "the uploaded file"
    try:
        raw = bytes(content)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        raise error(f"{shown}: could not be read; choose the file again") from None
    if suffixes and not str(name or "").lower().endswith(tuple(s.lower() for s in suffixes)):
        raise error(f"{shown}: is not {_a(what)} ({' or '.join(suffixes)}); choose the {what} itself")
    if len(raw) > limit:
        raise error(str(_too_large(shown, _size_over(len(raw), limit), limit, what, "choose a smaller file")))
    return shown, raw


def utf16_guess(data: bytes) -> str | None:
    """``'utf-16-le'`` or ``'utf-16-be'`` for text that looks like UTF-16 without a byte-order mark, else ``None``.

    In such text every other byte is NUL (for Latin letters): at even positions
    for big-endian, at odd ones for little-endian.

    >>> utf16_guess("Kerry said so.".encode("utf-16-le")), utf16_guess(b"plain")
    ('utf-16-le', None)
    """
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    evens, odds = sample[0 : 2 * pairs : 2], sample[1 : 2 * pairs : 2]
    for zeros, other, guess in ((odds, evens, "utf-16-le"), (evens, odds, "utf-16-be")):
        text = sum(1 for b in other if 0x20 <= b < 0x7F or b in b"\t\n\r")  # Latin letters, digits, marks
        if zeros.count(0) >= 0.6 * pairs and other.count(0) <= 0.05 * pairs and text >= 0.6 * pairs:
            return guess
    return None


def _a(what: str) -> str:
    return ("an " if what[:1] in "aeiou" else "a ") + what
