"""Hostile case files (issue 14): each ends in one located CaseError, fast, never a crash or a hang.

Every repro writes a case file next to a copy of the bundled article and loads
it through the public API; the message must be one line that starts with
``file:line:`` and says what to do.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import pytest

import kit

ROOT = Path(__file__).resolve().parents[2]
GOOD = "title: A case\narticle: article.txt\n"


def write(tmp_path: Path, text: str | bytes, name: str = "case.yaml") -> Path:
    shutil.copy(resources.files("kit.data") / "article.txt", tmp_path / "article.txt")
    path = tmp_path / name
    if isinstance(text, str):
        text = text.encode("utf-8")
    path.write_bytes(text)
    return path


def refused(path: Path, *words: str, line: int | None = None, budget: float = 2.0) -> str:
    """Load ``path``; expect one located line (within ``budget`` seconds) containing ``words``."""
    start = time.perf_counter()
    with pytest.raises(kit.CaseError) as info:
        kit.load_case(path)
    elapsed = time.perf_counter() - start
    message = str(info.value)
    assert len(message.splitlines()) == 1, message
    found = re.match(rf"{re.escape(str(path))}:(\d+)(?::\d+)?: ", message)
    assert found, f"no file:line: at the start of {message!r}"
    if line is not None:
        assert int(found.group(1)) == line, message
    for word in words:
        assert word in message, message
    assert "; " in message, f"no hint of what to do in {message!r}"
    assert elapsed < budget, f"{elapsed:.2f} s for {path.name}"
    assert info.value.problems == (message,)  # the problem list still names it, for code that reads it
    return message


def billion_laughs() -> str:
    rows = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        rows.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return "\n".join(rows) + "\n"


def test_warm_up():
    kit.load_case()  # the first load compiles the parser's patterns; the budgets below are for later loads


# --- aliases: never expanded, never walked twice ---------------------------------


def test_billion_laughs_is_refused_in_under_a_second(tmp_path):
    text = GOOD + billion_laughs()
    assert len(billion_laughs()) <= 600  # the 566-byte file
    refused(write(tmp_path, text), "too many values", "alias", budget=1.0)


def test_wide_alias_fan_out_is_refused(tmp_path):
    text = GOOD + "a: &a [" + ", ".join(["x"] * 1000) + "]\nb: [" + ", ".join(["*a"] * 1000) + "]\n"
    refused(write(tmp_path, text), "too many values", line=4, budget=1.0)


def test_merge_key_chains_are_counted_too(tmp_path):
    rows = ["m0: &m0 {" + ", ".join(f"k{i}: {i}" for i in range(20)) + "}"]
    for i in range(1, 30):
        rows.append(f"m{i}: &m{i} {{<<: [*m{i - 1}, *m{i - 1}]}}")
    refused(write(tmp_path, GOOD + "\n".join(rows) + "\n"), "too many values", budget=1.0)


@pytest.mark.parametrize(
    "body, line",
    [
        ("loop: &a [*a]\n", 3),
        ("loop: &a {self: *a}\n", 3),
        ("loop: &a\n  - deeper:\n      - *a\n", 5),
    ],
)
def test_an_alias_inside_its_own_anchor_is_a_loop(tmp_path, body, line):
    refused(write(tmp_path, GOOD + body), "inside its own anchor", "loop", line=line)


def test_undefined_alias_and_duplicate_anchor(tmp_path):
    refused(write(tmp_path, GOOD + "title2: *nowhere\n"), "*nowhere", "no anchor", line=3)
    refused(write(tmp_path, GOOD + "a: &x 1\nb: &x 2\n"), "&x is defined twice (first on line 3)", line=4)


def test_a_shared_anchor_is_still_checked_and_located(tmp_path):
    text = GOOD + (
        "groups:\n"
        "  - id: g1\n    name: G1\n    basis: background\n    source: me\n    members: &m [nobody_here]\n"
        "  - id: g2\n    name: G2\n    basis: background\n    source: me\n    members: *m\n"
    )
    path = write(tmp_path, text)
    with pytest.raises(kit.CaseError) as info:
        kit.load_case(path)
    problems = [p for p in info.value.problems if "nobody_here" in p]
    assert len(problems) == 2  # reported for each group that uses it ...
    assert all(p.startswith(f"{path}:8:") for p in problems)  # ... at the line where the value is written


# --- nesting: counted on the event stream, before any node is built --------------


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,
        "{a: " * 100_000,
        "".join("  " * i + "a:\n" for i in range(300)),
        "".join("  " * i + "-\n" for i in range(300)),
    ],
    ids=["flow-lists", "flow-maps", "block-maps", "block-lists"],
)
def test_deep_nesting_is_refused_before_it_is_built(tmp_path, text):
    refused(write(tmp_path, text), "nested more than", "levels deep")


def test_100000_brackets_never_crash_the_process(tmp_path):
    path = write(tmp_path, GOOD + "title2: " + "[" * 100_000 + "\n")
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "kit", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert proc.returncode == 2, proc  # a segfault would be -11
    assert proc.stderr.count("\n") == 1 and "nested more than" in proc.stderr
    assert proc.stderr.startswith(f"error: {path}:3:")
    assert time.perf_counter() - start < 30


# --- values the safe constructor cannot read ------------------------------------


@pytest.mark.parametrize(
    "value, words",
    [
        ("!!int abc", "is not a whole number"),  # ValueError
        ("!!int ''", "is not a whole number"),  # IndexError
        ("1" * 5000, "5,000 characters long"),  # ValueError: over 4,300 digits
        (":".join(["1"] * 50_000), "is not a whole number"),  # sexagesimal: grows without end
        ("!!float x", "is not a number"),  # ValueError
        ("!!bool maybe", "is not true or false"),  # KeyError
        ("!!timestamp x", "is not a date"),  # AttributeError
        ("2014-02-30", "is not a real date (day is out of range for month)"),  # ValueError, implicit date
        ("!!timestamp 2014-13-01", "is not a real date"),
        ("2001-12-14t21:59:43.10-99:99", "is not a date"),  # an impossible time zone
        ("!!binary 'abc'", "base64"),
        ("!!python/object/apply:os.system ['echo unsafe']", "python/object"),
        ("!custom tag", "remove the !tag"),
        ("!!set [1]", "expected a mapping"),
    ],
)
def test_unreadable_values_are_located(tmp_path, value, words):
    message = refused(write(tmp_path, GOOD + f"note: {value}\n"), words, line=3)
    assert "quotes" in message or "!tag" in message or "indentation" in message


# --- characters, encodings, size ---------------------------------------------------


@pytest.mark.parametrize("char", ["\x01", "\x1b", "\x7f", "\ufffe"])
def test_control_characters_get_a_line_and_column(tmp_path, char):
    message = refused(write(tmp_path, GOOD + f'note: "x{char}"\n'), f"U+{ord(char):04X}", line=3)
    assert f":3:{len('note: ') + 3}:" in message


def test_a_nul_byte_anywhere_means_a_binary_file(tmp_path):
    text = GOOD + "".join(f"# comment line {i}\n" for i in range(2000)) + "note: x\x00y\n"
    assert text.index("\x00") > 8192
    refused(write(tmp_path, text), "binary file", line=2003)


def test_invalid_utf8_is_located(tmp_path):
    refused(
        write(tmp_path, GOOD.encode() + b"note: caf\xe9\n"), "not valid UTF-8", "save the case file as UTF-8", line=3
    )


def test_a_second_document_and_syntax_errors_are_located(tmp_path):
    refused(write(tmp_path, GOOD + "---\n" + GOOD), "second YAML document", line=3)
    refused(write(tmp_path, GOOD + "actors:\n\t- id: x\n"), "YAML syntax error", line=4)


def test_case_files_have_a_size_limit_checked_while_reading(tmp_path):
    path = write(tmp_path, GOOD + "# padding\n" * 300_000)  # 3 MB
    start = time.perf_counter()
    with pytest.raises(
        kit.CaseError, match=r"is 3(\.\d+)? MB, too large for a case file \(limit 1 MB = 1,000,000 bytes\); split"
    ) as info:
        kit.load_case(path)
    assert len(str(info.value).splitlines()) == 1 and time.perf_counter() - start < 1


def test_too_many_values_are_refused(tmp_path):
    refused(write(tmp_path, GOOD + "note: [" + ",".join(["1"] * 150_000) + "]\n"), "too many values", line=3)


# --- the limits are generous for real use -------------------------------------------


def test_a_case_fifty_times_the_reference_still_loads(tmp_path):
    reference = (resources.files("kit.data") / "reference_case.yaml").read_text(encoding="utf-8")
    extra = "".join(
        f"  - id: extra_position_{i}\n    label: Extra position {i}\n"
        f"    description: a position that only makes the file larger, {'words ' * 20}\n"
        for i in range(3000)
    )
    text = reference.replace("\npositions:\n", "\npositions:\n" + extra, 1)
    assert len(text) > 50 * len(reference)
    case = kit.load_case(write(tmp_path, text))
    assert len(case.positions) > 3000


# --- without libyaml (PyYAML's pure-Python parser) the same limits hold ----------------


@pytest.mark.parametrize(
    "text, words",
    [
        ("[" * 100_000, "nested more than"),
        (GOOD + billion_laughs(), "too many values"),
        (GOOD + "loop: &a [*a]\n", "inside its own anchor"),
        (GOOD + "note: !!bool maybe\n", "is not true or false"),
        (GOOD + 'note: "x\x01"\n', "U+0001"),
    ],
)
def test_the_pure_python_parser_keeps_the_limits(tmp_path, monkeypatch, text, words):

    import yaml

    # The one internal name these tests use: where the bounded loader gets its events from.
    from kit.case import safeyaml

    monkeypatch.setattr(safeyaml, "_Events", yaml.SafeLoader)
    refused(write(tmp_path, text), words)
