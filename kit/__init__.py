"""kit: one news article as a hands-on lesson on actors, positions and coalitions.

>>> import kit
>>> art = kit.load_article()
>>> len(art.paragraphs) > 20
True

The layers, each a folder importing only from those above it in this list
(docs/design.md has the map; ``tests/test_layers.py`` enforces it):
``records``/``errors``/``util``/``data`` → ``parse`` → ``case`` → ``analysis`` →
``plots``/``export`` → ``learner`` → ``explore`` → ``exercises`` → ``lessons`` → ``cli``.

The light core (records, parsing) is imported at once; everything else loads
on first use, so ``import kit`` stays fast (no matplotlib, pandas, networkx,
ipywidgets or PyYAML).
"""

from __future__ import annotations

import importlib
from typing import Any

from .errors import ArticleError, CaseError, KitError, SaveError
from .parse.article import load_article, parse, read_text
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

# name -> module that defines it (None: the name is a subpackage or module); loaded on first use (PEP 562).
_LAZY: dict[str, str | None] = {
    "load_case": "case",
    "draft_case": "case",
    "case_from_article": "case",
    "case": None,
    "analysis": None,
    "plots": None,
    "export": None,
    "learner": None,
    "explore": None,
    "exercises": None,
    "lessons": None,
    "ArticleExplorer": "explore",
    "VoicesExplorer": "explore",
    "CoalitionExplorer": "explore",
    "StanceCoder": "explore",
    "CaseBuilder": "explore",
    "table": "explore",
    "compare_files": "learner",
    # writing a case back (issue 19)
    "save_case": "learner",
    "case_pack": "learner",
    # the class view (issue 13)
    "collect_codings": "learner",
    "example_class": "learner",
    "class_results": "explore",
    "ClassExplorer": "explore",
}

__all__ = [
    "parse",
    "load_article",
    "read_text",
    "KitError",
    "ArticleError",
    "CaseError",
    "SaveError",
    "Article",
    "Paragraph",
    "Sentence",
    "Credits",
    "Actor",
    "Mention",
    "Quote",
    "Reported",
    "Case",
    "Position",
    "Stance",
    "Group",
    "PARAGRAPH_KINDS",
    "ACTOR_KINDS",
    "STANCE_VALUES",
    "EVIDENCE_TYPES",
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
