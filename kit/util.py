"""Small helpers every layer may use: HTML escaping, actor ids, a paused garbage collector.

>>> esc('<b onclick="x">')
'&lt;b onclick=&quot;x&quot;&gt;'
"""

from __future__ import annotations

import functools
import gc
import html
import re
import unicodedata
from collections.abc import Callable
from typing import ParamSpec, TypeVar

_P = ParamSpec("_P")
_R = TypeVar("_R")

__all__ = ["esc", "snake_id", "paused_gc"]


def esc(text: object) -> str:
    """Escape untrusted text (article, case file, learner input) for HTML, quotes included."""
    return html.escape(str(text), quote=True)


@functools.lru_cache(maxsize=4096)
def snake_id(text: str) -> str:
    """An actor id: ASCII-folded, lower-case, dots dropped, other runs -> ``_``.

    Cached: a text names its people and organisations again and again, and each finder makes their ids anew
    (a look-up costs a tenth of the folding).

    >>> snake_id("Frank-Walter Steinmeier"), snake_id("U.S. and European officials"), snake_id("François")
    ('frank_walter_steinmeier', 'us_and_european_officials', 'francois')
    >>> snake_id("Łena Wałęsko"), snake_id("Søren Ðorđić")
    ('lena_walesko', 'soren_dordic')
    """
    # (ASCII text has nothing to fold: NFKD leaves it as it is; it does not take "ł", "ø", "đ" apart)
    if text.isascii():
        folded = text
    else:
        folded = unicodedata.normalize("NFKD", text.translate(_LETTERS_NFKD_KEEPS)).encode("ascii", "ignore").decode()
    folded = folded.lower().replace(".", "")
    return _NOT_ID.sub("_", folded).strip("_")


_NOT_ID = re.compile(r"[^a-z0-9]+")
# letters that NFKD leaves whole (no base letter and accent to take apart), written as English text writes them
_LETTERS_NFKD_KEEPS = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ß": "ss", "æ": "ae", "Æ": "Ae"}
    | {"œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th", "ı": "i", "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T"}
)


class _PausedGC:
    """What :func:`paused_gc` gives: a context manager, and a decorator whose wrapper pauses the collector
    itself (a generator-based context manager per call costs microseconds on every parse)."""

    __slots__ = ("_was_enabled",)

    def __init__(self) -> None:
        self._was_enabled = False

    def __enter__(self) -> None:
        self._was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        if self._was_enabled:
            gc.enable()

    def __call__(self, func: Callable[_P, _R]) -> Callable[_P, _R]:
        @functools.wraps(func)
        def inner(*args: _P.args, **kwargs: _P.kwargs) -> _R:
            if not gc.isenabled():
                return func(*args, **kwargs)
            gc.disable()
            try:
                return func(*args, **kwargs)
            finally:
                gc.enable()

        return inner


def paused_gc() -> _PausedGC:
    """Pause Python's cyclic garbage collector for a block (or each call of a function it decorates), then
    restore it.

    The parser builds many small records and no reference cycles; on a long
    text the collector would otherwise re-scan every record made so far, many
    times over (a 10 MB text then parses far slower than ten 1 MB texts).
    If the collector was already off, it stays off.

    >>> with paused_gc():
    ...     gc.isenabled()
    False
    """
    return _PausedGC()
