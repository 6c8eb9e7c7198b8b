"""Small formatting helpers shared by the class view's renderers: numbers, stance labels, quotes, tables.

>>> distribution((1, 0, 2, 5, 0)), label("no stance")
('support 5 · conditional 2 · oppose 1', 'no stance in the text')
"""

from __future__ import annotations

from collections.abc import Sequence

from ..analysis.class_agreement import CATEGORIES
from ..util import esc as _esc

__all__ = ["CELL", "ORDER", "html_table", "number", "ci_text", "label", "distribution", "quoted"]

CELL = "border:1px solid #bbb;padding:.2em .5em;vertical-align:top;text-align:left"
#: display order of a distribution: most in favour first, then "no stance in the text"
ORDER = ("support", "conditional", "undecided", "oppose", "no stance")
_LABEL = {"no stance": "no stance in the text"}
_QUOTES = "\"'“”‘’«»„"


def html_table(head: Sequence[str], rows: Sequence[Sequence[str]], caption: str, *, style: str = "") -> str:
    """An HTML table: ``head`` and ``rows`` are HTML already (escape first), ``caption`` is escaped."""
    th = "".join(f"<th scope='col' style='{CELL}'>{h}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td style='{CELL}'>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (
        f"<table class='kit-table' style='border-collapse:collapse;margin:.4em 0;{style}'>"
        f"<caption style='text-align:left;font-weight:bold'>{_esc(caption)}</caption>"
        f"<thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"
    )


def number(x: float, digits: int = 2) -> str:
    """A figure with ``digits`` decimals, "n/a" for NaN (never "-0.00")."""
    return "n/a" if x != x else f"{x + 0.0:.{digits}f}".replace("-0.00", "0.00")


def ci_text(ci: tuple[float, float]) -> str:
    """An interval as small text, "" when undefined."""
    return "" if ci[0] != ci[0] else f" <small>[{ci[0]:.2f}, {ci[1]:.2f}]</small>"


def label(value: str) -> str:
    """How a value reads on the page ("no stance" reads "no stance in the text")."""
    return _LABEL.get(value, value)


def distribution(row: Sequence[int]) -> str:
    """Learners per value in words, most in favour first: "support 12 · oppose 3"."""
    counts = dict(zip(CATEGORIES, row, strict=False))
    return " · ".join(f"{label(v)} {counts[v]}" for v in ORDER if counts.get(v))


def quoted(text: str) -> str:
    """A sentence in one pair of curly quotes, never two: marks the text itself starts or ends with are
    kept and none added on that side (so a quotation reads “…”, not ““…””).

    >>> quoted("“We will act,” he said."), quoted("Kerry spoke.")
    ('“We will act,” he said.', '“Kerry spoke.”')
    """
    text = " ".join(text.split())
    if not text or text[0] in _QUOTES or text[-1] in _QUOTES:
        return text  # the text carries its own marks: adding more would double or unbalance them
    return f"“{text}”"
