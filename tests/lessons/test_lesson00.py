"""Notebook 00 · Start here: the facts its prose states, and its checks' teaching messages."""

from __future__ import annotations

from pathlib import Path

import kit
from kit.lessons import lesson00
from tests.lessontext import prose_of

NB = Path(__file__).resolve().parents[2] / "notebooks" / "00_start_here.ipynb"


def prose() -> str:
    return prose_of(NB)


def test_ten_nations_in_the_core_group():
    assert "a “core group” of ten nations" in prose()
    core = next(g for g in kit.load_case().groups if g.id == "core_group")
    assert len(core.members) == 10 and core.basis == "article"
    assert "from 10 nations" in kit.load_article().text.splitlines()[0]


def test_the_two_officials_are_the_people_of_the_first_paragraph():
    assert "Which two people told the ministers there were many ways they could help?" in prose()
    assert lesson00.SOLUTIONS["q2"] == ["John Kerry", "Chuck Hagel"]
    first = kit.load_article().text.splitlines()[0]
    assert "told" in first and "many ways they could help" in first


def test_names_actors_accepts_surnames_ids_and_any_order():
    q2 = lesson00.check.q2
    assert q2(["hagel", "Kerry"]).correct
    assert q2(("chuck_hagel", "john_kerry")).correct
    assert "not one of the people" in q2(["Kerry", "Obama"]).message
    assert "list of names" in q2("Kerry, Hagel").message


def test_q1_message_for_a_wrong_number_does_not_leak():
    result = lesson00.check.q1(12)
    assert result.outcome == "incorrect" and "10" not in result.message
    assert lesson00.check.q1(True).outcome == "incorrect"


def test_widget_test_checks_the_shortcut():
    mc = lesson00.widget_test
    assert mc.check("Shift + Enter").correct
    assert mc.check("Enter").outcome == "incorrect"
    mc.box.children[1].value = "Ctrl + S"
    mc.button.click()
    assert "saves" in mc.feedback.value


def test_learner_folder_prose_matches_storage(tmp_path, monkeypatch):
    text = prose()
    assert "`kit-learner-work`" in text and "`KIT_LEARNER_DIR`" in text
    monkeypatch.delenv("KIT_LEARNER_DIR")
    assert kit.learner.learner_dir(create=False).name == "kit-learner-work"
    monkeypatch.setenv("KIT_LEARNER_DIR", str(tmp_path))
    assert kit.learner.learner_dir() == tmp_path


def test_the_text_is_said_to_be_an_excerpt():
    text = prose()
    assert "The text is an **excerpt** of a Reuters report" in text
    assert "a *NEWPORT, Wales* dateline and two paragraphs about President Obama" in text
    art = kit.load_article().text
    assert "NEWPORT" not in art and "Newport" not in art  # the dateline is cut
    assert "Barack" not in art and "President Obama" not in art  # he is introduced in the cut paragraphs
    mc = lesson00.exit_ticket.q2
    assert "excerpt" in mc.correct and mc.check(mc.correct).correct


def test_a_nameerror_is_explained_where_it_happens():
    text = prose()
    assert "**If a cell says `NameError`**" in text and "Run All Above Selected Cell" in text
    assert "NameError" in lesson00.exit_ticket.q1.question


def test_q3_judgement_accepts_the_article_and_nothing_made_up():
    q3 = lesson00.check.q3
    assert q3({"choice": "other help", "evidence": "many ways they could help"}).correct
    assert "not in the article" in q3({"choice": "other help", "evidence": "many ways to help them"}).message
    assert "do not show" in q3({"choice": "other help", "evidence": "formed the core group"}).message
    assert "key" in q3({"choice": "other help"}).message
    assert "Choose one of" in q3({"choice": "air strikes", "evidence": "many ways"}).message
    assert "reasoning" in q3(lesson00.SOLUTIONS["q3"]).message  # then shows the reference reasoning
    assert "Exercise 3: your first judgement" in prose()
