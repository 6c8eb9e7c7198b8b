"""Who gets to speak: statement counts per speaker, and the share of anonymous sources.

>>> import kit
>>> v = voices(kit.load_case())
>>> int(v["total"].sum()) == len([q for q in kit.load_case().article.quotes if q.speaker]) + len(
...     [r for r in kit.load_case().article.reported if r.speaker])
True
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..records import Case, require_case
from .selection import ordered_actors

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["speaker_counts", "anonymous_count", "voices", "anonymous_share"]


def speaker_counts(case: Case, *, unknown: bool = False) -> tuple[Counter[str | None], Counter[str | None]]:
    """Statements per speaker id: (direct quotes, reported speech) — the kit's one count.

    With ``unknown=True`` statements whose speaker was not found count under ``None``.
    """
    quotes = Counter(q.speaker for q in case.article.quotes if unknown or q.speaker is not None)
    reported = Counter(r.speaker for r in case.article.reported if unknown or r.speaker is not None)
    return quotes, reported


def anonymous_count(case: Case) -> tuple[int, int, int]:
    """``(anonymous, known, unknown)``: statements from anonymous sources, with a known speaker, without one."""
    quotes, reported = speaker_counts(case, unknown=True)
    unknown = quotes.pop(None, 0) + reported.pop(None, 0)
    known = sum(quotes.values()) + sum(reported.values())
    anon = sum(
        n
        for counts in (quotes, reported)
        for a, n in counts.items()
        if a is not None and case.kind_of(a) == "anonymous"
    )
    return anon, known, unknown


def voices(case: Case) -> pd.DataFrame:
    """Who gets to speak: per speaking actor, direct quotes and reported statements.

    Columns ``name, kind, quotes, reported, total, share``; ``share`` is the
    actor's part (0-1) of all statements with a known speaker. Rows: actor
    ids, most statements first (ties in case order).

    >>> import kit
    >>> v = voices(kit.load_case())
    >>> round(float(v["share"].sum()), 6)
    1.0
    """
    import pandas as pd

    require_case(case)
    quotes, reported = speaker_counts(case)
    speakers = ordered_actors(case, {a for a in (*quotes, *reported) if a is not None})
    speakers.sort(key=lambda a: -(quotes.get(a, 0) + reported.get(a, 0)))  # stable: ties keep case order
    grand = sum(quotes.values()) + sum(reported.values())
    rows = []
    for a in speakers:
        total = quotes.get(a, 0) + reported.get(a, 0)
        rows.append(
            {
                "name": case.name_of(a),
                "kind": case.kind_of(a),
                "quotes": quotes.get(a, 0),
                "reported": reported.get(a, 0),
                "total": total,
                "share": total / grand,
            }
        )
    columns = ["name", "kind", "quotes", "reported", "total", "share"]
    frame = pd.DataFrame(rows, columns=columns, index=pd.Index(speakers, name="actor", dtype=object))
    return frame.astype({"quotes": int, "reported": int, "total": int, "share": float})


def anonymous_share(case: Case) -> float:
    """The share (0-1) of attributed statements (quotes + reported) whose speaker is anonymous.

    Statements without a known speaker are left out; 0.0 when there are none.
    """
    require_case(case)
    anon, known, _ = anonymous_count(case)
    return anon / known if known else 0.0
