"""Notebook 07 · Your own article: helpers, checks, sample files, and safe display of hostile text."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

import kit
from kit.lessons import lesson07 as L

ROOT = Path(__file__).resolve().parents[2]
NB = ROOT / "notebooks" / "07_your_own_article.ipynb"


def _cells(kind: str) -> list[str]:
    cells = json.loads(NB.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == kind]


def test_the_broken_file_fails_on_exactly_the_line_the_check_expects():
    broken = L.broken_case_file()
    assert Path(kit.learner.learner_dir()) in broken.parents
    with pytest.raises(kit.CaseError) as err:
        kit.load_case(broken)
    assert len(err.value.problems) == 1
    assert f"broken_case.yaml:{L.SOLUTIONS['q4']}: stances[{L.WRONG['q4'][0]}].value" in err.value.problems[0]


def test_sample_files_are_valid_and_labelled_fictional():
    case = kit.load_case(L.sample_path("sample_case.yaml"))
    assert case.positions and case.stances and case.groups
    assert "FICTIONAL" in L.sample_path("sample_case.yaml").read_text(encoding="utf-8")
    assert any("**It is fictional**" in c for c in _cells("markdown"))
    assert case.article.credits.names()  # a credits line, like a real wire report
    assert not set(case.article.credits.names()) & {a.name for a in case.actors}


def test_unattributed_quote_is_in_the_paragraph_of_its_actor():
    sample = kit.load_article(L.sample_path())
    assert [q.speaker for q in sample.quotes].count(None) == 1  # "One quote has no speaker"
    assert L.unattributed_speaker(sample) == "russia"


def test_upload_is_decoded_and_saved_in_the_learner_folder():
    empty = SimpleNamespace(value=())
    assert L.uploaded_text(empty) is None and L.save_upload(empty) is None
    data = "Kerry said: “Hello.”\n".encode("utf-8-sig")
    upload = SimpleNamespace(value=({"name": "../../evil name.txt", "content": memoryview(data)},))
    path = L.save_upload(upload)
    assert path.parent == kit.learner.learner_dir() / "my-case" and path.name == "evil name.txt"
    assert path.read_text(encoding="utf-8") == "Kerry said: “Hello.”\n"
    with pytest.raises(kit.ArticleError):
        L.uploaded_text(SimpleNamespace(value=({"name": "x.txt", "content": b"\x00\x01binary"},)))


def test_start_case_drafts_once_and_never_overwrites():
    path = L.copy_sample()
    case_path = L.start_case(path)
    assert kit.load_case(case_path).stances
    case_path.write_text(case_path.read_text(encoding="utf-8") + "# my edit\n", encoding="utf-8")
    assert L.start_case(path) == case_path and case_path.read_text(encoding="utf-8").endswith("# my edit\n")


def test_hostile_text_is_escaped():
    source = next(c for c in _cells("code") if "<script>" in c)
    text = source.split("kit.parse('", 1)[1].split("\\n')", 1)[0]
    html = kit.ArticleExplorer(kit.case_from_article(kit.parse(text + "\n"))).html
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_notebook_writes_nothing_into_the_repository(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT / "notebooks")

    def files():
        return sorted(
            (str(p), p.stat().st_mtime_ns)
            for d in ("notebooks", "kit/data")
            for p in (ROOT / d).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and ".ipynb_checkpoints" not in p.parts
        )

    before = files()
    L.copy_sample(), L.broken_case_file(), L.start_case(L.copy_sample())
    assert files() == before


def _shown(value) -> str:
    """How the teacher guide's answer key writes a solution value."""
    if isinstance(value, (list, tuple, set, frozenset)):
        return repr(sorted(value))
    if isinstance(value, float):
        return f"{value:.2f}"
    return repr(value)


def test_teacher_guide_answer_key_matches_every_lesson_check():
    import importlib

    guide = (ROOT / "docs" / "teacher-guide.md").read_text(encoding="utf-8")
    key = guide.split("## Answer key", 1)[1].split("\n## ", 1)[0]
    lessons = sorted(p.stem for p in (ROOT / "kit" / "lessons").glob("lesson[0-9][0-9].py"))
    assert len(lessons) >= 7
    for stem in lessons:
        nn = stem[-2:]
        assert f"\n### {nn} · " in key, f"the answer key has no section for notebook {nn}"
        section = key.split(f"\n### {nn} · ", 1)[1].split("\n### ", 1)[0]
        module = importlib.import_module(f"kit.lessons.{stem}")
        for name, value in module.SOLUTIONS.items():
            line = next((x for x in section.splitlines() if x.startswith(f"- **{name}**")), "")
            assert f"**Answer:** `{_shown(value)}`" in line, (stem, name)


def test_transfer_task_codes_the_sample_with_its_reference():
    text = "\n".join(_cells("markdown"))
    assert "## Code it yourself: a transfer task" in text
    assert any("kit.StanceCoder(sample_case)" in c for c in _cells("code"))
    case = kit.load_case(L.sample_path("sample_case.yaml"))
    stance = next(s for s in case.stances if s.actor == "erik_lindqvist" and s.position == "joint_patrols")
    assert stance.value == "conditional" and "would code support" in stance.note
    quoted = (
        "Swedish Defense Minister Erik Lindqvist said Stockholm would send two corvettes and a surveillance "
        "aircraft, but warned that patrols alone would not be enough."
    )
    assert quoted in text and quoted in case.article.text
    assert stance.note in L.check.q3(L.SOLUTIONS["q3"]).message
    coder = kit.StanceCoder(case)
    assert coder.path != kit.StanceCoder(kit.load_case()).path  # saved apart from the Reuters coding


def test_written_analysis_matches_the_rubric():
    text = "\n".join(_cells("markdown"))
    assert "## Your analysis (written)" in text
    guide = (ROOT / "docs" / "teacher-guide.md").read_text(encoding="utf-8")
    rubric = guide.split("### Rubric for the written analysis", 1)[1].split("\n## ", 1)[0]
    for criterion in ("Main result", "Evidence", "Judgement call", "Finding or artefact"):
        assert f"| {criterion} |" in rubric, criterion
    for asked in ("main result", "evidence", "judgement call", "finding or an artefact"):
        assert asked in text.lower()


def test_q2_accepts_the_embassy_and_only_names_the_article_uses():
    from kit.lessons import lesson07

    q2 = lesson07.check.q2
    sample = kit.load_article(lesson07.sample_path())
    assert lesson07.unattributed_clause(sample) == ("Its embassy in Helsinki", "called")
    for answer in ("Russia", "russia", "Its embassy", "the Russian embassy", "the embassy in Helsinki"):
        assert q2(answer).correct, answer
    for answer in ("Moscow", "the Kremlin", "the Russian government"):  # not in the text
        res = q2(answer)
        assert not res.correct and "never uses" in res.message, answer
    wrong = q2("Finland")
    assert not wrong.correct and "“called”" in wrong.message and "said, told, warned" not in wrong.message
    assert any("“called”" in h for h in q2.hints)


def test_the_lesson_says_unidentified_speakers_are_their_own_category():
    import nbformat

    nb = nbformat.read(str(Path(__file__).resolve().parents[2] / "notebooks" / "07_your_own_article.ipynb"), 4)
    prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "*speaker not identified*, a category of its own" in prose
    assert "the anonymous share becomes a range" in prose
