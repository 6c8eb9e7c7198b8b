"""The coder's inferences are marked as such everywhere: the extended coalition's basis, inferred stances, the excerpt."""

from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import kit  # noqa: E402
from kit.analysis.inference import inferred_stances, is_inferred  # noqa: E402
from kit.case.load import GROUP_BASES  # noqa: E402
from kit.errors import CaseError  # noqa: E402
from kit.explore.handout import render_handout  # noqa: E402
from kit.records import Position, Stance  # noqa: E402

CASE = kit.load_case()


def test_the_extended_coalition_is_inferred_in_the_case_file_the_figure_and_the_handout():
    groups = {g.id: g for g in CASE.groups}
    assert groups["extended_coalition"].basis == "inferred"
    assert groups["core_group"].basis == "article" and groups["nato"].basis == "background"
    ax = kit.plots.plot_membership(CASE)
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    plt.close(ax.figure)
    assert any("extended" in t and "(inferred)" in t for t in ticks), ticks
    page = render_handout(CASE)
    row = re.search(r"The larger and extended coalition<br><span class='hint'>\((\w+)\)", page)
    assert row and row.group(1) == "inferred"


def test_an_inferred_basis_needs_evidence(tmp_path):
    assert "inferred" in GROUP_BASES
    text = (
        "title: t\narticle: a.txt\nactors:\n  - {id: a, name: A, kind: state}\n"
        "groups:\n  - {id: g, name: G, members: [a], basis: inferred}\n"
    )
    (tmp_path / "a.txt").write_text("A said so.\n", encoding="utf-8")
    (tmp_path / "c.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(CaseError, match="basis inferred needs 'evidence'"):
        kit.load_case(tmp_path / "c.yaml")


def test_the_inferred_air_strikes_stances_are_flagged_in_the_handout_key():
    flagged = {(s.actor, s.position) for s in inferred_stances(CASE)}
    assert {("john_kerry", "air_strikes"), ("france", "air_strikes"), ("frank_walter_steinmeier", "air_strikes")} <= (
        flagged
    )
    assert ("david_cameron", "air_strikes") not in flagged  # "order air strikes": the label's own words
    key = render_handout(CASE, key=True).split("Teacher's key", 1)[1]
    kerry = re.search(r"<tr><td>Air strikes against IS</td><td>John Kerry</td><td>(.*?)</td>", key)
    assert kerry and "inferred*" in kerry.group(1)
    cameron = re.search(r"<tr><td>Air strikes against IS</td><td>David Cameron</td><td>(.*?)</td>", key)
    assert cameron and "inferred" not in cameron.group(1)
    assert "* inferred: the evidence does not use the words of the position's label" in key


def test_is_inferred_reads_the_label_words():
    pos = Position("p", "Air strikes against IS")
    assert is_inferred(Stance("a", "p", "support", "attack them", "direct"), pos)
    assert not is_inferred(Stance("a", "p", "support", "order an air strike", "direct"), pos)


def test_the_handout_header_says_excerpt_for_the_bundled_text():
    page = render_handout(CASE)
    assert "<h1>The article: an excerpt</h1>" in page
    own = kit.case_from_article(kit.parse("Kerry said no."))
    assert "<h1>The article</h1>" in render_handout(own)
