"""The package's architecture, enforced: layers import only from layers below, never private names.

The layer map is the one in docs/design.md; a new top-level module or
subpackage must be placed in it (here and there) before it can land.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

KIT = Path(__file__).resolve().parents[1] / "kit"

#: kit.<top> -> rank; a module may import from its own rank or lower ones.
LAYERS: dict[str, int] = {
    "errors": 0,
    "records": 0,
    "util": 0,
    "data": 0,
    "fileio": 0,
    "writing": 0,
    "parse": 1,
    "case": 2,
    "analysis": 3,
    "plots": 4,
    "export": 4,
    "learner": 5,
    "explore": 6,
    "exercises": 7,
    "lessons": 8,
    "cli": 9,
    "launch": 9,
    "__main__": 9,
}
DESIGN = Path(__file__).resolve().parents[1] / "docs" / "design.md"


def _module_name(path: Path) -> str:
    parts = path.relative_to(KIT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _top(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if parts[0] == "kit" and len(parts) > 1 else None


def _imports(path: Path, text: str | None = None) -> list[tuple[int, str, list[str]]]:
    """(line, imported kit module, imported names) for every import of a kit module in ``path``."""
    module = _module_name(path)
    tree = ast.parse(path.read_text(encoding="utf-8") if text is None else text)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name, []) for a in node.names if a.name.startswith("kit.")]
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, path.name == "__init__.py", node)
            if target == "kit" or target.startswith("kit."):
                names = [a.name for a in node.names]
                if target == "kit":  # from kit import parse  /  from .. import plots
                    out += [(node.lineno, f"kit.{n}", []) for n in names]
                else:
                    out.append((node.lineno, target, names))
    return out


SOURCES = sorted(p for p in KIT.rglob("*.py") if p != KIT / "__init__.py")


def test_every_top_level_part_has_a_layer():
    tops = {_top(_module_name(p)) for p in SOURCES} - {None}
    missing = sorted(tops - set(LAYERS))
    assert not missing, f"place these in LAYERS (tests/test_layers.py) and in docs/design.md's layer map: {missing}"


def test_design_doc_lists_every_layer():
    text = DESIGN.read_text(encoding="utf-8")
    absent = [name for name in LAYERS if name != "__main__" and f"`{name}" not in text]
    assert not absent, f"docs/design.md's layer map does not name: {absent}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(KIT)))
def test_no_import_from_a_layer_above(path):
    source_top = _top(_module_name(path))
    rank = LAYERS[source_top]  # type: ignore[index]
    bad = [
        f"line {line}: {target} (layer {LAYERS[_top(target)]})"  # type: ignore[index]
        for line, target, _ in _imports(path)
        if _top(target) in LAYERS and LAYERS[_top(target)] > rank
    ]  # type: ignore[index]
    assert not bad, f"{path.relative_to(KIT)} (layer {rank}) imports from a layer above: {bad}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(KIT)))
def test_no_private_names_from_other_modules(path):
    module = _module_name(path)
    bad = [
        f"line {line}: {name} from {target}"
        for line, target, names in _imports(path)
        for name in names
        if name.startswith("_") and not name.startswith("__") and target != module
    ]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    aliases = {}
    for node in ast.walk(tree):  # modules bound to a name: from . import actors as _actors
        if isinstance(node, ast.ImportFrom):
            target = _resolve(module, path.name == "__init__.py", node)
            if target == "kit" or target.startswith("kit."):
                aliases.update({a.asname or a.name: f"{target}.{a.name}" for a in node.names})
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
        ):
            bad.append(f"line {node.lineno}: {node.value.id}.{node.attr}")
    assert not bad, f"{path.relative_to(KIT)} uses another module's private names: {bad}"


def test_the_checker_sees_violations():
    """The checks above can fail: an upward import and a private import in a parser module are both seen."""
    probe = KIT / "parse" / "probe.py"  # never written: the source is passed in
    found = _imports(probe, "from ..explore import widgets\nfrom .structure import _word_before\nimport kit.cli\n")
    assert [t for _, t, _ in found] == ["kit.explore", "kit.parse.structure", "kit.cli"]
    assert found[1][2] == ["_word_before"]
    assert all(LAYERS[_top(t)] > LAYERS["parse"] for t in ("kit.explore", "kit.cli"))  # type: ignore[index]
