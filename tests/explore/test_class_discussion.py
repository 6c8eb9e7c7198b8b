"""Issue 20: a class view that leads the discussion — the right pairs, ties as ties, "no stance",
honest per-issue alpha, one learner counted once, a projector view, exit tickets, CSV tables."""

from __future__ import annotations

import csv
import json
import re

import pytest

import kit
from kit.analysis.class_agreement import SPLIT
from kit.cli import main
from kit.explore import class_view as cv
from kit.explore.class_heatmap import COLORS, heatmap_size, plot_class_heatmap
from kit.explore.class_report import class_page, class_tables, report_text
from kit.explore.coder import StanceCoder
from kit.explore.figures import close_figure, new_figure
from kit.learner.class_files import collect_codings, example_class
from kit.learner.codingfile import read_coding
from kit.learner.identity import learner_identity, saved_answers
from kit.plots import smallest_text_px
from kit.records import NO_STANCE
from kit.util import esc
from tests.classdata import make_example_class

U = ("john_kerry", "air_strikes")
V = ("chuck_hagel", "air_strikes")


@pytest.fixture(scope="module")
def case():
    return kit.load_case()


@pytest.fixture(scope="module")
def gen():
    return make_example_class()


@pytest.fixture(scope="module")
def example(case):
    return cv.class_results(case, example_class(), samples=200)


def _file(gen, case, coding, name, **extra):
    data = json.loads(gen.coding_file(case, coding, learner=name))
    for key, value in extra.items():
        if key == "why":
            for row in data["stances"]:
                row["why"] = value[row["value"]]
        else:
            data[key] = value
    return (f"{name}.json", json.dumps(data).encode())


# --- 1. pairs to discuss --------------------------------------------------------------------------


def test_pairs_to_discuss_state_the_rule_count_in_columns_and_group_reasons_by_stance(case, gen):
    why = {"support": "backs it outright", "oppose": "speaks against it", "conditional": "only if"}
    values = ["support"] * 3 + ["oppose"] * 2 + ["conditional"]
    files = [_file(gen, case, {U: (v, 2), V: ("support", 4)}, f"L{i}", why=why) for i, v in enumerate(values)]
    res = cv.class_results(case, files, samples=50)
    page = cv.render_discuss(res)
    assert "at least 3 of 6 learners" in page  # the rule, in the view
    head = re.search(r"<thead>(.*?)</thead>", page).group(1)
    assert all(f">{v}<" in head for v in ("support", "conditional", "undecided", "oppose", "no stance in the text"))
    rows = re.findall(r"<tr><td[^>]*><strong>(\w+)</strong></td>(.*?)</tr>", page)
    by_stance = {stance: rest for stance, rest in rows}
    assert "backs it outright" in by_stance["support"] and "speaks against it" not in by_stance["support"]
    assert "speaks against it" in by_stance["oppose"] and "only if" in by_stance["conditional"]
    assert ">Opposite readings:" in page and ">Near misses:" not in page  # 3 support vs 2 oppose
    assert res.agreement.away_from_top(U) == (1, 2, 0)


def test_a_small_split_and_a_near_miss_go_under_their_own_headings(case, gen):
    near = [_file(gen, case, {U: (v, 2)}, f"N{i}") for i, v in enumerate(["support"] * 3 + ["conditional"] * 2)]
    res = cv.class_results(case, near, samples=20)
    page = cv.render_discuss(res)
    assert ">Near misses:" in page and ">Opposite readings:" not in page


# --- 2. ties are ties -----------------------------------------------------------------------------


def test_a_tie_is_a_class_split_in_every_view(case, gen):
    files = [_file(gen, case, {U: (v, 2)}, f"T{i}") for i, v in enumerate(["support", "support", "oppose", "oppose"])]
    res = cv.class_results(case, files, samples=20)
    assert res.agreement.majority[U] == SPLIT
    consensus = cv.render_consensus(res)
    kerry = consensus[consensus.index("John Kerry") :]
    assert "class split" in kerry.split("</tr>")[0] and "✓ same" not in consensus and "✗ differs" not in consensus
    assert "the class split evenly" in consensus
    assert "class split" in report_text(res) and "matches the reference on 0 of 1" in report_text(res)
    assert U not in {(s.actor, s.position) for s in res.majority_case().stances}  # no stance for the coalitions
    fig, ax = new_figure(width=6, height=4)
    try:
        plot_class_heatmap(res, ax=ax)
        texts = [t.get_text() for t in ax.texts]
        assert any(t.endswith("split") for t in texts)
        hatched = [p for p in ax.patches if p.get_hatch()]
        assert hatched and all(p.get_facecolor()[:3] == (1.0, 1.0, 1.0) for p in hatched)
        assert "split: the class tied" in {t.get_text() for t in ax.get_legend().get_texts()}
    finally:
        close_figure(fig)


# --- 3. "no stance in the text" --------------------------------------------------------------------


def test_the_coder_offers_no_stance_and_files_carry_it(case, tmp_path):
    coder = StanceCoder(case, path=tmp_path / "c.json")
    assert NO_STANCE in coder.stance.options and coder.stance.options[0] == kit.explore.coder.NOT_CODED
    coder.position.value, coder.actor.value = "air_strikes", "john_kerry"
    coder.stance.value = NO_STANCE
    exported = coder.export(tmp_path / "out.json")
    assert read_coding(case, exported)[U]["value"] == NO_STANCE
    assert any(s.value == NO_STANCE for s in coder.stances())


def test_no_stance_counts_as_coverage_and_old_files_still_read(case, gen):
    files = [_file(gen, case, {U: (NO_STANCE, None), V: ("support", 4)}, f"A{i}") for i in range(3)]
    files.append(_file(gen, case, {U: ("support", 2)}, "B"))
    res = cv.class_results(case, files, samples=20)
    assert res.agreement.coded_by(U) == 4 and res.agreement.majority[U] == NO_STANCE
    coverage = cv.render_coverage(res)
    assert "4 of 4" in coverage and "no stance in the text" in coverage
    old = gen.coding_file(case, {U: ("support", 2)}, learner="Old")  # no "no stance", no id: as before
    assert collect_codings(case, [("old.json", old)]).learners[0].stances() == {U: "support"}


# --- 4. honest per-issue alpha ---------------------------------------------------------------------


def test_alpha_on_few_pairs_is_words_and_the_paradox_is_flagged(example):
    page = cv.render_reliability(example)
    assert "too few pairs" in page and "−0.0" not in page
    strategy = example.agreement.per_position["political_strategy"]
    assert strategy.percent > 80 and strategy.alpha < 0.1 and strategy.paradox
    assert "⚑ An overall political strategy" in page and "High agreement, low alpha" in page
    assert "In plain words" not in page and "of the time" in page.split("</p>")[0]  # the sentence under the number
    low = example.agreement.per_position["no_ground_troops"]
    row = page[page.index("No ground troops") :].split("</tr>")[0]
    assert not low.enough and "too few pairs" in row and f"{low.alpha:.2f}" not in row


# --- 6. one learner counts once ---------------------------------------------------------------------


def test_the_same_learner_id_counts_once_newest_wins(case, gen):
    first = _file(gen, case, {U: ("oppose", 2)}, "Ana", learner_id="a" * 32, saved="2024-09-12T09:00:00")
    renamed = _file(gen, case, {U: ("support", 2)}, "Ana B.", learner_id="a" * 32, saved="2024-09-12T10:00:00")
    other_ana = _file(gen, case, {U: ("support", 2)}, "Ana", learner_id="b" * 32)
    files = collect_codings(case, [("1.json", first[1]), ("2.json", renamed[1]), ("3.json", other_ana[1])])
    assert sorted(f.name for f in files.learners) == ["Ana", "Ana B."]
    assert {f.stances()[U] for f in files.learners} == {"support"}
    assert any("each counts once, with the newest file" in line for line in files.summary_lines())
    assert "1.json" in [s.source for s in files.skipped if s.kind == "older file"][0]


def test_an_export_carries_the_name_and_a_stable_id(case, tmp_path):
    coder = StanceCoder(case, path=tmp_path / "c.json")
    coder.learner.value = "  Ada   Lovelace "
    coder.position.value, coder.actor.value = "air_strikes", "john_kerry"
    coder.stance.value = "support"
    one = json.loads(coder.export(tmp_path / "1.json").read_bytes())
    again = StanceCoder(case, path=tmp_path / "c.json")
    assert again.learner.value == "Ada Lovelace"
    two = json.loads(again.export(tmp_path / "2.json").read_bytes())
    assert one["learner"] == two["learner"] == "Ada Lovelace"
    assert one["learner_id"] == two["learner_id"] == learner_identity(tmp_path).id and len(one["learner_id"]) == 32
    files = collect_codings(case, [tmp_path / "1.json", tmp_path / "2.json"])
    assert len(files.learners) == 1


# --- 7. readable, safe colours, no doubled quotes, the right lesson ---------------------------------


def test_projector_heatmap_text_is_at_least_18px_at_1000px(example):
    width, height = heatmap_size(example, projector=True)
    fig, ax = new_figure(width=width, height=height)
    try:
        plot_class_heatmap(example, ax=ax, projector=True)
        px_at_1000 = smallest_text_px(fig, dpi=100) * 1000 / (width * 100)
        assert px_at_1000 >= 18, px_at_1000
        faces = {tuple(round(x, 3) for x in p.get_facecolor()[:3]) for p in ax.patches if p.get_fill()}
        from matplotlib.colors import to_rgb

        allowed = {tuple(round(x, 3) for x in to_rgb(c)) for c in (*COLORS.values(), "white")}
        assert faces <= allowed  # solid palette colours only: nothing faded
    finally:
        close_figure(fig)


def test_projector_page_and_no_doubled_quote_marks(example):
    page = class_page(example, projector=True)
    assert "font-size:20px" in page
    for doubled in ("““", "””", "“\u201c", '“"', '"”'):
        assert doubled not in page
    assert cv.quoted("“We will act,” he said.") == "“We will act,” he said."
    assert cv.quoted("Kerry spoke.") == "“Kerry spoke.”"


def test_the_teacher_notebook_points_to_the_network_in_lesson_06():
    from tests.classdata import ROOT

    text = (ROOT / "notebooks" / "teacher" / "class_results.ipynb").read_text(encoding="utf-8")
    assert "lesson 06" in text and "lesson 05" not in text.split("CoalitionExplorer on the class")[1][:200]


# --- 8. exit tickets and CSV -------------------------------------------------------------------------


def test_exit_ticket_answers_travel_with_the_export_and_reach_the_class_view(case, tmp_path, monkeypatch, gen):
    monkeypatch.setenv("KIT_LEARNER_DIR", str(tmp_path))
    from kit.lessons import lesson05

    q = lesson05.exit_ticket.q1
    wrong = next(o for o in q.options if o != q.correct)
    q.box.children[1].value = wrong
    q.box.children[2].click()  # Check
    kept = saved_answers(tmp_path)
    assert kept and kept[0]["lesson"] == "Lesson 05" and kept[0]["choice"] == wrong and not kept[0]["correct"]
    coder = StanceCoder(case, path=tmp_path / "c.json")
    coder.position.value, coder.actor.value = "air_strikes", "john_kerry"
    coder.stance.value = "support"
    assert "answers" not in json.loads(coder.export(tmp_path / "no.json").read_bytes())  # opt-in
    coder.share_answers.value = True
    mine = coder.export(tmp_path / "yes.json").read_bytes()
    assert json.loads(mine)["answers"][0]["choice"] == wrong
    right = dict(kept[0], choice=q.correct, correct=True, feedback="")
    others = [_file(gen, case, {U: ("support", 2)}, f"P{i}", answers=[right]) for i in range(2)]
    res = cv.class_results(case, [("me.json", mine), *others], samples=20)
    page = cv.render_answers(res)
    assert "Lesson 05" in page and esc(q.question) in page and esc(q.options[wrong]) in page
    (tally,) = res.files.answers()
    assert tally.counts == {q.correct: 2, wrong: 1} and tally.total == 3


def test_cli_class_writes_csv_tables(tmp_path, capsys):
    path = tmp_path / "class.zip"
    path.write_bytes(example_class()[1])
    out = tmp_path / "tables"
    assert main(["class", str(path), "--csv", str(out)], out=open(tmp_path / "report.txt", "w")) == 0
    with (out / "pairs.csv").open(encoding="utf-8") as f:
        pairs = list(csv.DictReader(f))
    nato = next(r for r in pairs if (r["actor"], r["position"]) == ("nato", "airlifts"))
    assert int(nato["coded_by"]) == sum(
        int(nato[k]) for k in ("support", "conditional", "undecided", "oppose", "no_stance")
    )
    assert nato["to_discuss"] == "yes" and nato["reasons_support"]
    with (out / "agreement.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert {r["scope"] for r in rows} == {"overall", "position", "actor"}
    assert all(r["alpha_nominal"] == "" for r in rows if r["note"].startswith("too few pairs"))
    assert (out / "answers.csv").exists()


def test_class_tables_match_the_agreement(example):
    tables = class_tables(example)
    head, rows = tables["pairs"]
    assert len(rows) == len(example.agreement.counts)


def test_the_explorer_has_a_projector_mode(case):
    from kit.explore.class_explorer import ClassExplorer

    ex = ClassExplorer(case, example_class(), samples=50)
    assert "font-size:20px" not in ex.html
    ex.projector.value = True
    assert "font-size:20px" in ex.html
    import base64
    import io

    from PIL import Image

    data, px = re.search(r"<img src='data:image/png;base64,([^']+)'[^>]*data-min-text-px='([\d.]+)'", ex.html).groups()
    width = Image.open(io.BytesIO(base64.b64decode(data))).width
    assert float(px) * 1000 / width >= 18, (px, width)  # the picture shown 1,000 px wide


def test_kappa_and_alpha_count_the_same_way(case, tmp_path):
    """Lesson 05's comparison and the class view: not coded is missing, "no stance" is an answer."""
    from kit.analysis import compare_codings
    from kit.records import Stance

    ref = [s for s in case.stances if (s.actor, s.position) == U]
    mine = [Stance(*U, NO_STANCE, "", "narration"), Stance(*V, "support", "", "narration")]
    got = compare_codings(ref, mine)
    assert got.n == 1 and got.percent == 0.0 and len(got.one_sided) == 1  # V: coded by one only, left out
    coder = StanceCoder(case, path=tmp_path / "c.json")
    coder.position.value, coder.actor.value = "no_ground_troops", "islamic_state"  # not in the reference
    coder.stance.value = NO_STANCE
    coder.position.value, coder.actor.value = "air_strikes", "john_kerry"
    coder.stance.value = "support"
    agreement = coder.compare_reference()
    assert agreement.n == 2 and agreement.percent == 100.0  # the reference codes no stance there: agreed


def test_judgement_answers_are_kept_and_reach_the_class_view(case, tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_LEARNER_DIR", str(tmp_path))
    from kit.lessons import lesson05

    lesson05.check.q1(lesson05.SOLUTIONS["q1"])  # a look-up: not kept
    assert saved_answers(tmp_path) == []
    wrong, _words = lesson05.WRONG["q2"]
    lesson05.check.q2(wrong)
    (kept,) = saved_answers(tmp_path)
    assert kept["lesson"] == "Lesson 05" and "judgement" in kept["question"] and not kept["correct"]
    assert kept["choice"] == "nato" and kept["feedback"]
    lesson05.check.q2(lesson05.SOLUTIONS["q2"])  # the latest answer replaces the first
    (kept,) = saved_answers(tmp_path)
    assert kept["correct"] and kept["feedback"] == ""
