"""The kit runs on Python 3.10 too (``requires-python`` in pyproject.toml; Ubuntu 22.04's python3).

Python 3.10's ``re`` has no possessive quantifiers nor atomic groups: written into a pattern, they
make ``import kit`` fail there with "multiple repeat". A pattern reads possessively only through
``kit.parse.patterns.POSSESSIVE``, which is empty on 3.10.
"""

from __future__ import annotations

import re
from pathlib import Path

import kit

# a quantifier followed by "+" (possessive), or an atomic group, anywhere in the source
_PY311_ONLY = re.compile(r"(?:[\])a-z.]|\\[wdsS])(?:\+\+|\*\+|\?\+)|\}\+|\(\?>")


def test_no_pattern_uses_what_python_310_lacks() -> None:
    root = Path(kit.__file__).parent
    found = [
        f"{path.relative_to(root)}:{n}: {line.strip()}"
        for path in sorted(root.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if not line.lstrip().startswith("#") and _PY311_ONLY.search(line)
    ]
    assert found == [], "write possessive quantifiers with patterns.POSSESSIVE: " + "; ".join(found)


def test_possessive_is_empty_before_311() -> None:
    import sys

    from kit.parse.patterns import POSSESSIVE

    assert POSSESSIVE == ("+" if sys.version_info >= (3, 11) else "")
