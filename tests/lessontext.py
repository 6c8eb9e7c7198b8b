"""Shared by the lesson tests: the Markdown prose of a lesson notebook, to pin the facts it states."""

from __future__ import annotations

from pathlib import Path

import nbformat


def prose_of(path: Path) -> str:
    """All Markdown cells of the notebook at ``path``, joined."""
    nb = nbformat.read(str(path), as_version=4)
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
