"""benchmarks/bench_entities.py on small invented CoNLL and GUM files (never the corpora's own texts)."""

from __future__ import annotations

import doctest
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"_test_{name}", ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bench = _load("bench_entities")
corpora = bench.corpora
score = bench.score

# Invented Reuters-like stories in CoNLL-2003 columns (token POS chunk NER, IOB1 tags).
CONLL = """-DOCSTART- -X- O O

HARBOUR NNP B-NP B-ORG
TRUST NNP I-NP I-ORG
WINS VBZ B-VP O
. . O O

NORHAVEN NNP B-NP B-LOC
1996-08-22 CD I-NP O

Maria NNP B-NP I-PER
Kent NNP I-NP I-PER
, , O O
chair NN B-NP O
of IN B-PP O
the DT B-NP O
Harbour NNP I-NP I-ORG
Trust NNP I-NP I-ORG
, , O O
said VBD B-VP O
the DT B-NP O
vote NN I-NP O
was VBD B-VP O
fair JJ B-ADJP O
. . O O

Kent NNP B-NP I-PER
thanked VBD B-VP O
Tom NNP B-NP I-PER
Roe NNP I-NP I-PER
and CC O O
Ann NNP B-NP B-PER
Lee NNP I-NP I-PER
for IN B-PP O
their PRP$ B-NP O
work NN I-NP O
. . O O

-DOCSTART- -X- O O

SOCCER NN B-NP O
- : O O
RESULTS NNS B-NP O
. . O O

Rovers NNP B-NP I-ORG
2 CD I-NP O
Hartfield NNP I-NP I-ORG
1 CD I-NP O

Wanderers NNP B-NP I-ORG
0 CD I-NP O
Ashby NNP I-NP I-ORG
3 CD I-NP O
"""

# An invented GUM-like document: UD columns with an Entity= annotation in MISC.
GUM = """# newdoc id = GUM_bio_inventor
# newpar
# sent_id = GUM_bio_inventor-1
# text = Ava Long founded Zentrix.
1\tAva\tAva\tPROPN\tNNP\t_\t3\tnsubj\t_\tEntity=(1-person-new-sssss-cf1-1,2-coref
2\tLong\tLong\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=1)
3\tfounded\tfound\tVERB\tVBD\t_\t0\troot\t_\t_
4\tZentrix\tZentrix\tPROPN\tNNP\t_\t3\tobj\t_\tEntity=(2-organization-new-sssss-cf2-1-coref)|SpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

# newpar
# sent_id = GUM_bio_inventor-2
# text = She left the city.
1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\tEntity=(1-person-giv-sssss-cf1-1-coref)
2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\tEntity=(3-place-new-nnnnn-cf3-2-sgl
4\tcity\tcity\tNOUN\tNN\t_\t2\tobj\t_\tEntity=3)|SpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
"""


def test_doctests():
    for module in (corpora, score):
        assert doctest.testmod(module).failed == 0


def test_conll_reads_prose_only_and_groups_names(tmp_path):
    (tmp_path / "eng.train").write_text(CONLL, encoding="utf-8")
    docs = list(corpora.read_conll(tmp_path / "eng.train"))
    assert len(docs) == 1  # the results table is not prose
    doc = docs[0]
    assert doc.genre == "general"
    assert doc.text.splitlines()[0] == "HARBOUR TRUST WINS."
    names = {(e.kind, e.name): [doc.text[a:b] for a, b in e.spans] for e in doc.entities}
    assert names[("person", "Maria Kent")] == ["Maria Kent"]
    assert ("person", "Kent") in names  # a distinct string is a distinct entity
    assert names[("organization", "Harbour Trust")] == ["Harbour Trust"]
    assert ("person", "Tom Roe") in names and ("person", "Ann Lee") in names  # B- starts a new one


def test_conll_refuses_reserved_files(tmp_path, monkeypatch):
    (tmp_path / "eng.testb").write_text(CONLL, encoding="utf-8")
    monkeypatch.setenv(corpora.CONLL_VAR, str(tmp_path / "eng.testb"))
    with pytest.raises(ValueError, match="reserved"):
        corpora.conll_path()
    with pytest.raises(ValueError):
        list(corpora.read_conll(tmp_path / "eng.testb"))


def test_gum_reader_named_entities_and_heads(tmp_path):
    (tmp_path / "dep").mkdir()
    (tmp_path / "dep" / "GUM_bio_inventor.conllu").write_text(GUM, encoding="utf-8")
    (tmp_path / "dep" / "GUM_news_secret.conllu").write_text("not to be read", encoding="utf-8")
    folder = tmp_path / "dep"
    docs = list(corpora.read_gum(folder))
    assert [d.name for d in docs] == ["GUM_bio_inventor"]
    doc = docs[0]
    assert doc.text == "Ava Long founded Zentrix.\n\nShe left the city."
    got = {e.kind: (e.name, [doc.text[a:b] for a, b in e.heads]) for e in doc.entities}
    assert got == {"person": ("Ava Long", ["Ava", "Long", "She"]), "organization": ("Zentrix", ["Zentrix"])}


def test_skips_without_environment(monkeypatch):
    monkeypatch.delenv(corpora.CONLL_VAR, raising=False)
    monkeypatch.delenv(corpora.GUM_VAR, raising=False)
    rows = bench.run()
    assert [r["name"] for r in rows] == ["entities CoNLL-2003", "entities GUM"]
    assert all(r["target"].startswith("skipped") for r in rows)


def test_evaluate_counts_found_and_really_people(tmp_path):
    (tmp_path / "eng.train").write_text(CONLL, encoding="utf-8")
    results = bench.evaluate(corpora.read_conll(tmp_path / "eng.train"))
    c = results["all"]
    assert c.docs == 1 and c.persons == 4 and c.orgs == 2
    assert 0 <= c.persons_found <= c.persons and c.person_actors_right <= c.person_actors
    text = bench.table("invented", results)
    assert "persons found" in text and "all" in text


def test_failures_dump_refused_inside_repository():
    with pytest.raises(SystemExit):
        bench.main(["--failures", str(ROOT / "misses.txt")])
