"""Krippendorff's alpha for a class: textbook values, the reference implementation, a noisy synthetic class."""

from __future__ import annotations

import math
import random

import krippendorff  # test-only reference implementation (requirements-test.txt)
import numpy as np
import pytest

import kit
from kit.analysis.alpha import (
    alpha_from_counts,
    alpha_words,
    bootstrap_alpha,
    krippendorff_alpha,
    percent_agreement,
    value_counts,
)
from kit.analysis.class_agreement import (
    MIN_ALPHA_PAIRS,
    SPLIT,
    STANCE_SCALE,
    class_agreement,
    class_outcome,
    quorum_for,
    reliability,
)
from kit.errors import KitError
from kit.records import NO_STANCE
from tests.classdata import make_example_class

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
# 4 observers, 12 units, values 1-5, missing data. Published: nominal .743, ordinal .815.
TEXTBOOK = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]
# Same paper, section A: two observers, binary data, no missing values. Published: .095.
BINARY = [[0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]]


def _reference(data, level, domain):
    arr = np.array([[np.nan if v is None else domain.index(v) for v in row] for row in data], dtype=float)
    return krippendorff.alpha(arr, level_of_measurement=level, value_domain=list(range(len(domain))))


def test_textbook_example_nominal_and_ordinal():
    assert round(krippendorff_alpha(TEXTBOOK, level="nominal"), 3) == 0.743
    assert round(krippendorff_alpha(TEXTBOOK, level="ordinal"), 3) == 0.815


def test_textbook_binary_example():
    assert round(krippendorff_alpha(BINARY), 3) == 0.095


def test_textbook_example_matches_the_reference_implementation():
    for level in ("nominal", "ordinal"):
        assert krippendorff_alpha(TEXTBOOK, level=level) == pytest.approx(
            _reference(TEXTBOOK, level, [1, 2, 3, 4, 5]), abs=1e-12
        )


@pytest.mark.parametrize("seed", range(40))
def test_random_stance_data_with_missing_values_matches_the_reference(seed):
    rng = random.Random(seed)
    coders, units = rng.randint(2, 30), rng.randint(3, 40)
    missing = rng.choice([0.0, 0.3, 0.7])
    bias = [rng.random() for _ in STANCE_SCALE]
    truth = [rng.choices(STANCE_SCALE, weights=bias)[0] for _ in range(units)]
    data = [
        [None if rng.random() < missing else (t if rng.random() < 0.7 else rng.choice(STANCE_SCALE)) for t in truth]
        for _ in range(coders)
    ]
    for level in ("nominal", "ordinal"):
        ours = krippendorff_alpha(data, level=level, categories=STANCE_SCALE)
        try:
            theirs = _reference(data, level, list(STANCE_SCALE))
        except ValueError:  # the reference refuses data with too few pairable values
            assert math.isnan(ours)
            continue
        if math.isnan(theirs):
            assert math.isnan(ours)
        else:
            assert ours == pytest.approx(theirs, abs=1e-9), (seed, level)


def test_percent_agreement_by_hand():
    # unit 1: a a b (1 agreeing pair of 3); unit 2: a a (1 of 1); unit 3: b (not pairable)
    counts = value_counts([["a", "a", "b"], ["a", "a", None], ["b", None, None]], ["a", "b"])
    assert counts.tolist() == [[2, 1], [2, 0], [0, 1]]
    assert percent_agreement(counts) == pytest.approx(100 * (2 + 2) / (6 + 2))


def test_missing_values_and_single_values_do_not_count():
    with_single = [["a", "b", "a"], ["a", "b", None]]
    without = [["a", "b"], ["a", "b"]]
    assert krippendorff_alpha(with_single) == krippendorff_alpha(without)


def test_undefined_alpha_is_nan_and_said_in_words():
    assert math.isnan(krippendorff_alpha([["a", "a"], ["a", "a"]]))
    assert math.isnan(alpha_from_counts(np.zeros((0, 4))))
    assert "not defined" in alpha_words(float("nan"))
    assert alpha_words(0.9) == "reliable" and "tentative" in alpha_words(0.7) and "chance" in alpha_words(-0.1)


def test_bootstrap_is_seeded_and_brackets_the_estimate():
    counts = value_counts(TEXTBOOK, [1, 2, 3, 4, 5])
    first = bootstrap_alpha(counts, seed=3)
    assert first == bootstrap_alpha(counts, seed=3)
    assert first != bootstrap_alpha(counts, seed=4)
    low, high = first
    assert low < krippendorff_alpha(TEXTBOOK) < high <= 1.0
    assert all(math.isnan(x) for x in bootstrap_alpha(counts[:1]))


def test_more_units_give_a_narrower_interval():
    rng = np.random.default_rng(0)

    def counts(units):
        truth = rng.integers(0, 4, units)
        rows = np.zeros((units, 4))
        for u, t in enumerate(truth):
            for _ in range(10):
                rows[u, t if rng.random() < 0.8 else rng.integers(0, 4)] += 1
        return rows

    small, large = bootstrap_alpha(counts(10)), bootstrap_alpha(counts(200))
    assert large[1] - large[0] < small[1] - small[0]


def test_class_agreement_majority_tie_quorum_and_fits():
    unit, other = ("kerry", "strikes"), ("hagel", "strikes")
    codings = {
        "A": {unit: "support", other: "oppose"},
        "B": {unit: "support", other: "oppose"},
        "C": {unit: "support", other: "support"},
        "D": {unit: "oppose"},
        "E": {("x", "strikes"): "support"},
    }
    c = class_agreement(codings, quorum=2, samples=50)
    assert c.majority[unit] == "support" and c.majority[other] == "oppose"
    assert ("x", "strikes") not in c.majority  # one coder: below the quorum
    assert c.counts[unit] == (1, 0, 0, 3, 0)  # oppose, undecided, conditional, support, no stance
    fits = {f.coder: f for f in c.fits}
    assert fits["D"].share == 0.0 and fits["A"].share == 1.0
    assert math.isnan(fits["E"].share)
    assert c.to_discuss()[0] == other  # 2 of 3 is less agreement than 3 of 4
    tie = class_agreement({"A": {unit: "support"}, "B": {unit: "oppose"}}, samples=10)
    assert tie.majority[unit] == SPLIT  # a tie is a split class, never "conditional"


def test_class_agreement_rejects_values_off_the_scale():
    with pytest.raises(KitError, match="not one of"):
        class_agreement({"A": {("a", "p"): "maybe"}})


def test_positions_filter_and_per_position_figures():
    codings = {c: {("a", "p"): "support", ("b", "p"): "oppose", ("a", "q"): "support"} for c in "ABC"}
    c = class_agreement(codings, positions=["p"], samples=20)
    assert list(c.per_position) == ["p"]
    assert c.overall.units == 2 and c.overall.alpha == 1.0 and c.overall.percent == 100.0


# --- a synthetic class of 30 coders with controlled noise --------------------------------------


def _synthetic(case, noise, seed=11):
    gen = make_example_class()
    rng = random.Random(seed)
    return {
        f"c{i}": {u: v for u, (v, _s) in gen.synthetic_coding(case, rng, noise=noise, coverage=0.9, extra=0).items()}
        for i in range(30)
    }


def test_synthetic_class_alpha_falls_as_noise_rises():
    case = kit.load_case()
    levels = [0.0, 0.1, 0.25, 0.5, 0.8]
    results = [class_agreement(_synthetic(case, n), samples=200) for n in levels]
    nominal = [r.overall.alpha for r in results]
    ordinal = [r.overall.alpha_ordinal for r in results]
    percent = [r.overall.percent for r in results]
    assert nominal[0] == 1.0 and percent[0] == 100.0
    assert all(a > b for a, b in zip(nominal, nominal[1:], strict=False)), nominal
    assert all(a > b for a, b in zip(ordinal, ordinal[1:], strict=False)), ordinal
    assert all(a > b for a, b in zip(percent, percent[1:], strict=False)), percent
    assert nominal[-1] < 0.2  # mostly random stances: near chance


def test_synthetic_class_matches_the_reference_implementation():
    case = kit.load_case()
    codings = _synthetic(case, 0.3)
    units = sorted({u for c in codings.values() for u in c})
    data = [[c.get(u) for u in units] for c in codings.values()]
    result = class_agreement(codings, samples=10)
    assert result.overall.alpha == pytest.approx(_reference(data, "nominal", list(STANCE_SCALE)), abs=1e-12)
    assert result.overall.alpha_ordinal == pytest.approx(_reference(data, "ordinal", list(STANCE_SCALE)), abs=1e-12)


# --- issue 20: pairs to discuss, ties, "no stance", honest per-issue alpha, BCa ----------------------


def test_pairs_to_discuss_in_a_lecture_are_the_real_splits_not_stray_pairs():
    case = kit.load_case()
    gen = make_example_class()
    files = gen.synthetic_class(case, 200, noise=0.2, seed=11)
    from kit.explore.class_view import class_results

    a = class_results(case, files, samples=50).agreement
    assert a.quorum == 40  # a fifth of 200
    top = a.to_discuss()[:5]
    assert len(top) == 5 and all(a.coded_by(u) >= 150 for u in top), [a.coded_by(u) for u in top]
    stray = [u for u in a.counts if 2 <= a.coded_by(u) <= 5]
    assert stray and not set(stray) & set(a.to_discuss())
    # most divided first
    divisions = [a.division(u) for u in a.to_discuss()]
    assert divisions == sorted(divisions, reverse=True)
    assert "at least 40 of 200 learners" in a.discuss_rule()


def test_quorum_rule():
    assert [quorum_for(n) for n in (2, 3, 10, 25, 200)] == [2, 3, 3, 5, 40]


def test_near_misses_are_told_from_opposite_readings():
    u = ("a", "p")
    near = class_agreement({f"c{i}": {u: v} for i, v in enumerate(["support"] * 4 + ["conditional"] * 2)}, samples=10)
    far = class_agreement({f"c{i}": {u: v} for i, v in enumerate(["support"] * 4 + ["oppose"] * 2)}, samples=10)
    assert near.reading(u) == "near miss" and near.away_from_top(u) == (2, 0, 0)
    assert far.reading(u) == "opposite readings" and far.away_from_top(u) == (0, 2, 0)


def test_ties_are_a_split_class():
    assert class_outcome(["support", "oppose"]) == SPLIT
    assert class_outcome(["support", "oppose", "support"]) == "support"
    assert class_outcome(["conditional", "undecided", "support", "oppose"]) == SPLIT


def test_no_stance_is_a_value_not_missing():
    u, w = ("a", "p"), ("b", "p")
    c = class_agreement({"A": {u: NO_STANCE, w: "support"}, "B": {u: NO_STANCE, w: "support"}, "C": {u: "oppose"}})
    assert c.counts[u] == (1, 0, 0, 0, 2) and c.majority[u] == NO_STANCE and c.coded_by(u) == 3
    data = [[NO_STANCE, "support"], [NO_STANCE, "support"], ["oppose", None]]
    assert c.overall.alpha == pytest.approx(krippendorff_alpha(data, categories=(*STANCE_SCALE, NO_STANCE)))


def test_alpha_on_too_few_pairs_is_not_a_number_and_the_paradox_is_flagged():
    few = reliability(np.array([[0, 0, 1, 1], [0, 0, 0, 2]]), coders=2, samples=50)
    assert few.units < MIN_ALPHA_PAIRS and not few.enough and "too few pairs" in few.why_not()
    # 84% agreement, nearly everything "support": alpha near zero
    rows = [[0, 0, 0, 5]] * 8 + [[0, 0, 1, 4], [1, 0, 0, 4]]
    paradox = reliability(np.array(rows), coders=5, samples=200)
    assert paradox.enough and paradox.percent >= 80 and paradox.alpha < 0.667 and paradox.paradox
    same = reliability(np.array([[0, 0, 0, 3]] * 6), coders=3, samples=20)
    assert not same.enough and "same stance" in same.why_not()


def test_bca_interval_and_the_chance_below_0667():
    from kit.analysis.alpha import bootstrap_summary

    counts = value_counts(TEXTBOOK, [1, 2, 3, 4, 5])
    (low, high), below = bootstrap_summary(counts, seed=1)
    assert low < krippendorff_alpha(TEXTBOOK) < high
    assert 0.0 <= below <= 0.5  # alpha .743: mostly above .667
    assert (low, high) == bootstrap_alpha(counts, seed=1)
