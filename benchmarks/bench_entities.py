"""Persons and organisations found as actors, per genre, on CoNLL-2003 ``eng.train`` and GUM (not news).

Readers and their choices (prose only, reserved files never read) are in
``entity_corpora.py``; what counts as found and as really a person is in
``entity_score.py``. Targets, per genre: persons found >= 90 %, organisations
found >= 80 %, person actors really people >= 95 %.

The corpora are not in the repository: set ``KIT_CONLL_DIR`` (the folder
holding ``eng.train``) and/or ``KIT_GUM_DIR`` (the GUM folder holding
``dep/``). Without them the benchmark prints one line per corpus and exits 0.
``--failures FILE`` writes every miss with its context (corpus text) to FILE,
which must lie outside any git checkout.

    KIT_CONLL_DIR=/path/to/conll2003 KIT_GUM_DIR=/path/to/gum \\
        .venv/bin/python benchmarks/bench_entities.py [--markdown] [--failures /tmp/entity-misses.txt]
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

__all__ = ["TARGETS", "evaluate", "table", "run", "main"]

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
#: (counts field found, counts field total, label, target): one row each, per genre.
TARGETS = (
    ("persons_found", "persons", "persons found", 0.90),
    ("orgs_found", "orgs", "organisations found", 0.80),
    ("person_actors_right", "person_actors", "person actors really people", 0.95),
    ("org_actors_right", "org_actors", "organisation actors really organisations", None),
)


def _sibling(name: str) -> ModuleType:
    """A helper module next to this file, loaded by path (benchmarks/ is not a package)."""
    key = f"_bench_{name}"
    if key not in sys.modules:
        spec = importlib.util.spec_from_file_location(key, HERE / f"{name}.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module
        spec.loader.exec_module(module)
    return sys.modules[key]


corpora = _sibling("entity_corpora")
score = _sibling("entity_score")


def evaluate(docs: Iterable[Any], *, failures: list[tuple[str, str, str, str]] | None = None) -> dict[str, Any]:
    """Parse each document and sum the counts per genre (key ``"all"`` for every genre).

    ``failures`` (if given) receives ``(genre, what, kind, context)`` per miss.
    """
    import kit

    by_genre: dict[str, Any] = {}
    total = score.Counts()
    for doc in docs:
        art = kit.parse(doc.text)
        if art.text != doc.text:
            raise ValueError(f"{doc.name}: kit.parse changed the text, so offsets would not align")
        actors = score.actors_of(art)
        counts = score.score_doc(doc, actors)
        by_genre.setdefault(doc.genre, score.Counts())
        by_genre[doc.genre] += counts
        total += counts
        if failures is not None:
            failures.extend((doc.genre, *m) for m in score.misses(doc, actors))
    return {**dict(sorted(by_genre.items())), "all": total}


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def table(corpus: str, results: dict[str, Any], *, markdown: bool = False) -> str:
    """One row per genre: docs, each figure of :data:`TARGETS` with its counts."""
    header = ["genre", "docs", *(label for _, _, label, _ in TARGETS)]
    rows = []
    for genre, c in results.items():
        cells = [genre, str(c.docs)]
        for num, den, _, _ in TARGETS:
            a, b = getattr(c, num), getattr(c, den)
            cells.append(f"{_fmt(score.ratio(a, b))} ({a}/{b})")
        rows.append(cells)
    if markdown:
        lines = [f"**{corpus}**", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return "\n".join([corpus, fmt.format(*header), *(fmt.format(*r) for r in rows)])


def _corpora() -> list[tuple[str, Any, str]]:
    """``(corpus name, documents or None, why skipped)`` for each corpus."""
    out = []
    path, why = corpora.conll_path()
    out.append(("CoNLL-2003 eng.train (prose)", None if path is None else list(corpora.read_conll(path)), why))
    folder, why = corpora.gum_dir()
    out.append(("GUM (not news, not reddit)", None if folder is None else list(corpora.read_gum(folder)), why))
    return out


def run() -> list[dict[str, Any]]:
    """Rows for ``benchmarks/run.py``: each figure per corpus and genre, against its target."""
    rows: list[dict[str, Any]] = []
    for corpus, docs, why in _corpora():
        short = corpus.split()[0]
        if docs is None:
            rows.append({"name": f"entities {short}", "value": None, "unit": "", "target": f"skipped: {why}"})
            continue
        for genre, c in evaluate(docs).items():
            for num, den, label, target in TARGETS:
                value = score.ratio(getattr(c, num), getattr(c, den))
                rows.append(
                    {
                        "name": f"{short} {genre}: {label}",
                        "value": value,
                        "unit": "",
                        "target": "" if target is None else f">= {target:g}",
                        "ok": None if target is None or value is None else value >= target,
                    }
                )
    return rows


def _check_outside_git(path: str) -> Path:
    target = Path(path).expanduser().resolve()
    for folder in (target, *target.parents):
        if folder == REPO or (folder / ".git").exists():
            raise SystemExit(
                f"refusing to write corpus text into the git checkout {folder}: write it outside, e.g. /tmp"
            )
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="tables as Markdown (for docs/performance.md)")
    parser.add_argument("--failures", help="write every miss with its context to this file (outside the repository)")
    args = parser.parse_args(argv)
    dump = _check_outside_git(args.failures) if args.failures else None
    lines: list[str] = []
    for corpus, docs, why in _corpora():
        if docs is None:
            print(f"{corpus}: skipped ({why})")
            continue
        failures: list[tuple[str, str, str, str]] | None = [] if dump else None
        print(table(corpus, evaluate(docs, failures=failures), markdown=args.markdown) + "\n")
        if failures is not None:
            kinds = Counter((g, w, k) for g, w, k, _ in failures)
            lines.append(f"# {corpus}: CORPUS TEXT, do not commit. " + ", ".join(f"{k}: {n}" for k, n in kinds.items()))
            lines += [f"{g}\t{w} {k}\t{ctx}".replace("\n", " ⏎ ") for g, w, k, ctx in sorted(failures)]
    if dump:
        dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"misses written to {dump}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
