"""CSV tables, GraphML and the DNA statement list, written and read back."""

from __future__ import annotations

import csv
from dataclasses import replace

import networkx as nx
import pytest

import kit
from kit import export as F
from tests.handmade import small_case


@pytest.fixture(scope="module")
def case():
    return small_case()


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_write_csv_four_tables_read_back(case, tmp_path):
    paths = F.write_csv(case, tmp_path / "out")
    assert [p.name for p in paths] == ["actors.csv", "mentions.csv", "quotes.csv", "stances.csv"]
    actors = read(paths[0])
    assert [a["id"] for a in actors] == [a.id for a in case.actors]
    kerry = next(a for a in actors if a["id"] == "john_kerry")
    assert kerry == {
        "id": "john_kerry",
        "name": "John Kerry",
        "kind": "person",
        "role": "Secretary of State",
        "country": "united_states",
        "aliases": "",
        "member_of": "",
        "mentions": "3",
    }
    assert next(a for a in actors if a["id"] == "united_states")["member_of"] == "core_group; nato"
    mentions = read(paths[1])
    assert len(mentions) == len(case.mentions)
    assert all(case.article.text[int(m["start"]) : int(m["end"])] == m["text"] for m in mentions)
    quotes = read(paths[2])
    assert [q["type"] for q in quotes].count("reported") == 2
    first = quotes[0]
    assert first["speaker_name"] == "John Kerry" and first["text"].startswith("We will strike them")
    assert quotes[4]["speaker"] == "" and quotes[4]["speaker_name"] == ""  # unattributed quote
    stances = read(paths[3])
    assert len(stances) == len(case.stances)
    assert stances[-1]["actor_name"] == "Islamic State" and stances[-1]["position_label"] == "Air strikes against IS"
    assert stances[-1]["start"] == ""  # not located: empty cell
    # embedded double quotes survive the round trip
    assert stances[11]["evidence"] == 'Canada wants a "strategy"'


def test_csv_is_utf8_with_bom_for_spreadsheets(case, tmp_path):
    c = replace(
        case,
        actors=tuple(replace(a, name="Fran\u00e7ois Hollande \u2019") if a.id == "canada" else a for a in case.actors),
    )
    path = F.write_csv(c, tmp_path)[0]
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "Fran\u00e7ois Hollande \u2019" in raw.decode("utf-8-sig")


def test_csv_into_a_file_path_is_refused(case, tmp_path):
    target = tmp_path / "file.txt"
    target.write_text("x")
    with pytest.raises(kit.SaveError, match="is a file"):
        F.write_csv(case, target)


def test_write_graphml_round_trip(case, tmp_path):
    path = F.write_graphml(case, tmp_path / "sub" / "agree.graphml")
    g = nx.read_graphml(path)
    assert set(g.nodes) == {
        "united_states",
        "france",
        "canada",
        "john_kerry",
        "philip_hammond",
        "anon_british_official",
        "frank_walter_steinmeier",
        "islamic_state",
    }
    assert g.edges["france", "john_kerry"]["weight"] == 2
    assert g.edges["france", "john_kerry"]["positions"] == "air_strikes; ground_troops"
    assert g.nodes["john_kerry"]["label"] == "John Kerry" and g.nodes["john_kerry"]["kind"] == "person"
    assert g.nodes["john_kerry"]["coalition"] == 1 and g.nodes["canada"]["coalition"] == 2
    assert g.nodes["philip_hammond"]["coalition"] == 4


def test_write_graphml_state_level_and_bad_target(case, tmp_path):
    g = nx.read_graphml(F.write_graphml(case, tmp_path / "s.graphml", level="state"))
    assert "john_kerry" not in g and g.edges["france", "united_states"]["weight"] == 2
    with pytest.raises(kit.SaveError, match="is a folder"):
        F.write_graphml(case, tmp_path)
    with pytest.raises(kit.KitError, match="unknown position"):
        F.write_graphml(case, tmp_path / "x.graphml", positions=["nope"])


def test_write_dna_statement_list(case, tmp_path):
    rows = read(F.write_dna(case, tmp_path / "dna.csv"))
    assert list(rows[0]) == [
        "statement_id",
        "actor",
        "actor_name",
        "concept",
        "concept_id",
        "agreement",
        "value",
        "text",
        "evidence_type",
        "start",
        "end",
        "note",
    ]
    assert [r["statement_id"] for r in rows] == [str(i) for i in range(1, 14)]
    assert rows[0]["actor"] == "john_kerry" and rows[0]["concept"] == "Air strikes against IS"
    agreement = {r["value"]: r["agreement"] for r in rows}
    assert agreement == {"support": "1", "oppose": "0", "conditional": "conditional", "undecided": "undecided"}
    assert rows[0]["text"] == "We will strike them from the air"


def test_write_dna_options(case, tmp_path):
    rows = read(F.write_dna(case, tmp_path / "dna.csv", positions=["ground_troops"], level="state"))
    # Kerry's statement now counts for the United States; statements are not merged
    assert [r["actor"] for r in rows] == ["united_states", "france", "united_states"]
    assert {r["concept_id"] for r in rows} == {"ground_troops"}


def test_reference_case_exports(tmp_path):
    ref = kit.load_case()  # a broken bundled reference case must fail here, not skip
    paths = F.write_csv(ref, tmp_path)
    assert len(read(paths[3])) == len(ref.stances)
    g = nx.read_graphml(F.write_graphml(ref, tmp_path / "ref.graphml", level="state"))
    assert g.number_of_nodes() > 0
    assert len(read(F.write_dna(ref, tmp_path / "ref.csv"))) == len(ref.stances)
