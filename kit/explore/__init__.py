"""Explorers: small widget classes around pure render functions.

* :mod:`.base` – the :class:`Explorer` base (labelled controls, one Output, snapshots);
* :mod:`.figures` – figures outside pyplot, the kept :class:`Sheet`, PNG helpers;
* :mod:`.render`, :mod:`.coderview` – pure renderers (state in, escaped HTML out);
* :mod:`.widgets` – ArticleExplorer, VoicesExplorer, CoalitionExplorer;
* :mod:`.coder` – the StanceCoder;
* :mod:`.builder` – the CaseBuilder (a case for any article, without YAML);
* :mod:`.class_view`, :mod:`.class_explorer` – the class view (renderers, heatmap) and the ClassExplorer;
* :mod:`.table` – :func:`table`, learner-facing tables (blanks, not ``None``/``NaN``).

ipywidgets and matplotlib load on first use, never at import.
"""

from __future__ import annotations

from .builder import CaseBuilder
from .class_explorer import ClassExplorer
from .class_view import class_results
from .coder import StanceCoder
from .table import Table, table
from .widgets import ArticleExplorer, CoalitionExplorer, VoicesExplorer

__all__ = [
    "ArticleExplorer",
    "VoicesExplorer",
    "CoalitionExplorer",
    "StanceCoder",
    "CaseBuilder",
    "ClassExplorer",
    "class_results",
    "Table",
    "table",
]
