"""Reading typed fields from case-file entries (``actors``, ``positions``, ``stances``, ``groups``).

Each field has a kind: ``text``, ``id`` (snake_case text), ``list`` (of
texts) or ``flag`` (true or false). A value of the wrong kind is a problem with a hint ("expected a list,
got the single text 'x'; write it as [x]"), and the field is left out so
later checks do not report it twice.

>>> from kit.case.yamlfile import Problems
>>> problems = Problems("case.yaml", {("groups", 0, "members"): 7})
>>> check_value("france", "list", ("groups", 0, "members"), problems) is None
True
>>> problems.messages()[0].split(";")[0]
"case.yaml:7: groups[0].members: expected a list, got the single text 'france'"
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..util import snake_id
from .yamlfile import Path_, Problems, suggest

__all__ = ["is_id", "check_value", "read_entries", "good", "Spec"]

_SNAKE = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")


def is_id(value: str) -> bool:
    """Whether ``value`` is a snake_case id such as ``john_kerry``."""
    return bool(_SNAKE.match(value))


#: Field kinds: "text" (a string), "id" (a snake_case string), "list" (a list of strings), "flag" (true/false).
Spec = dict[str, str]


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (YAML reads yes/no/on/off/true/false as true or false)"
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    if value is None:
        return "nothing"
    return f"{value!r}"


def check_value(value: Any, kind: str, path: Path_, problems: Problems) -> Any:
    """Return ``value`` if it has the right kind, else record a problem and return ``None``."""
    if kind in ("text", "id"):
        if isinstance(value, (int, float)) and not isinstance(value, bool) and kind == "text":
            return str(value)
        if not isinstance(value, str):
            problems.add(path, f"expected text, got {_describe(value)}; put it in quotes")
            return None
        if kind == "id" and not is_id(value):
            fixed = snake_id(value) or "my_id"
            problems.add(
                path, f"{value!r} is not a snake_case id; write it like {fixed!r} (lower case letters, digits and _)"
            )
            return None
        return value
    if kind == "flag":
        if not isinstance(value, bool):
            problems.add(path, f"expected true or false, got {_describe(value)}")
            return None
        return value
    if kind == "list":
        if isinstance(value, str):
            problems.add(
                path,
                f"expected a list, got the single text {value!r}; write it as [{value}] or as lines starting with '- '",
            )
            return None
        if not isinstance(value, list):
            problems.add(path, f"expected a list, got {_describe(value)}; write it as [a, b]")
            return None
        out = []
        for i, item in enumerate(value):
            if isinstance(item, str) and item.strip():
                out.append(item)
            else:
                problems.add(path + (i,), f"expected text, got {_describe(item)}; put it in quotes")
        return tuple(out)
    raise ValueError(kind)


def read_entries(
    data: dict[str, Any], key: str, spec: Spec, required: Sequence[str], problems: Problems
) -> list[tuple[int, dict[str, Any]]]:
    """Read the list ``data[key]`` of mappings, checking each field's kind.

    Returns ``(index, fields)`` pairs; fields with problems are left out, so
    later checks do not report them twice. Unknown and missing required fields
    are problems too.
    """
    raw = data.get(key)
    if raw is None:
        return []
    if not isinstance(raw, list):
        problems.add((key,), f"expected a list of entries (lines starting with '- '), got {_describe(raw)}")
        return []
    entries = []
    for i, item in enumerate(raw):
        path: Path_ = (key, i)
        if not isinstance(item, dict):
            problems.add(path, f"expected an entry with fields ({', '.join(spec)}), got {_describe(item)}")
            continue
        fields: dict[str, Any] = {}
        for name, value in item.items():
            if name not in spec:
                hint = suggest(str(name), list(spec), what="field", fuzzy=problems.fuzzy)
                problems.add(path + (name,), f"unknown field {name!r}; {hint}")
                continue
            if value is None or value == "":
                continue
            checked = check_value(value, spec[name], path + (name,), problems)
            fields[name] = checked if checked is not None else _BAD
        for name in required:
            if name not in fields:
                problems.add(path, f"missing required field {name!r}; every entry in {key} needs {', '.join(required)}")
        entries.append((i, {k: v for k, v in fields.items()}))
    return entries


class _Bad:
    """Marks a field whose problem was already reported."""

    def __repr__(self) -> str:
        return "<bad>"


_BAD = _Bad()


def good(fields: dict[str, Any], name: str, default: Any = None) -> Any:
    """A field's checked value, or ``default`` if it is missing or was bad."""
    value = fields.get(name, default)
    return default if value is _BAD else value
