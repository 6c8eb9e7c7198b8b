"""kit: one news article as a hands-on lesson on actors, positions and coalitions.

>>> import kit
>>> art = kit.load_article()
>>> len(art.paragraphs) > 20
True

The light core (records, parsing, case files) is imported at once; the parts
that need matplotlib, pandas, networkx or ipywidgets load on first use, so
``import kit`` stays fast.
"""

from __future__ import annotations

import importlib
from typing import Any

from .article import load_article, parse, read_text
from .errors import ArticleError, CaseError, KitError, SaveError
from .records import (
    ACTOR_KINDS,
    EVIDENCE_TYPES,
    PARAGRAPH_KINDS,
    STANCE_VALUES,
    Actor,
    Article,
    Case,
    Credits,
    Group,
    Mention,
    Paragraph,
    Position,
    Quote,
    Reported,
    Sentence,
    Stance,
)

__version__ = "0.1.0"

# name -> module that defines it; loaded on first attribute access (PEP 562).
_LAZY = {
    "load_case": "case",
    "check_case": "case",
    "draft_case": "case",
    "case_from_article": "case",
    "analysis": None,
    "plots": None,
    "widgets": None,
    "exercises": None,
    "storage": None,
    "export": None,
    "formats": None,
    "ArticleExplorer": "widgets",
    "VoicesExplorer": "widgets",
    "StanceCoder": "widgets",
    "compare_files": "codingfile",
    "CoalitionExplorer": "widgets",
    # the class view (issue 13)
    "collect_codings": "class_files",
    "class_results": "class_view",
    "ClassExplorer": "class_explorer",
    "example_class": "class_files",
}

__all__ = [
    "parse", "load_article", "read_text",
    "KitError", "ArticleError", "CaseError", "SaveError",
    "Article", "Paragraph", "Sentence", "Credits", "Actor", "Mention", "Quote", "Reported",
    "Case", "Position", "Stance", "Group",
    "PARAGRAPH_KINDS", "ACTOR_KINDS", "STANCE_VALUES", "EVIDENCE_TYPES",
    *_LAZY,
]


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'kit' has no attribute {name!r}")
    module_name = _LAZY[name]
    if module_name is None:
        value: Any = importlib.import_module(f".{name}", __name__)
    else:
        value = getattr(importlib.import_module(f".{module_name}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
