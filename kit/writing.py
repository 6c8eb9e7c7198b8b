"""Writing files as ``open()`` would: the umask for new files, the old mode for replaced ones, never over a read-only file.

Saves are written to a temporary file and swapped in (:mod:`kit.learner.storage`);
without care such a file gets the temporary file's mode (``0600``) instead of
what the learner's umask asks for, and a file the learner made read-only is
silently replaced (renaming over a file needs no permission on the file itself,
and root may write anywhere). Every writer in the kit goes through these:

* :func:`open_new` creates a file that must not exist yet, with the mode
  ``open()`` would give it (``0666`` less the umask), or exactly the mode of the
  file it is about to replace (:func:`replaced_mode`);
* :func:`refuse_read_only` stops before a read-only file is replaced, with one
  line that says what to do (:func:`read_only_message`).

>>> import os, tempfile
>>> path = os.path.join(tempfile.mkdtemp(), "coding.json")
>>> os.close(open_new(path)); os.chmod(path, 0o444)
>>> oct(replaced_mode(path)), is_read_only(path)
('0o444', True)
>>> read_only_message("coding.json")
'coding.json: is read-only, so it was not replaced; make it writable (chmod u+w) or save under another name'
"""

from __future__ import annotations

import os
import stat

from .errors import KitError, SaveError
from .fileio import show

__all__ = ["NEW_FILE_MODE", "replaced_mode", "is_read_only", "read_only_message", "refuse_read_only", "open_new"]

#: The mode ``open()`` asks for; the umask takes its bits away (022 gives 0644, 077 gives 0600).
NEW_FILE_MODE = 0o666


def replaced_mode(path: str | os.PathLike[str]) -> int | None:
    """The permission bits of the regular file ``path`` (its replacement gets them), or ``None`` if there is none.

    Set-user-id, set-group-id and sticky bits are not carried over.
    """
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return stat.S_IMODE(info.st_mode) & 0o777 if stat.S_ISREG(info.st_mode) else None


def is_read_only(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is an existing file that nobody may write (``chmod a-w``) or that you may not write.

    The mode bits are read as well as asked with :func:`os.access`: root may
    write a ``0444`` file, but its owner marked it read-only all the same.
    """
    mode = replaced_mode(path)
    if mode is None:
        return False
    return not mode & 0o222 or not os.access(path, os.W_OK)


def read_only_message(name: str, *, instead: str = "save under another name") -> str:
    """The one line for a read-only target ``name`` (already :func:`~kit.fileio.show`-n)."""
    return f"{name}: is read-only, so it was not replaced; make it writable (chmod u+w) or {instead}"


def refuse_read_only(
    path: str | os.PathLike[str],
    *,
    name: str | None = None,
    instead: str = "save under another name",
    error: type[KitError] = SaveError,
) -> None:
    """Raise ``error`` (one line, :func:`read_only_message`) if ``path`` is a read-only file.

    Args:
        path: the file about to be written or replaced.
        name: how the message names it (default: the path, shown safely).
        instead: what else the reader can do ("choose another --out").
        error: the :class:`~kit.errors.KitError` subclass to raise.
    """
    if is_read_only(path):
        raise error(read_only_message(show(path) if name is None else name, instead=instead))


def open_new(path: str | os.PathLike[str], *, mode: int | None = None) -> int:
    """Create ``path`` (which must not exist) for writing; returns the descriptor.

    Without ``mode`` the file gets what ``open()`` would give it (``0666`` less
    the umask); with ``mode`` (the :func:`replaced_mode` of the file it will
    replace) it gets exactly that mode, whatever the umask.

    Raises:
        OSError: as :func:`os.open` (``FileExistsError`` if ``path`` exists).
    """
    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, NEW_FILE_MODE if mode is None else mode)
    if mode is not None:
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, mode)  # the umask took bits away that the replaced file had
            else:  # pragma: no cover - Windows: only the read-only bit exists
                os.chmod(path, mode)
        except OSError:
            os.close(fd)
            os.unlink(path)
            raise
    return fd
