"""Every reader, every hostile file (issue 22): each ends within 2 s with one clear line.

Every public function of ``kit`` that takes a path (found in every module's
``__all__``) and every command-line argument that names a file to read is
listed below, with how to call it. Each is fed a named pipe (FIFO),
``/dev/zero`` through a symbolic link, a symbolic link loop, a folder, a file
that cannot be read (``/proc/self/mem`` through a link: reading it fails with
an I/O error even for root) and a file larger than any limit (sparse). Each
kind runs in its own child process with a timeout (a reader that blocks on
the pipe is killed and named); every call must take less than 2 s and end
with one line naming the file and the problem (at the command line: exit
status 2, one line on stderr, no traceback).

The guard tests fail when a new path-taking function or command-line
argument appears that is not listed here (as a reader, a writer, or not a
file at all): a new reader must join the matrix before it can land.
"""

from __future__ import annotations

import contextlib
import faulthandler
import importlib
import inspect
import io
import json
import os
import pkgutil
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import kit

ROOT = Path(__file__).resolve().parents[2]
KINDS = ("fifo", "dev_zero", "loop", "folder", "unreadable", "huge")
#: what each kind's line must say (any of these words)
WORDS = {
    "fifo": ("named pipe",),
    "dev_zero": ("character device",),
    "loop": ("symbolic link",),
    "folder": ("folder",),
    "unreadable": ("cannot be read", "permission denied", "not a readable"),
    "huge": ("too large",),
}
HUGE = 250_000_001  # over every limit: 50 MB articles, 1 MB case files, 2 MB codings, 200 MB zips
SECONDS = 2.0


# --- how each reader is called ------------------------------------------------------


@dataclass(frozen=True)
class Use:
    """One way to call a reader on ``path``: the file's suffix; ``folder``: the hostile file is
    ``x<suffix>`` inside the folder given; ``call`` returns the line(s) a person sees, or raises."""

    suffix: str
    call: Callable[[str], Any]
    folder: bool = False


def _case() -> kit.Case:
    return kit.load_case()


def _skips(files: Any) -> list[str]:
    return [s.line() for s in files.skipped]


def _class_results(p: str) -> list[str]:
    from kit.explore.class_view import class_results

    return _skips(class_results(_case(), p, samples=10).files)


def _class_explorer(p: str) -> list[str]:
    return _skips(kit.ClassExplorer(_case(), p, samples=10).files)


def _read_inputs(p: str) -> list[str]:
    from kit.learner.class_inputs import Skipped, read_inputs

    return [x.line() for x in read_inputs(p) if isinstance(x, Skipped)]


def _coding_state(p: str) -> str:
    from kit.learner.coderstate import CodingState

    return CodingState(_case(), p).open()


def _compare_with(p: str) -> Any:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        return kit.StanceCoder(_case(), path=Path(tmp) / "mine.json").compare_with(p)


def _storage(name: str) -> Callable[[str], Any]:
    def call(p: str) -> Any:
        from kit.learner import storage

        if name == "load_record":
            return storage.load_record(p, kind="kit-coding", version=1)
        return getattr(storage, name)(p)

    return call


def _fileio(name: str) -> Callable[[str], Any]:
    def call(p: str) -> Any:
        from kit import fileio

        result = getattr(fileio, name)(p, limit=2_000_000)
        if hasattr(result, "close"):
            result.close()
        return result

    return call


def _start_case(p: str) -> Any:
    from kit.lessons.lesson07 import start_case

    return start_case(Path(p))


def _read_coding(p: str) -> Any:
    from kit.learner.codingfile import read_coding

    return read_coding(_case(), p)


def _a_coding() -> bytes:
    """A good coding file's bytes (a learner's, from the bundled example class)."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(kit.example_class()[1])) as archive:
        return archive.read("example_class/synthetic-learner-01.json")


def _builder(name: str) -> Callable[[str], Any]:
    def call(p: str) -> Any:
        from kit.learner import casebuilder

        return getattr(casebuilder, name)(p)

    return call


def _case_builder(p: str) -> Any:
    from kit.explore.builder import CaseBuilder

    return CaseBuilder(p)


def _case_from_text(folder: str) -> list[str]:
    """The problem lines about the article ``x.txt`` a case's text names, looked up in ``folder``."""
    from kit.case.load import case_from_text

    try:
        case_from_text("title: t\narticle: x.txt\n", folder=folder)
    except kit.CaseError as exc:
        return [p for p in exc.problems if "x.txt" in p]
    return []


def _sources(call: Callable[[str], Any]) -> list[Use]:
    """A reader of class files: a file, a zip, and a folder holding the hostile file."""
    return [Use(".json", call), Use(".zip", call), Use(".json", call, folder=True)]


#: (function, parameter) -> how to call it on a hostile path
READERS: dict[tuple[str, str], list[Use]] = {
    ("kit.case.load.load_case", "path"): [Use(".yaml", kit.load_case), Use(".txt", kit.load_case)],
    ("kit.parse.article.load_article", "path"): [Use(".txt", kit.load_article)],
    ("kit.parse.article.read_text", "path"): [Use(".txt", kit.read_text)],
    ("kit.case.load.case_from_text", "folder"): [Use(".txt", _case_from_text, folder=True)],
    ("kit.explore.coder.StanceCoder", "path"): [Use(".json", lambda p: kit.StanceCoder(_case(), path=p).message)],
    ("kit.explore.coder.StanceCoder.compare_with", "path"): [Use(".json", _compare_with)],
    ("kit.learner.coderstate.CodingState", "path"): [Use(".json", _coding_state)],
    ("kit.learner.codingfile.compare_files", "a"): [Use(".json", lambda p: kit.compare_files(_case(), p, p))],
    ("kit.learner.codingfile.compare_files", "b"): [Use(".json", lambda p: kit.compare_files(_case(), _a_coding(), p))],
    ("kit.learner.codingfile.read_coding", "source"): [Use(".json", _read_coding)],
    ("kit.learner.class_files.collect_codings", "sources"): _sources(lambda p: _skips(kit.collect_codings(_case(), p))),
    ("kit.learner.class_inputs.read_inputs", "sources"): _sources(_read_inputs),
    ("kit.explore.class_view.class_results", "sources"): _sources(_class_results),
    ("kit.explore.class_explorer.ClassExplorer", "sources"): _sources(_class_explorer),
    ("kit.learner.storage.read_bytes", "path"): [Use(".json", _storage("read_bytes"))],
    ("kit.learner.storage.load_json", "path"): [Use(".json", _storage("load_json"))],
    ("kit.learner.storage.load_record", "path"): [Use(".json", _storage("load_record"))],
    ("kit.lessons.lesson07.start_case", "article_path"): [Use(".txt", _start_case)],
    ("kit.learner.casebuilder.open_case", "source"): [
        Use(".yaml", _builder("open_case")),
        Use(".txt", _builder("open_case")),
    ],
    ("kit.learner.casebuilder.BuilderState", "source"): [Use(".yaml", _builder("BuilderState"))],
    ("kit.explore.builder.CaseBuilder", "source"): [
        Use(".yaml", lambda p: _case_builder(p).message),
        Use(".txt", lambda p: _case_builder(p).message),
    ],
    ("kit.fileio.read_regular", "path"): [Use(".txt", _fileio("read_regular"))],
    ("kit.fileio.read_capped", "path"): [Use(".txt", _fileio("read_capped"))],
}

#: path-taking parameters that do not read the file, and why
NOT_READERS: dict[tuple[str, str], str] = {
    ("kit.explore.coder.StanceCoder.export", "path"): "writes (atomically, kit.learner.storage.save_bytes)",
    ("kit.learner.coderstate.CodingState.export", "path"): "writes (atomically)",
    ("kit.learner.storage.save_bytes", "path"): "writes",
    ("kit.learner.storage.save_json", "path"): "writes",
    ("kit.learner.storage.save_record", "path"): "writes",
    ("kit.export.write_csv", "out_dir"): "writes",
    ("kit.export.write_dna", "path"): "writes",
    ("kit.export.write_graphml", "path"): "writes",
    ("kit.learner.storage.backup", "path"): "moves the file aside, never reads it",
    ("kit.learner.storage.clean_stale_tmp", "path"): "lists the folder, removes stale temporary files",
    ("kit.learner.storage.locked", "folder"): "opens a folder (O_DIRECTORY) to lock it, never reads",
    ("kit.learner.storage.lessons_folder", "start"): "looks for a marker file by name, never reads",
    ("kit.fileio.missing", "path"): "stat only",
    ("kit.fileio.open_regular", "path"): "opens and checks only; its caller reads (class zips: the sources readers)",
    ("kit.records.Case", "path"): "a record's field: where the case was read from",
    ("kit.fileio.show", "path"): "a name to print",
    ("kit.case.draft.draft_case", "article_path"): "a name written into the draft",
    ("kit.case.load.case_from_text", "path"): "a label for the Case record",
    ("kit.learner.casefile.save_case", "path"): "writes; reads the old file only to keep hand-written "
    "comments, through kit.fileio.read_regular (tests/cli/test_reader_messages.py)",
    ("kit.learner.casefile.case_pack", "path"): "writes",
    ("kit.learner.casebuilder.BuilderState", "path"): "where saves go; the old file is read only for its hash, "
    "through kit.fileio.read_regular",
    ("kit.explore.builder.CaseBuilder", "path"): "where saves go (BuilderState's path)",
    ("kit.launch.find_lessons", "folder"): "a folder: looks for notebooks/00_start_here.ipynb by name, never reads",
    ("kit.launch.find_lessons", "cwd"): "a folder: looks for the first lesson by name, never reads",
    ("kit.launch.lab_command", "root"): "a folder named on JupyterLab's command line",
    ("kit.launch.lab_env", "root"): "a folder put on the kernel's PYTHONPATH",
    ("kit.launch.run_lab", "folder"): "a folder (find_lessons), then JupyterLab is started there",
    ("kit.writing.open_new", "path"): "creates a new file (O_CREAT | O_EXCL), never reads",
    ("kit.writing.replaced_mode", "path"): "stat only",
    ("kit.writing.is_read_only", "path"): "stat and access() only",
    ("kit.writing.refuse_read_only", "path"): "stat and access() only",
    ("kit.learner.identity.learner_identity", "folder"): "a learner folder: its learner.json is read by "
    "kit.learner.storage.load_json (the one reader, 2 MB)",
    ("kit.learner.identity.set_learner_name", "folder"): "a learner folder (learner.json through load_json)",
    ("kit.learner.identity.record_answer", "folder"): "a learner folder (answers.json through load_json)",
    ("kit.learner.identity.saved_answers", "folder"): "a learner folder (answers.json through load_json)",
    ("kit.learner.casebuilder.BuilderState.save", "path"): "writes (kit.learner.casefile.save_case)",
    ("kit.learner.casebuilder.BuilderState.pack", "path"): "writes (kit.learner.casefile.case_pack)",
    ("kit.explore.base.show", "out"): "an ipywidgets Output",
}

_ANNOTATION = re.compile(r"\bPath\b|PathLike|\bSource\b")
_NAME = re.compile(r"^(path|paths|sources|folder|file|filename|out|out_dir)$|_(path|dir|file|folder)$")


def path_parameters() -> set[tuple[str, str]]:
    """(function, parameter) for every public callable in ``kit`` with a parameter that may be a path."""
    found = set()
    for info in pkgutil.walk_packages(kit.__path__, "kit."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name, None)
            if not (inspect.isclass(obj) or inspect.isfunction(obj)) or not obj.__module__.startswith("kit"):
                continue
            targets = [(f"{obj.__module__}.{obj.__qualname__}", obj.__init__ if inspect.isclass(obj) else obj)]
            if inspect.isclass(obj):
                targets += [
                    (f"{obj.__module__}.{obj.__qualname__}.{m}", f)
                    for m, f in vars(obj).items()
                    if not m.startswith("_") and inspect.isfunction(f)
                ]
            for qualname, function in targets:
                with contextlib.suppress(TypeError, ValueError):
                    for p in inspect.signature(function).parameters.values():
                        ann = str(p.annotation)
                        if _ANNOTATION.search(ann) or (
                            _NAME.search(p.name) and re.search(r"\bstr\b|\bAny\b|\bPath\b", ann)
                        ):
                            found.add((qualname, p.name))
    return found


# --- the command line ----------------------------------------------------------------

#: (command, argument) -> argv with {p}, the hostile file's suffix
CLI_READERS: dict[tuple[str, str], tuple[list[str], str]] = {
    ("summary", "article"): (["summary", "{p}"], ".txt"),
    ("summary", "--case"): (["summary", "--case", "{p}"], ".yaml"),
    ("export", "article"): (["export", "{p}"], ".txt"),
    ("export", "--case"): (["export", "--case", "{p}"], ".yaml"),
    ("check", "case_file"): (["check", "{p}"], ".yaml"),
    ("draft", "article"): (["draft", "{p}"], ".txt"),
    ("class", "sources"): (["class", "{p}"], ".json"),
    ("class", "--case"): (["class", "--case", "{p}", "{p}"], ".yaml"),
    ("handout", "article"): (["handout", "{p}"], ".txt"),
    ("handout", "--case"): (["handout", "--case", "{p}"], ".yaml"),
    ("pack", "case"): (["pack", "{p}", "--out", "{p}-pack.yaml"], ".yaml"),
}
CLI_WRITERS = {("export", "--out"), ("class", "--html"), ("class", "--csv"), ("handout", "--out"), ("pack", "--out")}
CLI_NOT_FILES = {
    ("class", "--projector"),
    ("lab", "folder"),  # a folder to find the lessons in (kit.launch.find_lessons), never read
    ("lab", "--no-browser"),
    ("lab", "--dry-run"),
    ("lab", "--port"),
    ("summary", "--encoding"),
    ("export", "--format"),
    ("export", "--indent"),
    ("export", "--encoding"),
    ("check", "--encoding"),
    ("draft", "--article-path"),  # a name written into the draft
    ("draft", "--encoding"),
    ("class", "--anonymise"),
    ("class", "--reference"),
    ("class", "--teacher"),
    ("class", "--seed"),
    ("handout", "--key"),
    ("handout", "--encoding"),
    ("pack", "--with-stances"),
    ("pack", "--encoding"),
}


def cli_arguments() -> set[tuple[str, str]]:
    import argparse

    from kit import cli

    found = set()
    parser = cli._parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command, sub in action.choices.items():
                for arg in sub._actions:
                    if isinstance(arg, argparse._HelpAction):
                        continue
                    found.add((command, arg.option_strings[0] if arg.option_strings else arg.dest))
    return found


def _cli(argv: list[str]) -> str:
    from kit.cli import main

    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(argv, out=io.StringIO())
    text = err.getvalue()
    if code != 2 or text.count("\n") != 1 or not text.startswith("error: "):
        raise AssertionError(f"exit {code}, stderr {text!r}")
    return text.rstrip("\n")


# --- the hostile files -----------------------------------------------------------------


def make(kind: str, path: Path) -> None:
    """Put a hostile ``kind`` of file at ``path``."""
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev_zero":
        path.symlink_to("/dev/zero")
    elif kind == "loop":
        path.symlink_to(path.name)
    elif kind == "folder":
        path.mkdir()
    elif kind == "unreadable":
        path.symlink_to("/proc/self/mem")  # EIO at offset 0, for root too
    elif kind == "huge":
        with open(path, "wb") as handle:
            handle.truncate(HUGE)  # sparse: no disk space used


def can_make(kind: str) -> bool:
    if kind == "fifo":
        return hasattr(os, "mkfifo")
    if kind == "dev_zero":
        return os.path.exists("/dev/zero") and hasattr(os, "symlink")
    if kind == "unreadable":
        return os.path.exists("/proc/self/mem")
    return True


def cases() -> list[tuple[str, str, Use]]:
    """(label, kind of entry, use) for every reader and command-line argument."""
    out = []
    for (function, param), uses in READERS.items():
        for n, use in enumerate(uses):
            out.append((f"{function}({param}) #{n} {use.suffix}{' in a folder' if use.folder else ''}", "api", use))
    for (command, arg), (argv, suffix) in CLI_READERS.items():
        out.append(
            (f"python -m kit {command} {arg}", "cli", Use(suffix, lambda p, a=argv: _cli([x.format(p=p) for x in a])))
        )
    return out


def child(kind: str, folder: str) -> None:
    """Run every reader on ``kind`` of hostile file in ``folder``; one JSON line per call on stdout."""
    _case()  # parse the bundled article once, and import what the widgets need, before the clock starts
    for module in (
        "kit.cli",
        "kit.explore.class_explorer",
        "kit.explore.coder",
        "kit.explore.builder",
        "kit.lessons.lesson07",
    ):
        importlib.import_module(module)
    importlib.import_module("matplotlib.pyplot")
    kit.StanceCoder(_case(), path=Path(folder) / "warm-up.json")  # the first widgets cost more than any reading
    base = Path(folder)
    for i, (label, _, use) in enumerate(cases()):
        where = base / f"c{i}"
        where.mkdir()
        target = (where / "cls") if use.folder else (where / f"x{use.suffix}")
        if use.folder:
            target.mkdir()
        make(kind, (target / f"x{use.suffix}") if use.folder else target)
        print(json.dumps({"start": label}), flush=True)
        faulthandler.dump_traceback_later(30, exit=True)  # a call that blocks is killed, and its place shown
        start = time.perf_counter()
        try:
            result, error = use.call(str(target)), None
        except kit.KitError as exc:
            result, error = str(exc), None
        except BaseException as exc:  # noqa: BLE001 - reported to the parent, which fails
            result, error = None, f"{type(exc).__name__}: {exc}"
        seconds = time.perf_counter() - start
        faulthandler.cancel_dump_traceback_later()
        lines = result if isinstance(result, list) else [result] if isinstance(result, str) else []
        print(json.dumps({"label": label, "lines": lines, "error": error, "seconds": seconds}), flush=True)


@pytest.mark.parametrize("kind", KINDS)
def test_every_reader_ends_quickly_with_one_line(kind, tmp_path):
    if not can_make(kind):
        pytest.skip(f"cannot make a {kind} here")
    proc = subprocess.run(
        [sys.executable, "-m", "tests.cli.test_every_reader", kind, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "MPLBACKEND": "Agg"},
        stdin=subprocess.DEVNULL,
        check=False,
    )
    records = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    started = [r["start"] for r in records if "start" in r]
    done = [r for r in records if "label" in r]
    assert proc.returncode == 0 and len(done) == len(cases()), (
        f"the child stopped at {started[-1] if started else 'the start'!r}: {proc.stderr[-3000:]}"
    )
    failures = []
    for r in done:
        label, lines = r["label"], r["lines"]
        problem = None
        if r["error"]:
            problem = f"not a KitError: {r['error']}"
        elif r["seconds"] >= SECONDS:
            problem = f"took {r['seconds']:.2f} s"
        elif kind == "folder" and "(sources)" in label:  # a folder is a class source: read, found empty
            problem = None if all("\n" not in x for x in lines) else f"not one line: {lines!r}"
        elif len(lines) != 1 or "\n" in lines[0] or "Traceback" in lines[0] or "internal error" in lines[0]:
            problem = f"not one line: {lines!r}"
        elif "x." not in lines[0] and "cannot be read" not in lines[0]:
            problem = f"the file is not named: {lines[0]!r}"
        elif not any(word in lines[0].lower() for word in WORDS[kind]):
            problem = f"does not say {' or '.join(WORDS[kind])}: {lines[0]!r}"
        if problem:
            failures.append(f"{label}: {problem}")
    assert not failures, "\n".join(failures)


def test_every_path_taking_function_is_in_the_matrix():
    found = path_parameters()
    listed = set(READERS) | set(NOT_READERS)
    assert not found - listed, f"new path-taking parameters: add them to READERS or NOT_READERS: {found - listed}"
    assert not listed - found, f"listed but gone (or renamed): {listed - found}"


def test_every_command_line_argument_is_in_the_matrix():
    found = cli_arguments()
    listed = set(CLI_READERS) | CLI_WRITERS | CLI_NOT_FILES
    assert not found - listed, f"new command-line arguments: classify them here: {found - listed}"
    assert not listed - found, f"listed but gone: {listed - found}"


#: Reading calls allowed outside kit/fileio.py: (file, what the line holds) -- package data, the kit's own
#: temporary files, writes, and zip members already opened through kit.fileio.open_regular.
OWN_FILES = {
    ("kit/cli.py", "path.read_text("),  # the export the kit just wrote to its own temporary folder
    ("kit/lessons/lesson07.py", "sample_path("),  # package data
    ("kit/learner/class_files.py", "data_file("),  # package data
    ("kit/data/__init__.py", "data_file("),  # package data
    ("kit/export.py", 'open("w"'),  # writes
    ("kit/export.py", "``open(path"),  # a docstring
    ("kit/learner/storage.py", 'os.fdopen(fd, "wb")'),  # writes
    ("kit/learner/storage.py", "os.open(folder"),  # a folder, for its lock
    ("kit/learner/coderstate.py", ".open()"),  # CodingState.open: restores the coding, via kit.fileio
    ("kit/learner/coderstate.py", "def open("),
    ("kit/explore/coder.py", "self.state.open()"),
    ("kit/learner/class_inputs.py", "zipfile.ZipFile(handle)"),  # a handle from kit.fileio.open_regular
    ("kit/learner/class_inputs.py", "archive.open(info)"),  # a member, read at most the cap + 1
    ("kit/learner/storage.py", "``open()``"),  # docstrings on file modes
    ("kit/writing.py", "``open()``"),  # docstrings on file modes
    ("kit/launch.py", "target.write_bytes(ours.read_bytes())"),  # the kit's own JupyterLab settings
    ("kit/writing.py", "fd = os.open(path, flags"),  # creates a new file (O_CREAT | O_EXCL), never reads
}
_READING = re.compile(r"\.read_bytes\(|\.read_text\(|(^|[^\w.])open\(|\.open\(|ZipFile\(|\.fdopen\(")


def test_no_file_is_read_outside_the_one_reader():
    """Every file the kit is given is read by kit.fileio: a new ``Path.read_bytes()`` fails here."""
    found = []
    for path in sorted((ROOT / "kit").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel == "kit/fileio.py":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _READING.search(line) and not any(rel == f and part in line for f, part in OWN_FILES):
                found.append(f"{rel}:{n}: {line.strip()}")
    assert not found, "read through kit.fileio.read_regular (or list it in OWN_FILES):\n" + "\n".join(found)


def test_the_guard_finds_a_new_reader(monkeypatch):
    """The guard can fail: a new public function taking a path is found."""
    from kit.learner import storage

    def read_something(path: str | Path) -> bytes:  # pragma: no cover - never called
        return b""

    read_something.__module__, read_something.__qualname__ = storage.__name__, "read_something"
    monkeypatch.setattr(storage, "read_something", read_something, raising=False)
    monkeypatch.setattr(storage, "__all__", [*storage.__all__, "read_something"])
    assert ("kit.learner.storage.read_something", "path") in path_parameters()


# --- the commands from the issue, for real -----------------------------------------------


def kit_process(*argv: str, cwd: Path) -> tuple[int, str, str, float]:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "kit", *argv],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), "MPLBACKEND": "Agg"},
        stdin=subprocess.DEVNULL,
        check=False,
    )
    return proc.returncode, proc.stdout, proc.stderr, time.perf_counter() - start


@pytest.fixture(scope="module")
def startup() -> float:
    """Seconds ``python -m kit`` needs before reading anything (import, the bundled case): not the reader's."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", "import kit.cli, kit.explore; kit.load_case()"],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
        timeout=60,
    )
    return time.perf_counter() - start


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not os.path.exists("/dev/zero"), reason="needs FIFOs and /dev/zero")
@pytest.mark.parametrize("kind, name", [("fifo", "x.json"), ("dev_zero", "z.json"), ("loop", "loop.json")])
def test_python_m_kit_class_on_a_hostile_file(tmp_path, startup, kind, name):
    make(kind, tmp_path / name)
    code, out, err, seconds = kit_process("class", name, cwd=tmp_path)
    assert code == 2 and out == "" and err.count("\n") == 1 and err.startswith(f"error: {name}: "), (code, out, err)
    assert "Traceback" not in err and any(w in err for w in WORDS[kind])
    assert seconds < startup + SECONDS


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not os.path.exists("/dev/zero"), reason="needs FIFOs and /dev/zero")
def test_python_m_kit_class_on_a_folder_with_a_pipe_and_a_device(tmp_path, startup):
    folder = tmp_path / "class"
    folder.mkdir()
    os.mkfifo(folder / "pipe.json")
    (folder / "zero.json").symlink_to("/dev/zero")
    (folder / "a\nb.json").symlink_to("/dev/zero")
    code, out, err, seconds = kit_process("class", "class", cwd=tmp_path)
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err, (code, out, err)
    lines = out.splitlines()
    assert lines[0] == "0 learners' codings read; 3 files skipped.", out
    assert "class/pipe.json: is a named pipe (FIFO), not a regular file (skipped: unreadable)" in lines
    assert (
        "class/a\\nb.json: is a character device (like /dev/zero or a terminal), not a regular file (skipped: unreadable)"
        in lines
    )
    assert seconds < startup + SECONDS


if __name__ == "__main__":
    child(sys.argv[1], sys.argv[2])
