"""The kit's package data: the bundled article, gazetteer, cue verbs, cases.

One accessor for every file here, so nothing depends on the working folder.

>>> data_text("article.txt").startswith("Secretary of State")
True
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable

__all__ = ["data_file", "data_text"]


def data_file(name: str) -> Traversable:
    """The packaged file ``kit/data/<name>`` (readable wherever the kit is installed)."""
    return resources.files(__name__) / name


def data_text(name: str) -> str:
    """The text of ``kit/data/<name>`` (UTF-8)."""
    return data_file(name).read_text(encoding="utf-8")
