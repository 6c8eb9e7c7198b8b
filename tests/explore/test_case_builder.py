"""The CaseBuilder widget driven in process: the teacher's path, escaping, a broken file, every tool on the result."""

from __future__ import annotations

from pathlib import Path

import pytest

import kit
from kit.cli import main
from kit.explore.builder import PARTS, CaseBuilder, render_part

from ..pier import ARTICLE as PIER

# The invented pier story with HTML in it and one more sentence.
ARTICLE = PIER.replace("new ferry", "new <b>ferry</b>").replace(
    "A council spokeswoman", "Wade and Kent agreed to meet again. A council spokeswoman"
)


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "pier.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_teacher_path_in_the_widget(article: Path, tmp_path: Path) -> None:
    b = CaseBuilder(article, path=tmp_path / "pier.yaml")
    assert b.part.value == "Actors" and "<b>ferry</b>" not in b.html and "&lt;b&gt;ferry" in b.html
    # fix one actor: Tom Wade's role
    b.actor.value = "tom_wade"
    b.role.value = "Fishermen's leader"
    b.apply_actor.click()
    assert b.case.actor("tom_wade").role == "Fishermen's leader"
    # add the missed council from its words
    b.words.value = "The council"
    b.new_kind.value = "organization"
    b.add_button.click()
    assert b.case.get_actor("the_council") is not None, b.message
    assert "the_council" in {v for _, v in b.actor.options}  # the lists follow the case
    # fix one speaker: the disgrace quote is Wade's in the text, the teacher codes it as unknown
    b.part.value = "Speakers"
    idx = next(i for i, (_k, s, e, _w) in enumerate(b.state.statements()) if "disgrace" in b.case.article.text[s:e])
    b.statement.value = idx
    b.speaker.value = ""
    b.speaker_button.click()
    assert "your coding; the parser said Tom Wade" in b.html
    # two positions
    b.part.value = "Positions"
    for label in ("Build the pier", "Move the slipway"):
        b.plabel.value = label
        b.padd.click()
    assert [p.label for p in b.case.positions] == ["Build the pier", "Move the slipway"]
    # three stances, coded in the StanceCoder as learners do, then taken into the case
    b.part.value = "Stances"
    coder = b._coder
    assert coder is not None and b.coder_area.children == (coder.box,)
    sentences = {b.case.article.text[s.start : s.end]: i for i, s in enumerate(b.case.article.sentences)}
    for actor, position, value, words in (
        ("maria_kent", "build_the_pier", "support", "“We have waited long enough,” Kent said."),
        ("tom_wade", "build_the_pier", "oppose", "warned that the pier"),
        ("the_council", "move_the_slipway", "support", "said the slipway would be moved"),
    ):
        coder.position.value, coder.actor.value = position, actor
        coder.stance.value = value
        coder.evidence.value = next(i for text, i in sentences.items() if words in text)
    b.take_button.click()
    assert len(b.case.stances) == 3, b.message
    # a group
    b.part.value = "Groups"
    b.gname.value = "Pier backers"
    b.gmembers.value = ("maria_kent", "the_council")
    b.gbasis.value = "background"
    b.gsource.value = "the council's minutes (invented)"
    b.gsave.click()
    assert [g.name for g in b.case.groups] == ["Pier backers"], b.message
    # saved after every change; reopening gives the same case, and every tool works on it
    saved = tmp_path / "pier.yaml"
    assert kit.load_case(saved) == b.case
    again = CaseBuilder(saved)
    assert again.case == b.case
    kit.CoalitionExplorer(again.case)
    kit.VoicesExplorer(again.case)
    kit.ArticleExplorer(again.case)
    assert main(["check", str(saved)]) == 0
    assert main(["handout", str(saved), "--out", str(tmp_path / "h.html")]) == 0
    assert main(["export", "--case", str(saved), "--out", str(tmp_path / "e.json")]) == 0
    b.part.value = "Save"
    b.pack_path.value = str(tmp_path / "pack.yaml")
    b.pack_button.click()
    assert kit.load_case(tmp_path / "pack.yaml").stances == ()


def test_refusals_show_one_line_and_change_nothing(article: Path, tmp_path: Path) -> None:
    b = CaseBuilder(article, path=tmp_path / "x.yaml")
    before = b.case
    b.words.value = "words not in the article"
    b.add_button.click()
    assert "not in the article" in b.message and b.case is before
    b.part.value = "Positions"
    b.plabel.value = "   "
    b.padd.click()
    assert "label" in b.message and b.case is before
    b.undo_button.click()
    assert "nothing to undo" in b.message
    assert "\n" not in b.message


def test_html_in_labels_is_escaped_everywhere(article: Path, tmp_path: Path) -> None:
    b = CaseBuilder(article, path=tmp_path / "x.yaml")
    evil = "<img src=x onerror=alert(1)>"
    b.do(lambda: b.state.add_position(evil, evil))
    b.do(lambda: b.state.edit_actor("tom_wade", role=evil))
    b.do(lambda: b.state.set_title(evil))
    for part in PARTS:
        html = render_part(b.state, part, actor="tom_wade")
        assert "<img" not in html, part
    assert "<img" not in b.status.value


def test_a_broken_case_file_opens_read_only_with_its_problems(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "title: t\narticle: a.txt\npositions:\n  - id: x\n    label: X\nstances:\n  - actor: nobody\n", "utf-8"
    )
    b = CaseBuilder(bad)
    assert b.problems and "bad.yaml:7" in " ".join(b.problems)
    assert "cannot open this case" in b.html
    assert bad.read_text(encoding="utf-8").startswith("title: t")  # untouched


def test_builder_on_the_bundled_article_and_reference_case() -> None:
    b = CaseBuilder(kit.load_case())
    assert b.case == kit.load_case()
    b.part.value = "Speakers"
    assert "John Kerry" in b.html
    for part in PARTS:
        b.part.value = part
        assert b.html


def test_same_actor_as_never_offers_the_actor_itself(article: Path, tmp_path: Path) -> None:
    b = CaseBuilder(article, path=tmp_path / "x.yaml")
    for aid in ("tom_wade", "maria_kent"):
        b.actor.value = aid
        offered = [v for _, v in b.merge_into.options]
        assert aid not in offered and offered, offered
    b.actor.value = "tom_wade"
    b.merge_into.value = "harbour_trust"
    b.merge_button.click()
    assert b.case.get_actor("harbour_trust") is None and "Harbour Trust" in b.case.actor("tom_wade").aliases
