"""Bounded, safe YAML for case files: limits checked before anything is built.

PyYAML's safe loader runs no code, but on hostile input it can still crash
(100,000 nested ``[`` overflow the C stack), hang (a 566-byte "billion laughs"
of nested aliases), or raise ``ValueError``/``KeyError``/``AttributeError``/
``RecursionError`` without a line. Here the document is composed from the
parser's event stream by a loop, not by recursion, and refused as soon as it
passes :data:`MAX_DEPTH` levels or :data:`MAX_NODES` values, where an alias
counts as every value it repeats and an alias inside its own anchor is a
loop. Only then is it constructed, with the safe constructor, and a value it
cannot read (``!!int abc``, ``2014-02-30``) is reported at its line.

Every refusal is a one-line :class:`~kit.errors.CaseError`:
``case.yaml:LINE:COLUMN: problem; what to do``.

>>> node = compose("a: &x [1, 2]\\nb: *x\\n", "case.yaml")
>>> construct(node, "case.yaml")
{'a': [1, 2], 'b': [1, 2]}
>>> compose("a: [[[[1]]]]", "case.yaml", max_depth=3)
Traceback (most recent call last):
...
kit.errors.CaseError: case.yaml:1:6: values nested more than 3 levels deep; ...
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.resolver import Resolver

from ..errors import CaseError
from ..fileio import one_line

__all__ = ["compose", "construct", "MAX_BYTES", "MAX_DEPTH", "MAX_NODES"]

#: The largest case file read, in bytes: 1 MB = 1,000,000 (the reference case is 13 kB: this is 75 times that).
MAX_BYTES = 1_000_000
#: How deeply values may nest (a case file needs 4: fields, a list, an entry, its aliases).
MAX_DEPTH = 32
#: How many values (keys, texts, lists, mappings) a case file may hold, each alias counting as the
#: values it repeats: the reference case has 532, a 1 MB case file written like it about 45,000.
MAX_NODES = 100_000

# The characters YAML refuses (yaml.reader.Reader.NON_PRINTABLE), found before parsing so they get a line.
_NON_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_Events = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when PyYAML has it
_SYNTAX_HINT = "check the indentation there, and put text containing ': ' or ' #' in quotes"


def _error(name: str, line: int, column: int, message: str) -> CaseError:
    text = f"{name}:{line}:{column}: {one_line(message)}"
    return CaseError(text, (text,))


def _at(name: str, mark: Any, message: str) -> CaseError:
    return _error(name, mark.line + 1, mark.column + 1, message)


def _where(text: str, pos: int) -> tuple[int, int]:
    pos = max(0, min(pos, len(text)))
    return text.count("\n", 0, pos) + 1, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _check_characters(text: str, name: str, max_chars: int) -> None:
    if len(text) > max_chars:
        message = (
            f"{name}: more than {max_chars:,} characters is too large for a case file; "
            "split the coding into several case files"
        )
        raise CaseError(message, (message,))
    nul = text.find("\x00")
    if nul >= 0:
        raise _error(
            name,
            *_where(text, nul),
            "contains a NUL byte: this looks like a binary file, not a YAML "
            "text file; open the case file in a text editor, save it as UTF-8 text",
        )
    bad = _NON_PRINTABLE.search(text)
    if bad:
        raise _error(
            name,
            *_where(text, bad.start()),
            f"control character U+{ord(bad.group()):04X} is not "
            "allowed in YAML; delete it (most editors do not show it) "
            "and check again",
        )


def _syntax(exc: yaml.YAMLError, name: str, text: str) -> CaseError:
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        what = (exc.problem or "not valid YAML").strip()
        context = ""
        if exc.context:
            started = exc.context_mark
            at = f" that starts on line {started.line + 1}" if started and mark and started.line != mark.line else ""
            context = f" ({exc.context.strip()}{at})"
        if mark is None:
            return _error(name, 1, 1, f"YAML syntax error: {what}{context}; {_SYNTAX_HINT}")
        return _at(name, mark, f"YAML syntax error: {what}{context}; {_SYNTAX_HINT}")
    position = getattr(exc, "position", None)  # a ReaderError: a character offset
    line, column = _where(text, position) if isinstance(position, int) else (1, 1)
    return _error(name, line, column, f"not valid YAML ({exc}); save the case file as UTF-8 text")


def compose(
    text: str, name: str, *, max_depth: int = MAX_DEPTH, max_nodes: int = MAX_NODES, max_chars: int = MAX_BYTES
) -> yaml.Node | None:
    """The YAML node graph of one document, refused early if it is too deep, too large or loops.

    Returns ``None`` for an empty document. Aliases share their anchor's node
    (as PyYAML's composer does), so nothing is ever copied.

    Raises:
        CaseError: one line, ``name:line:column: problem; what to do``.
    """
    _check_characters(text, name, max_chars)
    parser = _Events(text)
    try:
        return _compose(parser, name, max_depth, max_nodes)
    except yaml.YAMLError as exc:
        raise _syntax(exc, name, text) from None
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose:
            dispose()


def _compose(parser: Any, name: str, max_depth: int, max_nodes: int) -> yaml.Node | None:
    """PyYAML's Composer as a loop over events, counting depth and values as it goes."""
    get, resolve = parser.get_event, Resolver().resolve
    anchors: dict[str, tuple[yaml.Node, int | None]] = {}  # anchor -> node, values it holds (None: still open)
    stack: list[list[Any]] = []  # open collections: [node, anchor, count at its start, pending key, is a list]
    count = 0  # values so far, each alias counting as the values it repeats
    root: yaml.Node | None = None
    get()  # StreamStart
    if parser.check_event(yaml.StreamEndEvent):
        return None
    get()  # DocumentStart
    while True:
        event = get()
        cls = type(event)
        if cls is yaml.ScalarEvent:
            tag = event.tag
            if tag is None or tag == "!":
                tag = resolve(yaml.ScalarNode, event.value, event.implicit)
            node: yaml.Node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
            count += 1
            if event.anchor is not None:
                _new_anchor(anchors, event, node, 1, name)
        elif cls is yaml.AliasEvent:
            known = anchors.get(event.anchor)
            if known is None:
                raise _at(
                    name,
                    event.start_mark,
                    f"the alias *{event.anchor} has no anchor &{event.anchor} "
                    "before it; define the anchor first, or write the value out",
                )
            node, size = known
            if size is None:
                raise _at(
                    name,
                    event.start_mark,
                    f"the alias *{event.anchor} is inside its own anchor "
                    f"&{event.anchor} (a loop); write the value out instead",
                )
            count += size
        elif cls is yaml.SequenceStartEvent or cls is yaml.MappingStartEvent:
            if len(stack) >= max_depth:
                raise _at(
                    name,
                    event.start_mark,
                    f"values nested more than {max_depth} levels deep; a case file "
                    "needs 4: look for stray [ or { and for indentation that runs away",
                )
            is_list = cls is yaml.SequenceStartEvent
            kind = yaml.SequenceNode if is_list else yaml.MappingNode
            tag = event.tag
            if tag is None or tag == "!":
                tag = resolve(kind, None, event.implicit)
            node = kind(tag, [], event.start_mark, None, event.flow_style)
            count += 1
            if event.anchor is not None:
                _new_anchor(anchors, event, node, None, name)
            stack.append([node, event.anchor, count, None, is_list])
            continue
        elif cls is yaml.SequenceEndEvent or cls is yaml.MappingEndEvent:
            node, anchor, start, _, _ = stack.pop()
            node.end_mark = event.end_mark
            if anchor is not None:
                anchors[anchor] = (node, count - start + 1)
        elif cls is yaml.DocumentEndEvent:
            break
        else:
            continue
        if count > max_nodes:
            raise _at(
                name,
                event.start_mark,
                f"too many values (over {max_nodes:,}, each *alias counting as "
                "the values it repeats); a case file holds a few thousand: remove "
                "repeated aliases or split the case file",
            )
        if not stack:
            root = node
            continue
        frame = stack[-1]
        if frame[4]:
            frame[0].value.append(node)
        elif frame[3] is None:
            frame[3] = node
        else:
            frame[0].value.append((frame[3], node))
            frame[3] = None
    if not parser.check_event(yaml.StreamEndEvent):
        raise _at(
            name,
            parser.peek_event().start_mark,
            "a second YAML document (after a line ---); a case file "
            "is one document: remove the --- line and what follows",
        )
    return root


def _new_anchor(
    anchors: dict[str, tuple[yaml.Node, int | None]], event: Any, node: yaml.Node, size: int | None, name: str
) -> None:
    if event.anchor in anchors:
        first = anchors[event.anchor][0].start_mark.line + 1
        raise _at(
            name,
            event.start_mark,
            f"the anchor &{event.anchor} is defined twice (first on line {first}); give each anchor its own name",
        )
    anchors[event.anchor] = (node, size)


# What the safe constructor raises for a scalar it cannot read, besides its own ConstructorError.
_VALUE_ERRORS = (ValueError, KeyError, AttributeError, TypeError, IndexError, OverflowError, RecursionError)
_KINDS = {
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "timestamp": "a date",
    "binary": "base64 data",
    "null": "an empty value",
}
#: Longer integers are refused before Python converts them (a sexagesimal ``1:2:3:…`` grows without end).
_MAX_INT_CHARS = 1000


class _Unreadable(ConstructorError):
    """A value the safe constructor cannot read; its ``problem`` already says what to do."""


def _cannot_read(node: yaml.Node, exc: Exception) -> _Unreadable:
    if isinstance(exc, RecursionError):
        return _Unreadable(None, None, "values nested too deeply; look for stray [ or {", node.start_mark)
    kind = node.tag.rsplit(":", 1)[-1]
    if isinstance(node, yaml.ScalarNode):
        value = node.value if len(node.value) <= 40 else node.value[:40] + "…"
        what = _KINDS.get(kind, "readable as " + node.tag)
        reason = str(exc).split(";")[0]
        if kind == "int" and (len(node.value) > _MAX_INT_CHARS or "digits" in reason):
            what += f" of a sensible size (it is {len(node.value):,} characters long)"
        elif kind == "timestamp" and isinstance(exc, ValueError) and len(reason) <= 40:
            what = f"a real date ({reason})"
        problem = f"the value {value!r} is not {what}; put it in quotes to keep it as text (and drop any !! tag)"
    else:
        problem = f"this {node.tag} value cannot be read ({type(exc).__name__}); write it out as plain YAML"
    return _Unreadable(None, None, problem, node.start_mark)


class _Constructor(SafeConstructor):
    """PyYAML's safe constructor, reporting every value it cannot read at that value's line."""

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        if len(node.value) > _MAX_INT_CHARS:
            raise ValueError("too long")
        return super().construct_yaml_int(node)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except yaml.YAMLError:
            raise
        except _VALUE_ERRORS as exc:
            raise _cannot_read(node, exc) from None

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Any:
        try:
            return super().construct_mapping(node, deep=deep)
        except yaml.YAMLError:
            raise
        except _VALUE_ERRORS as exc:
            raise _cannot_read(node, exc) from None

    def flatten_mapping(self, node: yaml.MappingNode) -> None:
        try:
            super().flatten_mapping(node)
        except yaml.YAMLError:
            raise
        except _VALUE_ERRORS as exc:
            raise _cannot_read(node, exc) from None


_Constructor.add_constructor("tag:yaml.org,2002:int", _Constructor.construct_yaml_int)  # type: ignore[type-var]


def construct(node: yaml.Node | None, name: str) -> Any:
    """The Python value of a node graph from :func:`compose` (safe tags only).

    Raises:
        CaseError: one line, at the value that cannot be read (an unknown or unsafe tag, ``!!int abc``, ...).
    """
    if node is None:
        return None
    try:
        return _Constructor().construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark or node.start_mark
        what = (exc.problem or "cannot be read").strip()
        if isinstance(exc, _Unreadable):
            raise _at(name, mark, what) from None
        if what.startswith("could not determine a constructor"):  # an unknown or unsafe tag
            raise _at(name, mark, f"YAML syntax error: {what}; only plain YAML is read: remove the !tag") from None
        raise _at(name, mark, f"YAML syntax error: {what}; {_SYNTAX_HINT}") from None
    except yaml.YAMLError as exc:
        raise _syntax(exc, name, "") from None
    except _VALUE_ERRORS as exc:
        raise _at(name, node.start_mark, _cannot_read(node, exc).problem or "cannot be read") from None
