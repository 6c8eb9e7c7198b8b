"""The explorers of lessons 02–05 on the learner's own article: the last cell of lesson 06.

One call shows the article (mentions, quotes, reported speech), who gets to
speak and, once the case file has stances, the coalitions::

    from kit.lessons.own_article import explore
    explore(my_case)

>>> import kit
>>> [type(e).__name__ for e in explorers(kit.load_case())]
['ArticleExplorer', 'VoicesExplorer', 'CoalitionExplorer']
>>> [type(e).__name__ for e in explorers(kit.load_article())]  # an article alone: no stances yet
['ArticleExplorer', 'VoicesExplorer']
"""

from __future__ import annotations

from typing import Any

from ..case import case_from_article
from ..errors import KitError
from ..explore import ArticleExplorer, CoalitionExplorer, VoicesExplorer
from ..explore.base import Explorer
from ..records import Article, Case
from ..util import esc

__all__ = ["explorers", "explore", "checklist", "Checklist"]


def explorers(case: Case | Article) -> tuple[Explorer, ...]:
    """The explorers that have something to show for ``case``, in lesson order.

    Args:
        case: the learner's case (``kit.load_case(path)``) or, before a case
            file exists, their parsed article (``kit.load_article(path)``).

    Returns:
        ``ArticleExplorer`` and ``VoicesExplorer``, then ``CoalitionExplorer``
        when the case has positions and stances (a fresh draft has none).

    Raises:
        KitError: ``case`` is neither a case nor an article.
    """
    if isinstance(case, Article):
        case = case_from_article(case)
    if not isinstance(case, Case):
        raise KitError(
            f"explore() needs your case (kit.load_case(case_path)) or your article "
            f"(kit.load_article(path)); it got a {type(case).__name__}"
        )
    found: list[Explorer] = [ArticleExplorer(case), VoicesExplorer(case)]
    if case.positions and case.stances:
        found.append(CoalitionExplorer(case))
    return tuple(found)


def explore(case: Case | Article) -> Any:
    """The explorers of :func:`explorers` one under the other, in one ``ipywidgets.VBox``.

    Returns:
        The box (a notebook cell that ends with it shows every explorer).
    """
    import ipywidgets as w

    return w.VBox([e.box for e in explorers(case)])


#: What a case needs before its coalitions say something (lesson 07's builder task).
GOALS = (("positions", 2), ("stances", 3), ("groups", 1))


class Checklist:
    """How far a case is from lesson 07's task: two positions, three stances, one group (shown as a list)."""

    def __init__(self, case: Case) -> None:
        self.counts = {"positions": len(case.positions), "stances": len(case.stances), "groups": len(case.groups)}
        self.missing = [
            f"{need - self.counts[what]} more {what[:-1] if need - self.counts[what] == 1 else what}"
            for what, need in GOALS
            if self.counts[what] < need
        ]

    @property
    def done(self) -> bool:
        return not self.missing

    def lines(self) -> list[str]:
        out = []
        for what, need in GOALS:
            have = self.counts[what]
            mark = "✓" if have >= need else "·"
            out.append(f"{mark} {what}: {have} (at least {need})")
        if self.done:
            out.append("Ready: your case's coalitions are worth a look (next cell).")
        else:
            out.append("Still to do in the builder: " + ", ".join(self.missing) + ".")
        return out

    def __repr__(self) -> str:
        return "\n".join(self.lines())

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{esc(line)}</li>" for line in self.lines())
        return f"<ul role='status' style='list-style:none;padding-left:0'>{items}</ul>"


def checklist(case: Case) -> Checklist:
    """Lesson 07's task on ``case`` (the builder's ``builder.case``): what is done and what is still to do.

    >>> import kit
    >>> checklist(kit.load_case()).done
    True
    >>> print(checklist(kit.case_from_article(kit.load_article())))
    · positions: 0 (at least 2)
    · stances: 0 (at least 3)
    · groups: 0 (at least 1)
    Still to do in the builder: 2 more positions, 3 more stances, 1 more group.
    """
    if not isinstance(case, Case):
        raise KitError(f"checklist() needs your case (builder.case); it got a {type(case).__name__}")
    return Checklist(case)
