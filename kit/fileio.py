"""Reading learner-supplied files safely: regular files only, a size cap, one-line errors.

:func:`read_regular` is how the kit reads an article or a case file it was
given by name. It never blocks and never reads without end: a named pipe
(FIFO), a device such as ``/dev/zero`` or a socket is refused from its
``stat`` before it is opened (and the file is opened with ``O_NONBLOCK`` in
case it was swapped in between), and the size cap is enforced while reading,
not trusted from ``stat``. Every :class:`OSError` becomes one line that says
what was wrong and what to do; :func:`show` prints any file name on one line.

>>> show("notes\\nfinal.txt")
'notes\\\\nfinal.txt'
>>> one_line("two\\nlines")
'two\\\\nlines'
"""

from __future__ import annotations

import errno
import os
import stat

from .errors import KitError

__all__ = ["read_regular", "missing", "show", "one_line", "not_regular", "read_error", "write_error", "size_text"]

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
    """``5242880`` -> ``'5 MB'`` (binary megabytes, as file managers on most systems show them)."""
    if n >= 2**20:
        return f"{n / 2**20:.0f} MB" if n % 2**20 == 0 or n >= 10 * 2**20 else f"{n / 2**20:.1f} MB"
    if n >= 2**10:
        return f"{n / 2**10:.0f} kB"
    return f"{n} bytes"


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


def read_error(exc: OSError, name: str, what: str) -> str:
    """One line for an :class:`OSError` met while reading ``name`` (a :func:`show`-n name)."""
    code = exc.errno
    if code == errno.ENOENT:
        return f"{name}: no such file; check the path (relative paths start from {show(_cwd())})"
    if code == errno.ENOTDIR:
        return f"{name}: no such file (a part of the path is a file, not a folder); check the path"
    if code in (errno.EACCES, errno.EPERM):
        return (
            f"{name}: permission denied: the {what} or a folder on its path cannot be read by you; "
            "ask for read access, or copy the file into a folder of your own"
        )
    if code == errno.ENAMETOOLONG:
        longest = max((len(part) for part in str(exc.filename or name).split(os.sep)), default=0)
        return (
            f"{name}: file name too long ({longest} characters in one name; most systems allow 255); "
            "rename the file or a folder on its path to something shorter"
        )
    if code == errno.ELOOP:
        return f"{name}: too many symbolic links (a link that points to itself?); check the links on its path"
    if code == errno.EISDIR:
        return f"{name}: is a folder, not a file; give the path of the {what} itself"
    reason = one_line(exc.strerror or type(exc).__name__)
    return f"{name}: cannot be read ({reason}); check the path and that the {what} is a file on a working disk"


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


def read_regular(
    path: str | os.PathLike[str],
    *,
    limit: int,
    what: str = "file",
    error: type[KitError] = KitError,
    split_hint: str = "split it into smaller files",
) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    Args:
        path: the file to read.
        limit: the most bytes accepted; enforced while reading.
        what: what the file should be, for messages ("article", "case file").
        error: the :class:`~kit.errors.KitError` subclass to raise.
        split_hint: what to do about a file that is too large.

    Raises:
        KitError: (as ``error``) one line: missing, not a regular file, unreadable, too large.
    """
    name = show(path)

    def fail(message: str) -> KitError:
        return error(message)

    def refuse(mode: int) -> None:
        kind = not_regular(mode)
        if kind == "a folder":
            raise fail(f"{name}: is a folder, not a file; give the path of the {what} itself")
        if kind is not None:
            raise fail(f"{name}: is {kind}, not a regular file; save the {what} as a file and give its path")

    def too_large(size: str) -> KitError:
        return fail(f"{name}: {size} is too large for {_a(what)} (limit {size_text(limit)}); {split_hint}")

    try:
        info = os.stat(path)
    except (OSError, ValueError) as exc:  # ValueError: a NUL character in the name
        if isinstance(exc, ValueError):
            raise fail(f"{name}: no such file (the name contains a NUL character); check the path") from None
        raise fail(read_error(exc, name, what)) from None
    refuse(info.st_mode)
    if info.st_size > limit:
        raise too_large(size_text(info.st_size))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise fail(read_error(exc, name, what)) from None
    try:
        refuse(os.fstat(fd).st_mode)  # swapped for a pipe or device after the stat above
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # the file grew, or stat lied
                raise too_large("more than " + size_text(limit))
        return b"".join(chunks)
    except OSError as exc:
        raise fail(read_error(exc, name, what)) from None
    finally:
        os.close(fd)


def _a(what: str) -> str:
    return ("an " if what[:1] in "aeiou" else "a ") + what
