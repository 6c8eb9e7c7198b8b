"""benchmarks/bench_attribution.py on small invented BRAT data (never PolNeAR's own texts).

The benchmark modules are not a package: they are loaded by path, as
benchmarks/run.py loads them.
"""

from __future__ import annotations

import doctest
import importlib.util
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"_test_{name}", ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bench = _load("bench_attribution")
polnear = bench.polnear
score = bench.score


def at(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of ``part`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def ann_lines(
    text: str, event: int, roles: dict[str, list[tuple[int, int]]], *, first_t: int = 1, trigger: str = "Attribution"
) -> str:
    """BRAT lines for one attribution: one T line per role (``;`` for several fragments) and the E line."""
    lines, args, t = [], [], first_t
    for role, spans in roles.items():
        etype = "Content" if role.startswith("Content") else role
        field = ";".join(f"{a} {b}" for a, b in spans)
        lines.append(f"T{t}\t{etype} {field}\t{' '.join(text[a:b] for a, b in spans)}")
        args.append(f"{role}:T{t}")
        t += 1
    cue = roles.get("Cue", [(0, 1)])[0]
    lines.append(f"T{t}\t{trigger} {cue[0]} {cue[1]}\t{text[cue[0] : cue[1]]}")
    lines.append(f"E{event}\t{trigger}:T{t} " + " ".join(args))
    return "\n".join(lines) + "\n"


def quote(start, end, speaker_start=None, speaker_end=None, speaker=None):
    return SimpleNamespace(
        start=start,
        end=end,
        speaker=speaker,
        speaker_start=speaker_start,
        speaker_end=speaker_end,
        partial=False,
        continued=False,
    )


# --- the helpers' own examples ------------------------------------------------


@pytest.mark.parametrize("module", [polnear, score], ids=["polnear", "attribution_score"])
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


# --- reading BRAT -------------------------------------------------------------

TEXT = "“The bridge opens in May,” Ann Lee said. “Nobody will pay a toll.”\n\nBo Day disagreed."


def test_parse_ann_groups_roles_by_event_and_reads_discontinuous_spans():
    content = [at(TEXT, "“The bridge opens in May,”"), at(TEXT, "“Nobody will pay a toll.”")]
    ann = ann_lines(TEXT, 1, {"Source": [at(TEXT, "Ann Lee")], "Cue": [at(TEXT, "said")], "Content": content})
    ann += "#1\tAnnotatorNotes T1\ta note\nwith a second line\n"  # notes may contain line breaks
    (attr,) = polnear.parse_ann(ann)
    assert attr.source == (at(TEXT, "Ann Lee"),)
    assert attr.cue == (at(TEXT, "said"),)
    assert attr.content == tuple(content)
    assert not attr.swapped


def test_content2_is_merged_and_makes_the_half():
    text = "“One two three four five six seven eight nine ten,” she said."
    inner = at(text, "One two three four five six seven eight nine ten,")
    first, second = (inner[0], inner[0] + 14), (inner[0] + 30, inner[1])  # each under half alone
    assert (first[1] - first[0]) * 2 < inner[1] - inner[0] and (second[1] - second[0]) * 2 < inner[1] - inner[0]
    roles = {"Source": [at(text, "she")], "Cue": [at(text, "said")], "Content": [first], "Content2": [second]}
    (attr,) = polnear.parse_ann(ann_lines(text, 1, roles))
    assert attr.content == (first, second)
    assert [(g.start, g.end) for g in polnear.gold_quotes(text, [attr])] == [inner]
    alone = polnear.Attribution("E1", attr.source, attr.cue, (first,))
    assert polnear.gold_quotes(text, [alone]) == []


def test_swapped_source_and_cue_are_swapped_back():
    content = [at(TEXT, "“The bridge opens in May,”")]
    roles = {"Source": [at(TEXT, "said")], "Cue": [at(TEXT, "Ann Lee")], "Content": content}
    (attr,) = polnear.parse_ann(ann_lines(TEXT, 1, roles))
    assert attr.swapped
    assert attr.source == (at(TEXT, "Ann Lee"),) and attr.cue == (at(TEXT, "said"),)


def test_attribution_without_source_keeps_its_quote_with_an_empty_source():
    roles = {"Cue": [at(TEXT, "said")], "Content": [at(TEXT, "“The bridge opens in May,”")]}
    attrs = polnear.parse_ann(ann_lines(TEXT, 1, roles, trigger="Attribution-no-source"))
    (gold,) = polnear.gold_quotes(TEXT, attrs)
    assert gold.source == ()
    counts, (outcome,) = score.score_article(
        [gold], [quote(gold.start, gold.end, 27, 34)], text=TEXT, paragraphs=polnear.paragraph_spans(TEXT)
    )
    assert counts.gold_no_source == 1 and not outcome.right and outcome.kind == "gold has no source"


# --- pairing marks and the half rule -------------------------------------------


@pytest.mark.parametrize(
    "text, inner",
    [
        ("“A,” he said. “B.”", ["A,", "B."]),
        ('"A," he said. "B."', ["A,", "B."]),
        ('"A,” he said. “B."', ["A,", "B."]),  # mixed marks still pair
        ("“A “B.”", ["B."]),  # a never-closed “ is dropped
        ("He said “” and “ ” and “C", []),  # empty pairs, unclosed mark
    ],
)
def test_pair_marks(text, inner):
    assert [text[a + 1 : b] for a, b in polnear.pair_marks(text)] == inner


def test_quotes_pair_within_a_paragraph_only():
    text = "“First part\n“Second part.”"
    assert polnear.paragraph_spans(text) == [(0, 11), (12, 26)]
    attr = polnear.Attribution("E1", ((0, 1),), (), ((0, len(text)),))
    assert [text[g.start : g.end] for g in polnear.gold_quotes(text, [attr])] == ["Second part."]


def test_half_coverage_rule():
    text = "“abcdefghij” she said"
    inner = at(text, "abcdefghij")
    half = polnear.Attribution("E1", ((13, 16),), (), ((inner[0], inner[0] + 5),))
    under = polnear.Attribution("E1", ((13, 16),), (), ((inner[0], inner[0] + 4),))
    (gold,) = polnear.gold_quotes(text, [half])
    assert (gold.start, gold.end, gold.coverage) == (inner[0], inner[1], 0.5)
    assert polnear.gold_quotes(text, [under]) == []


def test_one_attribution_must_cover_half_and_the_most_specific_wins():
    text = "“abcdefghij” she said"
    inner = at(text, "abcdefghij")
    left = polnear.Attribution("E1", ((13, 16),), (), ((inner[0], inner[0] + 4),))
    right = polnear.Attribution("E2", ((13, 16),), (), ((inner[0] + 4, inner[1]),))
    assert polnear.gold_quotes(text, [left]) == []
    assert [g.attribution for g in polnear.gold_quotes(text, [left, right])] == ["E2"]  # 6/10 alone
    outer = polnear.Attribution("E3", ((0, 1),), (), ((0, len(text)),))
    inner_attr = polnear.Attribution("E4", ((13, 16),), (), ((inner[0] - 1, inner[1] + 1),))
    assert [g.attribution for g in polnear.gold_quotes(text, [outer, inner_attr])] == ["E4"]


# --- the corpus folder: train only, single annotator ---------------------------


def _corpus(tmp_path: Path, *, compartment_b: str = "train") -> Path:
    root = tmp_path / "polnear"
    (root / "train" / "text").mkdir(parents=True)
    (root / "train" / "attributions").mkdir()
    roles = {
        "Source": [at(TEXT, "Ann Lee")],
        "Cue": [at(TEXT, "said")],
        "Content": [at(TEXT, "“The bridge opens in May,”"), at(TEXT, "“Nobody will pay a toll.”")],
    }
    for name, annotators in (("town_one", ["x1"]), ("town_two", ["x1", "x2"])):
        (root / "train" / "text" / f"{name}.txt").write_text(TEXT, encoding="utf-8")
        for who in annotators:
            ann = root / "train" / "attributions" / f"{name}_{who}.ann"
            ann.write_text(ann_lines(TEXT, 1, roles), encoding="utf-8")
    (root / "metadata.tsv").write_text(
        "compartment\tfilename\tannotators\tpublisher\n"
        "train\ttown_one\tx1\tgazette\n"
        f"{compartment_b}\ttown_two\tx1|x2\tgazette\n",
        encoding="utf-8",
    )
    return root


def test_only_single_annotator_articles_are_used(tmp_path):
    root = _corpus(tmp_path)
    assert [a.name for a in polnear.single_annotator_articles(root)] == ["town_one"]


def test_a_train_file_listed_as_held_out_is_refused(tmp_path):
    root = _corpus(tmp_path, compartment_b="test")
    with pytest.raises(ValueError, match="only train may be used"):
        polnear.single_annotator_articles(root)


@pytest.mark.parametrize("split", ["dev", "test"])
def test_dev_and_test_splits_are_refused(tmp_path, split, monkeypatch):
    root = _corpus(tmp_path)
    (root / split).mkdir()
    with pytest.raises(ValueError, match=f"refusing to read PolNeAR's {split} split"):
        polnear.split_dir(root, split)
    monkeypatch.setenv(polnear.ENV_VAR, str(root / split))
    with pytest.raises(ValueError, match="held out"):
        polnear.corpus_root()
    assert bench.main([]) == 2


def test_a_train_folder_linking_to_a_held_out_split_is_refused(tmp_path):
    root = tmp_path / "data"
    (root / "test").mkdir(parents=True)
    (root / "train").symlink_to(root / "test")
    with pytest.raises(ValueError, match="held-out test split"):
        polnear.split_dir(root)


# --- scoring -------------------------------------------------------------------


def _gold(start, end, source, paragraph=0, attribution="E1"):
    return SimpleNamespace(start=start, end=end, source=source, cue=(), paragraph=paragraph, attribution=attribution)


def test_overlap_scoring():
    gold = [_gold(10, 20, ((30, 37),))]
    right = quote(12, 25, 35, 40)  # quote and speaker spans overlap gold's
    touching = quote(12, 25, 37, 42)  # speaker span only touches the source: not an overlap
    disjoint = quote(20, 25, 30, 37)  # quote span only touches the gold quote: no match
    assert score.score_article(gold, [right])[1][0].right
    assert not score.score_article(gold, [touching])[1][0].right
    counts, (outcome,) = score.score_article(gold, [disjoint])
    assert outcome.predicted is None and counts.attributed_unmatched == 1 and counts.attributed_matched == 0


def test_a_gold_quote_is_judged_by_the_prediction_overlapping_it_most():
    gold = [_gold(10, 40, ((50, 55),))]
    small_right, big_wrong = quote(10, 14, 50, 55), quote(14, 40, 60, 65)
    counts, (outcome,) = score.score_article(gold, [small_right, big_wrong])
    assert outcome.predicted is big_wrong and not outcome.right
    assert (counts.attributed_matched, counts.attributed_right, counts.gold_right) == (2, 1, 0)


def test_precision_recall_f1_arithmetic():
    gold = [_gold(0, 10, ((100, 105),)), _gold(20, 30, ((110, 115),)), _gold(40, 50, ((120, 125),)), _gold(60, 70, ())]
    predicted = [
        quote(0, 10, 100, 105),  # right
        quote(20, 30, 200, 205),  # attributed, wrong
        quote(40, 50),  # found, no speaker: not in precision
        quote(60, 70, 130, 135),  # on a gold quote without source: wrong
        quote(80, 90, 140, 145),  # attributed, matches no gold quote: reported apart
    ]
    counts, _ = score.score_article(gold, predicted)
    assert (
        counts.gold,
        counts.gold_right,
        counts.attributed,
        counts.attributed_matched,
        counts.attributed_right,
        counts.attributed_unmatched,
        counts.unmatched,
    ) == (4, 1, 4, 3, 1, 1, 1)
    p, r, f1 = score.prf(counts)
    assert (p, r) == (pytest.approx(1 / 3), pytest.approx(1 / 4))
    assert f1 == pytest.approx(2 * (1 / 3) * (1 / 4) / (1 / 3 + 1 / 4))
    assert score.prf(score.Counts()) == (0.0, 0.0, 0.0)
    total = score.Counts()
    total += counts
    total += counts
    assert (total.gold, total.attributed_right) == (8, 2) and score.prf(total) == pytest.approx((p, r, f1))


@pytest.mark.parametrize(
    "text, quote_text, source, cue, expected",
    [
        ("“Go now,” Ann said. “We are late.”", "We are late.", "Ann", "said", "follow-on sentence"),
        ("“Go now,” Ann said, “we are late.”", "we are late.", "Ann", "said", "interrupted quote"),
        ("Ann said: “We are late.”", "We are late.", "Ann", "said", "colon intro"),
        ("“We are late” — Ann Lee.", "We are late", "Ann Lee", "—", "dash attribution"),
        ("“We are late,” according to Ann.", "We are late,", "Ann", "according to", "'according to'"),
        ("Ann called the plan “a disaster” on Monday.", "a disaster", "Ann", "called", "fragment inside a sentence"),
        ("Ann said:\n“We are late.”", "We are late.", "Ann", "said", "source in an earlier paragraph"),
        ("“We are late,” Ann said.", "We are late,", "Ann", "said", "source after the quote"),
    ],
)
def test_failure_patterns(text, quote_text, source, cue, expected):
    paragraphs = polnear.paragraph_spans(text)
    first, last = at(text, "“Go now,”") if "Go now" in text else None, at(text, quote_text)
    par = next(i for i, (s, e) in enumerate(paragraphs) if s <= last[0] < e)
    g = SimpleNamespace(
        start=last[0], end=last[1], source=(at(text, source),), cue=(at(text, cue),), paragraph=par, attribution="E1"
    )
    others = [g] + (
        [SimpleNamespace(start=first[0] + 1, end=first[1] - 1, paragraph=par, attribution="E1")] if first else []
    )
    assert score.where_source(text, g, others, paragraphs).startswith(expected)
    assert score.failure_kind(text, g, None, others, paragraphs) == "no quote found: " + score.where_source(
        text, g, others, paragraphs
    )


def test_proper_name_mapping():
    text = "“We are late,” said Ann Lee, the mayor."
    g = SimpleNamespace(start=1, end=13, source=(at(text, "Ann Lee, the mayor"),), cue=(), paragraph=0)
    lee = SimpleNamespace(id="ann_lee", name="Ann Lee", kind="person", aliases=("Lee",))
    town = SimpleNamespace(id="lee_town", name="Lee", kind="state", aliases=())
    mention = SimpleNamespace(actor="ann_lee", start=at(text, "Lee")[0], end=at(text, "Lee")[1])
    assert score.name_mapping(g, quote(1, 13, 20, 27, "ann_lee"), text, [lee], []) == ("Ann Lee", True, False)
    assert score.name_mapping(g, None, text, [lee], [mention]) == ("Ann Lee", False, True)
    assert score.name_mapping(g, quote(1, 13, 20, 27, "lee_town"), text, [town], []) == ("Ann Lee", False, False)
    told = "“We are late,” she said."
    g_she = SimpleNamespace(start=1, end=13, source=(at(told, "she"),), cue=(), paragraph=0)
    assert score.name_mapping(g_she, None, told, [lee], []) is None


# --- the command: skip, refusals, end to end -----------------------------------


def test_skips_without_the_corpus(monkeypatch, capsys, tmp_path):
    monkeypatch.delenv(polnear.ENV_VAR, raising=False)
    assert bench.main([]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "skipped" in out and polnear.ENV_VAR in out
    (row,) = bench.run()
    assert row["ok"] is None and "skipped" in row["value"]
    monkeypatch.setenv(polnear.ENV_VAR, str(tmp_path / "absent"))
    assert bench.main([]) == 0
    assert "skipped" in capsys.readouterr().out


def test_failure_dump_is_refused_inside_a_git_checkout(tmp_path, monkeypatch):
    monkeypatch.setenv(polnear.ENV_VAR, str(_corpus(tmp_path)))
    for inside in (ROOT / "failures.txt", ROOT / "benchmarks" / "out" / "failures.txt"):
        with pytest.raises(ValueError, match="inside the git checkout"):
            bench.check_dump_path(inside)
        assert bench.main(["--failures", str(inside)]) == 2
        assert not inside.exists()
    other = tmp_path / "other_checkout"
    (other / ".git").mkdir(parents=True)
    with pytest.raises(ValueError, match="inside the git checkout"):
        bench.check_dump_path(other / "deep" / "failures.txt")
    assert bench.check_dump_path(tmp_path / "failures.txt") == (tmp_path / "failures.txt").resolve()


def test_end_to_end_on_a_tiny_corpus(tmp_path, monkeypatch, capsys):
    root = _corpus(tmp_path)
    monkeypatch.setenv(polnear.ENV_VAR, str(root))
    report, failures = bench.evaluate(root)
    assert report["corpus"]["articles"] == 1 and report["corpus"]["multi_annotator_left_out"] == 1
    assert report["corpus"]["gold_quotes"] == 2 and set(report["publishers"]) == {"gazette"}
    assert report["overall"]["gold_right"] + len(failures) == 2
    dump = tmp_path / "out" / "failures.txt"
    dump.parent.mkdir()
    assert bench.main(["--json", "--failures", str(dump)]) == 0
    assert json.loads(capsys.readouterr().out)["corpus"]["gold_quotes"] == 2
    assert dump.read_text(encoding="utf-8").startswith(f"# {len(failures)} failed gold quotes")
    assert bench.main(["--markdown"]) == 0
    assert "| overall | 1 | 2 |" in capsys.readouterr().out
    rows = bench.run()
    assert rows[0]["target"] == ">= 0.90" and rows[0]["ok"] == (rows[0]["value"] >= 0.90)
