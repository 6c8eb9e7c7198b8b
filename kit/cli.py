"""The command line: ``python -m kit [summary|export|check|draft]``.

Every failure on bad input prints one line (or, for a case file, one line per
problem) to stderr and exits with status 2 -- never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Sequence, TextIO

from .analysis.voices import speaker_counts
from .errors import KitError
from .records import ACTOR_KINDS, Case

__all__ = ["main", "summary_text"]

EXIT_USAGE = 2


def _load(article: str | None, case: str | None, encoding: str | None) -> Case:
    from .case.load import case_from_article, load_case
    from .parse.article import load_article

    if article and case:
        raise KitError("give an article or --case, not both: a case file names its own article")
    if case:
        return load_case(case, encoding=encoding)
    if article:
        if Path(article).suffix.lower() in (".yaml", ".yml"):
            return load_case(article, encoding=encoding)
        return case_from_article(load_article(article, encoding=encoding))
    return load_case()


def summary_text(case: Case) -> str:
    """A readable summary: paragraphs, actors by kind, who is quoted how often."""
    art = case.article
    lines = [case.title or (art.source or "article")]
    kinds = Counter(p.kind for p in art.paragraphs)
    lines.append(
        f"{len(art.paragraphs)} paragraphs ("
        + ", ".join(f"{n} {k}" for k, n in kinds.items())
        + f"), {len(art.sentences)} sentences, {len(art.quotes)} quotes, {len(art.reported)} reported statements"
    )
    mentions = Counter(m.actor for m in case.mentions)
    lines.append("")
    lines.append("Actors by kind (mentions):")
    for kind in ACTOR_KINDS:
        group = [a for a in case.actors if a.kind == kind]
        if group:
            group.sort(key=lambda a: (-mentions[a.id], a.name))
            lines.append(f"  {kind}: " + ", ".join(f"{a.name} ({mentions[a.id]})" for a in group))
    if art.credits.names():
        lines.append(f"  not actors (credits): {', '.join(art.credits.names())}")
    quoted, reported = speaker_counts(case, unknown=True)
    lines.append("")
    lines.append("Who is quoted (direct quotes / reported statements):")
    for speaker in sorted(set(quoted) | set(reported), key=lambda s: (-quoted[s], -reported[s], str(s))):
        label = case.name_of(speaker) if speaker else "(speaker not found)"
        lines.append(f"  {label}: {quoted[speaker]} / {reported[speaker]}")
    if case.positions:
        lines.append("")
        lines.append(f"Coding: {len(case.positions)} positions, {len(case.stances)} stances, {len(case.groups)} groups")
    return "\n".join(lines)


def _write_via_temp(writer, out: TextIO, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"export{suffix}"
        writer(path)
        out.write(path.read_text(encoding="utf-8-sig"))  # no byte-order mark on a terminal or pipe


def _export(args: argparse.Namespace, out: TextIO) -> int:
    case = _load(args.article, args.case, args.encoding)
    fmt = args.format
    from . import export

    if fmt == "json":
        text = json.dumps(export.to_dict(case), ensure_ascii=False, indent=2 if args.indent else None)
        if args.out:
            Path(args.out).write_text(text + "\n", encoding="utf-8")
        else:
            out.write(text + "\n")
        return 0
    if fmt == "csv":
        if not args.out:
            raise KitError("--format csv writes several tables: give a folder with --out DIR")
        Path(args.out).mkdir(parents=True, exist_ok=True)
        for path in export.write_csv(case, Path(args.out)):
            print(path, file=sys.stderr)
        return 0
    writer = {"graphml": export.write_graphml, "dna": export.write_dna}[fmt]
    if args.out:
        writer(case, Path(args.out))
    else:
        _write_via_temp(lambda p: writer(case, p), out, "." + fmt)
    return 0


def _check(args: argparse.Namespace, out: TextIO) -> int:
    from .case.load import load_case

    case = load_case(args.case_file)
    counts = ", ".join(_plural(len(items), word) for items, word in (
        (case.actors, "actor"), (case.positions, "position"), (case.stances, "stance"), (case.groups, "group")))
    out.write(f"{args.case_file}: OK: {counts}\n")
    return 0


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _draft(args: argparse.Namespace, out: TextIO) -> int:
    from .case.load import draft_case
    from .parse.article import load_article

    article = load_article(args.article, encoding=args.encoding)
    out.write(draft_case(article, article_path=args.article_path or os.path.basename(args.article)))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m kit",
        description="Parse a news article into actors, quotes and positions. "
        "With no command: a summary of the bundled article.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("summary", help="a readable summary of an article or case (default: the bundled one)")
    p.add_argument("article", nargs="?", help="an article .txt or a case .yaml (default: bundled)")
    p.add_argument("--case", help="a case file (YAML)")
    p.add_argument("--encoding", help="the article file's text encoding (default UTF-8), e.g. cp1252")

    p = sub.add_parser("export", help="the parsed article (+ coding) as JSON, CSV tables, GraphML or a DNA statement list")
    p.add_argument("article", nargs="?", help="an article .txt (default: the bundled article and its reference coding)")
    p.add_argument("--case", help="a case file (YAML) that names its article")
    p.add_argument("--format", choices=["json", "csv", "graphml", "dna"], default="json")
    p.add_argument("--out", help="output file (folder for csv); default stdout")
    p.add_argument("--indent", action="store_true", help="pretty-print JSON")
    p.add_argument("--encoding", help="the article file's text encoding (default UTF-8), e.g. cp1252")

    p = sub.add_parser("check", help="validate a case file and list every problem")
    p.add_argument("case_file", metavar="CASE.yaml")

    p = sub.add_parser("draft", help="write a starter case file for an article to stdout")
    p.add_argument("article", metavar="ARTICLE.txt")
    p.add_argument("--article-path", help="how the case file should name the article (default: its file name)")
    p.add_argument("--encoding", help="the article file's text encoding (default UTF-8), e.g. cp1252")
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 2 bad input, 1 internal error)."""
    out = out or sys.stdout
    args = _parser().parse_args(argv)
    try:
        if args.command == "export":
            return _export(args, out)
        if args.command == "check":
            return _check(args, out)
        if args.command == "draft":
            return _draft(args, out)
        case = _load(getattr(args, "article", None), getattr(args, "case", None), getattr(args, "encoding", None))
        out.write(summary_text(case) + "\n")
        return 0
    except KitError as exc:  # CaseError included: one line per problem, already located
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): not an error worth a message.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # pragma: no cover - a bug, reported without a traceback
        if os.environ.get("KIT_DEBUG"):
            raise
        print(f"internal error: {type(exc).__name__}: {exc} (this is a bug in kit; rerun with KIT_DEBUG=1 for details)",
              file=sys.stderr)
        return 1
