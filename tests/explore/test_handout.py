"""The printable handout: the article with ¶ numbers, a worksheet, print CSS, everything escaped."""

from __future__ import annotations

import html
import re

import kit
from kit.explore.handout import SYMBOLS, render_handout


def _text(page: str) -> str:
    """What a reader sees: the tags dropped, the entities decoded."""
    body = page.split("<body>", 1)[1]
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def test_every_paragraph_is_printed_with_its_number():
    case = kit.load_case()
    page = render_handout(case)
    art = case.article
    for para in art.paragraphs:
        if para.kind == "rule":
            continue
        assert f"¶&nbsp;{para.index + 1}</span>" in page
        assert " ".join(art.text[para.start : para.end].split()) in " ".join(_text(page).split())
    assert page.count("class='para") == sum(1 for p in art.paragraphs if p.kind != "rule")


def test_it_prints_well():
    page = render_handout(kit.load_case())
    assert page.startswith("<!DOCTYPE html>") and "<meta charset='utf-8'>" in page
    assert "@page" in page and "@media print" in page
    assert "break-before: page" in page and "break-inside: avoid" in page
    assert "<script" not in page and "http" not in page  # self-contained: nothing to fetch, nothing to run


def test_the_worksheet_follows_the_case():
    case = kit.load_case()
    text = _text(render_handout(case))
    assert "Worksheet" in text and "Name:" in text
    for position in case.positions:
        assert position.label in text
    for group in case.groups:
        assert group.name in text
    assert all(symbol in text for symbol in SYMBOLS.values())
    assert "John Kerry" in text and "Frank-Walter Steinmeier" in text  # speakers are the grid's rows


def test_the_key_is_only_in_the_teachers_copy():
    case = kit.load_case()
    learner, teacher = _text(render_handout(case)), _text(render_handout(case, key=True))
    assert "Teacher's key" not in learner and "Teacher's key" in teacher
    stance = case.stances[0]
    assert stance.evidence in teacher
    assert "(direct)" not in learner and "(direct)" in teacher


def test_an_article_without_coding_gets_a_worksheet_too():
    art = kit.parse("Kerry said: “We are ready.”\nThe talks ended.\n")
    page = render_handout(kit.case_from_article(art))
    text = _text(page)
    assert "¶\xa01" in text and "We are ready." in text
    assert "This case has no positions yet" in text
    assert "Teacher's key" not in _text(render_handout(kit.case_from_article(art), key=True))


def test_hostile_text_is_printed_not_run():
    art = kit.parse(
        "<script>alert(1)</script> said the minister.\n"
        "“<img src=x onerror='alert(2)'>,” a spokesman said.\n"
        '<a href="javascript:alert(3)">Click</a> & “We agree,” Kerry said.\n'
    )
    page = render_handout(kit.case_from_article(art), key=True)
    assert "<script>" not in page and "<img" not in page and "<a " not in page
    text = _text(page)
    assert "<script>alert(1)</script>" in text and "onerror='alert(2)'" in text and "& “We agree,”" in text
