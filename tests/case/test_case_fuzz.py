"""Mutation fuzzing of case files (issue 14): whatever the bytes, a CaseError with lines, fast.

300 seeded mutants of the bundled reference case (byte flips, truncations,
deletions, repeated lines, and insertions of YAML tags, anchors, aliases,
brackets, control characters and small "bombs") are loaded through
``kit.load_case``. Each must load, or raise :class:`kit.CaseError` and
nothing else; every line of the message is one line that names the file and,
for a problem in the file, its line; and each load takes under 2 seconds.
A failure prints the mutant's number: rerun it with ``mutant(n)``.
"""

from __future__ import annotations

import random
import re
import shutil
import time
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kit

REFERENCE = (resources.files("kit.data") / "reference_case.yaml").read_bytes()
SEED = 14
MUTANTS = 300
BUDGET = 2.0  # seconds per load

INSERTS = [
    b"!!int ",
    b"!!float ",
    b"!!bool ",
    b"!!timestamp ",
    b"!!binary ",
    b"!!set ",
    b"!!omap ",
    b"!!pairs ",
    b"!!str ",
    b"!!null ",
    b"!!map ",
    b"!!seq ",
    b"!!python/object/apply:os.system ",
    b"!custom ",
    b"! ",
    b"&a ",
    b"*a",
    b"&b ",
    b"*b",
    b"<<: *a\n",
    b"<<: ",
    b"? ",
    b": ",
    b"- ",
    b"---\n",
    b"...\n",
    b"%YAML 1.1\n",
    b"[",
    b"]",
    b"{",
    b"}",
    b"[" * 200,
    b"{a: " * 100,
    b",",
    b"'",
    b'"',
    b"#",
    b"|",
    b">",
    b"\n",
    b"\r",
    b"\t",
    b"\x00",
    b"\x01",
    b"\x1b",
    b"\x7f",
    b"\xc3\x28",
    b"\xe2\x80\xa8",
    b"\xef\xbb\xbf",
    b"\\",
    b"2014-02-30",
    b"2014-13-45",
    b"1" * 5000,
    b":".join([b"1"] * 3000),
    b"maybe",
    b"~",
    b".inf",
    b"0x",
    (
        b"a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\n"
        b"d: &d [*c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d]\n"
        b"f: &f [*e, *e, *e, *e, *e, *e, *e, *e]\n"
    ),  # a billion laughs, smaller
    b"&l [*l]",
]


def mutate(rng: random.Random, data: bytes) -> tuple[bytes, list[str]]:
    """One mutant: 1-4 random edits of ``data``, and what they were."""
    ops = []
    for _ in range(rng.randint(1, 4)):
        op = rng.choice(["flip", "flip", "insert", "insert", "insert", "delete", "truncate", "repeat", "swap"])
        pos = rng.randrange(len(data) + 1)
        if op == "flip" and data:
            pos = min(pos, len(data) - 1)
            data = data[:pos] + bytes([rng.randrange(256)]) + data[pos + 1 :]
        elif op == "insert":
            piece = rng.choice(INSERTS)
            data = data[:pos] + piece + data[pos:]
            op += f" {piece[:20]!r}"
        elif op == "delete":
            data = data[:pos] + data[pos + rng.randint(1, 200) :]
        elif op == "truncate":
            data = data[:pos]
        elif op == "repeat":
            lines = data.split(b"\n")
            i = rng.randrange(len(lines))
            lines[i : i + 1] = [lines[i]] * rng.randint(2, 50)
            data = b"\n".join(lines)
        elif op == "swap":
            lines = data.split(b"\n")
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            data = b"\n".join(lines)
        ops.append(f"{op} at {pos}")
    return data, ops


def mutant(n: int) -> tuple[bytes, list[str]]:
    """Mutant number ``n`` of the seeded series (for rerunning one that failed)."""
    rng = random.Random(SEED)
    for _ in range(n):
        mutate(rng, REFERENCE)
    return mutate(rng, REFERENCE)


def check_one(path: Path, data: bytes, outcomes: dict[str, int] | None = None) -> str | None:
    """Load one case file; return what is wrong with the outcome, or None (and count it in ``outcomes``)."""
    path.write_bytes(data)
    start = time.perf_counter()
    try:
        kit.load_case(path)
    except kit.CaseError as exc:
        message, problems = str(exc), exc.problems
    except Exception as exc:  # noqa: BLE001 - the point of the test
        return f"raised {type(exc).__name__}: {exc!r}"[:300]
    else:
        message, problems = "", ()
    elapsed = time.perf_counter() - start
    if outcomes is not None:
        outcomes["refused" if message else "loaded"] += 1
    if elapsed > BUDGET:
        return f"took {elapsed:.1f} s"
    if not message:
        return None
    located = re.compile(rf"{re.escape(str(path))}:\d+(:\d+)?: \S")
    lines = message.splitlines()
    if not problems:
        return f"a CaseError from a case file lists its problems: {message!r}"[:300]
    if len(problems) == 1 and problems[0] == message:
        return None if len(lines) == 1 and located.match(message) else f"not one located line: {message!r}"[:300]
    if lines[1:] != [f"  - {p}" for p in problems] or not lines[0].startswith(f"{path}: "):
        return f"not a summary line and one line per problem: {message!r}"[:300]
    for problem in problems:
        if len(problem.splitlines()) != 1 or not located.match(problem):
            return f"a problem without its line, or on two lines: {problem!r}"[:300]
    return None


@pytest.fixture
def case_path(tmp_path: Path) -> Path:
    shutil.copy(resources.files("kit.data") / "article.txt", tmp_path / "article.txt")
    kit.load_case()  # warm up: the first parse compiles the patterns
    return tmp_path / "case.yaml"


def test_the_unmutated_reference_loads(case_path):
    assert check_one(case_path, REFERENCE) is None
    assert len(kit.load_case(case_path).stances) > 10


def test_300_mutants_of_the_reference_case(case_path):
    rng = random.Random(SEED)
    failures, outcomes = [], {"loaded": 0, "refused": 0}
    for n in range(MUTANTS):
        data, ops = mutate(rng, REFERENCE)
        wrong = check_one(case_path, data, outcomes)
        if wrong:
            failures.append(f"mutant({n}) [{'; '.join(ops)}]: {wrong}")
    assert not failures, f"{len(failures)} of {MUTANTS} mutants:\n" + "\n".join(failures[:10])
    assert outcomes["refused"] > MUTANTS // 2  # the mutations do reach the checks


TOKENS = list("ab: -[]{},&*!?|>'\"#\n\t\x01\x00%@`~0129.\u2028é") + [
    "!!int ",
    "!!bool ",
    "!!timestamp ",
    "!!float ",
    "&a ",
    "*a",
    "<<: ",
    "2014-02-30",
    "maybe",
]
YAMLISH = st.lists(st.sampled_from(TOKENS), max_size=80).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=YAMLISH)
def test_any_yaml_like_text_after_a_valid_header(case_path, body):
    data = ("title: t\narticle: article.txt\n" + body).encode("utf-8")
    assert check_one(case_path, data) is None
