"""Quote attribution measured on PolNeAR's train split: who said each direct quote?

Gold quotes come from PolNeAR's annotations (``polnear.py``: paired quotation
marks at least half covered by one attribution's content; its Source span is
the speaker); ``kit.parse`` predicts quotes and speaker spans; scoring and
failure kinds are in ``attribution_score.py``. Target: F1 >= 0.90.

The corpus is not in the repository (its texts are copyrighted): set
``KIT_POLNEAR_DIR`` to the folder that holds ``train/`` and ``metadata.tsv``.
Without it the benchmark prints one line and exits 0. Only the train split is
read, and only articles with a single annotator. ``--failures FILE`` writes one
record per failed gold quote, with corpus text, for parser developers; FILE
must lie outside any git checkout, so the text never gets committed.

    KIT_POLNEAR_DIR=/path/to/polnear/data .venv/bin/python benchmarks/bench_attribution.py \\
        [--markdown | --json] [--failures /tmp/polnear-failures.txt]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from dataclasses import asdict
from pathlib import Path
from types import ModuleType
from typing import Any

__all__ = ["TARGET_F1", "evaluate", "format_report", "failure_records", "check_dump_path", "run", "main"]

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TARGET_F1 = 0.90
TOP_KINDS = 10


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


polnear = _sibling("polnear")
score = _sibling("attribution_score")


def _summary(counts: Any, articles: int) -> dict[str, Any]:
    p, r, f1 = score.prf(counts)
    return {"articles": articles, **asdict(counts), "precision": p, "recall": r, "f1": f1}


def evaluate(root: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Parse every single-annotator train article and score it.

    Returns:
        The report (JSON-ready: counts, figures, failure kinds and the most
        common cue words, no corpus sentences) and one record per failed gold
        quote (with corpus text: see :func:`failure_records`).
    """
    import kit

    articles = polnear.single_annotator_articles(root)
    total, by_pub = score.Counts(), {}  # by_pub: publisher -> Counts
    n_by_pub: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    swapped = 0
    names: Counter[str] = Counter()
    missed_cues: Counter[str] = Counter()
    doubled: Counter[str] = Counter()  # quotes in ''…'' marks, outside the gold definition
    failures = []
    by_rule: Counter[tuple[str, bool]] = Counter()  # (rule, speaker right) over attributed, matched quotes
    for item in articles:
        text = item.text_path.read_text(encoding="utf-8")
        attributions = polnear.parse_ann(item.ann_path.read_text(encoding="utf-8"))
        swapped += sum(a.swapped for a in attributions)
        gold = polnear.gold_quotes(text, attributions)
        doubled[item.publisher] += len(polnear.gold_quotes(text, attributions, doubled_apostrophes=True)) - len(gold)
        art = kit.parse(text)
        if art.text != text:
            raise ValueError(f"{item.name}: kit.parse changed the text (BOM or CRLF?), so offsets would not align")
        paragraphs = polnear.paragraph_spans(text)
        counts, outcomes = score.score_article(gold, art.quotes, text=text, paragraphs=paragraphs)
        total += counts
        by_rule += score.rule_counts(gold, art.quotes)
        by_pub.setdefault(item.publisher, score.Counts())
        by_pub[item.publisher] += counts
        n_by_pub[item.publisher] += 1
        for outcome in outcomes:
            mapping = score.name_mapping(outcome.gold, outcome.predicted, text, art.actors, art.mentions)
            if mapping is not None:
                _, via_speaker, via_mention = mapping
                names.update(
                    gold_names=1, via_speaker=via_speaker, via_mention=via_mention, either=via_speaker or via_mention
                )
            if not outcome.right:
                kinds[outcome.kind] += 1
                if outcome.kind.startswith("no speaker"):
                    cue = " ".join(" ".join(text[a:b] for a, b in outcome.gold.cue).lower().split())
                    missed_cues[cue[:40]] += 1
                failures.append(failure_records(item, text, art, outcome, paragraphs))
    per_article = Counter(p.stem.rsplit("_", 1)[0] for p in (polnear.split_dir(root) / "attributions").glob("*.ann"))
    multi = sum(1 for n in per_article.values() if n > 1)
    report = {
        "corpus": {
            "split": polnear.SPLIT,
            "articles": len(articles),
            "multi_annotator_left_out": multi,
            "gold_quotes": total.gold,
            "gold_without_source": total.gold_no_source,
            "source_cue_swaps_fixed": swapped,
            "doubled_apostrophe_quotes_left_out": {p: n for p, n in sorted(doubled.items()) if n},
        },
        "target_f1": TARGET_F1,
        "overall": _summary(total, len(articles)),
        "publishers": {pub: _summary(by_pub[pub], n_by_pub[pub]) for pub in sorted(by_pub)},
        "failure_kinds": kinds.most_common(),
        "failures_by_outcome": Counter(k.split(":")[0].split(" (")[0] for k in kinds.elements()).most_common(),
        "no_speaker_cues": missed_cues.most_common(TOP_KINDS),
        "proper_names": {k: names[k] for k in ("gold_names", "via_speaker", "via_mention", "either")},
        "rules": {
            rule: {"attributed": by_rule[(rule, True)] + by_rule[(rule, False)], "right": by_rule[(rule, True)]}
            for rule in sorted({r for r, _ in by_rule}, key=lambda r: -(by_rule[(r, True)] + by_rule[(r, False)]))
        },
    }
    return report, failures


def _cut(text: str, start: int, end: int, *, width: int = 500) -> str:
    """``text[start:end]`` on one line, shortened in the middle beyond ``width``."""
    piece = text[start:end].replace("\n", " ⏎ ")
    return piece if len(piece) <= width else piece[: width // 2] + " [...] " + piece[-width // 2 :]


def failure_records(item: Any, text: str, art: Any, outcome: Any, paragraphs: list[tuple[int, int]]) -> dict[str, Any]:
    """One failed gold quote for the dump: offsets, the source and speaker texts, the context.

    Contains corpus text: never print it into the repository (:func:`check_dump_path`).
    """
    g, p = outcome.gold, outcome.predicted
    spans = [(g.start, g.end), *g.source]
    record: dict[str, Any] = {
        "kind": outcome.kind,
        "article": item.name,
        "publisher": item.publisher,
        "gold_quote": [g.start, g.end],
        "gold_source": [list(s) for s in g.source],
        "gold_source_text": " ".join(text[a:b] for a, b in g.source),
        "gold_cue_text": " ".join(text[a:b] for a, b in g.cue),
        "predicted_quote": None,
        "speaker_span": None,
        "speaker_text": None,
        "speaker_actor": None,
    }
    if p is not None:
        record["predicted_quote"] = [p.start, p.end]
        record["flags"] = [f for f in ("partial", "continued") if getattr(p, f)]
        if p.speaker_start is not None:
            record["speaker_span"] = [p.speaker_start, p.speaker_end]
            record["speaker_text"] = text[p.speaker_start : p.speaker_end]
            spans.append((p.speaker_start, p.speaker_end))
        if p.speaker:
            actor = next((a for a in art.actors if a.id == p.speaker), None)
            record["speaker_actor"] = f"{p.speaker} ({actor.kind})" if actor else p.speaker
    lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
    lo = min(lo, next((s for s, e in paragraphs if s <= lo < e), lo))
    hi = max(hi, next((e for s, e in paragraphs if s <= hi - 1 < e), hi))
    record["context"] = _cut(text, lo, hi, width=900)
    return record


def check_dump_path(path: str | Path) -> Path:
    """The failure-dump path, refused inside this repository or any other git checkout.

    Raises:
        ValueError: the path lies inside a git work tree (the dump quotes copyrighted text).
    """
    target = Path(path).expanduser().resolve()
    for folder in (target, *target.parents):
        if folder == REPO or (folder / ".git").exists():
            raise ValueError(
                f"refusing to write the failure dump to {target}: it lies inside the git checkout "
                f"{folder}, and the dump quotes copyrighted PolNeAR text that must never be "
                f"committed. Write it outside, e.g. /tmp/polnear-failures.txt"
            )
    return target


def write_failures(path: Path, failures: list[dict[str, Any]]) -> None:
    """Write the failure records as readable text blocks, grouped by kind (most frequent first)."""
    order = Counter(f["kind"] for f in failures)
    lines = [
        f"# {len(failures)} failed gold quotes on PolNeAR {polnear.SPLIT}. CORPUS TEXT: do not commit or share.",
        "# Offsets are [start, end) into the article text; ⏎ marks a line break.",
        "",
    ]
    for f in sorted(failures, key=lambda f: (-order[f["kind"]], f["kind"], f["article"], f["gold_quote"])):
        lines += [
            f"=== {f['kind']} | {f['article']} ({f['publisher']})",
            f"gold quote {f['gold_quote']}  source {f['gold_source']}: {f['gold_source_text']!r}  "
            f"cue: {f['gold_cue_text']!r}",
            f"kit quote {f['predicted_quote']} {' '.join(f.get('flags', []))}  speaker {f['speaker_span']}: "
            f"{f['speaker_text']!r}  actor: {f['speaker_actor']}",
            f"context: {f['context']}",
            "",
        ]
    path.write_text("\n".join(lines), encoding="utf-8")


def _table(header: list[str], rows: list[list[str]], *, markdown: bool) -> str:
    if markdown:
        return "\n".join(
            ["| " + " | ".join(header) + " |", "|" + "---|" * len(header), *("| " + " | ".join(r) + " |" for r in rows)]
        )
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells):
        return "  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    return "\n".join([line(header), line(["-" * w for w in widths]), *map(line, rows)])


def format_report(report: dict[str, Any], *, markdown: bool = False) -> str:
    """The report as plain-text (or Markdown) tables; it contains no corpus text."""
    c, o = report["corpus"], report["overall"]
    head = "### " if markdown else ""
    out = [
        f"{head}Quote attribution on PolNeAR {c['split']}: {c['articles']} single-annotator articles "
        f"({c['multi_annotator_left_out']} multi-annotator left out)",
        "",
        f"Gold quotes: {c['gold_quotes']} ({c['gold_without_source']} whose attribution names no source, "
        f"never right; {c['source_cue_swaps_fixed']} swapped Source/Cue pairs fixed). Predicted quotes: "
        f"{o['predicted']}, {o['attributed']} with a speaker span; {o['attributed_unmatched']} of these match "
        f"no gold quote and are not counted in precision ({o['unmatched']} unmatched in all).",
    ]
    if c["doubled_apostrophe_quotes_left_out"]:
        left_out = ", ".join(f"{p} {n}" for p, n in c["doubled_apostrophe_quotes_left_out"].items())
        out += [
            "Left out: quotes marked with doubled apostrophes ('' ... ''; the gold pairs only "
            f'“…” and "…"): {left_out}.'
        ]
    out += [""]
    header = ["publisher", "articles", "gold", "gold right", "attributed", "attributed right", "P", "R", "F1"]
    rows = [
        [
            name,
            str(s["articles"]),
            str(s["gold"]),
            str(s["gold_right"]),
            str(s["attributed_matched"]),
            str(s["attributed_right"]),
            f"{s['precision']:.3f}",
            f"{s['recall']:.3f}",
            f"{s['f1']:.3f}",
        ]
        for name, s in [("overall", o), *report["publishers"].items()]
    ]
    out += [
        _table(header, rows, markdown=markdown),
        "",
        "(R = gold right / gold quotes; P = attributed right / attributed: predicted quotes with a speaker "
        "span that match a gold quote)",
        "",
    ]
    failed = sum(n for _, n in report["failure_kinds"])
    out += [
        f"{head}Failure kinds: top {TOP_KINDS} of {len(report['failure_kinds'])} ({failed} failed gold quotes: "
        + ", ".join(f"{k} {n}" for k, n in report["failures_by_outcome"])
        + ")",
        "",
    ]
    out += [
        _table(
            ["kind", "count", "share"],
            [[k, str(n), f"{n / failed:.1%}"] for k, n in report["failure_kinds"][:TOP_KINDS]],
            markdown=markdown,
        ),
        "",
    ]
    out += [
        f"Cues of the gold quotes left without a speaker (top {TOP_KINDS}): "
        + ", ".join(f"{cue!r} {k}" for cue, k in report["no_speaker_cues"])
        + ".",
        "",
    ]
    rules = report.get("rules", {})
    if rules:
        out += [
            f"{head}Precision per attribution rule (the rule that gave the speaker, `Quote.rule`)",
            "",
            _table(
                ["rule", "attributed", "right", "P"],
                [
                    [r, str(v["attributed"]), str(v["right"]), f"{v['right'] / v['attributed']:.3f}"]
                    for r, v in rules.items()
                ],
                markdown=markdown,
            ),
            "",
        ]
    n = report["proper_names"]

    def share(k):
        return f"{n[k]} ({n[k] / n['gold_names']:.1%})" if n["gold_names"] else "0"

    out += [
        f"Proper-name gold speakers: {n['gold_names']}. Mapped to a person/organization actor whose name "
        f"contains the name: via the quote's speaker {share('via_speaker')}, via a mention at the Source "
        f"{share('via_mention')}, either {share('either')}.",
        "",
        f"F1 {o['f1']:.3f} vs target >= {report['target_f1']:.2f}: "
        + ("ok" if o["f1"] >= report["target_f1"] else "MISSED"),
    ]
    return "\n".join(out)


def run() -> list[dict[str, Any]]:
    """Rows for benchmarks/run.py: F1 against the target, P, R, and the proper-name figure."""
    name = f"quote attribution F1 (PolNeAR {polnear.SPLIT}"
    target = f">= {TARGET_F1:.2f}"
    root, _ = polnear.corpus_root()
    if root is None:
        skipped = f"skipped: {polnear.ENV_VAR} unset or absent"
        return [{"name": name + ")", "value": skipped, "target": target, "ok": None}]
    report, _ = evaluate(root)
    o, c, n = report["overall"], report["corpus"], report["proper_names"]
    return [
        {"name": f"{name}, {c['articles']} articles)", "value": o["f1"], "target": target, "ok": o["f1"] >= TARGET_F1},
        {"name": f"quote attribution precision ({o['attributed_matched']} attributed quotes)", "value": o["precision"]},
        {"name": f"quote attribution recall ({c['gold_quotes']} gold quotes)", "value": o["recall"]},
        {
            "name": f"proper-name speakers mapped to a person/org actor ({n['gold_names']})",
            "value": n["either"] / n["gold_names"] if n["gold_names"] else 0.0,
        },
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--markdown", action="store_true", help="print Markdown tables (for docs)")
    form.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--failures", metavar="FILE", help="write every failure, with corpus text, to FILE (outside any git checkout)"
    )
    args = parser.parse_args(argv)
    try:
        dump = check_dump_path(args.failures) if args.failures else None
        root, why = polnear.corpus_root()
    except ValueError as exc:
        print(f"bench_attribution: {exc}", file=sys.stderr)
        return 2
    if root is None:
        print(f"bench_attribution: skipped: {why}")
        return 0
    report, failures = evaluate(root)
    print(json.dumps(report, indent=2) if args.json else format_report(report, markdown=args.markdown))
    if dump is not None:
        write_failures(dump, failures)
        print(f"{len(failures)} failures written to {dump}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
