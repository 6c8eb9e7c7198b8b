"""Lesson 06 ends with the explorers on the learner's own article: kit.lessons.own_article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import kit
from kit.lessons import lesson07 as L
from kit.lessons.own_article import explore, explorers

NB = Path(__file__).resolve().parents[2] / "notebooks" / "07_your_own_article.ipynb"


def test_the_notebooks_draft_shows_every_explorer_on_the_learners_case():
    case = kit.load_case(L.start_case(L.copy_sample()))  # my_case in the notebook: the drafted case file
    shown = explorers(case)
    assert [type(e).__name__ for e in shown] == ["ArticleExplorer", "VoicesExplorer", "CoalitionExplorer"]
    assert all(e.case is case for e in shown)


def test_a_case_without_stances_leaves_the_coalitions_out():
    case = kit.case_from_article(kit.load_article(L.sample_path()))
    assert not case.stances
    assert [type(e).__name__ for e in explorers(case)] == ["ArticleExplorer", "VoicesExplorer"]


def test_a_case_with_stances_adds_the_coalitions():
    case = kit.load_case(L.sample_path("sample_case.yaml"))
    assert [type(e).__name__ for e in explorers(case)] == ["ArticleExplorer", "VoicesExplorer", "CoalitionExplorer"]
    box = explore(case)
    assert len(box.children) == 3
    assert box.children[0].children  # each child is an explorer's own box, controls and output


def test_an_article_alone_is_accepted_and_anything_else_is_explained():
    shown = explorers(kit.load_article())
    assert [type(e).__name__ for e in shown] == ["ArticleExplorer", "VoicesExplorer"]
    with pytest.raises(kit.KitError, match="kit.load_case"):
        explorers("case.yaml")  # type: ignore[arg-type]


def test_the_notebook_shows_the_explorers_on_the_learners_own_article():
    cells = json.loads(NB.read_text(encoding="utf-8"))["cells"]
    code = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    loaded = next(i for i, src in enumerate(code) if "mine = kit.load_article(path)" in src)
    # right after the learner's upload is read: the case builder on it, the task's checklist, then the explorers
    assert code[loaded + 1].splitlines() == ["builder = kit.CaseBuilder(mine)", "builder"]
    assert code[loaded + 2] == "checklist(builder.case)"
    assert code[loaded + 3].splitlines()[-1] == "explore(builder.case)"
    assert all(not c.get("outputs") for c in cells if c["cell_type"] == "code")


def test_checklist_counts_what_the_builder_task_asks() -> None:
    from kit.lessons.own_article import checklist

    bare = checklist(kit.case_from_article(kit.load_article()))
    assert not bare.done and "2 more positions" in repr(bare) and "<li>" in bare._repr_html_()
    assert checklist(kit.load_case()).done
    with pytest.raises(kit.KitError, match="builder.case"):
        checklist("case.yaml")  # type: ignore[arg-type]
