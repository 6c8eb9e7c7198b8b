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

__all__ = ["explorers", "explore"]


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
