"""Tables for learners: a blank shown as "—" (never ``None`` or ``NaN``), text escaped, as wide as the notebook.

A pandas DataFrame shows a missing value as ``None`` or ``NaN`` and runs off
the right edge of the cell when its column names are long ids. :func:`table`
shows the same rows with "—" for anything missing, lets long ids break after
an underscore, and keeps the whole table inside the notebook's width.

>>> import kit
>>> t = table(kit.load_case().actors, columns=["id", "name", "country"])
>>> "None" in t._repr_html_() or "NaN" in t._repr_html_()
False
>>> t.header
('id', 'name', 'country')
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Sequence
from typing import Any

from ..util import esc

__all__ = ["BLANK", "Table", "table"]

#: What a missing value (None, NaN, pandas' NA) shows as.
BLANK = "—"

_TABLE = "max-width:100%;border-collapse:collapse;font-size:12px;line-height:1.35;margin:.3em 0"
_CELL = "padding:.25em .5em;border-bottom:1px solid #ddd;text-align:left;vertical-align:top;white-space:normal"
_HEAD = _CELL + ";border-bottom:2px solid #999;font-weight:bold"


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return type(value).__name__ in ("NAType", "NaTType")  # pandas' NA and NaT, without importing pandas


def _text(value: Any) -> str:
    if _missing(value):
        return BLANK
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, (tuple, list, set, frozenset)):
        return ", ".join(_text(v) for v in value)
    return str(value)


def _cell_html(text: str) -> str:
    if text == BLANK:
        return f"<span style='color:#888' title='no value'>{BLANK}</span>"
    return esc(text).replace("_", "_<wbr>")  # long ids may break after an underscore


@dataclasses.dataclass(frozen=True)
class Table:
    """Rows of plain values under a header; shows as HTML in a notebook and as text elsewhere.

    Attributes:
        header: the column names (the first names the row labels when ``index`` is set).
        rows: the values, one tuple per row, as given (``None`` stays ``None`` here).
        index: whether the first column holds row labels (shown as row headers).
    """

    header: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    index: bool = False

    def cells(self) -> list[list[str]]:
        """Every cell as the text a learner reads ("—" for a missing value)."""
        return [[_text(v) for v in row] for row in self.rows]

    def _repr_html_(self) -> str:
        head = "".join(f"<th scope='col' style='{_HEAD}'>{_cell_html(h)}</th>" for h in self.header)
        body = []
        for row in self.cells():
            tags = [("th scope='row'", "th") if self.index and i == 0 else ("td", "td") for i in range(len(row))]
            body.append(
                "<tr>"
                + "".join(
                    f"<{open_} style='{_CELL}'>{_cell_html(text)}</{close}>"
                    for (open_, close), text in zip(tags, row, strict=True)
                )
                + "</tr>"
            )
        return (
            f"<table class='kit-table' style='{_TABLE}'><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>"
        )

    def __repr__(self) -> str:
        grid = [list(self.header), *self.cells()]
        widths = [max(len(r[i]) for r in grid) for i in range(len(self.header))]
        lines = ["  ".join(text.ljust(w) for text, w in zip(r, widths, strict=True)).rstrip() for r in grid]
        return "\n".join([lines[0], "  ".join("-" * w for w in widths), *lines[1:]])

    def __len__(self) -> int:
        return len(self.rows)


def table(data: Any, *, columns: Sequence[str] | None = None) -> Table:
    """A learner-facing table of ``data``: a pandas DataFrame, records (e.g. ``case.actors``) or rows.

    Args:
        data: a DataFrame (its index is shown as the first column unless it is
            just 0, 1, 2…), a sequence of dataclass records, or a sequence of rows (tuples).
        columns: for records, the attributes to show; for rows, the column
            names; for a DataFrame, the columns to show (default: all).

    Raises:
        ValueError: ``columns`` names something the data does not have, or rows differ in length.
    """
    if hasattr(data, "columns") and hasattr(data, "itertuples"):
        return _from_frame(data, columns)
    items = list(data)
    if items and dataclasses.is_dataclass(items[0]):
        names = list(columns) if columns is not None else [f.name for f in dataclasses.fields(items[0])]
        unknown = [n for n in names if not hasattr(items[0], n)]
        if unknown:
            raise ValueError(
                f"{type(items[0]).__name__} has no field {unknown[0]!r}; "
                f"choose from {', '.join(f.name for f in dataclasses.fields(items[0]))}"
            )
        return Table(tuple(names), tuple(tuple(getattr(r, n) for n in names) for r in items))
    rows = [tuple(r) for r in items]
    width = len(columns) if columns is not None else max((len(r) for r in rows), default=0)
    if any(len(r) != width for r in rows):
        raise ValueError(f"every row needs {width} values, one per column")
    names = list(columns) if columns is not None else [str(i + 1) for i in range(width)]
    return Table(tuple(names), tuple(rows))


def _from_frame(frame: Any, columns: Iterable[str] | None) -> Table:
    if columns is not None:
        missing = [c for c in columns if c not in frame.columns]
        if missing:
            raise ValueError(
                f"the table has no column {missing[0]!r}; choose from {', '.join(map(str, frame.columns))}"
            )
        frame = frame[list(columns)]
    plain_index = type(frame.index).__name__ == "RangeIndex" and frame.index.name is None
    header = [str(c) for c in frame.columns]
    if plain_index:
        return Table(tuple(header), tuple(tuple(r) for r in frame.itertuples(index=False, name=None)))
    label = str(frame.index.name or "")
    return Table((label, *header), tuple(tuple(r) for r in frame.itertuples(index=True, name=None)), index=True)
