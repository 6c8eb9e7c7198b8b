"""kit.parse.scan answers every window as the regex engine does (issue 22, item 5).

The attribution patterns search windows around each quotation; a :class:`Scan`
answers them from the offsets where each pattern can start, found once. For
any text and any sequence of windows (overlapping, far apart, going back,
empty, cut inside a word), the answers must be those of ``pattern.search`` and
``pattern.finditer`` on the same window.
"""

from __future__ import annotations

import importlib
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit.parse import scan as scan_module
from kit.parse.scan import Scan, Scanned

_attribution = importlib.import_module("kit.parse.attribution")
_governor = importlib.import_module("kit.parse.governor")

SCANNED: dict[str, Scanned] = {
    "QC": _governor.QC,
    "GOVERN": _governor.GOVERN,
    "ACCORDING_AT": _governor.ACCORDING_AT,
    "LABEL_AT": _governor.LABEL_AT,
    "VERBISH_AT": _governor.VERBISH_AT,
    "_CLAUSE_AT": _attribution._CLAUSE_AT,
}

PIECES = st.sampled_from(
    [
        "said",
        "says",
        "saidx",
        "told",
        "according to",
        "According  to ",
        "accordingly",
        "in a statement",
        "called",
        "is",
        "was",
        "walked",
        "address",
        "a",
        "Ann Lee",
        "Kerry:",
        ": ",
        ":",
        ". ",
        "! ",
        "- ",
        " - ",
        "— ",
        ";",
        "(",
        "(D-Ohio)",
        "”",
        "“",
        '"',
        ", ",
        " ",
        "\n",
        "\u2028",
        "when",
        "while",
        "and then",
        "as he",
        "after Ann",
        "that",
        "x",
    ]
)
TEXTS = st.lists(PIECES, min_size=1, max_size=50).map("".join)


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return a.span() == b.span() and a.groups() == b.groups()


@pytest.mark.parametrize("name", sorted(SCANNED))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, data=st.data())
def test_scan_answers_as_the_regex_engine(name: str, text: str, data: st.DataObject) -> None:
    scanned = SCANNED[name]
    scan = Scan(text)
    n = len(text)
    anywhere = st.lists(st.tuples(st.integers(0, n), st.integers(0, 60)), min_size=1, max_size=12)
    moving = st.lists(st.tuples(st.integers(-6, 12), st.integers(0, 40)), min_size=1, max_size=40).map(
        lambda steps: [(max(0, sum(s for s, _ in steps[: i + 1])), w) for i, (_, w) in enumerate(steps)]
    )  # windows moving on a few characters at a time, sometimes back, as quotations' windows do
    windows = data.draw(st.one_of(anywhere, moving), label="windows")
    # keep few starts (forgetting those behind the windows often) or many
    keep = data.draw(st.sampled_from([2, 4096]), label="keep")
    with mock.patch.object(scan_module, "_KEEP", keep):
        _compare(scanned, scan, text, windows, data)


def _compare(scanned: Scanned, scan: Scan, text: str, windows: list[tuple[int, int]], data: st.DataObject) -> None:
    n = len(text)
    for pos, width in windows:
        endpos = min(n, pos + width)
        if data.draw(st.booleans(), label="finditer"):
            got = list(scan.finditer(scanned, pos, endpos))
            want = list(scanned.pattern.finditer(text, pos, endpos))
            assert len(got) == len(want) and all(_same(g, w) for g, w in zip(got, want)), (pos, endpos)
        else:
            assert _same(scan.search(scanned, pos, endpos), scanned.pattern.search(text, pos, endpos)), (pos, endpos)


def test_windows_moving_on_read_each_stretch_once() -> None:
    """Overlapping windows that move on (a quotation every 4 characters, each reading the 300 before it)
    read each stretch of text once for the starts, not once per window."""
    text = '"a" ' * 1_000 + "he added."
    scan = Scan(text)
    verbish = SCANNED["VERBISH_AT"]
    hits = scan[verbish]
    read: list[int] = []
    find = hits._starts

    def counting(t: str, pos: int, endpos: int):  # type: ignore[no-untyped-def]
        read.append(endpos - pos)
        return find(t, pos, endpos)

    hits._starts = counting
    for cs in range(300, len(text) - 20, 4):
        assert scan.search(verbish, cs - 300, cs) is None
    assert sum(read) <= len(text) + verbish.reach * len(read)  # about once (each call reads `reach` on)
    assert len(read) < 20  # a window's width at a time, not 4 characters
    assert all(p >= 4_000 for p in hits.starts)  # "a" cannot start a verb-ish word: nothing to try
    assert scan.search(verbish, len(text) - 300, len(text)).group() == "added"


@pytest.mark.parametrize("name", sorted(SCANNED))
def test_window_sequences_that_once_went_wrong(name: str) -> None:
    """An empty window inside the last one, then a window inside both: the record restarts at the empty one."""
    text = "told reporters: he said. he said, according to Ann Lee, when Kerry: “x” - Ann Lee: it walked is"
    scanned = SCANNED[name]
    for windows in ([(0, 28), (0, 0), (0, 19)], [(0, 60), (30, 30), (30, 40)], [(5, 40), (10, 10), (12, 80)]):
        scan = Scan(text)
        for pos, endpos in windows:
            got = [m.span() for m in scan.finditer(scanned, pos, endpos)]
            assert got == [m.span() for m in scanned.pattern.finditer(text, pos, endpos)], (windows, pos, endpos)
        scan = Scan(text)
        for pos, endpos in windows:
            one, want = scan.search(scanned, pos, endpos), scanned.pattern.search(text, pos, endpos)
            assert (one and one.span()) == (want and want.span()), (windows, pos, endpos)
