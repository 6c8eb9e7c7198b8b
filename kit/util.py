"""Small helpers every layer may use: HTML escaping, actor ids, a paused garbage collector.

>>> esc('<b onclick="x">')
'&lt;b onclick=&quot;x&quot;&gt;'
"""

from __future__ import annotations

import contextlib
import gc
import html
import re
import unicodedata
from collections.abc import Iterator

__all__ = ["esc", "snake_id", "paused_gc"]


def esc(text: object) -> str:
    """Escape untrusted text (article, case file, learner input) for HTML, quotes included."""
    return html.escape(str(text), quote=True)


def snake_id(text: str) -> str:
    """An actor id: ASCII-folded, lower-case, dots dropped, other runs -> ``_``.

    >>> snake_id("Frank-Walter Steinmeier"), snake_id("U.S. and European officials"), snake_id("François")
    ('frank_walter_steinmeier', 'us_and_european_officials', 'francois')
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    folded = folded.lower().replace(".", "")
    return re.sub(r"[^a-z0-9]+", "_", folded).strip("_")


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a block, then restore it.

    The parser builds many small records and no reference cycles; on a long
    text the collector would otherwise re-scan every record made so far, many
    times over (a 10 MB text then parses far slower than ten 1 MB texts).
    If the collector was already off, it stays off.

    >>> with paused_gc():
    ...     gc.isenabled()
    False
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
