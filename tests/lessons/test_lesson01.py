"""Notebook 01 · The article: the facts its prose states, and its checks' teaching messages."""

from __future__ import annotations

from pathlib import Path

import kit
from kit.lessons import lesson01
from tests.lessontext import prose_of

NB = Path(__file__).resolve().parents[2] / "notebooks" / "01_the_article.ipynb"
ART = kit.load_article()


def prose() -> str:
    return prose_of(NB)


def test_one_subheading_in_capitals():
    assert "This article has one subheading" in prose()
    headings = [p for p in ART.paragraphs if p.kind == "heading"]
    assert len(headings) == 1
    assert ART.span(headings[0].start, headings[0].end).isupper()
    assert not any(q.paragraph == headings[0].index for q in ART.quotes)


def test_credits_roles_and_phil_stewart_twice():
    text = prose()
    assert "Phil Stewart appears twice" in text
    c = ART.credits
    assert "Phil Stewart" in c.by and "Phil Stewart" in c.writing
    assert c.by and c.additional_reporting and c.writing and c.editing
    assert c.paragraph == ART.paragraphs[-1].index
    actor_names = {a.name for a in kit.load_case().actors}
    assert not actor_names & set(c.names())


def test_last_body_paragraph_has_three_sentences_in_one_quote():
    assert "The last body paragraph has three sentences inside one quotation" in prose()
    last = [p for p in ART.paragraphs if p.kind == "body"][-1]
    sentences = [s for s in ART.sentences if s.paragraph == last.index]
    assert len(sentences) == 3
    assert [q for q in ART.quotes if q.paragraph == last.index and q.end - q.start > 100]


def test_nine_direct_quotes():
    assert "The kit finds nine direct quotes in this article" in prose()
    assert len(ART.quotes) == 9


def test_who_is_quoted_and_who_is_summarised():
    assert "Kerry, Hagel and Steinmeier are quoted word for word" in prose()
    assert "David Cameron and Francois Hollande said is only summarised" in prose()
    quoted = {q.speaker for q in ART.quotes}
    reported = {r.speaker for r in ART.reported}
    assert {"john_kerry", "chuck_hagel", "frank_walter_steinmeier"} <= quoted
    assert {"david_cameron", "francois_hollande"} <= reported - quoted


def test_paragraph_checks_teach_counting_from_one():
    q4 = lesson01.check.q4
    assert q4(list(reversed(lesson01.SOLUTIONS["q4"]))).correct
    assert "no quote" in q4([1] + lesson01.SOLUTIONS["q4"]).message
    assert "missing" in q4(lesson01.SOLUTIONS["q4"][1:]).message
    assert "whole number" in q4(["4"]).message
    assert lesson01.quote_paragraphs(ART) == sorted({q.paragraph + 1 for q in ART.quotes})


def test_counting_checks():
    assert lesson01.check.q1(sum(1 for p in ART.paragraphs if p.kind == "body")).correct
    assert "too low" in lesson01.check.q1(3).message
    assert "too high" in lesson01.check.q2(99).message
    assert "divided" not in lesson01.check.q1(3).message  # a count has nothing to divide by


def test_the_excerpt_and_the_inverted_pyramid():
    text = prose()
    assert "an **excerpt** of the Reuters report" in text and "**inverted pyramid**" in text
    assert "Obama appears only as “Obama” (¶ 13 and ¶ 20)" in text
    obama = [ART.paragraph_of(m.start).index + 1 for m in kit.load_case().mentions if m.actor == "barack_obama"]
    assert obama == [13, 20]
    assert all(ART.text[m.start : m.end] == "Obama" for m in kit.load_case().mentions if m.actor == "barack_obama")
    q3 = lesson01.check.q3
    assert "heading" in q3({"paragraph": 12, "evidence": "STRATEGY SOUGHT"}).message
    assert "not in ¶" not in q3({"paragraph": 1, "evidence": "formed the core group"}).message
    assert not q3({"paragraph": 1, "evidence": "formed the core group"}).correct  # evidence from another paragraph
    assert "real lead" in q3(lesson01.SOLUTIONS["q3"]).message


def test_background_card_roles_match_the_case_and_the_guide():
    text = prose()
    card = text.split("## Background card (not from the article)", 1)[1].split("\n## ", 1)[0]
    assert "**Who's who**" in card and "**Timeline, 2014:**" in card and "**One group, many names.**" in card
    case = kit.load_case()
    countries = {a.id: a.name for a in case.actors if a.kind == "state"}
    rows = [r for r in card.splitlines() if r.startswith("| ") and not r.startswith("| Person") and "---" not in r]
    assert len(rows) == 7
    for row in rows:
        person, role, country = (c.strip() for c in row.strip("| ").split(" | "))
        actor = next(a for a in case.actors if a.name == person)
        assert role.split(" (")[0] == actor.role and countries[actor.country] == country
    guide = (NB.parents[1] / "docs" / "teacher-guide.md").read_text(encoding="utf-8")
    for fact in (
        "8 August",
        "28 August",
        "10 September",
        "19 September",
        "26 September",
        "4–5 September",
        "Foley",
        "Sotloff",
    ):
        assert fact in card and fact in guide, fact
    for name in ("IS", "ISIL", "Islamic State", "Daesh"):
        assert f"**{name}**" in card
    assert {"IS", "ISIL", "Islamic State"} <= {
        ART.span(m.start, m.end) for m in case.mentions if m.actor == "islamic_state"
    }
    assert "Daesh" not in ART.text
