"""The command line: ``python -m kit [summary|export|check|draft|class|handout|pack|lab]``.

Every failure on bad input prints one line (or, for a case file, one line per
problem) to stderr and exits with status 2 -- never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import errno
import io
import json
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from . import export
from .analysis.voices import speaker_counts
from .case.load import case_from_article, draft_case, load_case
from .errors import CaseError, KitError
from .explore.class_report import class_page, class_tables, report_text
from .explore.class_view import class_results
from .explore.handout import render_handout
from .fileio import one_line, show, write_error
from .launch import run_lab
from .learner.class_files import collect_codings
from .learner.storage import save_bytes
from .parse.article import load_article
from .records import ACTOR_KINDS, Case
from .writing import refuse_read_only

__all__ = ["main", "summary_text"]

EXIT_USAGE = 2


def _load(article: str | None, case: str | None, encoding: str | None) -> Case:

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
    lines = [one_line(case.title or (art.source or "article"))]
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


@contextlib.contextmanager
def _writing(path: str, *, folder: bool = False, example: str = "export.json") -> Iterator[None]:
    """Turn an OSError met while writing ``--out path`` into one line that says what to do."""
    try:
        yield
    except OSError as exc:
        raise KitError(write_error(exc, show(path), folder=folder, example=example)) from None


def _check_out(out: str | None, fmt: str) -> None:
    """Refuse an --out that cannot work before the article is parsed (the rest shows when writing)."""
    if fmt == "csv":
        if not out:
            raise KitError("--format csv writes several tables: give a folder with --out DIR")
        if os.path.exists(out) and not os.path.isdir(out):
            raise KitError(
                f"--out {show(out)}: is a file, but --format csv writes several tables into a "
                "folder; give a folder name (it is created if missing)"
            )
    elif out and os.path.isdir(out):
        raise KitError(
            write_error(IsADirectoryError(errno.EISDIR, "Is a directory"), show(out), example="export." + fmt)
        )
    if out:
        names = [os.path.join(out, t) for t in export.CSV_TABLES] if fmt == "csv" else [out]
        for name in names:
            _refuse_read_only(name, "--out")


def _refuse_read_only(path: str, option: str) -> None:
    """Stop before a read-only file given with ``option`` is replaced (root could write it)."""
    refuse_read_only(path, name=f"{option} {show(path)}", instead=f"choose another {option}", error=KitError)


def _export(args: argparse.Namespace, out: TextIO) -> int:
    _check_out(args.out, args.format)
    case = _load(args.article, args.case, args.encoding)
    fmt = args.format

    if fmt == "json":
        text = json.dumps(export.to_dict(case), ensure_ascii=False, indent=2 if args.indent else None)
        if args.out:
            with _writing(args.out):
                Path(args.out).write_text(text + "\n", encoding="utf-8")
        else:
            out.write(text + "\n")
        return 0
    if fmt == "csv":
        with _writing(args.out, folder=True):
            Path(args.out).mkdir(parents=True, exist_ok=True)
            paths = export.write_csv(case, Path(args.out))
        for path in paths:
            print(show(path), file=sys.stderr)
        return 0
    writer = {"graphml": export.write_graphml, "dna": export.write_dna}[fmt]
    if args.out:
        with _writing(args.out, example="export." + fmt):
            writer(case, Path(args.out))
    else:
        _write_via_temp(lambda p: writer(case, p), out, "." + fmt)
    return 0


def _check(args: argparse.Namespace, out: TextIO) -> int:

    case = load_case(args.case_file, encoding=args.encoding)
    counts = ", ".join(
        _plural(len(items), word)
        for items, word in (
            (case.actors, "actor"),
            (case.positions, "position"),
            (case.stances, "stance"),
            (case.groups, "group"),
        )
    )
    out.write(f"{show(args.case_file)}: OK: {counts}\n")
    return 0


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _draft(args: argparse.Namespace, out: TextIO) -> int:

    article = load_article(args.article, encoding=args.encoding)
    out.write(draft_case(article, article_path=args.article_path or os.path.basename(args.article)))
    return 0


def _handout(args: argparse.Namespace, out: TextIO) -> int:

    if args.out:
        _refuse_read_only(args.out, "--out")
    page = render_handout(_load(args.article, args.case, args.encoding), key=args.key)
    if not args.out:
        out.write(page)
        return 0
    try:
        Path(args.out).write_text(page, encoding="utf-8")
    except OSError as exc:
        raise KitError(
            f"{show(args.out)}: cannot write the handout ({one_line(exc.strerror or str(exc))}); choose another --out file"
        ) from None
    print(
        f"wrote {show(args.out)}: open it in a browser and print it (the article, then the worksheet)", file=sys.stderr
    )
    return 0


def _pack(args: argparse.Namespace, out: TextIO) -> int:
    from .learner.casefile import case_pack

    case = _load(None, args.case, args.encoding)
    if not args.out.lower().endswith((".yaml", ".yml")):
        raise KitError(f"--out {show(args.out)}: a case pack is a .yaml file; e.g. --out pack.yaml")
    if os.path.isdir(args.out):
        raise KitError(f"--out {show(args.out)}: is a folder; give a file name like pack.yaml")
    path = case_pack(case, args.out, stances=args.with_stances)
    what = "with your stances" if args.with_stances else "without stances"
    print(
        f"wrote {show(path)}: the article, {_plural(len(case.actors), 'actor')} and "
        f"{_plural(len(case.positions), 'position')} ({what}); learners open it in lesson 07",
        file=sys.stderr,
    )
    return 0


def _cell(text: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula (learners' reasons are untrusted text)."""
    return "'" + text if text[:1] in ("=", "+", "@", "\t", "\r") or (text[:1] == "-" and not _is_number(text)) else text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _class(args: argparse.Namespace, out: TextIO) -> int:

    if args.html:
        _refuse_read_only(args.html, "--html")
    case = _load(None, args.case, None)
    files = collect_codings(case, args.sources, anonymise=args.anonymise)
    if not files.learners:
        hint = "give the learners' exported .json coding files, a folder of them or a zip"
        if not files.skipped:
            raise KitError(f"no coding file found in {', '.join(show(s) for s in args.sources)}; {hint}")
        if len(files.skipped) == 1 and len(args.sources) == 1:  # one file, refused: its line is the error
            raise KitError(f"{files.skipped[0].source}: {files.skipped[0].reason}; {hint}")
        out.write(files.summary() + "\n")
        raise KitError("no learner's coding could be read: see the skipped files above")
    res = class_results(case, files, reference=args.reference, seed=args.seed)
    out.write(report_text(res) + "\n")
    if args.html:
        Path(args.html).write_text(class_page(res, teacher=args.teacher, projector=args.projector), encoding="utf-8")
        print(f"wrote {show(args.html)}", file=sys.stderr)
    if args.csv:
        folder = Path(args.csv)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for stem, (head, rows) in class_tables(res).items():
                handle = io.StringIO(newline="")
                writer = csv.writer(handle)
                writer.writerow(head)
                writer.writerows([[_cell(c) for c in row] for row in rows])
                save_bytes(folder / f"{stem}.csv", handle.getvalue().encode("utf-8"))  # atomic, like every save
        except OSError as exc:
            raise KitError(
                f"{show(folder)}: cannot write the tables ({exc.strerror or exc}); choose another --csv folder"
            ) from None
        print(f"wrote pairs.csv, agreement.csv and answers.csv to {show(folder)}", file=sys.stderr)
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

    p = sub.add_parser(
        "export", help="the parsed article (+ coding) as JSON, CSV tables, GraphML or a DNA statement list"
    )
    p.add_argument("article", nargs="?", help="an article .txt (default: the bundled article and its reference coding)")
    p.add_argument("--case", help="a case file (YAML) that names its article")
    p.add_argument("--format", choices=["json", "csv", "graphml", "dna"], default="json")
    p.add_argument("--out", help="output file (folder for csv); default stdout")
    p.add_argument("--indent", action="store_true", help="pretty-print JSON")
    p.add_argument("--encoding", help="the article file's text encoding (default UTF-8), e.g. cp1252")

    p = sub.add_parser("check", help="validate a case file and list every problem")
    p.add_argument("case_file", metavar="CASE.yaml")
    p.add_argument("--encoding", help="the case file's and article's text encoding (default UTF-8), e.g. utf-16-le")

    p = sub.add_parser("draft", help="write a starter case file for an article to stdout")
    p.add_argument("article", metavar="ARTICLE.txt")
    p.add_argument("--article-path", help="how the case file should name the article (default: its file name)")
    p.add_argument("--encoding", help="the article file's text encoding (default UTF-8), e.g. cp1252")

    p = sub.add_parser(
        "class",
        help="a class's coding files: agreement (Krippendorff's alpha), contested pairs, "
        "the class beside the reference",
    )
    p.add_argument("sources", nargs="+", metavar="FILES_OR_FOLDER_OR_ZIP", help="the learners' exported coding files")
    p.add_argument("--case", help="the case file the learners coded (default: the bundled reference case)")
    p.add_argument("--anonymise", "--anonymize", action="store_true", help="name learners Learner 1, 2, ...")
    p.add_argument("--reference", action="store_true", help="count the reference coding as one more coder")
    p.add_argument("--html", metavar="OUT.html", help="also write the class view (with the heatmap) as an HTML page")
    p.add_argument(
        "--teacher", action="store_true", help="with --html: add names, who chose what, learners far from consensus"
    )
    p.add_argument("--projector", action="store_true", help="with --html: big text for projecting the page")
    p.add_argument(
        "--csv",
        metavar="DIR",
        help="also write pairs.csv (stance counts and reasons per pair), agreement.csv (overall, per position, "
        "per actor) and answers.csv (exit tickets) to DIR",
    )
    p.add_argument("--seed", type=int, default=0, help="seed of the bootstrap intervals (default 0)")

    p = sub.add_parser(
        "pack", help="one file to hand out: the article and its positions (no stances unless asked), for lesson 07"
    )
    p.add_argument("case", metavar="CASE.yaml", help="the teacher's case file")
    p.add_argument("--out", required=True, metavar="FILE.yaml", help="the case pack to write")
    p.add_argument("--with-stances", action="store_true", help="include the teacher's stances (an answer key)")
    p.add_argument("--encoding", help="the article file's text encoding (default UTF-8), e.g. cp1252")

    p = sub.add_parser("handout", help="a printable handout (HTML): the article with ¶ numbers and a worksheet")
    p.add_argument("article", nargs="?", help="a case .yaml or an article .txt (default: the bundled case)")
    p.add_argument("--case", help="a case file (YAML)")
    p.add_argument("--out", metavar="FILE.html", help="where to write the handout (default: stdout)")
    p.add_argument("--key", action="store_true", help="add the reference coding for the teacher (not for learners)")
    p.add_argument("--encoding", help="the article file's text encoding (default UTF-8), e.g. cp1252")

    p = sub.add_parser("lab", help="open the lessons in JupyterLab, on lesson 00 (no make needed)")
    p.add_argument("folder", nargs="?", help="the folder that holds notebooks/ (default: here, else beside the kit)")
    p.add_argument("--port", type=int, help="the port JupyterLab listens on (default: the first free one from 8888)")
    p.add_argument("--no-browser", action="store_true", help="do not open a browser (print the link instead)")
    p.add_argument("--dry-run", action="store_true", help="print the JupyterLab command instead of running it")
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
        if args.command == "class":
            return _class(args, out)
        if args.command == "handout":
            return _handout(args, out)
        if args.command == "pack":
            return _pack(args, out)
        if args.command == "lab":
            return run_lab(args.folder, port=args.port, browser=not args.no_browser, dry_run=args.dry_run)
        case = _load(getattr(args, "article", None), getattr(args, "case", None), getattr(args, "encoding", None))
        out.write(summary_text(case) + "\n")
        return 0
    except CaseError as exc:
        print(f"error: {exc}", file=sys.stderr)  # one line, or a summary line and one line per problem
        return EXIT_USAGE
    except KitError as exc:
        print(f"error: {one_line(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): not an error worth a message.
        sys.stderr.close()
        return 0
    except OSError as exc:  # any other file the system refused: still one line, still bad input
        reason = one_line(exc.strerror or type(exc).__name__)
        print(
            f"error: {show(exc.filename)}: {reason}; check the path, that it is a file, and its permissions",
            file=sys.stderr,
        )
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # pragma: no cover - a bug, reported without a traceback
        if os.environ.get("KIT_DEBUG"):
            raise
        print(
            f"internal error: {type(exc).__name__}: {exc} (this is a bug in kit; rerun with KIT_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return 1
